/*
 * bench-search.c -- search on a register made by gen-letters: phoihop's
 * ph_search() against plain FTS5 (unicode61 remove_diacritics 2, ranked by
 * bm25()), same database, same queries, same process.
 *
 * Measures, in this order:
 *   1. index build: phoihop's index rebuilt from the letters, and a plain
 *      FTS5 index over the same view built beside it; time and size
 *      (pages of each index's shadow tables, from dbstat);
 *   2. for each of 30 typical queries, RUNS times each: counting all hits,
 *      and the first page of 20 ranked hits (for phoihop with snippets);
 *      p50 and p95 over the 30 medians.
 * The plain index is dropped again at the end, so the register is left as
 * it was.  Not a test: prints figures, never judges them.
 *
 * Usage: bench-search DB [RUNS]   (PHOIHOP_DATADIR as for phoihop)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "core.h"
#include "search.h"

/*
 * What a clerk types into the search box on a day's work: words with and
 * without diacritics, đ typed as d, phrases, abbreviations, exclusions,
 * OR, prefixes and field filters.  The plain FTS5 query is the same words
 * in FTS5's syntax, and a field filter becomes the same condition in SQL
 * on the letters row, as a plain implementation would write it.  Where
 * the meanings differ (plain FTS5 keeps đ apart from d, knows no
 * abbreviations and no OCR variants) the hit counts printed show it.
 */
static const struct {
	const char	*ph;
	const char	*plain;
	const char	*where;		/* SQL on letters l, or NULL */
} queries[] = {
	{ "an ninh", "an ninh", NULL },
	{ "dang uy", "dang uy", NULL },
	{ "Đảng ủy", "Đảng ủy", NULL },
	{ "bao cao ket qua", "bao cao ket qua", NULL },
	{ "báo cáo kết quả", "báo cáo kết quả", NULL },
	{ "chi bo", "chi bo", NULL },
	{ "phoi hop", "phoi hop", NULL },
	{ "\"trật tự an toàn xã hội\"", "\"trật tự an toàn xã hội\"", NULL },
	{ "kiem tra giam sat", "kiem tra giam sat", NULL },
	{ "UBND", "UBND", NULL },
	{ "ủy ban nhân dân", "ủy ban nhân dân", NULL },
	{ "dang vien moi", "dang vien moi", NULL },
	{ "tham nhung", "tham nhung", NULL },
	{ "nong thon moi", "nong thon moi", NULL },
	{ "chuyen doi so", "chuyen doi so", NULL },
	{ "hoi nghi -\"tong ket\"", "hoi nghi NOT \"tong ket\"", NULL },
	{ "tuyen truyen OR van dong", "tuyen truyen OR van dong", NULL },
	{ "kiem*", "kiem*", NULL },
	{ "dang phi", "dang phi", NULL },
	{ "bao ve chinh tri noi bo", "bao ve chinh tri noi bo", NULL },
	{ "bí mật nhà nước", "bí mật nhà nước", NULL },
	{ "ho so dang vien", "ho so dang vien", NULL },
	{ "Hồ Chí Minh", "Hồ Chí Minh", NULL },
	{ "dan van", "dan van", NULL },
	{ "an ninh ngay:2024", "an ninh",
	    "l.date BETWEEN '2024-01-01' AND '2024-12-31'" },
	{ "bao cao tt:qua-han", "bao cao",
	    "l.due < '2027-01-15' AND l.status IN ('awaiting-reply',"
	    " 'extended', 'reminded', 'disagreed', 'escalated', 'directed')" },
	{ "so:CV dang uy", "number : CV AND dang uy", NULL },
	{ "tu:\"cong an\" an ninh", "issuer : \"cong an\" AND an ninh", NULL },
	{ "thuong vu", "thuong vu", NULL },
	{ "nghi quyet dai hoi", "nghi quyet dai hoi", NULL },
};
#define NQ	(sizeof queries / sizeof queries[0])
#define RUNS_MAX 15

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dcmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, dcmp);
	return t[n / 2];
}

/* The p-th percentile (nearest rank) of N values. */
static double
pct(const double *v, size_t n, double p)
{
	double	s[64];
	size_t	k;

	memcpy(s, v, n * sizeof *v);
	qsort(s, n, sizeof *s, dcmp);
	k = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	return s[k - 1];
}

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "bench-search: %s: %s\n", what, msg);
	exit(1);
}

static void
exec_or_die(sqlite3 *db, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die(sql, msg != NULL ? msg : "?");
}

/* Bytes in the pages of tables whose name starts with PREFIX. */
static long long
index_bytes(sqlite3 *db, const char *prefix)
{
	sqlite3_stmt	*s;
	long long	 n = -1;
	char		*like = sqlite3_mprintf("%s%%", prefix);

	if (sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat"
	    " WHERE name LIKE ?", -1, &s, NULL) != SQLITE_OK)
		die("dbstat", sqlite3_errmsg(db));
	sqlite3_bind_text(s, 1, like, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_free(like);
	return n;
}

static long long
plain_count(sqlite3 *db, const char *q, const char *where)
{
	sqlite3_stmt	*s;
	long long	 n = -1;
	char		*sql;

	if (where == NULL)
		sql = sqlite3_mprintf("SELECT count(*) FROM plain_fts"
		    " WHERE plain_fts MATCH ?");
	else
		sql = sqlite3_mprintf("SELECT count(*) FROM plain_fts f"
		    " JOIN letters l ON l.id = f.rowid"
		    " WHERE plain_fts MATCH ? AND %s", where);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die("plain count", sqlite3_errmsg(db));
	sqlite3_free(sql);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		die(q, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return n;
}

static int
plain_page(sqlite3 *db, const char *q, const char *where)
{
	sqlite3_stmt	*s;
	int		 n = 0, rc;
	char		*sql;

	if (where == NULL)
		sql = sqlite3_mprintf("SELECT rowid FROM plain_fts"
		    " WHERE plain_fts MATCH ? ORDER BY bm25(plain_fts)"
		    " LIMIT 20");
	else
		sql = sqlite3_mprintf("SELECT f.rowid FROM plain_fts f"
		    " JOIN letters l ON l.id = f.rowid"
		    " WHERE plain_fts MATCH ? AND %s ORDER BY bm25(plain_fts)"
		    " LIMIT 20", where);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die("plain page", sqlite3_errmsg(db));
	sqlite3_free(sql);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		n++;
	if (rc != SQLITE_DONE)
		die(q, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return n;
}

int
main(int argc, char **argv)
{
	struct ph_store		*st;
	struct ph_error		 err;
	struct ph_search_opts	 o;
	struct ph_search_result	 r;
	sqlite3			*db;
	double			 t[RUNS_MAX], t0;
	double			 ph_cnt[NQ], ph_pg[NQ], pl_cnt[NQ], pl_pg[NQ];
	long long		 ph_n[NQ], pl_n[NQ], phsize, plsize;
	double			 ph_build, pl_build;
	char			*abbrev;
	size_t			 q;
	int			 runs = argc > 2 ? atoi(argv[2]) : 5, i;

	if (argc < 2 || runs < 1 || runs > RUNS_MAX) {
		fprintf(stderr, "usage: bench-search DB [RUNS]\n");
		return 2;
	}
	abbrev = ph_xasprintf("%s/abbreviations.tsv", ph_paths_datadir());
	if (ph_store_open(argv[1], PH_STORE_WRITE, &st, &err) != PH_OK)
		die(argv[1], err.msg);
	/* The plain index lives in the same file, through a second
	 * connection that knows nothing of phoihop. */
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		die(argv[1], sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 10000);
	/* Read as phoihop reads (store.c): through the page cache. */
	exec_or_die(db, "PRAGMA mmap_size=0");

	/* 1. Index build. */
	t0 = now_ms();
	if (ph_store_begin(st, &err) != PH_OK ||
	    ph_store_search_rebuild(st, &err) != PH_OK ||
	    ph_store_commit(st, &err) != PH_OK)
		die("rebuild", err.msg);
	ph_build = now_ms() - t0;
	exec_or_die(db, "DROP TABLE IF EXISTS plain_fts");
	t0 = now_ms();
	exec_or_die(db, "BEGIN; CREATE VIRTUAL TABLE plain_fts USING"
	    " fts5(subject, number, issuer, recipients, signer, body, notes,"
	    " content = 'letters_text', content_rowid = 'id',"
	    " tokenize = 'unicode61 remove_diacritics 2');"
	    " INSERT INTO plain_fts(plain_fts) VALUES ('rebuild'); COMMIT");
	pl_build = now_ms() - t0;
	exec_or_die(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	phsize = index_bytes(db, "letters_fts_");
	plsize = index_bytes(db, "plain_fts_");

	/* 2. Queries: one untimed pass first, so that every timed run
	 * finds the pages in the cache alike. */
	memset(&o, 0, sizeof o);
	o.abbrev_path = abbrev;
	o.limit = 20;
	for (q = 0; q < NQ; q++) {
		o.query = queries[q].ph;
		o.count_only = 1;
		if (ph_search(st, &o, &r, &err) != PH_OK)
			die(queries[q].ph, err.msg);
		ph_n[q] = r.total;
		ph_search_result_release(&r);
		pl_n[q] = plain_count(db, queries[q].plain, queries[q].where);
	}
	for (q = 0; q < NQ; q++) {
		o.query = queries[q].ph;
		o.count_only = 1;
		o.no_count = 0;
		for (i = 0; i < runs; i++) {
			t0 = now_ms();
			if (ph_search(st, &o, &r, &err) != PH_OK)
				die(queries[q].ph, err.msg);
			t[i] = now_ms() - t0;
			ph_search_result_release(&r);
		}
		ph_cnt[q] = median(t, runs);
		o.count_only = 0;
		o.no_count = 1;
		for (i = 0; i < runs; i++) {
			t0 = now_ms();
			if (ph_search(st, &o, &r, &err) != PH_OK)
				die(queries[q].ph, err.msg);
			t[i] = now_ms() - t0;
			ph_search_result_release(&r);
		}
		ph_pg[q] = median(t, runs);
		for (i = 0; i < runs; i++) {
			t0 = now_ms();
			plain_count(db, queries[q].plain, queries[q].where);
			t[i] = now_ms() - t0;
		}
		pl_cnt[q] = median(t, runs);
		for (i = 0; i < runs; i++) {
			t0 = now_ms();
			plain_page(db, queries[q].plain, queries[q].where);
			t[i] = now_ms() - t0;
		}
		pl_pg[q] = median(t, runs);
		printf("query %-32s  hits %8lld / plain %8lld   count %7.1f / %7.1f ms   page %7.1f / %7.1f ms\n",
		    queries[q].ph, ph_n[q], pl_n[q], ph_cnt[q], pl_cnt[q],
		    ph_pg[q], pl_pg[q]);
	}
	exec_or_die(db, "DROP TABLE plain_fts");
	exec_or_die(db, "PRAGMA wal_checkpoint(TRUNCATE)");

	printf("index build: phoihop %.1f s, plain %.1f s\n", ph_build / 1e3,
	    pl_build / 1e3);
	printf("index size: phoihop %lld bytes, plain %lld bytes (%.2fx)\n",
	    phsize, plsize, plsize > 0 ? (double)phsize / (double)plsize : 0);
	printf("count p50: phoihop %.1f ms, plain %.1f ms\n",
	    pct(ph_cnt, NQ, 50), pct(pl_cnt, NQ, 50));
	printf("count p95: phoihop %.1f ms, plain %.1f ms\n",
	    pct(ph_cnt, NQ, 95), pct(pl_cnt, NQ, 95));
	printf("page p50: phoihop %.1f ms, plain %.1f ms\n",
	    pct(ph_pg, NQ, 50), pct(pl_pg, NQ, 50));
	printf("page p95: phoihop %.1f ms, plain %.1f ms\n",
	    pct(ph_pg, NQ, 95), pct(pl_pg, NQ, 95));
	sqlite3_close(db);
	ph_store_close(st);
	free(abbrev);
	return 0;
}
