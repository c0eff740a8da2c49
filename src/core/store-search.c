/*
 * store-search.c -- the full-text index of the letters: the "phoihop"
 * FTS5 tokenizer, keeping the index in step with the letters, and the
 * queries search.c runs on it.
 *
 * The index (letters_fts, migration 3) is an FTS5 table whose content is
 * the view letters_text: subject, number, issuer, recipients, signer, body
 * and notes, so the text is stored once, in the letters.  Its tokens are
 * folded words (viet-fold.c): "Đảng ủy" is indexed as "dang uy", which is
 * what makes a query typed without diacritics find it.  Exactness,
 * fuzziness and ranking are not here but in search.c, which re-reads the
 * few candidate letters it ranks.
 *
 * An external-content index must be told the old text to forget a row.
 * FTS5 reads it from the view when a row is deleted, so the rule is: call
 * store_search_forget() while the letter still holds its old text, then
 * change it, then store_search_index().  Every writer of a letter's text,
 * its recipients or an organization's name does so (store-letter.c,
 * store-org.c), inside the same transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "letter.h"
#include "store-private.h"
#include "util.h"
#include "viet.h"

const char *const ph_search_col_names[PH_SCOL__COUNT] = {
	"subject", "number", "issuer", "recipients", "signer", "body",
	"notes"
};

/* ------------------------------------------------------------ term list */

/*
 * search_terms lists every word the index has held, so that search.c can
 * ask "which of these 300 spellings one edit from 'ninh' exist?" in one
 * statement of b-tree seeks instead of 300 FTS5 queries.  While a letter
 * is indexed the tokenizer notes its words; the new ones are written
 * after the letter.  KNOWN remembers what this connection has already
 * written, so a bulk import costs a hash lookup per word, not a write.
 * Words are never taken out: a stale one only costs a seek that finds
 * nothing in the index.
 */
struct store_terms {
	char		**slot;		/* open addressing; NULL empty */
	size_t		  cap, n;
	struct ph_strv	  pending;	/* seen in this letter, not in KNOWN */
	int		  collecting;
};

static uint64_t
term_hash(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ull;	/* FNV-1a */
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Slot of S[0..N) in T: its own or the empty one where it would go. */
static size_t
term_slot(const struct store_terms *t, const char *s, size_t n)
{
	size_t	i = (size_t)term_hash(s, n) & (t->cap - 1);

	while (t->slot[i] != NULL && (strncmp(t->slot[i], s, n) != 0 ||
	    t->slot[i][n] != '\0'))
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void
term_grow(struct store_terms *t)
{
	char	**old = t->slot;
	size_t	  ocap = t->cap, i;

	t->cap = ocap ? ocap * 2 : 4096;
	t->slot = ph_xcalloc(t->cap, sizeof *t->slot);
	for (i = 0; i < ocap; i++)
		if (old[i] != NULL)
			t->slot[term_slot(t, old[i], strlen(old[i]))] = old[i];
	free(old);
}

/* Note word TOK[0..N) of the letter being indexed. */
static void
terms_note(struct store_terms *t, const char *tok, size_t n)
{
	size_t	i;

	if (t->cap == 0 || (t->n + 1) * 2 > t->cap)
		term_grow(t);
	i = term_slot(t, tok, n);
	if (t->slot[i] != NULL)
		return;
	t->slot[i] = ph_xstrndup(tok, n);
	t->n++;
	ph_strv_push(&t->pending, t->slot[i]);
}

void
store_search_terms_reset(struct ph_store *st)
{
	struct store_terms	*t = st->terms;
	size_t			 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->cap; i++)
		free(t->slot[i]);
	free(t->slot);
	t->slot = NULL;
	t->cap = t->n = 0;
	ph_strv_release(&t->pending);
	t->collecting = 0;
}

void
store_search_terms_free(struct ph_store *st)
{
	store_search_terms_reset(st);
	free(st->terms);
	st->terms = NULL;
}

/* Write the words noted since the last flush. */
static enum ph_status
terms_flush(struct ph_store *st, struct ph_error *err)
{
	static const char	 sql[] = "INSERT OR IGNORE INTO search_terms"
	    " (term) VALUES (?)";
	struct store_terms	*t = st->terms;
	sqlite3_stmt		*s;
	size_t			 i;
	int			 rc;

	if (t->pending.n == 0)
		return PH_OK;
	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	for (i = 0; i < t->pending.n; i++) {
		sqlite3_bind_text(s, 1, t->pending.v[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			store_search_terms_reset(st);
			return store_fail(st, rc, err);
		}
	}
	ph_strv_release(&t->pending);
	return PH_OK;
}

/* ------------------------------------------------------------ tokenizer */

/* The tokenizer instance is the store itself: it notes words for the
 * term list while a letter is indexed. */
static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)ctx;
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

/*
 * A word written in capitals ("UBND", "ĐU") is also indexed as itself
 * with PH_UPPER_MARK in front, at the same position: that is how an
 * abbreviation is told from the common word it folds to ("ĐU" from "dự",
 * "TU" from "từ").  In a query, a word in capitals stands for the marked
 * token alone; search.c writes abbreviations that way and every other
 * word in small letters.
 */
struct tok_ctx {
	void			*fts_ctx;
	int			(*emit)(void *, int, const char *, int, int, int);
	const char		*text;
	int			 query;
	struct store_terms	*terms;		/* NULL: not noting */
};

static int
tok_word(void *arg, const char *tok, size_t toklen, size_t start,
    size_t end)
{
	struct tok_ctx	*c = arg;
	char		 marked[PH_FOLD_WORD_MAX + 2];
	int		 upper, rc;

	upper = ph_viet_is_upper_word(c->text + start, end - start);
	if (upper) {
		marked[0] = PH_UPPER_MARK;
		memcpy(marked + 1, tok, toklen);
	}
	if (c->terms != NULL)
		terms_note(c->terms, tok, toklen);
	if (upper && c->query)
		return c->emit(c->fts_ctx, 0, marked, (int)toklen + 1,
		    (int)start, (int)end);
	rc = c->emit(c->fts_ctx, 0, tok, (int)toklen, (int)start, (int)end);
	if (rc == SQLITE_OK && upper)
		rc = c->emit(c->fts_ctx, FTS5_TOKEN_COLOCATED, marked,
		    (int)toklen + 1, (int)start, (int)end);
	return rc;
}

static int
tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int len, int (*emit)(void *, int, const char *, int, int, int))
{
	struct ph_store	*st = (struct ph_store *)t;
	struct tok_ctx	 c = { ctx, emit, text, (flags & FTS5_TOKENIZE_QUERY) !=
	    0, NULL };

	if (st->terms != NULL && st->terms->collecting &&
	    (flags & FTS5_TOKENIZE_DOCUMENT))
		c.terms = st->terms;
	if (text == NULL || len <= 0)
		return SQLITE_OK;
	return ph_viet_fold_words(text, (size_t)len, tok_word, &c);
}

/* SQL function ph_fold(X): X folded, for comparing type codes ("qd" and
 * "QĐ") in field filters.  NULL stays NULL. */
static void
sql_fold(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	const char	*s;
	char		*f;

	(void)argc;
	if ((s = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(c);
		return;
	}
	f = ph_viet_fold(s);
	sqlite3_result_text(c, f, -1, free);
}

enum ph_status
store_search_register(struct ph_store *st, struct ph_error *err)
{
	static fts5_tokenizer	 tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api		*api = NULL;
	sqlite3_stmt		*s;
	int			 rc;

	rc = sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW || api == NULL || api->iVersion < 2)
		return ph_error_set(err, PH_ERR_DB,
		    _("this SQLite library has no full-text search (FTS5)"));
	st->terms = ph_xcalloc(1, sizeof *st->terms);
	ph_strv_init(&st->terms->pending);
	rc = api->xCreateTokenizer(api, "phoihop", st, &tok, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(st->db, "ph_fold", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		    NULL, sql_fold, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	return PH_OK;
}

/* ------------------------------------------------------------ sync */

enum ph_status
store_search_forget(struct ph_store *st, int64_t id, struct ph_error *err)
{
	static const char	 sql[] = "DELETE FROM letters_fts WHERE rowid = ?";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
store_search_index(struct ph_store *st, int64_t id, struct ph_error *err)
{
	static const char	 sql[] = "INSERT INTO letters_fts(rowid,"
	    " subject, number, issuer, recipients, signer, body, notes)"
	    " SELECT id, subject, number, issuer, recipients, signer, body,"
	    " notes FROM letters_text WHERE id = ?";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	st->terms->collecting = 1;
	rc = sqlite3_step(s);
	st->terms->collecting = 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return terms_flush(st, err);
}

/*
 * The letters whose indexed text names organization ORG (as issuer or
 * recipient), for forgetting and re-indexing them around a rename.
 * Caller frees *IDS.
 */
enum ph_status
store_search_org_letters(struct ph_store *st, int64_t org, int64_t **ids,
    size_t *nids, struct ph_error *err)
{
	static const char	 sql[] = "SELECT id FROM letters"
	    " WHERE issuer_id = ?1 UNION SELECT letter_id"
	    " FROM letter_recipients WHERE org_id = ?1";
	sqlite3_stmt		*s;
	size_t			 cap = 0;
	int			 rc;

	*ids = NULL;
	*nids = 0;
	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, org);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*nids == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = ph_xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*nids)++] = sqlite3_column_int64(s, 0);
	}
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*nids = 0;
		return store_fail(st, rc, err);
	}
	return PH_OK;
}

enum ph_status
ph_store_search_rebuild(struct ph_store *st, struct ph_error *err)
{
	enum ph_status	s;

	store_search_terms_reset(st);	/* the list is emptied below */
	st->terms->collecting = 1;
	s = store_exec(st, "DELETE FROM search_terms;"
	    " INSERT INTO letters_fts(letters_fts) VALUES ('rebuild')", err);
	st->terms->collecting = 0;
	if (s != PH_OK) {
		store_search_terms_reset(st);
		return s;
	}
	/* Everything noted is new to the emptied list. */
	return terms_flush(st, err);
}

/*
 * Which of TERMS[0..N) (folded words) the term list has: CB is called
 * with the index of each.  One statement: the terms go in as a JSON
 * array, and each costs one seek.
 */
enum ph_status
ph_store_search_terms_present(struct ph_store *st, const char *const *terms,
    size_t n, void (*cb)(size_t i, void *arg), void *arg,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT j.key FROM json_each(?1) j"
	    " JOIN search_terms t ON t.term = j.value";
	struct ph_buf		 b;
	sqlite3_stmt		*s;
	size_t			 i;
	const char		*p;
	int			 rc;

	if (n == 0)
		return PH_OK;
	ph_buf_init(&b);
	ph_buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		ph_buf_adds(&b, i ? ",\"" : "\"");
		/* Folded words hold letters and digits; anything JSON
		 * would need escaped is dropped to keep the array valid. */
		for (p = terms[i]; *p != '\0'; p++)
			if ((unsigned char)*p >= 0x20 && *p != '"' &&
			    *p != '\\')
				ph_buf_addc(&b, *p);
		ph_buf_addc(&b, '"');
	}
	ph_buf_addc(&b, ']');
	if ((s = store_stmt(st, sql, err)) == NULL) {
		ph_buf_release(&b);
		return store_errcode(err);
	}
	sqlite3_bind_text(s, 1, b.data, (int)b.len, SQLITE_TRANSIENT);
	ph_buf_release(&b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		cb((size_t)sqlite3_column_int64(s, 0), arg);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_search_optimize(struct ph_store *st, struct ph_error *err)
{
	return store_exec(st,
	    "INSERT INTO letters_fts(letters_fts) VALUES ('optimize')", err);
}

/* ------------------------------------------------------------ queries */

/* The statuses of an open case: the WHERE of the partial index
 * letters_open (migration 2), word for word. */
#define OPEN_STATUSES	"('awaiting-reply', 'extended', 'reminded'," \
			" 'disagreed', 'escalated', 'directed')"
/* Those of them still waiting on a reply (store-letter.c, --overdue). */
#define OVERDUE_STATUSES "('awaiting-reply', 'extended', 'reminded')"

/*
 * Should Q start from the letters rather than from the index?  When a
 * filter keeps only open cases ("tt:qua-han", "tt:cho-tra-loi"), the
 * open cases are few (the partial index letters_open holds them) while
 * the words may be in half the register: checking each open case
 * against the index beats walking half a million hits to find the few
 * that are open.
 */
static int
scan_narrow(const struct ph_search_scan *q)
{
	size_t	i;

	if (q->match == NULL)
		return 0;
	for (i = 0; i < q->npreds; i++) {
		const struct ph_search_pred *p = &q->preds[i];
		if (p->negate)
			continue;
		if (p->kind == PH_SP_OVERDUE || p->kind == PH_SP_OPEN)
			return 1;
		if (p->kind == PH_SP_STATUS && (p->value == PH_ST_AWAITING ||
		    p->value == PH_ST_EXTENDED || p->value == PH_ST_REMINDED ||
		    p->value == PH_ST_DISAGREED || p->value == PH_ST_ESCALATED ||
		    p->value == PH_ST_DIRECTED))
			return 1;
	}
	return 0;
}

/*
 * Build the SQL of Q from fixed fragments; every value is a parameter,
 * bound by bind_scan() in the same order.  HEAD is the select list.
 */
static char *
scan_sql(const struct ph_search_scan *q, const char *head, int paged,
    int limited)
{
	struct ph_buf	 b;
	size_t		 i;
	int		 narrow = scan_narrow(q);

	ph_buf_init(&b);
	ph_buf_adds(&b, head);
	if (narrow)
		ph_buf_adds(&b, " FROM letters l WHERE l.status IN "
		    OPEN_STATUSES);
	else if (q->match != NULL)
		ph_buf_adds(&b, " FROM letters_fts f JOIN letters l"
		    " ON l.id = f.rowid WHERE letters_fts MATCH ?");
	else
		ph_buf_adds(&b, " FROM letters l WHERE 1");
	if (q->exclude != NULL)
		ph_buf_adds(&b, " AND l.id NOT IN (SELECT rowid FROM"
		    " letters_fts WHERE letters_fts MATCH ?)");
	for (i = 0; i < q->npreds; i++) {
		const struct ph_search_pred *p = &q->preds[i];

		ph_buf_adds(&b, p->negate ? " AND NOT coalesce(" : " AND (");
		switch (p->kind) {
		case PH_SP_TYPE:
			/* The parser gives the code folded in capitals. */
			ph_buf_adds(&b, "upper(ph_fold(l.type)) = ?");
			break;
		case PH_SP_DATE:
		case PH_SP_DUE: {
			const char *col = p->kind == PH_SP_DATE ? "l.date" :
			    "l.due";
			/* Only the bounds given, so the planner sees plain
			 * comparisons. */
			ph_buf_printf(&b, "%s IS NOT NULL", col);
			if (ph_date_is_set(p->from))
				ph_buf_printf(&b, " AND %s >= ?", col);
			if (ph_date_is_set(p->to))
				ph_buf_printf(&b, " AND %s <= ?", col);
			break;
		}
		case PH_SP_STATUS:
			ph_buf_adds(&b, "l.status = ?");
			break;
		case PH_SP_OVERDUE:
			/* As "letter list --overdue" counts them: a case
			 * escalated or disagreed waits on direction instead. */
			ph_buf_adds(&b, "l.due < ? AND l.status IN "
			    OVERDUE_STATUSES);
			break;
		case PH_SP_OPEN:
			ph_buf_adds(&b, "l.status IN " OPEN_STATUSES);
			break;
		case PH_SP_CLASS:
			ph_buf_adds(&b, "l.classification = ?");
			break;
		}
		ph_buf_adds(&b, p->negate ? ", 0)" : ")");
	}
	if (narrow)
		ph_buf_adds(&b, " AND EXISTS (SELECT 1 FROM letters_fts"
		    " WHERE letters_fts MATCH ? AND rowid = l.id)");
	/* On the index's rowid when the index leads, so that FTS5 starts
	 * its walk there instead of filtering row by row. */
	if (paged)
		ph_buf_adds(&b, q->match != NULL && !narrow ?
		    " AND f.rowid < ?" : " AND l.id < ?");
	if (q->min_id > 0)
		ph_buf_adds(&b, q->match != NULL && !narrow ?
		    " AND f.rowid >= ?" : " AND l.id >= ?");
	/* "+l.id": starting from the open cases, sort them, rather than
	 * walk the whole table backwards to have them in order. */
	if (limited)
		ph_buf_adds(&b, narrow ? " ORDER BY +l.id DESC LIMIT ?" :
		    q->match != NULL ? " ORDER BY f.rowid DESC LIMIT ?" :
		    " ORDER BY l.id DESC LIMIT ?");
	return ph_buf_take(&b);
}

static int
bind_scan(sqlite3_stmt *s, const struct ph_search_scan *q)
{
	int	i = 1, narrow = scan_narrow(q);
	size_t	k;

	if (q->match != NULL && !narrow)
		sqlite3_bind_text(s, i++, q->match, -1, SQLITE_STATIC);
	if (q->exclude != NULL)
		sqlite3_bind_text(s, i++, q->exclude, -1, SQLITE_STATIC);
	for (k = 0; k < q->npreds; k++) {
		const struct ph_search_pred *p = &q->preds[k];

		switch (p->kind) {
		case PH_SP_TYPE:
			sqlite3_bind_text(s, i++, p->text, -1, SQLITE_STATIC);
			break;
		case PH_SP_DATE:
		case PH_SP_DUE:
			if (ph_date_is_set(p->from))
				store_bind_date(s, i++, p->from);
			if (ph_date_is_set(p->to))
				store_bind_date(s, i++, p->to);
			break;
		case PH_SP_STATUS:
			sqlite3_bind_text(s, i++, ph_keyword_word(
			    ph_status_words, p->value), -1, SQLITE_STATIC);
			break;
		case PH_SP_OVERDUE:
			store_bind_date(s, i++, q->today);
			break;
		case PH_SP_OPEN:
			break;
		case PH_SP_CLASS:
			sqlite3_bind_text(s, i++, ph_keyword_word(
			    ph_class_words, p->value), -1, SQLITE_STATIC);
			break;
		}
	}
	if (narrow)
		sqlite3_bind_text(s, i++, q->match, -1, SQLITE_STATIC);
	return i;
}

/* An FTS5 syntax error is the query's fault, not the database's: the
 * query compiler should never produce one, but a clear message beats
 * "SQL logic error" if it does. */
static enum ph_status
scan_fail(struct ph_store *st, int rc, const struct ph_search_scan *q,
    struct ph_error *err)
{
	const char	*msg = sqlite3_errmsg(st->db);

	if ((rc & 0xff) == SQLITE_ERROR && msg != NULL &&
	    strstr(msg, "fts5") != NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the search index cannot run the query %s: %s"),
		    q->match != NULL ? q->match : "", msg);
	return store_fail(st, rc, err);
}

static enum ph_status
scan_prepare(struct ph_store *st, const char *sql, sqlite3_stmt **out,
    const struct ph_search_scan *q, struct ph_error *err)
{
	int	rc;

	rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (rc != SQLITE_OK)
		return scan_fail(st, rc, q, err);
	return PH_OK;
}

enum ph_status
ph_store_search_ids(struct ph_store *st, const struct ph_search_scan *q,
    int64_t before_id, size_t limit, int64_t **ids, size_t *nids,
    struct ph_error *err)
{
	char		*sql;
	sqlite3_stmt	*s;
	enum ph_status	 rs;
	size_t		 cap = *nids;
	int		 i, rc;

	sql = scan_sql(q, q->match != NULL && !scan_narrow(q) ?
	    "SELECT f.rowid" : "SELECT l.id", before_id > 0, 1);
	rs = scan_prepare(st, sql, &s, q, err);
	free(sql);
	if (rs != PH_OK)
		return rs;
	i = bind_scan(s, q);
	if (before_id > 0)
		sqlite3_bind_int64(s, i++, before_id);
	if (q->min_id > 0)
		sqlite3_bind_int64(s, i++, q->min_id);
	sqlite3_bind_int64(s, i, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*nids >= cap) {
			cap = cap ? cap * 2 : 64;
			*ids = ph_xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*nids)++] = sqlite3_column_int64(s, 0);
	}
	if (rc != SQLITE_DONE) {
		rs = scan_fail(st, rc, q, err);
		sqlite3_finalize(s);
		return rs;
	}
	sqlite3_finalize(s);
	return PH_OK;
}

enum ph_status
ph_store_search_count(struct ph_store *st, const struct ph_search_scan *q,
    int64_t *out, struct ph_error *err)
{
	char		*sql;
	sqlite3_stmt	*s;
	enum ph_status	 rs;
	int		 rc;

	/* Without predicates the count needs no letters row: FTS5 counts
	 * its own doclists. */
	if (q->match != NULL && q->exclude == NULL && q->npreds == 0)
		sql = ph_xstrdup("SELECT count(*) FROM letters_fts"
		    " WHERE letters_fts MATCH ?");
	else
		sql = scan_sql(q, "SELECT count(*)", 0, 0);
	rs = scan_prepare(st, sql, &s, q, err);
	free(sql);
	if (rs != PH_OK)
		return rs;
	bind_scan(s, q);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		rs = scan_fail(st, rc, q, err);
		sqlite3_finalize(s);
		return rs;
	}
	*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return PH_OK;
}

/*
 * Not fts5vocab: its "doc" column reads the term's whole doclist, which
 * for a word in a fifth of a million letters costs more than the search.
 * FTS5 walks a doclist lazily, so a LIMIT makes this cost at most CAP
 * entries, and a word that is not there costs one b-tree seek.  The term
 * is quoted for FTS5; a word for capitals only is written in capitals
 * (the tokenizer marks it again).
 */
enum ph_status
ph_store_search_df(struct ph_store *st, const char *term, int64_t cap,
    int64_t *out, struct ph_error *err)
{
	static const char	 sql[] = "SELECT count(*) FROM (SELECT rowid"
	    " FROM letters_fts WHERE letters_fts MATCH ?1 LIMIT ?2)";
	sqlite3_stmt		*s;
	char			*q, *up = NULL;
	int			 rc;

	if (term[0] == PH_UPPER_MARK)
		term = up = ph_viet_upper(term + 1);
	q = ph_xasprintf("\"%s\"", term);
	free(up);
	if ((s = store_stmt(st, sql, err)) == NULL) {
		free(q);
		return store_errcode(err);
	}
	sqlite3_bind_text(s, 1, q, -1, free);
	sqlite3_bind_int64(s, 2, cap);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return PH_OK;
}

enum ph_status
ph_store_search_ndocs(struct ph_store *st, int64_t *out,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT coalesce(max(id), 0)"
	    " FROM letters";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW)
		return store_fail(st, rc, err);
	*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return PH_OK;
}

void
ph_search_doc_release(struct ph_search_doc *d)
{
	int	i;

	for (i = 0; i < PH_SCOL__COUNT; i++) {
		free(d->col[i]);
		d->col[i] = NULL;
	}
}

enum ph_status
ph_store_search_doc(struct ph_store *st, int64_t id,
    struct ph_search_doc *out, struct ph_error *err)
{
	static const char	 sql[] = "SELECT t.subject, t.number,"
	    " t.issuer, t.recipients, t.signer, t.body, t.notes, l.date"
	    " FROM letters_text t JOIN letters l ON l.id = t.id"
	    " WHERE t.id = ?";
	sqlite3_stmt		*s;
	const char		*v;
	int			 rc, i;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_DONE)
		return ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no letter with id %lld"), (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	out->id = id;
	for (i = 0; i < PH_SCOL__COUNT; i++) {
		v = (const char *)sqlite3_column_text(s, i);
		out->col[i] = ph_xstrdup(v != NULL ? v : "");
	}
	out->date = store_column_date(s, PH_SCOL__COUNT);
	sqlite3_reset(s);
	return PH_OK;
}

enum ph_status
ph_store_search_docs(struct ph_store *st, int64_t before_id,
    ph_search_doc_cb cb, void *arg, struct ph_error *err)
{
	static const char	 sql[] = "SELECT t.id, t.subject, t.number,"
	    " t.issuer, t.recipients, t.signer, t.body, t.notes, l.date"
	    " FROM letters_text t JOIN letters l ON l.id = t.id"
	    " WHERE t.id < ?1 ORDER BY t.id DESC";
	sqlite3_stmt		*s;
	struct ph_search_doc	 d;
	const char		*v;
	int			 rc, i, stop = 0;

	/* Not from the cache: a callback may run other cached statements,
	 * and this one stays open across them. */
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) != SQLITE_OK)
		return store_fail(st, rc, err);
	sqlite3_bind_int64(s, 1, before_id > 0 ? before_id : INT64_MAX);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		d.id = sqlite3_column_int64(s, 0);
		for (i = 0; i < PH_SCOL__COUNT; i++) {
			v = (const char *)sqlite3_column_text(s, i + 1);
			d.col[i] = (char *)(v != NULL ? v : "");
		}
		d.date = store_column_date(s, PH_SCOL__COUNT + 1);
		stop = cb(&d, arg);
	}
	if (!stop && rc != SQLITE_DONE) {
		enum ph_status r = store_fail(st, rc, err);
		sqlite3_finalize(s);
		return r;
	}
	sqlite3_finalize(s);
	return PH_OK;
}
