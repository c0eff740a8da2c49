/*
 * t-store.c -- the store through its API: create, reopen, refuse foreign
 * and newer files untouched, numbering of both styles, numbers never
 * reused, a full database leaves nothing half-written, the event log;
 * the file read through SQLite's page cache, not memory-mapped.
 */
#include "config.h"

#include <fcntl.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "tap.h"

static char	tmpdir[] = "/tmp/t-store.XXXXXX";

static char *
path(const char *leaf)
{
	return ph_xasprintf("%s/%s", tmpdir, leaf);
}

static struct ph_store *
fresh(const char *leaf, enum ph_numbering numbering)
{
	struct ph_store	*st = NULL;
	struct ph_error	 err;
	struct ph_unit	 u;
	char		*p = path(leaf);

	if (ph_store_open(p, PH_STORE_CREATE, &st, &err) != PH_OK) {
		diag("open %s: %s", p, err.msg);
		exit(1);
	}
	free(p);
	ph_store_set_datadir(st, getenv("PHOIHOP_DATADIR"));
	memset(&u, 0, sizeof u);
	u.name = ph_xstrdup("Đảng ủy xã Tân Tiến");
	u.code = ph_xstrdup("ĐU");
	u.numbering = numbering;
	u.term_start = (struct ph_date){ 2025, 7, 1 };
	ph_store_begin(st, NULL);
	ph_store_unit_set(st, &u, NULL);
	ph_store_commit(st, NULL);
	ph_unit_release(&u);
	return st;
}

/* Add a letter; returns its id or 0, filling *NUMBER (static). */
static int64_t
add(struct ph_store *st, enum ph_direction dir, const char *type,
    enum ph_class cls, struct ph_date date, const char **number,
    struct ph_error *err)
{
	static char		 num[64];
	struct ph_letter	 l;
	int64_t			 id = 0;

	ph_letter_init(&l);
	l.direction = dir;
	l.date = date;
	l.received = date;
	l.classification = cls;
	if (type != NULL)
		l.type = ph_xstrdup(type);
	if (dir == PH_DIR_IN)
		l.issuer = ph_xstrdup("Đảng ủy Công an tỉnh");
	else
		ph_strv_push(&l.recipients, "Đảng ủy Công an tỉnh");
	l.subject = ph_xstrdup("V/v phối hợp công tác bảo vệ chính trị nội bộ");
	if (ph_store_begin(st, err) == PH_OK &&
	    ph_store_letter_add(st, &l, &id, NULL, err) == PH_OK &&
	    ph_store_commit(st, err) == PH_OK) {
		snprintf(num, sizeof num, "%s#%lld", l.number,
		    (long long)l.register_no);
	} else {
		ph_store_rollback(st);
		id = 0;
		snprintf(num, sizeof num, "(failed)");
	}
	if (number != NULL)
		*number = num;
	ph_letter_release(&l);
	return id;
}

static int
count_cb(const struct ph_letter *l, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int
events_cb(const struct ph_event *e, void *arg)
{
	struct ph_buf	*b = arg;

	ph_buf_printf(b, "%s;", e->action);
	return 0;
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(p);
}

static int
file_same(const char *a, const char *b)
{
	char	*da, *db;
	size_t	 la, lb;
	int	 same;

	if (ph_file_read(a, 1 << 24, &da, &la, NULL) != PH_OK)
		return 0;
	if (ph_file_read(b, 1 << 24, &db, &lb, NULL) != PH_OK) {
		free(da);
		return 0;
	}
	same = la == lb && memcmp(da, db, la) == 0;
	free(da);
	free(db);
	return same;
}

static void
write_file(const char *p, const char *data, size_t len)
{
	int	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		exit(1);
	close(fd);
}

int
main(void)
{
	struct ph_store		*st, *st2;
	struct ph_error		 err;
	struct ph_date		 d26 = { 2026, 3, 10 }, d27 = { 2027, 1, 5 };
	const char		*num;
	int64_t			 id, id2;
	char			*p, *q;
	int			 n;
	struct ph_letter_filter	 f;
	struct ph_buf		 b;
	sqlite3			*raw;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	setenv("PHOIHOP_NOW", "2026-11-20T09:00:00", 1);
	if (getenv("PHOIHOP_DATADIR") == NULL)
		setenv("PHOIHOP_DATADIR", "data", 1);
	plan_lazy();

	/* --- create, reopen */
	st = fresh("a.db", PH_NUMBERING_PARTY);
	is_int(ph_store_schema_version(st), PH_SCHEMA_VERSION,
	    "t-store.1 new database at the current schema");
	ph_store_close(st);
	p = path("a.db");
	ok(ph_store_open(p, PH_STORE_WRITE, &st, &err) == PH_OK,
	    "t-store.2 reopen for writing");
	ph_store_close(st);
	ok(ph_store_open(p, PH_STORE_READ, &st, &err) == PH_OK,
	    "t-store.3 reopen for reading");
	ph_store_close(st);
	free(p);
	p = path("missing.db");
	ok(ph_store_open(p, PH_STORE_WRITE, &st, &err) == PH_ERR_NOTFOUND &&
	    strstr(err.msg, "missing.db") != NULL && access(p, F_OK) != 0,
	    "t-store.4 a missing database is not created by accident");
	free(p);
	p = path("deep/er/x.db");
	ok(ph_store_open(p, PH_STORE_CREATE, &st, &err) == PH_OK,
	    "t-store.5 create makes the parent directories");
	ph_store_close(st);
	{
		struct stat sb;
		q = path("deep");
		ok(stat(q, &sb) == 0 && (sb.st_mode & 0777) == 0700,
		    "t-store.6 parent directories are 0700");
		free(q);
	}
	free(p);

	/* --- foreign and newer files are refused untouched */
	p = path("text.db");
	q = path("text.copy");
	write_file(p, "Công văn số 12\n", strlen("Công văn số 12\n"));
	write_file(q, "Công văn số 12\n", strlen("Công văn số 12\n"));
	ok(ph_store_open(p, PH_STORE_CREATE, &st, &err) == PH_ERR_NOTDB &&
	    file_same(p, q), "t-store.7 a text file is refused untouched");
	free(p);
	free(q);
	p = path("other.db");
	q = path("other.copy");
	sqlite3_open(p, &raw);
	sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES (1);",
	    NULL, NULL, NULL);
	sqlite3_close(raw);
	{
		char *data; size_t len;
		ph_file_read(p, 1 << 20, &data, &len, NULL);
		write_file(q, data, len);
		free(data);
	}
	ok(ph_store_open(p, PH_STORE_CREATE, &st, &err) == PH_ERR_NOTDB &&
	    file_same(p, q), "t-store.8 another program's SQLite file is refused untouched");
	free(p);
	free(q);
	st = fresh("newer.db", PH_NUMBERING_PARTY);
	ph_store_close(st);
	p = path("newer.db");
	sqlite3_open(p, &raw);
	sqlite3_exec(raw, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99",
	    NULL, NULL, NULL);
	sqlite3_close(raw);
	q = path("newer.copy");
	{
		char *data; size_t len;
		ph_file_read(p, 1 << 24, &data, &len, NULL);
		write_file(q, data, len);
		free(data);
	}
	ok(ph_store_open(p, PH_STORE_WRITE, &st, &err) == PH_ERR_VERSION &&
	    strstr(err.msg, "99") != NULL && file_same(p, q),
	    "t-store.9 a database from a newer phoihop is refused untouched");
	free(p);
	free(q);

	/* --- an older database (version 0 with our id, no tables) migrates */
	p = path("old.db");
	sqlite3_open(p, &raw);
	sqlite3_exec(raw, "PRAGMA application_id=1346916424", NULL, NULL, NULL);
	sqlite3_close(raw);
	ok(ph_store_open(p, PH_STORE_CREATE, &st, &err) == PH_OK &&
	    ph_store_schema_version(st) == PH_SCHEMA_VERSION,
	    "t-store.10 an empty old database is migrated");
	ph_store_close(st);
	free(p);

	/* --- Party-style numbering */
	st = fresh("party.db", PH_NUMBERING_PARTY);
	add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "01-CV/ĐU#1", "t-store.11 first công văn is 01-CV/ĐU");
	add(st, PH_DIR_OUT, "CV", PH_CLASS_MAT, d26, &num, &err);
	is_str(num, "02-CV/ĐU#2", "t-store.12 a classified CV shares the counter");
	add(st, PH_DIR_OUT, "BC", PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "01-BC/ĐU#1", "t-store.13 each type has its counter");
	id = add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d27, &num, &err);
	is_str(num, "03-CV/ĐU#3", "t-store.14 the counter runs on through the term, not the year");
	ph_store_begin(st, NULL);
	ok(ph_store_letter_delete(st, id, &err) == PH_OK, "t-store.15 delete");
	ph_store_commit(st, NULL);
	add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d27, &num, &err);
	is_str(num, "04-CV/ĐU#4", "t-store.16 a deleted number is not given again");
	add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "#1", "t-store.17 first số đến of 2026");
	add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "#2", "t-store.18 second số đến of 2026");
	add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d27, &num, &err);
	is_str(num, "#1", "t-store.19 số đến restarts in 2027");
	ph_store_close(st);

	/* --- state-style numbering */
	st = fresh("state.db", PH_NUMBERING_STATE);
	add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "01/ĐU#1", "t-store.20 state style: a công văn is 01/ĐU, no type code");
	add(st, PH_DIR_OUT, "BC", PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "02/BC-ĐU#2", "t-store.21 one series for all types");
	add(st, PH_DIR_OUT, "BC", PH_CLASS_MAT, d26, &num, &err);
	is_str(num, "01/BC-ĐU#1", "t-store.22 classified letters apart");
	add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d27, &num, &err);
	is_str(num, "01/ĐU#1", "t-store.23 a new year starts at 01");
	ph_store_close(st);

	/* --- a full database: nothing half-written */
	st = fresh("full.db", PH_NUMBERING_PARTY);
	id = add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d26, &num, &err);
	ok(id > 0, "t-store.24 a letter before the limit");
	{
		/* Cap the file at its current size: the next letter cannot
		 * fit. */
		struct ph_letter l;
		char *big = ph_xmalloc(200001);
		memset(big, 'a', 200000);
		big[200000] = '\0';
		ok(ph_store_set_page_limit(st, 1, &err) == PH_OK,
		    "t-store.25 page limit set");
		ph_letter_init(&l);
		l.direction = PH_DIR_IN;
		l.date = l.received = d26;
		l.issuer = ph_xstrdup("Ban Thường vụ Tỉnh ủy");
		l.subject = ph_xstrdup("V/v báo cáo");
		l.body = big;
		ph_store_begin(st, NULL);
		ok(ph_store_letter_add(st, &l, &id2, NULL, &err) == PH_ERR_FULL &&
		    strstr(err.msg, "full") != NULL,
		    "t-store.26 SQLITE_FULL becomes a clear error: %s", err.msg);
		ph_store_rollback(st);
		ph_letter_release(&l);
	}
	ph_store_set_page_limit(st, 1000000, NULL);
	ph_letter_filter_init(&f);
	n = 0;
	ph_store_letter_list(st, &f, count_cb, &n, &err);
	is_int(n, 1, "t-store.27 the failed letter left nothing behind");
	{
		struct ph_org o;
		ok(ph_store_org_find(st, "Ban Thường vụ Tỉnh ủy", &o, &err) ==
		    PH_ERR_NOTFOUND, "t-store.28 nor its new organization");
	}
	add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d26, &num, &err);
	is_str(num, "#2", "t-store.29 nor used its số đến");

	/* --- the event log */
	ph_buf_init(&b);
	{
		struct ph_letter l;
		ph_store_begin(st, NULL);
		ph_store_letter_get(st, id, &l, &err);
		ph_letter_set(&l.subject, "V/v đã sửa");
		ok(ph_store_letter_update(st, &l, NULL, &err) == PH_OK,
		    "t-store.30 update");
		ph_store_commit(st, NULL);
		ph_letter_release(&l);
		ph_store_begin(st, NULL);
		ph_store_letter_delete(st, id, &err);
		ph_store_commit(st, NULL);
	}
	ph_store_event_list(st, "letter", id, events_cb, &b, &err);
	is_str(b.data, "insert;update;delete;",
	    "t-store.31 insert, update and delete are logged");
	ph_buf_release(&b);
	{
		struct ph_letter l;
		ok(ph_store_letter_get(st, id, &l, &err) == PH_ERR_NOTFOUND &&
		    strstr(err.msg, "no letter") != NULL,
		    "t-store.32 a deleted letter is gone");
	}
	ph_store_close(st);

	/* --- two handles: the second waits for the first's write lock */
	st = fresh("two.db", PH_NUMBERING_PARTY);
	p = path("two.db");
	ok(ph_store_open(p, PH_STORE_WRITE, &st2, &err) == PH_OK,
	    "t-store.33 a second handle opens");
	ph_store_begin(st, NULL);
	ok(ph_store_letter_list(st2, &f, count_cb, &n, &err) == PH_OK,
	    "t-store.34 readers are not blocked by a writer (WAL)");
	ph_store_rollback(st);
	ph_store_close(st2);
	ph_store_close(st);
	free(p);

	/* --- the number a form proposes, and a letter's stamp */
	st = fresh("propose.db", PH_NUMBERING_PARTY);
	{
		struct ph_letter	 l;
		char			*prop = NULL;
		int64_t			 s1 = 0, s2 = 0, s3 = 0;

		ph_letter_init(&l);
		l.direction = PH_DIR_OUT;
		l.date = d26;
		ok(ph_store_letter_propose_number(st, &l, &prop, &err) == PH_OK,
		    "t-store.35 a number is proposed for a letter with no type");
		is_str(prop, "01-CV/ĐU", "t-store.36 ... the first công văn");
		free(prop);
		ph_letter_set(&l.type, "bc");
		ph_store_letter_propose_number(st, &l, &prop, &err);
		is_str(prop, "01-BC/ĐU", "t-store.37 a type typed in small letters");
		free(prop);
		ph_store_letter_propose_number(st, &l, &prop, &err);
		is_str(prop, "01-BC/ĐU",
		    "t-store.38 proposing twice does not take the number");
		free(prop);
		id = add(st, PH_DIR_OUT, "BC", PH_CLASS_NONE, d26, &num, &err);
		is_str(num, "01-BC/ĐU#1",
		    "t-store.39 ... the letter stored gets the number proposed");
		ph_store_letter_propose_number(st, &l, &prop, &err);
		is_str(prop, "02-BC/ĐU", "t-store.40 then the next one is proposed");
		free(prop);
		ph_letter_set(&l.type, "XYZ");
		ok(ph_store_letter_propose_number(st, &l, &prop, &err) ==
		    PH_ERR_INVALID && prop == NULL &&
		    strstr(err.msg, "XYZ") != NULL,
		    "t-store.41 an unknown type is refused, naming it");
		ph_letter_release(&l);

		ok(ph_store_letter_stamp(st, id, &s1, &err) == PH_OK && s1 > 0,
		    "t-store.42 a stored letter has a stamp");
		ph_store_begin(st, NULL);
		ph_store_letter_get(st, id, &l, &err);
		ph_letter_set(&l.notes, "đã trình");
		ph_store_letter_update(st, &l, NULL, &err);
		ph_store_commit(st, NULL);
		ph_letter_release(&l);
		ph_store_letter_stamp(st, id, &s2, &err);
		ok(s2 != s1, "t-store.43 an update changes the stamp");
		add(st, PH_DIR_OUT, "CV", PH_CLASS_NONE, d26, &num, &err);
		ph_store_letter_stamp(st, id, &s3, &err);
		ok(s3 == s2, "t-store.44 another letter's change does not");
	}
	ph_store_close(st);

	/* --- the file is read, not memory-mapped: a map's pages count in
	 * the RSS of whoever reads, 88 MB for the TUI on 1M letters */
	st = fresh("map.db", PH_NUMBERING_PARTY);
	add(st, PH_DIR_IN, NULL, PH_CLASS_NONE, d26, NULL, &err);
	n = 0;
	ph_letter_filter_init(&f);
	ph_store_letter_list(st, &f, count_cb, &n, &err);
	p = path("map.db");
	{
		FILE	*maps = fopen("/proc/self/maps", "r");
		char	 line[4096];
		int	 mapped = 0;

		if (maps == NULL)
			ok(1, "t-store.45 # SKIP no /proc/self/maps");
		else {
			while (fgets(line, sizeof line, maps) != NULL)
				if (strstr(line, p) != NULL &&
				    strstr(line, "map.db-shm") == NULL)
					mapped = 1;
			fclose(maps);
			ok(n == 1 && !mapped,
			    "t-store.45 the database file is not memory-mapped");
		}
	}
	ph_store_close(st);
	free(p);

	nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return done();
}
