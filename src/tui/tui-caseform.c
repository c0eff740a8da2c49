/*
 * tui-caseform.c -- the case actions that need typing, opened from the
 * letter screen: a reply (a new letter answering the request), a new due
 * date, a disagreement, a direction received, an escalation report, the
 * case closed as resolved with a note.
 *
 * One screen with a mode per action, each a form (tui-form.c).  F10 or
 * Ctrl-S checks the fields and calls the flow function (ph_case_reply,
 * ph_case_extend, ph_case_disagree, ph_case_direct, ph_case_escalate,
 * ph_case_resolve) in one transaction; a refusal is said on the message
 * line and nothing typed is lost.  The escalation form shows where the
 * report goes before it is written (ph_case_escalation_next, the same
 * reading of the chain as ph_case_escalate), and opens the report once
 * it is.  On success the form closes and the letter screen under it
 * loads again.
 * On SIGHUP or SIGTERM the fields are kept as the draft
 * "case-ACTION:ID" (draft.c), offered again at the next start on the
 * same letter.  No SQL here.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "intl.h"
#include "tui.h"

enum cmode {
	CM_REPLY, CM_EXTEND, CM_DISAGREE, CM_DIRECT, CM_ESCALATE, CM_RESOLVE,
	CM__COUNT
};

/* The action's key on the letter screen and its word in a draft name. */
static const struct {
	int		 key;
	const char	*word;
} modes[CM__COUNT] = {
	{ 'r', "reply" },
	{ 'e', "extend" },
	{ 'd', "disagree" },
	{ 'D', "direct" },
	{ 'E', "escalate" },
	{ 'x', "resolve" },
};

struct cview {
	enum cmode		 mode;
	int64_t			 id;		/* the request */
	enum ph_direction	 dir;		/* the request's */
	char			*agreement;	/* the request's, or NULL */
	char			*head;		/* "#12  số 05-CV/ĐU  V/v ..." */
	struct ph_date		 due;		/* the request's */
	char			*draft;		/* "case-reply:12" */
	struct ph_escalation_next next;		/* CM_ESCALATE: where to */
	struct tui_form		 form;
};

static const struct ph_keyword yes_no[] = {
	{ 0, "no", "khong", N_("no") },
	{ 1, "yes", "co", N_("yes") },
	{ -1, NULL, NULL, NULL }
};

static void
cf_load(struct tui *t, struct tui_screen *sc)
{
	struct cview	*v = sc->state;

	(void)t;
	/* Another process may have added an organization. */
	tui_form_reload(&v->form);
	sc->dirty = 1;
}

static void
cf_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct cview	*v = sc->state;
	char		 d[11], *s;

	tui_put(top, 1, v->head, w - 2, TUI_A_HEADER, 0);
	if (v->mode == CM_ESCALATE) {
		/* Who will decide is said before the clerk writes to them. */
		s = ph_xasprintf(_("Report to: %s (level %d of %d)"),
		    v->next.body, v->next.level, v->next.levels);
		tui_put(top + 1, 1, s, w - 2, TUI_A_NORMAL, 0);
		free(s);
		if (v->next.via != NULL) {
			s = ph_xasprintf(_("Through:   %s"), v->next.via);
			tui_put(top + 2, 1, s, w - 2, TUI_A_NORMAL, 0);
			free(s);
		}
		tui_put(top + 3, 1, _("F10 or Ctrl-S writes the report, Esc leaves."),
		    w - 2, TUI_A_DIM, 0);
		tui_form_draw(t, &v->form, top + 5, h - 5, w);
		return;
	}
	if (v->mode == CM_EXTEND) {
		s = ph_xasprintf(_("Due now: %s.  A new date: dd/mm/yyyy, h (today) or +N working days."),
		    ph_date_is_set(v->due) ? ph_date_vn(v->due, d) : "-");
		tui_put(top + 1, 1, s, w - 2, TUI_A_DIM, 0);
		free(s);
	} else
		tui_put(top + 1, 1, _("F10 or Ctrl-S saves, Esc leaves."),
		    w - 2, TUI_A_DIM, 0);
	tui_form_draw(t, &v->form, top + 3, h - 3, w);
}

static void
remove_draft(struct tui *t, struct cview *v)
{
	(void)ph_draft_remove(tui_db_path(t), v->draft, NULL);
}

/* The reply as "case reply" prepares it, from the fields: the other
 * direction, to (or from) the side that asked. */
static void
prepare_reply(struct cview *v, struct ph_letter *r)
{
	ph_letter_init(r);
	r->direction = v->dir == PH_DIR_IN ? PH_DIR_OUT : PH_DIR_IN;
	if (r->direction == PH_DIR_OUT)
		ph_strv_push(&r->recipients, tui_form_text(&v->form, "party"));
	else
		ph_letter_set(&r->issuer, tui_form_text(&v->form, "party"));
	ph_letter_set(&r->agreement, v->agreement);
	r->date = tui_form_field(&v->form, "date")->date;
	if (r->direction == PH_DIR_IN)
		r->received = r->date;
	if (*tui_form_text(&v->form, "number") != '\0')
		ph_letter_set(&r->number, tui_form_text(&v->form, "number"));
	ph_letter_set(&r->subject, tui_form_text(&v->form, "subject"));
	if (*tui_form_text(&v->form, "type") != '\0')
		ph_letter_set(&r->type, tui_form_text(&v->form, "type"));
	if (*tui_form_text(&v->form, "signer") != '\0')
		ph_letter_set(&r->signer, tui_form_text(&v->form, "signer"));
}

/* F's error (a copy of MSG), shown under it. */
static void
field_error(struct tui_field *f, const char *msg)
{
	free(f->error);
	f->error = ph_xstrdup(msg);
}

/* Inside the caller's transaction: the report, then, when the clerk
 * changed the subject proposed or wrote a body, the report letter
 * updated with them, so that both are one change or none.  *NUMBER
 * gets the report's document number (caller frees). */
static enum ph_status
escalate(struct tui *t, struct cview *v, int64_t *out, char **number,
    struct ph_error *err)
{
	struct ph_store		*st = tui_store(t);
	struct tui_field	*subj = tui_form_field(&v->form, "subject");
	struct tui_field	*body = tui_form_field(&v->form, "body");
	struct ph_letter	 r;
	enum ph_status		 s;
	int			 new_subject, new_body;

	s = ph_case_escalate(st, tui_calendar(t), v->id, tui_form_text(&v->form, "reason"),
	    tui_form_field(&v->form, "date")->date, out, err);
	if (s != PH_OK)
		return s;
	if ((s = ph_store_letter_get(st, *out, &r, err)) != PH_OK)
		return s;
	new_subject = strcmp(subj->edit.text, subj->initial) != 0;
	new_body = body->edit.text[strspn(body->edit.text, " \t")] != '\0';
	if (new_subject)
		ph_letter_set(&r.subject, subj->edit.text);
	if (new_body)
		ph_letter_set(&r.body, body->edit.text);
	if ((new_subject || new_body) &&
	    (s = ph_store_letter_update(st, &r, NULL, err)) != PH_OK) {
		/* The letter's check refused what was typed: say it under
		 * the field that was typed. */
		if (new_subject && !new_body)
			field_error(subj, err->msg);
		else if (new_body && !new_subject)
			field_error(body, err->msg);
	}
	if (s == PH_OK)
		*number = ph_xstrdup(r.number != NULL ? r.number : "");
	ph_letter_release(&r);
	return s;
}

/* Check the fields and record the action; TUI_CLOSE when it is stored
 * (the letter screen under the form loads again). */
static enum tui_result
cf_save(struct tui *t, struct cview *v)
{
	struct ph_store		*st = tui_store(t);
	struct ph_letter	 r;
	struct ph_error		 err;
	struct tui_field	*bad;
	enum ph_status		 s;
	int64_t			 out = 0;
	int			 late = 0;
	char			 d[11], *number = NULL;
	const char		*by;

	if ((bad = tui_form_check(t, &v->form)) != NULL) {
		tui_say(t, 1, _("%s: %s"), _(bad->label), bad->error);
		return TUI_HANDLED;
	}
	ph_letter_init(&r);
	if ((s = ph_store_begin(st, &err)) != PH_OK)
		goto fail;
	switch (v->mode) {
	case CM_REPLY:
		ph_letter_release(&r);
		prepare_reply(v, &r);
		s = ph_case_reply(st, tui_calendar(t), v->id, 0, &r,
		    tui_today(t), &out, &late, &err);
		break;
	case CM_EXTEND:
		s = ph_case_extend(st, v->id,
		    tui_form_field(&v->form, "due")->date,
		    tui_form_text(&v->form, "reason"), tui_today(t), &err);
		break;
	case CM_DISAGREE:
		s = ph_case_disagree(st, v->id, tui_form_text(&v->form, "reason"),
		    tui_today(t), &err);
		break;
	case CM_ESCALATE:
		s = escalate(t, v, &out, &number, &err);
		break;
	case CM_RESOLVE:
		by = tui_form_text(&v->form, "note");
		s = ph_case_resolve(st, v->id, by[strspn(by, " \t")] != '\0' ?
		    by : NULL, tui_today(t), &err);
		break;
	default:
		by = tui_form_text(&v->form, "by");
		s = ph_case_direct(st, v->id, tui_form_text(&v->form, "instruction"),
		    *by != '\0' ? by : NULL, yes_no[tui_form_field(&v->form,
		    "interim")->choice].value, tui_today(t), &err);
		break;
	}
	if (s == PH_OK)
		s = ph_store_commit(st, &err);
	if (s != PH_OK) {
		ph_store_rollback(st);
		goto fail;
	}
	remove_draft(t, v);
	if (v->mode == CM_REPLY) {
		char *said = ph_xasprintf(late ?
		    _("letter %lld answered late") :
		    _("letter %lld answered on time"), (long long)v->id);
		tui_say(t, 0, _("%s; the reply is letter #%lld, number %s."),
		    said, (long long)out, r.number != NULL ? r.number : "");
		free(said);
	} else if (v->mode == CM_EXTEND)
		tui_say(t, 0, _("The due date is now %s."), ph_date_vn(
		    tui_form_field(&v->form, "due")->date, d));
	else if (v->mode == CM_ESCALATE) {
		/* The report is shown: it is what goes to be signed.  Back
		 * from it is the request, escalated. */
		tui_open_letter(t, out);
		tui_say(t, 0, _("Escalation report written: letter #%lld, number %s, to %s."),
		    (long long)out, number, v->next.body);
	} else if (v->mode == CM_RESOLVE)
		tui_say(t, 0, _("Letter %lld: the case is closed as resolved."),
		    (long long)v->id);
	else
		tui_say(t, 0, "%s", _("Done."));
	free(number);
	ph_letter_release(&r);
	return TUI_CLOSE;
fail:
	/* Every field stays as typed: the clerk corrects and saves again. */
	tui_say(t, 1, "%s", err.msg);
	free(number);
	ph_letter_release(&r);
	return TUI_HANDLED;
}

static enum tui_result
cf_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct cview		*v = sc->state;
	enum tui_form_action	 act;
	enum tui_result		 r;

	sc->dirty = 1;
	r = tui_form_screen_key(t, &v->form, k, _("Throw away what was typed?"),
	    &act);
	if (act == TUI_FORM_SAVE)
		return cf_save(t, v);
	if (act == TUI_FORM_LEAVE)
		remove_draft(t, v);
	if (r == TUI_UNHANDLED)
		sc->dirty = 0;
	return r;
}

static void
cf_save_draft(struct tui *t, struct tui_screen *sc)
{
	struct cview	*v = sc->state;
	struct ph_draft	 d;

	if (!tui_form_changed(&v->form))
		return;
	ph_draft_init(&d);
	d.form = ph_xstrdup(v->draft);
	tui_form_to_draft(&v->form, &d);
	(void)ph_draft_save(tui_db_path(t), &d, NULL);
	ph_draft_release(&d);
}

static void
cf_destroy(struct tui_screen *sc)
{
	struct cview	*v = sc->state;

	tui_form_release(&v->form);
	ph_escalation_next_release(&v->next);
	free(v->agreement);
	free(v->head);
	free(v->draft);
	free(v);
}

static const struct tui_keyhelp cf_help[] = {
	{ N_("Tab, Down, Enter"), N_("the next field") },
	{ N_("Shift-Tab, Up"), N_("the field before") },
	{ N_("Down/Up, Enter"), N_("in an organization: pick a known one") },
	{ N_("Space"), N_("change a choice") },
	{ N_("h, +N"), N_("in a date: today, N working days from today") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("F10, Ctrl-S"), N_("save") },
	{ N_("Esc"), N_("leave (asks before throwing away what was typed)") },
	{ NULL, NULL }
};

static const struct tui_keyhelp cf_bar[] = {
	{ N_("F10"), N_("Save") },
	{ N_("Tab"), N_("Next field") },
	{ N_("F9"), N_("Telex/VNI") },
	{ N_("Esc"), N_("Cancel") },
	{ NULL, NULL }
};

static const struct tui_screen_ops cf_ops[CM__COUNT] = {
	{ N_("Reply to a request"), cf_load, cf_draw, cf_key, cf_save_draft,
	    cf_destroy, cf_help, cf_bar },
	{ N_("Extend the due date"), cf_load, cf_draw, cf_key, cf_save_draft,
	    cf_destroy, cf_help, cf_bar },
	{ N_("Disagree with a request"), cf_load, cf_draw, cf_key,
	    cf_save_draft, cf_destroy, cf_help, cf_bar },
	{ N_("Record a direction"), cf_load, cf_draw, cf_key, cf_save_draft,
	    cf_destroy, cf_help, cf_bar },
	{ N_("Escalation report"), cf_load, cf_draw, cf_key, cf_save_draft,
	    cf_destroy, cf_help, cf_bar },
	{ N_("Resolve the case"), cf_load, cf_draw, cf_key, cf_save_draft,
	    cf_destroy, cf_help, cf_bar },
};

/* "V/v trả lời " and the request's subject, without its own "V/v". */
static char *
reply_subject(const char *subject)
{
	if (strncmp(subject, "V/v ", 4) == 0 ||
	    strncmp(subject, "v/v ", 4) == 0)
		subject += 4;
	return ph_xasprintf("V/v trả lời %s", subject);
}

/* The form for MODE on letter L (its case open); NULL, with the reason
 * said, when the action cannot be taken (an escalation with nowhere to
 * go). */
static struct cview *
cf_new(struct tui *t, enum cmode mode, const struct ph_letter *l)
{
	struct cview		*v = ph_xcalloc(1, sizeof *v);
	struct tui_field	*f;
	struct ph_error		 err;
	char			 today[11], *s;

	if (mode == CM_ESCALATE && ph_case_escalation_next(tui_store(t),
	    l->id, tui_today(t), &v->next, &err) != PH_OK) {
		/* The core's own refusal, before anything is typed. */
		tui_say(t, 1, "%s", err.msg);
		ph_escalation_next_release(&v->next);
		free(v);
		return NULL;
	}
	v->mode = mode;
	v->id = l->id;
	v->dir = l->direction;
	v->agreement = l->agreement != NULL ? ph_xstrdup(l->agreement) :
	    NULL;
	v->due = l->due;
	v->head = l->number != NULL && *l->number != '\0' ?
	    ph_xasprintf("#%lld  %s  %s", (long long)l->id, l->number,
	    l->subject) : ph_xasprintf("#%lld  %s", (long long)l->id,
	    l->subject);
	v->draft = ph_xasprintf("case-%s:%lld", modes[mode].word,
	    (long long)l->id);
	tui_form_init(&v->form);
	ph_date_vn(tui_today(t), today);
	switch (mode) {
	case CM_REPLY:
		tui_form_add(&v->form, "number",
		    N_("Number (empty: the next one)"),
		    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
		tui_form_add(&v->form, "date", N_("Date of the letter"),
		    TUI_FIELD_DATE, today, 20)->required = 1;
		if (l->direction == PH_DIR_IN)
			tui_form_add(&v->form, "party", N_("To"),
			    TUI_FIELD_ORG, l->issuer != NULL ? l->issuer : "",
			    PH_FIELD_MAX)->required = 1;
		else
			tui_form_add(&v->form, "party", N_("From"),
			    TUI_FIELD_ORG, l->recipients.n > 0 ?
			    l->recipients.v[0] : "", PH_FIELD_MAX)->required =
			    1;
		s = reply_subject(l->subject != NULL ? l->subject : "");
		tui_form_add(&v->form, "subject", N_("Subject"),
		    TUI_FIELD_TEXT, s, PH_SUBJECT_MAX)->required = 1;
		free(s);
		tui_form_add(&v->form, "type", N_("Type (CV, QĐ, BC ...)"),
		    TUI_FIELD_TEXT, "CV", PH_FIELD_MAX);
		tui_form_add(&v->form, "signer", N_("Signed by"),
		    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
		break;
	case CM_EXTEND:
		tui_form_add(&v->form, "due", N_("New due date"),
		    TUI_FIELD_DATE, "", 20)->required = 1;
		tui_form_add(&v->form, "reason", N_("Reason"), TUI_FIELD_TEXT,
		    "", PH_FIELD_MAX)->required = 1;
		break;
	case CM_DISAGREE:
		tui_form_add(&v->form, "reason", N_("Reason"), TUI_FIELD_TEXT,
		    "", PH_FIELD_MAX)->required = 1;
		break;
	case CM_ESCALATE:
		tui_form_add(&v->form, "reason",
		    N_("Reason / what is asked"), TUI_FIELD_TEXT,
		    "", PH_FIELD_MAX)->required = 1;
		tui_form_add(&v->form, "date", N_("Date of the report"),
		    TUI_FIELD_DATE, today, 20)->required = 1;
		tui_form_add(&v->form, "subject", N_("Subject"),
		    TUI_FIELD_TEXT, v->next.subject, PH_SUBJECT_MAX)->required =
		    1;
		/* One long line: the line editor has no paragraphs. */
		tui_form_add(&v->form, "body", N_("Body of the report"),
		    TUI_FIELD_TEXT, "", 100000);
		break;
	case CM_RESOLVE:
		tui_form_add(&v->form, "note", N_("Note (optional)"),
		    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
		break;
	default:
		tui_form_add(&v->form, "instruction", N_("Instruction"),
		    TUI_FIELD_TEXT, "", PH_FIELD_MAX)->required = 1;
		tui_form_add(&v->form, "by", N_("Directed by"), TUI_FIELD_ORG,
		    "", PH_FIELD_MAX);
		f = tui_form_add(&v->form, "interim",
		    N_("Interim (in force while waiting)"), TUI_FIELD_CHOICE,
		    "no", 0);
		f->choices = yes_no;
		break;
	}
	tui_form_unit_style(t, &v->form);
	return v;
}

/* Letter ID into *L if its case can take an action; else said, and
 * nonzero. */
static int
get_open(struct tui *t, int64_t id, struct ph_letter *l)
{
	struct ph_error	err;

	if (ph_store_is_readonly(tui_store(t))) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return 1;
	}
	if (ph_store_letter_get(tui_store(t), id, l, &err) != PH_OK) {
		tui_say(t, 1, "%s", err.msg);
		return 1;
	}
	if (!ph_case_is_open(l->status)) {
		tui_say(t, 1, "%s", _("This letter has no open case."));
		ph_letter_release(l);
		return 1;
	}
	return 0;
}

void
tui_open_caseform(struct tui *t, int64_t id, int key)
{
	struct ph_letter	l;
	struct cview		*v;
	int			m;

	for (m = 0; m < CM__COUNT; m++)
		if (modes[m].key == key)
			break;
	if (m == CM__COUNT || get_open(t, id, &l) != 0)
		return;
	if ((v = cf_new(t, (enum cmode)m, &l)) != NULL)
		tui_push(t, &cf_ops[m], v);
	ph_letter_release(&l);
}

/* "case-extend:12" -> CM_EXTEND, 12; -1 when NAME is no form of ours. */
static int
parse_draft_name(const char *name, int64_t *id)
{
	const char	*p;
	size_t		 n;
	int		 m;
	long long	 x = 0;

	if (strncmp(name, "case-", 5) != 0 || (p = strchr(name, ':')) == NULL)
		return -1;
	n = (size_t)(p - name - 5);
	for (m = 0; m < CM__COUNT; m++)
		if (strlen(modes[m].word) == n &&
		    strncmp(name + 5, modes[m].word, n) == 0)
			break;
	if (m == CM__COUNT || p[1] == '\0')
		return -1;
	for (p++; *p >= '0' && *p <= '9' && x < 0x7fffffffLL; p++)
		x = x * 10 + (*p - '0');
	if (*p != '\0' || x <= 0 || x >= 0x7fffffffLL)
		return -1;
	*id = x;
	return m;
}

void
tui_caseform_offer_drafts(struct tui *t)
{
	struct ph_draft		*d = NULL;
	struct ph_letter	 l;
	struct cview		*v;
	size_t			 n = 0, i;
	char			 when[32], *q;
	int64_t			 id;
	int			 m, taken = 0;

	if (ph_store_is_readonly(tui_store(t)) ||
	    ph_draft_list(tui_db_path(t), &d, &n, NULL) != PH_OK)
		return;
	/* One form is reopened at a time; the others wait for the next
	 * start. */
	for (i = 0; i < n && !taken; i++) {
		if ((m = parse_draft_name(d[i].form, &id)) < 0)
			continue;
		tui_draft_when(d[i].saved, when);
		q = ph_xasprintf(_("\"%s\" for letter #%lld, typed on %s, was kept. Continue it?"),
		    _(cf_ops[m].title), (long long)id, when);
		if (tui_confirm(t, q)) {
			if (get_open(t, id, &l) == 0) {
				tui_open_letter(t, id);
				/* NULL: the action can no longer be taken
				 * (said), and the draft goes. */
				if ((v = cf_new(t, (enum cmode)m, &l)) !=
				    NULL) {
					tui_form_from_draft(&v->form, &d[i]);
					tui_push(t, &cf_ops[m], v);
					taken = 1;
				} else
					(void)ph_draft_remove(tui_db_path(t),
					    d[i].form, NULL);
				ph_letter_release(&l);
			} else
				(void)ph_draft_remove(tui_db_path(t),
				    d[i].form, NULL);
		} else
			(void)ph_draft_remove(tui_db_path(t), d[i].form,
			    NULL);
		free(q);
	}
	for (i = 0; i < n; i++)
		ph_draft_release(&d[i]);
	free(d);
}
