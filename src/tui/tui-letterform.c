/*
 * tui-letterform.c -- the letter's form: a new incoming letter (its số
 * đến given on saving), a new outgoing letter (its number proposed for
 * its type and date), and the change of a letter already registered.
 *
 * A form (tui-form.c) with the fields "letter add" and "letter edit"
 * take.  F10 or Ctrl-S checks the fields and stores the letter in one
 * transaction: a new one through ph_flow_letter_add() (the due date from
 * the agreement's rule when none is typed), a change through
 * ph_store_letter_update() after checking, in the same transaction, that
 * nobody changed the letter since the form was filled from it (its
 * stamp).  A refusal is said on the message line and beside the field,
 * and nothing typed is lost.  On SIGHUP or SIGTERM the fields are kept
 * as the draft "letter-in", "letter-out" or "letter-edit:ID" (draft.c),
 * offered again at the next start.  The content (body) is written in
 * the clerk's own text editor (tui-editor.c).  No SQL here.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "intl.h"
#include "tui.h"

#define CTRL_KEY(c)	((c) & 0x1F)

enum lmode { LM_IN, LM_OUT, LM_EDIT };

struct lview {
	enum lmode		 mode;
	enum ph_direction	 dir;
	int64_t			 id;		/* LM_EDIT: the letter */
	int64_t			 stamp;		/* LM_EDIT: as it was read */
	char			*head;		/* LM_EDIT: "Incoming no. 5/2026" */
	char			*draft;		/* "letter-out", "letter-edit:5" */
	/* LM_OUT: the number proposed, and the type and date it was
	 * proposed for, to propose again when they change. */
	char			*proposed, *prop_type, *prop_date;
	int			 prop_class;	/* a secret series may differ */
	struct tui_form		 form;
};

static const struct ph_keyword yes_no[] = {
	{ 0, "no", "khong", N_("no") },
	{ 1, "yes", "co", N_("yes") },
	{ -1, NULL, NULL, NULL }
};

static const struct tui_screen_ops lf_ops[3];

static void
remove_draft(struct tui *t, struct lview *v)
{
	(void)ph_draft_remove(tui_db_path(t), v->draft, NULL);
}

/* ---- the number proposed for an outgoing letter */

/* Propose the next number of the type, date and secrecy chosen, when
 * they changed and the clerk has not typed a number of her own.  An unknown type or a
 * date not yet readable proposes nothing (the check on saving says
 * why). */
static void
propose(struct tui *t, struct lview *v)
{
	struct tui_field	*num = tui_form_field(&v->form, "number");
	struct ph_letter	 l;
	const char		*type = tui_form_text(&v->form, "type");
	const char		*date = tui_form_text(&v->form, "date");
	char			*p = NULL;
	int			 own, cls;

	if (v->mode != LM_OUT || num == NULL)
		return;
	cls = tui_form_field(&v->form, "classification")->choice;
	if (v->prop_type != NULL && strcmp(v->prop_type, type) == 0 &&
	    strcmp(v->prop_date, date) == 0 && v->prop_class == cls)
		return;
	own = *num->edit.text != '\0' && (v->proposed == NULL ||
	    strcmp(num->edit.text, v->proposed) != 0);
	free(v->prop_type);
	free(v->prop_date);
	v->prop_type = ph_xstrdup(type);
	v->prop_date = ph_xstrdup(date);
	v->prop_class = cls;
	ph_letter_init(&l);
	l.direction = PH_DIR_OUT;
	if (ph_date_parse(date, &l.date, NULL) != PH_OK)
		l.date = tui_today(t);
	l.type = ph_xstrdup(type);
	l.classification = (enum ph_class)ph_class_words[cls].value;
	if (ph_store_letter_propose_number(tui_store(t), &l, &p, NULL) !=
	    PH_OK)
		p = NULL;
	ph_letter_release(&l);
	free(v->proposed);
	v->proposed = p;
	if (!own) {
		tui_edit_set(&num->edit, p != NULL ? p : "");
		free(num->initial);
		num->initial = ph_xstrdup(num->edit.text);
	}
}

/* ---- screen */

static void
lf_load(struct tui *t, struct tui_screen *sc)
{
	struct lview	*v = sc->state;

	/* Another process may have added an organization, or taken the
	 * number proposed. */
	tui_form_reload(&v->form);
	if (v->mode == LM_OUT) {
		free(v->prop_type);
		v->prop_type = NULL;
		propose(t, v);
	}
	sc->dirty = 1;
}

static void
lf_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct lview	*v = sc->state;
	char		*s;

	switch (v->mode) {
	case LM_IN:
		tui_put(top, 1, _("A new incoming letter: F10 or Ctrl-S saves it, Esc leaves."),
		    w - 2, TUI_A_DIM, 0);
		break;
	case LM_OUT:
		tui_put(top, 1, _("A new outgoing letter: F10 or Ctrl-S saves it, Esc leaves."),
		    w - 2, TUI_A_DIM, 0);
		break;
	case LM_EDIT:
		s = ph_xasprintf(_("%s: F10 or Ctrl-S saves the change, Esc leaves."),
		    v->head);
		tui_put(top, 1, s, w - 2, TUI_A_DIM, 0);
		free(s);
		break;
	}
	tui_form_draw(t, &v->form, top + 2, h - 2, w);
}

/* Copy the fields into L (a new letter, or the one read for a change). */
static void
fields_to_letter(struct lview *v, struct ph_letter *l)
{
	struct tui_form	*fm = &v->form;
	const char	*s;
	char		*copy, *p, *q;
	int		 reply;

	ph_letter_set(&l->number, tui_form_text(&v->form, "number"));
	ph_letter_set(&l->type, tui_form_text(&v->form, "type"));
	l->date = tui_form_field(fm, "date")->date;
	if (v->dir == PH_DIR_IN) {
		l->received = tui_form_field(fm, "received")->date;
		ph_letter_set(&l->issuer, tui_form_text(&v->form, "from"));
	} else {
		/* The first recipient, then the others as typed, "; "
		 * between them. */
		ph_strv_release(&l->recipients);
		ph_strv_init(&l->recipients);
		ph_strv_push(&l->recipients, tui_form_text(&v->form, "to"));
		copy = ph_xstrdup(tui_form_text(&v->form, "cc"));
		for (p = copy; p != NULL; p = q) {
			if ((q = strchr(p, ';')) != NULL)
				*q++ = '\0';
			while (*p == ' ')
				p++;
			s = p + strlen(p);
			while (s > p && s[-1] == ' ')
				s--;
			copy[s - copy] = '\0';
			if (*p != '\0')
				ph_strv_push(&l->recipients, p);
		}
		free(copy);
	}
	ph_letter_set(&l->subject, tui_form_text(&v->form, "subject"));
	/* No content is none, not an empty one. */
	s = tui_form_text(&v->form, "body");
	if (*s != '\0')
		ph_letter_set(&l->body, s);
	else {
		free(l->body);
		l->body = NULL;
	}
	ph_letter_set(&l->signer, tui_form_text(&v->form, "signer"));
	ph_letter_set(&l->handler, tui_form_text(&v->form, "handler"));
	ph_letter_set(&l->notes, tui_form_text(&v->form, "notes"));
	l->classification = (enum ph_class)ph_class_words[tui_form_field(fm,
	    "classification")->choice].value;
	l->urgency = (enum ph_urgency)ph_urgency_words[tui_form_field(fm,
	    "urgency")->choice].value;
	reply = yes_no[tui_form_field(fm, "reply")->choice].value;
	/* As "letter edit" does: asking for a reply opens the case, not
	 * asking closes one nobody acted on. */
	if (reply && !l->reply_required && l->status == PH_ST_REGISTERED)
		l->status = PH_ST_AWAITING;
	if (!reply && l->reply_required && l->status == PH_ST_AWAITING)
		l->status = PH_ST_REGISTERED;
	l->reply_required = reply;
	l->due = tui_form_field(fm, "due")->date;
}

/* The type code typed, checked against the table: the error beside
 * the field; 0 if good (or empty). */
static int
check_type(struct tui *t, struct lview *v)
{
	struct tui_field		*f = tui_form_field(&v->form, "type");
	const struct ph_doctype		*dt;
	struct ph_error			 err;

	if (f == NULL || *f->edit.text == '\0' || ph_store_doctype_find(
	    tui_store(t), f->edit.text, &dt, &err) == PH_OK)
		return 0;
	free(f->error);
	f->error = ph_xstrdup(err.msg);
	v->form.cur = (size_t)(f - v->form.f);
	tui_say(t, 1, _("%s: %s"), _(f->label), err.msg);
	return 1;
}

/* Say MSG (freed here), and the organizations the letter added. */
static void
say_saved(struct tui *t, char *msg, const struct ph_letter_notes *notes)
{
	if (notes->new_orgs.n > 0)
		tui_say(t, 0, _("%s; new organization added: %s"), msg,
		    notes->new_orgs.v[0]);
	else
		tui_say(t, 0, "%s", msg);
	free(msg);
}

/* Store a new letter; TUI_CLOSE when it is stored (shown on top then). */
static enum tui_result
save_new(struct tui *t, struct lview *v)
{
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 l;
	struct ph_letter_notes	 notes;
	struct ph_error		 err;
	char			*msg;
	int64_t			 id;
	int			 took_proposal;

	ph_letter_init(&l);
	ph_letter_notes_init(&notes);
	l.direction = v->dir;
	fields_to_letter(v, &l);
	l.status = l.reply_required ? PH_ST_AWAITING : PH_ST_REGISTERED;
	/* The number as proposed is left to the store, which gives the
	 * next free one in the same transaction: another clerk may have
	 * taken the one shown. */
	took_proposal = v->mode == LM_OUT && v->proposed != NULL &&
	    strcmp(l.number, v->proposed) == 0;
	if (took_proposal)
		ph_letter_set(&l.number, "");
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_flow_letter_add(st, tui_calendar(t), &l, &id, &notes, &err) !=
	    PH_OK || ph_store_commit(st, &err) != PH_OK) {
		ph_store_rollback(st);
		goto fail;
	}
	remove_draft(t, v);
	if (v->dir == PH_DIR_IN)
		msg = ph_xasprintf(_("registered as incoming number %lld of %d"),
		    (long long)l.register_no, l.reg_year);
	else if (took_proposal && strcmp(l.number, v->proposed) != 0)
		msg = ph_xasprintf(_("registered as %s: %s was taken meanwhile"),
		    l.number, v->proposed);
	else
		msg = ph_xasprintf(_("registered as %s"), l.number);
	say_saved(t, msg, &notes);
	ph_letter_notes_release(&notes);
	ph_letter_release(&l);
	tui_open_letter(t, id);
	return TUI_CLOSE;
fail:
	/* Every field stays as typed: the clerk corrects and saves again. */
	tui_say(t, 1, "%s", err.msg);
	ph_letter_notes_release(&notes);
	ph_letter_release(&l);
	return TUI_HANDLED;
}

/* Store the change; TUI_CLOSE when stored (the letter screen under the
 * form reloads). */
static enum tui_result
save_edit(struct tui *t, struct lview *v)
{
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 l;
	struct ph_letter_notes	 notes;
	struct ph_error		 err;
	int64_t			 stamp;
	int			 got = 0;

	ph_letter_notes_init(&notes);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_store_letter_stamp(st, v->id, &stamp, &err) != PH_OK)
		goto rollback;
	if (stamp != v->stamp) {
		ph_store_rollback(st);
		ph_letter_notes_release(&notes);
		/* Saving over it is the clerk's choice, never the default:
		 * anything but "y" keeps the other change and the typing. */
		if (!tui_confirm(t, _("Someone else changed this letter after you opened it. Your typing is kept and nothing was saved. Save yours over their change?"))) {
			tui_say(t, 1, "%s",
			    _("Not saved: the letter was changed by someone else. Your typing is kept; Esc, then open the letter again to see the change."));
			return TUI_HANDLED;
		}
		v->stamp = stamp;
		return save_edit(t, v);
	}
	if (ph_store_letter_get(st, v->id, &l, &err) != PH_OK)
		goto rollback;
	got = 1;
	fields_to_letter(v, &l);
	if (ph_flow_default_due(st, tui_calendar(t), &l, &err) != PH_OK ||
	    ph_store_letter_update(st, &l, &notes, &err) != PH_OK ||
	    ph_store_commit(st, &err) != PH_OK)
		goto rollback;
	remove_draft(t, v);
	say_saved(t, ph_xstrdup(_("Saved.")), &notes);
	ph_letter_release(&l);
	ph_letter_notes_release(&notes);
	return TUI_CLOSE;
rollback:
	ph_store_rollback(st);
fail:
	tui_say(t, 1, "%s", err.msg);
	if (got)
		ph_letter_release(&l);
	ph_letter_notes_release(&notes);
	return TUI_HANDLED;
}

static enum tui_result
lf_save(struct tui *t, struct lview *v)
{
	struct tui_field	*bad;

	if (ph_store_is_readonly(tui_store(t))) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return TUI_HANDLED;
	}
	if ((bad = tui_form_check(t, &v->form)) != NULL) {
		tui_say(t, 1, _("%s: %s"), _(bad->label), bad->error);
		return TUI_HANDLED;
	}
	if (check_type(t, v))
		return TUI_HANDLED;
	return v->mode == LM_EDIT ? save_edit(t, v) : save_new(t, v);
}

static enum tui_result
lf_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct lview		*v = sc->state;
	struct tui_field	*f;
	enum tui_form_action	 act;
	enum tui_result		 r;

	sc->dirty = 1;
	/* Ctrl-O on an organization not yet known: its details first. */
	if (!k->is_key && k->ch == CTRL_KEY('O')) {
		f = &v->form.f[v->form.cur];
		if (f->kind == TUI_FIELD_ORG && f->is_new)
			tui_open_orgform(t, f->edit.text);
		else
			tui_say(t, 1, "%s",
			    _("Ctrl-O adds the details of a new organization typed in its field."));
		return TUI_HANDLED;
	}
	r = tui_form_screen_key(t, &v->form, k, v->mode == LM_EDIT ?
	    _("Throw away the change being typed?") :
	    _("Throw away the letter being typed?"), &act);
	if (act == TUI_FORM_SAVE)
		return lf_save(t, v);
	if (act == TUI_FORM_LEAVE)
		remove_draft(t, v);
	else if (r == TUI_HANDLED)
		propose(t, v);
	if (r == TUI_UNHANDLED)
		sc->dirty = 0;
	return r;
}

static void
lf_save_draft(struct tui *t, struct tui_screen *sc)
{
	struct lview	*v = sc->state;
	struct ph_draft	 d;
	char		 buf[24];

	if (!tui_form_changed(&v->form))
		return;
	ph_draft_init(&d);
	d.form = ph_xstrdup(v->draft);
	tui_form_to_draft(&v->form, &d);
	if (v->mode == LM_EDIT) {
		/* The stamp the typing started from: a change made since
		 * is still caught when the draft is saved. */
		snprintf(buf, sizeof buf, "%lld", (long long)v->stamp);
		ph_draft_set(&d, "_stamp", buf);
	}
	if (v->mode == LM_OUT && v->proposed != NULL)
		ph_draft_set(&d, "_proposed", v->proposed);
	(void)ph_draft_save(tui_db_path(t), &d, NULL);
	ph_draft_release(&d);
}

static void
lf_destroy(struct tui_screen *sc)
{
	struct lview	*v = sc->state;

	tui_form_release(&v->form);
	free(v->head);
	free(v->draft);
	free(v->proposed);
	free(v->prop_type);
	free(v->prop_date);
	free(v);
}

static const struct tui_keyhelp lf_help[] = {
	{ N_("Tab, Down, Enter"), N_("the next field") },
	{ N_("Shift-Tab, Up"), N_("the field before") },
	{ N_("Down/Up, Enter"), N_("in an organization: pick a known one") },
	{ N_("Ctrl-O"), N_("in an organization not yet known: add it with its details") },
	{ N_("Space"), N_("change a choice (secrecy, urgency, reply required)") },
	{ N_("Enter"), N_("in \"Content\": write it in the text editor ($EDITOR)") },
	{ N_("h, +N"), N_("in a date: today, N working days from today") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("F10, Ctrl-S"), N_("save the letter") },
	{ N_("Esc"), N_("leave (asks before throwing away what was typed)") },
	{ NULL, NULL }
};

static const struct tui_keyhelp lf_bar[] = {
	{ N_("F10"), N_("Save") },
	{ N_("Tab"), N_("Next field") },
	{ N_("F9"), N_("Telex/VNI") },
	{ N_("Esc"), N_("Cancel") },
	{ NULL, NULL }
};

static const struct tui_screen_ops lf_ops[3] = {
	{ N_("New incoming letter"), lf_load, lf_draw, lf_key, lf_save_draft,
	    lf_destroy, lf_help, lf_bar },
	{ N_("New outgoing letter"), lf_load, lf_draw, lf_key, lf_save_draft,
	    lf_destroy, lf_help, lf_bar },
	{ N_("Change a letter"), lf_load, lf_draw, lf_key, lf_save_draft,
	    lf_destroy, lf_help, lf_bar },
};

/* The fields of a letter of direction DIR, filled from L (or empty with
 * today's dates when L is NULL). */
static void
add_fields(struct tui *t, struct lview *v, const struct ph_letter *l)
{
	struct tui_form		*fm = &v->form;
	struct tui_field	*f;
	struct ph_buf		 cc;
	char			 today[11], d1[11], d2[11], d3[11];
	size_t			 i;

	ph_date_vn(tui_today(t), today);
	if (v->dir == PH_DIR_OUT) {
		tui_form_add(fm, "type", N_("Type (CV, QĐ, BC ...)"),
		    TUI_FIELD_TEXT, l != NULL ? l->type : "CV", PH_FIELD_MAX);
		f = tui_form_add(fm, "number", N_("Document number"),
		    TUI_FIELD_TEXT, l != NULL ? l->number : "", PH_FIELD_MAX);
		if (l == NULL)
			f->hint = N_("proposed: the next of its type; keep it, or type another");
	} else
		tui_form_add(fm, "number", N_("Document number"),
		    TUI_FIELD_TEXT, l != NULL ? l->number : "", PH_FIELD_MAX);
	tui_form_add(fm, "date", N_("Date of the letter"), TUI_FIELD_DATE,
	    l != NULL ? ph_date_vn(l->date, d1) : v->dir == PH_DIR_OUT ?
	    today : "", 20)->required = 1;
	if (v->dir == PH_DIR_IN) {
		tui_form_add(fm, "received", N_("Received on"),
		    TUI_FIELD_DATE, l != NULL ? ph_date_vn(l->received, d2) :
		    today, 20)->required = 1;
		f = tui_form_add(fm, "from", N_("From"), TUI_FIELD_ORG,
		    l != NULL ? l->issuer : "", PH_FIELD_MAX);
		f->required = 1;
	} else {
		f = tui_form_add(fm, "to", N_("To"), TUI_FIELD_ORG,
		    l != NULL && l->recipients.n > 0 ? l->recipients.v[0] :
		    "", PH_FIELD_MAX);
		f->required = 1;
		ph_buf_init(&cc);
		for (i = 1; l != NULL && i < l->recipients.n; i++) {
			if (i > 1)
				ph_buf_adds(&cc, "; ");
			ph_buf_adds(&cc, l->recipients.v[i]);
		}
		f = tui_form_add(fm, "cc", N_("Also to (names, ; between)"),
		    TUI_FIELD_TEXT, cc.data != NULL ? cc.data : "", 0);
		ph_buf_release(&cc);
	}
	tui_form_add(fm, "subject", N_("Subject"), TUI_FIELD_TEXT,
	    l != NULL ? l->subject : "", PH_SUBJECT_MAX)->required = 1;
	tui_form_add(fm, "body", N_("Content"), TUI_FIELD_LONG,
	    l != NULL && l->body != NULL ? l->body : "", 0);
	if (v->dir == PH_DIR_IN)
		tui_form_add(fm, "type", N_("Type (CV, QĐ, BC ...)"),
		    TUI_FIELD_TEXT, l != NULL ? l->type : "", PH_FIELD_MAX);
	tui_form_add(fm, "signer", N_("Signed by"), TUI_FIELD_TEXT,
	    l != NULL ? l->signer : "", PH_FIELD_MAX);
	f = tui_form_add(fm, "classification", N_("Secrecy"),
	    TUI_FIELD_CHOICE, l != NULL ? ph_keyword_word(ph_class_words,
	    l->classification) : "none", 0);
	f->choices = ph_class_words;
	f = tui_form_add(fm, "urgency", N_("Urgency"), TUI_FIELD_CHOICE,
	    l != NULL ? ph_keyword_word(ph_urgency_words, l->urgency) :
	    "none", 0);
	f->choices = ph_urgency_words;
	f = tui_form_add(fm, "reply", v->dir == PH_DIR_IN ?
	    N_("Reply required") : N_("We ask for a reply"), TUI_FIELD_CHOICE,
	    l != NULL && l->reply_required ? "yes" : "no", 0);
	f->choices = yes_no;
	tui_form_add(fm, "due", N_("Due (empty: by the agreement)"),
	    TUI_FIELD_DATE, l != NULL && ph_date_is_set(l->due) ?
	    ph_date_vn(l->due, d3) : "", 20);
	tui_form_add(fm, "handler", N_("Handled by"), TUI_FIELD_TEXT,
	    l != NULL ? l->handler : "", PH_FIELD_MAX);
	tui_form_add(fm, "notes", N_("Notes"), TUI_FIELD_TEXT,
	    l != NULL ? l->notes : "", 0);
	tui_form_unit_style(t, fm);
}

static struct lview *
lf_new(struct tui *t, enum ph_direction dir)
{
	struct lview	*v = ph_xcalloc(1, sizeof *v);

	v->mode = dir == PH_DIR_IN ? LM_IN : LM_OUT;
	v->dir = dir;
	v->draft = ph_xstrdup(dir == PH_DIR_IN ? "letter-in" : "letter-out");
	tui_form_init(&v->form);
	add_fields(t, v, NULL);
	propose(t, v);
	return v;
}

/* The change form on letter ID, read now; NULL (said why) if it cannot
 * be read. */
static struct lview *
lf_edit(struct tui *t, int64_t id)
{
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 l;
	struct ph_error		 err;
	struct lview		*v;
	int64_t			 stamp;

	/* The stamp and the fields from one read transaction. */
	if (ph_store_begin(st, &err) != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return NULL;
	}
	if (ph_store_letter_stamp(st, id, &stamp, &err) != PH_OK ||
	    ph_store_letter_get(st, id, &l, &err) != PH_OK) {
		ph_store_rollback(st);
		tui_say(t, 1, "%s", err.msg);
		return NULL;
	}
	ph_store_rollback(st);
	v = ph_xcalloc(1, sizeof *v);
	v->mode = LM_EDIT;
	v->dir = l.direction;
	v->id = id;
	v->stamp = stamp;
	v->draft = ph_xasprintf("letter-edit:%lld", (long long)id);
	v->head = l.direction == PH_DIR_IN ?
	    ph_xasprintf(_("Incoming letter no. %lld of %d"),
	    (long long)l.register_no, l.reg_year) :
	    ph_xasprintf(_("Outgoing letter %s"), *l.number != '\0' ?
	    l.number : "-");
	tui_form_init(&v->form);
	add_fields(t, v, &l);
	ph_letter_release(&l);
	return v;
}

static int
refuse_closed(struct tui *t)
{
	if (!ph_store_is_readonly(tui_store(t)))
		return 0;
	tui_say(t, 1, "%s",
	    _("This register is closed: it can be read, not changed."));
	return 1;
}

void
tui_open_letterform(struct tui *t, enum ph_direction dir)
{
	if (refuse_closed(t))
		return;
	tui_push(t, &lf_ops[dir == PH_DIR_IN ? LM_IN : LM_OUT], lf_new(t, dir));
}

void
tui_open_letteredit(struct tui *t, int64_t id)
{
	struct lview	*v;

	if (refuse_closed(t) || (v = lf_edit(t, id)) == NULL)
		return;
	tui_push(t, &lf_ops[LM_EDIT], v);
}

int
tui_is_letterform(const struct tui_screen *sc, enum ph_direction dir)
{
	const struct lview	*v;

	if (sc->ops != &lf_ops[LM_IN] && sc->ops != &lf_ops[LM_OUT])
		return 0;
	v = sc->state;
	return v->dir == dir;
}

/* The draft's form name read back: mode, and the letter for a change. */
static int
parse_draft(const char *form, enum lmode *m, int64_t *id)
{
	const char	*p;
	long long	 x = 0;

	if (strcmp(form, "letter-in") == 0)
		*m = LM_IN;
	else if (strcmp(form, "letter-out") == 0)
		*m = LM_OUT;
	else if (strncmp(form, "letter-edit:", 12) == 0) {
		for (p = form + 12; *p >= '0' && *p <= '9' &&
		    x < 0x7fffffffLL; p++)
			x = x * 10 + (*p - '0');
		if (*p != '\0' || x <= 0 || x >= 0x7fffffffLL)
			return -1;
		*m = LM_EDIT;
		*id = x;
	} else
		return -1;
	return 0;
}

void
tui_letterform_offer_drafts(struct tui *t)
{
	struct ph_draft	*d = NULL;
	struct lview	*v;
	size_t		 n = 0, i;
	char		 when[32], *q;
	const char	*s;
	enum lmode	 m;
	int64_t		 id = 0;

	if (ph_store_is_readonly(tui_store(t)) ||
	    ph_draft_list(tui_db_path(t), &d, &n, NULL) != PH_OK)
		return;
	for (i = 0; i < n; i++) {
		if (parse_draft(d[i].form, &m, &id) != 0)
			continue;
		tui_draft_when(d[i].saved, when);
		q = m == LM_EDIT ? ph_xasprintf(_("A change to letter #%lld you were typing on %s was kept. Continue it?"),
		    (long long)id, when) : m == LM_OUT ?
		    ph_xasprintf(_("An outgoing letter you were typing on %s was kept. Continue it?"),
		    when) :
		    ph_xasprintf(_("A letter you were typing on %s was kept. Continue it?"),
		    when);
		if (!tui_confirm(t, q)) {
			(void)ph_draft_remove(tui_db_path(t), d[i].form, NULL);
			free(q);
			continue;
		}
		free(q);
		if (m == LM_EDIT) {
			if ((v = lf_edit(t, id)) == NULL) {
				(void)ph_draft_remove(tui_db_path(t),
				    d[i].form, NULL);
				continue;
			}
			/* Checked against the letter as it was when the
			 * typing began, not as it is now. */
			if ((s = ph_draft_get(&d[i], "_stamp")) != NULL)
				v->stamp = strtoll(s, NULL, 10);
			tui_open_letter(t, id);
		} else
			v = lf_new(t, m == LM_IN ? PH_DIR_IN : PH_DIR_OUT);
		tui_form_from_draft(&v->form, &d[i]);
		if (m == LM_OUT && (s = ph_draft_get(&d[i], "_proposed")) !=
		    NULL && strcmp(s, tui_form_text(&v->form, "number")) == 0) {
			/* The number was the one proposed then, not typed:
			 * propose again, it may have been taken since. */
			tui_edit_set(&tui_form_field(&v->form, "number")->edit,
			    "");
			free(v->prop_type);
			v->prop_type = NULL;
			propose(t, v);
		}
		tui_push(t, &lf_ops[m], v);
	}
	for (i = 0; i < n; i++)
		ph_draft_release(&d[i]);
	free(d);
}
