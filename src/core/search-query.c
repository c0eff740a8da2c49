/*
 * search-query.c -- the query language of search.h, parsed into a tree.
 *
 * A recursive-descent parser over the query as typed.  It knows the
 * syntax and the field filters' values (dates, statuses, levels); it does
 * not fold, expand or run anything (search.c does).  Every error names
 * the position in characters, counted from 1, since that is what the
 * clerk sees in the search box.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "letter.h"
#include "search.h"
#include "util.h"
#include "viet.h"

/* Deeper nesting than this is not a query a person typed. */
#define SQ_DEPTH_MAX	32
/* Nor is a longer one. */
#define SQ_LEN_MAX	4096

struct parser {
	const char	*q;
	size_t		 len, i;
	int		 depth;
	struct ph_error	*err;
};

/* Position of byte offset OFF in characters, from 1. */
static size_t
char_pos(const char *q, size_t off)
{
	size_t	n = 1, i;

	for (i = 0; i < off && q[i] != '\0'; i++)
		if (((unsigned char)q[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static enum ph_status
fail(struct parser *p, size_t off, const char *what)
{
	return ph_error_set(p->err, PH_ERR_INVALID,
	    _("search query, position %zu: %s"), char_pos(p->q, off), what);
}

static struct ph_sq *
node(enum ph_sq_kind kind, size_t pos)
{
	struct ph_sq	*n = ph_xcalloc(1, sizeof *n);

	n->kind = kind;
	n->pos = pos;
	return n;
}

static void
add_kid(struct ph_sq *n, struct ph_sq *kid)
{
	n->kids = ph_xrealloc(n->kids, (n->nkids + 1) * sizeof *n->kids);
	n->kids[n->nkids++] = kid;
}

void
ph_sq_free(struct ph_sq *q)
{
	size_t	i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nkids; i++)
		ph_sq_free(q->kids[i]);
	free(q->kids);
	free(q->text);
	free((char *)q->pred.text);
	free(q);
}

static void
skip_space(struct parser *p)
{
	while (p->i < p->len && isspace((unsigned char)p->q[p->i]))
		p->i++;
}

/* A character that ends a bare word. */
static int
ends_word(char c)
{
	return c == '\0' || isspace((unsigned char)c) || c == '(' ||
	    c == ')' || c == '"';
}

static int
at_or(struct parser *p)
{
	return p->i + 2 <= p->len && strncmp(p->q + p->i, "OR", 2) == 0 &&
	    ends_word(p->q[p->i + 2]) && p->q[p->i + 2] != '"';
}

/* ------------------------------------------------------------ fields */

static const struct {
	const char		*name;	/* folded */
	enum ph_search_col	 col;
	int			 pred;	/* -1: a column; else a pred kind */
} fields[] = {
	{ "so", PH_SCOL_NUMBER, -1 },
	{ "tu", PH_SCOL_ISSUER, -1 },
	{ "den", PH_SCOL_RECIPIENTS, -1 },
	{ "loai", 0, PH_SP_TYPE },
	{ "ngay", 0, PH_SP_DATE },
	{ "han", 0, PH_SP_DUE },
	{ "tt", 0, PH_SP_STATUS },
	{ "mat", 0, PH_SP_CLASS },
};
#define NFIELDS	(sizeof fields / sizeof fields[0])

/* The field whose name (any case, with or without marks) is
 * Q[0..N), or -1. */
static int
field_of(const char *q, size_t n)
{
	char	*name, *f;
	size_t	 k;
	int	 hit = -1;

	if (n == 0 || n > 16)
		return -1;
	name = ph_xstrndup(q, n);
	f = ph_viet_fold(name);
	for (k = 0; k < NFIELDS; k++)
		if (strcmp(f, fields[k].name) == 0)
			hit = (int)k;
	free(name);
	free(f);
	return hit;
}

/* One date as a span of days: 2026, 2026-05, 05/2026, or a full date. */
static int
date_span(const char *s, struct ph_date *from, struct ph_date *to)
{
	int	y, m, n = 0;
	size_t	len = strlen(s);

	if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4 &&
	    y >= 1900 && y <= 2999) {
		*from = (struct ph_date){ y, 1, 1 };
		*to = (struct ph_date){ y, 12, 31 };
		return 1;
	}
	if ((len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7) ||
	    ((len == 7 || len == 6) && sscanf(s, "%2d/%4d%n", &m, &y, &n) ==
	    2 && (size_t)n == len)) {
		if (y < 1900 || y > 2999 || m < 1 || m > 12)
			return 0;
		*from = (struct ph_date){ y, m, 1 };
		*to = (struct ph_date){ y, m, ph_date_days_in_month(y, m) };
		return 1;
	}
	if (ph_date_parse(s, from, NULL) != PH_OK)
		return 0;
	*to = *from;
	return 1;
}

/* ngay: and han: values: D, >=D, <=D, >D, <D, =D, D..D. */
static int
date_filter(const char *v, struct ph_search_pred *pr)
{
	struct ph_date	 f1, t1, f2, t2;
	const char	*dots;
	char		*a;
	int		 ok;

	pr->from = pr->to = PH_DATE_NONE;
	if ((dots = strstr(v, "..")) != NULL) {
		a = ph_xstrndup(v, (size_t)(dots - v));
		ok = date_span(a, &f1, &t1) && date_span(dots + 2, &f2, &t2) &&
		    ph_date_cmp(f1, t2) <= 0;
		free(a);
		if (ok) {
			pr->from = f1;
			pr->to = t2;
		}
		return ok;
	}
	if (strncmp(v, ">=", 2) == 0 || strncmp(v, "<=", 2) == 0) {
		if (!date_span(v + 2, &f1, &t1))
			return 0;
		if (v[0] == '>')
			pr->from = f1;
		else
			pr->to = t1;
		return 1;
	}
	if (v[0] == '>' || v[0] == '<') {
		if (!date_span(v + 1, &f1, &t1))
			return 0;
		if (v[0] == '>')
			pr->from = ph_date_from_days(ph_date_to_days(t1) + 1);
		else
			pr->to = ph_date_from_days(ph_date_to_days(f1) - 1);
		return 1;
	}
	if (v[0] == '=')
		v++;
	if (!date_span(v, &f1, &t1))
		return 0;
	pr->from = f1;
	pr->to = t1;
	return 1;
}

static enum ph_status
pred_value(struct parser *p, size_t pos, int kind, const char *name,
    const char *v, struct ph_search_pred *pr)
{
	char		*f;
	int		 val;
	enum ph_status	 s = PH_OK;
	char		*msg = NULL;

	pr->kind = (enum ph_search_pred_kind)kind;
	f = ph_viet_fold(v);
	switch (kind) {
	case PH_SP_TYPE:
		pr->text = ph_viet_upper(f);
		break;
	case PH_SP_DATE:
	case PH_SP_DUE:
		if (!date_filter(v, pr)) {
			msg = ph_xasprintf(_("%s:%s is not a date, a month, a year or a range of them (2026-05, >=01/03/2026, 2025..2026)"),
			    name, v);
			s = fail(p, pos, msg);
		}
		break;
	case PH_SP_STATUS:
		if (strcmp(f, "qua-han") == 0 || strcmp(f, "quahan") == 0 ||
		    strcmp(f, "overdue") == 0)
			pr->kind = PH_SP_OVERDUE;
		else if (strcmp(f, "dang-mo") == 0 || strcmp(f, "mo") == 0 ||
		    strcmp(f, "open") == 0)
			pr->kind = PH_SP_OPEN;
		else if (ph_keyword_parse(ph_status_words, _("status"), f,
		    &val, NULL) == PH_OK)
			pr->value = val;
		else {
			msg = ph_xasprintf(_("%s:%s is not a status (qua-han, dang-mo, cho-tra-loi, da-tra-loi, gia-han, da-don-doc, cho-chi-dao, da-giai-quyet, ...)"),
			    name, v);
			s = fail(p, pos, msg);
		}
		break;
	case PH_SP_CLASS:
		if (strcmp(f, "khong") == 0)
			pr->value = PH_CLASS_NONE;
		else if (ph_keyword_parse(ph_class_words, _("classification"),
		    f, &val, NULL) == PH_OK)
			pr->value = val;
		else {
			msg = ph_xasprintf(_("%s:%s is not a classification (mat, toi-mat, tuyet-mat, khong)"),
			    name, v);
			s = fail(p, pos, msg);
		}
		break;
	}
	free(f);
	free(msg);
	return s;
}

/* ------------------------------------------------------------ grammar */

static enum ph_status parse_or(struct parser *, struct ph_sq **);
static enum ph_status check_preds(struct parser *, const struct ph_sq *,
		    int);

/* "..." at p->i; the text between the quotes. */
static enum ph_status
parse_phrase(struct parser *p, struct ph_sq **out)
{
	size_t		 start = p->i, e;
	struct ph_sq	*n;

	p->i++;
	for (e = p->i; e < p->len && p->q[e] != '"'; e++)
		;
	if (e >= p->len)
		return fail(p, start, _("the quotation mark is never closed"));
	n = node(PH_SQ_PHRASE, start);
	n->text = ph_xstrndup(p->q + p->i, e - p->i);
	p->i = e + 1;
	*out = n;
	return PH_OK;
}

/* A bare word, possibly "field:value" or "prefix*". */
static enum ph_status
parse_word(struct parser *p, struct ph_sq **out)
{
	size_t		 start = p->i, e, colon = 0;
	struct ph_sq	*n, *kid = NULL;
	enum ph_status	 s;
	int		 f = -1;
	char		*name, *v, msg[160];

	for (e = p->i; e < p->len && !ends_word(p->q[e]); e++)
		if (p->q[e] == ':' && colon == 0)
			colon = e;
	if (colon > start)
		f = field_of(p->q + start, colon - start);
	if (f < 0) {
		n = node(PH_SQ_WORD, start);
		if (e - start > 1 && p->q[e - 1] == '*') {
			n->prefix = 1;
			n->text = ph_xstrndup(p->q + start, e - start - 1);
		} else
			n->text = ph_xstrndup(p->q + start, e - start);
		p->i = e;
		*out = n;
		return PH_OK;
	}

	name = ph_xstrndup(p->q + start, colon - start);
	p->i = colon + 1;
	if (fields[f].pred < 0) {
		/* so: tu: den: take a word or a phrase. */
		if (p->i < p->len && p->q[p->i] == '"')
			s = parse_phrase(p, &kid);
		else if (p->i < e)
			s = parse_word(p, &kid);
		else {
			snprintf(msg, sizeof msg, _("%s: has no value"), name);
			free(name);
			return fail(p, start, msg);
		}
		free(name);
		if (s != PH_OK)
			return s;
		if (kid->kind != PH_SQ_WORD && kid->kind != PH_SQ_PHRASE) {
			ph_sq_free(kid);
			return fail(p, colon + 1,
			    _("a field filter cannot hold another one"));
		}
		n = node(PH_SQ_COLUMN, start);
		n->col = fields[f].col;
		add_kid(n, kid);
		*out = n;
		return PH_OK;
	}
	/* Row filters take one value, quoted or not. */
	if (p->i < p->len && p->q[p->i] == '"') {
		if ((s = parse_phrase(p, &kid)) != PH_OK) {
			free(name);
			return s;
		}
		v = kid->text;
		kid->text = NULL;
		ph_sq_free(kid);
	} else {
		v = ph_xstrndup(p->q + p->i, e - p->i);
		p->i = e;
	}
	if (*v == '\0') {
		snprintf(msg, sizeof msg, _("%s: has no value"), name);
		s = fail(p, start, msg);
		free(name);
		free(v);
		return s;
	}
	n = node(PH_SQ_PRED, start);
	s = pred_value(p, start, fields[f].pred, name, v, &n->pred);
	free(name);
	free(v);
	if (s != PH_OK) {
		ph_sq_free(n);
		return s;
	}
	*out = n;
	return PH_OK;
}

static enum ph_status
parse_primary(struct parser *p, struct ph_sq **out)
{
	size_t		 start = p->i;
	enum ph_status	 s;

	skip_space(p);
	start = p->i;
	if (p->i >= p->len)
		return fail(p, start, _("a word is missing at the end"));
	switch (p->q[p->i]) {
	case '"':
		return parse_phrase(p, out);
	case ')':
		return fail(p, start, _("\")\" without \"(\""));
	case '(':
		if (++p->depth > SQ_DEPTH_MAX)
			return fail(p, start, _("too many parentheses"));
		p->i++;
		skip_space(p);
		if (p->i < p->len && p->q[p->i] == ')')
			return fail(p, start, _("nothing between the parentheses"));
		if ((s = parse_or(p, out)) != PH_OK)
			return s;
		/* Checked here: once the group is folded into the tree,
		 * nothing shows it was in parentheses. */
		if ((s = check_preds(p, *out, 0)) != PH_OK) {
			ph_sq_free(*out);
			*out = NULL;
			return s;
		}
		skip_space(p);
		if (p->i >= p->len || p->q[p->i] != ')') {
			ph_sq_free(*out);
			*out = NULL;
			return fail(p, start, _("\"(\" is never closed"));
		}
		p->i++;
		p->depth--;
		return PH_OK;
	default:
		return parse_word(p, out);
	}
}

static enum ph_status
parse_unary(struct parser *p, struct ph_sq **out)
{
	size_t		 start;
	struct ph_sq	*kid = NULL, *n;
	enum ph_status	 s;

	skip_space(p);
	start = p->i;
	if (p->q[p->i] == '-' && p->i + 1 < p->len &&
	    !isspace((unsigned char)p->q[p->i + 1]) && p->q[p->i + 1] != ')') {
		p->i++;
		if (p->q[p->i] == '-')
			return fail(p, start, _("\"-\" twice"));
		if ((s = parse_primary(p, &kid)) != PH_OK)
			return s;
		n = node(PH_SQ_NOT, start);
		add_kid(n, kid);
		*out = n;
		return PH_OK;
	}
	return parse_primary(p, out);
}

static enum ph_status
parse_and(struct parser *p, struct ph_sq **out)
{
	struct ph_sq	*n, *kid = NULL;
	enum ph_status	 s;
	size_t		 start;

	skip_space(p);
	start = p->i;
	n = node(PH_SQ_AND, start);
	for (;;) {
		skip_space(p);
		if (p->i >= p->len || p->q[p->i] == ')' || at_or(p))
			break;
		if ((s = parse_unary(p, &kid)) != PH_OK) {
			ph_sq_free(n);
			return s;
		}
		add_kid(n, kid);
	}
	if (n->nkids == 0) {
		ph_sq_free(n);
		if (at_or(p))
			return fail(p, p->i, _("OR needs a word on each side"));
		return fail(p, start, _("a word is missing here"));
	}
	if (n->nkids == 1) {
		kid = n->kids[0];
		n->nkids = 0;
		ph_sq_free(n);
		n = kid;
	}
	*out = n;
	return PH_OK;
}

static enum ph_status
parse_or(struct parser *p, struct ph_sq **out)
{
	struct ph_sq	*n, *kid = NULL;
	enum ph_status	 s;

	skip_space(p);
	n = node(PH_SQ_OR, p->i);
	for (;;) {
		if ((s = parse_and(p, &kid)) != PH_OK) {
			ph_sq_free(n);
			return s;
		}
		add_kid(n, kid);
		skip_space(p);
		if (!at_or(p))
			break;
		p->i += 2;
		skip_space(p);
		if (p->i >= p->len || p->q[p->i] == ')') {
			ph_sq_free(n);
			return fail(p, p->i, _("OR needs a word on each side"));
		}
	}
	if (n->nkids == 1) {
		kid = n->kids[0];
		n->nkids = 0;
		ph_sq_free(n);
		n = kid;
	}
	*out = n;
	return PH_OK;
}

/*
 * Row filters are conditions on the letter, not words: they cannot be one
 * side of an OR or sit inside parentheses.  TOP is 1 for the root and the
 * root's AND.
 */
static enum ph_status
check_preds(struct parser *p, const struct ph_sq *n, int top)
{
	size_t		i;
	enum ph_status	s;

	if (n->kind == PH_SQ_PRED && !top)
		return fail(p, n->pos, _("filters such as ngay:, han:, tt:, loai: and mat: cannot be inside OR or parentheses"));
	if (n->kind == PH_SQ_NOT && n->kids[0]->kind == PH_SQ_PRED)
		return top ? PH_OK : check_preds(p, n->kids[0], 0);
	for (i = 0; i < n->nkids; i++)
		if ((s = check_preds(p, n->kids[i],
		    top && n->kind == PH_SQ_AND)) != PH_OK)
			return s;
	return PH_OK;
}

enum ph_status
ph_sq_parse(const char *query, struct ph_sq **out, struct ph_error *err)
{
	struct parser	 p;
	struct ph_sq	*q = NULL;
	enum ph_status	 s;
	size_t		 bad;

	*out = NULL;
	p.q = query;
	p.len = strlen(query);
	p.i = 0;
	p.depth = 0;
	p.err = err;
	if (!ph_utf8_valid(query, p.len, &bad))
		return fail(&p, bad, _("not valid UTF-8"));
	if (p.len > SQ_LEN_MAX)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the search query is longer than %d bytes"), SQ_LEN_MAX);
	skip_space(&p);
	if (p.i >= p.len)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the search query is empty"));
	if ((s = parse_or(&p, &q)) != PH_OK)
		return s;
	skip_space(&p);
	if (p.i < p.len) {
		ph_sq_free(q);
		return fail(&p, p.i, _("\")\" without \"(\""));
	}
	if ((s = check_preds(&p, q, 1)) != PH_OK) {
		ph_sq_free(q);
		return s;
	}
	*out = q;
	return PH_OK;
}
