/*
 * tui-register.c -- "Sổ văn bản đến" and "Sổ văn bản đi": a register as
 * the paper book shows it, any column sorted, filtered by year, status
 * and organization (the issuer of an incoming letter, a recipient of an
 * outgoing one, picked from the known ones as their name is typed).
 *
 * Only the rows on screen are ever read: the store hands out windows
 * anchored on the first or last row shown (ph_store_letter_window), so a
 * book of a million letters pages as fast as one of a hundred.  Moving
 * the selection inside the window reads nothing.  No SQL here: the
 * filters are the store's, the organizations the form's (tui-form.c).
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

struct row {
	int64_t		 id;
	char		*key;		/* sort key, for the next anchor */
	char		 regno[24];
	char		 date[11];
	char		*number;
	char		*org;
	char		*subject;
	char		 due[11];
	const char	*status;	/* static label */
	int		 overdue, open;
};

/* The status filter: every letter, the open cases, the overdue ones, or
 * one status (SHOW_STATE + enum ph_state). */
enum {
	SHOW_ALL,
	SHOW_OPEN,
	SHOW_OVERDUE,
	SHOW_STATE
};
#define NSHOWS		(SHOW_STATE + PH_ST__COUNT)

/* The states of an open case (ph_case_is_open()): the store filters one
 * status at a time, so the open cases are these windows merged. */
static const enum ph_state open_states[] = {
	PH_ST_AWAITING, PH_ST_EXTENDED, PH_ST_REMINDED, PH_ST_DISAGREED,
	PH_ST_ESCALATED, PH_ST_DIRECTED,
};
#define NOPEN		(sizeof open_states / sizeof open_states[0])

struct reg {
	enum ph_direction	 dir;
	enum ph_letter_sort	 sort;
	int			 desc;
	int			 year;		/* 0: every year */
	int			 show;		/* SHOW_* */
	char			*org;		/* the other party, or NULL */
	/* The organization being asked for: a form of one field, and
	 * what is said under it. */
	int			 asking;
	struct tui_form		 ask;
	const char		*ask_note;	/* msgid, or NULL */
	struct row		*rows;
	size_t			 nrows, cap;
	size_t			 sel;
	size_t			 page;		/* rows that fit */
	int			 list_y;	/* body row of the first */
	int64_t			 total;
	int			 at_start, at_end;	/* window touches an end */
	int64_t			 keep_id;	/* select this id after a load */
};

static const char *const sort_names[] = {
	N_("number"), N_("date"), N_("document number"), N_("organization"),
	N_("subject"), N_("due date"), N_("status"),
};
#define NSORTS	(int)(sizeof sort_names / sizeof sort_names[0])

static void
row_release(struct row *r)
{
	free(r->key);
	free(r->number);
	free(r->org);
	free(r->subject);
	memset(r, 0, sizeof *r);
}

static void
rows_clear(struct reg *g)
{
	size_t	i;

	for (i = 0; i < g->nrows; i++)
		row_release(&g->rows[i]);
	g->nrows = 0;
}

/* Rows arrive into a scratch list, then replace or join the window. */
struct fill {
	struct tui	*t;
	struct row	*v;
	size_t		 n, cap;
	/* The store gives a row's sort key before the row itself: kept
	 * here until the row arrives. */
	int64_t		 key_id;
	char		*key;
};

static int
fill_letter(const struct ph_letter *l, void *arg)
{
	struct fill	*f = arg;
	struct row	*r;
	struct ph_date	 today = tui_today(f->t);

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 32;
		f->v = ph_xrealloc(f->v, f->cap * sizeof *f->v);
	}
	r = &f->v[f->n++];
	memset(r, 0, sizeof *r);
	r->id = l->id;
	if (l->register_no > 0)
		snprintf(r->regno, sizeof r->regno, "%lld",
		    (long long)l->register_no);
	ph_date_vn(l->direction == PH_DIR_IN && ph_date_is_set(l->received) ?
	    l->received : l->date, r->date);
	r->number = ph_xstrdup(l->number != NULL ? l->number : "");
	r->org = ph_xstrdup(l->direction == PH_DIR_IN || l->recipients.n == 0 ?
	    (l->issuer != NULL ? l->issuer : "") : l->recipients.v[0]);
	r->subject = ph_xstrdup(l->subject != NULL ? l->subject : "");
	if (ph_date_is_set(l->due))
		ph_date_vn(l->due, r->due);
	r->status = ph_keyword_label(ph_status_words, l->status);
	r->open = ph_case_is_open(l->status);
	r->overdue = r->open && ph_date_is_set(l->due) &&
	    ph_date_cmp(l->due, today) < 0;
	if (f->key != NULL && f->key_id == r->id) {
		r->key = f->key;
		f->key = NULL;
	}
	return 0;
}

static void
fill_key(int64_t id, const char *key, void *arg)
{
	struct fill	*f = arg;
	size_t		 i;

	for (i = f->n; i > 0; i--)
		if (f->v[i - 1].id == id) {
			free(f->v[i - 1].key);
			f->v[i - 1].key = ph_xstrdup(key != NULL ? key : "");
			return;
		}
	/* Not read yet: the row takes it when it comes. */
	free(f->key);
	f->key = ph_xstrdup(key != NULL ? key : "");
	f->key_id = id;
}

/* The store's filter for the register as shown; STATE, when not -1,
 * the one status asked for (the open cases are asked state by state). */
static void
filter_of(const struct reg *g, struct ph_letter_filter *f, struct tui *t,
    int state)
{
	ph_letter_filter_init(f);
	f->direction = (int)g->dir;
	f->year = g->year;
	f->today = tui_today(t);
	f->issuer = g->org;
	if (g->show == SHOW_OVERDUE)
		f->overdue = 1;
	else if (g->show >= SHOW_STATE)
		f->status = g->show - SHOW_STATE;
	if (state >= 0)
		f->status = state;
}

static void
fill_release(struct fill *f)
{
	size_t	i;

	for (i = 0; i < f->n; i++)
		row_release(&f->v[i]);
	free(f->v);
	free(f->key);
	memset(f, 0, sizeof *f);
}

/* One window of the store, for status STATE (-1: as the filter says),
 * appended to *OUT; 0 on error (said on the message line). */
static int
fetch_state(struct tui *t, struct reg *g, const struct row *at,
    int backward, size_t n, int state, struct fill *out)
{
	struct ph_letter_filter	 f;
	struct ph_letter_window	 w;
	struct ph_error		 err;

	filter_of(g, &f, t, state);
	memset(&w, 0, sizeof w);
	w.filter = &f;
	w.sort = g->sort;
	w.desc = g->desc;
	w.backward = backward;
	w.n = n;
	if (at != NULL) {
		w.anchor.id = at->id;
		w.anchor.key = at->key;
	}
	if (ph_store_letter_window(tui_store(t), &w, fill_letter, fill_key,
	    out, &err) != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return 0;
	}
	free(out->key);
	out->key = NULL;
	return 1;
}

/* The order of the rows on screen, as the store sorts them: by the key
 * it handed out (keys compare bytewise, store-letter.c), then the id;
 * for the due date, letters without one last either way. */
static const struct reg *row_sorting;

static int
row_cmp(const void *va, const void *vb)
{
	const struct row	*a = va, *b = vb;
	const char		*ka = a->key != NULL ? a->key : "";
	const char		*kb = b->key != NULL ? b->key : "";
	int			 c;

	if (row_sorting->sort == PH_SORT_DUE && (*ka == '\0') != (*kb == '\0'))
		return *ka == '\0' ? 1 : -1;
	c = strcmp(ka, kb);
	if (c == 0)
		c = a->id < b->id ? -1 : a->id > b->id;
	return row_sorting->desc ? -c : c;
}

/*
 * Read N rows after (or, BACKWARD, before) the row AT (NULL: from the
 * start, or the end).  Returns the rows in *OUT (sort order); 0 on error
 * (said on the message line).  The open cases are a window of each open
 * state, merged here: the N rows nearest the anchor of them all.
 */
static int
fetch(struct tui *t, struct reg *g, const struct row *at, int backward,
    size_t n, struct fill *out)
{
	size_t	i, k;

	memset(out, 0, sizeof *out);
	out->t = t;
	if (g->show != SHOW_OPEN) {
		if (!fetch_state(t, g, at, backward, n, -1, out)) {
			fill_release(out);
			return 0;
		}
		return 1;
	}
	for (i = 0; i < NOPEN; i++)
		if (!fetch_state(t, g, at, backward, n, (int)open_states[i],
		    out)) {
			fill_release(out);
			return 0;
		}
	row_sorting = g;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, row_cmp);
	row_sorting = NULL;
	if (out->n > n) {
		/* Forward, the first N; backward, the last N. */
		k = out->n - n;
		for (i = 0; i < k; i++)
			row_release(&out->v[backward ? i : n + i]);
		if (backward)
			memmove(out->v, out->v + k, n * sizeof *out->v);
		out->n = n;
	}
	return 1;
}

static void
take_window(struct reg *g, struct fill *f)
{
	rows_clear(g);
	free(g->rows);
	g->rows = f->v;
	g->nrows = f->n;
	g->cap = f->cap;
}

static void
reg_count(struct tui *t, struct reg *g)
{
	struct ph_letter_filter	f;
	struct ph_error		err;
	int64_t			n;
	size_t			i;

	if (g->show != SHOW_OPEN) {
		filter_of(g, &f, t, -1);
		if (ph_store_letter_count(tui_store(t), &f, &g->total, &err) !=
		    PH_OK)
			g->total = -1;
		return;
	}
	g->total = 0;
	for (i = 0; i < NOPEN; i++) {
		filter_of(g, &f, t, (int)open_states[i]);
		if (ph_store_letter_count(tui_store(t), &f, &n, &err) !=
		    PH_OK) {
			g->total = -1;
			return;
		}
		g->total += n;
	}
}

/* The first screenful from the start (or, FROM_END, the last). */
static void
reg_home(struct tui *t, struct reg *g, int from_end)
{
	struct fill	f;
	size_t		n = g->page > 0 ? g->page : 20;

	if (!fetch(t, g, NULL, from_end, n, &f))
		return;
	take_window(g, &f);
	g->sel = from_end && g->nrows > 0 ? g->nrows - 1 : 0;
	g->at_start = !from_end || g->nrows < n;
	g->at_end = from_end || g->nrows < n;
}

/* Read the window again where the clerk was (from the first row shown),
 * with as many rows as fit now. */
static void
reg_refill(struct tui *t, struct tui_screen *sc)
{
	struct reg	*g = sc->state;
	struct fill	 f;
	size_t		 i, n = g->page > 0 ? g->page : 20;
	int64_t		 keep = g->nrows > 0 ? g->rows[g->sel].id : 0;

	/* Reload where the clerk was: from the first row shown. */
	if (g->nrows > 0 && !g->at_start) {
		struct row first = g->rows[0];
		struct fill before;
		if (fetch(t, g, &first, 1, 1, &before) && before.n == 1 &&
		    fetch(t, g, &before.v[0], 0, n, &f)) {
			take_window(g, &f);
			g->sel = 0;
			for (i = 0; i < g->nrows; i++)
				if (g->rows[i].id == keep)
					g->sel = i;
			row_release(&before.v[0]);
			free(before.v);
			sc->dirty = 1;
			return;
		}
		if (before.v != NULL) {
			for (i = 0; i < before.n; i++)
				row_release(&before.v[i]);
			free(before.v);
		}
	}
	reg_home(t, g, 0);
	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].id == keep)
			g->sel = i;
	sc->dirty = 1;
}

/* Count the letters the filter keeps and read the window: on entry,
 * after a filter or the order changed, after another program wrote.  A
 * count walks an index of the whole register (550,000 entries at 1M
 * letters), so a resize only reads the window again. */
static void
reg_load(struct tui *t, struct tui_screen *sc)
{
	struct reg	*g = sc->state;

	if (g->asking)
		tui_form_reload(&g->ask);
	reg_count(t, g);
	reg_refill(t, sc);
}

/* Scroll by one row down (DOWN) or up; 0 at an end. */
static int
scroll_one(struct tui *t, struct reg *g, int down)
{
	struct fill	f;

	if (g->nrows == 0)
		return 0;
	if (!fetch(t, g, down ? &g->rows[g->nrows - 1] : &g->rows[0], !down,
	    1, &f) || f.n == 0) {
		free(f.v);
		if (down)
			g->at_end = 1;
		else
			g->at_start = 1;
		return 0;
	}
	if (down) {
		row_release(&g->rows[0]);
		memmove(g->rows, g->rows + 1, (g->nrows - 1) * sizeof *g->rows);
		g->rows[g->nrows - 1] = f.v[0];
		g->at_start = 0;
	} else {
		row_release(&g->rows[g->nrows - 1]);
		memmove(g->rows + 1, g->rows, (g->nrows - 1) * sizeof *g->rows);
		g->rows[0] = f.v[0];
		g->at_end = 0;
	}
	free(f.v);
	return 1;
}

/* A page down (DOWN) or up: the next window after the last row shown. */
static void
page(struct tui *t, struct reg *g, int down)
{
	struct fill	f;
	size_t		n = g->page;

	if (g->nrows == 0)
		return;
	if (!fetch(t, g, down ? &g->rows[g->nrows - 1] : &g->rows[0], !down,
	    n, &f))
		return;
	if (f.n == 0) {
		free(f.v);
		g->sel = down ? g->nrows - 1 : 0;
		return;
	}
	if (f.n < n) {
		/* Near an end: show the last (first) full screen instead. */
		size_t i;
		for (i = 0; i < f.n; i++)
			row_release(&f.v[i]);
		free(f.v);
		reg_home(t, g, down);
		return;
	}
	take_window(g, &f);
	g->at_start = g->at_end = 0;
}

/* What the status filter shows, translated: "open cases", "replied". */
static const char *
show_label(int show)
{
	switch (show) {
	case SHOW_ALL:
		return _("every letter");
	case SHOW_OPEN:
		return _("open cases");
	case SHOW_OVERDUE:
		return _("overdue cases");
	}
	return ph_keyword_label(ph_status_words, show - SHOW_STATE);
}

static int
has_filter(const struct reg *g)
{
	return g->org != NULL || g->show != SHOW_ALL || g->year > 0;
}

/* The line that says which filters are on. */
static void
draw_filters(const struct reg *g, int y, int w)
{
	char	buf[512], part[300];
	size_t	len;

	snprintf(buf, sizeof buf, "%s", _("Only:"));
	if (g->org != NULL) {
		snprintf(part, sizeof part, g->dir == PH_DIR_IN ?
		    _("from %s") : _("to %s"), g->org);
		len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, " %s;", part);
	}
	if (g->show != SHOW_ALL) {
		len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, " %s;",
		    show_label(g->show));
	}
	if (g->year > 0) {
		snprintf(part, sizeof part, _("year %d"), g->year);
		len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, " %s;", part);
	}
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == ';')
		buf[len - 1] = '\0';
	tui_put(y, 0, buf, w, TUI_A_HEADER, 1);
}

/* The organization asked for, over the top of the list: its field, the
 * known organizations that match what is typed, and a note. */
static void
draw_ask(struct tui *t, struct reg *g, int top, int h, int w)
{
	struct tui_field	*f = &g->ask.f[0];
	int			 rows = 1;

	if (!f->hide)
		rows += (int)f->nsugg;
	if (rows > h - 1)
		rows = h - 1;
	tui_clear_rows(top, rows + 1);
	if (g->ask_note != NULL)
		tui_put(top + rows, 2, _(g->ask_note), w - 4, TUI_A_DIM, 1);
	else
		tui_put(top + rows, 2, _("Part of a name, marks or not; Enter "
		    "filters, empty shows all, Esc cancels."), w - 4,
		    TUI_A_DIM, 1);
	/* Last, so that the cursor stays in the field. */
	tui_form_draw(t, &g->ask, top, rows, w);
}

static void
reg_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct reg	*g = sc->state;
	int		 wno = 5, wdate = 10, wnum = 12, worg = 14, wdue = 10,
			 wst = 3, wsub, x, head = has_filter(g) ? 3 : 2;
	size_t		 i, need = h > head + 1 ? (size_t)(h - head) : 1;
	char		 info[160];

	/* The window follows the body's height. */
	if (need != g->page) {
		g->page = need;
		reg_refill(t, sc);
	}
	g->list_y = head;
	if (w < 100) {
		worg = 12;
		wnum = 11;
	}
	/* One column of gutter for the selection mark. */
	wsub = w - (1 + wno + wdate + wnum + worg + wdue + wst + 6);
	if (wsub < 10)
		wsub = 10;
	tui_clear_rows(top, h);
	snprintf(info, sizeof info, _("%s, sorted by %s (%s)"),
	    g->dir == PH_DIR_IN ? _("Incoming register") :
	    _("Outgoing register"), _(sort_names[g->sort]),
	    g->desc ? _("descending") : _("ascending"));
	x = tui_put(top, 0, info, w, TUI_A_DIM, 0);
	if (g->total >= 0 && x < w - 20) {
		snprintf(info, sizeof info, ngettext("  %lld letter",
		    "  %lld letters", (unsigned long)g->total),
		    (long long)g->total);
		tui_put(top, x, info, w - x, TUI_A_DIM, 0);
	}
	if (head == 3)
		draw_filters(g, top + 1, w);
	x = tui_put(top + head - 1, 0, " ", 1, TUI_A_HEADER, 1);
	x += tui_put(top + head - 1, x, _("No."), wno, TUI_A_HEADER, 1) + 1;
	x += tui_put(top + head - 1, x, g->dir == PH_DIR_IN ? _("Received") :
	    _("Date"), wdate, TUI_A_HEADER, 1) + 1;
	x += tui_put(top + head - 1, x, _("Doc. number"), wnum, TUI_A_HEADER,
	    1) + 1;
	x += tui_put(top + head - 1, x, g->dir == PH_DIR_IN ? _("From") :
	    _("To"), worg, TUI_A_HEADER, 1) + 1;
	x += tui_put(top + head - 1, x, _("Subject"), wsub, TUI_A_HEADER, 1) +
	    1;
	x += tui_put(top + head - 1, x, _("Due"), wdue, TUI_A_HEADER, 1) + 1;
	tui_put(top + head - 1, x, "", w - x, TUI_A_HEADER, 1);
	if (g->nrows == 0)
		tui_put(top + head + 1, 2, _("No letter in this register "
		    "matches."), w - 4, TUI_A_DIM, 0);
	for (i = 0; i < g->nrows && (int)i < h - head; i++) {
		const struct row *r = &g->rows[i];
		enum tui_attr a = r->overdue ? TUI_A_OVERDUE : TUI_A_NORMAL;
		int y = top + head + (int)i, sel = i == g->sel;
		/* The whole row in one attribute, the gaps between columns
		 * included: one attribute change a row, not one a column.
		 * The selection is a mark in the gutter and the number in
		 * reverse, not a bar across the row: moving it then rewrites
		 * a few cells of two rows (some 50 bytes over a slow link),
		 * not two whole rows of Vietnamese text. */
		tui_put(y, 0, "", w, a, 1);
		x = tui_put(y, 0, sel ? ">" : " ", 1, sel ? TUI_A_SELECTED : a,
		    1);
		x += tui_put(y, x, r->regno, wno, sel ? TUI_A_SELECTED : a, 1) +
		    1;
		x += tui_put(y, x, r->date, wdate, a, 1) + 1;
		x += tui_put(y, x, r->number, wnum, a, 1) + 1;
		x += tui_put(y, x, r->org, worg, a, 1) + 1;
		x += tui_put(y, x, r->subject, wsub, a, 1) + 1;
		x += tui_put(y, x, r->due, wdue, a, 1) + 1;
		/* Overdue is marked, not only coloured. */
		tui_put(y, x, r->overdue ? "!" : r->open ? "*" : "", w - x, a,
		    1);
	}
	if (g->asking)
		draw_ask(t, g, top, h, w);
}

/* Read the register again from its start, after a filter or the order
 * changed. */
static void
reg_restart(struct tui *t, struct tui_screen *sc)
{
	struct reg	*g = sc->state;

	rows_clear(g);
	g->sel = 0;
	reg_load(t, sc);
}

static void
ask_close(struct reg *g)
{
	if (g->asking)
		tui_form_release(&g->ask);
	g->asking = 0;
	g->ask_note = NULL;
}

/* 'o': ask for the organization, or, when one is filtered on, show all
 * again. */
static void
ask_open(struct tui *t, struct tui_screen *sc)
{
	struct reg	*g = sc->state;

	if (g->org != NULL) {
		free(g->org);
		g->org = NULL;
		reg_restart(t, sc);
		tui_say(t, 0, "%s", _("Letters of every organization."));
		return;
	}
	tui_form_init(&g->ask);
	tui_form_add(&g->ask, "org", g->dir == PH_DIR_IN ?
	    N_("Letters from") : N_("Letters to"), TUI_FIELD_ORG, "",
	    PH_FIELD_MAX);
	g->asking = 1;
	g->ask_note = NULL;
}

/* Enter in the organization's field: the suggestion picked, the only
 * one, or the name as typed, if it is a known organization's. */
static void
ask_apply(struct tui *t, struct tui_screen *sc)
{
	struct reg		*g = sc->state;
	struct tui_field	*f = &g->ask.f[0];
	struct ph_org		 o;
	struct ph_error		 err;
	const char		*name = f->edit.text;

	if (!f->hide && f->pick >= 0 && (size_t)f->pick < f->nsugg)
		name = f->sugg[f->pick];
	else if (!f->hide && f->nsugg == 1)
		name = f->sugg[0];
	while (*name == ' ')
		name++;
	if (*name == '\0') {
		ask_close(g);
		free(g->org);
		g->org = NULL;
		reg_restart(t, sc);
		return;
	}
	/* A name, not an id: ph_store_org_find() reads digits as one. */
	if (name[strspn(name, "0123456789 ")] == '\0' ||
	    ph_store_org_find(tui_store(t), name, &o, &err) != PH_OK) {
		g->ask_note = f->nsugg > 1 && !f->hide ?
		    N_("Several organizations match: choose one with Down, "
		    "then Enter.") :
		    N_("No known organization has that name.");
		return;
	}
	free(g->org);
	g->org = ph_xstrdup(o.name);
	ph_org_release(&o);
	ask_close(g);
	reg_restart(t, sc);
	tui_say(t, 0, g->dir == PH_DIR_IN ? _("Letters from %s.") :
	    _("Letters to %s."), g->org);
}

static enum tui_result
ask_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct reg		*g = sc->state;
	struct tui_field	*f = &g->ask.f[0];
	char			*before;
	int			 used;

	if (!k->is_key && k->ch == 27 && (f->hide || f->nsugg == 0)) {
		ask_close(g);
		return TUI_HANDLED;
	}
	if ((k->is_key && k->ch == KEY_ENTER) ||
	    (!k->is_key && (k->ch == '\r' || k->ch == '\n'))) {
		ask_apply(t, sc);
		return TUI_HANDLED;
	}
	before = ph_xstrdup(f->edit.text);
	used = tui_form_key(t, &g->ask, k);
	if (used && strcmp(before, f->edit.text) != 0) {
		/* Not a form for a new organization: no "will be added",
		 * but a word when no known name holds what is typed. */
		g->ask_note = f->is_new && f->nsugg == 0 &&
		    f->edit.text[strspn(f->edit.text, " ")] != '\0' ?
		    N_("No known organization's name has these letters.") :
		    NULL;
		f->is_new = 0;
	}
	free(before);
	return used ? TUI_HANDLED : TUI_UNHANDLED;
}

static enum tui_result
reg_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct reg	*g = sc->state;
	wint_t		 c = k->ch;
	enum tui_result	 res;

	sc->dirty = 1;
	if (g->asking) {
		if ((res = ask_key(t, sc, k)) == TUI_UNHANDLED)
			sc->dirty = 0;
		return res;
	}
	if (k->is_key) {
		switch (c) {
		case KEY_DOWN:
			goto down;
		case KEY_UP:
			goto up;
		case KEY_NPAGE:
			page(t, g, 1);
			return TUI_HANDLED;
		case KEY_PPAGE:
			page(t, g, 0);
			return TUI_HANDLED;
		case KEY_HOME:
			reg_home(t, g, 0);
			return TUI_HANDLED;
		case KEY_END:
			reg_home(t, g, 1);
			return TUI_HANDLED;
		case KEY_ENTER:
			goto open;
		case KEY_MOUSE:
			if (k->mouse_button == 4)
				goto up;
			if (k->mouse_button == 5)
				goto down;
			if (k->mouse_y >= g->list_y && (size_t)(k->mouse_y -
			    g->list_y) < g->nrows) {
				g->sel = (size_t)(k->mouse_y - g->list_y);
				return TUI_HANDLED;
			}
			return TUI_HANDLED;
		}
		sc->dirty = 0;
		return TUI_UNHANDLED;
	}
	switch (c) {
	case 'j':
		goto down;
	case 'k':
		goto up;
	case 'g':
		reg_home(t, g, 0);
		return TUI_HANDLED;
	case 'G':
		reg_home(t, g, 1);
		return TUI_HANDLED;
	case '\r':
	case '\n':
		goto open;
	case 's':
		g->sort = (enum ph_letter_sort)(((int)g->sort + 1) % NSORTS);
		reg_restart(t, sc);
		tui_say(t, 0, _("Sorted by %s"), _(sort_names[g->sort]));
		return TUI_HANDLED;
	case 'S':
		g->desc = !g->desc;
		reg_restart(t, sc);
		return TUI_HANDLED;
	case 'f':
	case 'F':
		/* Every letter, open cases, overdue, then each status;
		 * F goes back. */
		g->show = (g->show + (c == 'f' ? 1 : NSHOWS - 1)) % NSHOWS;
		reg_restart(t, sc);
		tui_say(t, 0, _("Showing: %s"), show_label(g->show));
		return TUI_HANDLED;
	case 'o':
		ask_open(t, sc);
		return TUI_HANDLED;
	case 'y':
		/* Every year, this year, each year back to ten years ago. */
		g->year = g->year == 0 ? tui_today(t).y : g->year - 1;
		if (g->year < tui_today(t).y - 10)
			g->year = 0;
		reg_restart(t, sc);
		return TUI_HANDLED;
	case 'r':
		reg_load(t, sc);
		return TUI_HANDLED;
	}
	sc->dirty = 0;
	return TUI_UNHANDLED;
down:
	if (g->sel + 1 < g->nrows)
		g->sel++;
	else
		scroll_one(t, g, 1);
	return TUI_HANDLED;
up:
	if (g->sel > 0)
		g->sel--;
	else
		scroll_one(t, g, 0);
	return TUI_HANDLED;
open:
	if (g->nrows > 0)
		tui_open_letter(t, g->rows[g->sel].id);
	return TUI_HANDLED;
}

static void
reg_destroy(struct tui_screen *sc)
{
	struct reg	*g = sc->state;

	ask_close(g);
	rows_clear(g);
	free(g->rows);
	free(g->org);
	free(g);
}

static const struct tui_keyhelp reg_help[] = {
	{ N_("Up/Down, j/k"), N_("move the selection") },
	{ N_("PgUp/PgDn"), N_("a page up or down") },
	{ N_("Home/End, g/G"), N_("the first or last letter") },
	{ N_("Enter"), N_("open the letter") },
	{ N_("s"), N_("sort by the next column") },
	{ N_("S"), N_("reverse the order") },
	{ N_("f, F"), N_("every letter, open cases, overdue cases, then each "
	    "status (F goes back)") },
	{ N_("o"), N_("only the letters from (or to) one organization, "
	    "chosen as its name is typed; o again shows all") },
	{ N_("y"), N_("every year, this year, a year earlier ...") },
	{ N_("r"), N_("read the register again") },
	{ N_("!"), N_("marks an overdue case; * an open one") },
	{ NULL, NULL }
};

static const struct tui_keyhelp reg_bar[] = {
	{ N_("Enter"), N_("Open") },
	{ N_("s"), N_("Sort") },
	{ N_("f"), N_("Status") },
	{ N_("o"), N_("From/To") },
	{ N_("y"), N_("Year") },
	{ N_("n"), N_("New letter") },
	{ NULL, NULL }
};

const struct tui_screen_ops tui_register_ops = {
	N_("Register"),
	reg_load,
	reg_draw,
	reg_key,
	NULL,
	reg_destroy,
	reg_help,
	reg_bar,
};

void
tui_open_register(struct tui *t, enum ph_direction dir)
{
	struct reg	*g = ph_xcalloc(1, sizeof *g);

	g->dir = dir;
	/* The newest letters first: what the clerk entered last. */
	g->sort = PH_SORT_REGISTER;
	g->desc = 1;
	g->total = -1;
	tui_push(t, &tui_register_ops, g);
}
