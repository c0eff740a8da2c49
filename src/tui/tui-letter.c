/*
 * tui-letter.c -- one letter: every field, the body in a pager, the case
 * thread (replies, reminders, extensions, escalations, directions) and
 * the letter's history, with the case action that needs no typing (a
 * reminder, after a yes); the ones that do (reply, extend, disagree,
 * direct, escalate, resolve) open tui-caseform.c.
 *
 * The screen is one long list of lines, wrapped to the terminal's width
 * when it changes; moving reads nothing.  Actions go through the flow
 * functions of the core (ph_case_*), each in its own transaction.  No
 * SQL here; everything drawn through tui_put().
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

struct lview {
	int64_t		 id;
	struct ph_letter l;
	int		 loaded;
	struct ph_strv	 thread;	/* one line per case action */
	struct ph_strv	 history;	/* one line per event */
	struct tui_lines ln;
	int		 width;		/* lines are wrapped for this */
	size_t		 top;		/* first line shown */
	size_t		 rows;		/* lines that fit */
};

/* The column the values start in: labels are padded by display width,
 * not bytes ("Ngày đến:" is 9 columns in 12 bytes). */
#define LABEL_W	18

static char *
labelled(const char *label, const char *value)
{
	int	pad = LABEL_W - tui_width(label);

	return ph_xasprintf("%s%*s%s", label, pad > 1 ? pad : 1, "", value);
}

static void
field(struct lview *v, int width, const char *label, const char *value)
{
	char	*s;

	if (value == NULL || *value == '\0')
		return;
	s = labelled(label, value);
	tui_lines_wrap(&v->ln, s, width, TUI_A_NORMAL, 0, 0);
	free(s);
}

static int
thread_cb(const struct ph_case_action *a, void *arg)
{
	struct lview	*v = arg;
	char		 d[11];
	struct ph_buf	 b;

	ph_buf_init(&b);
	ph_buf_adds(&b, ph_date_vn(a->on, d));
	ph_buf_adds(&b, "  ");
	ph_buf_adds(&b, a->action);
	if (a->related_id > 0)
		ph_buf_printf(&b, " #%lld", (long long)a->related_id);
	if (a->target != NULL && *a->target != '\0') {
		ph_buf_adds(&b, " -> ");
		ph_buf_adds(&b, a->target);
	}
	if (ph_date_is_set(a->new_due)) {
		ph_buf_addc(&b, ' ');
		ph_buf_adds(&b, ph_date_vn(a->new_due, d));
	}
	ph_strv_take(&v->thread, ph_buf_take(&b));
	if (a->text != NULL && *a->text != '\0')
		ph_strv_take(&v->thread, ph_xasprintf("            %s",
		    a->text));
	return 0;
}

static int
event_cb(const struct ph_event *e, void *arg)
{
	struct lview	*v = arg;

	ph_strv_take(&v->history, ph_xasprintf("%s  %s  %s", e->at,
	    e->who != NULL ? e->who : "", e->action));
	return 0;
}

static void
lv_load(struct tui *t, struct tui_screen *sc)
{
	struct lview	*v = sc->state;
	struct ph_error	 err;

	if (v->loaded)
		ph_letter_release(&v->l);
	ph_strv_release(&v->thread);
	ph_strv_release(&v->history);
	v->loaded = 0;
	v->width = 0;		/* wrap again */
	if (ph_store_letter_get(tui_store(t), v->id, &v->l, &err) != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return;
	}
	v->loaded = 1;
	if (ph_store_case_action_list(tui_store(t), v->id, thread_cb, v,
	    &err) != PH_OK ||
	    ph_store_event_list(tui_store(t), "letter", v->id, event_cb, v,
	    &err) != PH_OK)
		tui_say(t, 1, "%s", err.msg);
	sc->dirty = 1;
}

static void
build(struct tui *t, struct lview *v, int width)
{
	const struct ph_letter	*l = &v->l;
	char			 d[11], *s;
	size_t			 i;

	tui_lines_clear(&v->ln);
	v->width = width;
	if (!v->loaded) {
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		return;
	}
	s = ph_xasprintf("%s %lld  %s", l->direction == PH_DIR_IN ?
	    _("Incoming, no.") : _("Outgoing, no."),
	    (long long)l->register_no, l->number != NULL ? l->number : "");
	tui_lines_wrap(&v->ln, s, width, TUI_A_HEADER, 0, 0);
	free(s);
	tui_lines_wrap(&v->ln, l->subject, width, TUI_A_HEADER, 0, 0);
	tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
	field(v, width, _("Date:"), ph_date_vn(l->date, d));
	if (ph_date_is_set(l->received))
		field(v, width, _("Received:"), ph_date_vn(l->received, d));
	field(v, width, _("Type:"), l->type);
	field(v, width, _("From:"), l->issuer);
	if (l->recipients.n > 0) {
		struct ph_buf b;
		ph_buf_init(&b);
		for (i = 0; i < l->recipients.n; i++) {
			if (i > 0)
				ph_buf_adds(&b, "; ");
			ph_buf_adds(&b, l->recipients.v[i]);
		}
		field(v, width, _("To:"), b.data);
		ph_buf_release(&b);
	}
	field(v, width, _("Signed by:"), l->signer);
	if (l->classification != PH_CLASS_NONE)
		field(v, width, _("Classified:"),
		    ph_keyword_label(ph_class_words, l->classification));
	if (l->urgency != PH_URG_NONE)
		field(v, width, _("Urgency:"),
		    ph_keyword_label(ph_urgency_words, l->urgency));
	field(v, width, _("Agreement:"), l->agreement);
	field(v, width, _("Status:"),
	    ph_keyword_label(ph_status_words, l->status));
	if (ph_date_is_set(l->due)) {
		int late = ph_case_is_open(l->status) &&
		    ph_date_cmp(l->due, tui_today(t)) < 0;
		/* Overdue is said, not only coloured. */
		char *dl = ph_xasprintf("%s%s", ph_date_vn(l->due, d),
		    late ? _("  ! overdue") : "");
		s = labelled(_("Due:"), dl);
		free(dl);
		tui_lines_wrap(&v->ln, s, width,
		    late ? TUI_A_OVERDUE : TUI_A_NORMAL,
		    0, 0);
		free(s);
	}
	if (l->in_reply_to > 0) {
		s = ph_xasprintf("#%lld", (long long)l->in_reply_to);
		field(v, width, _("In reply to:"), s);
		free(s);
	}
	field(v, width, _("Handler:"), l->handler);
	field(v, width, _("Notes:"), l->notes);
	for (i = 0; i < l->n_attachments; i++) {
		s = ph_xasprintf("%s (%lld B)", l->attachments[i].name,
		    (long long)l->attachments[i].size);
		field(v, width, _("Attachment:"), s);
		free(s);
	}
	if (l->body != NULL && *l->body != '\0') {
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		tui_lines_wrap(&v->ln, _("Content"), width, TUI_A_HEADER, 0, 0);
		tui_lines_wrap(&v->ln, l->body, width, TUI_A_NORMAL, 2, 0);
	}
	if (v->thread.n > 0) {
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		tui_lines_wrap(&v->ln, _("The case"), width, TUI_A_HEADER, 0,
		    0);
		for (i = 0; i < v->thread.n; i++)
			tui_lines_wrap(&v->ln, v->thread.v[i], width,
			    TUI_A_NORMAL, 2, 0);
	}
	if (v->history.n > 0) {
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		tui_lines_wrap(&v->ln, _("History"), width, TUI_A_HEADER, 0, 0);
		for (i = 0; i < v->history.n; i++)
			tui_lines_wrap(&v->ln, v->history.v[i], width,
			    TUI_A_DIM, 2, 0);
	}
}

static void
lv_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct lview	*v = sc->state;
	size_t		 i;

	if (v->width != w)
		build(t, v, w);
	v->rows = (size_t)h;
	if (v->top + v->rows > v->ln.n)
		v->top = v->ln.n > v->rows ? v->ln.n - v->rows : 0;
	tui_clear_rows(top, h);
	for (i = 0; i < (size_t)h && v->top + i < v->ln.n; i++) {
		const struct tui_line *ln = &v->ln.v[v->top + i];
		tui_put(top + (int)i, ln->indent, ln->text, w - ln->indent,
		    ln->attr, 0);
	}
}

/* A reminder after the clerk said yes; its number said, the screen
 * loaded again.  The other case actions are forms (tui-caseform.c). */
static void
remind(struct tui *t, struct tui_screen *sc)
{
	struct lview		*v = sc->state;
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 r;
	struct ph_error		 err;
	enum ph_status		 s;
	int64_t			 out = 0;

	if (!v->loaded)
		return;
	if (ph_store_is_readonly(st)) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return;
	}
	if (!ph_case_is_open(v->l.status)) {
		tui_say(t, 1, "%s", _("This letter has no open case."));
		return;
	}
	if (!tui_confirm(t, _("Write a reminder (đôn đốc) for this case?")))
		return;
	if ((s = ph_store_begin(st, &err)) == PH_OK) {
		s = ph_case_remind(st, tui_calendar(t), v->id, tui_today(t),
		    &out, &err);
		if (s == PH_OK)
			s = ph_store_commit(st, &err);
		if (s != PH_OK)
			ph_store_rollback(st);
	}
	if (s != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return;
	}
	/* The number is what the clerk writes on the paper. */
	if (ph_store_letter_get(st, out, &r, NULL) == PH_OK) {
		tui_say(t, 0, _("Reminder written: letter #%lld, number %s, to %s."),
		    (long long)out, r.number != NULL ? r.number : "",
		    r.recipients.n > 0 ? r.recipients.v[0] : "");
		ph_letter_release(&r);
	} else
		tui_say(t, 0, _("Reminder written: letter #%lld."),
		    (long long)out);
	lv_load(t, sc);
}

static enum tui_result
lv_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct lview	*v = sc->state;
	size_t		 maxtop = v->ln.n > v->rows ? v->ln.n - v->rows : 0;

	sc->dirty = 1;
	if (k->is_key) {
		switch (k->ch) {
		case KEY_DOWN:
			if (v->top < maxtop)
				v->top++;
			return TUI_HANDLED;
		case KEY_UP:
			if (v->top > 0)
				v->top--;
			return TUI_HANDLED;
		case KEY_NPAGE:
			v->top = v->top + v->rows < maxtop ? v->top + v->rows :
			    maxtop;
			return TUI_HANDLED;
		case KEY_PPAGE:
			v->top = v->top > v->rows ? v->top - v->rows : 0;
			return TUI_HANDLED;
		case KEY_HOME:
			v->top = 0;
			return TUI_HANDLED;
		case KEY_END:
			v->top = maxtop;
			return TUI_HANDLED;
		case KEY_MOUSE:
			if (k->mouse_button == 4 && v->top > 0)
				v->top--;
			else if (k->mouse_button == 5 && v->top < maxtop)
				v->top++;
			return TUI_HANDLED;
		}
		sc->dirty = 0;
		return TUI_UNHANDLED;
	}
	switch (k->ch) {
	case 'j':
		if (v->top < maxtop)
			v->top++;
		return TUI_HANDLED;
	case 'k':
		if (v->top > 0)
			v->top--;
		return TUI_HANDLED;
	case ' ':
		v->top = v->top + v->rows < maxtop ? v->top + v->rows : maxtop;
		return TUI_HANDLED;
	case 'g':
		v->top = 0;
		return TUI_HANDLED;
	case 'G':
		v->top = maxtop;
		return TUI_HANDLED;
	case 'm':
		remind(t, sc);
		return TUI_HANDLED;
	case 'r':
	case 'e':
	case 'd':
	case 'D':
	case 'E':
	case 'x':
		if (!v->loaded)
			return TUI_HANDLED;
		if (!ph_case_is_open(v->l.status))
			tui_say(t, 1, "%s", _("This letter has no open case."));
		else
			tui_open_caseform(t, v->id, (int)k->ch);
		return TUI_HANDLED;
	case 'p':
		if (v->loaded && v->l.in_reply_to > 0)
			tui_open_letter(t, v->l.in_reply_to);
		return TUI_HANDLED;
	}
	sc->dirty = 0;
	return TUI_UNHANDLED;
}

static void
lv_destroy(struct tui_screen *sc)
{
	struct lview	*v = sc->state;

	if (v->loaded)
		ph_letter_release(&v->l);
	ph_strv_release(&v->thread);
	ph_strv_release(&v->history);
	tui_lines_clear(&v->ln);
	tui_lines_free(&v->ln);
	free(v);
}

static const struct tui_keyhelp lv_help[] = {
	{ N_("Up/Down, j/k"), N_("scroll a line") },
	{ N_("PgUp/PgDn, Space"), N_("scroll a page") },
	{ N_("Home/End, g/G"), N_("the top or the end") },
	{ N_("r"), N_("reply: register the letter that answers this one") },
	{ N_("e"), N_("extend: give the case a new due date") },
	{ N_("d"), N_("disagree with the request, saying why") },
	{ N_("D"), N_("record the direction received") },
	{ N_("m"), N_("write a reminder (đôn đốc) for the open case") },
	{ N_("E"), N_("escalation report: ask the next level for direction") },
	{ N_("x"), N_("close the case as resolved, with a note") },
	{ N_("p"), N_("open the letter this one answers") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

/* What fits at 80 columns comes first: the bar drops the rest. */
static const struct tui_keyhelp lv_bar[] = {
	{ N_("r"), N_("Reply") },
	{ N_("E"), N_("Escalate") },
	{ N_("x"), N_("Resolve") },
	{ N_("m"), N_("Remind") },
	{ N_("e"), N_("Extend") },
	{ NULL, NULL }
};

const struct tui_screen_ops tui_letter_ops = {
	N_("Letter"),
	lv_load,
	lv_draw,
	lv_key,
	NULL,
	lv_destroy,
	lv_help,
	lv_bar,
};

void
tui_open_letter(struct tui *t, int64_t id)
{
	struct lview	*v = ph_xcalloc(1, sizeof *v);

	v->id = id;
	ph_letter_init(&v->l);
	ph_strv_init(&v->thread);
	ph_strv_init(&v->history);
	tui_push(t, &tui_letter_ops, v);
}
