/*
 * tui-edit.c -- the one-line editor every form field uses.
 *
 * The text is NFC UTF-8 at all times: after every change the part before
 * the cursor is normalised again and the cursor put back after the same
 * letters, so a mark sent on its own by an input method ("e", U+0302)
 * joins its letter.  The cursor moves, and Backspace and Delete remove,
 * by grapheme: a letter with the marks on it, never half of "ệ".
 *
 * The built-in typing method is for a clerk on a PuTTY without Unikey:
 * F9 cycles off -> Telex -> VNI.  While it is on, the ASCII letters and
 * digits of the word being typed are kept in e->keys and the word from
 * e->word_start to the cursor is replaced, after each key, by what
 * ph_viet_input_word() makes of them; Backspace drops the last key.  Any
 * other key ends the word.  Characters that arrive already Vietnamese
 * (a real input method) are inserted as they are.
 *
 * tui_edit_key() never calls curses, so the editor is tested without a
 * terminal; only tui_edit_draw() writes to the screen (via tui_put()).
 * Nothing here knows about forms, labels or the store.
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

#define CTRL_KEY(c)	((c) & 0x1F)

/* Code points that start no grapheme of their own but ride on the one
 * before: the combining marks, and what a terminal draws in no column
 * (tui-draw.c joins exactly these to the cell before, so widths summed
 * grapheme by grapheme agree with tui_width() of the whole).  Controls
 * and the bidirectional formatting characters are shown escaped, so
 * they are graphemes of their own. */
static int
is_extender(uint32_t cp)
{
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
	    || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
	    || (cp >= 0xFE20 && cp <= 0xFE2F))
		return 1;
	if (cp < 0x300 || ph_utf8_is_control(cp))
		return 0;
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
	    || cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029
	    || cp == 0x061C)
		return 0;
	return wcwidth((wchar_t)cp) == 0;
}

/* The code point at S[POS] (text is always valid UTF-8). */
static uint32_t
cp_at(const char *s, size_t len, size_t pos)
{
	int32_t	cp = ph_utf8_decode(s, len, &pos);

	return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

/* The end of the grapheme that starts at POS. */
static size_t
grapheme_next(const char *s, size_t len, size_t pos)
{
	size_t	j;
	int32_t	cp;

	if (pos >= len)
		return len;
	(void)ph_utf8_decode(s, len, &pos);
	while (pos < len) {
		j = pos;
		cp = ph_utf8_decode(s, len, &j);
		if (cp < 0 || !is_extender((uint32_t)cp))
			break;
		pos = j;
	}
	return pos;
}

/* The start of the grapheme that ends at POS. */
static size_t
grapheme_prev(const char *s, size_t len, size_t pos)
{
	while (pos > 0) {
		do
			pos--;
		while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
		if (!is_extender(cp_at(s, len, pos)))
			break;
	}
	return pos;
}

/* The grapheme boundary at or before POS. */
static size_t
grapheme_floor(const char *s, size_t len, size_t pos)
{
	size_t	p = 0, n;

	if (pos >= len)
		return len;
	while ((n = grapheme_next(s, len, p)) <= pos && n > p)
		p = n;
	return p;
}

static size_t
count_chars(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* NFC of S[0..LEN) as a new string; the copy alone when there is no
 * mark Vietnamese composes (they all start with byte 0xCC). */
static char *
nfc_of(const char *s, size_t len)
{
	char	*copy = ph_xstrndup(s, len), *nfc;

	if (memchr(copy, 0xCC, len) == NULL)
		return copy;
	nfc = ph_viet_nfc(copy);
	free(copy);
	return nfc;
}

/* Take NEW (owned) as the text. */
static void
take_text(struct tui_edit *e, char *text, size_t len)
{
	free(e->text);
	e->text = text;
	e->len = len;
	e->cap = len + 1;
}

/*
 * Replace TEXT[FROM..TO) with INS[0..INSLEN) and put the cursor after
 * it; normalise.  Marks left at the start of what follows join the
 * insertion (the cursor goes after them).  Refused (0, nothing changed)
 * when the result would pass max_chars and is longer than before.
 */
static int
edit_replace(struct tui_edit *e, size_t from, size_t to, const char *ins,
    size_t inslen)
{
	struct ph_buf	 b;
	char		*pre, *out;
	size_t		 prelen, newlen;

	/* Marks at the start of what follows would compose with the
	 * insertion: they go before the cursor with it. */
	while (to < e->len && is_extender(cp_at(e->text, e->len, to)))
		(void)ph_utf8_decode(e->text, e->len, &to);
	ph_buf_init(&b);
	ph_buf_add(&b, e->text, from);
	ph_buf_add(&b, ins, inslen);
	pre = nfc_of(b.data != NULL ? b.data : "", b.len);
	ph_buf_release(&b);
	prelen = strlen(pre);
	newlen = prelen + (e->len - to);
	if (e->max_chars > 0) {
		size_t n = count_chars(pre, prelen) +
		    count_chars(e->text + to, e->len - to);
		if (n > e->max_chars && n > count_chars(e->text, e->len)) {
			free(pre);
			return 0;
		}
	}
	out = ph_xmalloc(newlen + 1);
	memcpy(out, pre, prelen);
	memcpy(out + prelen, e->text + to, e->len - to);
	out[newlen] = '\0';
	free(pre);
	take_text(e, out, newlen);
	e->cursor = prelen;
	return 1;
}

/* The word being composed ends: the next key starts another. */
static void
end_word(struct tui_edit *e)
{
	e->nkeys = 0;
	e->word_start = e->cursor;
}

void
tui_edit_init(struct tui_edit *e, const char *text, size_t max_chars)
{
	memset(e, 0, sizeof *e);
	e->max_chars = max_chars;
	e->method = -1;
	e->style = PH_TONE_STYLE_OLD;	/* as Unikey types by default */
	tui_edit_set(e, text);
}

void
tui_edit_release(struct tui_edit *e)
{
	free(e->text);
	e->text = NULL;
	e->len = e->cap = e->cursor = e->scroll = 0;
	e->nkeys = e->word_start = 0;
}

/*
 * Put TEXT in the field, cursor at the end.  Bytes that are not UTF-8
 * become U+FFFD, so the editor always holds text it can normalise.  A
 * text longer than max_chars is kept whole (cutting it would lose data
 * silently); only typing more is refused.
 */
void
tui_edit_set(struct tui_edit *e, const char *text)
{
	struct ph_buf	 b;
	size_t		 len, i = 0, start;
	char		*nfc;

	if (text == NULL)
		text = "";
	len = strlen(text);
	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	while (i < len) {
		start = i;
		if (ph_utf8_decode(text, len, &i) < 0)
			ph_buf_adds(&b, "\xef\xbf\xbd");
		else
			ph_buf_add(&b, text + start, i - start);
	}
	nfc = nfc_of(b.data, b.len);
	ph_buf_release(&b);
	take_text(e, nfc, strlen(nfc));
	e->cursor = e->len;
	e->scroll = 0;
	end_word(e);
}

/* Insert code point CP at the cursor. */
static void
insert_cp(struct tui_edit *e, uint32_t cp)
{
	char	buf[4];
	size_t	n = ph_utf8_encode(cp, buf);

	(void)edit_replace(e, e->cursor, e->cursor, buf, n);
}

/* One more key of the word being composed with the typing method. */
static void
compose_key(struct tui_edit *e, char key)
{
	char	*word;
	size_t	 wlen;

	if (e->nkeys == 0 || e->nkeys >= sizeof e->keys)
		end_word(e);
	e->keys[e->nkeys++] = key;
	word = ph_viet_input_word((enum ph_input_method)e->method, e->style,
	    e->keys, e->nkeys);
	wlen = strlen(word);
	if (!edit_replace(e, e->word_start, e->cursor, word, wlen))
		e->nkeys--;		/* over max_chars: the key is refused */
	else if (e->cursor != e->word_start + wlen ||
	    memcmp(e->text + e->word_start, word, wlen) != 0)
		end_word(e);		/* a mark after the cursor joined in */
	free(word);
}

static void
backspace(struct tui_edit *e)
{
	char	*word;

	if (e->nkeys > 0 && e->word_start <= e->cursor) {
		e->nkeys--;
		if (e->nkeys == 0) {
			(void)edit_replace(e, e->word_start, e->cursor, "", 0);
			end_word(e);
			return;
		}
		word = ph_viet_input_word((enum ph_input_method)e->method,
		    e->style, e->keys, e->nkeys);
		(void)edit_replace(e, e->word_start, e->cursor, word,
		    strlen(word));
		free(word);
		return;
	}
	end_word(e);
	if (e->cursor > 0)
		(void)edit_replace(e, grapheme_prev(e->text, e->len,
		    e->cursor), e->cursor, "", 0);
	end_word(e);
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

/* Ctrl-W: the blanks before the cursor, then back to the previous blank
 * (as a shell's Ctrl-W: "12/UBND" goes at once). */
static void
delete_word(struct tui_edit *e)
{
	size_t	p = e->cursor, q;

	while (p > 0) {
		q = grapheme_prev(e->text, e->len, p);
		if (!is_space(cp_at(e->text, e->len, q)))
			break;
		p = q;
	}
	while (p > 0) {
		q = grapheme_prev(e->text, e->len, p);
		if (is_space(cp_at(e->text, e->len, q)))
			break;
		p = q;
	}
	if (p < e->cursor)
		(void)edit_replace(e, p, e->cursor, "", 0);
}

int
tui_edit_key(struct tui_edit *e, const struct tui_key *k)
{
	wint_t	ch = k->ch;

	if (k->is_key) {
		switch (ch) {
		case KEY_LEFT:
			end_word(e);
			e->cursor = grapheme_prev(e->text, e->len, e->cursor);
			break;
		case KEY_RIGHT:
			end_word(e);
			e->cursor = grapheme_next(e->text, e->len, e->cursor);
			break;
		case KEY_HOME:
			e->cursor = 0;
			break;
		case KEY_END:
			e->cursor = e->len;
			break;
		case KEY_BACKSPACE:
			backspace(e);
			return 1;
		case KEY_DC:
			end_word(e);
			if (e->cursor < e->len)
				(void)edit_replace(e, e->cursor, grapheme_next(
				    e->text, e->len, e->cursor), "", 0);
			break;
		case KEY_F(9):
			e->method = e->method < 0 ? PH_INPUT_TELEX :
			    e->method == PH_INPUT_TELEX ? PH_INPUT_VNI : -1;
			break;
		default:
			return 0;
		}
		end_word(e);
		return 1;
	}
	switch (ch) {
	case CTRL_KEY('A'):
		e->cursor = 0;
		break;
	case CTRL_KEY('E'):
		e->cursor = e->len;
		break;
	case CTRL_KEY('H'):
	case 0x7F:
		backspace(e);
		return 1;
	case CTRL_KEY('U'):
		end_word(e);
		(void)edit_replace(e, 0, e->cursor, "", 0);
		break;
	case CTRL_KEY('K'):
		end_word(e);
		take_text(e, ph_xstrndup(e->text, e->cursor), e->cursor);
		break;
	case CTRL_KEY('W'):
		end_word(e);
		delete_word(e);
		break;
	default:
		/* Enter, Tab, Esc and the other controls are the form's. */
		if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0))
			return 0;
		/* Not a character: swallowed, never inserted. */
		if ((ch >= 0xD800 && ch <= 0xDFFF) || ch > 0x10FFFF)
			return 1;
		if (e->method >= 0 && ((ch >= 'a' && ch <= 'z') ||
		    (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			compose_key(e, (char)ch);
			return 1;
		}
		end_word(e);
		insert_cp(e, (uint32_t)ch);
		break;
	}
	end_word(e);
	return 1;
}

/* Columns of the grapheme at POS as tui_put() draws it. */
static int
grapheme_cols(const struct tui_edit *e, size_t pos)
{
	char	 buf[32], *p = buf;
	size_t	 end = grapheme_next(e->text, e->len, pos), n = end - pos;
	int	 w;

	if (n >= sizeof buf)
		p = ph_xmalloc(n + 1);
	memcpy(p, e->text + pos, n);
	p[n] = '\0';
	w = tui_width(p);
	if (p != buf)
		free(p);
	return w;
}

static int
span_cols(const struct tui_edit *e, size_t from, size_t to)
{
	int	w = 0;

	while (from < to) {
		w += grapheme_cols(e, from);
		from = grapheme_next(e->text, e->len, from);
	}
	return w;
}

/*
 * Choose e->scroll so that the cursor, and the grapheme under it, show
 * in WIDTH columns, bearing in mind that tui_put() gives up the last
 * column to "…" when the rest does not fit.  Returns the cursor's column
 * in the field.
 */
static int
fix_scroll(struct tui_edit *e, int width)
{
	int	c, rest, g, endx, wp;
	size_t	p;

	if (e->cursor > e->len)
		e->cursor = e->len;
	e->scroll = grapheme_floor(e->text, e->len, e->scroll);
	if (e->cursor < e->scroll) {
		/* Going left: show some of what comes before. */
		e->scroll = e->cursor;
		c = 0;
		while (e->scroll > 0) {
			p = grapheme_prev(e->text, e->len, e->scroll);
			wp = grapheme_cols(e, p);
			if (c + wp > width / 3)
				break;
			e->scroll = p;
			c += wp;
		}
	}
	c = span_cols(e, e->scroll, e->cursor);
	rest = span_cols(e, e->cursor, e->len);
	g = e->cursor < e->len ? grapheme_cols(e, e->cursor) : 1;
	endx = e->cursor == e->len ? 1 : 0;
	while (e->scroll < e->cursor && c + rest + endx > width &&
	    c + g > width - 1) {
		c -= grapheme_cols(e, e->scroll);
		e->scroll = grapheme_next(e->text, e->len, e->scroll);
	}
	/* Text deleted at the end: bring back what now fits. */
	while (e->scroll > 0) {
		p = grapheme_prev(e->text, e->len, e->scroll);
		wp = grapheme_cols(e, p);
		if (c + wp + rest + endx > width)
			break;
		e->scroll = p;
		c += wp;
	}
	return c;
}

void
tui_edit_draw(struct tui_edit *e, int y, int x, int width, int focused)
{
	int	c;

	if (width <= 0)
		return;
	c = fix_scroll(e, width);
	tui_put(y, x, e->text + e->scroll, width, TUI_A_NORMAL, 1);
	if (focused)
		move(y, x + (c < width ? c : width - 1));
}
