/*
 * tui-dash.c -- "Hôm nay", the start screen: the clerk's morning list.
 *
 * The sections of ph_flow_due() as "phoihop due" prints them: overdue
 * (ours to answer, theirs to answer), due today, due within 3 working
 * days, periodic obligations of the next 30 days, cases awaiting
 * direction, suggested escalations.  A list to move through and open.
 * Keeps only the entries it was given; no SQL, nothing computed here
 * that flow-due.c knows.  Like "phoihop due", it keeps the obligations
 * of the years around today made when the register may be written.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

#define DASH_WITHIN	3	/* "due soon": working days ahead */

/* The msgids of "phoihop due" (cmd-due.c), so both say the same. */
static const char *const section_titles[PH_DUE__COUNT] = {
	N_("Overdue: ours to answer"),
	N_("Overdue: theirs to answer"),
	N_("Due today"),
	N_("Due soon"),
	N_("Periodic obligations (30 days)"),
	N_("Awaiting direction"),
	N_("Suggested escalations (a person decides)"),
};

struct dash_row {
	enum ph_due_section	 section;
	int64_t			 id;		/* letter, or obligation */
	char			*number, *issuer, *subject;
	struct ph_date		 due;
	long			 days;
	int			 warn;
};

/* A line of the list: a section's title, a blank, or a row. */
#define LINE_BLANK	(-1)
#define LINE_TITLE(s)	(-2 - (int)(s))

struct dash {
	struct dash_row	*rows;
	size_t		 n, cap;
	long		 count[PH_DUE__COUNT];
	int		*lines;		/* row index, LINE_BLANK, LINE_TITLE */
	size_t		 nlines;
	size_t		*line_of;	/* row index -> its line */
	size_t		 sel;		/* row index */
	size_t		 top;		/* first line shown */
	int		 list_y;	/* body row of the list (last draw) */
	int		 list_h;	/* lines of the list shown */
	int		 made_year;	/* obligations made around this year */
	int		 failed;	/* the list could not be read */
};

static void
rows_release(struct dash *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->rows[i].number);
		free(d->rows[i].issuer);
		free(d->rows[i].subject);
	}
	free(d->rows);
	free(d->lines);
	free(d->line_of);
	d->rows = NULL;
	d->lines = NULL;
	d->line_of = NULL;
	d->n = d->cap = d->nlines = 0;
	memset(d->count, 0, sizeof d->count);
}

static int
dash_entry(const struct ph_due_entry *e, void *arg)
{
	struct dash	*d = arg;
	struct dash_row	*r;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->rows = ph_xrealloc(d->rows, d->cap * sizeof *d->rows);
	}
	r = &d->rows[d->n++];
	r->section = e->section;
	r->id = e->id;
	r->number = ph_xstrdup(e->number != NULL ? e->number : "");
	r->issuer = ph_xstrdup(e->issuer != NULL ? e->issuer : "");
	r->subject = ph_xstrdup(e->subject != NULL ? e->subject : "");
	r->due = e->due;
	r->days = e->days;
	r->warn = e->warn;
	d->count[e->section]++;
	return 0;
}

/* Lay the rows out in lines: a blank between sections, each under its
 * title.  Rows come section by section from ph_flow_due(). */
static void
make_lines(struct dash *d)
{
	size_t	i;
	int	last = -1;

	d->lines = ph_xcalloc(3 * d->n + 1, sizeof *d->lines);
	d->line_of = ph_xcalloc(d->n + 1, sizeof *d->line_of);
	d->nlines = 0;
	for (i = 0; i < d->n; i++) {
		if ((int)d->rows[i].section != last) {
			if (last >= 0)
				d->lines[d->nlines++] = LINE_BLANK;
			last = d->rows[i].section;
			d->lines[d->nlines++] = LINE_TITLE(last);
		}
		d->line_of[i] = d->nlines;
		d->lines[d->nlines++] = (int)i;
	}
}

/* Make this year's and the next's obligations, as "phoihop due" does,
 * once a year per run: a closed register keeps what it has. */
static void
make_obligations(struct tui *t, struct dash *d, struct ph_date today)
{
	struct ph_store	*st = tui_store(t);
	struct ph_error	 err;

	if (d->made_year == today.y || ph_store_is_readonly(st))
		return;
	d->made_year = today.y;
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_flow_obligations_generate(st, tui_calendar(t), today.y - 1,
	    today.y + 1, &err) != PH_OK) {
		ph_store_rollback(st);
		goto fail;
	}
	if (ph_store_commit(st, &err) != PH_OK)
		goto fail;
	return;
fail:
	tui_say(t, 1, "%s", err.msg);
}

static void
dash_load(struct tui *t, struct tui_screen *s)
{
	struct dash	*d = s->state;
	struct ph_date	 today = tui_today(t);
	struct ph_error	 err;
	int64_t		 keep_id = -1;
	int		 keep_section = -1;
	size_t		 i;

	if (d == NULL)
		d = s->state = ph_xcalloc(1, sizeof *d);
	if (d->sel < d->n) {
		keep_id = d->rows[d->sel].id;
		keep_section = d->rows[d->sel].section;
	}
	rows_release(d);
	make_obligations(t, d, today);
	d->failed = 0;
	if (ph_flow_due(tui_store(t), tui_calendar(t), today, DASH_WITHIN,
	    dash_entry, d, &err) != PH_OK) {
		d->failed = 1;
		tui_say(t, 1, "%s", err.msg);
	}
	make_lines(d);
	/* The same entry selected again if it is still there. */
	d->sel = 0;
	for (i = 0; i < d->n; i++)
		if (d->rows[i].id == keep_id &&
		    (int)d->rows[i].section == keep_section) {
			d->sel = i;
			break;
		}
	if (d->top >= d->nlines)
		d->top = 0;
}

/* "3 late", "2 left": working days. */
static void
days_text(const struct dash_row *r, char *buf, size_t len)
{
	if (r->days < 0)
		snprintf(buf, len, _("%ld late"), -r->days);
	else
		snprintf(buf, len, _("%ld left"), r->days);
}

/* Columns at width W: mark, number, issuer, subject, due, days. */
#define W_MARK		3
#define W_NUMBER	12
#define W_ISSUER	14	/* at 80 columns; wider windows widen it */
#define W_DUE		10
#define W_DAYS		7

static int
issuer_width(int w)
{
	int	iw = W_ISSUER + (w - 80) / 3;

	return iw < W_ISSUER ? W_ISSUER : iw > 32 ? 32 : iw;
}

static int
subject_width(int w)
{
	int	sw = w - W_MARK - W_NUMBER - 1 - issuer_width(w) - 1 - 1 -
		    W_DUE - 1 - W_DAYS - 1;

	return sw < 10 ? 10 : sw;
}

static void
draw_row(const struct dash_row *r, int y, int w, int selected)
{
	enum tui_attr	a = TUI_A_NORMAL;
	char		vn[16], days[32];
	int		x = 0, sw = subject_width(w);
	int		overdue = r->days < 0;

	if (overdue)
		a = TUI_A_OVERDUE;
	else if (r->section == PH_DUE_TODAY || r->warn)
		a = TUI_A_SOON;
	/* The selection is the mark and the number in reverse, not a bar
	 * across the row: a move then rewrites a few cells of two rows,
	 * as in the registers, not two whole rows of text. */
	tui_put(y, 0, "", w, a, 1);
	x += tui_put(y, x, selected ? (overdue ? ">! " : ">  ") :
	    overdue ? " ! " : "", W_MARK, selected ? TUI_A_SELECTED : a, 1);
	x += tui_put(y, x, r->number, W_NUMBER, selected ? TUI_A_SELECTED : a,
	    1) + 1;
	x += tui_put(y, x, r->issuer, issuer_width(w), a, 1) + 1;
	x += tui_put(y, x, r->subject, sw, a, 1) + 1;
	ph_date_vn(r->due, vn);
	x += tui_put(y, x, ph_date_is_set(r->due) ? vn : "", W_DUE, a, 1) + 1;
	days_text(r, days, sizeof days);
	/* Right-aligned, so that the numbers line up. */
	{
		int dw = tui_width(days);

		if (dw < W_DAYS)
			tui_put(y, x + W_DAYS - dw, days, dw, a, 0);
		else
			tui_put(y, x, days, W_DAYS, a, 0);
	}
}

/* Bring the selection into view, with its section's title when it is
 * the section's first row. */
static void
scroll_to_sel(struct dash *d)
{
	size_t	line, h;

	if (d->n == 0 || d->list_h <= 0) {
		d->top = 0;
		return;
	}
	h = (size_t)d->list_h;
	line = d->line_of[d->sel];
	if (line > 0 && d->lines[line - 1] < LINE_BLANK)
		line--;			/* its title too */
	if (d->sel == 0)
		line = 0;
	if (line < d->top)
		d->top = line;
	if (d->line_of[d->sel] >= d->top + h)
		d->top = d->line_of[d->sel] - h + 1;
	if (d->nlines > h && d->top > d->nlines - h)
		d->top = d->nlines - h;
	if (d->nlines <= h)
		d->top = 0;
}

static void
dash_draw(struct tui *t, struct tui_screen *s, int top, int h, int w)
{
	struct dash	*d = s->state;
	char		 buf[256];
	long		 overdue;
	size_t		 i;
	int		 y, x, dw, sw = subject_width(w), more;

	/* A summary line, then the column headers, then the list. */
	overdue = d->count[PH_DUE_OVERDUE_OURS] +
	    d->count[PH_DUE_OVERDUE_THEIRS];
	x = 1;
	snprintf(buf, sizeof buf, ngettext("%ld letter overdue",
	    "%ld letters overdue", (unsigned long)overdue), overdue);
	x += tui_put(top, x, buf, w - x, overdue > 0 ? TUI_A_OVERDUE :
	    TUI_A_NORMAL, 0);
	x += tui_put(top, x, ", ", w - x, TUI_A_NORMAL, 0);
	snprintf(buf, sizeof buf, ngettext("%ld due today", "%ld due today",
	    (unsigned long)d->count[PH_DUE_TODAY]), d->count[PH_DUE_TODAY]);
	x += tui_put(top, x, buf, w - x, d->count[PH_DUE_TODAY] > 0 ?
	    TUI_A_SOON : TUI_A_NORMAL, 0);
	if (d->count[PH_DUE_AWAITING_DIRECTION] > 0) {
		x += tui_put(top, x, ", ", w - x, TUI_A_NORMAL, 0);
		snprintf(buf, sizeof buf, ngettext("%ld awaiting direction",
		    "%ld awaiting direction",
		    (unsigned long)d->count[PH_DUE_AWAITING_DIRECTION]),
		    d->count[PH_DUE_AWAITING_DIRECTION]);
		tui_put(top, x, buf, w - x, TUI_A_NORMAL, 0);
	}

	y = top + 1;
	x = W_MARK;
	tui_put(y, 0, "", w, TUI_A_DIM, 1);
	x += tui_put(y, x, _("Number"), W_NUMBER, TUI_A_DIM, 1) + 1;
	x += tui_put(y, x, _("From/To"), issuer_width(w), TUI_A_DIM, 1) +
	    1;
	x += tui_put(y, x, _("Subject"), sw, TUI_A_DIM, 1) + 1;
	x += tui_put(y, x, _("Due"), W_DUE, TUI_A_DIM, 1) + 1;
	dw = tui_width(_("Days"));
	tui_put(y, dw < W_DAYS ? x + W_DAYS - dw : x, _("Days"), W_DAYS,
	    TUI_A_DIM, 0);

	d->list_y = 2;
	d->list_h = h - 2;
	if (d->n == 0) {
		if (!d->failed)
			tui_put(top + 3, 2, _("Nothing is overdue or due soon."),
			    w - 4, TUI_A_NORMAL, 0);
		return;
	}
	scroll_to_sel(d);
	for (i = d->top, y = top + d->list_y; i < d->nlines &&
	    y < top + h; i++, y++) {
		int l = d->lines[i];

		if (l == LINE_BLANK)
			continue;
		if (l < LINE_BLANK) {
			int sec = -2 - l;

			snprintf(buf, sizeof buf, "%s %s %ld",
			    _(section_titles[sec]), tui_utf8(t) ?
			    "\xe2\x80\x94" : "-", d->count[sec]);
			tui_put(y, 1, buf, w - 2, TUI_A_HEADER, 0);
			continue;
		}
		draw_row(&d->rows[l], y, w, (size_t)l == d->sel);
	}
	/* More below, more above: say so on the last line's right. */
	more = d->top + (size_t)d->list_h < d->nlines;
	if (more || d->top > 0) {
		snprintf(buf, sizeof buf, "%zu/%zu", d->sel + 1, d->n);
		tui_put(top, w - tui_width(buf) - 1, buf, tui_width(buf),
		    TUI_A_DIM, 0);
	}
}

/* Move the selection to the row nearest line LINE. */
static void
select_line(struct dash *d, long line)
{
	size_t	i;

	if (d->n == 0)
		return;
	if (line <= 0) {
		d->sel = 0;
		return;
	}
	for (i = 0; i < d->n; i++)
		if ((long)d->line_of[i] >= line) {
			d->sel = i;
			return;
		}
	d->sel = d->n - 1;
}

static void
open_row(struct tui *t, struct dash *d)
{
	const struct dash_row	*r;

	if (d->n == 0)
		return;
	r = &d->rows[d->sel];
	if (r->section == PH_DUE_OBLIGATION) {
		tui_say(t, 0, "%s",
		    _("A periodic obligation, not a letter: enter the report in the outgoing register."));
		return;
	}
	tui_open_letter(t, r->id);
}

static enum tui_result
dash_key(struct tui *t, struct tui_screen *s, const struct tui_key *k)
{
	struct dash	*d = s->state;
	long		 page = d->list_h > 1 ? d->list_h - 1 : 1;

	if (k->is_key) {
		switch (k->ch) {
		case KEY_UP:
			if (d->sel > 0)
				d->sel--;
			return TUI_HANDLED;
		case KEY_DOWN:
			if (d->sel + 1 < d->n)
				d->sel++;
			return TUI_HANDLED;
		case KEY_PPAGE:
			if (d->n > 0)
				select_line(d, (long)d->line_of[d->sel] - page);
			return TUI_HANDLED;
		case KEY_NPAGE:
			if (d->n > 0)
				select_line(d, (long)d->line_of[d->sel] + page);
			return TUI_HANDLED;
		case KEY_HOME:
			d->sel = 0;
			return TUI_HANDLED;
		case KEY_END:
			if (d->n > 0)
				d->sel = d->n - 1;
			return TUI_HANDLED;
		case KEY_ENTER:
			open_row(t, d);
			return TUI_HANDLED;
		case KEY_MOUSE:
			if (k->mouse_button == 4) {
				d->sel = d->sel > 3 ? d->sel - 3 : 0;
				return TUI_HANDLED;
			}
			if (k->mouse_button == 5) {
				if (d->n > 0)
					d->sel = d->sel + 3 < d->n ?
					    d->sel + 3 : d->n - 1;
				return TUI_HANDLED;
			}
			if (k->mouse_button == 1 && k->mouse_y >= d->list_y) {
				size_t line = d->top +
				    (size_t)(k->mouse_y - d->list_y);

				if (line >= d->nlines || d->lines[line] < 0)
					return TUI_HANDLED;
				/* A click selects; a click on the selected
				 * row opens it. */
				if ((size_t)d->lines[line] == d->sel)
					open_row(t, d);
				else
					d->sel = (size_t)d->lines[line];
				return TUI_HANDLED;
			}
			return TUI_UNHANDLED;
		}
		return TUI_UNHANDLED;
	}
	switch (k->ch) {
	case 'k':
		if (d->sel > 0)
			d->sel--;
		return TUI_HANDLED;
	case 'j':
		if (d->sel + 1 < d->n)
			d->sel++;
		return TUI_HANDLED;
	case 'g':
		d->sel = 0;
		return TUI_HANDLED;
	case 'G':
		if (d->n > 0)
			d->sel = d->n - 1;
		return TUI_HANDLED;
	case '\r':
	case '\n':
		open_row(t, d);
		return TUI_HANDLED;
	case 'r':
		dash_load(t, s);
		if (!d->failed)
			tui_say(t, 0, "%s", _("The list was read again."));
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static void
dash_destroy(struct tui_screen *s)
{
	struct dash	*d = s->state;

	if (d == NULL)
		return;
	rows_release(d);
	free(d);
	s->state = NULL;
}

static const struct tui_keyhelp dash_help[] = {
	{ N_("Up/Down, j/k"), N_("move the selection") },
	{ N_("PgUp/PgDn"), N_("a page up or down") },
	{ N_("Home/End, g/G"), N_("the first or last line") },
	{ N_("Enter"), N_("open the letter") },
	{ N_("r"), N_("read the list again") },
	{ N_("!"), N_("marks what is past its due date") },
	{ NULL, NULL }
};

static const struct tui_keyhelp dash_bar[] = {
	{ N_("Enter"), N_("Open") },
	{ N_("F3"), N_("Incoming") },
	{ N_("F4"), N_("Outgoing") },
	{ N_("F5"), N_("Search") },
	{ N_("n"), N_("New letter") },
	{ NULL, NULL }
};

const struct tui_screen_ops tui_dash_ops = {
	N_("Today"),
	dash_load,
	dash_draw,
	dash_key,
	NULL,
	dash_destroy,
	dash_help,
	dash_bar,
};
