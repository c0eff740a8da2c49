/*
 * tui-agreement.c -- "Quy chế": the coordination regulations, read only.
 *
 * A list of the agreements in the store (number, date, title, parties);
 * Enter opens one in a pager: its parties, its content items, the reply
 * rule, the periodic rules, the escalation chain and this year's periodic
 * obligations with their due dates and whether they were fulfilled.
 * Everything comes from the core (ph_store_agreement_*, ph_store_
 * obligation_list); nothing here writes.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

/* ---- the list */

struct ag_row {
	char		*number;
	struct ph_date	 date;
	char		*title;
	char		*parties;	/* joined with "; " */
};

struct aglist {
	struct ag_row	*rows;
	size_t		 n, cap;
	size_t		 sel, top;
	size_t		 per;		/* rows that fit */
};


struct agview {
	char			*number;
	struct ph_agreement_def	 def;
	int			 loaded;
	struct ph_strv		 obligations;	/* this year's, as text */
	struct ph_strv		 late;		/* "1" for an overdue line */
	struct tui_lines	 ln;
	int			 width;		/* lines are wrapped for this */
	size_t			 top, rows;
};

static void
list_clear(struct aglist *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++) {
		free(g->rows[i].number);
		free(g->rows[i].title);
		free(g->rows[i].parties);
	}
	g->n = 0;
}

static int
list_cb(const struct ph_agreement *a, void *arg)
{
	struct aglist	*g = arg;
	struct ag_row	*r;
	struct ph_buf	 b;
	size_t		 i;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = ph_xrealloc(g->rows, g->cap * sizeof *g->rows);
	}
	r = &g->rows[g->n++];
	r->number = ph_xstrdup(a->number != NULL ? a->number : "");
	r->date = a->date;
	r->title = ph_xstrdup(a->title != NULL ? a->title : "");
	ph_buf_init(&b);
	for (i = 0; i < a->parties.n; i++) {
		if (i > 0)
			ph_buf_adds(&b, "; ");
		ph_buf_adds(&b, a->parties.v[i]);
	}
	r->parties = ph_buf_take(&b);
	if (r->parties == NULL)
		r->parties = ph_xstrdup("");
	return 0;
}

static void
al_load(struct tui *t, struct tui_screen *sc)
{
	struct aglist	*g = sc->state;
	struct ph_error	 err;

	list_clear(g);
	if (ph_store_agreement_list(tui_store(t), list_cb, g, &err) != PH_OK)
		tui_say(t, 1, "%s", err.msg);
	if (g->sel >= g->n)
		g->sel = g->n > 0 ? g->n - 1 : 0;
	sc->dirty = 1;
}

#define AL_NUM_W	14
#define AL_DATE_W	10

/* Two lines an agreement: number, date, title; then its parties, dim. */
static void
al_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct aglist	*g = sc->state;
	size_t		 i;
	int		 x, y;
	char		 d[11];

	(void)t;
	tui_clear_rows(top, h);
	x = 1;
	x += tui_put(top, x, _("Number"), AL_NUM_W, TUI_A_HEADER, 1) + 1;
	x += tui_put(top, x, _("Date"), AL_DATE_W, TUI_A_HEADER, 1) + 1;
	tui_put(top, x, _("Title"), w - x, TUI_A_HEADER, 1);
	if (g->n == 0) {
		tui_put(top + 2, 1,
		    _("No agreement is loaded (phoihop agreement load FILE)."),
		    w - 2, TUI_A_DIM, 0);
		return;
	}
	g->per = h > 2 ? (size_t)(h - 1) / 2 : 1;
	if (g->sel < g->top)
		g->top = g->sel;
	if (g->sel >= g->top + g->per)
		g->top = g->sel - g->per + 1;
	for (i = g->top, y = top + 1; i < g->n && y + 1 < top + h;
	    i++, y += 2) {
		const struct ag_row *r = &g->rows[i];
		enum tui_attr a = i == g->sel ? TUI_A_SELECTED : TUI_A_NORMAL;

		tui_put(y, 0, "", w, a, 1);
		tui_put(y + 1, 0, "", w, a, 1);
		x = 1;
		x += tui_put(y, x, r->number, AL_NUM_W, a, 1) + 1;
		x += tui_put(y, x, ph_date_vn(r->date, d), AL_DATE_W, a, 1) + 1;
		tui_put(y, x, r->title, w - x - 1, a, 0);
		tui_put(y + 1, AL_NUM_W + 2, r->parties, w - AL_NUM_W - 3,
		    i == g->sel ? a : TUI_A_DIM, 0);
	}
}

static void	open_agreement(struct tui *, const char *);

static enum tui_result
al_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct aglist	*g = sc->state;
	size_t		 last = g->n > 0 ? g->n - 1 : 0;
	size_t		 per = g->per > 0 ? g->per : 1;

	if (k->is_key) {
		switch (k->ch) {
		case KEY_UP:
			goto up;
		case KEY_DOWN:
			goto down;
		case KEY_PPAGE:
			g->sel = g->sel > per ? g->sel - per : 0;
			return TUI_HANDLED;
		case KEY_NPAGE:
			g->sel = g->sel + per < last ? g->sel + per : last;
			return TUI_HANDLED;
		case KEY_HOME:
			g->sel = 0;
			return TUI_HANDLED;
		case KEY_END:
			g->sel = last;
			return TUI_HANDLED;
		case KEY_ENTER:
			goto enter;
		case KEY_MOUSE:
			if (k->mouse_button == 4)
				goto up;
			if (k->mouse_button == 5)
				goto down;
			/* Row 0 is the header; two rows an agreement. */
			if (k->mouse_y >= 1 && g->top +
			    (size_t)(k->mouse_y - 1) / 2 < g->n)
				g->sel = g->top + (size_t)(k->mouse_y - 1) / 2;
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	}
	switch (k->ch) {
	case 'k':
		goto up;
	case 'j':
		goto down;
	case 'g':
		g->sel = 0;
		return TUI_HANDLED;
	case 'G':
		g->sel = last;
		return TUI_HANDLED;
	case '\r':
	case '\n':
		goto enter;
	}
	return TUI_UNHANDLED;
up:
	if (g->sel > 0)
		g->sel--;
	return TUI_HANDLED;
down:
	if (g->sel < last)
		g->sel++;
	return TUI_HANDLED;
enter:
	if (g->n > 0)
		open_agreement(t, g->rows[g->sel].number);
	return TUI_HANDLED;
}

static void
al_destroy(struct tui_screen *sc)
{
	struct aglist	*g = sc->state;

	list_clear(g);
	free(g->rows);
	free(g);
}

static const struct tui_keyhelp al_help[] = {
	{ N_("Up/Down, j/k"), N_("move the selection") },
	{ N_("PgUp/PgDn"), N_("a page up or down") },
	{ N_("Home/End, g/G"), N_("the first or last agreement") },
	{ N_("Enter"), N_("read the agreement") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

static const struct tui_keyhelp al_bar[] = {
	{ N_("Enter"), N_("Open") },
	{ NULL, NULL }
};

static const struct tui_screen_ops tui_agreements_ops = {
	N_("Agreements"),
	al_load,
	al_draw,
	al_key,
	NULL,
	al_destroy,
	al_help,
	al_bar,
};

void
tui_open_agreements(struct tui *t)
{
	tui_push(t, &tui_agreements_ops, ph_xcalloc(1, sizeof(struct aglist)));
}

/* ---- one agreement, in a pager */





static int
obligation_cb(const struct ph_obligation *o, void *arg)
{
	struct agview	*v = arg;
	struct ph_date	 today = ph_today();
	struct ph_buf	 b;
	char		 d[11];
	int		 late;

	if (o->agreement == NULL || strcmp(o->agreement, v->number) != 0)
		return 0;
	late = o->letter_id == 0 && ph_date_cmp(o->due, today) < 0;
	ph_buf_init(&b);
	ph_buf_adds(&b, ph_date_vn(o->due, d));
	ph_buf_adds(&b, "  ");
	if (o->letter_id > 0)
		ph_buf_printf(&b, _("done: letter #%lld"),
		    (long long)o->letter_id);
	else if (late)
		ph_buf_adds(&b, _("! overdue"));
	else
		ph_buf_adds(&b, _("to do"));
	ph_buf_adds(&b, "  ");
	ph_buf_adds(&b, o->name != NULL ? o->name : o->key);
	ph_strv_take(&v->obligations, ph_buf_take(&b));
	ph_strv_push(&v->late, late ? "1" : "0");
	return 0;
}

static void
av_load(struct tui *t, struct tui_screen *sc)
{
	struct agview	*v = sc->state;
	struct ph_error	 err;
	struct ph_date	 today = tui_today(t);

	if (v->loaded)
		ph_agreement_def_release(&v->def);
	ph_strv_release(&v->obligations);
	ph_strv_release(&v->late);
	v->loaded = 0;
	v->width = 0;		/* wrap again */
	if (ph_store_agreement_def_get(tui_store(t), v->number, &v->def, NULL,
	    &err) != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return;
	}
	v->loaded = 1;
	if (ph_store_obligation_list(tui_store(t),
	    (struct ph_date){ today.y, 1, 1 },
	    (struct ph_date){ today.y, 12, 31 }, 1, obligation_cb, v, &err) != PH_OK)
		tui_say(t, 1, "%s", err.msg);
	sc->dirty = 1;
}

static void
header(struct agview *v, int width, const char *title)
{
	tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
	tui_lines_wrap(&v->ln, title, width, TUI_A_HEADER, 0, 0);
}

static void
build(struct tui *t, struct agview *v, int width)
{
	const struct ph_agreement_def	*d = &v->def;
	struct ph_buf			 b;
	char				 vn[11], *s;
	size_t				 i;
	int				 k;

	tui_lines_clear(&v->ln);
	v->width = width;
	if (!v->loaded) {
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		return;
	}
	tui_lines_wrap(&v->ln, d->title != NULL ? d->title : "", width,
	    TUI_A_HEADER,
	    0, 0);
	tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
	s = ph_xasprintf("%s %s", _("Number:"), d->number);
	tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 0, 2);
	free(s);
	s = ph_xasprintf("%s %s", _("Date:"), ph_date_vn(d->date, vn));
	tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 0, 2);
	free(s);
	if (d->issuer != NULL) {
		s = ph_xasprintf("%s %s", _("Issuer:"), d->issuer);
		tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 0, 2);
		free(s);
	}
	for (i = 0; i < d->supersedes.n; i++) {
		s = ph_xasprintf("%s %s", _("Supersedes:"), d->supersedes.v[i]);
		tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 0, 2);
		free(s);
	}
	if (d->parties.n > 0)
		header(v, width, _("Parties:"));
	for (i = 0; i < d->parties.n; i++)
		tui_lines_wrap(&v->ln, d->parties.v[i], width, TUI_A_NORMAL, 2,
		    0);
	if (d->items.n > 0)
		header(v, width, _("Content items:"));
	for (i = 0; i < d->items.n; i++) {
		s = ph_xasprintf("%zu. %s", i + 1, d->items.v[i]);
		tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 2, 3);
		free(s);
	}

	header(v, width, _("Reply rule:"));
	ph_buf_init(&b);
	ph_buf_printf(&b, d->reply.workdays ? _("%d working days") :
	    _("%d days"), d->reply.days);
	if (d->reply.is_default) {
		ph_buf_addc(&b, ' ');
		ph_buf_adds(&b, _("(phoihop's default: the regulation says only \"in time\")"));
	}
	tui_lines_wrap(&v->ln, b.data, width, TUI_A_NORMAL, 2, 2);
	ph_buf_release(&b);
	ph_buf_init(&b);
	ph_buf_adds(&b, _("Warnings:"));
	ph_buf_addc(&b, ' ');
	for (k = 0; k < 4 && d->reply.lead[k] >= 0; k++)
		ph_buf_printf(&b, k ? ", %d" : "%d", d->reply.lead[k]);
	ph_buf_printf(&b, " %s; ", _("working days before the due day"));
	ph_buf_printf(&b, _("suggest escalating %d working days after it"),
	    d->reply.grace);
	tui_lines_wrap(&v->ln, b.data, width, TUI_A_NORMAL, 2, 2);
	ph_buf_release(&b);
	if (d->reply.source != NULL)
		tui_lines_wrap(&v->ln, d->reply.source, width, TUI_A_DIM, 2, 2);

	if (d->n_periodic > 0)
		header(v, width, _("Periodic obligations:"));
	for (i = 0; i < d->n_periodic; i++) {
		const struct ph_periodic_rule *r = &d->periodic[i];

		ph_buf_init(&b);
		ph_buf_printf(&b, "%s: %s %02d/%02d", r->name,
		    r->before ? _("before") : _("on"), r->day, r->month);
		if (r->kind == PH_PERIOD_HALF_YEAR)
			ph_buf_printf(&b, ", %02d/%02d", r->day2, r->month2);
		if (r->kind == PH_PERIOD_TERM_END)
			ph_buf_printf(&b, " %s",
			    _("in the last year of the term"));
		if (r->who != NULL)
			ph_buf_printf(&b, " (%s)", r->who);
		tui_lines_wrap(&v->ln, b.data, width, TUI_A_NORMAL, 2, 2);
		ph_buf_release(&b);
		if (r->source != NULL)
			tui_lines_wrap(&v->ln, r->source, width, TUI_A_DIM, 4,
			    0);
	}

	if (d->n_escalation > 0)
		header(v, width, _("Escalation chain:"));
	for (i = 0; i < d->n_escalation; i++) {
		const struct ph_escalation_step *e = &d->escalation[i];

		ph_buf_init(&b);
		ph_buf_printf(&b, "%zu. %s", i + 1, e->body);
		if (e->via != NULL)
			ph_buf_printf(&b, " (%s %s)", _("via"), e->via);
		if (e->when != NULL)
			ph_buf_printf(&b, " - %s", e->when);
		tui_lines_wrap(&v->ln, b.data, width, TUI_A_NORMAL, 2, 3);
		ph_buf_release(&b);
	}

	s = ph_xasprintf(_("Obligations of %d:"), tui_today(t).y);
	header(v, width, s);
	free(s);
	if (v->obligations.n == 0)
		tui_lines_wrap(&v->ln, _("none"), width, TUI_A_DIM, 2, 0);
	for (i = 0; i < v->obligations.n; i++)
		tui_lines_wrap(&v->ln, v->obligations.v[i], width,
		    v->late.v[i][0] == '1' ? TUI_A_OVERDUE : TUI_A_NORMAL, 2,
		    12);
}

static void
av_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct agview	*v = sc->state;
	size_t		 i;

	if (v->width != w)
		build(t, v, w - 1);
	v->rows = (size_t)h;
	if (v->top + v->rows > v->ln.n)
		v->top = v->ln.n > v->rows ? v->ln.n - v->rows : 0;
	tui_clear_rows(top, h);
	for (i = 0; i < (size_t)h && v->top + i < v->ln.n; i++) {
		const struct tui_line *ln = &v->ln.v[v->top + i];

		tui_put(top + (int)i, 1 + ln->indent, ln->text,
		    w - 1 - ln->indent, ln->attr, 0);
	}
	v->width = w;
}

static enum tui_result
av_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct agview	*v = sc->state;

	(void)t;
	return tui_lines_scroll(&v->ln, v->rows, &v->top, k) ? TUI_HANDLED :
	    TUI_UNHANDLED;
}

static void
av_destroy(struct tui_screen *sc)
{
	struct agview	*v = sc->state;

	if (v->loaded)
		ph_agreement_def_release(&v->def);
	ph_strv_release(&v->obligations);
	ph_strv_release(&v->late);
	tui_lines_clear(&v->ln);
	tui_lines_free(&v->ln);
	free(v->number);
	free(v);
}

static const struct tui_keyhelp av_help[] = {
	{ N_("Up/Down, j/k"), N_("scroll a line") },
	{ N_("PgUp/PgDn, Space"), N_("scroll a page") },
	{ N_("Home/End, g/G"), N_("the top or the end") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

static const struct tui_screen_ops tui_agreement_ops = {
	N_("Agreement"),
	av_load,
	av_draw,
	av_key,
	NULL,
	av_destroy,
	av_help,
	NULL,
};

static void
open_agreement(struct tui *t, const char *number)
{
	struct agview	*v = ph_xcalloc(1, sizeof *v);

	v->number = ph_xstrdup(number);
	ph_agreement_def_init(&v->def);
	ph_strv_init(&v->obligations);
	ph_strv_init(&v->late);
	tui_push(t, &tui_agreement_ops, v);
}
