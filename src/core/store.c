/*
 * store.c -- open, check, migrate and close the database; transactions,
 * settings, the statement cache, error mapping and the event writer.
 *
 * The file is checked before SQLite may write to it: a file that is not a
 * phoihop database, or is one from a newer phoihop, is left untouched.
 * Durability over speed: WAL with synchronous=FULL, because offices lose
 * power and a letter whose id was printed must survive that.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "intl.h"
#include "store-private.h"

const struct ph_keyword ph_numbering_words[] = {
	{ PH_NUMBERING_PARTY, "party", "dang", N_("Party style (36-HD/VPTW)") },
	{ PH_NUMBERING_STATE, "state", "nha-nuoc",
	    N_("State style (Nghị định 30/2020)") },
	{ -1, NULL, NULL, NULL }
};

/* Make the missing directories above PATH, mode 0700. */
static enum ph_status
make_parents(const char *path, struct ph_error *err)
{
	char	*dir = ph_xstrdup(path), *p;
	struct stat sb;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return PH_OK;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (stat(dir, &sb) != 0) {
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				int e = errno;
				enum ph_status s = ph_error_set(err, PH_ERR_IO,
				    _("cannot create directory %s: %s"), dir,
				    strerror(e));
				free(dir);
				return s;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			enum ph_status s = ph_error_set(err, PH_ERR_IO,
			    _("cannot create the database in %s: not a directory"),
			    dir);
			free(dir);
			return s;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return PH_OK;
}

static int
wal_present(const char *path)
{
	char		*wal = ph_xasprintf("%s-wal", path);
	struct stat	 sb;
	int		 yes = stat(wal, &sb) == 0 && sb.st_size > 0;

	free(wal);
	return yes;
}

static int
pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static const char *
default_who(void)
{
	struct passwd	*pw = getpwuid(getuid());

	if (pw != NULL && pw->pw_name != NULL)
		return pw->pw_name;
	return "?";
}

enum ph_status
ph_store_open(const char *path, enum ph_store_mode mode,
    struct ph_store **out, struct ph_error *err)
{
	struct ph_store	*st;
	struct stat	 sb;
	int		 exists, empty = 0, flags, rc, version = 0, appid = 0;
	int		 ntables = 0;
	enum ph_status	 s;

	*out = NULL;
	exists = stat(path, &sb) == 0;
	if (!exists && errno != ENOENT)
		return ph_error_set(err, PH_ERR_IO, _("cannot open %s: %s"),
		    path, strerror(errno));
	if (!exists && mode != PH_STORE_CREATE)
		return ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no database at %s (create it with \"phoihop init\")"),
		    path);
	if (exists) {
		char	head[16];
		int	fd;
		ssize_t	n;

		if (!S_ISREG(sb.st_mode))
			return ph_error_set(err, PH_ERR_NOTDB,
			    _("%s is not a phoihop database"), path);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			return ph_error_set(err, PH_ERR_IO,
			    _("cannot open %s: %s"), path, strerror(errno));
		n = read(fd, head, sizeof head);
		close(fd);
		if (n == 0)
			empty = 1;
		else if (n != (ssize_t)sizeof head ||
		    memcmp(head, "SQLite format 3", 16) != 0)
			return ph_error_set(err, PH_ERR_NOTDB,
			    _("%s is not a phoihop database"), path);
		if (empty && mode != PH_STORE_CREATE)
			return ph_error_set(err, PH_ERR_NOTDB,
			    _("%s is empty, not a phoihop database (run \"phoihop init\")"),
			    path);
		/* A file nobody may write stays read-only, even for root:
		 * a closed register (đóng sổ) is marked so on purpose. */
		if ((sb.st_mode & 0222) == 0 && mode != PH_STORE_READ)
			return ph_error_set(err, PH_ERR_READONLY,
			    _("database %s is read-only: nothing was changed"),
			    path);
	} else if ((s = make_parents(path, err)) != PH_OK)
		return s;

	st = ph_xcalloc(1, sizeof *st);
	st->path = ph_xstrdup(path);
	st->who = ph_xstrdup(default_who());
	/* READ opens read-write all the same when the file may be written,
	 * so that an older schema is upgraded on any open and WAL works;
	 * only a file nobody may write is opened read-only. */
	st->readonly = mode == PH_STORE_READ && exists &&
	    (sb.st_mode & 0222) == 0;
	flags = st->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (mode == PH_STORE_CREATE ?
	    SQLITE_OPEN_CREATE : 0);
	if (exists && (sb.st_mode & 0222) == 0 && !wal_present(path)) {
		/* A closed register: open it as immutable, so that not even
		 * the -shm file is made beside it. */
		char *uri = sqlite3_mprintf("file:%q?immutable=1", path);
		rc = sqlite3_open_v2(uri, &st->db, flags | SQLITE_OPEN_URI |
		    SQLITE_OPEN_NOMUTEX, NULL);
		sqlite3_free(uri);
	} else
		rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX,
		    NULL);
	if (rc != SQLITE_OK) {
		if (rc == SQLITE_CANTOPEN)
			s = ph_error_set(err, PH_ERR_IO,
			    _("cannot open database %s: %s"), path,
			    strerror(errno ? errno : EACCES));
		else
			s = store_fail(st, rc, err);
		ph_store_close(st);
		return s;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	/* Before anything reads the schema: the index's tokenizer. */
	if ((s = store_search_register(st, err)) != PH_OK) {
		ph_store_close(st);
		return s;
	}

	/* Look before anything writes. */
	if ((rc = pragma_int(st->db, "PRAGMA application_id", &appid)) != 0 ||
	    (rc = pragma_int(st->db, "PRAGMA user_version", &version)) != 0 ||
	    (rc = pragma_int(st->db,
	    "SELECT count(*) FROM sqlite_schema", &ntables)) != 0) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			s = ph_error_set(err, PH_ERR_NOTDB,
			    _("%s is not a phoihop database"), path);
		else
			s = store_fail(st, rc, err);
		ph_store_close(st);
		return s;
	}
	if (appid != PH_APPLICATION_ID && (appid != 0 || ntables != 0 ||
	    version != 0)) {
		ph_store_close(st);
		return ph_error_set(err, PH_ERR_NOTDB,
		    _("%s is not a phoihop database"), path);
	}
	if (version > PH_SCHEMA_VERSION) {
		ph_store_close(st);
		return ph_error_set(err, PH_ERR_VERSION,
		    _("%s was written by a newer phoihop (schema %d; this one knows %d): upgrade phoihop"),
		    path, version, PH_SCHEMA_VERSION);
	}
	if (version == 0 && mode != PH_STORE_CREATE) {
		ph_store_close(st);
		return ph_error_set(err, PH_ERR_NOTDB,
		    _("%s is not a phoihop database"), path);
	}

	if (!st->readonly) {
		if ((s = store_exec(st, "PRAGMA journal_mode=WAL", err)) !=
		    PH_OK) {
			ph_store_close(st);
			return s;
		}
	}
	/* Reads through pread() and SQLite's own page cache (2 MB), not a
	 * memory map: the kernel maps some 16 pages around each page
	 * touched, all counted in our RSS, so that one count over the
	 * incoming register of a 1M-letter book left the TUI at 88 MB
	 * instead of 8, and "letter list --year" at 30 MB instead of 6.
	 * Measured no slower: the morning list walks one partial index,
	 * and a 3 GB register lies mostly past any sensible map. */
	if ((s = store_exec(st, "PRAGMA foreign_keys=ON", err)) != PH_OK ||
	    (s = store_exec(st, "PRAGMA synchronous=FULL", err)) != PH_OK ||
	    (s = store_exec(st, "PRAGMA mmap_size=0", err)) != PH_OK) {
		ph_store_close(st);
		return s;
	}
	if (version < PH_SCHEMA_VERSION) {
		if (st->readonly) {
			ph_store_close(st);
			return ph_error_set(err, PH_ERR_READONLY,
			    _("database %s needs upgrading but is opened read-only"),
			    path);
		}
		if ((s = store_migrate(st, version, err)) != PH_OK) {
			ph_store_close(st);
			return s;
		}
	}
	*out = st;
	return PH_OK;
}

void
ph_store_close(struct ph_store *st)
{
	int	i;

	if (st == NULL)
		return;
	for (i = 0; i < STORE_CACHE; i++)
		if (st->cache[i].stmt != NULL)
			sqlite3_finalize(st->cache[i].stmt);
	if (st->db != NULL)
		sqlite3_close(st->db);
	ph_doctypes_free(st->doctypes);
	store_search_terms_free(st);
	free(st->path);
	free(st->who);
	free(st);
}

void
ph_store_set_actor(struct ph_store *st, const char *who)
{
	free(st->who);
	st->who = ph_xstrdup(who);
}

void
ph_store_set_datadir(struct ph_store *st, const char *dir)
{
	st->datadir = dir;
}

enum ph_status
ph_store_set_page_limit(struct ph_store *st, long n, struct ph_error *err)
{
	char	sql[64];
	int	rc;

	snprintf(sql, sizeof sql, "PRAGMA max_page_count=%ld", n);
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? PH_OK : store_fail(st, rc, err);
}

int
ph_store_is_readonly(struct ph_store *st)
{
	return st->readonly;
}

int
ph_store_schema_version(struct ph_store *st)
{
	int	v = -1;

	pragma_int(st->db, "PRAGMA user_version", &v);
	return v;
}

enum ph_status
ph_store_begin(struct ph_store *st, struct ph_error *err)
{
	enum ph_status	s;

	/* IMMEDIATE: take the write lock now, so that two clerks on a
	 * shared file wait for each other instead of failing half-way. */
	s = store_exec(st, st->readonly ? "BEGIN" : "BEGIN IMMEDIATE", err);
	if (s == PH_OK)
		st->in_tx = 1;
	return s;
}

enum ph_status
ph_store_commit(struct ph_store *st, struct ph_error *err)
{
	enum ph_status	s = store_exec(st, "COMMIT", err);

	if (s != PH_OK)
		ph_store_rollback(st);
	st->in_tx = 0;
	return s;
}

void
ph_store_rollback(struct ph_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_tx = 0;
	store_search_terms_reset(st);
}

sqlite3_stmt *
store_stmt(struct ph_store *st, const char *sql, struct ph_error *err)
{
	int		 i, rc, free_slot = -1;
	sqlite3_stmt	*s;

	for (i = 0; i < STORE_CACHE; i++) {
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		if (st->cache[i].sql == NULL && free_slot < 0)
			free_slot = i;
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, err);
		return NULL;
	}
	/* A full cache is a programming error: raise STORE_CACHE. */
	assert(free_slot >= 0);
	st->cache[free_slot].sql = sql;
	st->cache[free_slot].stmt = s;
	return s;
}

enum ph_status
store_fail(struct ph_store *st, int rc, struct ph_error *err)
{
	const char	*detail = st != NULL && st->db != NULL ?
			    sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char	*path = st != NULL ? st->path : "";

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return ph_error_set(err, PH_ERR_FULL,
		    _("the disk or database %s is full: nothing was saved"),
		    path);
	case SQLITE_READONLY:
		return ph_error_set(err, PH_ERR_READONLY,
		    _("database %s is read-only: nothing was changed"), path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ph_error_set(err, PH_ERR_BUSY,
		    _("database %s is busy (another phoihop is writing): try again"),
		    path);
	case SQLITE_NOTADB:
		return ph_error_set(err, PH_ERR_NOTDB,
		    _("%s is not a phoihop database"), path);
	case SQLITE_CORRUPT:
		return ph_error_set(err, PH_ERR_DB,
		    _("database %s is damaged: %s"), path, detail);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return ph_error_set(err, PH_ERR_IO,
		    _("cannot read or write database %s: %s"), path, detail);
	case SQLITE_TOOBIG:
		return ph_error_set(err, PH_ERR_TOOBIG,
		    _("a value is too large for the database"));
	default:
		return ph_error_set(err, PH_ERR_DB, _("database error: %s"),
		    detail);
	}
}

enum ph_status
store_exec(struct ph_store *st, const char *sql, struct ph_error *err)
{
	int	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? PH_OK : store_fail(st, rc, err);
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void
store_bind_date(sqlite3_stmt *s, int i, struct ph_date d)
{
	char	buf[11];

	if (!ph_date_is_set(d))
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, ph_date_iso(d, buf), -1,
		    SQLITE_TRANSIENT);
}

struct ph_date
store_column_date(sqlite3_stmt *s, int i)
{
	const char	*t = (const char *)sqlite3_column_text(s, i);
	struct ph_date	 d = PH_DATE_NONE;

	if (t != NULL && ph_date_parse(t, &d, NULL) != PH_OK)
		d = PH_DATE_NONE;
	return d;
}

char *
store_column_dup(sqlite3_stmt *s, int i)
{
	const char	*t = (const char *)sqlite3_column_text(s, i);

	return t != NULL ? ph_xstrdup(t) : NULL;
}

char *
store_now(char *buf)
{
	return ph_timestamp(ph_now(), buf);
}

enum ph_status
store_event(struct ph_store *st, const char *entity, int64_t id,
    const char *uid, const char *action, const char *before,
    const char *after, struct ph_error *err)
{
	static const char	 sql[] =
	    "INSERT INTO events(uid, at, who, entity, entity_id, entity_uid,"
	    " action, before, after) VALUES (?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt		*s;
	char			 euid[33], now[32];
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	ph_uid_new(euid);
	sqlite3_bind_text(s, 1, euid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, store_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, st->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, entity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, id);
	store_bind_text(s, 6, uid);
	sqlite3_bind_text(s, 7, action, -1, SQLITE_STATIC);
	store_bind_text(s, 8, before);
	store_bind_text(s, 9, after);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? PH_OK : store_fail(st, rc, err);
}

char *
store_snapshot(struct ph_store *st, const char *sql, int64_t id)
{
	sqlite3_stmt	*s = store_stmt(st, sql, NULL);
	char		*json = NULL;

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		json = store_column_dup(s, 0);
	sqlite3_reset(s);
	return json;
}

enum ph_status
store_counter_next(struct ph_store *st, const char *series, int64_t at_least,
    int64_t *out, struct ph_error *err)
{
	static const char	 next_sql[] =
	    "INSERT INTO counters(series, last) VALUES (?1, 1)"
	    " ON CONFLICT(series) DO UPDATE SET last = last + 1"
	    " RETURNING last";
	static const char	 raise_sql[] =
	    "INSERT INTO counters(series, last) VALUES (?1, ?2)"
	    " ON CONFLICT(series) DO UPDATE SET last = max(last, ?2)"
	    " RETURNING last";
	sqlite3_stmt		*s;
	int			 rc;

	s = store_stmt(st, at_least > 0 ? raise_sql : next_sql, err);
	if (s == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, series, -1, SQLITE_TRANSIENT);
	if (at_least > 0)
		sqlite3_bind_int64(s, 2, at_least);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, rc, err);
	}
	if (out != NULL)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return PH_OK;
}

enum ph_status
store_counter_peek(struct ph_store *st, const char *series, int64_t *out,
    struct ph_error *err)
{
	static const char	 sql[] =
	    "SELECT coalesce(max(last), 0) + 1 FROM counters WHERE series = ?";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, series, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? PH_OK : store_fail(st, rc, err);
}

enum ph_status
ph_store_setting_get(struct ph_store *st, const char *key, char **out,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT value FROM settings WHERE key = ?";
	sqlite3_stmt		*s;
	int			 rc;

	*out = NULL;
	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = store_column_dup(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_setting_set(struct ph_store *st, const char *key, const char *value,
    struct ph_error *err)
{
	static const char	 sql[] =
	    "INSERT INTO settings(key, value) VALUES (?, ?)"
	    " ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? PH_OK : store_fail(st, rc, err);
}

enum ph_status
ph_store_doctypes(struct ph_store *st, const struct ph_doctypes **out,
    struct ph_error *err)
{
	enum ph_status	 s;
	char		*path;

	if (st->doctypes == NULL) {
		path = ph_xasprintf("%s/doctypes.tsv",
		    st->datadir != NULL ? st->datadir : ".");
		s = ph_doctypes_load(path, &st->doctypes, err);
		free(path);
		if (s != PH_OK)
			return s;
	}
	*out = st->doctypes;
	return PH_OK;
}
