/*
 * viet-abbrev.c -- reading the abbreviations file.
 *
 * The file is the clerk's to edit, so every line is checked and a bad
 * one is refused with its line number rather than skipped: a typo that
 * silently dropped "UBND" would make searches miss letters with nobody
 * knowing why.  How the entries widen a query is search.c's business.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "util.h"
#include "viet.h"
#include "viet-abbrev.h"

/* An abbreviation file larger than this is not one. */
#define ABBREV_FILE_MAX	(1024 * 1024)

static int
join_word(void *arg, const char *tok, size_t toklen, size_t start,
    size_t end)
{
	struct ph_buf	*b = arg;

	(void)start;
	(void)end;
	if (b->len > 0)
		ph_buf_addc(b, ' ');
	ph_buf_add(b, tok, toklen);
	return 0;
}

/* S folded into words one space apart; "" if it has no word. */
static char *
fold_joined(const char *s)
{
	struct ph_buf	b;

	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	ph_viet_fold_words(s, strlen(s), join_word, &b);
	return ph_buf_take(&b);
}

void
ph_abbrevs_release(struct ph_abbrevs *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].abbr);
		free(a->v[i].full);
		free(a->v[i].abbr_fold);
		free(a->v[i].full_fold);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

enum ph_status
ph_abbrev_parse(const char *text, size_t len, const char *name,
    struct ph_abbrevs *out, struct ph_error *err)
{
	const char	*p = text, *end = text + len, *nl, *tab;
	char		*line, *abbr, *full;
	size_t		 bad, lineno = 0, cap = 0;
	struct ph_abbrev *e;

	out->v = NULL;
	out->n = 0;
	if (!ph_utf8_valid(text, len, &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s is not valid UTF-8 (byte %zu)"), name, bad);
	while (p < end) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		line = ph_xstrndup(p, (size_t)(nl - p));
		p = nl < end ? nl + 1 : end;
		ph_str_trim(line);
		if (line[0] == '\0' || line[0] == '#') {
			free(line);
			continue;
		}
		if ((tab = strchr(line, '\t')) == NULL) {
			ph_error_set(err, PH_ERR_INVALID,
			    _("%s line %zu: \"%s\" has no tab between the abbreviation and its full form"),
			    name, lineno, line);
			free(line);
			ph_abbrevs_release(out);
			return PH_ERR_INVALID;
		}
		abbr = ph_xstrndup(line, (size_t)(tab - line));
		full = ph_xstrdup(tab + 1);
		free(line);
		ph_str_trim(abbr);
		ph_str_trim(full);
		if (cap == out->n) {
			cap = cap ? cap * 2 : 64;
			out->v = ph_xrealloc(out->v, cap * sizeof *out->v);
		}
		e = &out->v[out->n++];
		e->abbr = ph_viet_nfc(abbr);
		e->full = ph_viet_nfc(full);
		free(abbr);
		free(full);
		e->abbr_fold = fold_joined(e->abbr);
		e->full_fold = fold_joined(e->full);
		/* One word on the left: an abbreviation is typed as one. */
		if (e->abbr_fold[0] == '\0' || strchr(e->abbr_fold, ' ') != NULL
		    || e->full_fold[0] == '\0' ||
		    strcmp(e->abbr_fold, e->full_fold) == 0) {
			ph_error_set(err, PH_ERR_INVALID,
			    _("%s line %zu: \"%s\" is not one word followed by a different full form"),
			    name, lineno, e->abbr);
			ph_abbrevs_release(out);
			return PH_ERR_INVALID;
		}
	}
	return PH_OK;
}

enum ph_status
ph_abbrev_load(const char *path, struct ph_abbrevs *out,
    struct ph_error *err)
{
	char		*text;
	size_t		 len;
	enum ph_status	 s;

	out->v = NULL;
	out->n = 0;
	if ((s = ph_file_read(path, ABBREV_FILE_MAX, &text, &len, err)) !=
	    PH_OK)
		return s;
	if (strlen(text) != len) {
		free(text);
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s contains a NUL byte"), path);
	}
	s = ph_abbrev_parse(text, len, path, out, err);
	free(text);
	return s;
}
