/*
 * tui-calendar.c -- "Lịch": a month as a wall calendar, read only.
 *
 * Weeks from Monday, each day with its lunar day (day/month on the first
 * of a lunar month), days off marked '*', make-up Saturdays '+', today in
 * brackets, days with a deadline '!' (an open case due, a periodic
 * obligation due); under the grid the month's days off and deadlines by
 * name.  Enter on a day with deadlines lists them; Enter there opens the
 * letter.  Lunar dates and days off come from clock.h, deadlines from the
 * store (ph_store_open_cases, ph_store_obligation_list); nothing writes.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

/* One deadline: a letter's case or a periodic obligation. */
struct deadline {
	struct ph_date	 due;
	int64_t		 letter_id;	/* 0 for an obligation */
	char		*text;
};

struct deadlines {
	struct deadline	*v;
	size_t		 n, cap;
	struct ph_date	 from, to;	/* the days asked for */
};

struct calview {
	struct ph_date	 sel;		/* the selected day */
	struct deadlines dl;		/* of the selected day's month */
	int		 y, m;		/* the month DL holds */
};

struct dayview {
	struct ph_date	 day;
	struct deadlines dl;
	size_t		 sel;
};

#define CELL_W	11	/* 7 cells in 77 columns of 80 */

static const char *const heads[] = { N_("Mo"), N_("Tu"), N_("We"),
    N_("Th"), N_("Fr"), N_("Sa"), N_("Su") };
static const char *const weekdays[] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };

/* ---- deadlines, from the store */

static void
dl_clear(struct deadlines *dl)
{
	size_t	i;

	for (i = 0; i < dl->n; i++)
		free(dl->v[i].text);
	dl->n = 0;
}

static void
dl_add(struct deadlines *dl, struct ph_date due, int64_t letter_id,
    char *text)
{
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 16;
		dl->v = ph_xrealloc(dl->v, dl->cap * sizeof *dl->v);
	}
	dl->v[dl->n].due = due;
	dl->v[dl->n].letter_id = letter_id;
	dl->v[dl->n++].text = text;
}

static int
case_cb(const struct ph_letter *l, void *arg)
{
	struct deadlines	*dl = arg;

	if (!ph_date_is_set(l->due) || ph_date_cmp(l->due, dl->from) < 0 ||
	    ph_date_cmp(l->due, dl->to) > 0)
		return 0;
	dl_add(dl, l->due, l->id, ph_xstrdup(l->subject != NULL ?
	    l->subject : ""));
	return 0;
}

static int
obligation_cb(const struct ph_obligation *o, void *arg)
{
	struct deadlines	*dl = arg;

	dl_add(dl, o->due, 0, ph_xasprintf("%s (%s)",
	    o->name != NULL ? o->name : o->key,
	    o->agreement != NULL ? o->agreement : ""));
	return 0;
}

static int
dl_cmp(const void *a, const void *b)
{
	const struct deadline	*x = a, *y = b;
	int			 c = ph_date_cmp(x->due, y->due);

	if (c != 0)
		return c;
	/* Letters before obligations, then in the order read. */
	return (x->letter_id == 0) - (y->letter_id == 0);
}

/* The deadlines due in [FROM, TO], by date: open cases, open
 * obligations. */
static void
dl_fetch(struct tui *t, struct deadlines *dl, struct ph_date from,
    struct ph_date to)
{
	struct ph_error	err;

	dl_clear(dl);
	dl->from = from;
	dl->to = to;
	if (ph_store_open_cases(tui_store(t), case_cb, dl, &err) != PH_OK ||
	    ph_store_obligation_list(tui_store(t), from, to, 0,
	    obligation_cb, dl, &err) != PH_OK)
		tui_say(t, 1, "%s", err.msg);
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof *dl->v, dl_cmp);
}

static void
dl_release(struct deadlines *dl)
{
	dl_clear(dl);
	free(dl->v);
	dl->v = NULL;
	dl->cap = 0;
}

/* ---- the month */

static void
cal_fetch(struct tui *t, struct calview *v)
{
	v->y = v->sel.y;
	v->m = v->sel.m;
	dl_fetch(t, &v->dl, (struct ph_date){ v->y, v->m, 1 },
	    (struct ph_date){ v->y, v->m, ph_date_days_in_month(v->y, v->m) });
}

static void
cal_load(struct tui *t, struct tui_screen *sc)
{
	cal_fetch(t, sc->state);
	sc->dirty = 1;
}

/* Deadlines due on D, of those the month holds. */
static size_t
due_on(const struct calview *v, struct ph_date d)
{
	size_t	i, n = 0;

	for (i = 0; i < v->dl.n; i++)
		if (ph_date_cmp(v->dl.v[i].due, d) == 0)
			n++;
	return n;
}

/* What the list under the grid shows: a day off or a deadline. */
struct mline {
	struct ph_date	 day;
	char		 mark;
	const char	*text;
	int		 uncertain;
};

static void
draw_cell(struct tui *t, struct calview *v, struct ph_date d, int y, int x)
{
	struct ph_date		 today = tui_today(t);
	const struct ph_holiday	*h = ph_calendar_day(tui_calendar(t), d);
	struct ph_lunar		 l;
	int			 sel = ph_date_cmp(d, v->sel) == 0;
	int			 off;
	int			 is_today = ph_date_cmp(d, today) == 0;
	enum tui_attr		 base = sel ? TUI_A_SELECTED : TUI_A_NORMAL;
	char			 buf[16];

	off = !ph_calendar_is_workday(tui_calendar(t), d);
	tui_put(y, x, "", CELL_W - 1, base, 1);
	snprintf(buf, sizeof buf, is_today ? "[%2d]" : " %2d ", d.d);
	tui_put(y, x, buf, 4, sel ? base : off ? TUI_A_HEADER : base, 0);
	if (ph_lunar_from_solar(d, &l, NULL) == PH_OK) {
		if (l.day == 1)
			snprintf(buf, sizeof buf, "%d/%d%s", l.day, l.month,
			    l.leap ? "n" : "");
		else
			snprintf(buf, sizeof buf, "%d", l.day);
		tui_put(y, x + 4, buf, 5, sel ? base : TUI_A_DIM, 0);
	}
	if (h != NULL && h->kind == PH_DAY_WORK)
		tui_put(y, x + 9, "+", 1, base, 0);
	else if (off)
		tui_put(y, x + 9, "*", 1, sel ? base : TUI_A_HEADER, 0);
	if (due_on(v, d) > 0)
		tui_put(y, x + 10, "!", 1, sel ? base : TUI_A_OVERDUE, 0);
}

static void
cal_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct calview		*v = sc->state;
	struct ph_lunar		 l;
	struct mline		*ml;
	const struct ph_holiday	*hol;
	char			 buf[128], vn[11];
	int			 n = ph_date_days_in_month(v->y, v->m);
	int			 wd, d, i, y, row, room;
	size_t			 nml = 0, k, j, start;

	tui_clear_rows(top, h);
	snprintf(buf, sizeof buf, _("Month %02d/%d"), v->m, v->y);
	tui_put(top, 1, buf, 20, TUI_A_HEADER, 0);
	/* The selected day in words, at the right. */
	if (ph_lunar_from_solar(v->sel, &l, NULL) == PH_OK) {
		char *s = ph_xasprintf(_("%s %s, lunar %d/%d%s"),
		    _(weekdays[ph_date_weekday(v->sel)]),
		    ph_date_vn(v->sel, vn), l.day, l.month,
		    l.leap ? _(" (leap)") : "");
		int sw = tui_width(s);

		tui_put(top, w - sw - 2 > 22 ? w - sw - 2 : 22, s, w - 24,
		    TUI_A_NORMAL, 0);
		free(s);
	}
	for (i = 0; i < 7; i++)
		tui_put(top + 1, 1 + i * CELL_W, _(heads[i]), CELL_W - 1,
		    i >= 5 ? TUI_A_HEADER : TUI_A_DIM, 0);
	wd = (ph_date_weekday((struct ph_date){ v->y, v->m, 1 }) + 6) % 7;
	for (d = 1; d <= n; d++) {
		i = wd + d - 1;
		draw_cell(t, v, (struct ph_date){ v->y, v->m, d },
		    top + 2 + i / 7, 1 + (i % 7) * CELL_W);
	}
	row = top + 2 + (wd + n + 6) / 7;
	tui_put(row++, 1,
	    _("[ ] today  * day off  + make-up working day  ! deadline"),
	    w - 2, TUI_A_DIM, 0);

	/* Days off and deadlines of the month, by date. */
	ml = ph_xcalloc((size_t)n + v->dl.n, sizeof *ml);
	for (d = 1, k = 0; d <= n; d++) {
		struct ph_date day = { v->y, v->m, d };

		if ((hol = ph_calendar_day(tui_calendar(t), day)) != NULL) {
			ml[nml].day = day;
			ml[nml].mark = hol->kind == PH_DAY_OFF ? '*' : '+';
			ml[nml].text = hol->name;
			ml[nml++].uncertain = hol->uncertain;
		}
		for (; k < v->dl.n && v->dl.v[k].due.d == d; k++) {
			ml[nml].day = day;
			ml[nml].mark = '!';
			ml[nml++].text = v->dl.v[k].text;
		}
	}
	room = top + h - row - 1;
	if (nml == 0 || room < 1) {
		if (room >= 1)
			tui_put(row + 1, 1,
			    _("No day off and no deadline this month."),
			    w - 2, TUI_A_DIM, 0);
		free(ml);
		return;
	}
	/* Too many to show: start at the selected day's. */
	start = 0;
	if (nml > (size_t)room) {
		while (start < nml && ph_date_cmp(ml[start].day, v->sel) < 0)
			start++;
		if (start > nml - (size_t)room)
			start = nml - (size_t)room;
	}
	for (j = start, y = row + 1; j < nml && y < top + h; j++, y++) {
		int on_sel = ph_date_cmp(ml[j].day, v->sel) == 0;
		enum tui_attr a = ml[j].mark == '!' ? TUI_A_OVERDUE :
		    on_sel ? TUI_A_HEADER : TUI_A_NORMAL;
		int x = 1;

		snprintf(buf, sizeof buf, "%02d/%02d %c", ml[j].day.d,
		    ml[j].day.m, ml[j].mark);
		x += tui_put(y, x, buf, 8, on_sel ? TUI_A_HEADER :
		    TUI_A_NORMAL, 0) + 1;
		x += tui_put(y, x, ml[j].text, w - x - 1,
		    ml[j].mark == '!' ? a : on_sel ? TUI_A_HEADER :
		    TUI_A_NORMAL, 0);
		if (ml[j].uncertain && x + 2 < w - 1)
			tui_put(y, x + 1, _("(not confirmed)"), w - x - 2,
			    TUI_A_DIM, 0);
	}
	if (start + (size_t)room < nml)
		tui_put(top + h - 1, w - 4, "...", 3, TUI_A_DIM, 0);
	free(ml);
}

/* Move the selection to D (kept in the lunar calendar's range); the
 * month's deadlines are read again when the month changes. */
static void
move_to(struct tui *t, struct calview *v, struct ph_date d)
{
	if (ph_date_cmp(d, PH_LUNAR_FIRST) < 0)
		d = PH_LUNAR_FIRST;
	if (ph_date_cmp(d, PH_LUNAR_LAST) > 0)
		d = PH_LUNAR_LAST;
	v->sel = d;
	if (d.y != v->y || d.m != v->m)
		cal_fetch(t, v);
}

static void
move_days(struct tui *t, struct calview *v, long n)
{
	move_to(t, v, ph_date_from_days(ph_date_to_days(v->sel) + n));
}

/* The same day N months on, cut to the month's last day. */
static void
move_months(struct tui *t, struct calview *v, int n)
{
	struct ph_date	d = v->sel;
	int		months = d.y * 12 + (d.m - 1) + n, last;

	d.y = months / 12;
	d.m = months % 12 + 1;
	last = ph_date_days_in_month(d.y, d.m);
	if (d.d > last)
		d.d = last;
	move_to(t, v, d);
}

static void	open_day(struct tui *, struct ph_date);

static enum tui_result
cal_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct calview	*v = sc->state;
	int		 wd, i;

	if (k->is_key) {
		switch (k->ch) {
		case KEY_LEFT:
			move_days(t, v, -1);
			return TUI_HANDLED;
		case KEY_RIGHT:
			move_days(t, v, 1);
			return TUI_HANDLED;
		case KEY_UP:
			move_days(t, v, -7);
			return TUI_HANDLED;
		case KEY_DOWN:
			move_days(t, v, 7);
			return TUI_HANDLED;
		case KEY_PPAGE:
			move_months(t, v, -1);
			return TUI_HANDLED;
		case KEY_NPAGE:
			move_months(t, v, 1);
			return TUI_HANDLED;
		case KEY_HOME:
			move_to(t, v, (struct ph_date){ v->y, v->m, 1 });
			return TUI_HANDLED;
		case KEY_END:
			move_to(t, v, (struct ph_date){ v->y, v->m,
			    ph_date_days_in_month(v->y, v->m) });
			return TUI_HANDLED;
		case KEY_ENTER:
			goto enter;
		case KEY_MOUSE:
			if (k->mouse_button == 4) {
				move_days(t, v, -7);
				return TUI_HANDLED;
			}
			if (k->mouse_button == 5) {
				move_days(t, v, 7);
				return TUI_HANDLED;
			}
			/* A click on a day of the grid selects it. */
			wd = (ph_date_weekday((struct ph_date){ v->y, v->m,
			    1 }) + 6) % 7;
			if (k->mouse_y < 2 || k->mouse_x < 1 ||
			    k->mouse_x >= 1 + 7 * CELL_W)
				return TUI_HANDLED;
			i = (k->mouse_y - 2) * 7 + (k->mouse_x - 1) / CELL_W -
			    wd + 1;
			if (i >= 1 && i <= ph_date_days_in_month(v->y, v->m))
				v->sel.d = i;
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	}
	switch (k->ch) {
	case 'h':
		move_days(t, v, -1);
		return TUI_HANDLED;
	case 'l':
		move_days(t, v, 1);
		return TUI_HANDLED;
	case 'k':
		move_days(t, v, -7);
		return TUI_HANDLED;
	case 'j':
		move_days(t, v, 7);
		return TUI_HANDLED;
	case 't':
		move_to(t, v, tui_today(t));
		return TUI_HANDLED;
	case '\r':
	case '\n':
		goto enter;
	}
	return TUI_UNHANDLED;
enter:
	if (due_on(v, v->sel) > 0)
		open_day(t, v->sel);
	else
		tui_say(t, 0, "%s", _("No deadline on this day."));
	return TUI_HANDLED;
}

static void
cal_destroy(struct tui_screen *sc)
{
	struct calview	*v = sc->state;

	dl_release(&v->dl);
	free(v);
}

static const struct tui_keyhelp cal_help[] = {
	{ N_("Left/Right, h/l"), N_("the day before or after") },
	{ N_("Up/Down, j/k"), N_("the week before or after") },
	{ N_("PgUp/PgDn"), N_("the month before or after") },
	{ N_("Home/End"), N_("the first or last day of the month") },
	{ N_("t"), N_("today") },
	{ N_("Enter"), N_("the deadlines of the day") },
	{ N_("*, +"), N_("a day off; a make-up working day") },
	{ N_("!"), N_("a deadline: a case or an obligation due") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

static const struct tui_keyhelp cal_bar[] = {
	{ N_("t"), N_("Today") },
	{ N_("Enter"), N_("Deadlines") },
	{ NULL, NULL }
};

static const struct tui_screen_ops tui_calendar_ops = {
	N_("Calendar"),
	cal_load,
	cal_draw,
	cal_key,
	NULL,
	cal_destroy,
	cal_help,
	cal_bar,
};

void
tui_open_calendar(struct tui *t)
{
	struct calview	*v = ph_xcalloc(1, sizeof *v);

	v->sel = tui_today(t);
	tui_push(t, &tui_calendar_ops, v);
}

/* ---- the deadlines of one day */

static void
day_load(struct tui *t, struct tui_screen *sc)
{
	struct dayview	*v = sc->state;

	dl_fetch(t, &v->dl, v->day, v->day);
	if (v->sel >= v->dl.n)
		v->sel = v->dl.n > 0 ? v->dl.n - 1 : 0;
	sc->dirty = 1;
}

static void
day_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct dayview	*v = sc->state;
	char		 vn[11], *s;
	size_t		 i, first = 0, per = h > 2 ? (size_t)(h - 2) : 1;
	int		 y;

	(void)t;
	tui_clear_rows(top, h);
	s = ph_xasprintf(_("Due on %s"), ph_date_vn(v->day, vn));
	tui_put(top, 1, s, w - 2, TUI_A_HEADER, 0);
	free(s);
	if (v->dl.n == 0) {
		tui_put(top + 2, 1, _("No deadline on this day."), w - 2,
		    TUI_A_DIM, 0);
		return;
	}
	if (v->sel >= per)
		first = v->sel - per + 1;
	for (i = first, y = top + 2; i < v->dl.n && y < top + h; i++, y++) {
		const struct deadline *d = &v->dl.v[i];
		enum tui_attr a = i == v->sel ? TUI_A_SELECTED : TUI_A_NORMAL;
		int x = 1;

		tui_put(y, 0, "", w, a, 1);
		x += tui_put(y, x, d->letter_id > 0 ? _("letter") :
		    _("obligation"), 12, a, 1) + 1;
		tui_put(y, x, d->text, w - x - 1, a, 0);
	}
}

static enum tui_result
day_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct dayview	*v = sc->state;
	size_t		 last = v->dl.n > 0 ? v->dl.n - 1 : 0;
	int		 up = 0, down = 0, enter = 0;

	if (k->is_key) {
		switch (k->ch) {
		case KEY_UP:
		case KEY_PPAGE:
			up = 1;
			break;
		case KEY_DOWN:
		case KEY_NPAGE:
			down = 1;
			break;
		case KEY_HOME:
			v->sel = 0;
			return TUI_HANDLED;
		case KEY_END:
			v->sel = last;
			return TUI_HANDLED;
		case KEY_ENTER:
			enter = 1;
			break;
		case KEY_MOUSE:
			up = k->mouse_button == 4;
			down = k->mouse_button == 5;
			if (k->mouse_button == 1 && k->mouse_y >= 2 &&
			    (size_t)(k->mouse_y - 2) < v->dl.n)
				v->sel = (size_t)(k->mouse_y - 2);
			break;
		default:
			return TUI_UNHANDLED;
		}
	} else {
		switch (k->ch) {
		case 'k':
			up = 1;
			break;
		case 'j':
			down = 1;
			break;
		case 'g':
			v->sel = 0;
			return TUI_HANDLED;
		case 'G':
			v->sel = last;
			return TUI_HANDLED;
		case '\r':
		case '\n':
			enter = 1;
			break;
		default:
			return TUI_UNHANDLED;
		}
	}
	if (up && v->sel > 0)
		v->sel--;
	if (down && v->sel < last)
		v->sel++;
	if (enter && v->dl.n > 0) {
		if (v->dl.v[v->sel].letter_id > 0)
			tui_open_letter(t, v->dl.v[v->sel].letter_id);
		else
			tui_say(t, 0, "%s",
			    _("A periodic obligation: there is no letter to open yet."));
	}
	return TUI_HANDLED;
}

static void
day_destroy(struct tui_screen *sc)
{
	struct dayview	*v = sc->state;

	dl_release(&v->dl);
	free(v);
}

static const struct tui_keyhelp day_help[] = {
	{ N_("Up/Down, j/k"), N_("move the selection") },
	{ N_("Home/End, g/G"), N_("the first or the last") },
	{ N_("Enter"), N_("open the letter") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

static const struct tui_keyhelp day_bar[] = {
	{ N_("Enter"), N_("Open") },
	{ NULL, NULL }
};

static const struct tui_screen_ops tui_day_ops = {
	N_("Deadlines"),
	day_load,
	day_draw,
	day_key,
	NULL,
	day_destroy,
	day_help,
	day_bar,
};

static void
open_day(struct tui *t, struct ph_date d)
{
	struct dayview	*v = ph_xcalloc(1, sizeof *v);

	v->day = d;
	tui_push(t, &tui_day_ops, v);
}
