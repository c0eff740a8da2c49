/*
 * letter.c -- model values: keyword tables, field checks, lifecycles of
 * struct ph_letter, ph_org and ph_agreement.
 *
 * Knows nothing of SQLite or of output.  Text typed by a person is
 * checked here once (valid UTF-8, NFC, size) so that the store only ever
 * sees clean values.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "intl.h"
#include "letter.h"
#include "viet.h"

const struct ph_keyword ph_direction_words[] = {
	{ PH_DIR_IN, "in", "den", N_("incoming") },
	{ PH_DIR_OUT, "out", "di", N_("outgoing") },
	{ -1, NULL, NULL, NULL }
};

const struct ph_keyword ph_class_words[] = {
	{ PH_CLASS_NONE, "none", "thuong", N_("ordinary") },
	{ PH_CLASS_MAT, "mat", "secret", N_("Secret (Mật)") },
	{ PH_CLASS_TOI_MAT, "toi-mat", "top-secret", N_("Top secret (Tối mật)") },
	{ PH_CLASS_TUYET_MAT, "tuyet-mat", "absolutely-secret",
	    N_("Absolutely secret (Tuyệt mật)") },
	{ -1, NULL, NULL, NULL }
};

const struct ph_keyword ph_urgency_words[] = {
	{ PH_URG_NONE, "none", "thuong", N_("normal") },
	{ PH_URG_KHAN, "khan", "urgent", N_("Urgent (Khẩn)") },
	{ PH_URG_THUONG_KHAN, "thuong-khan", "very-urgent",
	    N_("Very urgent (Thượng khẩn)") },
	{ PH_URG_HOA_TOC, "hoa-toc", "express", N_("Express (Hỏa tốc)") },
	{ -1, NULL, NULL, NULL }
};

const struct ph_keyword ph_status_words[] = {
	{ PH_ST_REGISTERED, "registered", "vao-so", N_("registered") },
	{ PH_ST_AWAITING, "awaiting-reply", "cho-tra-loi",
	    N_("awaiting reply") },
	{ PH_ST_REPLIED, "replied", "da-tra-loi", N_("replied") },
	{ PH_ST_EXTENDED, "extended", "gia-han", N_("extended") },
	{ PH_ST_REMINDED, "reminded", "da-don-doc", N_("reminded") },
	{ PH_ST_ESCALATED, "escalated", "cho-chi-dao",
	    N_("awaiting direction") },
	{ PH_ST_RESOLVED, "resolved", "da-giai-quyet", N_("resolved") },
	{ PH_ST_DISAGREED, "disagreed", "chua-thong-nhat", N_("disagreed") },
	{ PH_ST_DIRECTED, "directed", "da-co-chi-dao", N_("directed") },
	{ -1, NULL, NULL, NULL }
};

enum ph_status
ph_keyword_parse(const struct ph_keyword *table, const char *what,
    const char *word, int *out, struct ph_error *err)
{
	const struct ph_keyword	*k;
	struct ph_buf		 choices;
	enum ph_status		 st;

	for (k = table; k->word != NULL; k++) {
		if (strcasecmp(word, k->word) == 0 ||
		    strcasecmp(word, k->alias) == 0) {
			*out = k->value;
			return PH_OK;
		}
	}
	ph_buf_init(&choices);
	for (k = table; k->word != NULL; k++)
		ph_buf_printf(&choices, "%s%s", k == table ? "" : ", ",
		    k->word);
	st = ph_error_set(err, PH_ERR_INVALID,
	    _("unknown %s \"%s\" (one of: %s)"), what, word, choices.data);
	ph_buf_release(&choices);
	return st;
}

const char *
ph_keyword_word(const struct ph_keyword *table, int value)
{
	const struct ph_keyword	*k;

	for (k = table; k->word != NULL; k++)
		if (k->value == value)
			return k->word;
	return "?";
}

const char *
ph_keyword_label(const struct ph_keyword *table, int value)
{
	const struct ph_keyword	*k;

	for (k = table; k->word != NULL; k++)
		if (k->value == value)
			return _(k->label);
	return "?";
}

void
ph_letter_init(struct ph_letter *l)
{
	memset(l, 0, sizeof *l);
	ph_strv_init(&l->recipients);
}

void
ph_letter_release(struct ph_letter *l)
{
	size_t	i;

	free(l->number);
	free(l->type);
	free(l->issuer);
	ph_strv_release(&l->recipients);
	free(l->signer);
	free(l->subject);
	free(l->body);
	free(l->agreement);
	free(l->handler);
	free(l->notes);
	free(l->created);
	free(l->updated);
	for (i = 0; i < l->n_attachments; i++) {
		free(l->attachments[i].name);
		free(l->attachments[i].path);
	}
	free(l->attachments);
	ph_letter_init(l);
}

void
ph_letter_set(char **field, const char *value)
{
	free(*field);
	*field = value != NULL ? ph_xstrdup(value) : NULL;
}

void
ph_letter_add_attachment(struct ph_letter *l, const char *path)
{
	struct ph_attachment	*a;
	const char		*base = strrchr(path, '/');

	l->attachments = ph_xrealloc(l->attachments,
	    (l->n_attachments + 1) * sizeof *l->attachments);
	a = &l->attachments[l->n_attachments++];
	memset(a, 0, sizeof *a);
	a->path = ph_xstrdup(path);
	a->name = ph_xstrdup(base != NULL ? base + 1 : path);
}

static size_t
count_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

enum ph_status
ph_text_clean(char **text, const char *what, size_t max, int required,
    struct ph_error *err)
{
	size_t	 bad, n;
	char	*nfc;

	if (*text == NULL) {
		if (required)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("%s must not be empty"), what);
		return PH_OK;
	}
	if (!ph_utf8_valid(*text, strlen(*text), &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s is not valid UTF-8 (bad byte 0x%02X at offset %zu)"),
		    what, (unsigned char)(*text)[bad], bad);
	nfc = ph_viet_nfc(*text);
	free(*text);
	*text = nfc;
	if (required) {
		const char *p = nfc;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			return ph_error_set(err, PH_ERR_INVALID,
			    _("%s must not be empty"), what);
	}
	if (max > 0 && (n = count_chars(nfc)) > max)
		return ph_error_set(err, PH_ERR_TOOBIG,
		    _("%s is too long: %zu characters (at most %zu)"), what, n,
		    max);
	return PH_OK;
}

enum ph_status
ph_letter_check(struct ph_letter *l, struct ph_error *err)
{
	enum ph_status	st;
	size_t		i, bad;

	if ((st = ph_text_clean(&l->subject, _("the subject"), PH_SUBJECT_MAX,
	    1, err)) != PH_OK)
		return st;
	if ((st = ph_text_clean(&l->issuer, _("the issuer"), PH_FIELD_MAX, 1,
	    err)) != PH_OK)
		return st;
	if ((st = ph_text_clean(&l->number, _("the document number"),
	    PH_FIELD_MAX, 0, err)) != PH_OK ||
	    (st = ph_text_clean(&l->type, _("the document type"),
	    PH_FIELD_MAX, 0, err)) != PH_OK ||
	    (st = ph_text_clean(&l->signer, _("the signer"), PH_FIELD_MAX, 0,
	    err)) != PH_OK ||
	    (st = ph_text_clean(&l->handler, _("the handler"), PH_FIELD_MAX, 0,
	    err)) != PH_OK ||
	    (st = ph_text_clean(&l->notes, _("the note"), 0, 0, err)) != PH_OK
	    || (st = ph_text_clean(&l->agreement, _("the agreement number"),
	    PH_FIELD_MAX, 0, err)) != PH_OK)
		return st;
	if (l->body != NULL) {
		size_t len = strlen(l->body);
		if (len > PH_BODY_MAX)
			return ph_error_set(err, PH_ERR_TOOBIG,
			    _("the body is too large: %zu bytes (at most %u)"),
			    len, PH_BODY_MAX);
		if (!ph_utf8_valid(l->body, len, &bad))
			return ph_error_set(err, PH_ERR_INVALID,
			    _("the body is not valid UTF-8 (bad byte 0x%02X at offset %zu)"),
			    (unsigned char)l->body[bad], bad);
		if ((st = ph_text_clean(&l->body, _("the body"), 0, 0, err))
		    != PH_OK)
			return st;
	}
	for (i = 0; i < l->recipients.n; i++) {
		if ((st = ph_text_clean(&l->recipients.v[i],
		    _("a recipient"), PH_FIELD_MAX, 1, err)) != PH_OK)
			return st;
	}
	if (!ph_date_is_set(l->date))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the letter's date is missing"));
	if (ph_date_is_set(l->received) &&
	    ph_date_cmp(l->received, l->date) < 0) {
		char a[11], b[11];
		return ph_error_set(err, PH_ERR_INVALID,
		    _("received on %s, before the letter's date %s"),
		    ph_date_vn(l->received, a), ph_date_vn(l->date, b));
	}
	if (ph_date_is_set(l->due) && ph_date_cmp(l->due, l->date) < 0) {
		char a[11], b[11];
		return ph_error_set(err, PH_ERR_INVALID,
		    _("due date %s is before the letter's date %s"),
		    ph_date_vn(l->due, a), ph_date_vn(l->date, b));
	}
	return PH_OK;
}

void
ph_org_init(struct ph_org *o)
{
	memset(o, 0, sizeof *o);
}

void
ph_org_release(struct ph_org *o)
{
	free(o->name);
	free(o->short_name);
	free(o->code);
	free(o->level);
	free(o->superior);
	free(o->contact);
	ph_org_init(o);
}

enum ph_status
ph_org_check(struct ph_org *o, int name_required, struct ph_error *err)
{
	enum ph_status	st;

	if ((st = ph_text_clean(&o->name, _("the organization name"),
	    PH_FIELD_MAX, name_required || o->name != NULL, err)) != PH_OK ||
	    (st = ph_text_clean(&o->short_name, _("the short name"),
	    PH_FIELD_MAX, 0, err)) != PH_OK ||
	    (st = ph_text_clean(&o->code, _("the code"), 32, 0, err)) != PH_OK
	    || (st = ph_text_clean(&o->level, _("the level"), PH_FIELD_MAX, 0,
	    err)) != PH_OK ||
	    (st = ph_text_clean(&o->superior, _("the superior"), PH_FIELD_MAX,
	    0, err)) != PH_OK ||
	    (st = ph_text_clean(&o->contact, _("the contact"), PH_FIELD_MAX, 0,
	    err)) != PH_OK)
		return st;
	return PH_OK;
}

void
ph_agreement_init(struct ph_agreement *a)
{
	memset(a, 0, sizeof *a);
	ph_strv_init(&a->parties);
}

void
ph_agreement_release(struct ph_agreement *a)
{
	free(a->number);
	free(a->issuer);
	free(a->title);
	ph_strv_release(&a->parties);
	ph_agreement_init(a);
}
