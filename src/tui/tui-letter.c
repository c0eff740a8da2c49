/*
 * tui-letter.c -- one letter: every field, the body in a pager, its
 * attachments, the case thread (replies, reminders, extensions,
 * escalations, directions) and the letter's history, with the case
 * action that needs no typing (a reminder, after a yes); the ones that
 * do (reply, extend, disagree, direct, escalate, resolve) open
 * tui-caseform.c.  Files in and out: a file attached through the same
 * core path as "letter edit --attach" (ph_letter_add_attachment, then
 * ph_store_letter_update, whose checks say what is wrong with the file),
 * and an attachment saved to a file, written 0600 under a temporary name
 * in the same folder and renamed, never over a file without a yes.
 *
 * The screen is one long list of lines, wrapped to the terminal's width
 * when it changes; moving reads nothing.  Actions go through the flow
 * functions of the core (ph_case_*), each in its own transaction.  No
 * SQL here; everything drawn through tui_put().
 */
#include "config.h"

#include <sys/stat.h>

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	size_t		 asel;		/* the attachment selected */
	size_t		*att_at;	/* the line each attachment starts */
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

/* A size as the clerk reads it: bytes, KB or MB (rounded up, so that a
 * file is never said to be smaller than it is). */
static char *
size_text(int64_t n)
{
	if (n < 1024)
		return ph_xasprintf(_("%lld B"), (long long)n);
	if (n < 1024 * 1024)
		return ph_xasprintf(_("%lld KB"), (long long)((n + 1023) / 1024));
	n = (n * 10 + 1024 * 1024 - 1) / (1024 * 1024);
	return ph_xasprintf(_("%lld.%lld MB"), (long long)(n / 10),
	    (long long)(n % 10));
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
	if (v->asel >= v->l.n_attachments)
		v->asel = v->l.n_attachments > 0 ? v->l.n_attachments - 1 : 0;
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
	if (l->n_attachments > 0) {
		/* Numbered as "letter attachment ID N" numbers them; the
		 * one "s" saves marked, not only in reverse. */
		tui_lines_add(&v->ln, "", 0, TUI_A_NORMAL, 0);
		tui_lines_wrap(&v->ln, _("Attachments (Tab selects, s saves)"),
		    width, TUI_A_HEADER, 0, 0);
		v->att_at = ph_xrealloc(v->att_at, l->n_attachments *
		    sizeof *v->att_at);
		for (i = 0; i < l->n_attachments; i++) {
			char *sz = size_text(l->attachments[i].size);
			s = ph_xasprintf("%s%zu. %s  (%s)", i == v->asel ?
			    "> " : "  ", i + 1, l->attachments[i].name, sz);
			v->att_at[i] = v->ln.n;
			tui_lines_wrap(&v->ln, s, width, i == v->asel ?
			    TUI_A_SELECTED : TUI_A_NORMAL, 1, 5);
			free(sz);
			free(s);
		}
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

/* Move the selection among the attachments by DIR, keeping it in view. */
static void
select_attachment(struct tui *t, struct lview *v, int dir)
{
	size_t	n = v->loaded ? v->l.n_attachments : 0, at;

	if (n == 0) {
		tui_say(t, 1, "%s", _("This letter has no attachments."));
		return;
	}
	v->asel = (v->asel + n + (size_t)(dir < 0 ? n - 1 : 1)) % n;
	if (v->att_at != NULL && v->width > 0) {
		at = v->att_at[v->asel];
		if (at < v->top)
			v->top = at;
		else if (v->rows > 0 && at >= v->top + v->rows)
			v->top = at - v->rows + 1;
	}
	v->width = 0;		/* the mark moves: wrap again */
}

static void	open_pathform(struct tui *, struct lview *, int);

static enum tui_result
lv_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct lview	*v = sc->state;

	sc->dirty = 1;
	if (tui_lines_scroll(&v->ln, v->rows, &v->top, k))
		return TUI_HANDLED;
	if (k->is_key) {
		if (k->ch == KEY_BTAB) {
			select_attachment(t, v, -1);
			return TUI_HANDLED;
		}
		sc->dirty = 0;
		return TUI_UNHANDLED;
	}
	switch (k->ch) {
	case 'm':
		remind(t, sc);
		return TUI_HANDLED;
	case '\t':
		select_attachment(t, v, 1);
		return TUI_HANDLED;
	case 'a':
	case 's':
		open_pathform(t, v, (int)k->ch);
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
	case 'c':
		tui_open_letteredit(t, v->id);
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
	free(v->att_at);
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
	{ N_("a"), N_("attach a file to this letter") },
	{ N_("Tab, Shift-Tab"), N_("select the next or the previous attachment") },
	{ N_("s"), N_("save the selected attachment to a file") },
	{ N_("p"), N_("open the letter this one answers") },
	{ N_("c"), N_("change the letter's fields (sửa)") },
	{ N_("Esc, q"), N_("back") },
	{ NULL, NULL }
};

/* What fits at 80 columns comes first: the bar drops the rest. */
static const struct tui_keyhelp lv_bar[] = {
	{ N_("r"), N_("Reply") },
	{ N_("E"), N_("Escalate") },
	{ N_("x"), N_("Resolve") },
	{ N_("a"), N_("Attach") },
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

/* ---- files in and out: a form of one path, to attach a file or to
 * save an attachment.  No draft on a hang-up: a path is quickly typed
 * again, and a half-chosen file name is no record. */

enum pmode { PF_ATTACH, PF_SAVE };

struct pview {
	enum pmode	 mode;
	int64_t		 id;		/* the letter */
	int64_t		 att_id;	/* PF_SAVE: the attachment */
	char		*att_name;	/* PF_SAVE: its name, as stored */
	int64_t		 att_size;
	char		*head;		/* "#12  05-CV/ĐU  V/v ..." */
	struct tui_form	 form;
};

static void
pf_load(struct tui *t, struct tui_screen *sc)
{
	(void)t;
	sc->dirty = 1;
}

static void
pf_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct pview	*v = sc->state;
	char		*s, *sz;

	tui_put(top, 1, v->head, w - 2, TUI_A_HEADER, 0);
	if (v->mode == PF_ATTACH)
		s = ph_xasprintf(_("A file of at most %u MB; ~ is your home folder."),
		    PH_ATTACH_MAX / (1024 * 1024));
	else {
		sz = size_text(v->att_size);
		s = ph_xasprintf(_("Attachment %s (%s); the file will be readable by you alone."),
		    v->att_name, sz);
		free(sz);
	}
	tui_put(top + 1, 1, s, w - 2, TUI_A_NORMAL, 0);
	free(s);
	tui_put(top + 2, 1, _("F10 or Ctrl-S saves, Esc leaves."), w - 2,
	    TUI_A_DIM, 0);
	tui_form_draw(t, &v->form, top + 4, h - 4, w);
}

/* F's error (a copy of MSG), shown under it and on the message line. */
static void
path_error(struct tui *t, struct tui_field *f, const char *msg)
{
	free(f->error);
	f->error = ph_xstrdup(msg);
	tui_say(t, 1, "%s", msg);
}

/* The path as typed, spaces around it dropped, "~/" the home folder; a
 * bare "-" is the file of that name, not the standard input that
 * ph_file_read() takes it for. */
static char *
expand_path(const char *typed)
{
	const char	*home = getenv("HOME");
	size_t		 n;

	typed += strspn(typed, " ");
	n = strlen(typed);
	while (n > 0 && typed[n - 1] == ' ')
		n--;
	if (n == 1 && typed[0] == '-')
		return ph_xstrdup("./-");
	if (typed[0] == '~' && (n == 1 || typed[1] == '/') && home != NULL &&
	    *home != '\0')
		return ph_xasprintf("%s%.*s", home, (int)n - 1, typed + 1);
	return ph_xasprintf("%.*s", (int)n, typed);
}

/* Attach the file named in the form to the letter, as "letter edit
 * --attach" does: the core reads it and says what is wrong with it
 * (missing, unreadable, over the size limit), naming the path. */
static enum tui_result
pf_attach(struct tui *t, struct pview *v)
{
	struct ph_store		*st = tui_store(t);
	struct tui_field	*f = tui_form_field(&v->form, "path");
	struct ph_letter	 l;
	struct ph_error		 err;
	struct stat		 sb;
	enum ph_status		 s;
	char			*path = expand_path(f->edit.text), *msg, *sz;
	int			 got = 0;

	/* A FIFO or a device would hold the screen at its first read. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		msg = ph_xasprintf(_("%s is not a regular file"), path);
		path_error(t, f, msg);
		free(msg);
		free(path);
		return TUI_HANDLED;
	}
	if ((s = ph_store_begin(st, &err)) != PH_OK)
		goto fail;
	if ((s = ph_store_letter_get(st, v->id, &l, &err)) == PH_OK) {
		got = 1;
		ph_letter_add_attachment(&l, path);
		s = ph_store_letter_update(st, &l, NULL, &err);
	}
	if (s == PH_OK)
		s = ph_store_commit(st, &err);
	if (s != PH_OK) {
		ph_store_rollback(st);
		if (got)
			ph_letter_release(&l);
		goto fail;
	}
	sz = size_text(l.attachments[l.n_attachments - 1].size);
	tui_say(t, 0, _("%s (%s) is attached to letter #%lld."),
	    l.attachments[l.n_attachments - 1].name, sz, (long long)v->id);
	free(sz);
	ph_letter_release(&l);
	free(path);
	return TUI_CLOSE;
fail:
	/* The path stays as typed, the error under it. */
	path_error(t, f, err.msg);
	free(path);
	return TUI_HANDLED;
}

/* The attachment's name as a file name here: no folders in it. */
static const char *
file_name(const char *name)
{
	const char	*b = strrchr(name, '/');

	if (b != NULL)
		name = b + 1;
	if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return "attachment";
	return name;
}

static enum tui_result
pf_save_out(struct tui *t, struct pview *v)
{
	struct tui_field	*f = tui_form_field(&v->form, "path");
	struct ph_error		 err;
	struct stat		 sb;
	char			*path = expand_path(f->edit.text), *p, *q;
	char			*name = NULL, *data = NULL, *sz;
	size_t			 len;
	int			 yes;

	/* A folder: the file goes in it under the attachment's name. */
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		p = ph_xasprintf("%s%s%s", path, path[strlen(path) - 1] ==
		    '/' ? "" : "/", file_name(v->att_name));
		free(path);
		path = p;
	}
	if (lstat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)) {
			q = ph_xasprintf(_("%s is not a regular file"), path);
			path_error(t, f, q);
			free(q);
			free(path);
			return TUI_HANDLED;
		}
		q = ph_xasprintf(_("%s already exists. Replace it?"), path);
		yes = tui_confirm(t, q);
		free(q);
		if (!yes) {
			q = ph_xasprintf(_("not saved: %s already exists"),
			    path);
			path_error(t, f, q);
			free(q);
			free(path);
			return TUI_HANDLED;
		}
	}
	if (ph_store_attachment_get(tui_store(t), v->att_id, &name, &data,
	    &len, &err) != PH_OK ||
	    ph_file_write_private(path, data, len, &err) != PH_OK) {
		path_error(t, f, err.msg);
		free(name);
		free(data);
		free(path);
		return TUI_HANDLED;
	}
	sz = size_text((int64_t)len);
	tui_say(t, 0, _("Attachment %s (%s) saved as %s."), v->att_name, sz,
	    path);
	free(sz);
	free(name);
	free(data);
	free(path);
	return TUI_CLOSE;
}

static enum tui_result
pf_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct pview		*v = sc->state;
	struct tui_field	*bad;
	enum tui_form_action	 act;
	enum tui_result		 r;

	sc->dirty = 1;
	r = tui_form_screen_key(t, &v->form, k, _("Throw away what was typed?"),
	    &act);
	if (act == TUI_FORM_SAVE) {
		if ((bad = tui_form_check(t, &v->form)) != NULL) {
			tui_say(t, 1, _("%s: %s"), _(bad->label), bad->error);
			return TUI_HANDLED;
		}
		return v->mode == PF_ATTACH ? pf_attach(t, v) :
		    pf_save_out(t, v);
	}
	if (r == TUI_UNHANDLED)
		sc->dirty = 0;
	return r;
}

static void
pf_destroy(struct tui_screen *sc)
{
	struct pview	*v = sc->state;

	tui_form_release(&v->form);
	free(v->att_name);
	free(v->head);
	free(v);
}

static const struct tui_keyhelp pf_help[] = {
	{ N_("~/"), N_("at the start of a path: your home folder") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("F10, Ctrl-S"), N_("save") },
	{ N_("Esc"), N_("leave (asks before throwing away what was typed)") },
	{ NULL, NULL }
};

static const struct tui_keyhelp pf_bar[] = {
	{ N_("F10"), N_("Save") },
	{ N_("Esc"), N_("Cancel") },
	{ NULL, NULL }
};

static const struct tui_screen_ops pf_ops[] = {
	{ N_("Attach a file"), pf_load, pf_draw, pf_key, NULL, pf_destroy,
	    pf_help, pf_bar },
	{ N_("Save an attachment"), pf_load, pf_draw, pf_key, NULL,
	    pf_destroy, pf_help, pf_bar },
};

/* KEY 'a': attach a file to the letter; 's': save the attachment
 * selected. */
static void
open_pathform(struct tui *t, struct lview *v, int key)
{
	struct pview		*p;
	const struct ph_attachment *a;
	char			*cwd, *def;

	if (!v->loaded)
		return;
	if (key == 'a' && ph_store_is_readonly(tui_store(t))) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return;
	}
	if (key == 's' && v->l.n_attachments == 0) {
		tui_say(t, 1, "%s", _("This letter has no attachments."));
		return;
	}
	p = ph_xcalloc(1, sizeof *p);
	p->mode = key == 'a' ? PF_ATTACH : PF_SAVE;
	p->id = v->id;
	p->head = v->l.number != NULL && *v->l.number != '\0' ?
	    ph_xasprintf("#%lld  %s  %s", (long long)v->id, v->l.number,
	    v->l.subject) : ph_xasprintf("#%lld  %s", (long long)v->id,
	    v->l.subject);
	tui_form_init(&p->form);
	if (p->mode == PF_ATTACH)
		tui_form_add(&p->form, "path", N_("File to attach"),
		    TUI_FIELD_TEXT, "", 4096)->required = 1;
	else {
		a = &v->l.attachments[v->asel];
		p->att_id = a->id;
		p->att_name = ph_xstrdup(a->name);
		p->att_size = a->size;
		/* Proposed where the clerk started phoihop, said in full so
		 * that it is clear where the file will be. */
		cwd = getcwd(NULL, 0);
		def = cwd != NULL ? ph_xasprintf("%s%s%s", cwd,
		    strcmp(cwd, "/") == 0 ? "" : "/", file_name(a->name)) :
		    ph_xstrdup(file_name(a->name));
		tui_form_add(&p->form, "path", N_("Save as"), TUI_FIELD_TEXT,
		    def, 4096)->required = 1;
		free(def);
		free(cwd);
	}
	tui_push(t, &pf_ops[p->mode], p);
}
