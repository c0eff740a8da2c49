/*
 * tui.c -- the terminal: curses set-up, the main loop, the stack of
 * screens, signals, resize, the title and bottom bars, the message line,
 * help, and the keys every screen shares (F1-F8, n, Esc, q).
 *
 * Screens own their state and draw only their body; this file owns
 * everything else on the terminal.  The body is drawn again only when a
 * screen is dirty or has handled a key, and the terminal is written once
 * per turn of the loop (wnoutrefresh, doupdate), so that moving a
 * selection sends a few bytes over a slow SSH link.  Every 2 seconds the
 * store's data version is read, and the top screen loads again when
 * another process changed the register.  No drawing of text here but
 * through tui_put() (tui-draw.c); no SQL anywhere in the TUI.
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "intl.h"
#include "tui.h"

#define TUI_MIN_LINES	24
#define TUI_MIN_COLS	80
#define TUI_POLL_MS	2000
#undef CTRL			/* <termios.h> has one of its own */
#define CTRL(c)		((c) & 0x1f)

struct tui {
	const struct tui_opts	*opts;
	struct ph_store		*st;
	struct ph_calendar	*cal;
	int			 utf8, color, readonly;
	struct tui_screen	**stack;	/* [n - 1] is on top */
	size_t			 n, cap;
	char			*unit;		/* our unit's name, or NULL */
	int64_t			 data_version;
	struct ph_date		 day;		/* the day screens were loaded */
	long			 last_poll;	/* ms, monotonic */
	char			 msg[512];
	int			 msg_error;
	int			 too_small;
	int			 cur_y, cur_x;	/* cursor after the body's draw */
	/* Where the bottom bar's items are, for a mouse click. */
	struct {
		int		 x0, x1;
		const char	*keys;		/* msgid: "F1", "Enter", "q" */
	}			 bar[24];
	int			 nbar;
};

/* Set by the signal handlers; read by the main loop only. */
static volatile sig_atomic_t	quit_signal;	/* SIGHUP, SIGTERM */
static volatile sig_atomic_t	got_sigint;

static const char *const weekdays[] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };

/* The keys every screen shares, for the help overlay. */
static const struct tui_keyhelp global_help[] = {
	{ N_("F1, ?"), N_("this help") },
	{ N_("F2"), N_("today: what is overdue and due soon") },
	{ N_("F3"), N_("the register of incoming letters") },
	{ N_("F4"), N_("the register of outgoing letters") },
	{ N_("F5, /"), N_("search") },
	{ N_("F6, n"), N_("register a new incoming letter") },
	{ N_("Shift-F6, N"), N_("a new outgoing letter, its number proposed") },
	{ N_("F7"), N_("the coordination regulations (quy chế)") },
	{ N_("F8"), N_("the calendar: lunar dates, days off, deadlines") },
	{ N_("Esc, q"), N_("close this screen (on the last one, quit)") },
	{ N_("Ctrl-L"), N_("redraw the screen") },
	{ N_("Ctrl-Z"), N_("suspend phoihop (the command fg brings it back)") },
	{ NULL, NULL }
};

static void	render(struct tui *);

static void
on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void
on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct tui_screen *
top_screen(struct tui *t)
{
	return t->n > 0 ? t->stack[t->n - 1] : NULL;
}

static void
load_unit(struct tui *t)
{
	struct ph_unit	u;

	free(t->unit);
	t->unit = NULL;
	memset(&u, 0, sizeof u);
	if (ph_store_unit_get(t->st, &u, NULL) == PH_OK && u.name != NULL)
		t->unit = ph_xstrdup(u.name);
	ph_unit_release(&u);
}

static void
load_screen(struct tui *t, struct tui_screen *s)
{
	if (s->ops->load != NULL)
		s->ops->load(t, s);
	s->dirty = 1;
}

static void
mark_all_dirty(struct tui *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		t->stack[i]->dirty = 1;
}

/* Take S off the stack wherever it is and free it; the screen now on
 * top loads again (what S did may have changed its data). */
static void
remove_screen(struct tui *t, struct tui_screen *s)
{
	size_t	i;
	int	was_top = top_screen(t) == s;

	for (i = 0; i < t->n; i++)
		if (t->stack[i] == s)
			break;
	if (i == t->n)
		return;
	memmove(t->stack + i, t->stack + i + 1,
	    (t->n - i - 1) * sizeof *t->stack);
	t->n--;
	if (s->ops->destroy != NULL)
		s->ops->destroy(s);
	free(s);
	if (was_top && t->n > 0)
		load_screen(t, top_screen(t));
}

void
tui_push(struct tui *t, const struct tui_screen_ops *ops, void *state)
{
	struct tui_screen	*s = ph_xcalloc(1, sizeof *s);

	s->ops = ops;
	s->state = state;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->stack = ph_xrealloc(t->stack, t->cap * sizeof *t->stack);
	}
	t->stack[t->n++] = s;
	load_screen(t, s);
}

void
tui_say(struct tui *t, int error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

struct ph_store *
tui_store(struct tui *t)
{
	return t->st;
}

struct ph_calendar *
tui_calendar(struct tui *t)
{
	return t->cal;
}

struct ph_date
tui_today(struct tui *t)
{
	(void)t;
	return ph_today();
}

const char *
tui_db_path(struct tui *t)
{
	return t->opts->db_path;
}

void
tui_draft_when(const char *saved, char buf[32])
{
	/* 2026-11-20T09:05:00+07:00 -> 20/11/2026 09:05 */
	if (strlen(saved) >= 16)
		snprintf(buf, 32, "%.2s/%.2s/%.4s %.5s", saved + 8, saved + 5,
		    saved, saved + 11);
	else
		snprintf(buf, 32, "%s", saved);
}

const char *
tui_datadir(struct tui *t)
{
	return t->opts->datadir;
}

int
tui_utf8(struct tui *t)
{
	return t->utf8;
}

int
tui_color(struct tui *t)
{
	return t->color;
}

/* ---- drawing the frame */

static void
draw_title(struct tui *t)
{
	struct tui_screen	*s = top_screen(t);
	struct ph_date		 today = ph_today();
	const char		*sep = t->utf8 ? " \xc2\xb7 " : " - ";
	char			 left[256], right[64], vn[16];
	int			 rw, lw;

	ph_date_vn(today, vn);
	snprintf(right, sizeof right, "%s %s ",
	    _(weekdays[ph_date_weekday(today)]), vn);
	snprintf(left, sizeof left, " phoihop%s%s%s%s", sep,
	    s != NULL ? _(s->ops->title) : "", t->readonly ? sep : "",
	    t->readonly ? _("read-only") : "");
	tui_put(0, 0, "", COLS, TUI_A_TITLE, 1);
	rw = tui_width(right);
	lw = tui_put(0, 0, left, COLS - rw - 1, TUI_A_TITLE, 0);
	/* The unit's name (from the database) between them, cut first. */
	if (t->unit != NULL && COLS - rw - lw - 4 > 8) {
		int uw = tui_width(t->unit), room = COLS - rw - lw - 4;

		if (uw > room)
			uw = room;
		tui_put(0, COLS - rw - uw - 2, t->unit, uw, TUI_A_TITLE, 0);
	}
	tui_put(0, COLS - rw, right, rw, TUI_A_TITLE, 0);
}

/* Add item KEYS WHAT (msgids) at *X if it fits before LIMIT. */
static int
bar_item(struct tui *t, int *x, int limit, const char *keys,
    const char *what)
{
	const char	*k = _(keys), *w = _(what);
	int		 need = tui_width(k) + 1 + tui_width(w);

	if (*x + need > limit)
		return 0;
	if (t->nbar < (int)(sizeof t->bar / sizeof t->bar[0])) {
		t->bar[t->nbar].x0 = *x;
		t->bar[t->nbar].x1 = *x + need;
		t->bar[t->nbar].keys = keys;
		t->nbar++;
	}
	*x += tui_put(LINES - 1, *x, k, need, TUI_A_HEADER, 0);
	*x += tui_put(LINES - 1, *x, " ", 1, TUI_A_TITLE, 0);
	*x += tui_put(LINES - 1, *x, w, need, TUI_A_TITLE, 0);
	*x += 2;
	return 1;
}

static void
draw_bar(struct tui *t)
{
	struct tui_screen		*s = top_screen(t);
	const struct tui_keyhelp	*b;
	const char			*quit = t->n > 1 ? N_("Back") :
					    N_("Quit");
	int				 x = 1, globals;

	t->nbar = 0;
	tui_put(LINES - 1, 0, "", COLS, TUI_A_TITLE, 1);
	/* The global keys keep their place: help is how keys are found. */
	globals = tui_width(_("Help")) + tui_width(_(quit)) + 8;
	if (s != NULL && s->ops->bar != NULL)
		for (b = s->ops->bar; b->keys != NULL; b++)
			if (!bar_item(t, &x, COLS - globals, b->keys, b->what))
				break;
	bar_item(t, &x, COLS, "F1", N_("Help"));
	bar_item(t, &x, COLS, "q", quit);
}

static void
draw_message(struct tui *t)
{
	tui_put(LINES - 2, 0, t->msg, COLS, t->msg_error ? TUI_A_ERROR :
	    TUI_A_NORMAL, 1);
}

static void
render(struct tui *t)
{
	struct tui_screen	*s = top_screen(t);
	int			 small;
	char			 line[256];

	small = LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS;
	if (small) {
		curs_set(0);
		werase(stdscr);
		snprintf(line, sizeof line,
		    _("The window is too small: phoihop needs %dx%d, it is %dx%d."),
		    TUI_MIN_COLS, TUI_MIN_LINES, COLS, LINES);
		tui_put(LINES > 1 ? (LINES - 1) / 2 : 0, 0, line, COLS,
		    TUI_A_NORMAL, 1);
		t->too_small = 1;
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (t->too_small) {
		t->too_small = 0;
		werase(stdscr);
		mark_all_dirty(t);
	}
	draw_title(t);
	draw_message(t);
	draw_bar(t);
	if (s != NULL && s->dirty) {
		/* No cursor unless the screen shows one (a form's field):
		 * curses then leaves it where the last change ended, with no
		 * move to send. */
		leaveok(stdscr, TRUE);
		curs_set(0);
		tui_clear_rows(1, LINES - 3);
		s->ops->draw(t, s, 1, LINES - 3, COLS);
		s->dirty = 0;
		getyx(stdscr, t->cur_y, t->cur_x);
	}
	wmove(stdscr, t->cur_y, t->cur_x);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- reading keys */

/* A key from the terminal into K: 1; 0 for an event that is not one (a
 * mouse event of a button we do not use); -1 on a timeout or a signal. */
static int
read_key(struct tui *t, struct tui_key *k)
{
	wint_t	wc;
	int	r;
	MEVENT	me;

	(void)t;
	memset(k, 0, sizeof *k);
	r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return -1;
	k->ch = wc;
	k->is_key = r == KEY_CODE_YES;
	if (!k->is_key || wc != KEY_MOUSE)
		return 1;
	if (getmouse(&me) != OK)
		return 0;
	if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		k->mouse_button = 1;
	else if (me.bstate & BUTTON4_PRESSED)
		k->mouse_button = 4;
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED)
		k->mouse_button = 5;
#endif
	else
		return 0;
	k->mouse_y = me.y - 1;
	k->mouse_x = me.x;
	return 1;
}

/* The key a bar item names ("F3", "Enter", "q"), or 0. */
static int
bar_key(const char *keys, struct tui_key *k)
{
	memset(k, 0, sizeof *k);
	if (keys[0] == 'F' && keys[1] >= '1' && keys[1] <= '9') {
		k->is_key = 1;
		k->ch = KEY_F(atoi(keys + 1));
	} else if (strcmp(keys, "Enter") == 0)
		k->ch = '\r';
	else if (strcmp(keys, "Esc") == 0)
		k->ch = 27;
	else if (strcmp(keys, "Tab") == 0)
		k->ch = '\t';
	else if (keys[0] != '\0' && keys[1] == '\0' &&
	    (unsigned char)keys[0] < 0x80)
		k->ch = (unsigned char)keys[0];
	else
		return 0;
	return 1;
}

/* ---- help */

static int
help_keys_width(const struct tui_keyhelp *h, int w)
{
	for (; h != NULL && h->keys != NULL; h++)
		if (tui_width(_(h->keys)) > w)
			w = tui_width(_(h->keys));
	return w;
}

static void
help_overlay(struct tui *t)
{
	struct tui_screen		*s = top_screen(t);
	const struct tui_keyhelp	*mine = s != NULL ? s->ops->help : NULL;
	const struct tui_keyhelp	*h;
	const struct tui_keyhelp	**rows;
	struct tui_key			 k;
	size_t				 n = 0, i, page = 0, per, pages = 1;
	int				 kw, y;
	char				 head[256];

	for (h = mine; h != NULL && h->keys != NULL; h++)
		n++;
	rows = ph_xcalloc(n + 2 + sizeof global_help / sizeof global_help[0],
	    sizeof *rows);
	n = 0;
	for (h = mine; h != NULL && h->keys != NULL; h++)
		rows[n++] = h;
	if (n > 0)
		rows[n++] = NULL;		/* a blank line, then: */
	rows[n++] = NULL;			/* "Everywhere" */
	for (h = global_help; h->keys != NULL; h++)
		rows[n++] = h;
	for (;;) {
		if (quit_signal)
			break;
		if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS) {
			render(t);
		} else {
			per = (size_t)(LINES - 5);
			pages = (n + per - 1) / per;
			if (page >= pages)
				page = pages - 1;
			kw = help_keys_width(mine, help_keys_width(global_help,
			    0));
			if (kw > 24)
				kw = 24;
			draw_title(t);
			tui_clear_rows(1, LINES - 3);
			snprintf(head, sizeof head, _("Keys of \"%s\""),
			    s != NULL ? _(s->ops->title) : "");
			tui_put(1, 1, head, COLS - 2, TUI_A_HEADER, 0);
			for (i = page * per, y = 3; i < n && i < (page + 1) *
			    per; i++, y++) {
				if (rows[i] == NULL) {
					if (i + 1 < n && rows[i + 1] ==
					    global_help)
						tui_put(y, 1, _("Everywhere"),
						    COLS - 2, TUI_A_HEADER, 0);
					continue;
				}
				tui_put(y, 3, _(rows[i]->keys), kw,
				    TUI_A_NORMAL, 1);
				tui_put(y, 3 + kw + 2, _(rows[i]->what),
				    COLS - kw - 6, TUI_A_NORMAL, 0);
			}
			if (pages > 1)
				snprintf(t->msg, sizeof t->msg,
				    _("Page %zu of %zu: Space for the next, any other key closes."),
				    page + 1, pages);
			else
				snprintf(t->msg, sizeof t->msg, "%s",
				    _("Any key closes the help."));
			t->msg_error = 0;
			draw_message(t);
			tui_put(LINES - 1, 0, "", COLS, TUI_A_TITLE, 1);
			wnoutrefresh(stdscr);
			doupdate();
		}
		if (read_key(t, &k) <= 0) {
			if (got_sigint)
				break;
			continue;
		}
		if (k.is_key && k.ch == KEY_RESIZE)
			continue;
		if (k.is_key && k.ch == KEY_MOUSE)
			continue;
		if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS)
			continue;
		if ((!k.is_key && k.ch == ' ') ||
		    (k.is_key && (k.ch == KEY_NPAGE || k.ch == KEY_DOWN))) {
			if (page + 1 < pages) {
				page++;
				continue;
			}
		} else if (k.is_key && (k.ch == KEY_PPAGE || k.ch == KEY_UP)) {
			if (page > 0)
				page--;
			continue;
		}
		break;
	}
	free(rows);
	t->msg[0] = '\0';
	if (s != NULL)
		s->dirty = 1;
}

int
tui_confirm(struct tui *t, const char *question)
{
	struct tui_key	k;
	int		yes = 0;

	for (;;) {
		snprintf(t->msg, sizeof t->msg, _("%s (y/n)"), question);
		t->msg_error = 0;
		render(t);
		if (read_key(t, &k) <= 0) {
			if (quit_signal || got_sigint)
				break;
			continue;
		}
		if (k.is_key && (k.ch == KEY_RESIZE || k.ch == KEY_MOUSE))
			continue;
		/* "y" in either language, and "c" for "có". */
		if (!k.is_key && (k.ch == 'y' || k.ch == 'Y' || k.ch == 'c' ||
		    k.ch == 'C'))
			yes = 1;
		break;
	}
	t->msg[0] = '\0';
	return yes;
}

/* ---- the loop */

/* Another process changed the register, or the day changed: load the
 * top screen again.  At most every TUI_POLL_MS. */
static void
poll_changes(struct tui *t)
{
	struct tui_screen	*s = top_screen(t);
	struct ph_date		 today;
	int64_t			 v;
	long			 now = now_ms();
	int			 reload = 0;

	if (now - t->last_poll < TUI_POLL_MS)
		return;
	t->last_poll = now;
	if (ph_store_data_version(t->st, &v, NULL) == PH_OK &&
	    v != t->data_version) {
		t->data_version = v;
		load_unit(t);
		reload = 1;
	}
	today = ph_today();
	if (ph_date_cmp(today, t->day) != 0) {
		t->day = today;
		reload = 1;
	}
	if (reload && s != NULL)
		load_screen(t, s);
}

/* F2: the start screen to the top, keeping every screen above it. */
static void
go_today(struct tui *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++) {
		struct tui_screen *s = t->stack[i];

		if (s->ops != &tui_dash_ops)
			continue;
		memmove(t->stack + i, t->stack + i + 1,
		    (t->n - i - 1) * sizeof *t->stack);
		t->stack[t->n - 1] = s;
		load_screen(t, s);
		return;
	}
	tui_push(t, &tui_dash_ops, NULL);
}

/* F6, n (incoming) and Shift-F6, N (outgoing): the new letter's form, or
 * the one already open brought to the top (two forms would keep one
 * draft). */
static void
go_new_letter(struct tui *t, enum ph_direction dir)
{
	size_t	i;

	for (i = 0; i < t->n; i++) {
		struct tui_screen *s = t->stack[i];

		if (!tui_is_letterform(s, dir))
			continue;
		memmove(t->stack + i, t->stack + i + 1,
		    (t->n - i - 1) * sizeof *t->stack);
		t->stack[t->n - 1] = s;
		load_screen(t, s);
		return;
	}
	tui_open_letterform(t, dir);
}

/* The keys a screen left alone.  Returns 1 to quit. */
static int
global_key(struct tui *t, const struct tui_key *k)
{
	wint_t	c = k->ch;

	if (k->is_key) {
		if (c == KEY_F(1))
			help_overlay(t);
		else if (c == KEY_F(2))
			go_today(t);
		else if (c == KEY_F(3))
			tui_open_register(t, PH_DIR_IN);
		else if (c == KEY_F(4))
			tui_open_register(t, PH_DIR_OUT);
		else if (c == KEY_F(5))
			tui_open_search(t, NULL);
		else if (c == KEY_F(7))
			tui_open_agreements(t);
		else if (c == KEY_F(8))
			tui_open_calendar(t);
		else if (c == KEY_F(6))
			go_new_letter(t, PH_DIR_IN);
		else if (c == KEY_F(18))	/* Shift-F6 */
			go_new_letter(t, PH_DIR_OUT);
		return 0;
	}
	switch (c) {
	case '?':
		help_overlay(t);
		break;
	case '/':
		tui_open_search(t, NULL);
		break;
	case 'n':
		go_new_letter(t, PH_DIR_IN);
		break;
	case 'N':
		go_new_letter(t, PH_DIR_OUT);
		break;
	case 27:
	case 'q':
		if (t->n <= 1)
			return 1;
		remove_screen(t, top_screen(t));
		break;
	}
	return 0;
}

static void
set_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the read in wget_wch() returns, the loop looks. */
	sa.sa_handler = on_quit_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
}

static int
terminal_is_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "UTF8") == 0);
}

static enum ph_status
open_store(struct tui *t, struct ph_error *err)
{
	enum ph_status	s;

	s = ph_store_open(t->opts->db_path, PH_STORE_WRITE, &t->st, err);
	if (s == PH_ERR_READONLY)
		/* A closed register (no write bits): read it all the same. */
		s = ph_store_open(t->opts->db_path, PH_STORE_READ, &t->st,
		    err);
	if (s != PH_OK)
		return s;
	ph_store_set_datadir(t->st, t->opts->datadir);
	t->readonly = ph_store_is_readonly(t->st);
	return PH_OK;
}

/*
 * The keys as terminals send them whatever their terminfo entry says: a
 * PuTTY left at its defaults claims "xterm" but sends ESC [ 1 ~ for Home
 * and ESC [ 11 ~ for F1; the Linux console sends ESC [ [ A for F1; a
 * "vt100" entry knows no Home, End or PgDn at all; a terminal in the
 * wrong cursor-key mode sends ESC [ A where ESC O A was promised.  Each
 * sequence the entry does not already bind is taught to curses, so that
 * a key never arrives as Esc (which closes the screen) and three stray
 * characters.
 */
static void
define_fallback_keys(void)
{
	static const struct {
		const char	*seq;
		int		 code;
	} keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
		{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
		{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033OM", KEY_ENTER },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
		{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
		{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
		{ "\033[[E", KEY_F(5) }, { "\033[15~", KEY_F(5) },
		{ "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) },
		{ "\033[19~", KEY_F(8) }, { "\033[20~", KEY_F(9) },
		{ "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) },
		{ "\033[24~", KEY_F(12) },
	};
	size_t	i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].code);
}

static void
start_curses(struct tui *t)
{
	const char	*nc = getenv("NO_COLOR");
	struct termios	 tio;

	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	define_fallback_keys();
	/* Ctrl-S saves a form: not XOFF, which would freeze the screen. */
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
			def_prog_mode();
	}
	curs_set(0);
	t->color = (nc == NULL || *nc == '\0') && has_colors();
	if (t->color) {
		start_color();
		use_default_colors();
	}
	/* Clicks and the wheel where the terminal reports them (xterm,
	 * PuTTY, tmux, screen); a terminal without a mouse says 0.  Not on
	 * the Linux console: there ncurses would load the GPM client, which
	 * keeps memory it never frees and reads a mouse the clerk at a
	 * console keyboard does not use. */
	{
		const char *term = getenv("TERM");
		if (term == NULL || strncmp(term, "linux", 5) != 0) {
			mouseinterval(0);
			mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED |
			    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			    | BUTTON5_PRESSED
#endif
			    , NULL);
		}
	}
	tui_draw_init(t->utf8, t->color);
	wtimeout(stdscr, TUI_POLL_MS);
}

/* SIGHUP, SIGTERM: keep what was typed, leave the terminal as found
 * (if it is still there), exit 0. */
static void
save_drafts(struct tui *t)
{
	size_t	i;

	for (i = t->n; i > 0; i--)
		if (t->stack[i - 1]->ops->save_draft != NULL)
			t->stack[i - 1]->ops->save_draft(t, t->stack[i - 1]);
}

int
tui_main(const struct tui_opts *o)
{
	struct tui		 t;
	struct tui_key		 k;
	struct tui_screen	*s;
	struct ph_error		 err;
	SCREEN			*scr;
	enum tui_result		 res;
	long			 before;
	int			 fast_errors = 0, got, i;

	memset(&t, 0, sizeof t);
	t.opts = o;
	if (open_store(&t, &err) != PH_OK ||
	    ph_calendar_load(o->datadir, &t.cal, &err) != PH_OK) {
		fputs("phoihop: ", stderr);
		fputs(err.msg[0] != '\0' ? err.msg : _("unknown error"), stderr);
		fputc('\n', stderr);
		ph_store_close(t.st);
		return 1;
	}
	load_unit(&t);
	ph_store_data_version(t.st, &t.data_version, NULL);
	t.day = ph_today();
	t.last_poll = now_ms();
	t.utf8 = terminal_is_utf8();
	set_signals();
	set_escdelay(25);
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, _("phoihop: cannot use the terminal \"%s\"\n"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		ph_store_close(t.st);
		ph_calendar_free(t.cal);
		free(t.unit);
		return 1;
	}
	start_curses(&t);
	tui_push(&t, &tui_dash_ops, NULL);
	tui_letterform_offer_drafts(&t);
	tui_caseform_offer_drafts(&t);
	if (t.readonly)
		tui_say(&t, 0, "%s",
		    _("This register is closed: it can be read, not changed."));
	while (t.n > 0 && !quit_signal) {
		render(&t);
		before = now_ms();
		got = read_key(&t, &k);
		if (quit_signal)
			break;
		if (got_sigint) {
			/* Ctrl-C is "copy" to a Windows hand: not a quit. */
			got_sigint = 0;
			tui_say(&t, 0, "%s",
			    _("Ctrl-C does not quit here: press q to close a screen."));
			continue;
		}
		if (got == 0)
			continue;
		if (got < 0) {
			/* A read that fails at once, again and again: the
			 * terminal has gone without a SIGHUP. */
			if (now_ms() - before < 50) {
				if (++fast_errors > 100) {
					quit_signal = SIGHUP;
					break;
				}
			} else
				fast_errors = 0;
			poll_changes(&t);
			continue;
		}
		fast_errors = 0;
		poll_changes(&t);
		if (k.is_key && k.ch == KEY_RESIZE) {
			/* ncurses has resized stdscr already (SIGWINCH). */
			werase(stdscr);
			mark_all_dirty(&t);
			continue;
		}
		if (!k.is_key && k.ch == CTRL('L')) {
			clearok(stdscr, TRUE);
			mark_all_dirty(&t);
			continue;
		}
		t.msg[0] = '\0';
		if (t.too_small) {
			/* Nothing shows: q leaves as a hang-up would. */
			if (!k.is_key && (k.ch == 'q' || k.ch == 27)) {
				quit_signal = SIGTERM;
				break;
			}
			continue;
		}
		if (k.is_key && k.ch == KEY_MOUSE && k.mouse_button == 1 &&
		    k.mouse_y == LINES - 2) {
			/* A click on the bottom bar: the key it shows. */
			struct tui_key	bk;

			for (i = 0; i < t.nbar; i++)
				if (k.mouse_x >= t.bar[i].x0 &&
				    k.mouse_x < t.bar[i].x1)
					break;
			if (i == t.nbar || !bar_key(t.bar[i].keys, &bk))
				continue;
			k = bk;
		} else if (k.is_key && k.ch == KEY_MOUSE &&
		    (k.mouse_y < 0 || k.mouse_y >= LINES - 3))
			continue;
		s = top_screen(&t);
		res = s->ops->key != NULL ? s->ops->key(&t, s, &k) :
		    TUI_UNHANDLED;
		if (res == TUI_HANDLED) {
			s->dirty = 1;
		} else if (res == TUI_CLOSE) {
			remove_screen(&t, s);
		} else if (global_key(&t, &k))
			break;
	}
	if (quit_signal)
		save_drafts(&t);
	while (t.n > 0) {
		s = t.stack[--t.n];
		if (s->ops->destroy != NULL)
			s->ops->destroy(s);
		free(s);
	}
	free(t.stack);
	/* After a hang-up there is no terminal to restore. */
	if (isatty(STDOUT_FILENO) && isatty(STDIN_FILENO))
		endwin();
	delscreen(scr);
	ph_store_close(t.st);
	ph_calendar_free(t.cal);
	free(t.unit);
	return 0;
}
