/*
 * agreement-file.c -- read a coordination regulation (quy chế phối hợp)
 * from the text files in data/agreements/ into a struct ph_agreement_def.
 *
 * The format is described for clerks in data/agreements/README: a header
 * of "key: value" lines, then the sections [items], [reply],
 * [periodic KEY] and [escalation].  The parser is strict: anything it does
 * not understand is an error naming the file, the line and the reason, so
 * that a typing mistake in a deadline never passes silently.  Values are
 * stored in NFC.
 *
 * Parsing and checking only: no store, no clock, no printing.  Exported:
 * ph_agreement_def_init(), ph_agreement_def_release(),
 * ph_agreement_def_load(), ph_agreement_def_parse().
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "date.h"
#include "error.h"
#include "intl.h"
#include "util.h"
#include "viet.h"

/* A regulation is a few pages; a file over this is not one. */
#define AGREEMENT_FILE_MAX	(1024 * 1024)

/* How many bytes of a bad value an error message quotes. */
#define QUOTE_MAX		60

/* The reply rule phoihop uses when a file has no [reply] section: seed
 * 002 (409-QĐ/TU) is the only regulation that gives a number ("chậm nhất
 * 05 ngày làm việc"), so its 5 working days are the default. */
#define REPLY_DEFAULT_DAYS	5
#define REPLY_DEFAULT_GRACE	2

#define DAYS_MAX		365	/* days: and grace: */
#define LEAD_MAX		60	/* one lead time */
#define LEAD_N			3	/* lead[] keeps room for the -1 */
#define PERIODIC_KEY_MAX	40

enum section {
	SEC_HEADER,
	SEC_ITEMS,
	SEC_REPLY,
	SEC_PERIODIC,
	SEC_ESCALATION,
};

/* Keys seen, one bit each, to refuse duplicates and find missing ones. */
#define SEEN_NUMBER	0x0001
#define SEEN_DATE	0x0002
#define SEEN_ISSUER	0x0004
#define SEEN_TITLE	0x0008
#define SEEN_ITEMS	0x0010
#define SEEN_REPLY	0x0020
#define SEEN_ESCAL	0x0040

#define R_DAYS		0x01
#define R_UNIT		0x02
#define R_DEFAULT	0x04
#define R_LEAD		0x08
#define R_GRACE		0x10
#define R_SOURCE	0x20

#define P_NAME		0x01
#define P_KIND		0x02
#define P_DUE		0x04
#define P_DAYOFF	0x08
#define P_WHO		0x10
#define P_TO		0x20
#define P_SOURCE	0x40

struct parser {
	const char		*name;
	struct ph_agreement_def	*a;
	struct ph_error		*err;

	enum section		 sec;
	size_t			 sec_line;	/* line of the section header */
	unsigned		 seen;		/* SEEN_* */
	unsigned		 reply_seen;	/* R_* */
	unsigned		 per_seen;	/* P_*, current periodic */
	int			 per_ndates;	/* dates in its due: */
	size_t			 per_due_line;
};

static void	reply_defaults(struct ph_reply_rule *r);

void
ph_agreement_def_init(struct ph_agreement_def *a)
{
	memset(a, 0, sizeof *a);
	a->date = PH_DATE_NONE;
	ph_strv_init(&a->parties);
	ph_strv_init(&a->items);
	ph_strv_init(&a->supersedes);
	reply_defaults(&a->reply);
}

void
ph_agreement_def_release(struct ph_agreement_def *a)
{
	size_t	i;

	if (a == NULL)
		return;
	free(a->number);
	free(a->issuer);
	free(a->title);
	ph_strv_release(&a->parties);
	ph_strv_release(&a->items);
	free(a->reply.source);
	for (i = 0; i < a->n_periodic; i++) {
		free(a->periodic[i].key);
		free(a->periodic[i].name);
		free(a->periodic[i].who);
		free(a->periodic[i].to);
		free(a->periodic[i].source);
	}
	free(a->periodic);
	for (i = 0; i < a->n_escalation; i++) {
		free(a->escalation[i].body);
		free(a->escalation[i].via);
		free(a->escalation[i].when);
	}
	free(a->escalation);
	ph_strv_release(&a->supersedes);
	free(a->source_file);
	ph_agreement_def_init(a);
}

/*
 * The rule of a file without [reply]: the regulation says only "kịp thời"
 * (or nothing), so the number is phoihop's, marked is_default.  A [reply]
 * section starts from the same values with is_default 0.
 */
static void
reply_defaults(struct ph_reply_rule *r)
{
	r->days = REPLY_DEFAULT_DAYS;
	r->workdays = 1;
	r->is_default = 1;
	r->lead[0] = 2;
	r->lead[1] = 0;
	r->lead[2] = -1;
	r->lead[3] = -1;
	r->grace = REPLY_DEFAULT_GRACE;
	r->source = NULL;
}

/* At most QUOTE_MAX bytes of S, cut on a character boundary, for an error
 * message.  BUF has room for QUOTE_MAX + 4 bytes. */
static const char *
quote(const char *s, char *buf)
{
	size_t	n = strlen(s);

	if (n <= QUOTE_MAX)
		return s;
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* Fail with "NAME:LINE: reason"; REASON is already translated. */
static enum ph_status __attribute__((format(printf, 3, 4)))
bad(struct parser *p, size_t line, const char *fmt, ...)
{
	char	reason[200];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return ph_error_set(p->err, PH_ERR_INVALID, _("%s:%zu: %s"), p->name,
	    line, reason);
}

/* Read all of S as a whole number in [LO, HI]: digits only. */
static int
parse_int(const char *s, int lo, int hi, int *out)
{
	long	v = 0;
	int	n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > 6)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (n == 0 || *s != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Store a copy of VALUE in *SLOT, refusing a second one. */
static enum ph_status
set_once(struct parser *p, size_t line, unsigned *seen, unsigned bit,
    const char *key, char **slot, const char *value)
{
	if (*seen & bit)
		return bad(p, line, _("\"%s\" given twice"), key);
	*seen |= bit;
	if (slot != NULL)
		*slot = ph_xstrdup(value);
	return PH_OK;
}

static enum ph_status
header_line(struct parser *p, size_t line, const char *key,
    const char *value)
{
	struct ph_agreement_def	*a = p->a;
	struct ph_error		 derr;

	if (strcmp(key, "number") == 0)
		return set_once(p, line, &p->seen, SEEN_NUMBER, key, &a->number,
		    value);
	if (strcmp(key, "title") == 0)
		return set_once(p, line, &p->seen, SEEN_TITLE, key, &a->title,
		    value);
	if (strcmp(key, "issuer") == 0)
		return set_once(p, line, &p->seen, SEEN_ISSUER, key, &a->issuer,
		    value);
	if (strcmp(key, "date") == 0) {
		if (set_once(p, line, &p->seen, SEEN_DATE, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (ph_date_parse(value, &a->date, &derr) != PH_OK)
			return bad(p, line, "%s", derr.msg);
		return PH_OK;
	}
	if (strcmp(key, "party") == 0) {
		ph_strv_push(&a->parties, value);
		return PH_OK;
	}
	if (strcmp(key, "supersedes") == 0) {
		ph_strv_push(&a->supersedes, value);
		return PH_OK;
	}
	return bad(p, line, _("unknown key \"%s\" in the header"), key);
}

/* "N. text": N must follow the previous item's number. */
static enum ph_status
item_line(struct parser *p, size_t line, char *s)
{
	char	*dot, qbuf[QUOTE_MAX + 4];
	int	 n;

	dot = strchr(s, '.');
	if (dot == NULL || dot == s || (dot[1] != ' ' && dot[1] != '\t'))
		return bad(p, line, _("an item is written \"N. text\": \"%s\""),
		    quote(s, qbuf));
	*dot = '\0';
	if (parse_int(s, 1, 9999, &n) != 0) {
		*dot = '.';
		return bad(p, line, _("an item is written \"N. text\": \"%s\""),
		    quote(s, qbuf));
	}
	if ((size_t)n != p->a->items.n + 1)
		return bad(p, line, _("item %d should be item %zu"), n,
		    p->a->items.n + 1);
	ph_strv_push(&p->a->items, ph_str_trim(dot + 1));
	return PH_OK;
}

/* "2, 0": distinct numbers, largest first, -1 after the last. */
static enum ph_status
parse_lead(struct parser *p, size_t line, const char *value, int lead[4])
{
	char		*copy, *tok, *next, qbuf[QUOTE_MAX + 4];
	int		 n = 0, v;
	enum ph_status	 rc = PH_OK;

	copy = ph_xstrdup(value);
	for (tok = copy; tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		ph_str_trim(tok);
		if (parse_int(tok, 0, LEAD_MAX, &v) != 0) {
			rc = bad(p, line, _("lead is a list of working days "
			    "such as \"2, 0\", not \"%s\""),
			    quote(value, qbuf));
			goto out;
		}
		if (n == LEAD_N) {
			rc = bad(p, line, _("lead takes at most %d numbers"),
			    LEAD_N);
			goto out;
		}
		if (n > 0 && v >= lead[n - 1]) {
			rc = bad(p, line, _("lead times go from the largest "
			    "down, each once: \"%s\""), quote(value, qbuf));
			goto out;
		}
		lead[n++] = v;
	}
	while (n < 4)
		lead[n++] = -1;
out:
	free(copy);
	return rc;
}

static enum ph_status
reply_line(struct parser *p, size_t line, const char *key, const char *value)
{
	struct ph_reply_rule	*r = &p->a->reply;
	char			 qbuf[QUOTE_MAX + 4];

	if (strcmp(key, "days") == 0) {
		if (set_once(p, line, &p->reply_seen, R_DAYS, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (parse_int(value, 1, DAYS_MAX, &r->days) != 0)
			return bad(p, line, _("days is a number from 1 to %d, "
			    "not \"%s\""), DAYS_MAX, quote(value, qbuf));
		return PH_OK;
	}
	if (strcmp(key, "unit") == 0) {
		if (set_once(p, line, &p->reply_seen, R_UNIT, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (strcmp(value, "workdays") == 0)
			r->workdays = 1;
		else if (strcmp(value, "days") == 0)
			r->workdays = 0;
		else
			return bad(p, line, _("unit is \"workdays\" or "
			    "\"days\", not \"%s\""), quote(value, qbuf));
		return PH_OK;
	}
	if (strcmp(key, "default") == 0) {
		if (set_once(p, line, &p->reply_seen, R_DEFAULT, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (strcmp(value, "yes") == 0)
			r->is_default = 1;
		else if (strcmp(value, "no") == 0)
			r->is_default = 0;
		else
			return bad(p, line, _("default is \"yes\" or \"no\", "
			    "not \"%s\""), quote(value, qbuf));
		return PH_OK;
	}
	if (strcmp(key, "lead") == 0) {
		if (set_once(p, line, &p->reply_seen, R_LEAD, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		return parse_lead(p, line, value, r->lead);
	}
	if (strcmp(key, "grace") == 0) {
		if (set_once(p, line, &p->reply_seen, R_GRACE, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (parse_int(value, 0, DAYS_MAX, &r->grace) != 0)
			return bad(p, line, _("grace is a number from 0 to %d, "
			    "not \"%s\""), DAYS_MAX, quote(value, qbuf));
		return PH_OK;
	}
	if (strcmp(key, "source") == 0)
		return set_once(p, line, &p->reply_seen, R_SOURCE, key,
		    &r->source, value);
	return bad(p, line, _("unknown key \"%s\" in [reply]"), key);
}

/* One "before D/M" or "on D/M" of a due: line. */
static enum ph_status
parse_due_one(struct parser *p, size_t line, char *s, int *before, int *m,
    int *d)
{
	char	*slash, qbuf[QUOTE_MAX + 4];

	if (strncmp(s, "before ", 7) == 0) {
		*before = 1;
		s += 7;
	} else if (strncmp(s, "on ", 3) == 0) {
		*before = 0;
		s += 3;
	} else
		return bad(p, line, _("a due date is \"before D/M\" or \"on "
		    "D/M\", not \"%s\""), quote(s, qbuf));
	while (*s == ' ' || *s == '\t')
		s++;
	if ((slash = strchr(s, '/')) == NULL)
		return bad(p, line, _("a due date is \"before D/M\" or \"on "
		    "D/M\", not \"%s\""), quote(s, qbuf));
	*slash = '\0';
	if (parse_int(s, 1, 99, d) != 0 ||
	    parse_int(slash + 1, 1, 99, m) != 0) {
		*slash = '/';
		return bad(p, line, _("a due date is \"before D/M\" or \"on "
		    "D/M\", not \"%s\""), quote(s, qbuf));
	}
	*slash = '/';
	/* 2001 is not a leap year: a yearly date must come every year. */
	if (*m > 12 || *d > ph_date_days_in_month(2001, *m))
		return bad(p, line, _("no such day in every year: %s"), s);
	return PH_OK;
}

static enum ph_status
parse_due(struct parser *p, size_t line, const char *value,
    struct ph_periodic_rule *r)
{
	char		*copy, *tok, *next;
	int		 before[3], m[3], d[3], n = 0;
	enum ph_status	 rc = PH_OK;

	copy = ph_xstrdup(value);
	for (tok = copy; tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		ph_str_trim(tok);
		if (n == 2) {
			rc = bad(p, line, _("due takes one date, or two for a "
			    "half-year"));
			goto out;
		}
		if ((rc = parse_due_one(p, line, tok, &before[n], &m[n],
		    &d[n])) != PH_OK)
			goto out;
		n++;
	}
	if (n == 2) {
		if (before[0] != before[1]) {
			rc = bad(p, line, _("both dates of a half-year are "
			    "\"before\" or both \"on\""));
			goto out;
		}
		if (m[1] * 100 + d[1] <= m[0] * 100 + d[0]) {
			rc = bad(p, line, _("the two dates of a half-year go "
			    "in calendar order"));
			goto out;
		}
		r->month2 = m[1];
		r->day2 = d[1];
	}
	r->before = before[0];
	r->month = m[0];
	r->day = d[0];
	p->per_ndates = n;
	p->per_due_line = line;
out:
	free(copy);
	return rc;
}

static enum ph_status
periodic_line(struct parser *p, size_t line, const char *key,
    const char *value)
{
	struct ph_periodic_rule	*r = &p->a->periodic[p->a->n_periodic - 1];
	char			 qbuf[QUOTE_MAX + 4];

	if (strcmp(key, "name") == 0)
		return set_once(p, line, &p->per_seen, P_NAME, key, &r->name,
		    value);
	if (strcmp(key, "who") == 0)
		return set_once(p, line, &p->per_seen, P_WHO, key, &r->who,
		    value);
	if (strcmp(key, "to") == 0)
		return set_once(p, line, &p->per_seen, P_TO, key, &r->to,
		    value);
	if (strcmp(key, "source") == 0)
		return set_once(p, line, &p->per_seen, P_SOURCE, key,
		    &r->source, value);
	if (strcmp(key, "kind") == 0) {
		if (set_once(p, line, &p->per_seen, P_KIND, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (strcmp(value, "half-year") == 0)
			r->kind = PH_PERIOD_HALF_YEAR;
		else if (strcmp(value, "year") == 0)
			r->kind = PH_PERIOD_YEAR;
		else if (strcmp(value, "term-end") == 0)
			r->kind = PH_PERIOD_TERM_END;
		else
			return bad(p, line, _("kind is \"half-year\", \"year\" "
			    "or \"term-end\", not \"%s\""), quote(value, qbuf));
		return PH_OK;
	}
	if (strcmp(key, "due") == 0) {
		if (set_once(p, line, &p->per_seen, P_DUE, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		return parse_due(p, line, value, r);
	}
	if (strcmp(key, "dayoff") == 0) {
		if (set_once(p, line, &p->per_seen, P_DAYOFF, key, NULL,
		    value) != PH_OK)
			return PH_ERR_INVALID;
		if (strcmp(value, "previous") == 0)
			r->dayoff = PH_DAYOFF_PREVIOUS;
		else if (strcmp(value, "keep") == 0)
			r->dayoff = PH_DAYOFF_KEEP;
		else if (strcmp(value, "next") == 0)
			r->dayoff = PH_DAYOFF_NEXT;
		else
			return bad(p, line, _("dayoff is \"previous\", "
			    "\"keep\" or \"next\", not \"%s\""),
			    quote(value, qbuf));
		return PH_OK;
	}
	return bad(p, line, _("unknown key \"%s\" in [periodic %s]"), key,
	    r->key);
}

/* "N: body | via: X | when: Y", N following the previous step. */
static enum ph_status
escalation_line(struct parser *p, size_t line, const char *key,
    char *value)
{
	struct ph_agreement_def		*a = p->a;
	struct ph_escalation_step	 st = { NULL, NULL, NULL };
	char				*part, *next, *colon, *what, **slot;
	char				 qbuf[QUOTE_MAX + 4];
	enum ph_status			 rc;
	int				 n;

	if (parse_int(key, 1, 99, &n) != 0)
		return bad(p, line, _("a step is written \"N: body\", not "
		    "\"%s:\""), quote(key, qbuf));
	if ((size_t)n != a->n_escalation + 1)
		return bad(p, line, _("step %d should be step %zu"), n,
		    a->n_escalation + 1);
	if ((next = strchr(value, '|')) != NULL)
		*next++ = '\0';
	ph_str_trim(value);
	if (*value == '\0')
		return bad(p, line, _("step %d names no body"), n);
	for (part = next; part != NULL; part = next) {
		if ((next = strchr(part, '|')) != NULL)
			*next++ = '\0';
		ph_str_trim(part);
		slot = NULL;
		if ((colon = strchr(part, ':')) != NULL) {
			*colon = '\0';
			what = ph_str_trim(colon + 1);
			ph_str_trim(part);
			if (strcmp(part, "via") == 0)
				slot = &st.via;
			else if (strcmp(part, "when") == 0)
				slot = &st.when;
			else
				*colon = ':';
		}
		if (slot == NULL) {
			rc = bad(p, line, _("after \"|\" comes \"via: ...\" or "
			    "\"when: ...\", not \"%s\""), quote(part, qbuf));
			goto fail;
		}
		if (*slot != NULL) {
			rc = bad(p, line, _("\"%s\" given twice"), part);
			goto fail;
		}
		if (*what == '\0') {
			rc = bad(p, line, _("\"%s:\" has no value"), part);
			goto fail;
		}
		*slot = ph_xstrdup(what);
	}
	st.body = ph_xstrdup(value);
	a->escalation = ph_xrealloc(a->escalation,
	    (a->n_escalation + 1) * sizeof *a->escalation);
	a->escalation[a->n_escalation++] = st;
	return PH_OK;
fail:
	free(st.via);
	free(st.when);
	return rc;
}

/* The checks that can only be made when a section is over. */
static enum ph_status
end_section(struct parser *p)
{
	struct ph_periodic_rule	*r;

	switch (p->sec) {
	case SEC_REPLY:
		if (!(p->reply_seen & R_DAYS))
			return bad(p, p->sec_line,
			    _("[reply] has no \"days:\""));
		break;
	case SEC_PERIODIC:
		r = &p->a->periodic[p->a->n_periodic - 1];
		if (!(p->per_seen & P_NAME))
			return bad(p, p->sec_line, _("[periodic %s] has no "
			    "\"name:\""), r->key);
		if (!(p->per_seen & P_KIND))
			return bad(p, p->sec_line, _("[periodic %s] has no "
			    "\"kind:\""), r->key);
		if (!(p->per_seen & P_DUE))
			return bad(p, p->sec_line, _("[periodic %s] has no "
			    "\"due:\""), r->key);
		if (r->kind == PH_PERIOD_HALF_YEAR && p->per_ndates != 2)
			return bad(p, p->per_due_line, _("a half-year rule is "
			    "due on two dates, e.g. \"before 20/06, before "
			    "20/12\""));
		if (r->kind != PH_PERIOD_HALF_YEAR && p->per_ndates != 1)
			return bad(p, p->per_due_line, _("a %s rule is due on "
			    "one date"), r->kind == PH_PERIOD_YEAR ? "year" :
			    "term-end");
		break;
	case SEC_HEADER:
	case SEC_ITEMS:
	case SEC_ESCALATION:
		break;
	}
	return PH_OK;
}

static int
periodic_key_ok(const char *k)
{
	size_t	n = 0;

	for (; *k != '\0'; k++, n++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    (*k == '-' && n > 0)))
			return 0;
	return n > 0 && n <= PERIODIC_KEY_MAX;
}

/* "[name]" or "[periodic key]"; S is the trimmed line. */
static enum ph_status
section_line(struct parser *p, size_t line, char *s)
{
	struct ph_agreement_def	*a = p->a;
	struct ph_periodic_rule	*r;
	char			*end, *name, *arg, qbuf[QUOTE_MAX + 4];
	size_t			 i;
	unsigned		 bit;

	if (end_section(p) != PH_OK)
		return PH_ERR_INVALID;
	end = s + strlen(s) - 1;
	if (*end != ']')
		return bad(p, line, _("a section header ends with \"]\": "
		    "\"%s\""), quote(s, qbuf));
	*end = '\0';
	name = ph_str_trim(s + 1);
	arg = name + strcspn(name, " \t");
	if (*arg != '\0') {
		*arg++ = '\0';
		ph_str_trim(arg);
	}
	p->sec_line = line;
	if (strcmp(name, "periodic") == 0) {
		if (*arg == '\0')
			return bad(p, line, _("[periodic] needs a key, e.g. "
			    "[periodic bc-6-thang]"));
		if (!periodic_key_ok(arg))
			return bad(p, line, _("a periodic key is lower-case "
			    "ASCII letters, digits and '-': \"%s\""),
			    quote(arg, qbuf));
		for (i = 0; i < a->n_periodic; i++)
			if (strcmp(a->periodic[i].key, arg) == 0)
				return bad(p, line, _("[periodic %s] given "
				    "twice"), arg);
		a->periodic = ph_xrealloc(a->periodic,
		    (a->n_periodic + 1) * sizeof *a->periodic);
		r = &a->periodic[a->n_periodic++];
		memset(r, 0, sizeof *r);
		r->key = ph_xstrdup(arg);
		r->dayoff = PH_DAYOFF_PREVIOUS;
		p->per_seen = 0;
		p->per_ndates = 0;
		p->sec = SEC_PERIODIC;
		return PH_OK;
	}
	if (strcmp(name, "items") == 0) {
		p->sec = SEC_ITEMS;
		bit = SEEN_ITEMS;
	} else if (strcmp(name, "reply") == 0) {
		p->sec = SEC_REPLY;
		bit = SEEN_REPLY;
	} else if (strcmp(name, "escalation") == 0) {
		p->sec = SEC_ESCALATION;
		bit = SEEN_ESCAL;
	} else
		return bad(p, line, _("unknown section [%s]"),
		    quote(name, qbuf));
	if (*arg != '\0')
		return bad(p, line, _("[%s] takes no argument"), name);
	if (p->seen & bit)
		return bad(p, line, _("[%s] given twice"), name);
	p->seen |= bit;
	if (bit == SEEN_REPLY) {
		/* An explicit rule: the file says what is the default. */
		reply_defaults(&a->reply);
		a->reply.days = 0;
		a->reply.is_default = 0;
	}
	return PH_OK;
}

/* Cut a comment: '#' at the start of the line or after a blank. */
static void
cut_comment(char *s)
{
	char	*h;

	for (h = s; (h = strchr(h, '#')) != NULL; h++)
		if (h == s || h[-1] == ' ' || h[-1] == '\t') {
			*h = '\0';
			return;
		}
}

static int
key_ok(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9')))
			return 0;
	return 1;
}

static enum ph_status
one_line(struct parser *p, size_t line, char *s)
{
	char	*colon, *key, *value, qbuf[QUOTE_MAX + 4];

	cut_comment(s);
	ph_str_trim(s);
	if (*s == '\0')
		return PH_OK;
	if (*s == '[')
		return section_line(p, line, s);
	if (p->sec == SEC_ITEMS)
		return item_line(p, line, s);
	if ((colon = strchr(s, ':')) == NULL)
		return bad(p, line, _("expected \"key: value\", not \"%s\""),
		    quote(s, qbuf));
	*colon = '\0';
	key = ph_str_trim(s);
	value = ph_str_trim(colon + 1);
	if (!key_ok(key))
		return bad(p, line, _("expected \"key: value\", not \"%s:\""),
		    quote(key, qbuf));
	if (*value == '\0')
		return bad(p, line, _("\"%s:\" has no value"), key);
	switch (p->sec) {
	case SEC_HEADER:
		return header_line(p, line, key, value);
	case SEC_REPLY:
		return reply_line(p, line, key, value);
	case SEC_PERIODIC:
		return periodic_line(p, line, key, value);
	case SEC_ESCALATION:
		return escalation_line(p, line, key, value);
	case SEC_ITEMS:
		break;
	}
	return PH_OK;
}

/* Line number (from 1) of byte OFF of TEXT. */
static size_t
line_of(const char *text, size_t off)
{
	size_t	i, line = 1;

	for (i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/*
 * Refuse what is not text: invalid UTF-8 (naming the byte offset) and
 * control characters other than tab, and CR before LF.
 */
static enum ph_status
check_bytes(struct parser *p, const char *text, size_t len)
{
	size_t	bad_at, i;

	if (!ph_utf8_valid(text, len, &bad_at))
		return bad(p, line_of(text, bad_at), _("invalid UTF-8 at byte "
		    "%zu"), bad_at);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\t' || c == '\n' ||
		    (c == '\r' && text[i + 1] == '\n'))
			continue;
		if (c < 0x20 || c == 0x7F)
			return bad(p, line_of(text, i), _("control character "
			    "0x%02X at byte %zu"), c, i);
		/* C1 controls U+0080..U+009F are C2 80..C2 9F. */
		if (c == 0xC2 && (unsigned char)text[i + 1] >= 0x80 &&
		    (unsigned char)text[i + 1] <= 0x9F)
			return bad(p, line_of(text, i), _("control character "
			    "U+%04X at byte %zu"), (unsigned char)text[i + 1],
			    i);
	}
	return PH_OK;
}

/*
 * Parse TEXT (NUL-terminated) into A, which the caller has initialised or
 * released.  A is filled as agreement.h documents: items in order,
 * reply.lead ended by -1, the reply rule of a file without [reply] being
 * 5 working days with is_default 1 and no source.  On error A is released
 * (and initialised again) and ERR names NAME, the line and the reason.
 */
enum ph_status
ph_agreement_def_parse(const char *name, const char *text,
    struct ph_agreement_def *a, struct ph_error *err)
{
	struct parser	 p;
	char		*norm = NULL, *s, *nl, *next, *end;
	size_t		 len, line = 0;
	enum ph_status	 rc;

	ph_agreement_def_init(a);
	memset(&p, 0, sizeof p);
	p.name = name != NULL ? name : "-";
	p.a = a;
	p.err = err;
	p.sec = SEC_HEADER;

	len = strlen(text);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;	/* a byte-order mark from a Windows editor */
		len -= 3;
	}
	if ((rc = check_bytes(&p, text, len)) != PH_OK)
		goto out;
	norm = ph_viet_nfc(text);

	for (s = norm; *s != '\0'; s = next) {
		line++;
		if ((nl = strchr(s, '\n')) != NULL) {
			*nl = '\0';
			next = nl + 1;
		} else
			next = s + strlen(s);
		end = s + strlen(s);
		if (end > s && end[-1] == '\r')
			end[-1] = '\0';
		if ((rc = one_line(&p, line, s)) != PH_OK)
			goto out;
	}
	if ((rc = end_section(&p)) != PH_OK)
		goto out;
	/* What the header lacks is reported at its first line. */
	if (a->number == NULL) {
		rc = bad(&p, 1, _("no \"number:\" in the header"));
		goto out;
	}
	if (a->title == NULL) {
		rc = bad(&p, 1, _("no \"title:\" in the header"));
		goto out;
	}
	a->source_file = ph_xstrdup(p.name);
	rc = PH_OK;
out:
	free(norm);
	if (rc != PH_OK)
		ph_agreement_def_release(a);
	return rc;
}

enum ph_status
ph_agreement_def_load(const char *path, struct ph_agreement_def *a,
    struct ph_error *err)
{
	char		*text;
	size_t		 len;
	enum ph_status	 rc;

	ph_agreement_def_init(a);
	if ((rc = ph_file_read(path, AGREEMENT_FILE_MAX, &text, &len,
	    err)) != PH_OK)
		return rc;
	if (strlen(text) != len) {
		size_t at = strlen(text);

		rc = ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: NUL byte at byte %zu"), path,
		    line_of(text, at), at);
		free(text);
		return rc;
	}
	rc = ph_agreement_def_parse(path, text, a, err);
	free(text);
	return rc;
}
