/*
 * tui-search.c -- "Tìm kiếm": search as you type.
 *
 * The query line is a tui_edit (Telex/VNI on F9 for a machine with no
 * Vietnamese keyboard); every change runs ph_search() for one screenful
 * of hits, best first, the matched words of each snippet highlighted.
 * The query language is search.h's: filters such as ngay:, tt:, so: or
 * tu: work here as on the command line.  The terminal cursor stays at
 * the editing point of the query while Up and Down move the selection
 * and Enter opens it.  No SQL here.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "search.h"
#include "tui.h"

struct sview {
	struct tui_edit		 q;
	struct ph_search_result	 res;
	int			 have;		/* RES holds a result */
	int			 exact;
	size_t			 sel;
	size_t			 top;		/* first hit shown */
	char			*error;		/* why the query is refused */
	char			*abbrev;	/* abbreviations file */
	char			*last;		/* query last run */
};

static void
sv_run(struct tui *t, struct sview *v, size_t limit)
{
	struct ph_search_opts	 o;
	struct ph_error		 err;
	struct ph_store		*st = tui_store(t);
	const char		*p;

	free(v->error);
	v->error = NULL;
	for (p = v->q.text; *p == ' '; p++)
		;
	if (v->have)
		ph_search_result_release(&v->res);
	v->have = 0;
	free(v->last);
	v->last = ph_xstrdup(v->q.text);
	if (*p == '\0')
		return;
	memset(&o, 0, sizeof o);
	o.query = v->q.text;
	o.limit = limit > 0 ? limit : 10;
	o.exact = v->exact;
	o.abbrev_path = v->abbrev;
	o.today = tui_today(t);
	if (ph_store_begin(st, &err) != PH_OK ||
	    ph_search(st, &o, &v->res, &err) != PH_OK) {
		ph_store_rollback(st);
		/* While the clerk types, half a query is normal: say why it
		 * is refused under the line, not as an alarm. */
		v->error = ph_xstrdup(err.msg);
		return;
	}
	ph_store_rollback(st);
	v->have = 1;
	if (v->sel >= v->res.nhits)
		v->sel = v->res.nhits > 0 ? v->res.nhits - 1 : 0;
}

static void
sv_load(struct tui *t, struct tui_screen *sc)
{
	struct sview	*v = sc->state;

	/* Another process changed the register: the same query again. */
	if (v->last != NULL)
		sv_run(t, v, LINES);
	sc->dirty = 1;
}

/* The snippet at Y, its matched words highlighted. */
static void
put_snippet(int y, int x, int w, const struct ph_search_hit *h,
    enum tui_attr base)
{
	size_t	i, at = 0;
	char	*seg;
	int	 col = x;

	for (i = 0; i <= h->nmarks && col < x + w; i++) {
		size_t start = i < h->nmarks ? h->marks[i].off :
		    strlen(h->snippet);
		if (start > at) {
			seg = ph_xstrndup(h->snippet + at, start - at);
			col += tui_put(y, col, seg, x + w - col, base, 0);
			free(seg);
		}
		if (i == h->nmarks || col >= x + w)
			break;
		seg = ph_xstrndup(h->snippet + h->marks[i].off,
		    h->marks[i].len);
		col += tui_put(y, col, seg, x + w - col,
		    base == TUI_A_SELECTED ? TUI_A_SELECTED : TUI_A_MATCH, 0);
		free(seg);
		at = h->marks[i].off + h->marks[i].len;
	}
	if (col < x + w)
		tui_put(y, col, "", x + w - col, base, 1);
}

static void
sv_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct sview	*v = sc->state;
	size_t		 i, fit = h > 3 ? (size_t)(h - 3) / 2 : 1;
	int		 x, y;
	char		 line[200], d[11];

	(void)t;
	tui_clear_rows(top, h);
	x = tui_put(top, 0, v->exact ? _("Find (exact): ") : _("Find: "), w,
	    TUI_A_HEADER, 0);
	if (v->have && v->res.nhits < fit && v->res.total > (int64_t)
	    v->res.nhits)
		sv_run(t, v, fit);
	if (v->error != NULL)
		tui_put(top + 1, 0, v->error, w, TUI_A_DIM, 0);
	else if (v->have) {
		if (v->res.total >= 0)
			snprintf(line, sizeof line, ngettext(
			    "%lld letter found", "%lld letters found",
			    (unsigned long)v->res.total),
			    (long long)v->res.total);
		else
			line[0] = '\0';
		tui_put(top + 1, 0, line, w, TUI_A_DIM, 0);
	} else
		tui_put(top + 1, 0, _("Type words with or without diacritics; "
		    "\"a phrase\", -word, a OR b, ngay:2026, tt:qua-han ..."), w,
		    TUI_A_DIM, 0);
	/* The selection in view: Down goes on past the screenful. */
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + fit)
		v->top = v->sel - fit + 1;
	for (i = v->top; v->have && i < v->res.nhits && i < v->top + fit;
	    i++) {
		const struct ph_search_hit *hit = &v->res.hits[i];
		enum tui_attr a = i == v->sel ? TUI_A_SELECTED :
		    TUI_A_NORMAL;
		y = top + 2 + 2 * (int)(i - v->top);
		snprintf(line, sizeof line, "%-10s ", ph_date_vn(hit->date, d));
		x = 0;
		x += tui_put(y, x, line, w - x, a, 0);
		if (*hit->number != '\0') {
			x += tui_put(y, x, hit->number, 14, a, 0);
			x += tui_put(y, x, " ", w - x, a, 0);
		}
		x += tui_put(y, x, hit->subject, w - x, a, 1);
		put_snippet(y + 1, 4, w - 4, hit, TUI_A_DIM);
	}
	/* The query line last, so that the cursor ends there, and shown:
	 * tui.c hides it before every screen draws. */
	x = tui_width(v->exact ? _("Find (exact): ") : _("Find: "));
	tui_edit_draw(&v->q, top, x, w - x, 1);
	leaveok(stdscr, FALSE);
	curs_set(1);
}

static enum tui_result
sv_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct sview	*v = sc->state;

	sc->dirty = 1;
	if (k->is_key) {
		switch (k->ch) {
		case KEY_DOWN:
			if (v->have && v->sel + 1 < v->res.nhits)
				v->sel++;
			return TUI_HANDLED;
		case KEY_UP:
			if (v->sel > 0)
				v->sel--;
			return TUI_HANDLED;
		case KEY_ENTER:
			goto open;
		case KEY_F(7):
			v->exact = !v->exact;
			sv_run(t, v, LINES);
			return TUI_HANDLED;
		}
	} else if (k->ch == '\r' || k->ch == '\n')
		goto open;
	if (tui_edit_key(&v->q, k)) {
		if (v->last == NULL || strcmp(v->last, v->q.text) != 0) {
			v->sel = 0;
			sv_run(t, v, LINES);
		}
		return TUI_HANDLED;
	}
	sc->dirty = 0;
	return TUI_UNHANDLED;
open:
	if (v->have && v->sel < v->res.nhits)
		tui_open_letter(t, v->res.hits[v->sel].id);
	return TUI_HANDLED;
}

static void
sv_destroy(struct tui_screen *sc)
{
	struct sview	*v = sc->state;

	if (v->have)
		ph_search_result_release(&v->res);
	tui_edit_release(&v->q);
	free(v->error);
	free(v->abbrev);
	free(v->last);
	free(v);
}

static const struct tui_keyhelp sv_help[] = {
	{ N_("(type)"), N_("the query; hits follow as you type") },
	{ N_("Up/Down"), N_("choose a hit") },
	{ N_("Enter"), N_("open the letter") },
	{ N_("F7"), N_("only words written as typed, diacritics included") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("Esc"), N_("back") },
	{ NULL, NULL }
};

static const struct tui_keyhelp sv_bar[] = {
	{ N_("Enter"), N_("Open") },
	{ N_("F7"), N_("Exact") },
	{ N_("F9"), N_("Telex/VNI") },
	{ NULL, NULL }
};

const struct tui_screen_ops tui_search_ops = {
	N_("Search"),
	sv_load,
	sv_draw,
	sv_key,
	NULL,
	sv_destroy,
	sv_help,
	sv_bar,
};

void
tui_open_search(struct tui *t, const char *query)
{
	struct sview	*v = ph_xcalloc(1, sizeof *v);

	tui_edit_init(&v->q, query != NULL ? query : "", 500);
	v->abbrev = ph_xasprintf("%s/abbreviations.tsv", tui_datadir(t));
	if (query != NULL)
		v->last = ph_xstrdup("");
	tui_push(t, &tui_search_ops, v);
}
