/*
 * demo.c -- the demo register: organizations, the seed agreements and a
 * year of letters, read from data/demo/ and added through the store's own
 * calls, so that numbering and the event log work as for a real clerk.
 *
 * No SQL here; the clock is pinned to each letter's date while it is
 * added, so receipt defaults and timestamps read as a real year would.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "intl.h"
#include "store.h"

int
ph_tsv_split(char *line, char **fields, int max)
{
	int	n = 0;
	char	*p = line, *tab;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		fields[n++] = p;
		if ((tab = strchr(p, '\t')) == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

void
ph_tsv_unescape(char *s)
{
	char	*o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

typedef enum ph_status (*row_fn)(struct ph_store *, char **, int, void *,
    struct ph_error *);

/* Read PATH, skip comments and the header, call FN for each row of
 * exactly NCOLS fields. */
static enum ph_status
read_tsv(struct ph_store *st, const char *path, int ncols, row_fn fn,
    void *arg, struct ph_error *err)
{
	FILE		*f;
	char		*line = NULL, *fields[32];
	size_t		 cap = 0;
	long		 lineno = 0;
	int		 n, header = 1;
	enum ph_status	 s = PH_OK;

	if ((f = fopen(path, "r")) == NULL)
		return ph_error_set(err, PH_ERR_IO, _("cannot read %s: %s"),
		    path, strerror(errno));
	while (s == PH_OK && getline(&line, &cap, f) >= 0) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n' || line[0] == '\0')
			continue;
		n = ph_tsv_split(line, fields, 32);
		if (n != ncols) {
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%ld: %d fields, expected %d"), path, lineno,
			    n, ncols);
			break;
		}
		if (header) {
			header = 0;
			continue;
		}
		for (n = 0; n < ncols; n++)
			ph_tsv_unescape(fields[n]);
		if ((s = fn(st, fields, ncols, arg, err)) != PH_OK) {
			/* Say where the bad row is, keeping the reason. */
			struct ph_error e2;
			ph_error_set(&e2, s, "%s:%ld: %s", path, lineno,
			    err != NULL ? err->msg : "");
			if (err != NULL)
				*err = e2;
		}
	}
	free(line);
	fclose(f);
	return s;
}

static char *
opt(const char *s)
{
	return *s != '\0' ? ph_xstrdup(s) : NULL;
}

static enum ph_status
org_row(struct ph_store *st, char **f, int n, void *arg, struct ph_error *err)
{
	struct ph_org	o;
	struct ph_unit	u;
	enum ph_status	s;
	int64_t		id;
	int		created;

	if (strcmp(f[6], "1") == 0) {
		memset(&u, 0, sizeof u);
		u.name = ph_xstrdup(f[0]);
		u.code = ph_xstrdup(f[2]);
		u.numbering = PH_NUMBERING_PARTY;
		u.term_start = (struct ph_date){ 2025, 7, 1 };
		s = ph_store_unit_set(st, &u, err);
		ph_unit_release(&u);
		if (s != PH_OK)
			return s;
		/* Then the rest of our unit's row. */
		{
			struct ph_org cur;
			if ((s = ph_store_org_find(st, f[0], &cur, err)) !=
			    PH_OK)
				return s;
			id = cur.id;
			ph_org_release(&cur);
		}
		ph_org_init(&o);
		o.short_name = opt(f[1]);
		o.level = opt(f[3]);
		o.superior = opt(f[4]);
		o.contact = opt(f[5]);
		s = ph_store_org_update(st, id, &o, err);
		ph_org_release(&o);
		return s;
	}
	/* The regulations may have named it already: complete that row. */
	if ((s = ph_store_org_ensure(st, f[0], &id, &created, err)) != PH_OK)
		return s;
	ph_org_init(&o);
	o.short_name = opt(f[1]);
	o.code = opt(f[2]);
	o.level = opt(f[3]);
	o.superior = opt(f[4]);
	o.contact = opt(f[5]);
	s = ph_store_org_update(st, id, &o, err);
	ph_org_release(&o);
	return s;
}

static void
split_list(struct ph_strv *out, const char *s)
{
	const char	*p = s, *semi;

	while (*p != '\0') {
		semi = strchr(p, ';');
		size_t n = semi != NULL ? (size_t)(semi - p) : strlen(p);
		char *item = ph_str_trim(ph_xstrndup(p, n));
		if (*item != '\0')
			ph_strv_take(out, item);
		else
			free(item);
		p += n + (semi != NULL);
	}
}

static enum ph_status
agreement_row(struct ph_store *st, char **f, int n, void *arg,
    struct ph_error *err)
{
	struct ph_agreement	a;
	enum ph_status		s = PH_OK;

	ph_agreement_init(&a);
	a.number = ph_xstrdup(f[0]);
	if (*f[1] != '\0')
		s = ph_date_parse(f[1], &a.date, err);
	a.issuer = opt(f[2]);
	a.title = ph_xstrdup(f[3]);
	split_list(&a.parties, f[4]);
	if (s == PH_OK)
		s = ph_store_agreement_put(st, &a, NULL, err);
	ph_agreement_release(&a);
	return s;
}

/* Refs ("L012") of the letters added so far, to link replies. */
struct refs {
	struct ph_strv	 names;
	int64_t		*ids;
};

static enum ph_status
letter_row(struct ph_store *st, char **f, int n, void *arg,
    struct ph_error *err)
{
	struct refs		*refs = arg;
	struct ph_letter	 l;
	enum ph_status		 s;
	int64_t			 id;
	int			 v;
	size_t			 i;
	char			 pin[16];

	ph_letter_init(&l);
	if ((s = ph_keyword_parse(ph_direction_words, _("direction"), f[1],
	    &v, err)) != PH_OK)
		goto out;
	l.direction = v;
	l.number = opt(f[2]);
	l.type = opt(f[3]);
	if ((s = ph_date_parse(f[4], &l.date, err)) != PH_OK)
		goto out;
	if (*f[5] != '\0' && (s = ph_date_parse(f[5], &l.received, err)) !=
	    PH_OK)
		goto out;
	l.issuer = opt(f[6]);
	split_list(&l.recipients, f[7]);
	l.signer = opt(f[8]);
	l.subject = ph_xstrdup(f[9]);
	if ((s = ph_keyword_parse(ph_class_words, _("classification"), f[10],
	    &v, err)) != PH_OK)
		goto out;
	l.classification = v;
	if ((s = ph_keyword_parse(ph_urgency_words, _("urgency"), f[11], &v,
	    err)) != PH_OK)
		goto out;
	l.urgency = v;
	l.agreement = opt(f[12]);
	l.reply_required = strcmp(f[13], "1") == 0;
	if (*f[14] != '\0' && (s = ph_date_parse(f[14], &l.due, err)) != PH_OK)
		goto out;
	if (*f[15] != '\0') {
		for (i = 0; i < refs->names.n; i++)
			if (strcmp(refs->names.v[i], f[15]) == 0)
				l.in_reply_to = refs->ids[i];
		if (l.in_reply_to == 0) {
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("unknown letter reference \"%s\""), f[15]);
			goto out;
		}
	}
	if ((s = ph_keyword_parse(ph_status_words, _("status"), f[16], &v,
	    err)) != PH_OK)
		goto out;
	l.status = v;
	l.handler = opt(f[17]);
	l.notes = opt(f[18]);
	l.body = opt(f[19]);
	/* Timestamps of the demo's events read as the letter's own day. */
	snprintf(pin, sizeof pin, "%s", *f[5] != '\0' ? f[5] : f[4]);
	setenv("PHOIHOP_NOW", pin, 1);
	s = ph_store_letter_add(st, &l, &id, NULL, err);
	if (s == PH_OK) {
		ph_strv_push(&refs->names, f[0]);
		refs->ids = ph_xrealloc(refs->ids,
		    refs->names.n * sizeof *refs->ids);
		refs->ids[refs->names.n - 1] = id;
	}
out:
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_demo_load(struct ph_store *st, const char *datadir, struct ph_error *err)
{
	struct refs	 refs = { { NULL, 0, 0 }, NULL };
	enum ph_status	 s;
	char		*path, *saved_now;
	const char	*now = getenv("PHOIHOP_NOW");

	saved_now = now != NULL ? ph_xstrdup(now) : NULL;
	if ((s = ph_store_begin(st, err)) != PH_OK)
		goto done;
	path = ph_xasprintf("%s/demo/organizations.tsv", datadir);
	s = read_tsv(st, path, 7, org_row, NULL, err);
	free(path);
	if (s == PH_OK) {
		path = ph_xasprintf("%s/demo/agreements.tsv", datadir);
		s = read_tsv(st, path, 5, agreement_row, NULL, err);
		free(path);
	}
	if (s == PH_OK) {
		path = ph_xasprintf("%s/demo/letters.tsv", datadir);
		s = read_tsv(st, path, 20, letter_row, &refs, err);
		free(path);
	}
	if (s == PH_OK)
		s = ph_store_commit(st, err);
	else
		ph_store_rollback(st);
done:
	if (saved_now != NULL) {
		setenv("PHOIHOP_NOW", saved_now, 1);
		free(saved_now);
	} else
		unsetenv("PHOIHOP_NOW");
	ph_strv_release(&refs.names);
	free(refs.ids);
	return s;
}
