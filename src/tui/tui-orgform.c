/*
 * tui-orgform.c -- "Cơ quan mới": an organization typed in a letter's
 * field that the register does not know yet, added with its details.
 *
 * A letter saved with a new name adds the organization with the name
 * only; this form is for the clerk who wants the rest too: the short
 * name and the code its numbers carry (so that "CATP" or "ĐU" find it),
 * its level, the body above it (the next level of an escalation) and a
 * contact.  F10 stores it through ph_store_org_add() in one transaction
 * and closes; the letter's form under it reloads the organizations and
 * the name is a known one from then on.  Nothing of the letter is saved
 * here.  No draft: the name is in the letter's own draft, the few other
 * words are typed again.  No SQL here.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "tui.h"

struct oview {
	struct tui_form	form;
};

static void
of_load(struct tui *t, struct tui_screen *sc)
{
	struct oview	*v = sc->state;

	(void)t;
	tui_form_reload(&v->form);
	sc->dirty = 1;
}

static void
of_draw(struct tui *t, struct tui_screen *sc, int top, int h, int w)
{
	struct oview	*v = sc->state;

	tui_put(top, 1, _("A new organization: F10 or Ctrl-S adds it, Esc goes back to the letter."),
	    w - 2, TUI_A_DIM, 0);
	tui_form_draw(t, &v->form, top + 2, h - 2, w);
}

/* An empty field is no value (NULL), as "org add" leaves it. */
static char *
value(struct oview *v, const char *name)
{
	const char	*s = tui_form_text(&v->form, name);

	return *s != '\0' ? ph_xstrdup(s) : NULL;
}

static enum tui_result
of_save(struct tui *t, struct oview *v)
{
	struct ph_store		*st = tui_store(t);
	struct tui_field	*bad;
	struct ph_org		 o;
	struct ph_error		 err;
	int64_t			 id;

	if ((bad = tui_form_check(t, &v->form)) != NULL) {
		tui_say(t, 1, _("%s: %s"), _(bad->label), bad->error);
		return TUI_HANDLED;
	}
	ph_org_init(&o);
	o.name = value(v, "name");
	o.short_name = value(v, "short");
	o.code = value(v, "code");
	o.level = value(v, "level");
	o.superior = value(v, "superior");
	o.contact = value(v, "contact");
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_store_org_add(st, &o, &id, &err) != PH_OK ||
	    ph_store_commit(st, &err) != PH_OK) {
		ph_store_rollback(st);
		goto fail;
	}
	tui_say(t, 0, _("organization added: %s"), o.name);
	ph_org_release(&o);
	return TUI_CLOSE;
fail:
	tui_say(t, 1, "%s", err.msg);
	ph_org_release(&o);
	return TUI_HANDLED;
}

static enum tui_result
of_key(struct tui *t, struct tui_screen *sc, const struct tui_key *k)
{
	struct oview		*v = sc->state;
	enum tui_form_action	 act;
	enum tui_result		 r;

	sc->dirty = 1;
	r = tui_form_screen_key(t, &v->form, k,
	    _("Go back without adding the organization?"), &act);
	if (act == TUI_FORM_SAVE)
		return of_save(t, v);
	if (r == TUI_UNHANDLED)
		sc->dirty = 0;
	return r;
}

static void
of_destroy(struct tui_screen *sc)
{
	struct oview	*v = sc->state;

	tui_form_release(&v->form);
	free(v);
}

static const struct tui_keyhelp of_help[] = {
	{ N_("Tab, Down, Enter"), N_("the next field") },
	{ N_("Shift-Tab, Up"), N_("the field before") },
	{ N_("Down/Up, Enter"), N_("in \"Above it\": pick a known organization") },
	{ N_("F9"), N_("type with Telex, VNI, or the keyboard as it is") },
	{ N_("F10, Ctrl-S"), N_("add the organization") },
	{ N_("Esc"), N_("back to the letter, adding nothing") },
	{ NULL, NULL }
};

static const struct tui_keyhelp of_bar[] = {
	{ N_("F10"), N_("Save") },
	{ N_("Tab"), N_("Next field") },
	{ N_("Esc"), N_("Cancel") },
	{ NULL, NULL }
};

static const struct tui_screen_ops of_ops = {
	N_("New organization"),
	of_load,
	of_draw,
	of_key,
	NULL,
	of_destroy,
	of_help,
	of_bar,
};

void
tui_open_orgform(struct tui *t, const char *name)
{
	struct oview	*v;

	if (ph_store_is_readonly(tui_store(t))) {
		tui_say(t, 1, "%s",
		    _("This register is closed: it can be read, not changed."));
		return;
	}
	v = ph_xcalloc(1, sizeof *v);
	tui_form_init(&v->form);
	tui_form_add(&v->form, "name", N_("Name"), TUI_FIELD_TEXT, name,
	    PH_FIELD_MAX)->required = 1;
	tui_form_add(&v->form, "short", N_("Short name"), TUI_FIELD_TEXT, "",
	    PH_FIELD_MAX);
	tui_form_add(&v->form, "code", N_("Code in its numbers (ĐU, TU ...)"),
	    TUI_FIELD_TEXT, "", 32)->hint =
	    N_("as its document numbers end: 12-CV/ĐU has the code ĐU");
	tui_form_add(&v->form, "level", N_("Level (tỉnh, huyện, xã ...)"),
	    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
	tui_form_add(&v->form, "superior", N_("Above it"), TUI_FIELD_ORG, "",
	    PH_FIELD_MAX)->hint =
	    N_("the body it reports to; a case escalates there");
	tui_form_add(&v->form, "contact", N_("Contact (đầu mối)"),
	    TUI_FIELD_TEXT, "", PH_FIELD_MAX);
	tui_form_unit_style(t, &v->form);
	/* The name came from the letter; the details are what is missing. */
	v->form.cur = 1;
	tui_push(t, &of_ops, v);
}
