/*
 * draft.c -- the fields of an open form, kept in a small file so that
 * typing survives a dropped connection.
 *
 * One file per (database, form) in $XDG_STATE_HOME/phoihop/drafts (by
 * default ~/.local/state/phoihop/drafts, made with mode 0700), named
 * HHHHHHHHHHHHHHHH-FFFFFFFF-FORM.draft: a hash of the database path, a
 * hash of the form name and the form name with everything but letters,
 * digits, '-' and '_' made '_'.  The file is text, one record a line:
 *
 *	phoihop-draft 1
 *	db<TAB>/path/of/the/register.db
 *	form<TAB>reply:42
 *	saved<TAB>2026-11-20T09:00:00+07:00
 *	field<TAB>NAME<TAB>VALUE
 *	...
 *
 * where every name and value has "\" written "\\", a tab "\t", a
 * newline "\n" and a carriage return "\r", so that a record is one line
 * whatever was typed.  A draft is written to a temporary file in the same
 * directory (mkstemp, mode 0600, its name starting with '.'), synced and
 * renamed over the old one: a crash leaves the old draft or the new one,
 * and a temporary file left behind is never read as a draft.  The path
 * of the database is inside the file and compared on listing, so drafts
 * of one register are never offered for another, whatever the hashes.
 *
 * No SQLite, nothing printed: a draft must be saveable when the database
 * is locked or gone.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "draft.h"
#include "intl.h"

#define DRAFT_MAGIC	"phoihop-draft 1"
#define DRAFT_MAX	(16u * 1024 * 1024)	/* bytes, one file */

void
ph_draft_init(struct ph_draft *d)
{
	memset(d, 0, sizeof *d);
	ph_strv_init(&d->names);
	ph_strv_init(&d->values);
}

void
ph_draft_release(struct ph_draft *d)
{
	free(d->form);
	free(d->saved);
	ph_strv_release(&d->names);
	ph_strv_release(&d->values);
	ph_draft_init(d);
}

void
ph_draft_set(struct ph_draft *d, const char *name, const char *value)
{
	size_t	i;

	for (i = 0; i < d->names.n; i++) {
		if (strcmp(d->names.v[i], name) == 0) {
			free(d->values.v[i]);
			d->values.v[i] = ph_xstrdup(value != NULL ? value : "");
			return;
		}
	}
	ph_strv_push(&d->names, name);
	ph_strv_push(&d->values, value != NULL ? value : "");
}

const char *
ph_draft_get(const struct ph_draft *d, const char *name)
{
	size_t	i;

	for (i = 0; i < d->names.n; i++)
		if (strcmp(d->names.v[i], name) == 0)
			return d->values.v[i];
	return NULL;
}

/* 64-bit FNV-1a: a name, not a secret. */
static uint64_t
draft_hash(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The drafts directory (caller frees), not created. */
static char *
draft_dir(void)
{
	const char	*v = getenv("XDG_STATE_HOME");
	const char	*h = getenv("HOME");

	/* As paths.c: relative values are to be ignored. */
	if (v != NULL && *v == '/')
		return ph_xasprintf("%s/phoihop/drafts", v);
	if (h == NULL || *h != '/')
		h = "/";
	return ph_xasprintf("%s/.local/state/phoihop/drafts", h);
}

/* Make DIR and its missing parents with mode 0700. */
static enum ph_status
draft_mkdir(const char *dir, struct ph_error *err)
{
	char		*p = ph_xstrdup(dir), *s, c;
	enum ph_status	 ret = PH_OK;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			ret = ph_error_set(err, PH_ERR_IO,
			    _("cannot make the drafts directory %s: %s"), p,
			    strerror(errno));
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ret;
}

static char *
draft_path(const char *dir, const char *db_path, const char *form)
{
	char		 safe[65];
	size_t		 i;

	for (i = 0; form[i] != '\0' && i < sizeof safe - 1; i++) {
		unsigned char c = (unsigned char)form[i];
		safe[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ? (char)c :
		    '_';
	}
	safe[i] = '\0';
	return ph_xasprintf("%s/%016llx-%08llx-%s.draft", dir,
	    (unsigned long long)draft_hash(db_path),
	    (unsigned long long)(draft_hash(form) & 0xffffffffULL), safe);
}

static void
draft_escape(struct ph_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			ph_buf_adds(b, "\\\\");
			break;
		case '\t':
			ph_buf_adds(b, "\\t");
			break;
		case '\n':
			ph_buf_adds(b, "\\n");
			break;
		case '\r':
			ph_buf_adds(b, "\\r");
			break;
		default:
			ph_buf_addc(b, *s);
		}
	}
}

/* Undo draft_escape() on the N bytes at S; NULL for a bad escape. */
static char *
draft_unescape(const char *s, size_t n)
{
	struct ph_buf	b;
	size_t		i;

	ph_buf_init(&b);
	ph_buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			ph_buf_addc(&b, s[i]);
			continue;
		}
		if (++i == n)
			goto bad;
		switch (s[i]) {
		case '\\':
			ph_buf_addc(&b, '\\');
			break;
		case 't':
			ph_buf_addc(&b, '\t');
			break;
		case 'n':
			ph_buf_addc(&b, '\n');
			break;
		case 'r':
			ph_buf_addc(&b, '\r');
			break;
		default:
			goto bad;
		}
	}
	return ph_buf_take(&b);
bad:
	ph_buf_release(&b);
	return NULL;
}

enum ph_status
ph_draft_save(const char *db_path, const struct ph_draft *d,
    struct ph_error *err)
{
	struct ph_buf	 b;
	char		 now[32];
	char		*dir, *path = NULL;
	enum ph_status	 ret;
	size_t		 i;

	dir = draft_dir();
	ph_buf_init(&b);
	if ((ret = draft_mkdir(dir, err)) != PH_OK)
		goto out;
	path = draft_path(dir, db_path, d->form);
	ph_buf_adds(&b, DRAFT_MAGIC "\ndb\t");
	draft_escape(&b, db_path);
	ph_buf_adds(&b, "\nform\t");
	draft_escape(&b, d->form);
	ph_buf_adds(&b, "\nsaved\t");
	ph_buf_adds(&b, ph_timestamp(ph_now(), now));
	ph_buf_addc(&b, '\n');
	for (i = 0; i < d->names.n; i++) {
		ph_buf_adds(&b, "field\t");
		draft_escape(&b, d->names.v[i]);
		ph_buf_addc(&b, '\t');
		draft_escape(&b, d->values.v[i]);
		ph_buf_addc(&b, '\n');
	}
	ret = ph_file_write_private(path, b.data, b.len, err);
out:
	ph_buf_release(&b);
	free(path);
	free(dir);
	return ret;
}

/* Read the draft at PATH into D.  *DB gets its database (caller frees).
 * PH_ERR_NOTFOUND for a file that is not a draft (no magic line). */
static enum ph_status
draft_read(const char *path, struct ph_draft *d, char **db,
    struct ph_error *err)
{
	char		*data, *p, *nl, *tab, *tab2, *v;
	size_t		 len, lineno = 1;
	enum ph_status	 ret;

	*db = NULL;
	if ((ret = ph_file_read(path, DRAFT_MAX, &data, &len, err)) != PH_OK)
		return ret;
	if (len < sizeof DRAFT_MAGIC || memcmp(data, DRAFT_MAGIC "\n",
	    sizeof DRAFT_MAGIC) != 0) {
		free(data);
		return PH_ERR_NOTFOUND;
	}
	ph_draft_init(d);
	for (p = data + sizeof DRAFT_MAGIC; p < data + len; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(data + len - p))) == NULL)
			goto bad;
		*nl = '\0';
		if ((tab = strchr(p, '\t')) == NULL)
			goto bad;
		*tab++ = '\0';
		if (strcmp(p, "field") == 0) {
			if ((tab2 = strchr(tab, '\t')) == NULL)
				goto bad;
			if ((v = draft_unescape(tab, (size_t)(tab2 - tab))) ==
			    NULL)
				goto bad;
			ph_strv_take(&d->names, v);
			tab2++;
			if ((v = draft_unescape(tab2, strlen(tab2))) == NULL)
				goto bad;
			ph_strv_take(&d->values, v);
			if (d->values.n != d->names.n)
				goto bad;
			continue;
		}
		if ((v = draft_unescape(tab, strlen(tab))) == NULL)
			goto bad;
		if (strcmp(p, "db") == 0 && *db == NULL)
			*db = v;
		else if (strcmp(p, "form") == 0 && d->form == NULL)
			d->form = v;
		else if (strcmp(p, "saved") == 0 && d->saved == NULL)
			d->saved = v;
		else {
			free(v);
			goto bad;
		}
	}
	if (*db == NULL || d->form == NULL || d->saved == NULL ||
	    d->names.n != d->values.n)
		goto bad;
	free(data);
	return PH_OK;
bad:
	free(data);
	free(*db);
	*db = NULL;
	ph_draft_release(d);
	return ph_error_set(err, PH_ERR_INVALID,
	    _("%s, line %zu: not a draft phoihop can read"), path, lineno);
}

static int
draft_cmp(const void *a, const void *b)
{
	const struct ph_draft	*x = a, *y = b;
	int			 c = strcmp(x->saved, y->saved);

	return c != 0 ? c : strcmp(x->form, y->form);
}

enum ph_status
ph_draft_list(const char *db_path, struct ph_draft **out, size_t *n,
    struct ph_error *err)
{
	struct ph_draft	*v = NULL, d;
	struct dirent	*de;
	DIR		*dp;
	char		*dir, *path, *db;
	enum ph_status	 ret = PH_OK, s;
	size_t		 nv = 0, i, len;

	*out = NULL;
	*n = 0;
	dir = draft_dir();
	if ((dp = opendir(dir)) == NULL) {
		if (errno != ENOENT)
			ret = ph_error_set(err, PH_ERR_IO,
			    _("cannot read %s: %s"), dir, strerror(errno));
		free(dir);
		return ret;
	}
	while ((de = readdir(dp)) != NULL) {
		/* Temporary files start with '.'; only *.draft are ours. */
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 6, ".draft") != 0)
			continue;
		path = ph_xasprintf("%s/%s", dir, de->d_name);
		s = draft_read(path, &d, &db, err);
		free(path);
		if (s == PH_ERR_NOTFOUND)
			continue;
		if (s != PH_OK) {
			ret = s;
			break;
		}
		if (strcmp(db, db_path) != 0) {
			free(db);
			ph_draft_release(&d);
			continue;
		}
		free(db);
		v = ph_xrealloc(v, (nv + 1) * sizeof *v);
		v[nv++] = d;
	}
	closedir(dp);
	free(dir);
	if (ret != PH_OK) {
		for (i = 0; i < nv; i++)
			ph_draft_release(&v[i]);
		free(v);
		return ret;
	}
	if (nv > 1)
		qsort(v, nv, sizeof *v, draft_cmp);
	*out = v;
	*n = nv;
	return PH_OK;
}

enum ph_status
ph_draft_remove(const char *db_path, const char *form, struct ph_error *err)
{
	char		*dir = draft_dir(), *path;
	enum ph_status	 ret = PH_OK;

	path = draft_path(dir, db_path, form);
	/* No draft to forget is not an error. */
	if (unlink(path) != 0 && errno != ENOENT)
		ret = ph_error_set(err, PH_ERR_IO, _("cannot remove %s: %s"),
		    path, strerror(errno));
	free(path);
	free(dir);
	return ret;
}
