/*
 * tui-form.c -- a form: labelled one-line fields, one under the other.
 *
 * Each field is a tui_edit with a kind that says how its text is read:
 * plain text, a date (dd/mm/yyyy, yyyy-mm-dd, "h" for today, "+N" for N
 * working days after today, written back as dd/mm/yyyy when the clerk
 * leaves the field), an organization (the known ones that match what is
 * typed, marks and case ignored, listed under the field; a name that
 * matches none is said to be new), a number, or a choice from a keyword
 * table (Space cycles).  Tab, Shift-Tab, Up, Down and Enter move between
 * fields; an error found by a check shows under its field until the
 * field is changed.  Saving and leaving are the screen's: the form only
 * holds, checks and draws the fields, and reads the organizations
 * through the core.  No SQL here; everything drawn through tui_put().
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "intl.h"
#include "tui.h"

#define CTRL_KEY(c)	((c) & 0x1F)

void
tui_form_init(struct tui_form *fm)
{
	memset(fm, 0, sizeof *fm);
	ph_strv_init(&fm->orgs);
	ph_strv_init(&fm->folded);
}

static void
clear_sugg(struct tui_field *f)
{
	size_t	i;

	for (i = 0; i < f->nsugg; i++)
		free(f->sugg[i]);
	f->nsugg = 0;
	f->pick = -1;
}

void
tui_form_release(struct tui_form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		tui_edit_release(&fm->f[i].edit);
		free(fm->f[i].initial);
		free(fm->f[i].error);
		clear_sugg(&fm->f[i]);
	}
	free(fm->f);
	ph_strv_release(&fm->orgs);
	ph_strv_release(&fm->folded);
	memset(fm, 0, sizeof *fm);
}

/* The index of WORD in a choice table, or 0. */
static int
choice_index(const struct ph_keyword *tab, const char *word)
{
	int	i;

	for (i = 0; tab[i].word != NULL; i++)
		if (strcmp(tab[i].word, word) == 0)
			return i;
	return 0;
}

static int
choice_count(const struct ph_keyword *tab)
{
	int	n = 0;

	while (tab[n].word != NULL)
		n++;
	return n;
}

struct tui_field *
tui_form_add(struct tui_form *fm, const char *name, const char *label,
    enum tui_field_kind kind, const char *text, size_t max_chars)
{
	struct tui_field	*f;

	fm->f = ph_xrealloc(fm->f, (fm->n + 1) * sizeof *fm->f);
	f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->name = name;
	f->label = label;
	f->kind = kind;
	f->pick = -1;
	tui_edit_init(&f->edit, text != NULL ? text : "", max_chars);
	f->initial = ph_xstrdup(f->edit.text);
	return f;
}

struct tui_field *
tui_form_field(struct tui_form *fm, const char *name)
{
	size_t	i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->f[i].name, name) == 0)
			return &fm->f[i];
	return NULL;
}

const char *
tui_form_text(struct tui_form *fm, const char *name)
{
	struct tui_field	*f = tui_form_field(fm, name);

	return f != NULL ? f->edit.text : "";
}

void
tui_form_set_style(struct tui_form *fm, enum ph_tone_style style)
{
	size_t	i;

	for (i = 0; i < fm->n; i++)
		fm->f[i].edit.style = style;
}

void
tui_form_unit_style(struct tui *t, struct tui_form *fm)
{
	struct ph_unit	u;

	memset(&u, 0, sizeof u);
	if (ph_store_unit_get(tui_store(t), &u, NULL) == PH_OK &&
	    u.tone_style >= 0)
		tui_form_set_style(fm, (enum ph_tone_style)u.tone_style);
	ph_unit_release(&u);
}

void
tui_form_reload(struct tui_form *fm)
{
	ph_strv_release(&fm->orgs);
	ph_strv_release(&fm->folded);
	ph_strv_init(&fm->orgs);
	ph_strv_init(&fm->folded);
	fm->orgs_loaded = 0;
}

/* ---- organizations */

static int
org_cb(const struct ph_org *o, void *arg)
{
	struct tui_form	*fm = arg;

	if (o->is_self || o->name == NULL)
		return 0;
	ph_strv_push(&fm->orgs, o->name);
	ph_strv_take(&fm->folded, ph_viet_fold(o->name));
	return 0;
}

static void
load_orgs(struct tui *t, struct tui_form *fm)
{
	struct ph_error	err;

	if (fm->orgs_loaded)
		return;
	fm->orgs_loaded = 1;
	if (ph_store_org_list(tui_store(t), org_cb, fm, &err) != PH_OK)
		tui_say(t, 1, "%s", err.msg);
}

/* The suggestions for F's text: the first five organizations whose
 * folded name holds the folded text; whether the text is new. */
static void
suggest(struct tui *t, struct tui_form *fm, struct tui_field *f)
{
	char	*q, *key, *k2;
	size_t	 i;
	int	 found = 0;

	clear_sugg(f);
	f->is_new = 0;
	f->hide = 0;
	for (q = f->edit.text; *q == ' '; q++)
		;
	if (*q == '\0')
		return;
	load_orgs(t, fm);
	q = ph_viet_fold(f->edit.text);
	key = ph_viet_exact_key(f->edit.text);
	for (i = 0; i < fm->orgs.n; i++) {
		if (strstr(fm->folded.v[i], q) == NULL)
			continue;
		k2 = ph_viet_exact_key(fm->orgs.v[i]);
		if (strcmp(k2, key) == 0)
			found = 1;
		free(k2);
		if (f->nsugg < sizeof f->sugg / sizeof f->sugg[0])
			f->sugg[f->nsugg++] = ph_xstrdup(fm->orgs.v[i]);
	}
	f->is_new = !found;
	/* The name typed is a known one: nothing to pick. */
	if (found && f->nsugg == 1)
		clear_sugg(f);
	free(q);
	free(key);
}

/* ---- checking */

static void
set_error(struct tui_field *f, char *msg)
{
	free(f->error);
	f->error = msg;
}

/* Read F's text by its kind: F->error set (or cleared); 0 if good.
 * A date is written back as dd/mm/yyyy. */
static int
check_field(struct tui *t, struct tui_field *f)
{
	struct ph_error	 err;
	const char	*s = f->edit.text, *p;
	char		 buf[11];
	long		 n;

	set_error(f, NULL);
	while (*s == ' ')
		s++;
	f->date = PH_DATE_NONE;
	f->number = 0;
	if (*s == '\0' || f->kind == TUI_FIELD_CHOICE) {
		if (*s == '\0' && f->required && f->kind != TUI_FIELD_CHOICE) {
			set_error(f, ph_xstrdup(_("required: this field cannot be empty")));
			return 1;
		}
		return 0;
	}
	switch (f->kind) {
	case TUI_FIELD_DATE:
		if ((s[0] == 'h' || s[0] == 'H') && s[1] == '\0')
			f->date = tui_today(t);
		else if (s[0] == '+') {
			for (p = s + 1, n = 0; *p >= '0' && *p <= '9' && n <
			    10000; p++)
				n = n * 10 + (*p - '0');
			if (p == s + 1 || *p != '\0' || n >= 10000) {
				set_error(f, ph_xasprintf(
				    _("not a number of working days: \"%s\""),
				    s));
				return 1;
			}
			if (ph_calendar_add_workdays(tui_calendar(t),
			    tui_today(t), (int)n, &f->date, &err) != PH_OK) {
				set_error(f, ph_xstrdup(err.msg));
				return 1;
			}
		} else if (ph_date_parse(s, &f->date, &err) != PH_OK) {
			set_error(f, ph_xstrdup(err.msg));
			return 1;
		}
		ph_date_vn(f->date, buf);
		if (strcmp(buf, f->edit.text) != 0)
			tui_edit_set(&f->edit, buf);
		break;
	case TUI_FIELD_NUMBER:
		for (p = s, n = 0; *p >= '0' && *p <= '9' && n < 100000000L;
		    p++)
			n = n * 10 + (*p - '0');
		while (*p == ' ')
			p++;
		if (*p != '\0' || n >= 100000000L) {
			set_error(f, ph_xasprintf(_("not a number: \"%s\""), s));
			return 1;
		}
		f->number = n;
		break;
	default:
		break;
	}
	return 0;
}

struct tui_field *
tui_form_check(struct tui *t, struct tui_form *fm)
{
	struct tui_field	*first = NULL;
	size_t			 i;

	for (i = 0; i < fm->n; i++)
		if (check_field(t, &fm->f[i]) != 0 && first == NULL) {
			first = &fm->f[i];
			fm->cur = i;
		}
	return first;
}

int
tui_form_changed(const struct tui_form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		const struct tui_field *f = &fm->f[i];

		if (f->kind == TUI_FIELD_CHOICE ? f->choice != choice_index(
		    f->choices, f->initial) : strcmp(f->edit.text,
		    f->initial) != 0)
			return 1;
	}
	return 0;
}

/* ---- drafts */

void
tui_form_to_draft(const struct tui_form *fm, struct ph_draft *d)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		const struct tui_field *f = &fm->f[i];

		ph_draft_set(d, f->name, f->kind == TUI_FIELD_CHOICE ?
		    f->choices[f->choice].word : f->edit.text);
	}
}

void
tui_form_from_draft(struct tui_form *fm, const struct ph_draft *d)
{
	size_t		 i;
	const char	*v;

	for (i = 0; i < fm->n; i++) {
		struct tui_field *f = &fm->f[i];

		if ((v = ph_draft_get(d, f->name)) == NULL)
			continue;
		if (f->kind == TUI_FIELD_CHOICE)
			f->choice = choice_index(f->choices, v);
		else
			tui_edit_set(&f->edit, v);
	}
}

/* ---- keys */

/* Leave the current field for field TO: a date or number is read at
 * once, so that "h" shows as the date it means. */
static void
go_field(struct tui *t, struct tui_form *fm, size_t to)
{
	struct tui_field	*f = &fm->f[fm->cur];

	/* An empty required field is said on saving, not on passing. */
	if ((f->kind == TUI_FIELD_DATE || f->kind == TUI_FIELD_NUMBER) &&
	    f->edit.text[strspn(f->edit.text, " ")] != '\0')
		(void)check_field(t, f);
	if (f->kind == TUI_FIELD_ORG)
		f->hide = 1;
	fm->cur = to;
}

static void
take_pick(struct tui_field *f)
{
	if (f->pick < 0 || (size_t)f->pick >= f->nsugg)
		return;
	tui_edit_set(&f->edit, f->sugg[f->pick]);
	f->edit.cursor = f->edit.len;
	clear_sugg(f);
	f->is_new = 0;
	f->hide = 1;
}

static int
choice_key(struct tui_field *f, const struct tui_key *k)
{
	int	n = choice_count(f->choices), i, c;

	if (n == 0)
		return 0;
	if (k->is_key && k->ch == KEY_LEFT) {
		f->choice = (f->choice + n - 1) % n;
		return 1;
	}
	if ((k->is_key && k->ch == KEY_RIGHT) || (!k->is_key && k->ch == ' ')) {
		f->choice = (f->choice + 1) % n;
		return 1;
	}
	if (k->is_key || k->ch >= 0x80 || k->ch < 0x20)
		return 0;
	/* A letter: the next choice whose word starts with it. */
	c = (int)k->ch | 0x20;
	for (i = 1; i <= n; i++)
		if ((f->choices[(f->choice + i) % n].word[0] | 0x20) == c) {
			f->choice = (f->choice + i) % n;
			return 1;
		}
	return 1;
}

/* Enter on a long text: the clerk's editor on it. */
static void
long_edit(struct tui *t, struct tui_field *f)
{
	struct ph_error	 err;
	char		*text = ph_xstrdup(f->edit.text);

	set_error(f, NULL);
	if (tui_editor_run(t, &text, PH_BODY_MAX, &err) != PH_OK) {
		/* Beside the field, and whole on the message line. */
		set_error(f, ph_xstrdup(err.msg));
		tui_say(t, 1, "%s", err.msg);
	}
	else
		tui_edit_set(&f->edit, text);
	free(text);
}

/* A long text in one row: its first line, and how much there is. */
static void
long_draw(struct tui_field *f, int y, int x, int w, int focused)
{
	const char	*s = f->edit.text, *nl;
	size_t		 lines = 0, chars = 0;
	char		*first, *line;
	int		 used;

	if (*s == '\0') {
		tui_put(y, x, _("(empty; Enter writes it in the text editor)"),
		    w, focused ? TUI_A_SELECTED : TUI_A_DIM, 0);
		return;
	}
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			lines++;
		if (((unsigned char)*s & 0xC0) != 0x80)
			chars++;
	}
	if (s[-1] != '\n')
		lines++;
	s = f->edit.text;
	nl = strchr(s, '\n');
	first = nl != NULL ? ph_xstrndup(s, (size_t)(nl - s)) : ph_xstrdup(s);
	line = ph_xasprintf(ngettext("(%zu line, %zu characters)",
	    "(%zu lines, %zu characters)", lines), lines, chars);
	used = tui_width(line) + 1;
	if (used > w)
		used = w;
	tui_put(y, x, first, w - used, focused ? TUI_A_SELECTED :
	    TUI_A_NORMAL, 1);
	tui_put(y, x + w - used + 1, line, used - 1, TUI_A_DIM, 0);
	free(first);
	free(line);
}

int
tui_form_key(struct tui *t, struct tui_form *fm, const struct tui_key *k)
{
	struct tui_field	*f;
	char			*before;
	int			 dropdown;

	if (fm->n == 0)
		return 0;
	f = &fm->f[fm->cur];
	dropdown = f->kind == TUI_FIELD_ORG && !f->hide && f->nsugg > 0;
	if (k->is_key) {
		switch (k->ch) {
		case KEY_DOWN:
			if (dropdown && f->pick + 1 < (int)f->nsugg) {
				f->pick++;
				return 1;
			}
			if (dropdown)
				return 1;
			if (fm->cur + 1 < fm->n)
				go_field(t, fm, fm->cur + 1);
			return 1;
		case KEY_UP:
			if (dropdown && f->pick >= 0) {
				f->pick--;
				return 1;
			}
			if (fm->cur > 0)
				go_field(t, fm, fm->cur - 1);
			return 1;
		case KEY_BTAB:
			go_field(t, fm, fm->cur > 0 ? fm->cur - 1 : fm->n - 1);
			return 1;
		case KEY_ENTER:
			goto enter;
		}
	} else if (k->ch == '\t') {
		take_pick(f);
		go_field(t, fm, fm->cur + 1 < fm->n ? fm->cur + 1 : 0);
		return 1;
	} else if (k->ch == '\r' || k->ch == '\n')
		goto enter;
	else if (k->ch == 27 && dropdown) {
		f->hide = 1;
		return 1;
	}
	if (f->kind == TUI_FIELD_CHOICE)
		return choice_key(f, k);
	if (f->kind == TUI_FIELD_LONG)
		return 1;	/* typed only in the editor */
	before = ph_xstrdup(f->edit.text);
	if (!tui_edit_key(&f->edit, k)) {
		free(before);
		return 0;
	}
	if (strcmp(before, f->edit.text) != 0) {
		set_error(f, NULL);
		if (f->kind == TUI_FIELD_ORG)
			suggest(t, fm, f);
	}
	free(before);
	return 1;
enter:
	if (f->kind == TUI_FIELD_LONG) {
		long_edit(t, f);
		return 1;
	}
	if (dropdown && f->pick >= 0) {
		take_pick(f);
		return 1;
	}
	if (fm->cur + 1 < fm->n)
		go_field(t, fm, fm->cur + 1);
	return 1;
}

enum tui_result
tui_form_screen_key(struct tui *t, struct tui_form *fm,
    const struct tui_key *k, const char *question, enum tui_form_action *act)
{
	*act = TUI_FORM_NONE;
	if ((k->is_key && k->ch == KEY_F(10)) ||
	    (!k->is_key && k->ch == CTRL_KEY('S'))) {
		*act = TUI_FORM_SAVE;
		return TUI_HANDLED;
	}
	if (tui_form_key(t, fm, k))
		return TUI_HANDLED;
	if (!k->is_key && k->ch == 27) {
		if (tui_form_changed(fm) && !tui_confirm(t, question))
			return TUI_HANDLED;
		*act = TUI_FORM_LEAVE;
		return TUI_CLOSE;
	}
	return k->is_key ? TUI_UNHANDLED : TUI_HANDLED;
}

/* ---- drawing */

/* Rows field I takes: itself, its error, and when it has the focus its
 * suggestions and the "new" line. */
static int
field_rows(const struct tui_form *fm, size_t i)
{
	const struct tui_field	*f = &fm->f[i];
	int			 r = 1;

	if (f->error != NULL)
		r++;
	if (i == fm->cur && f->hint != NULL)
		r++;
	if (i == fm->cur && f->kind == TUI_FIELD_ORG && !f->hide) {
		r += (int)f->nsugg;
		if (f->is_new)
			r++;
	}
	return r;
}

void
tui_form_draw(struct tui *t, struct tui_form *fm, int top, int h, int w)
{
	size_t	 i, j;
	int	 lw = 0, ew, x, y, row, cur_top = 0, cur_rows = 1, cy = -1;
	int	 cx = 0;
	char	*line;

	if (fm->n == 0 || h <= 0)
		return;
	/* The organizations were read again (one may have been added, by
	 * this clerk's Ctrl-O or another's program): a name said to be
	 * new may be known now. */
	if (!fm->orgs_loaded)
		for (i = 0; i < fm->n; i++) {
			struct tui_field *f = &fm->f[i];
			int hide = f->hide;

			if (f->kind != TUI_FIELD_ORG || !f->is_new)
				continue;
			suggest(t, fm, f);
			f->hide = hide;
		}
	for (i = 0; i < fm->n; i++) {
		int lwi = tui_width(_(fm->f[i].label)) + (fm->f[i].required ?
		    2 : 0);
		if (lwi > lw)
			lw = lwi;
	}
	if (lw > w * 2 / 5)
		lw = w * 2 / 5;
	x = lw + 3;
	ew = w - x - 2;
	if (ew > 60)
		ew = 60;
	/* Keep the field with the focus, and what goes with it, in view. */
	for (i = 0, row = 0; i < fm->n; i++) {
		if (i == fm->cur) {
			cur_top = row;
			cur_rows = field_rows(fm, i);
		}
		row += field_rows(fm, i);
	}
	if (cur_top < fm->scroll)
		fm->scroll = cur_top;
	if (cur_top + cur_rows > fm->scroll + h)
		fm->scroll = cur_top + cur_rows - h;
	if (fm->scroll < 0)
		fm->scroll = 0;
	for (i = 0, row = 0; i < fm->n; i++) {
		struct tui_field *f = &fm->f[i];
		int focused = i == fm->cur;

		y = top + row - fm->scroll;
		row += field_rows(fm, i);
		if (y + field_rows(fm, i) <= top || y >= top + h)
			continue;
		if (y >= top) {
			line = ph_xasprintf("%s%s", f->required ? "* " : "",
			    _(f->label));
			tui_put(y, 1, line, lw, focused ? TUI_A_HEADER :
			    TUI_A_NORMAL, 1);
			free(line);
			if (f->kind == TUI_FIELD_CHOICE) {
				int cw = tui_put(y, x, ph_keyword_label(
				    f->choices, f->choices[f->choice].value),
				    ew, focused ? TUI_A_SELECTED :
				    TUI_A_NORMAL, 0);
				if (focused) {
					tui_put(y, x + cw + 2,
					    _("(Space changes)"),
					    w - x - cw - 2, TUI_A_DIM, 0);
					cy = y;
					cx = x;
				}
			} else if (f->kind == TUI_FIELD_LONG) {
				long_draw(f, y, x, ew, focused);
				if (focused) {
					cy = y;
					cx = x;
				}
			} else if (focused) {
				/* Drawn last, for the cursor. */
				cy = y;
			} else
				tui_edit_draw(&f->edit, y, x, ew, 0);
		}
		y++;
		if (f->error != NULL) {
			if (y >= top && y < top + h)
				tui_put(y, x, f->error, w - x, TUI_A_ERROR, 0);
			y++;
		}
		if (focused && f->hint != NULL) {
			if (y >= top && y < top + h)
				tui_put(y, x, _(f->hint), w - x, TUI_A_DIM, 0);
			y++;
		}
		if (!focused || f->kind != TUI_FIELD_ORG || f->hide)
			continue;
		for (j = 0; j < f->nsugg; j++, y++)
			if (y >= top && y < top + h)
				tui_put(y, x + 2, f->sugg[j], ew - 2,
				    (int)j == f->pick ? TUI_A_SELECTED :
				    TUI_A_DIM, 1);
		if (f->is_new && y >= top && y < top + h) {
			line = ph_xasprintf(_("new, will be added (Ctrl-O: its details): %s"),
			    f->edit.text);
			tui_put(y, x + 2, line, w - x - 2, TUI_A_DIM, 0);
			free(line);
		}
	}
	if (cy < 0)
		return;
	if (fm->f[fm->cur].kind == TUI_FIELD_CHOICE ||
	    fm->f[fm->cur].kind == TUI_FIELD_LONG) {
		move(cy, cx);
		curs_set(0);
	} else {
		tui_edit_draw(&fm->f[fm->cur].edit, cy, x, ew, 1);
		leaveok(stdscr, FALSE);		/* tui.c leaves it off */
		curs_set(1);
	}
}
