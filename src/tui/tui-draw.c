/*
 * tui-draw.c -- every string the TUI shows goes to the terminal here.
 *
 * tui_put() is the one door: text from anywhere (the database included)
 * is cut into cells, control characters and stray bytes are shown
 * escaped and dim (^A, ^[, \x9b, \xff) so that nothing a letter holds can
 * move the cursor or talk to the terminal, text is put in NFC so that
 * "Việt" typed in NFD takes one cell per letter, and a terminal that is
 * not UTF-8 gets plain ASCII (Đảng -> Dang, "…" -> "~", anything else
 * '?') instead of mojibake.  The attributes screens ask for (enum
 * tui_attr) become colour pairs, or bold/reverse/underline/dim when
 * colour is off (NO_COLOR, a monochrome terminal): colour is never the
 * only carrier of a meaning.
 *
 * tui_width() measures the same way without touching the terminal, so
 * the line editor and its tests can use it before initscr().  This file
 * knows nothing of screens, keys or the store.
 */
#include "config.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui.h"

/* What tui_draw_init() was told; UTF-8 until then, so that tui_width()
 * measures as a UTF-8 terminal would in the unit tests. */
static int	draw_utf8 = 1;
static int	draw_color;

/* One drawn unit: a glyph (a base character and the marks on it) or an
 * escape written in ASCII. */
struct cell {
	wchar_t	 wc[CCHARW_MAX + 1];	/* the glyph, NUL-terminated */
	char	 esc[12];		/* the escape ("^A", "\x9b"), or "" */
	int	 width;			/* columns */
};

enum {
	PAIR_TITLE = 1,
	PAIR_OVERDUE,
	PAIR_SOON,
	PAIR_ERROR
};

/* Combining marks that join the glyph before them (the same ranges as
 * ph_utf8_width() in viet-utf8.c). */
static int
is_mark(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
	    || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
	    || (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* Code points that are not C0/C1 controls but can still rearrange or
 * break what a terminal shows: bidirectional overrides and isolates, the
 * line and paragraph separators.  They are shown escaped too. */
static int
is_format_danger(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 &&
	    cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x061C;
}

static const char hexdig[] = "0123456789abcdef";

/* ESC as "\xNN" (4 columns) or, with U set, "\uNNNN" (6). */
static void
esc_hex(struct cell *c, uint32_t v, int u)
{
	char	*p = c->esc;
	int	 shift;

	*p++ = '\\';
	*p++ = u ? 'u' : 'x';
	for (shift = u ? 12 : 4; shift >= 0; shift -= 4)
		*p++ = hexdig[(v >> shift) & 0xF];
	*p = '\0';
	c->width = (int)(p - c->esc);
	c->wc[0] = L'\0';
}

/* Width of a printable code point in a UTF-8 terminal; wcwidth() first
 * (the locale's idea, which is the terminal's), our own table when the
 * C library does not know it.  -1: not printable. */
static int
cp_width(uint32_t cp)
{
	int	w = wcwidth((wchar_t)cp);

	if (w >= 0)
		return w;
	if (is_mark(cp))
		return 0;
	/* No UTF-8 locale (a unit test under LC_ALL=C): the core's table. */
	if (MB_CUR_MAX == 1) {
		char	 buf[5];
		size_t	 n = ph_utf8_encode(cp, buf);

		buf[n] = '\0';
		return (int)ph_utf8_width(buf);
	}
	return -1;
}

/* The ASCII stand-in for CP in a terminal that is not UTF-8; 0 to drop
 * it (a combining mark: its letter already stands for it). */
static uint32_t
ascii_of(uint32_t cp)
{
	uint32_t	f;

	if (cp < 0x80)
		return cp;
	if (is_mark(cp))
		return 0;
	switch (cp) {
	case 0x2026:			/* … */
		return '~';
	case 0x2013: case 0x2014: case 0x2212:	/* – — − */
		return '-';
	case 0x2018: case 0x2019:	/* ‘ ’ */
		return '\'';
	case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:
		return '"';
	case 0x00A0:
		return ' ';
	}
	f = ph_viet_fold_cp(cp);
	if (f == 0)
		return 0;
	if (f >= 0x80)
		return '?';
	if (ph_viet_lower_cp(cp) != cp && f >= 'a' && f <= 'z')
		f -= 'a' - 'A';		/* Đ -> D, Ả -> A */
	return f;
}

/*
 * Cut the next cell of S[*I..LEN) into C, advancing *I.  Returns 0 at the
 * end.  Marks after a glyph join it (those past what a curses cell holds
 * are dropped: they take no column); a mark with no glyph before it sits
 * on a space.  In ASCII mode marks vanish and the rest is folded.
 */
static int
next_cell(const char *s, size_t len, size_t *i, struct cell *c)
{
	int32_t		cp;
	uint32_t	a;
	size_t		start, j;
	int		n, w;

	for (;;) {
		if (*i >= len)
			return 0;
		start = *i;
		c->esc[0] = '\0';
		cp = ph_utf8_decode(s, len, i);
		if (cp < 0) {
			esc_hex(c, (unsigned char)s[start], 0);
			return 1;
		}
		if (ph_utf8_is_control((uint32_t)cp)) {
			if (cp < 0x20 || cp == 0x7F) {
				c->esc[0] = '^';
				c->esc[1] = cp == 0x7F ? '?' :
				    (char)(cp + 0x40);
				c->esc[2] = '\0';
				c->width = 2;
				c->wc[0] = L'\0';
			} else
				esc_hex(c, (uint32_t)cp, 0);
			return 1;
		}
		if (is_format_danger((uint32_t)cp)) {
			esc_hex(c, (uint32_t)cp, 1);
			return 1;
		}
		if (!draw_utf8) {
			if ((a = ascii_of((uint32_t)cp)) == 0)
				continue;	/* a mark: dropped */
			c->wc[0] = (wchar_t)a;
			c->wc[1] = L'\0';
			c->width = 1;
			return 1;
		}
		w = cp_width((uint32_t)cp);
		n = 0;
		if (w < 0) {
			c->wc[n++] = 0xFFFD;
			w = 1;
		} else if (w == 0) {
			/* A mark with nothing under it: on a space. */
			c->wc[n++] = L' ';
			c->wc[n++] = (wchar_t)cp;
			w = 1;
		} else
			c->wc[n++] = (wchar_t)cp;
		c->width = w;
		/* The marks that follow ride on this glyph. */
		while (*i < len) {
			j = *i;
			cp = ph_utf8_decode(s, len, &j);
			if (cp < 0 || ph_utf8_is_control((uint32_t)cp) ||
			    is_format_danger((uint32_t)cp) ||
			    cp_width((uint32_t)cp) != 0)
				break;
			if (n < CCHARW_MAX)
				c->wc[n++] = (wchar_t)cp;
			*i = j;
		}
		c->wc[n] = L'\0';
		return 1;
	}
}

/* Is there a mark Vietnamese composes (U+0300..U+033F, lead byte 0xCC)
 * in S?  Without one, NFC would change nothing. */
static int
needs_nfc(const char *s, size_t len)
{
	size_t	bad;

	return memchr(s, 0xCC, len) != NULL && ph_utf8_valid(s, len, &bad);
}

void
tui_draw_init(int utf8, int color)
{
	short	bg = COLOR_BLACK;

	draw_utf8 = utf8;
	draw_color = 0;
	if (!color || !has_colors() || start_color() == ERR)
		return;
	if (use_default_colors() == OK)
		bg = -1;
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_OVERDUE, COLOR_RED, bg);
	init_pair(PAIR_SOON, COLOR_YELLOW, bg);
	init_pair(PAIR_ERROR, COLOR_RED, bg);
	draw_color = 1;
}

/* The curses attributes and colour pair of A. */
static attr_t
attr_of(enum tui_attr a, short *pair)
{
	*pair = 0;
	if (draw_color) {
		switch (a) {
		case TUI_A_NORMAL:	return A_NORMAL;
		case TUI_A_TITLE:	*pair = PAIR_TITLE; return A_NORMAL;
		case TUI_A_HEADER:	return A_BOLD;
		case TUI_A_SELECTED:	return A_REVERSE;
		case TUI_A_OVERDUE:	*pair = PAIR_OVERDUE; return A_BOLD;
		case TUI_A_SOON:	*pair = PAIR_SOON; return A_NORMAL;
		case TUI_A_MATCH:	return A_BOLD | A_UNDERLINE;
		case TUI_A_DIM:		return A_DIM;
		case TUI_A_ERROR:	*pair = PAIR_ERROR; return A_BOLD;
		}
		return A_NORMAL;
	}
	switch (a) {
	case TUI_A_NORMAL:	return A_NORMAL;
	case TUI_A_TITLE:	return A_REVERSE;
	case TUI_A_HEADER:	return A_BOLD;
	case TUI_A_SELECTED:	return A_REVERSE;
	case TUI_A_OVERDUE:	return A_BOLD;
	case TUI_A_SOON:	return A_UNDERLINE;
	case TUI_A_MATCH:	return A_BOLD | A_UNDERLINE;
	case TUI_A_DIM:		return A_DIM;
	case TUI_A_ERROR:	return A_BOLD | A_REVERSE;
	}
	return A_NORMAL;
}

/* Write one wide glyph (NUL-terminated WC) at the cursor. */
static void
put_glyph(const wchar_t *wc, attr_t at, short pair)
{
	cchar_t	cc;

	if (setcchar(&cc, wc, at, pair, NULL) == OK)
		add_wch(&cc);
}

static void
put_ascii(const char *p, attr_t at, short pair)
{
	wchar_t	wc[2];

	wc[1] = L'\0';
	for (; *p != '\0'; p++) {
		wc[0] = (wchar_t)(unsigned char)*p;
		put_glyph(wc, at, pair);
	}
}

static void
put_cell(const struct cell *c, attr_t at, short pair)
{
	if (c->esc[0] != '\0')
		put_ascii(c->esc, at | A_DIM, pair);
	else
		put_glyph(c->wc, at, pair);
}

int
tui_put(int y, int x, const char *s, int width, enum tui_attr a, int pad)
{
	struct cell	 c;
	char		*nfc = NULL;
	const char	*t = s != NULL ? s : "";
	size_t		 len, i;
	int		 total = 0, used = 0, room;
	attr_t		 at;
	short		 pair;

	if (x < COLS && x + width > COLS)
		width = COLS - x;
	if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	len = strlen(t);
	if (needs_nfc(t, len)) {
		nfc = ph_viet_nfc(t);
		t = nfc;
		len = strlen(t);
	}
	/* Does it fit?  Stop measuring once it is known not to. */
	i = 0;
	while (total <= width && next_cell(t, len, &i, &c))
		total += c.width;
	at = attr_of(a, &pair);
	move(y, x);
	i = 0;
	room = total <= width ? width : width - 1;	/* keep one for "…" */
	while (next_cell(t, len, &i, &c)) {
		if (used + c.width > room)
			break;
		put_cell(&c, at, pair);
		used += c.width;
	}
	if (total > width) {
		/* A wide glyph that did not fit leaves a gap before the
		 * ellipsis; fill it so the "…" ends the field. */
		while (used < width - 1) {
			put_ascii(" ", at, pair);
			used++;
		}
		if (draw_utf8) {
			static const wchar_t ell[] = { 0x2026, 0 };
			put_glyph(ell, at, pair);
		} else
			put_ascii("~", at, pair);
		used++;
	}
	if (pad)
		for (; used < width; used++)
			put_ascii(" ", at, pair);
	free(nfc);
	return used;
}

int
tui_width(const char *s)
{
	struct cell	c;
	size_t		len, i = 0;
	int		w = 0;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (next_cell(s, len, &i, &c))
		w += c.width;
	return w;
}

void
tui_clear_rows(int top, int h)
{
	int	y;

	attrset(A_NORMAL);
	for (y = top; y < top + h && y < LINES; y++) {
		if (y < 0)
			continue;
		move(y, 0);
		clrtoeol();
	}
}
