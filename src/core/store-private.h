/*
 * store-private.h -- what the store*.c files share and nobody else sees:
 * the connection, the statement cache, error mapping, the event writer.
 */
#ifndef PH_STORE_PRIVATE_H
#define PH_STORE_PRIVATE_H

#include <sqlite3.h>

#include "store.h"

#define STORE_CACHE	64

struct ph_store {
	sqlite3			*db;
	char			*path;
	char			*who;
	const char		*datadir;
	int			 readonly;
	int			 in_tx;
	struct ph_doctypes	*doctypes;
	struct store_terms	*terms;		/* store-search.c */
	struct {
		const char	*sql;	/* static string: compared by address */
		sqlite3_stmt	*stmt;
	} cache[STORE_CACHE];
};

/* A prepared, reset statement for the static string SQL, owned by the
 * cache (do not finalize).  NULL on error, with ERR filled. */
sqlite3_stmt	*store_stmt(struct ph_store *st, const char *sql,
		    struct ph_error *err);
/* Map SQLite's RC (and message) to a status and a message for the clerk. */
enum ph_status	 store_fail(struct ph_store *st, int rc, struct ph_error *err);
/* Run SQL that takes no parameters and returns no rows. */
enum ph_status	 store_exec(struct ph_store *st, const char *sql,
		    struct ph_error *err);
/* Bind a string or NULL; empty strings stay empty. */
void		 store_bind_text(sqlite3_stmt *s, int i, const char *v);
void		 store_bind_date(sqlite3_stmt *s, int i, struct ph_date d);
struct ph_date	 store_column_date(sqlite3_stmt *s, int i);
char		*store_column_dup(sqlite3_stmt *s, int i);	/* NULL stays */
/* The current timestamp for created/updated/events. BUF >= 32 bytes. */
char		*store_now(char *buf);
/* Run the static query SQL (one JSON column, ?1 = ID) and return its
 * text (caller frees), or NULL if there is no such row. */
char		*store_snapshot(struct ph_store *st, const char *sql,
		    int64_t id);
/* Append to the event log.  BEFORE/AFTER are JSON texts or NULL. */
enum ph_status	 store_event(struct ph_store *st, const char *entity,
		    int64_t id, const char *uid, const char *action,
		    const char *before, const char *after,
		    struct ph_error *err);
/* Next value of counter SERIES, or raise it to at least AT_LEAST when
 * that is > 0 (for numbers typed by hand).  Never goes down. */
enum ph_status	 store_counter_next(struct ph_store *st, const char *series,
		    int64_t at_least, int64_t *out, struct ph_error *err);
/* What store_counter_next() would give SERIES now, without taking it. */
enum ph_status	 store_counter_peek(struct ph_store *st, const char *series,
		     int64_t *out, struct ph_error *err);

/* ERR's code, for returning after a call that filled ERR (may be NULL). */
static inline enum ph_status
store_errcode(const struct ph_error *err)
{
	return err != NULL ? err->code : PH_ERR_DB;
}

/* store-search.c: the tokenizer and ph_fold() on a new connection; the
 * index kept in step with a letter's text (forget it before the text
 * changes, index it after); the letters naming an organization. */
enum ph_status	 store_search_register(struct ph_store *st,
		    struct ph_error *err);
enum ph_status	 store_search_forget(struct ph_store *st, int64_t id,
		    struct ph_error *err);
enum ph_status	 store_search_index(struct ph_store *st, int64_t id,
		    struct ph_error *err);
/* Forget what the term list cache believes (after a rollback), and free
 * it (on close). */
void		 store_search_terms_reset(struct ph_store *st);
void		 store_search_terms_free(struct ph_store *st);
enum ph_status	 store_search_org_letters(struct ph_store *st, int64_t org,
		    int64_t **ids, size_t *nids, struct ph_error *err);

enum ph_status	 store_migrate(struct ph_store *st, int from,
		    struct ph_error *err);

#endif
