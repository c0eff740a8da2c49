/*
 * tui-newletter.c -- "Văn bản đến mới": registering an incoming letter.
 *
 * A form (tui-form.c) with the fields "letter add --direction in" takes;
 * F10 or Ctrl-S stores it through ph_flow_letter_add() in one
 * transaction (the due date from the agreement's rule when none is
 * typed), then shows the new letter in place of the form.  A refusal is
 * said on the message line and nothing typed is lost.  On SIGHUP or
 * SIGTERM the fields are kept as the draft "letter-in" (draft.c), offered
 * again at the next start; the draft goes once the letter is stored or
 * the clerk throws it away.  No SQL here.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "intl.h"
#include "tui.h"

#define CTRL_KEY(c)	((c) & 0x1F)
#define DRAFT_FORM	"letter-in"

struct nview {
	struct tui_form	form;
};

static const struct ph_keyword yes_no[] = {
	{ 0, "no", "khong", N_("no") },
	{ 1, "yes", "co", N_("yes") },
	{ -1, NULL, NULL, NULL }
};

static void
nl_load(struct tui *t, struct tui_screen *sc)
{
	struct nview	*v = sc->state;

	(void)t;
	/* Another process may have added an organization. */
	tui_form_reload(&v->form);
	sc->dirty = 1;
}

static void
nl_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct nview	*v = sc->state;

	tui_put(top, 1, _("A new incoming letter: F10 or Ctrl-S saves it, Esc leaves."),
	    w - 2, TUI_A_DIM, 0);
	tui_form_draw(t, &v->form, top + 2, h - 2, w);
}

static const char *
text_of(struct nview *v, const char *name)
{
	struct tui_field	*f = tui_form_field(&v->form, name);

	return f != NULL ? f->edit.text : "";
}

static void
remove_draft(struct tui *t)
{
	(void)ph_draft_remove(tui_db_path(t), DRAFT_FORM, NULL);
}

/* Check the fields and store the letter; TUI_CLOSE when it is stored
 * (the letter is shown on top then). */
static enum tui_result
nl_save(struct tui *t, struct nview *v)
{
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 l;
	struct ph_letter_notes	 notes;
	struct ph_error		 err;
	struct tui_field	*bad;
	int64_t			 id;

	if ((bad = tui_form_check(t, &v->form)) != NULL) {
		tui_say(t, 1, _("%s: %s"), _(bad->label), bad->error);
		return TUI_HANDLED;
	}
	ph_letter_init(&l);
	ph_letter_notes_init(&notes);
	l.direction = PH_DIR_IN;
	if (*text_of(v, "number") != '\0')
		ph_letter_set(&l.number, text_of(v, "number"));
	l.date = tui_form_field(&v->form, "date")->date;
	l.received = tui_form_field(&v->form, "received")->date;
	ph_letter_set(&l.issuer, text_of(v, "from"));
	ph_letter_set(&l.subject, text_of(v, "subject"));
	if (*text_of(v, "type") != '\0')
		ph_letter_set(&l.type, text_of(v, "type"));
	if (*text_of(v, "signer") != '\0')
		ph_letter_set(&l.signer, text_of(v, "signer"));
	l.classification = (enum ph_class)ph_class_words[tui_form_field(
	    &v->form, "classification")->choice].value;
	l.reply_required = yes_no[tui_form_field(&v->form, "reply")->choice]
	    .value;
	l.status = l.reply_required ? PH_ST_AWAITING : PH_ST_REGISTERED;
	l.due = tui_form_field(&v->form, "due")->date;
	if (*text_of(v, "notes") != '\0')
		ph_letter_set(&l.notes, text_of(v, "notes"));
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_flow_letter_add(st, tui_calendar(t), &l, &id, &notes, &err) !=
	    PH_OK || ph_store_commit(st, &err) != PH_OK) {
		ph_store_rollback(st);
		goto fail;
	}
	remove_draft(t);
	tui_say(t, 0, _("registered as incoming number %lld of %d"),
	    (long long)l.register_no, l.reg_year);
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

static enum tui_result
nl_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct nview	*v = sc->state;

	sc->dirty = 1;
	if ((k->is_key && k->ch == KEY_F(10)) ||
	    (!k->is_key && k->ch == CTRL_KEY('S')))
		return nl_save(t, v);
	if (tui_form_key(t, &v->form, k))
		return TUI_HANDLED;
	if (!k->is_key && k->ch == 27) {
		if (tui_form_changed(&v->form) && !tui_confirm(t,
		    _("Throw away the letter being typed?")))
			return TUI_HANDLED;
		remove_draft(t);
		return TUI_CLOSE;
	}
	/* Nothing else leaves the form by accident ("q" is typing). */
	if (!k->is_key)
		return TUI_HANDLED;
	sc->dirty = 0;
	return TUI_UNHANDLED;
}

static void
nl_save_draft(struct tui *t, struct tui_screen *sc)
{
	struct nview	*v = sc->state;
	struct ph_draft	 d;

	if (!tui_form_changed(&v->form))
		return;
	ph_draft_init(&d);
	d.form = ph_xstrdup(DRAFT_FORM);
	tui_form_to_draft(&v->form, &d);
	(void)ph_draft_save(tui_db_path(t), &d, NULL);
	ph_draft_release(&d);
}

static void
nl_destroy(struct tui_screen *sc)
{
	struct nview	*v = sc->state;

	tui_form_release(&v->form);
	free(v);
}

static const struct tui_keyhelp nl_help[] = {
	{ N_("Tab, Down, Enter"), N_("the next field") },
	{ N_("Shift-Tab, Up"), N_("the field before") },
	{ N_("Down/Up, Enter"), N_("in \"From\": pick a known organization") },
	{ N_("Space"), N_("change a choice (secrecy, reply required)") },
	{ N_("h, +N"), N_("in a date: today, N working days from today") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("F10, Ctrl-S"), N_("register the letter") },
	{ N_("Esc"), N_("leave (asks before throwing away what was typed)") },
	{ NULL, NULL }
};

static const struct tui_keyhelp nl_bar[] = {
	{ N_("F10"), N_("Save") },
	{ N_("Tab"), N_("Next field") },
	{ N_("F9"), N_("Telex/VNI") },
	{ N_("Esc"), N_("Cancel") },
	{ NULL, NULL }
};

const struct tui_screen_ops tui_newletter_ops = {
	N_("New incoming letter"),
	nl_load,
	nl_draw,
	nl_key,
	nl_save_draft,
	nl_destroy,
	nl_help,
	nl_bar,
};

static struct nview *
nl_new(struct tui *t)
{
	struct nview		*v = ph_xcalloc(1, sizeof *v);
	struct tui_field	*f;
	struct ph_unit		 u;
	char			 today[11];

	tui_form_init(&v->form);
	ph_date_vn(tui_today(t), today);
	tui_form_add(&v->form, "number", N_("Document number"),
	    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
	tui_form_add(&v->form, "date", N_("Date of the letter"),
	    TUI_FIELD_DATE, "", 20)->required = 1;
	tui_form_add(&v->form, "received", N_("Received on"),
	    TUI_FIELD_DATE, today, 20)->required = 1;
	tui_form_add(&v->form, "from", N_("From"), TUI_FIELD_ORG, "",
	    PH_FIELD_MAX)->required = 1;
	tui_form_add(&v->form, "subject", N_("Subject"), TUI_FIELD_TEXT, "",
	    PH_SUBJECT_MAX)->required = 1;
	tui_form_add(&v->form, "type", N_("Type (CV, QĐ, BC ...)"),
	    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
	tui_form_add(&v->form, "signer", N_("Signed by"), TUI_FIELD_TEXT, "",
	    PH_FIELD_MAX);
	f = tui_form_add(&v->form, "classification", N_("Secrecy"),
	    TUI_FIELD_CHOICE, "none", 0);
	f->choices = ph_class_words;
	f = tui_form_add(&v->form, "reply", N_("Reply required"),
	    TUI_FIELD_CHOICE, "no", 0);
	f->choices = yes_no;
	tui_form_add(&v->form, "due", N_("Due (empty: by the agreement)"),
	    TUI_FIELD_DATE, "", 20);
	tui_form_add(&v->form, "notes", N_("Notes"), TUI_FIELD_TEXT, "", 0);
	/* Type in the tone placement the register keeps, if it says. */
	memset(&u, 0, sizeof u);
	if (ph_store_unit_get(tui_store(t), &u, NULL) == PH_OK &&
	    u.tone_style >= 0)
		tui_form_set_style(&v->form, (enum ph_tone_style)u.tone_style);
	ph_unit_release(&u);
	return v;
}

void
tui_open_newletter(struct tui *t)
{
	if (ph_store_is_readonly(tui_store(t))) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return;
	}
	tui_push(t, &tui_newletter_ops, nl_new(t));
}

void
tui_newletter_offer_draft(struct tui *t)
{
	struct ph_draft	*d = NULL;
	struct nview	*v;
	size_t		 n = 0, i;
	char		 when[32], *q;
	const char	*s;

	if (ph_store_is_readonly(tui_store(t)) ||
	    ph_draft_list(tui_db_path(t), &d, &n, NULL) != PH_OK)
		return;
	for (i = 0; i < n; i++)
		if (strcmp(d[i].form, DRAFT_FORM) == 0)
			break;
	if (i < n) {
		/* 2026-11-20T09:05:00+07:00 -> 20/11/2026 09:05 */
		s = d[i].saved;
		if (strlen(s) >= 16)
			snprintf(when, sizeof when, "%.2s/%.2s/%.4s %.5s",
			    s + 8, s + 5, s, s + 11);
		else
			snprintf(when, sizeof when, "%s", s);
		q = ph_xasprintf(_("A letter you were typing on %s was kept. Continue it?"),
		    when);
		if (tui_confirm(t, q)) {
			v = nl_new(t);
			tui_form_from_draft(&v->form, &d[i]);
			tui_push(t, &tui_newletter_ops, v);
		} else
			remove_draft(t);
		free(q);
	}
	for (i = 0; i < n; i++)
		ph_draft_release(&d[i]);
	free(d);
}
