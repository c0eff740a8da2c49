/*
 * flow-due.c -- the clerk's morning list, and the periodic obligations
 * it draws on.
 *
 * Days are counted in working days from "today" (an argument).  phoihop
 * suggests escalating a case; it never sends anything by itself.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "intl.h"

const char *const ph_due_section_words[PH_DUE__COUNT] = {
	"overdue-ours", "overdue-theirs", "due-today", "due-soon",
	"obligation", "awaiting-direction", "suggest-escalation",
};

/* ---- obligations */

struct rule_copy {
	int64_t			id;
	struct ph_date		agreement_date;
	struct ph_periodic_rule	r;
};

struct rules {
	struct rule_copy	*v;
	size_t			 n;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? ph_xstrdup(s) : NULL;
}

static int
collect_rule(const struct ph_rule_row *row, void *arg)
{
	struct rules		*rs = arg;
	struct rule_copy	*c;

	rs->v = ph_xrealloc(rs->v, (rs->n + 1) * sizeof *rs->v);
	c = &rs->v[rs->n++];
	c->id = row->id;
	c->agreement_date = row->agreement_date;
	c->r = *row->rule;
	c->r.key = dup_or_null(row->rule->key);
	c->r.name = dup_or_null(row->rule->name);
	c->r.who = dup_or_null(row->rule->who);
	c->r.to = dup_or_null(row->rule->to);
	c->r.source = dup_or_null(row->rule->source);
	return 0;
}

static void
rules_release(struct rules *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].r.key);
		free(rs->v[i].r.name);
		free(rs->v[i].r.who);
		free(rs->v[i].r.to);
		free(rs->v[i].r.source);
	}
	free(rs->v);
}

/* The due date of a rule's date M/D in year Y: "trước ngày D" is the day
 * before; a day off moves by the rule's policy (default: to the previous
 * working day, so that the clerk is never late). */
static enum ph_status
rule_due(struct ph_calendar *cal, const struct ph_periodic_rule *r, int y,
    int m, int d, struct ph_date *out, struct ph_error *err)
{
	struct ph_date	date;

	if (!ph_date_valid(y, m, d))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("rule %s: no date %02d/%02d in %d"), r->key, d, m, y);
	date = (struct ph_date){ y, m, d };
	if (r->before)
		date = ph_date_from_days(ph_date_to_days(date) - 1);
	switch (r->dayoff) {
	case PH_DAYOFF_PREVIOUS:
		*out = ph_calendar_workday_on_or_before(cal, date);
		return PH_OK;
	case PH_DAYOFF_NEXT:
		return ph_calendar_add_workdays(cal, ph_date_from_days(
		    ph_date_to_days(date) - 1), 1, out, err);
	case PH_DAYOFF_KEEP:
	default:
		*out = date;
		return PH_OK;
	}
}

static enum ph_status
put_period(struct ph_store *st, struct ph_calendar *cal,
    const struct rule_copy *c, int y, int m, int d, const char *period,
    struct ph_error *err)
{
	struct ph_date	due;
	enum ph_status	s;

	if ((s = rule_due(cal, &c->r, y, m, d, &due, err)) != PH_OK)
		return s;
	/* No obligation before the agreement existed. */
	if (ph_date_is_set(c->agreement_date) &&
	    ph_date_cmp(due, c->agreement_date) < 0)
		return PH_OK;
	return ph_store_obligation_put(st, c->id, period, due, err);
}

enum ph_status
ph_flow_obligations_generate(struct ph_store *st, struct ph_calendar *cal,
    int from, int to, struct ph_error *err)
{
	struct rules	 rs = { NULL, 0 };
	struct ph_unit	 u;
	enum ph_status	 s;
	char		 period[32];
	size_t		 i;
	int		 y, term_last;

	if ((s = ph_store_unit_get(st, &u, err)) != PH_OK)
		return s;
	/* Congress terms last five years: the term that began in 2025
	 * holds its final review (tổng kết) in 2030. */
	term_last = u.term_start.y + 5;
	ph_unit_release(&u);
	if ((s = ph_store_rule_list(st, collect_rule, &rs, err)) != PH_OK)
		return s;
	for (i = 0; i < rs.n && s == PH_OK; i++) {
		const struct rule_copy *c = &rs.v[i];
		for (y = from; y <= to && s == PH_OK; y++) {
			switch (c->r.kind) {
			case PH_PERIOD_HALF_YEAR:
				snprintf(period, sizeof period, "%d-H1", y);
				s = put_period(st, cal, c, y, c->r.month,
				    c->r.day, period, err);
				if (s != PH_OK)
					break;
				snprintf(period, sizeof period, "%d-H2", y);
				s = put_period(st, cal, c, y, c->r.month2,
				    c->r.day2, period, err);
				break;
			case PH_PERIOD_YEAR:
				snprintf(period, sizeof period, "%d", y);
				s = put_period(st, cal, c, y, c->r.month,
				    c->r.day, period, err);
				break;
			case PH_PERIOD_TERM_END:
				if (y != term_last)
					break;
				snprintf(period, sizeof period, "term-%d", y);
				s = put_period(st, cal, c, y, c->r.month,
				    c->r.day, period, err);
				break;
			}
		}
	}
	rules_release(&rs);
	return s;
}

/* ---- the morning list */

struct entry {
	struct ph_due_entry	 e;
	char			*number, *issuer, *subject;
};

struct rule_cache {
	char			*agreement;	/* NULL: the default */
	struct ph_agreement_def	 def;
};

struct due_state {
	struct ph_store		*st;
	struct ph_calendar	*cal;
	struct ph_date		 today;
	int			 within;
	struct entry		*v;
	size_t			 n, cap;
	struct rule_cache	*rules;
	size_t			 nrules;
	enum ph_status		 status;
	struct ph_error		*err;
};

static const struct ph_agreement_def *
rule_for(struct due_state *ds, const char *agreement)
{
	struct rule_cache	*c;
	size_t			 i;

	for (i = 0; i < ds->nrules; i++) {
		c = &ds->rules[i];
		if ((c->agreement == NULL && agreement == NULL) ||
		    (c->agreement != NULL && agreement != NULL &&
		    strcmp(c->agreement, agreement) == 0))
			return &c->def;
	}
	ds->rules = ph_xrealloc(ds->rules, (ds->nrules + 1) *
	    sizeof *ds->rules);
	c = &ds->rules[ds->nrules++];
	c->agreement = dup_or_null(agreement);
	if (ph_flow_reply_rule(ds->st, agreement, &c->def, NULL) != PH_OK)
		ph_flow_reply_rule(ds->st, NULL, &c->def, NULL);
	return &c->def;
}

static void
push(struct due_state *ds, enum ph_due_section sec, int64_t id,
    const char *number, const char *issuer, const char *subject,
    struct ph_date due, long days, int ours, int warn)
{
	struct entry	*x;

	/* Doubling: a register with a thousand open cases would otherwise
	 * copy the whole list at each row (the strings allocated between
	 * two rows keep realloc() from growing it in place). */
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 64;
		ds->v = ph_xrealloc(ds->v, ds->cap * sizeof *ds->v);
	}
	x = &ds->v[ds->n++];
	memset(x, 0, sizeof *x);
	x->number = ph_xstrdup(number != NULL ? number : "");
	x->issuer = ph_xstrdup(issuer != NULL ? issuer : "");
	x->subject = ph_xstrdup(subject != NULL ? subject : "");
	x->e.section = sec;
	x->e.id = id;
	x->e.due = due;
	x->e.days = days;
	x->e.ours = ours;
	x->e.warn = warn;
}

/* Working days from TODAY to DUE: 0 on the day, negative past it. */
static long
days_left(struct due_state *ds, struct ph_date due)
{
	int	c = ph_date_cmp(due, ds->today);

	if (c == 0)
		return 0;
	if (c > 0)
		return ph_calendar_workdays(ds->cal, ds->today, due);
	return -ph_calendar_workdays(ds->cal, due, ds->today);
}

static int
on_lead_day(const struct ph_agreement_def *def, long days)
{
	int	i;

	for (i = 0; i < 4 && def->reply.lead[i] >= 0; i++)
		if (def->reply.lead[i] == days)
			return 1;
	return 0;
}

static int
due_case(const struct ph_letter *l, void *arg)
{
	struct due_state		*ds = arg;
	const struct ph_agreement_def	*def;
	const char			*org;
	long				 days = 0;
	int				 ours = l->direction == PH_DIR_IN;
	int				 lead;

	/* Whom the row is about: who asked us, or whom we asked. */
	org = ours || l->recipients.n == 0 ? l->issuer : l->recipients.v[0];
	if (ph_date_is_set(l->due))
		days = days_left(ds, l->due);
	if (l->status == PH_ST_ESCALATED) {
		push(ds, PH_DUE_AWAITING_DIRECTION, l->id, l->number, org,
		    l->subject, l->due, days, ours, 0);
		return 0;
	}
	if (l->status == PH_ST_DIRECTED)
		return 0;	/* directed: the clerk closes it */
	def = rule_for(ds, l->agreement);
	if (l->status == PH_ST_DISAGREED) {
		push(ds, PH_DUE_SUGGEST_ESCALATION, l->id, l->number, org,
		    l->subject, l->due, days, ours, 0);
		return 0;
	}
	if (!ph_date_is_set(l->due))
		return 0;
	if (days < 0 || ph_date_cmp(l->due, ds->today) < 0) {
		push(ds, ours ? PH_DUE_OVERDUE_OURS : PH_DUE_OVERDUE_THEIRS,
		    l->id, l->number, org, l->subject, l->due, days, ours, 0);
		/* Escalate when their reply never comes; ours we answer. */
		if (!ours && -days > def->reply.grace)
			push(ds, PH_DUE_SUGGEST_ESCALATION, l->id, l->number,
			    org, l->subject, l->due, days, ours, 0);
		return 0;
	}
	if (ph_date_cmp(l->due, ds->today) == 0) {
		push(ds, PH_DUE_TODAY, l->id, l->number, org, l->subject,
		    l->due, 0, ours, 1);
		return 0;
	}
	lead = on_lead_day(def, days);
	if (days <= ds->within || lead)
		push(ds, PH_DUE_SOON, l->id, l->number, org, l->subject,
		    l->due, days, ours, lead);
	return 0;
}

static int
due_obligation(const struct ph_obligation *o, void *arg)
{
	struct due_state	*ds = arg;
	char			*subject;

	subject = ph_xasprintf("%s (%s, %s)", o->name, o->period,
	    o->agreement);
	push(ds, PH_DUE_OBLIGATION, o->id, o->agreement, o->who, subject,
	    o->due, days_left(ds, o->due), 0, 0);
	free(subject);
	return 0;
}

static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry	*a = pa, *b = pb;
	int			 c;

	if (a->e.section != b->e.section)
		return a->e.section < b->e.section ? -1 : 1;
	if ((c = ph_date_cmp(a->e.due, b->e.due)) != 0)
		return c;
	return a->e.id < b->e.id ? -1 : a->e.id > b->e.id;
}

enum ph_status
ph_flow_due(struct ph_store *st, struct ph_calendar *cal,
    struct ph_date today, int within, ph_due_cb cb, void *arg,
    struct ph_error *err)
{
	struct due_state	ds;
	enum ph_status		s;
	size_t			i;
	struct ph_date		from, to;

	memset(&ds, 0, sizeof ds);
	ds.st = st;
	ds.cal = cal;
	ds.today = today;
	ds.within = within;
	ds.err = err;
	if ((s = ph_store_open_cases(st, due_case, &ds, err)) != PH_OK)
		goto out;
	/* Obligations: the next 30 days, and those of the last 30 days
	 * still not fulfilled. */
	from = ph_date_from_days(ph_date_to_days(today) - 30);
	to = ph_date_from_days(ph_date_to_days(today) + 30);
	if ((s = ph_store_obligation_list(st, from, to, 0, due_obligation,
	    &ds, err)) != PH_OK)
		goto out;
	if (ds.n > 1)
		qsort(ds.v, ds.n, sizeof *ds.v, entry_cmp);
	for (i = 0; i < ds.n; i++) {
		ds.v[i].e.number = ds.v[i].number;
		ds.v[i].e.issuer = ds.v[i].issuer;
		ds.v[i].e.subject = ds.v[i].subject;
		if (cb(&ds.v[i].e, arg) != 0)
			break;
	}
out:
	for (i = 0; i < ds.n; i++) {
		free(ds.v[i].number);
		free(ds.v[i].issuer);
		free(ds.v[i].subject);
	}
	free(ds.v);
	for (i = 0; i < ds.nrules; i++) {
		free(ds.rules[i].agreement);
		ph_agreement_def_release(&ds.rules[i].def);
	}
	free(ds.rules);
	return s;
}
