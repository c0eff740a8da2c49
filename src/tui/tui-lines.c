/*
 * tui-lines.c -- text wrapped into the lines of a pager, for the screens
 * that show a long text (a letter, a regulation).
 *
 * Only the cutting: where a line ends is measured with tui_width(), so
 * it agrees with what tui_put() will draw.  Drawing and scrolling stay
 * with the screens.
 */
#include "config.h"

#include <curses.h>

#include <stdlib.h>
#include <string.h>

#include "tui.h"

void
tui_lines_clear(struct tui_lines *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	l->n = 0;
}

void
tui_lines_free(struct tui_lines *l)
{
	tui_lines_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

void
tui_lines_add(struct tui_lines *l, const char *text, size_t len,
    enum tui_attr a, int indent)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = ph_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].text = ph_xstrndup(text, len);
	l->v[l->n].attr = a;
	l->v[l->n++].indent = indent;
}

/* Columns of the first LEN bytes of S. */
static int
width_n(const char *s, size_t len)
{
	char	*piece = ph_xstrndup(s, len);
	int	 w = tui_width(piece);

	free(piece);
	return w;
}

/* One paragraph, P..END, no newline in it. */
static void
wrap_paragraph(struct tui_lines *l, const char *p, const char *end,
    int width, enum tui_attr a, int indent, int hang)
{
	const char	*sp, *best;
	int		 first = 1, in, w;

	while (p < end) {
		in = first ? indent : indent + hang;
		w = width - in;
		if (w < 10)
			w = 10;
		/* The longest run of whole words that fits. */
		best = NULL;
		sp = p;
		while (sp < end) {
			const char *nx = memchr(sp, ' ', (size_t)(end - sp));
			const char *cut = nx != NULL ? nx : end;

			if (width_n(p, (size_t)(cut - p)) > w)
				break;
			best = cut;
			if (nx == NULL)
				break;
			sp = nx + 1;
		}
		if (best == NULL) {
			/* One word wider than the line: cut by characters. */
			const char *q = p;
			while (q < end) {
				const char *n1 = q + 1;
				while (n1 < end &&
				    ((unsigned char)*n1 & 0xC0) == 0x80)
					n1++;
				if (q > p && width_n(p, (size_t)(n1 - p)) > w)
					break;
				q = n1;
			}
			best = q;
		}
		tui_lines_add(l, p, (size_t)(best - p), a, in);
		p = best;
		while (p < end && *p == ' ')
			p++;
		first = 0;
	}
}

void
tui_lines_wrap(struct tui_lines *l, const char *text, int width,
    enum tui_attr a, int indent, int hang)
{
	const char	*p = text, *end;

	while (*p != '\0') {
		if ((end = strchr(p, '\n')) == NULL)
			end = p + strlen(p);
		if (end == p)
			tui_lines_add(l, "", 0, a, indent);	/* blank line */
		else
			wrap_paragraph(l, p, end, width, a, indent, hang);
		p = *end == '\n' ? end + 1 : end;
	}
}

int
tui_lines_scroll(const struct tui_lines *l, size_t rows, size_t *top,
    const struct tui_key *k)
{
	size_t	maxtop = l->n > rows ? l->n - rows : 0;
	int	dir = 0;	/* -1 a line up, 1 a line down */

	if (k->is_key) {
		switch (k->ch) {
		case KEY_DOWN:
			dir = 1;
			break;
		case KEY_UP:
			dir = -1;
			break;
		case KEY_NPAGE:
			goto pgdn;
		case KEY_PPAGE:
			*top = *top > rows ? *top - rows : 0;
			return 1;
		case KEY_HOME:
			*top = 0;
			return 1;
		case KEY_END:
			*top = maxtop;
			return 1;
		case KEY_MOUSE:
			dir = k->mouse_button == 4 ? -1 :
			    k->mouse_button == 5 ? 1 : 0;
			break;
		default:
			return 0;
		}
	} else {
		switch (k->ch) {
		case 'j':
			dir = 1;
			break;
		case 'k':
			dir = -1;
			break;
		case ' ':
			goto pgdn;
		case 'g':
			*top = 0;
			return 1;
		case 'G':
			*top = maxtop;
			return 1;
		default:
			return 0;
		}
	}
	if (dir > 0 && *top < maxtop)
		(*top)++;
	else if (dir < 0 && *top > 0)
		(*top)--;
	return 1;
pgdn:
	*top = *top + rows < maxtop ? *top + rows : maxtop;
	return 1;
}
