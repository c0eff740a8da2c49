/*
 * store.h -- the register's one SQLite file: open, migrate, transactions,
 * and every read and write the front ends need.
 *
 * Front ends see struct ph_store only through these calls; SQLite stays
 * in store*.c.  Every call that writes expects to run inside
 * ph_store_begin()/ph_store_commit(), so one command is one transaction
 * and a failed command changes nothing.
 */
#ifndef PH_STORE_H
#define PH_STORE_H

#include <stdint.h>

#include "agreement.h"
#include "docno.h"
#include "error.h"
#include "letter.h"

#define PH_SCHEMA_VERSION	3
#define PH_APPLICATION_ID	0x50485048	/* "PHPH" */

struct ph_store;

typedef int	(*ph_letter_cb)(const struct ph_letter *l, void *arg);

enum ph_store_mode {
	PH_STORE_READ,		/* reads; read-only if the file has no
				 * write permission bits (a closed book) */
	PH_STORE_WRITE,		/* must exist, must be writable */
	PH_STORE_CREATE,	/* create or migrate: phoihop init */
};

/* Open the database at PATH.  A file that is not a phoihop database, or
 * one from a newer phoihop, is refused untouched.  An older schema is
 * migrated in one transaction (not in PH_STORE_READ mode, where it is an
 * error asking for a writable open).  For CREATE, missing parent
 * directories are made with mode 0700. */
enum ph_status	ph_store_open(const char *path, enum ph_store_mode mode,
		    struct ph_store **out, struct ph_error *err);
void		ph_store_close(struct ph_store *st);
/* Whose name goes into the event log (default: the Unix login). */
void		ph_store_set_actor(struct ph_store *st, const char *who);
/* Where data files are (doctypes.tsv); borrowed, must outlive ST. */
void		ph_store_set_datadir(struct ph_store *st, const char *dir);
/* Cap the database at N pages (SQLite max_page_count): for tests of a
 * full disk, and for an office that wants a hard size limit. */
enum ph_status	ph_store_set_page_limit(struct ph_store *st, long n,
		    struct ph_error *err);
int		ph_store_schema_version(struct ph_store *st);
/* 1 when the file was opened read-only (a closed register). */
int		ph_store_is_readonly(struct ph_store *st);

enum ph_status	ph_store_begin(struct ph_store *st, struct ph_error *err);
enum ph_status	ph_store_commit(struct ph_store *st, struct ph_error *err);
void		ph_store_rollback(struct ph_store *st);

/* ---- settings: unit, code, numbering style, term start, language. */
enum ph_numbering {
	PH_NUMBERING_PARTY,	/* Hướng dẫn 36-HD/VPTW: per type per term */
	PH_NUMBERING_STATE,	/* Nghị định 30/2020: per year, secret apart */
};
extern const struct ph_keyword ph_numbering_words[];

/* *OUT is a new string (caller frees) or NULL when unset. */
enum ph_status	ph_store_setting_get(struct ph_store *st, const char *key,
		    char **out, struct ph_error *err);
enum ph_status	ph_store_setting_set(struct ph_store *st, const char *key,
		    const char *value, struct ph_error *err);

struct ph_unit {
	char			*name;		/* "Đảng ủy xã Tân Tiến" */
	char			*code;		/* "ĐU" */
	enum ph_numbering	 numbering;
	struct ph_date		 term_start;
	/* Tone placement new letters are stored in: an enum
	 * ph_tone_style, or -1 to keep what was typed (the default). */
	int			 tone_style;
};
enum ph_status	ph_store_unit_get(struct ph_store *st, struct ph_unit *out,
		    struct ph_error *err);
void		ph_unit_release(struct ph_unit *u);
/* Record our unit (creating or renaming its organization, is_self). */
enum ph_status	ph_store_unit_set(struct ph_store *st, const struct ph_unit *u,
		    struct ph_error *err);

/* ---- organizations */
/* Find by id ("12"), exact name, short name or code; case and Unicode
 * form do not matter. */
enum ph_status	ph_store_org_find(struct ph_store *st, const char *key,
		    struct ph_org *out, struct ph_error *err);
/* Id of the organization called NAME, creating it if unknown (*CREATED
 * set to 1 then). */
enum ph_status	ph_store_org_ensure(struct ph_store *st, const char *name,
		    int64_t *id_out, int *created, struct ph_error *err);
enum ph_status	ph_store_org_add(struct ph_store *st, struct ph_org *o,
		    int64_t *id_out, struct ph_error *err);
/* Update org ID from O: NULL fields are left as they are. */
enum ph_status	ph_store_org_update(struct ph_store *st, int64_t id,
		    struct ph_org *o, struct ph_error *err);
typedef int	(*ph_org_cb)(const struct ph_org *o, void *arg);
enum ph_status	ph_store_org_list(struct ph_store *st, ph_org_cb cb,
		    void *arg, struct ph_error *err);

/* ---- agreements (rules and the files they come from: later) */
enum ph_status	ph_store_agreement_ensure(struct ph_store *st,
		    const char *number, int64_t *id_out, int *created,
		    struct ph_error *err);
enum ph_status	ph_store_agreement_put(struct ph_store *st,
		    struct ph_agreement *a, int64_t *id_out,
		    struct ph_error *err);
typedef int	(*ph_agreement_cb)(const struct ph_agreement *a, void *arg);
enum ph_status	ph_store_agreement_list(struct ph_store *st,
		    ph_agreement_cb cb, void *arg, struct ph_error *err);

/* ---- agreements as data: rules, content items, escalation chain
 * (store-flow.c) */
struct ph_agreement_def;
/* Store DEF, read from an agreement file: a new agreement, or the one of
 * that number updated (items, reply rule and chain replaced; periodic
 * rules matched by key, those gone from the file made inactive so their
 * history stays).  *CREATED is set to 1 for a new one. */
enum ph_status	ph_store_agreement_load(struct ph_store *st,
		    struct ph_agreement_def *def, int64_t *id_out,
		    int *created, struct ph_error *err);
/* The whole definition of agreement KEY (its number, or its id); the
 * caller releases OUT.  Rules have no ids there: see the rule list. */
enum ph_status	ph_store_agreement_def_get(struct ph_store *st,
		    const char *key, struct ph_agreement_def *out,
		    int64_t *id_out, struct ph_error *err);

/* A periodic rule as stored, with the agreement it belongs to. */
struct ph_rule_row {
	int64_t		 id;
	int64_t		 agreement_id;
	const char	*agreement;	/* number */
	const struct ph_periodic_rule *rule;
	struct ph_date	 agreement_date;
};
typedef int	(*ph_rule_cb)(const struct ph_rule_row *r, void *arg);
/* Active periodic rules of every agreement not superseded, in agreement
 * and key order. */
enum ph_status	ph_store_rule_list(struct ph_store *st, ph_rule_cb cb,
		    void *arg, struct ph_error *err);

/* ---- obligations: one per period of a periodic rule */
struct ph_obligation {
	int64_t		 id;
	int64_t		 rule_id;
	const char	*agreement;	/* its number */
	const char	*key;		/* the rule's key */
	const char	*name;
	const char	*period;	/* "2026-H1", "2026", "term-2030" */
	struct ph_date	 due;
	int64_t		 letter_id;	/* fulfilled by; 0 open */
	const char	*who, *to;
};
/* Record the obligation of RULE_ID for PERIOD due on DUE (a new row, or
 * the due date of an open one brought up to date). */
enum ph_status	ph_store_obligation_put(struct ph_store *st, int64_t rule_id,
		    const char *period, struct ph_date due,
		    struct ph_error *err);
typedef int	(*ph_obligation_cb)(const struct ph_obligation *o, void *arg);
/* Obligations due in [FROM, TO] (unset: no bound), open ones only unless
 * ALL; by due date. */
enum ph_status	ph_store_obligation_list(struct ph_store *st,
		    struct ph_date from, struct ph_date to, int all,
		    ph_obligation_cb cb, void *arg, struct ph_error *err);
/* Mark obligation ID as fulfilled by LETTER_ID (0 to undo). */
enum ph_status	ph_store_obligation_fulfil(struct ph_store *st, int64_t id,
		    int64_t letter_id, struct ph_error *err);

/* ---- the life of a request: case actions */
struct ph_case_action {
	int64_t		 id;
	const char	*action;	/* reply, extend, remind, disagree,
					 * escalate, direct, resolve */
	struct ph_date	 on;
	int64_t		 related_id;	/* the reply, reminder, report */
	int		 level;		/* escalation level */
	const char	*target;	/* escalated to, directed by */
	struct ph_date	 new_due;	/* extend */
	const char	*text;		/* reason, instruction */
	const char	*created;
};
enum ph_status	ph_store_case_action_add(struct ph_store *st,
		    int64_t letter_id, const struct ph_case_action *a,
		    struct ph_error *err);
typedef int	(*ph_case_action_cb)(const struct ph_case_action *a,
		    void *arg);
enum ph_status	ph_store_case_action_list(struct ph_store *st,
		    int64_t letter_id, ph_case_action_cb cb, void *arg,
		    struct ph_error *err);
/* Every letter whose case is open (awaiting reply, extended, reminded,
 * disagreed, escalated, directed), by due date; bodies not loaded. */
enum ph_status	ph_store_open_cases(struct ph_store *st, ph_letter_cb cb,
		    void *arg, struct ph_error *err);

/* ---- letters */
/* What add/edit tell the caller besides success. */
struct ph_letter_notes {
	struct ph_strv	new_orgs;	/* organizations created */
	struct ph_strv	new_agreements;	/* agreements created */
};
void		ph_letter_notes_init(struct ph_letter_notes *n);
void		ph_letter_notes_release(struct ph_letter_notes *n);

/* Check L, give it its register number (and for an outgoing letter with
 * no document number, the next number of its series), store it with its
 * recipients and attachments, log the event.  L is updated with what was
 * assigned; *ID_OUT gets the new id. */
enum ph_status	ph_store_letter_add(struct ph_store *st, struct ph_letter *l,
		    int64_t *id_out, struct ph_letter_notes *notes,
		    struct ph_error *err);
/* Load letter ID whole (body and attachment list included). */
enum ph_status	ph_store_letter_get(struct ph_store *st, int64_t id,
		    struct ph_letter *out, struct ph_error *err);
/* Replace letter ID by L (as got, then changed by the caller). */
enum ph_status	ph_store_letter_update(struct ph_store *st, struct ph_letter *l,
		    struct ph_letter_notes *notes, struct ph_error *err);
/* The document number outgoing letter L (its date, type code -- "" for
 * CV -- and secrecy) would be given if stored now, without taking it: what
 * a form proposes.  Caller frees *OUT.  An unknown type is an error. */
enum ph_status	ph_store_letter_propose_number(struct ph_store *st,
		    const struct ph_letter *l, char **out, struct ph_error *err);
/* A number that changes whenever letter ID changes (0: never logged).  A
 * screen keeps the stamp of what it showed and, in the transaction that
 * saves an edit, refuses when the stamp is no longer the same. */
enum ph_status	ph_store_letter_stamp(struct ph_store *st, int64_t id,
		    int64_t *out, struct ph_error *err);
enum ph_status	ph_store_letter_delete(struct ph_store *st, int64_t id,
		    struct ph_error *err);
/* Attachment ATT_ID's bytes (caller frees *DATA). */
enum ph_status	ph_store_attachment_get(struct ph_store *st, int64_t att_id,
		    char **name, char **data, size_t *len,
		    struct ph_error *err);

struct ph_letter_filter {
	int		 direction;	/* -1 any */
	int		 year;		/* 0 any: year of the register book */
	int		 status;	/* -1 any */
	int		 overdue;	/* only open cases past due on TODAY */
	const char	*issuer;	/* organization, NULL any: the issuer
					 * for ph_store_letter_list(); for a
					 * window and its count, the other
					 * party (an incoming letter's
					 * issuer, any recipient of an
					 * outgoing one) */
	struct ph_date	 due_before;	/* unset: any */
	struct ph_date	 today;
	long		 limit;		/* 0: all */
};
void		ph_letter_filter_init(struct ph_letter_filter *f);
/* Call CB for each matching letter in register order (body not loaded;
 * recipients joined).  CB returns non-zero to stop. */
enum ph_status	ph_store_letter_list(struct ph_store *st,
		    const struct ph_letter_filter *f, ph_letter_cb cb,
		    void *arg, struct ph_error *err);

/* ---- a window of a register, for a screen (no more rows than shown) */
enum ph_letter_sort {
	PH_SORT_REGISTER = 0,	/* số đến / số đi: the book's own order */
	PH_SORT_DATE,		/* ngày văn bản */
	PH_SORT_NUMBER,		/* số ký hiệu */
	PH_SORT_ORG,		/* issuer (incoming) / first recipient (outgoing) */
	PH_SORT_SUBJECT,	/* trích yếu */
	PH_SORT_DUE,		/* hạn; letters without one last */
	PH_SORT_STATUS
};
/* Where a window starts: after (or before) the row with this sort key and
 * id, which the caller took from the last (first) row it shows. */
struct ph_letter_anchor {
	int64_t		 id;		/* 0: the start (or the end) of the list */
	char		*key;		/* the row's sort key, as the store gave it */
};
struct ph_letter_window {
	const struct ph_letter_filter	*filter;	/* direction, year, status, issuer */
	enum ph_letter_sort		 sort;
	int				 desc;		/* newest / largest first */
	struct ph_letter_anchor		 anchor;
	int				 backward;	/* the rows before ANCHOR */
	size_t				 n;		/* at most this many rows */
};
/* Call CB with up to W->n letters of the register in sort order (for
 * BACKWARD, the n rows just before the anchor, still in sort order), the
 * body not loaded.  KEY_OUT (may be NULL) is called with each row's sort
 * key, to make the next anchor.  Cost: the rows shown, not the register. */
typedef void	(*ph_letter_key_cb)(int64_t id, const char *key, void *arg);
enum ph_status	ph_store_letter_window(struct ph_store *st,
		    const struct ph_letter_window *w, ph_letter_cb cb,
		    ph_letter_key_cb key_out, void *arg, struct ph_error *err);
/* How many letters F matches (for "row N of M"). */
enum ph_status	ph_store_letter_count(struct ph_store *st,
		    const struct ph_letter_filter *f, int64_t *out,
		    struct ph_error *err);
/* SQLite's PRAGMA data_version: changes when another connection commits,
 * so that a screen knows to reload. */
enum ph_status	ph_store_data_version(struct ph_store *st, int64_t *out,
		    struct ph_error *err);

/* ---- the event log */
struct ph_event {
	int64_t		 id;
	const char	*at, *who, *entity, *action, *before, *after;
	int64_t		 entity_id;
};
typedef int	(*ph_event_cb)(const struct ph_event *e, void *arg);
/* Events of ENTITY ("letter", "organization") ID, oldest first. */
enum ph_status	ph_store_event_list(struct ph_store *st, const char *entity,
		    int64_t id, ph_event_cb cb, void *arg,
		    struct ph_error *err);

/* The type code CODE ("qđ", "QD" ...) as the table has it: *OUT its
 * canonical row; an unknown code is an error naming it. */
enum ph_status	ph_store_doctype_find(struct ph_store *st, const char *code,
		    const struct ph_doctype **out, struct ph_error *err);
/* The parsed type-code table, loaded once per store from the data dir. */
enum ph_status	ph_store_doctypes(struct ph_store *st,
		    const struct ph_doctypes **out, struct ph_error *err);

/* ---- the search index (store-search.c) */
/* The seven texts of a letter the index holds, in index column order. */
enum ph_search_col {
	PH_SCOL_SUBJECT,
	PH_SCOL_NUMBER,
	PH_SCOL_ISSUER,
	PH_SCOL_RECIPIENTS,
	PH_SCOL_SIGNER,
	PH_SCOL_BODY,
	PH_SCOL_NOTES,
	PH_SCOL__COUNT
};
/* Index column names, for FTS5 column filters ("{number} : ..."). */
extern const char *const ph_search_col_names[PH_SCOL__COUNT];

/* A condition on the letter row itself, from the query's field filters. */
enum ph_search_pred_kind {
	PH_SP_TYPE,		/* loai: TEXT is the folded type code */
	PH_SP_DATE,		/* ngay: FROM..TO, either may be unset */
	PH_SP_DUE,		/* han:  FROM..TO */
	PH_SP_STATUS,		/* tt:   VALUE is an enum ph_state */
	PH_SP_OVERDUE,		/* tt:qua-han, open and past due on TODAY */
	PH_SP_OPEN,		/* tt:dang-mo, any open case */
	PH_SP_CLASS		/* mat:  VALUE is an enum ph_class */
};
struct ph_search_pred {
	enum ph_search_pred_kind kind;
	int			 negate;
	const char		*text;
	struct ph_date		 from, to;
	int			 value;
};
/* What to look in: letters matching the FTS5 expression MATCH (NULL: all
 * letters), minus those matching EXCLUDE (NULL: none), meeting every
 * predicate. */
struct ph_search_scan {
	const char			*match;
	const char			*exclude;
	const struct ph_search_pred	*preds;
	size_t				 npreds;
	struct ph_date			 today;
	int64_t				 min_id;	/* ids from here (0: all);
							 * for ph_store_search_ids() */
};
/* Ids of up to LIMIT matching letters, newest entry first, below
 * BEFORE_ID (0: from the newest), appended to *IDS / *NIDS (caller frees
 * *IDS).  PH_ERR_INVALID if FTS5 refuses the expression. */
enum ph_status	ph_store_search_ids(struct ph_store *st,
		    const struct ph_search_scan *q, int64_t before_id,
		    size_t limit, int64_t **ids, size_t *nids,
		    struct ph_error *err);
/* How many letters match Q. */
enum ph_status	ph_store_search_count(struct ph_store *st,
		    const struct ph_search_scan *q, int64_t *out,
		    struct ph_error *err);
/* In how many letters the folded word TERM occurs (0 if none), counting
 * no further than CAP: the cost is at most CAP. */
enum ph_status	ph_store_search_df(struct ph_store *st, const char *term,
		    int64_t cap, int64_t *out, struct ph_error *err);
/* Call CB(i, ARG) for each of the folded words TERMS[0..N) that some
 * letter has held (a word once indexed stays listed). */
enum ph_status	ph_store_search_terms_present(struct ph_store *st,
		    const char *const *terms, size_t n,
		    void (*cb)(size_t i, void *arg), void *arg,
		    struct ph_error *err);
/* Roughly how many letters are indexed (the highest id). */
enum ph_status	ph_store_search_ndocs(struct ph_store *st, int64_t *out,
		    struct ph_error *err);
/* A letter's indexed texts and what a hit shows. */
struct ph_search_doc {
	int64_t		 id;
	struct ph_date	 date;
	char		*col[PH_SCOL__COUNT];	/* never NULL */
};
void		ph_search_doc_release(struct ph_search_doc *d);
enum ph_status	ph_store_search_doc(struct ph_store *st, int64_t id,
		    struct ph_search_doc *out, struct ph_error *err);
/* Call CB with every letter's texts, newest entry first, starting below
 * BEFORE_ID (0: from the newest); CB returns non-zero to stop.  The doc
 * is only valid during the call.  For regex search, which must read the
 * text itself. */
typedef int	(*ph_search_doc_cb)(const struct ph_search_doc *d, void *arg);
enum ph_status	ph_store_search_docs(struct ph_store *st, int64_t before_id,
		    ph_search_doc_cb cb, void *arg, struct ph_error *err);
/* Merge the index's segments into one, so that a word is one b-tree
 * seek (after a large import).  Inside the caller's transaction. */
enum ph_status	ph_store_search_optimize(struct ph_store *st,
		    struct ph_error *err);
/* Rebuild the whole index from the letters (after a crash left it in
 * doubt, or for the bench).  Inside the caller's transaction. */
enum ph_status	ph_store_search_rebuild(struct ph_store *st,
		    struct ph_error *err);

#endif
