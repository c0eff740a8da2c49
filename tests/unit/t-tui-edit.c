/*
 * t-tui-edit.c -- the line editor without a terminal: typing ASCII and
 * Vietnamese (NFC and NFD), grapheme-wise movement and deletion, the
 * kill keys, max_chars, the built-in Telex and VNI, F9; tui_width() on
 * controls, wide characters and marks.  At the end, when the terminfo
 * entry for xterm is there, tui_put() and tui_edit_draw() are checked on
 * a curses screen written to /dev/null and read back cell by cell.
 */
#include "config.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "tui/tui.h"

/* "Việt" as some input methods send it: e, circumflex, dot below. */
#define VIET_NFD	"Vie\xcc\x82\xcc\xa3t"
#define VIET_NFD2	"Vie\xcc\xa3\xcc\x82t"	/* the marks the other way */

static int
press(struct tui_edit *e, wint_t ch)
{
	struct tui_key	k;

	memset(&k, 0, sizeof k);
	k.ch = ch;
	return tui_edit_key(e, &k);
}

static int
fkey(struct tui_edit *e, int code)
{
	struct tui_key	k;

	memset(&k, 0, sizeof k);
	k.ch = (wint_t)code;
	k.is_key = 1;
	return tui_edit_key(e, &k);
}

/* Type the UTF-8 string S one code point at a time, as wget_wch gives. */
static void
type(struct tui_edit *e, const char *s)
{
	size_t	len = strlen(s), i = 0;
	int32_t	cp;

	while (i < len)
		if ((cp = ph_utf8_decode(s, len, &i)) >= 0)
			press(e, (wint_t)cp);
}

static void
repeat(struct tui_edit *e, int code, int n)
{
	while (n-- > 0)
		fkey(e, code);
}

/* Read WIDTH columns of row Y back as UTF-8 into OUT (256 bytes). */
static void
read_row(int y, int width, char *out)
{
	cchar_t		 cc;
	wchar_t		 wch[CCHARW_MAX + 1], *q;
	attr_t		 at;
	short		 pair;
	char		*p = out;
	int		 x;

	for (x = 0; x < width && p < out + 256 - 4 * CCHARW_MAX - 1; x++) {
		if (mvin_wch(y, x, &cc) == ERR ||
		    getcchar(&cc, wch, &at, &pair, NULL) == ERR)
			continue;
		for (q = wch; *q != L'\0'; q++)
			p += ph_utf8_encode((uint32_t)*q, p);
		if (wcwidth(wch[0]) == 2)
			x++;		/* the wide glyph's second column */
	}
	*p = '\0';
}

/* tui_put() and tui_edit_draw() on a screen nobody sees. */
static void
draw_tests(void)
{
	FILE		*out, *in;
	SCREEN		*scr;
	struct tui_edit	 e;
	cchar_t		 cc;
	wchar_t		 wch[CCHARW_MAX + 1];
	attr_t		 at;
	short		 pair;
	char		 row[256];
	int		 n, i;

	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	scr = out != NULL && in != NULL ? newterm("xterm", out, in) : NULL;
	if (scr == NULL) {
		for (i = 0; i < 15; i++)
			ok(1, "t-tui-edit.%d # SKIP no xterm terminfo",
			    200 + i);
		if (out != NULL)
			fclose(out);
		if (in != NULL)
			fclose(in);
		return;
	}
	resizeterm(24, 80);
	tui_draw_init(1, 0);

	n = tui_put(0, 0, "Đảng ủy", 10, TUI_A_NORMAL, 1);
	is_int(n, 10, "t-tui-edit.200 padded to the width");
	/* Read the row back as UTF-8, one column at a time. */
	read_row(0, 10, row);
	is_str(row, "Đảng ủy   ", "t-tui-edit.201 text and padding drawn");

	n = tui_put(1, 0, "Ủy ban nhân dân xã", 8, TUI_A_NORMAL, 0);
	read_row(1, 8, row);
	ok(n == 8 && strcmp(row, "Ủy ban …") == 0,
	    "t-tui-edit.202 cut with an ellipsis (%d, %s)", n, row);

	tui_put(2, 0, "a\x1b[2Jb", 10, TUI_A_NORMAL, 0);
	read_row(2, 7, row);
	mvin_wch(2, 1, &cc);
	getcchar(&cc, wch, &at, &pair, NULL);
	ok(strcmp(row, "a^[[2Jb") == 0 && (at & A_DIM),
	    "t-tui-edit.203 ESC shown as a dim ^[ (%s)", row);

	tui_put(3, 0, "x\xc2\x9by\xff", 10, TUI_A_NORMAL, 0);
	read_row(3, 10, row);
	is_str(row, "x\\x9by\\xff", "t-tui-edit.204 C1 and a bad byte escaped");

	tui_put(4, 0, VIET_NFD, 10, TUI_A_NORMAL, 0);
	read_row(4, 4, row);
	is_str(row, "Việt", "t-tui-edit.205 NFD drawn as one cell a letter");

	tui_put(5, 0, "中文字", 4, TUI_A_NORMAL, 0);
	read_row(5, 4, row);
	is_str(row, "中 …", "t-tui-edit.206 a wide glyph that does not fit");

	tui_put(6, 0, "Chọn", 4, TUI_A_SELECTED, 0);
	mvin_wch(6, 0, &cc);
	getcchar(&cc, wch, &at, &pair, NULL);
	ok(at & A_REVERSE, "t-tui-edit.207 selected is reverse without colour");

	tui_draw_init(0, 0);
	n = tui_put(7, 0, "Đảng ỦY 中…", 20, TUI_A_NORMAL, 0);
	read_row(7, n, row);
	is_str(row, "Dang UY ?~", "t-tui-edit.208 ASCII terminal: marks go");
	tui_put(8, 0, "Ủy ban nhân dân xã", 8, TUI_A_NORMAL, 0);
	read_row(8, 8, row);
	is_str(row, "Uy ban ~", "t-tui-edit.209 ASCII terminal: cut with ~");
	tui_draw_init(1, 0);

	tui_edit_init(&e, "", 0);
	type(&e, "abcdefghijklmnopqrstuvwxyz0123");
	tui_edit_draw(&e, 9, 0, 10, 1);
	ok(getcurx(stdscr) == 9 && e.scroll == 21,
	    "t-tui-edit.210 scrolled to keep the cursor in view (%d, %zu)",
	    getcurx(stdscr), e.scroll);
	fkey(&e, KEY_HOME);
	tui_edit_draw(&e, 9, 0, 10, 1);
	n = getcurx(stdscr);
	read_row(9, 10, row);
	ok(n == 0 && e.scroll == 0 && strcmp(row, "abcdefghi…") == 0,
	    "t-tui-edit.211 Home scrolls back (%d, %zu, %s)", n, e.scroll,
	    row);
	repeat(&e, KEY_RIGHT, 9);
	tui_edit_draw(&e, 9, 0, 10, 1);
	n = getcurx(stdscr);
	read_row(9, 10, row);
	ok(n == 8 && strcmp(row, "bcdefghij…") == 0,
	    "t-tui-edit.212 the cursor never sits on the ellipsis (%d, %s)",
	    n, row);
	tui_edit_set(&e, "中文中文中文");
	tui_edit_draw(&e, 10, 0, 5, 1);
	n = getcurx(stdscr);
	read_row(10, 5, row);
	ok(n == 4 && strcmp(row, "中文 ") == 0,
	    "t-tui-edit.213 wide characters scroll by their width (%d, %s)",
	    n, row);
	tui_edit_set(&e, "x\x01y");
	tui_edit_draw(&e, 11, 0, 10, 1);
	n = getcurx(stdscr);
	read_row(11, 10, row);
	ok(n == 4 && strcmp(row, "x^Ay      ") == 0,
	    "t-tui-edit.214 a control in the field is drawn escaped (%d, %s)",
	    n, row);
	tui_edit_release(&e);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

int
main(void)
{
	struct tui_edit	e;
	int		r;

	plan_lazy();
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		(void)setlocale(LC_ALL, "C.utf8");

	/* ---- typing */
	tui_edit_init(&e, NULL, 0);
	ok(e.text != NULL && e.len == 0 && e.cursor == 0 && e.method == -1,
	    "t-tui-edit.1 empty field, method off");
	type(&e, "abc");
	ok(strcmp(e.text, "abc") == 0 && e.cursor == 3,
	    "t-tui-edit.2 ASCII typed");
	tui_edit_set(&e, "");
	type(&e, "Đảng ủy");
	is_str(e.text, "Đảng ủy", "t-tui-edit.3 NFC Vietnamese typed");
	is_int((int64_t)e.cursor, (int64_t)strlen("Đảng ủy"),
	    "t-tui-edit.4 cursor at the end");
	tui_edit_set(&e, "");
	type(&e, VIET_NFD);
	is_str(e.text, "Việt", "t-tui-edit.5 NFD typed is kept NFC");
	is_int((int64_t)e.cursor, (int64_t)strlen("Việt"),
	    "t-tui-edit.6 cursor after the composed letters");
	tui_edit_set(&e, "");
	type(&e, VIET_NFD2);
	is_str(e.text, "Việt", "t-tui-edit.7 marks in the other order too");
	tui_edit_set(&e, VIET_NFD);
	is_str(e.text, "Việt", "t-tui-edit.8 tui_edit_set normalises");
	tui_edit_set(&e, "a\xff" "b");
	is_str(e.text, "a\xef\xbf\xbd" "b",
	    "t-tui-edit.9 a bad byte becomes U+FFFD");

	/* ---- graphemes over "Việt" typed in NFD */
	tui_edit_set(&e, "");
	type(&e, VIET_NFD);
	fkey(&e, KEY_LEFT);
	is_int((int64_t)e.cursor, 5, "t-tui-edit.10 Left: before t");
	fkey(&e, KEY_LEFT);
	is_int((int64_t)e.cursor, 2, "t-tui-edit.11 Left: before ệ, whole");
	fkey(&e, KEY_RIGHT);
	is_int((int64_t)e.cursor, 5, "t-tui-edit.12 Right: over ệ, whole");
	fkey(&e, KEY_HOME);
	is_int((int64_t)e.cursor, 0, "t-tui-edit.13 Home");
	fkey(&e, KEY_LEFT);
	is_int((int64_t)e.cursor, 0, "t-tui-edit.14 Left at the start stays");
	fkey(&e, KEY_END);
	is_int((int64_t)e.cursor, (int64_t)e.len, "t-tui-edit.15 End");
	fkey(&e, KEY_RIGHT);
	is_int((int64_t)e.cursor, (int64_t)e.len,
	    "t-tui-edit.16 Right at the end stays");
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "Việ", "t-tui-edit.17 Backspace removes t");
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "Vi", "t-tui-edit.18 Backspace removes ệ whole");
	press(&e, 0x7F);
	is_str(e.text, "V", "t-tui-edit.19 DEL (PuTTY's Backspace) too");
	press(&e, 0x08);
	is_str(e.text, "", "t-tui-edit.20 Ctrl-H too");
	r = fkey(&e, KEY_BACKSPACE);
	ok(r == 1 && e.len == 0,
	    "t-tui-edit.21 Backspace on empty is harmless");

	tui_edit_set(&e, VIET_NFD);
	press(&e, 0x01);
	is_int((int64_t)e.cursor, 0, "t-tui-edit.22 Ctrl-A");
	fkey(&e, KEY_RIGHT);
	fkey(&e, KEY_RIGHT);
	fkey(&e, KEY_DC);
	is_str(e.text, "Vit", "t-tui-edit.23 Delete removes ệ whole");
	is_int((int64_t)e.cursor, 2, "t-tui-edit.24 cursor stays");
	type(&e, "ệ");
	is_str(e.text, "Việt", "t-tui-edit.25 insert in the middle");
	is_int((int64_t)e.cursor, 5,
	    "t-tui-edit.26 cursor after the insertion");
	press(&e, 0x05);
	is_int((int64_t)e.cursor, (int64_t)e.len, "t-tui-edit.27 Ctrl-E");
	fkey(&e, KEY_DC);
	is_str(e.text, "Việt", "t-tui-edit.28 Delete at the end does nothing");

	/* A mark typed on its own joins the letter before the cursor. */
	tui_edit_set(&e, "Viet");
	fkey(&e, KEY_LEFT);
	press(&e, 0x302);
	ok(strcmp(e.text, "Viêt") == 0 && e.cursor == 4,
	    "t-tui-edit.29 a lone circumflex composes (cursor %zu)", e.cursor);
	press(&e, 0x323);
	ok(strcmp(e.text, "Việt") == 0 && e.cursor == 5,
	    "t-tui-edit.30 then the dot below (cursor %zu)", e.cursor);
	tui_edit_set(&e, "");
	press(&e, 0x301);
	type(&e, "a");
	ok(e.len > 0 && e.cursor == e.len,
	    "t-tui-edit.31 a mark with nothing before it is kept");
	fkey(&e, KEY_HOME);
	fkey(&e, KEY_RIGHT);
	is_int((int64_t)e.cursor, 2,
	    "t-tui-edit.32 the lone mark is one grapheme");

	/* ---- kill keys */
	tui_edit_set(&e, "Đảng ủy");
	fkey(&e, KEY_HOME);
	repeat(&e, KEY_RIGHT, 4);
	press(&e, 0x0B);
	is_str(e.text, "Đảng", "t-tui-edit.33 Ctrl-K kills to the end");
	tui_edit_set(&e, "Đảng ủy");
	fkey(&e, KEY_HOME);
	repeat(&e, KEY_RIGHT, 4);
	press(&e, 0x15);
	ok(strcmp(e.text, " ủy") == 0 && e.cursor == 0,
	    "t-tui-edit.34 Ctrl-U kills to the start");
	tui_edit_set(&e, "Đảng ủy xã");
	press(&e, 0x17);
	is_str(e.text, "Đảng ủy ", "t-tui-edit.35 Ctrl-W kills a word");
	press(&e, 0x17);
	is_str(e.text, "Đảng ", "t-tui-edit.36 Ctrl-W takes the blank too");
	press(&e, 0x17);
	is_str(e.text, "", "t-tui-edit.37 Ctrl-W the first word");
	r = press(&e, 0x17);
	ok(r == 1 && e.len == 0, "t-tui-edit.38 Ctrl-W on empty");
	tui_edit_set(&e, "số 12/UBND");
	press(&e, 0x17);
	is_str(e.text, "số ", "t-tui-edit.39 Ctrl-W: up to the blank");
	tui_edit_set(&e, "Đảng ủy xã");
	fkey(&e, KEY_LEFT);
	fkey(&e, KEY_LEFT);
	press(&e, 0x17);
	ok(strcmp(e.text, "Đảng xã") == 0 && e.cursor == strlen("Đảng "),
	    "t-tui-edit.40 Ctrl-W mid-line");

	/* ---- max_chars */
	tui_edit_release(&e);
	tui_edit_init(&e, "", 5);
	type(&e, "abcdefg");
	is_str(e.text, "abcde", "t-tui-edit.41 max_chars stops typing");
	r = press(&e, 'x');
	ok(r == 1 && strcmp(e.text, "abcde") == 0,
	    "t-tui-edit.42 a refused key is still used");
	press(&e, 0x302);
	is_str(e.text, "abcdê", "t-tui-edit.43 a mark that composes fits");
	tui_edit_set(&e, "");
	type(&e, "Việt Nam");
	is_str(e.text, "Việt ", "t-tui-edit.44 max_chars counts characters");
	tui_edit_release(&e);
	tui_edit_init(&e, "abcdefgh", 5);
	is_str(e.text, "abcdefgh", "t-tui-edit.45 a longer text is kept");
	type(&e, "x");
	is_str(e.text, "abcdefgh", "t-tui-edit.46 but not lengthened");
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "abcdefg", "t-tui-edit.47 and can be shortened");
	tui_edit_release(&e);

	/* ---- keys left to the form */
	tui_edit_init(&e, "abc", 0);
	ok(press(&e, '\n') == 0 && press(&e, '\r') == 0,
	    "t-tui-edit.48 Enter is the form's");
	ok(press(&e, '\t') == 0, "t-tui-edit.49 Tab is the form's");
	ok(press(&e, 27) == 0, "t-tui-edit.50 Esc is the form's");
	ok(fkey(&e, KEY_UP) == 0 && fkey(&e, KEY_DOWN) == 0,
	    "t-tui-edit.51 Up and Down are the form's");
	ok(fkey(&e, KEY_BTAB) == 0 && fkey(&e, KEY_ENTER) == 0,
	    "t-tui-edit.52 Shift-Tab and keypad Enter are the form's");
	ok(fkey(&e, KEY_PPAGE) == 0 && fkey(&e, KEY_NPAGE) == 0,
	    "t-tui-edit.53 PgUp and PgDn are the form's");
	ok(fkey(&e, KEY_F(1)) == 0 && fkey(&e, KEY_F(10)) == 0,
	    "t-tui-edit.54 F-keys other than F9 are the form's");
	ok(press(&e, 0x02) == 0 && press(&e, 0x9b) == 0 &&
	    strcmp(e.text, "abc") == 0,
	    "t-tui-edit.55 other controls neither used nor inserted");
	ok(press(&e, 'd') == 1 && fkey(&e, KEY_LEFT) == 1,
	    "t-tui-edit.56 characters and arrows are the editor's");

	/* ---- F9 and the typing methods */
	tui_edit_set(&e, "");
	fkey(&e, KEY_F(9));
	is_int(e.method, PH_INPUT_TELEX, "t-tui-edit.57 F9: Telex");
	fkey(&e, KEY_F(9));
	is_int(e.method, PH_INPUT_VNI, "t-tui-edit.58 F9: VNI");
	r = fkey(&e, KEY_F(9));
	ok(r == 1 && e.method == -1, "t-tui-edit.59 F9: off again");
	type(&e, "vieetj");
	is_str(e.text, "vieetj", "t-tui-edit.60 method off: keys as typed");

	tui_edit_set(&e, "");
	e.method = PH_INPUT_TELEX;
	type(&e, "vieetj nam");
	is_str(e.text, "việt nam", "t-tui-edit.61 Telex: vieetj nam");
	is_int((int64_t)e.cursor, (int64_t)e.len,
	    "t-tui-edit.62 cursor at the end");
	tui_edit_set(&e, "");
	type(&e, "vieetj");
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "viêt", "t-tui-edit.63 Backspace drops the last key");
	press(&e, 0x7F);
	is_str(e.text, "viê", "t-tui-edit.64 and again");
	type(&e, "tj");
	is_str(e.text, "việt", "t-tui-edit.65 typing on after Backspace");
	repeat(&e, KEY_BACKSPACE, 6);
	is_str(e.text, "", "t-tui-edit.66 Backspace through the whole word");
	type(&e, "VIEETJ");
	is_str(e.text, "VIỆT", "t-tui-edit.67 Telex in capitals");
	tui_edit_set(&e, "");
	type(&e, "Ddangr uyr ddoongf chis");
	is_str(e.text, "Đảng ủy đồng chí", "t-tui-edit.68 Telex sentence");
	tui_edit_set(&e, "");
	e.style = PH_TONE_STYLE_NEW;
	type(&e, "uyr hoaf");
	is_str(e.text, "uỷ hoà", "t-tui-edit.69 Telex, new tone style");
	e.style = PH_TONE_STYLE_OLD;
	tui_edit_set(&e, "");
	type(&e, "tieengs vieet");
	is_str(e.text, "tiếng viêt", "t-tui-edit.70 a space ends the word");
	fkey(&e, KEY_BACKSPACE);
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "tiếng vie", "t-tui-edit.71 Backspace mid-word, twice");
	tui_edit_set(&e, "");
	type(&e, "vie");
	fkey(&e, KEY_LEFT);
	fkey(&e, KEY_RIGHT);
	type(&e, "e");
	is_str(e.text, "viee", "t-tui-edit.72 moving the cursor ends the word");
	tui_edit_set(&e, "");
	type(&e, "a");
	type(&e, "ư");
	type(&e, "s");
	is_str(e.text, "aưs", "t-tui-edit.73 a Vietnamese character as is");
	tui_edit_set(&e, "ab");
	fkey(&e, KEY_HOME);
	type(&e, "aa");
	ok(strcmp(e.text, "âab") == 0 && e.cursor == 2,
	    "t-tui-edit.74 composing before other text (%s)", e.text);
	tui_edit_set(&e, "");
	type(&e, "vieet");
	fkey(&e, KEY_F(9));
	type(&e, "j");
	ok(strcmp(e.text, "viêtj") == 0 && e.method == PH_INPUT_VNI,
	    "t-tui-edit.75 F9 ends the word (%s)", e.text);
	tui_edit_set(&e, "");
	type(&e, "vie65t D9a3ng");
	is_str(e.text, "việt Đảng", "t-tui-edit.76 VNI");
	fkey(&e, KEY_BACKSPACE);
	is_str(e.text, "việt Đản", "t-tui-edit.77 VNI Backspace drops a key");
	tui_edit_release(&e);
	tui_edit_init(&e, "", 3);
	e.method = PH_INPUT_TELEX;
	type(&e, "vieetj");
	is_str(e.text, "việ", "t-tui-edit.78 Telex within max_chars");
	tui_edit_release(&e);
	ok(e.text == NULL, "t-tui-edit.79 released");

	/* ---- tui_width */
	is_int(tui_width("abc"), 3, "t-tui-edit.100 ASCII width");
	is_int(tui_width("Việt"), 4, "t-tui-edit.101 NFC width");
	is_int(tui_width(VIET_NFD), 4,
	    "t-tui-edit.102 NFD width: marks take none");
	is_int(tui_width("\x01"), 2, "t-tui-edit.103 ^A");
	is_int(tui_width("\x1b[31m"), 6, "t-tui-edit.104 ^[ then [31m");
	is_int(tui_width("\x7f"), 2, "t-tui-edit.105 DEL as ^?");
	is_int(tui_width("\xc2\x9b"), 4, "t-tui-edit.106 C1 as \\x9b");
	is_int(tui_width("\xff"), 4, "t-tui-edit.107 bad byte as \\xff");
	is_int(tui_width("中文"), 4, "t-tui-edit.108 wide characters");
	is_int(tui_width("\xcc\x81" "a"), 2,
	    "t-tui-edit.109 a lone mark on a space");
	is_int(tui_width("a\xe2\x80\xae" "b"), 8,
	    "t-tui-edit.110 bidi override escaped");
	is_int(tui_width(""), 0, "t-tui-edit.111 empty");
	is_int(tui_width(NULL), 0, "t-tui-edit.112 NULL");
	is_int(tui_width("a\tb"), 4, "t-tui-edit.113 tab as ^I");

	draw_tests();
	return done();
}
