/*
 * draft.h -- typing that must survive a dropped connection: the fields of
 * an open form, saved when the terminal goes away (SIGHUP) or the program
 * is told to stop, and offered back at the next start.
 *
 * Drafts are small files in $XDG_STATE_HOME/phoihop/drafts (mode 0600,
 * written to a temporary file and renamed, so a crash mid-write leaves the
 * old draft or none, never half of one).  No SQLite: a draft must be
 * saveable when the database is locked or gone.
 */
#ifndef PH_DRAFT_H
#define PH_DRAFT_H

#include "error.h"
#include "util.h"

struct ph_draft {
	char		*form;		/* which form: "letter-in", "reply:42" */
	char		*saved;		/* timestamp, ISO 8601 */
	struct ph_strv	 names;		/* field names ... */
	struct ph_strv	 values;	/* ... and their text, UTF-8 */
};
void		ph_draft_init(struct ph_draft *d);
void		ph_draft_release(struct ph_draft *d);
/* Set field NAME to VALUE (replacing an earlier one). */
void		ph_draft_set(struct ph_draft *d, const char *name,
		    const char *value);
const char	*ph_draft_get(const struct ph_draft *d, const char *name);
/* Save D as the draft of D->form for database DB_PATH (drafts of one
 * register are not offered for another). */
enum ph_status	ph_draft_save(const char *db_path, const struct ph_draft *d,
		    struct ph_error *err);
/* The drafts waiting for DB_PATH, oldest first; *OUT / *N owned by the
 * caller (release each, free the array). */
enum ph_status	ph_draft_list(const char *db_path, struct ph_draft **out,
		    size_t *n, struct ph_error *err);
/* Forget the draft of FORM (after it was saved as a letter, or the clerk
 * threw it away). */
enum ph_status	ph_draft_remove(const char *db_path, const char *form,
		    struct ph_error *err);

#endif
