/*
 * store-letter.c -- letters in the store: register numbers, document
 * numbers of our own outgoing letters, recipients, attachments, listing,
 * the letters' event log.
 *
 * Numbering follows ../shared/facts/documents.md: số đến runs per year of
 * receipt; our outgoing numbers run per type through the committee's term
 * in Party style (classified letters share the counter) or per calendar
 * year with classified letters apart in state style.  Counters only go
 * up, so a number is never given twice, even after a delete.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "intl.h"
#include "store-private.h"
#include "viet.h"

#define LETTER_SNAPSHOT \
	"SELECT json_object('id', l.id, 'uid', l.uid, 'direction', l.direction," \
	" 'register_no', l.register_no, 'reg_year', l.reg_year," \
	" 'number', l.number, 'type', l.type, 'date', l.date," \
	" 'received', l.received, 'issuer', o.name, 'recipients'," \
	" (SELECT json_group_array(name) FROM (SELECT ro.name FROM" \
	"  letter_recipients r JOIN organizations ro ON ro.id = r.org_id" \
	"  WHERE r.letter_id = l.id ORDER BY r.position))," \
	" 'signer', l.signer, 'subject', l.subject," \
	" 'body_bytes', length(CAST(l.body AS BLOB))," \
	" 'classification', l.classification, 'urgency', l.urgency," \
	" 'agreement', a.number, 'reply_required', l.reply_required," \
	" 'due', l.due, 'in_reply_to', l.in_reply_to, 'status', l.status," \
	" 'escalation_level', l.escalation_level, 'replied_on', l.replied_on," \
	" 'handler', l.handler, 'notes', l.notes, 'attachments'," \
	" (SELECT json_group_array(json_object('name', name, 'size', size))" \
	"  FROM attachments WHERE letter_id = l.id))" \
	" FROM letters l JOIN organizations o ON o.id = l.issuer_id" \
	" LEFT JOIN agreements a ON a.id = l.agreement_id WHERE l.id = ?"

/* The body is not copied into the event log (it may be 10 MB; its size
 * is), everything else is, before and after. */
static char *
letter_snapshot(struct ph_store *st, int64_t id)
{
	static const char	sql[] = LETTER_SNAPSHOT;

	return store_snapshot(st, sql, id);
}

void
ph_letter_notes_init(struct ph_letter_notes *n)
{
	ph_strv_init(&n->new_orgs);
	ph_strv_init(&n->new_agreements);
}

void
ph_letter_notes_release(struct ph_letter_notes *n)
{
	ph_strv_release(&n->new_orgs);
	ph_strv_release(&n->new_agreements);
}

void
ph_letter_filter_init(struct ph_letter_filter *f)
{
	memset(f, 0, sizeof *f);
	f->direction = -1;
	f->status = -1;
}

static enum ph_status
ensure_org(struct ph_store *st, const char *name, int64_t *id,
    struct ph_letter_notes *notes, struct ph_error *err)
{
	int		created;
	enum ph_status	s;

	s = ph_store_org_ensure(st, name, id, &created, err);
	if (s == PH_OK && created && notes != NULL)
		ph_strv_push(&notes->new_orgs, name);
	return s;
}

/* Fill in what a letter gets by default before it is checked: our unit
 * as issuer of an outgoing letter and recipient of an incoming one,
 * today as the receipt date of an incoming one. */
static enum ph_status
letter_defaults(struct ph_store *st, struct ph_letter *l,
    const struct ph_unit *u, struct ph_error *err)
{
	if (l->direction == PH_DIR_OUT) {
		if (l->issuer == NULL)
			l->issuer = ph_xstrdup(u->name);
		if (l->recipients.n == 0)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("an outgoing letter needs at least one recipient (--to)"));
	} else {
		if (l->issuer == NULL)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("an incoming letter needs its issuer (--from)"));
		if (l->recipients.n == 0)
			ph_strv_push(&l->recipients, u->name);
		if (!ph_date_is_set(l->received))
			l->received = ph_today();
	}
	if (l->number == NULL)
		l->number = ph_xstrdup("");
	if (l->type == NULL)
		l->type = ph_xstrdup("");
	if (l->signer == NULL)
		l->signer = ph_xstrdup("");
	if (l->handler == NULL)
		l->handler = ph_xstrdup("");
	if (l->notes == NULL)
		l->notes = ph_xstrdup("");
	return PH_OK;
}

/* Check the type code against data/doctypes.tsv and write it in its
 * canonical spelling. */
static enum ph_status
check_type(struct ph_store *st, struct ph_letter *l, struct ph_error *err)
{
	const struct ph_doctype		*dt;
	enum ph_status			 s;

	if (*l->type == '\0')
		return PH_OK;
	if ((s = ph_store_doctype_find(st, l->type, &dt, err)) != PH_OK)
		return s;
	ph_letter_set(&l->type, dt->code);
	return PH_OK;
}

enum ph_status
ph_store_doctype_find(struct ph_store *st, const char *code,
    const struct ph_doctype **out, struct ph_error *err)
{
	const struct ph_doctypes	*t;
	enum ph_status			 s;

	*out = NULL;
	if ((s = ph_store_doctypes(st, &t, err)) != PH_OK)
		return s;
	if ((*out = ph_doctypes_find(t, code)) == NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("unknown document type \"%s\" (the codes are in doctypes.tsv: CV, BC, TB, QĐ, KH, GM, ...)"),
		    code);
	return PH_OK;
}

static int
same_code(const char *a, const char *b)
{
	char	*ka = ph_viet_name_key(a), *kb = ph_viet_name_key(b);
	int	 same = strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return same;
}

/* The first day of the term (nhiệm kỳ) in force on D, from the terms
 * recorded so far; "" when D is before all of them. */
static enum ph_status
term_of(struct ph_store *st, struct ph_date d, char out[11],
    struct ph_error *err)
{
	static const char	 sql[] =
	    "SELECT max(start) FROM terms WHERE start <= ?";
	sqlite3_stmt		*s;
	const char		*v;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	store_bind_date(s, 1, d);
	rc = sqlite3_step(s);
	v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	snprintf(out, 11, "%s", v != NULL ? v : "");
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? PH_OK : store_fail(st, rc, err);
}

/* The counter series an outgoing letter of ours numbers in (caller
 * frees *OUT). */
static enum ph_status
out_series(struct ph_store *st, const struct ph_unit *u,
    const struct ph_letter *l, const char *type, char **out,
    struct ph_error *err)
{
	char		term[11];
	enum ph_status	s;

	if (u->numbering == PH_NUMBERING_STATE) {
		*out = ph_xasprintf("out/state/%d%s", l->date.y,
		    l->classification != PH_CLASS_NONE ? "/secret" : "");
		return PH_OK;
	}
	/* Party style: one counter per type through the term in force on
	 * the letter's date; classified letters share it. */
	if ((s = term_of(st, l->date, term, err)) != PH_OK)
		return s;
	*out = ph_xasprintf("out/party/%s/%s", *term ? term : "before", type);
	return PH_OK;
}

/* Is NUMBER "N/CODE" with CODE our unit's code: a state-style công văn
 * of ours, which carries no type code?  The free-text parser does not
 * take that shape (in prose "5/ĐU" could be anything); here we know
 * whose code it is. */
static int
own_state_cv(const char *number, const char *code, struct ph_docno *dn)
{
	const char	*p = number;
	long		 n = 0;

	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9' && n < 100000000)
		n = n * 10 + (*p++ - '0');
	if (*p++ != '/' || n == 0 || !same_code(p, code))
		return 0;
	memset(dn, 0, sizeof *dn);
	dn->number = n;
	dn->style = PH_DOCNO_STATE;
	snprintf(dn->issuer, sizeof dn->issuer, "%s", code);
	return 1;
}

/* The next number of the series outgoing letter L (type set) numbers in,
 * formatted into BUF: taken from the counter when TAKE, else only read
 * (what the form proposes; another clerk may take it first). */
static enum ph_status
next_number(struct ph_store *st, const struct ph_letter *l,
    const struct ph_unit *u, int take, int64_t *n, char *buf, size_t len,
    struct ph_error *err)
{
	struct ph_docno	 dn;
	enum ph_status	 s;
	char		*series;

	if ((s = out_series(st, u, l, l->type, &series, err)) != PH_OK)
		return s;
	s = take ? store_counter_next(st, series, 0, n, err) :
	    store_counter_peek(st, series, n, err);
	free(series);
	if (s != PH_OK)
		return s;
	memset(&dn, 0, sizeof dn);
	dn.number = (long)*n;
	snprintf(dn.issuer, sizeof dn.issuer, "%s", u->code);
	dn.style = u->numbering == PH_NUMBERING_STATE ? PH_DOCNO_STATE :
	    PH_DOCNO_PARTY;
	/* Nghị định 30/2020: a state-style công văn carries no type code
	 * ("123/UBND-VP"); every other type does ("06/QĐ-TTg"). */
	if (dn.style != PH_DOCNO_STATE || strcmp(l->type, "CV") != 0)
		snprintf(dn.type, sizeof dn.type, "%s", l->type);
	ph_docno_format(&dn, buf, len);
	return PH_OK;
}

static enum ph_status
assign_numbers(struct ph_store *st, struct ph_letter *l,
    const struct ph_unit *u, struct ph_error *err)
{
	const struct ph_doctypes	*t;
	struct ph_docno			 dn;
	enum ph_status			 s;
	char				*series, buf[128];
	int64_t				 n;

	if (l->direction == PH_DIR_IN) {
		l->reg_year = l->received.y;
		series = ph_xasprintf("in/%d", l->reg_year);
		s = store_counter_next(st, series, 0, &l->register_no, err);
		free(series);
		if (s != PH_OK)
			return s;
		/* Take the type from the document number when not given. */
		if (*l->type == '\0' && *l->number != '\0' &&
		    ph_store_doctypes(st, &t, NULL) == PH_OK &&
		    ph_docno_parse(t, l->number, &dn, NULL) == PH_OK &&
		    ph_doctypes_find(t, dn.type) != NULL)
			ph_letter_set(&l->type, ph_doctypes_find(t, dn.type)->code);
		return PH_OK;
	}

	l->reg_year = l->date.y;
	if ((s = ph_store_doctypes(st, &t, err)) != PH_OK)
		return s;
	if (*l->number != '\0') {
		/* A number typed by hand: keep it as written, learn its type,
		 * and if it is one of ours, move our counter past it so that
		 * the next proposed number does not repeat it. */
		if (u->numbering == PH_NUMBERING_STATE &&
		    own_state_cv(l->number, u->code, &dn)) {
			/* "20/ĐU": one of our state-style công văn. */
			if (*l->type == '\0')
				ph_letter_set(&l->type, "CV");
		} else if (ph_docno_parse(t, l->number, &dn, NULL) != PH_OK)
			return PH_OK;
		if (*l->type == '\0' && ph_doctypes_find(t, dn.type) != NULL)
			ph_letter_set(&l->type, ph_doctypes_find(t, dn.type)->code);
		l->register_no = dn.number;
		if (dn.number > 0 && same_code(dn.issuer, u->code) &&
		    *l->type != '\0') {
			if ((s = out_series(st, u, l, l->type, &series, err))
			    != PH_OK)
				return s;
			s = store_counter_next(st, series, dn.number, NULL, err);
			free(series);
			return s;
		}
		return PH_OK;
	}
	if (*l->type == '\0')
		ph_letter_set(&l->type, "CV");
	if ((s = next_number(st, l, u, 1, &n, buf, sizeof buf, err)) != PH_OK)
		return s;
	ph_letter_set(&l->number, buf);
	l->register_no = n;
	return PH_OK;
}

enum ph_status
ph_store_letter_propose_number(struct ph_store *st, const struct ph_letter *l,
    char **out, struct ph_error *err)
{
	const struct ph_doctype		*dt;
	struct ph_letter		 c;
	struct ph_unit			 u;
	enum ph_status			 s;
	int64_t				 n;
	char				 buf[128];

	*out = NULL;
	if ((s = ph_store_doctype_find(st, l->type != NULL &&
	    *l->type != '\0' ? l->type : "CV", &dt, err)) != PH_OK)
		return s;
	if ((s = ph_store_unit_get(st, &u, err)) != PH_OK)
		return s;
	/* A shallow copy: next_number reads the date, the secrecy and the
	 * type, and the type must be the canonical code. */
	c = *l;
	c.type = dt->code;
	s = next_number(st, &c, &u, 0, &n, buf, sizeof buf, err);
	ph_unit_release(&u);
	if (s == PH_OK)
		*out = ph_xstrdup(buf);
	return s;
}

/* Issuer, recipients, agreement: resolve names to rows, creating those
 * not yet known (and saying so through NOTES). */
static enum ph_status
resolve_refs(struct ph_store *st, const struct ph_letter *l, int64_t *issuer,
    int64_t **recips, int64_t *agreement, struct ph_letter_notes *notes,
    struct ph_error *err)
{
	enum ph_status	s;
	size_t		i;
	int		created;

	*recips = NULL;
	*agreement = 0;
	if ((s = ensure_org(st, l->issuer, issuer, notes, err)) != PH_OK)
		return s;
	*recips = ph_xcalloc(l->recipients.n + 1, sizeof **recips);
	for (i = 0; i < l->recipients.n; i++)
		if ((s = ensure_org(st, l->recipients.v[i], &(*recips)[i], notes,
		    err)) != PH_OK)
			return s;
	if (l->agreement != NULL && *l->agreement != '\0') {
		if ((s = ph_store_agreement_ensure(st, l->agreement, agreement,
		    &created, err)) != PH_OK)
			return s;
		if (created && notes != NULL)
			ph_strv_push(&notes->new_agreements, l->agreement);
	}
	return PH_OK;
}

static enum ph_status
check_reply_target(struct ph_store *st, const struct ph_letter *l,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT 1 FROM letters WHERE id = ?";
	sqlite3_stmt		*s;
	int			 rc;

	if (l->in_reply_to == 0)
		return PH_OK;
	if (l->in_reply_to == l->id)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("a letter cannot reply to itself"));
	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, l->in_reply_to);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no letter with id %lld"), (long long)l->in_reply_to);
	return rc == SQLITE_ROW ? PH_OK : store_fail(st, rc, err);
}

static enum ph_status
write_recipients(struct ph_store *st, int64_t id, const int64_t *recips,
    size_t n, struct ph_error *err)
{
	static const char	 del[] =
	    "DELETE FROM letter_recipients WHERE letter_id = ?";
	static const char	 ins[] = "INSERT OR IGNORE INTO letter_recipients"
	    "(letter_id, position, org_id) VALUES (?,?,?)";
	sqlite3_stmt		*s;
	size_t			 i, j;
	int			 rc;

	if ((s = store_stmt(st, del, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	for (i = 0; i < n; i++) {
		/* The same body named twice is one recipient. */
		for (j = 0; j < i && recips[j] != recips[i]; j++)
			;
		if (j < i)
			continue;
		if ((s = store_stmt(st, ins, err)) == NULL)
			return store_errcode(err);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		sqlite3_bind_int64(s, 3, recips[i]);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, err);
	}
	return PH_OK;
}

static enum ph_status
write_attachments(struct ph_store *st, int64_t id, struct ph_letter *l,
    struct ph_error *err)
{
	static const char	 ins[] = "INSERT INTO attachments(uid, letter_id,"
	    " name, size, data, created) VALUES (?,?,?,?,?,?)";
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	char			*data, uid[33], now[32];
	size_t			 i, len;
	int			 rc;

	for (i = 0; i < l->n_attachments; i++) {
		struct ph_attachment *a = &l->attachments[i];
		if (a->path == NULL)
			continue;	/* already stored */
		if ((ret = ph_text_clean(&a->name, _("the attachment name"),
		    PH_FIELD_MAX, 1, err)) != PH_OK)
			return ret;
		ret = ph_file_read(a->path, PH_ATTACH_MAX, &data, &len, err);
		if (ret == PH_ERR_TOOBIG)
			return ph_error_set(err, PH_ERR_TOOBIG,
			    _("attachment %s is larger than %u MB"), a->path,
			    PH_ATTACH_MAX / (1024 * 1024));
		if (ret != PH_OK)
			return ret;
		if ((s = store_stmt(st, ins, err)) == NULL) {
			free(data);
			return store_errcode(err);
		}
		ph_uid_new(uid);
		sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, id);
		sqlite3_bind_text(s, 3, a->name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 4, (int64_t)len);
		sqlite3_bind_blob64(s, 5, data, len, free);
		sqlite3_bind_text(s, 6, store_now(now), -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, err);
		a->id = sqlite3_last_insert_rowid(st->db);
		a->size = (int64_t)len;
		free(a->path);
		a->path = NULL;
	}
	return PH_OK;
}

/* Bind the columns shared by INSERT and UPDATE, numbered from 2 in
 * both statements below. */
static void
bind_letter(sqlite3_stmt *s, const struct ph_letter *l, int64_t issuer,
    int64_t agreement, const char *now)
{
	sqlite3_bind_int(s, 2, l->reg_year);
	if (l->register_no > 0)
		sqlite3_bind_int64(s, 3, l->register_no);
	store_bind_text(s, 4, l->number);
	store_bind_text(s, 5, l->type);
	store_bind_date(s, 6, l->date);
	store_bind_date(s, 7, l->received);
	sqlite3_bind_int64(s, 8, issuer);
	store_bind_text(s, 9, l->signer);
	store_bind_text(s, 10, l->subject);
	store_bind_text(s, 11, l->body);
	sqlite3_bind_text(s, 12, ph_keyword_word(ph_class_words,
	    l->classification), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, ph_keyword_word(ph_urgency_words, l->urgency),
	    -1, SQLITE_STATIC);
	if (agreement > 0)
		sqlite3_bind_int64(s, 14, agreement);
	sqlite3_bind_int(s, 15, l->reply_required ? 1 : 0);
	store_bind_date(s, 16, l->due);
	if (l->in_reply_to > 0)
		sqlite3_bind_int64(s, 17, l->in_reply_to);
	sqlite3_bind_text(s, 18, ph_keyword_word(ph_status_words, l->status),
	    -1, SQLITE_STATIC);
	store_bind_text(s, 19, l->handler);
	store_bind_text(s, 20, l->notes);
	sqlite3_bind_text(s, 21, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 23, l->escalation_level);
	store_bind_date(s, 24, l->replied_on);
}

/*
 * The clerk's chosen tone placement (init --tone-style) for a new
 * letter's own text.  Only new text: a letter already stored is never
 * rewritten behind the clerk's back, and names of organizations are
 * matched, not restyled.
 */
static void
restyle_text(struct ph_letter *l, enum ph_tone_style style)
{
	char	**f[] = { &l->subject, &l->body, &l->notes, &l->signer };
	size_t	  i;
	char	 *r;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (*f[i] == NULL)
			continue;
		r = ph_viet_tone_restyle(*f[i], style);
		free(*f[i]);
		*f[i] = r;
	}
}

enum ph_status
ph_store_letter_add(struct ph_store *st, struct ph_letter *l, int64_t *id_out,
    struct ph_letter_notes *notes, struct ph_error *err)
{
	static const char	 sql[] = "INSERT INTO letters(uid, reg_year,"
	    " register_no, number, type, date, received, issuer_id, signer,"
	    " subject, body, classification, urgency, agreement_id,"
	    " reply_required, due, in_reply_to, status, handler, notes,"
	    " updated, direction, created, escalation_level, replied_on)"
	    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
	    "?17,?18,?19,?20,?21,?22,?21,?23,?24)";
	struct ph_unit		 u;
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	int64_t			 issuer, agreement, *recips = NULL, id;
	char			 now[32], *snap;
	int			 rc;

	if ((ret = ph_store_unit_get(st, &u, err)) != PH_OK)
		return ret;
	if ((ret = letter_defaults(st, l, &u, err)) != PH_OK ||
	    (ret = ph_letter_check(l, err)) != PH_OK ||
	    (ret = check_type(st, l, err)) != PH_OK ||
	    (ret = check_reply_target(st, l, err)) != PH_OK)
		goto out;
	if (u.tone_style >= 0)
		restyle_text(l, (enum ph_tone_style)u.tone_style);
	if (l->status == PH_ST_REGISTERED && l->reply_required)
		l->status = PH_ST_AWAITING;
	if ((ret = assign_numbers(st, l, &u, err)) != PH_OK ||
	    (ret = resolve_refs(st, l, &issuer, &recips, &agreement, notes,
	    err)) != PH_OK)
		goto out;
	if ((s = store_stmt(st, sql, err)) == NULL) {
		ret = store_errcode(err);
		goto out;
	}
	ph_uid_new(l->uid);
	sqlite3_bind_text(s, 1, l->uid, -1, SQLITE_TRANSIENT);
	bind_letter(s, l, issuer, agreement, store_now(now));
	sqlite3_bind_text(s, 22, l->direction == PH_DIR_IN ? "in" : "out", -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, err);
		goto out;
	}
	id = l->id = sqlite3_last_insert_rowid(st->db);
	if ((ret = write_recipients(st, id, recips, l->recipients.n, err)) !=
	    PH_OK || (ret = write_attachments(st, id, l, err)) != PH_OK ||
	    (ret = store_search_index(st, id, err)) != PH_OK)
		goto out;
	snap = letter_snapshot(st, id);
	ret = store_event(st, "letter", id, l->uid, "insert", NULL, snap, err);
	free(snap);
	if (ret == PH_OK && id_out != NULL)
		*id_out = id;
out:
	free(recips);
	ph_unit_release(&u);
	return ret;
}

/* Recipients come in the order of letter_recipients' key (letter_id,
 * position): the CROSS JOIN makes SQLite scan that table first, in key
 * order, without the sorter a nested ORDER BY costs on every row. */
#define LETTER_COLUMNS \
	"SELECT l.id, l.uid, l.direction, l.reg_year, l.register_no," \
	" l.number, l.type, l.date, l.received, o.name," \
	" (SELECT group_concat(ro.name, char(10)) FROM letter_recipients r" \
	"  CROSS JOIN organizations ro ON ro.id = r.org_id" \
	"  WHERE r.letter_id = l.id)," \
	" l.signer, l.subject, l.classification, l.urgency, a.number," \
	" l.reply_required, l.due, l.in_reply_to, l.status, l.handler," \
	" l.notes, l.created, l.updated, l.escalation_level, l.replied_on"

static void
letter_from_row(sqlite3_stmt *s, struct ph_letter *l)
{
	const char	*p;
	int		 v;

	ph_letter_init(l);
	l->id = sqlite3_column_int64(s, 0);
	snprintf(l->uid, sizeof l->uid, "%s", sqlite3_column_text(s, 1));
	p = (const char *)sqlite3_column_text(s, 2);
	l->direction = p != NULL && strcmp(p, "out") == 0 ? PH_DIR_OUT :
	    PH_DIR_IN;
	l->reg_year = sqlite3_column_int(s, 3);
	l->register_no = sqlite3_column_int64(s, 4);
	l->number = store_column_dup(s, 5);
	l->type = store_column_dup(s, 6);
	l->date = store_column_date(s, 7);
	l->received = store_column_date(s, 8);
	l->issuer = store_column_dup(s, 9);
	p = (const char *)sqlite3_column_text(s, 10);
	while (p != NULL && *p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		ph_strv_take(&l->recipients, ph_xstrndup(p, n));
		p += n + (nl != NULL);
	}
	l->signer = store_column_dup(s, 11);
	l->subject = store_column_dup(s, 12);
	p = (const char *)sqlite3_column_text(s, 13);
	if (p != NULL && ph_keyword_parse(ph_class_words, "", p, &v, NULL) ==
	    PH_OK)
		l->classification = v;
	p = (const char *)sqlite3_column_text(s, 14);
	if (p != NULL && ph_keyword_parse(ph_urgency_words, "", p, &v, NULL) ==
	    PH_OK)
		l->urgency = v;
	l->agreement = store_column_dup(s, 15);
	l->reply_required = sqlite3_column_int(s, 16);
	l->due = store_column_date(s, 17);
	l->in_reply_to = sqlite3_column_int64(s, 18);
	p = (const char *)sqlite3_column_text(s, 19);
	if (p != NULL && ph_keyword_parse(ph_status_words, "", p, &v, NULL) ==
	    PH_OK)
		l->status = v;
	l->handler = store_column_dup(s, 20);
	l->notes = store_column_dup(s, 21);
	l->created = store_column_dup(s, 22);
	l->updated = store_column_dup(s, 23);
	l->escalation_level = sqlite3_column_int(s, 24);
	l->replied_on = store_column_date(s, 25);
}

enum ph_status
ph_store_letter_get(struct ph_store *st, int64_t id, struct ph_letter *out,
    struct ph_error *err)
{
	static const char	 sql[] = LETTER_COLUMNS ", l.body"
	    " FROM letters l JOIN organizations o ON o.id = l.issuer_id"
	    " LEFT JOIN agreements a ON a.id = l.agreement_id WHERE l.id = ?";
	static const char	 att[] = "SELECT id, name, size FROM attachments"
	    " WHERE letter_id = ? ORDER BY id";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return ph_error_set(err, PH_ERR_NOTFOUND,
			    _("no letter with id %lld"), (long long)id);
		return store_fail(st, rc, err);
	}
	letter_from_row(s, out);
	out->body = store_column_dup(s, 26);
	sqlite3_reset(s);
	if ((s = store_stmt(st, att, err)) == NULL) {
		ph_letter_release(out);
		return store_errcode(err);
	}
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct ph_attachment *a;
		out->attachments = ph_xrealloc(out->attachments,
		    (out->n_attachments + 1) * sizeof *out->attachments);
		a = &out->attachments[out->n_attachments++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(s, 0);
		a->name = store_column_dup(s, 1);
		a->size = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		ph_letter_release(out);
		return store_fail(st, rc, err);
	}
	return PH_OK;
}

enum ph_status
ph_store_letter_update(struct ph_store *st, struct ph_letter *l,
    struct ph_letter_notes *notes, struct ph_error *err)
{
	static const char	 sql[] = "UPDATE letters SET reg_year = ?2,"
	    " register_no = ?3, number = ?4, type = ?5, date = ?6,"
	    " received = ?7, issuer_id = ?8, signer = ?9, subject = ?10,"
	    " body = ?11, classification = ?12, urgency = ?13,"
	    " agreement_id = ?14, reply_required = ?15, due = ?16,"
	    " in_reply_to = ?17, status = ?18, handler = ?19, notes = ?20,"
	    " updated = ?21, escalation_level = ?23, replied_on = ?24"
	    " WHERE id = ?1";
	struct ph_unit		 u;
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	int64_t			 issuer, agreement, *recips = NULL;
	char			 now[32], *before = NULL, *after;
	int			 rc;

	if ((ret = ph_store_unit_get(st, &u, err)) != PH_OK)
		return ret;
	if ((ret = letter_defaults(st, l, &u, err)) != PH_OK ||
	    (ret = ph_letter_check(l, err)) != PH_OK ||
	    (ret = check_type(st, l, err)) != PH_OK ||
	    (ret = check_reply_target(st, l, err)) != PH_OK ||
	    (ret = resolve_refs(st, l, &issuer, &recips, &agreement, notes,
	    err)) != PH_OK)
		goto out;
	if ((before = letter_snapshot(st, l->id)) == NULL) {
		ret = ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no letter with id %lld"), (long long)l->id);
		goto out;
	}
	/* The index forgets the old text while the row still holds it. */
	if ((ret = store_search_forget(st, l->id, err)) != PH_OK)
		goto out;
	if ((s = store_stmt(st, sql, err)) == NULL) {
		ret = store_errcode(err);
		goto out;
	}
	sqlite3_bind_int64(s, 1, l->id);
	bind_letter(s, l, issuer, agreement, store_now(now));
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, err);
		goto out;
	}
	if ((ret = write_recipients(st, l->id, recips, l->recipients.n, err))
	    != PH_OK || (ret = write_attachments(st, l->id, l, err)) != PH_OK
	    || (ret = store_search_index(st, l->id, err)) != PH_OK)
		goto out;
	after = letter_snapshot(st, l->id);
	ret = store_event(st, "letter", l->id, l->uid, "update", before, after,
	    err);
	free(after);
out:
	free(before);
	free(recips);
	ph_unit_release(&u);
	return ret;
}

enum ph_status
ph_store_letter_stamp(struct ph_store *st, int64_t id, int64_t *out,
    struct ph_error *err)
{
	/* Every change of a letter row goes through add or update, and each
	 * logs an event: the last event's id is the letter's version. */
	static const char	 sql[] = "SELECT max(id) FROM events"
	    " WHERE entity = 'letter' AND entity_id = ?";
	sqlite3_stmt		*s;
	int			 rc;

	*out = 0;
	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? PH_OK : store_fail(st, rc, err);
}

enum ph_status
ph_store_letter_delete(struct ph_store *st, int64_t id, struct ph_error *err)
{
	static const char	 uidq[] = "SELECT uid FROM letters WHERE id = ?";
	static const char	 del[] = "DELETE FROM letters WHERE id = ?";
	sqlite3_stmt		*s;
	char			*before, uid[33];
	enum ph_status		 ret;
	int			 rc;

	if ((s = store_stmt(st, uidq, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(uid, sizeof uid, "%s", sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no letter with id %lld"), (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	before = letter_snapshot(st, id);
	if ((ret = store_search_forget(st, id, err)) != PH_OK) {
		free(before);
		return ret;
	}
	if ((s = store_stmt(st, del, err)) == NULL) {
		free(before);
		return store_errcode(err);
	}
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(before);
		return store_fail(st, rc, err);
	}
	ret = store_event(st, "letter", id, uid, "delete", before, NULL, err);
	free(before);
	return ret;
}

enum ph_status
ph_store_attachment_get(struct ph_store *st, int64_t att_id, char **name,
    char **data, size_t *len, struct ph_error *err)
{
	static const char	 sql[] =
	    "SELECT name, data FROM attachments WHERE id = ?";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, att_id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return ph_error_set(err, PH_ERR_NOTFOUND,
			    _("no attachment with id %lld"), (long long)att_id);
		return store_fail(st, rc, err);
	}
	*name = store_column_dup(s, 0);
	*len = (size_t)sqlite3_column_bytes(s, 1);
	*data = ph_xmalloc(*len + 1);
	if (*len > 0)
		memcpy(*data, sqlite3_column_blob(s, 1), *len);
	(*data)[*len] = '\0';
	sqlite3_reset(s);
	return PH_OK;
}

/* The listing's WHERE clause is put together from these fixed pieces
 * only; every value is a bound parameter.  Parameters by number:
 * ?1 direction ?2 year ?3 status ?4 issuer ?5 due-before ?6 today (the
 * window's queries add ?7 limit, ?8 anchor key, ?9 anchor id).  BOOK
 * says whether direction and year are tested here (the window tests
 * them itself, one register book at a time). */
static void
filter_sql(struct ph_buf *sql, const struct ph_letter_filter *f,
    int64_t issuer, int book)
{
	if (book && f->direction >= 0)
		ph_buf_adds(sql, " AND l.direction = ?1");
	if (book && f->year > 0)
		ph_buf_adds(sql, " AND l.reg_year = ?2");
	if (f->status >= 0)
		ph_buf_adds(sql, " AND l.status = ?3");
	if (issuer > 0)
		ph_buf_adds(sql, " AND l.issuer_id = ?4");
	if (ph_date_is_set(f->due_before))
		ph_buf_adds(sql, " AND l.due < ?5");
	if (f->overdue)
		ph_buf_adds(sql, " AND l.due < ?6 AND l.status IN"
		    " ('awaiting-reply', 'extended', 'reminded')");
}

static void
filter_bind(sqlite3_stmt *s, const struct ph_letter_filter *f,
    int64_t issuer)
{
	if (f->direction >= 0)
		sqlite3_bind_text(s, 1, f->direction == PH_DIR_OUT ? "out" :
		    "in", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, f->year);
	if (f->status >= 0)
		sqlite3_bind_text(s, 3, ph_keyword_word(ph_status_words,
		    f->status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, issuer);
	store_bind_date(s, 5, f->due_before);
	store_bind_date(s, 6, f->today);
}

/* The id of the filter's issuer, 0 for any. */
static enum ph_status
filter_issuer(struct ph_store *st, const struct ph_letter_filter *f,
    int64_t *issuer, struct ph_error *err)
{
	struct ph_org	org;
	enum ph_status	ret;

	*issuer = 0;
	if (f->issuer == NULL)
		return PH_OK;
	if ((ret = ph_store_org_find(st, f->issuer, &org, err)) != PH_OK)
		return ret;
	*issuer = org.id;
	ph_org_release(&org);
	return PH_OK;
}

enum ph_status
ph_store_letter_list(struct ph_store *st, const struct ph_letter_filter *f,
    ph_letter_cb cb, void *arg, struct ph_error *err)
{
	struct ph_buf	 sql;
	sqlite3_stmt	*s = NULL;
	struct ph_letter l;
	int64_t		 issuer;
	enum ph_status	 ret;
	int		 rc, stop = 0;

	if ((ret = filter_issuer(st, f, &issuer, err)) != PH_OK)
		return ret;
	ph_buf_init(&sql);
	ph_buf_adds(&sql, LETTER_COLUMNS " FROM letters l"
	    " JOIN organizations o ON o.id = l.issuer_id"
	    " LEFT JOIN agreements a ON a.id = l.agreement_id WHERE 1");
	filter_sql(&sql, f, issuer, 1);
	/* Register order: a year's book, incoming then outgoing, in the
	 * order the letters were entered (số đến follows it). */
	ph_buf_adds(&sql, " ORDER BY l.reg_year, l.direction, l.id");
	if (f->limit > 0)
		ph_buf_adds(&sql, " LIMIT ?7");
	rc = sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL);
	ph_buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	filter_bind(s, f, issuer);
	sqlite3_bind_int64(s, 7, f->limit);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		letter_from_row(s, &l);
		stop = cb(&l, arg);
		ph_letter_release(&l);
	}
	if (!stop && rc != SQLITE_DONE)
		ret = store_fail(st, rc, err);
	sqlite3_finalize(s);
	return ret;
}

/*
 * A window of a register.
 *
 * Every sort walks an index whose first columns are (direction, reg_year)
 * (migration 3): within one register book -- one direction, one year --
 * the index gives the rows in sort order, then id order (the rowid ends
 * every index), so "the n rows after (key, id)" is two range scans of at
 * most n entries each: the rows with the anchor's key and a larger id,
 * then the rows with a larger key.  Without a year or a direction in the
 * filter, each book present is read that way (n entries at most each)
 * and the books' rows are merged here by (key, id): a screen costs
 * books x n index entries and n letters, not a sort of the register.
 * Other filters are tested on the rows met on the way.
 *
 * A filter that keeps few rows would make that way long: the rows of a
 * whole book may pass before a screenful is found.  So the window first
 * counts, for each book, the rows in the filter's own index range,
 * counting no further than WINDOW_SPAN rows for each row asked: when
 * the range holds fewer, the window reads that range whole and sorts it
 * (window_drive: the organization, the status, overdue); otherwise the
 * filter keeps many rows and the sort's index is walked as above, a
 * screenful then passing within a few times n rows.  Either way a
 * window costs at most about WINDOW_SPAN x n index entries a book, never
 * the book.
 *
 * The organization of the filter (ISSUER) is the other party, as the
 * register's column shows it: the issuer of an incoming letter, any
 * recipient of an outgoing one (ph_store_letter_count() reads it the
 * same way; the listing, "letter list --from", keeps to the issuer).
 * Its range is letters_w_issuer (issuer_id, direction, reg_year) for an
 * incoming book, and letter_recipients_org (org_id, letter_id) for an
 * outgoing one, cut to the ids between the book's first and last letter
 * (two seeks in letters_book).
 *
 * Keys are strings the store makes and compares bytewise (SQLite's
 * BINARY collation, strcmp() here), so the merge and the anchor agree
 * with SQL:
 *   register  "YYYY-NNNNNNNNNN": year of the book, số zero-padded
 *   date      the ISO date of the letter
 *   number    số ký hiệu as stored ("" none)
 *   org       the organization's name_key (NFC, Vietnamese lower case):
 *             the issuer of an incoming letter, the first recipient of
 *             an outgoing one
 *   subject   lower(subject): SQLite's lower() folds ASCII only, so "Đ"
 *             and other capitals with marks keep their case.  A folded
 *             key column would sort better but costs a column kept in
 *             step with every writer; an index on the expression costs
 *             nothing to keep, and ph_fold() cannot be used in an index
 *             (the sqlite3 shell, which lacks it, could no longer write
 *             the table).
 *   due       the ISO due date; letters without one come last, in id
 *             order, whichever way the dates run; their key is "".
 *   status    the status word ("awaiting-reply", ...)
 *
 * The org sort cannot index a name held in another table: it walks the
 * organizations in name_key order (a unique index) and, for each, its
 * letters in id order: incoming ones through letters_w_issuer, outgoing
 * ones through letter_recipients_org (first recipients only).  Our own
 * unit is the recipient of every incoming letter, so an outgoing window
 * that passes our own unit's name reads those entries too.
 */
enum window_part {
	WP_ALL,			/* every row of the book */
	WP_NONNULL,		/* rows with a key */
	WP_NULL,		/* rows without one */
	WP_EQ_AFTER,		/* the anchor's key, ids beyond its id */
	WP_BEYOND,		/* keys beyond the anchor's */
	WP_NULL_AFTER,		/* no key, ids beyond the anchor's */
	WP__COUNT
};

/* What a book's window walks. */
enum window_drive {
	WD_SORT,		/* the sort's index, filters tested */
	WD_ORG,			/* the organization's letters */
	WD_STATUS,		/* the book's letters in one status */
	WD_OVERDUE,		/* the open cases past due (letters_open) */
	WD__COUNT
};

/* A filter's range is read whole, and sorted, when it holds fewer than
 * this many rows for each row asked. */
#define WINDOW_SPAN	50

/* The statuses of letters_open's WHERE clause, word for word, so that
 * SQLite may use that partial index; and those of an overdue case. */
#define OPEN_STATUSES	"('awaiting-reply', 'extended', 'reminded'," \
	" 'disagreed', 'escalated', 'directed')"
#define OVERDUE_STATUSES "('awaiting-reply', 'extended', 'reminded')"

struct window_sort {
	const char	*key;		/* SQL of the key string */
	const char	*expr;		/* the indexed expression */
	int		 nullable;	/* rows may have none: they go last */
	int		 integer;	/* the anchor's EXPR is an integer */
};

static const struct window_sort window_sorts[] = {
	[PH_SORT_REGISTER] = { "format('%04d-%010d', l.reg_year, l.register_no)",
	    "l.register_no", 0, 1 },
	[PH_SORT_DATE] = { "l.date", "l.date", 0, 0 },
	[PH_SORT_NUMBER] = { "l.number", "l.number", 0, 0 },
	[PH_SORT_ORG] = { "o.name_key", "o.name_key", 0, 0 },
	[PH_SORT_SUBJECT] = { "lower(l.subject)", "lower(l.subject)", 0, 0 },
	[PH_SORT_DUE] = { "coalesce(l.due, '')", "l.due", 1, 0 },
	[PH_SORT_STATUS] = { "l.status", "l.status", 0, 0 },
};

struct window_row {
	char		*key;
	int64_t		 id;
};

struct window_run {
	struct ph_store			*st;
	const struct ph_letter_window	*w;
	const struct window_sort	*ws;
	int64_t				 issuer;
	int				 edesc;		/* effective order */
	int				 nulls_first;
	int				 anchored;
	int				 anchor_null;
	int				 anchor_year;	/* register sort */
	int64_t				 anchor_no;
	enum window_drive		 drive;	/* this book's */
	/* Prepared once per window: by drive, direction, part; and the
	 * counts of a drive's range. */
	sqlite3_stmt			*stmt[WD__COUNT][2][WP__COUNT];
	sqlite3_stmt			*span[WD__COUNT][2];
	struct window_row		*rows;
	size_t				 nrows;
};

static int
window_cmp(const struct window_run *r, const struct window_row *a,
    const struct window_row *b)
{
	int	an, bn, c;

	if (r->ws->nullable) {
		an = a->key[0] == '\0';
		bn = b->key[0] == '\0';
		if (an != bn)
			return (an ? 1 : -1) * (r->nulls_first ? -1 : 1);
	}
	c = strcmp(a->key, b->key);
	if (c == 0)
		c = a->id < b->id ? -1 : a->id > b->id;
	return r->edesc ? -c : c;
}

/*
 * FROM of a window of books of direction DIR walked by DRIVE; with KEYED,
 * the organizations the org sort's key needs.  *IDCOL gets the column of
 * the letter's id the index gives in order.
 */
static void
window_from(struct ph_buf *sql, const struct window_run *r, int dir,
    enum window_drive drive, int keyed, const char **idcol)
{
	int	org = keyed && r->w->sort == PH_SORT_ORG;

	*idcol = "l.id";
	switch (drive) {
	case WD_SORT:
		if (org && dir == PH_DIR_OUT) {
			/* Outgoing: by the first recipient, walked through
			 * letter_recipients_org in letter id order. */
			*idcol = "r.letter_id";
			ph_buf_adds(sql, " FROM organizations o"
			    " CROSS JOIN letter_recipients r ON r.org_id = o.id"
			    " AND r.position = 1"
			    " CROSS JOIN letters l ON l.id = r.letter_id");
		} else if (org)
			ph_buf_adds(sql, " FROM organizations o"
			    " CROSS JOIN letters l ON l.issuer_id = o.id");
		else
			ph_buf_adds(sql, " FROM letters l");
		return;
	case WD_ORG:
		ph_buf_adds(sql, dir == PH_DIR_OUT ?
		    " FROM letter_recipients x"
		    " CROSS JOIN letters l ON l.id = x.letter_id" :
		    " FROM letters l INDEXED BY letters_w_issuer");
		break;
	case WD_STATUS:
		ph_buf_adds(sql, " FROM letters l INDEXED BY letters_w_status");
		break;
	case WD_OVERDUE:
		ph_buf_adds(sql, " FROM letters l INDEXED BY letters_open");
		break;
	case WD__COUNT:
		break;
	}
	/* The range is read first, the organization joined to its rows. */
	if (org && dir == PH_DIR_OUT)
		ph_buf_adds(sql, " CROSS JOIN letter_recipients r"
		    " ON r.letter_id = l.id AND r.position = 1"
		    " CROSS JOIN organizations o ON o.id = r.org_id");
	else if (org)
		ph_buf_adds(sql, " CROSS JOIN organizations o"
		    " ON o.id = l.issuer_id");
}

/* DRIVE's range as its index reads it, after "l.direction = ?1 AND
 * l.reg_year = ?2"; parameters as filter_sql()'s. */
static void
window_range(struct ph_buf *sql, int dir, enum window_drive drive)
{
	switch (drive) {
	case WD_ORG:
		if (dir == PH_DIR_OUT)
			ph_buf_adds(sql, " AND x.org_id = ?4"
			    " AND x.letter_id >= (SELECT id FROM letters"
			    " WHERE reg_year = ?2 AND direction = ?1"
			    " ORDER BY id LIMIT 1)"
			    " AND x.letter_id <= (SELECT id FROM letters"
			    " WHERE reg_year = ?2 AND direction = ?1"
			    " ORDER BY id DESC LIMIT 1)");
		else
			ph_buf_adds(sql, " AND l.issuer_id = ?4");
		break;
	case WD_STATUS:
		ph_buf_adds(sql, " AND l.status = ?3");
		break;
	case WD_OVERDUE:
		ph_buf_adds(sql, " AND l.due < ?6 AND l.status IN "
		    OPEN_STATUSES " AND l.status IN " OVERDUE_STATUSES);
		break;
	case WD_SORT:
	case WD__COUNT:
		break;
	}
}

/*
 * The conditions of the filter, after "l.direction = ?1 AND l.reg_year =
 * ?2": DRIVE's range (window_range()), the others tested on the rows
 * met.  Those are written "+l.col" where an index could take them,
 * so that SQLite keeps to the index the drive chose -- except a filter
 * on the sort's own column when the sort's index is walked, which then
 * narrows the walk.  Parameters as filter_sql()'s.
 */
static void
window_where(struct ph_buf *sql, const struct window_run *r, int dir,
    enum window_drive drive)
{
	const struct ph_letter_filter	*f = r->w->filter;
	enum ph_letter_sort		 sort = r->w->sort;

	window_range(sql, dir, drive);
	if (f->status >= 0 && drive != WD_STATUS)
		ph_buf_adds(sql, drive == WD_SORT && sort == PH_SORT_STATUS ?
		    " AND l.status = ?3" : " AND +l.status = ?3");
	if (r->issuer > 0 && drive != WD_ORG) {
		if (dir == PH_DIR_OUT)
			ph_buf_adds(sql, " AND EXISTS (SELECT 1 FROM"
			    " letter_recipients x WHERE x.letter_id = l.id"
			    " AND x.org_id = ?4)");
		else if (drive == WD_SORT && sort == PH_SORT_ORG)
			ph_buf_adds(sql, " AND o.id = ?4");
		else
			ph_buf_adds(sql, " AND +l.issuer_id = ?4");
	}
	if (ph_date_is_set(f->due_before))
		ph_buf_adds(sql, " AND +l.due < ?5");
	if (f->overdue && drive != WD_OVERDUE)
		ph_buf_adds(sql, " AND +l.due < ?6 AND +l.status IN "
		    OVERDUE_STATUSES);
}

static void
window_bind(struct window_run *r, sqlite3_stmt *s, int dir, int year)
{
	filter_bind(s, r->w->filter, r->issuer);
	sqlite3_bind_text(s, 1, dir == PH_DIR_OUT ? "out" : "in", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(s, 2, year);
}

/* The statement of PART for books of direction DIR, walked by R->drive;
 * prepared once per window. */
static sqlite3_stmt *
window_stmt(struct window_run *r, int dir, enum window_part part,
    struct ph_error *err)
{
	const char			*expr = r->ws->expr;
	const char			*idcol;
	const char			*gt = r->edesc ? " < " : " > ";
	const char			*ord = r->edesc ? " DESC" : "";
	struct ph_buf			 sql;
	sqlite3_stmt			*s;
	int				 rc;

	if (r->stmt[r->drive][dir][part] != NULL) {
		sqlite3_reset(r->stmt[r->drive][dir][part]);
		return r->stmt[r->drive][dir][part];
	}
	ph_buf_init(&sql);
	ph_buf_adds(&sql, "SELECT ");
	ph_buf_adds(&sql, r->ws->key);
	ph_buf_adds(&sql, ", l.id");
	window_from(&sql, r, dir, r->drive, 1, &idcol);
	ph_buf_adds(&sql, " WHERE l.direction = ?1 AND l.reg_year = ?2");
	window_where(&sql, r, dir, r->drive);
	switch (part) {
	case WP_ALL:
		break;
	case WP_NONNULL:
	case WP_NULL:
	case WP_NULL_AFTER:
		ph_buf_adds(&sql, " AND ");
		ph_buf_adds(&sql, expr);
		ph_buf_adds(&sql, part == WP_NONNULL ? " IS NOT NULL" :
		    " IS NULL");
		if (part == WP_NULL_AFTER) {
			ph_buf_adds(&sql, " AND ");
			ph_buf_adds(&sql, idcol);
			ph_buf_adds(&sql, gt);
			ph_buf_adds(&sql, "?9");
		}
		break;
	case WP_EQ_AFTER:
		ph_buf_adds(&sql, " AND ");
		ph_buf_adds(&sql, expr);
		ph_buf_adds(&sql, " = ?8 AND ");
		ph_buf_adds(&sql, idcol);
		ph_buf_adds(&sql, gt);
		ph_buf_adds(&sql, "?9");
		break;
	case WP_BEYOND:
		ph_buf_adds(&sql, " AND ");
		ph_buf_adds(&sql, expr);
		ph_buf_adds(&sql, gt);
		ph_buf_adds(&sql, "?8");
		break;
	case WP__COUNT:
		break;
	}
	/* Where the key is one value, the order is the id's alone: said
	 * so, or SQLite (3.40) sorts rows an expression index already
	 * gives in order. */
	ph_buf_adds(&sql, " ORDER BY ");
	if (part != WP_EQ_AFTER && part != WP_NULL && part != WP_NULL_AFTER) {
		ph_buf_adds(&sql, expr);
		ph_buf_adds(&sql, ord);
		ph_buf_adds(&sql, ", ");
	}
	ph_buf_adds(&sql, idcol);
	ph_buf_adds(&sql, ord);
	ph_buf_adds(&sql, " LIMIT ?7");
	rc = sqlite3_prepare_v2(r->st->db, sql.data, -1, &s, NULL);
	ph_buf_release(&sql);
	if (rc != SQLITE_OK) {
		store_fail(r->st, rc, err);
		return NULL;
	}
	r->stmt[r->drive][dir][part] = s;
	return s;
}

/* How many rows DRIVE's range holds in the book (DIR, YEAR), counting
 * no further than CAP, into *OUT. */
static enum ph_status
window_span(struct window_run *r, enum window_drive drive, int dir,
    int year, int64_t cap, int64_t *out, struct ph_error *err)
{
	struct ph_buf	 sql;
	sqlite3_stmt	*s = r->span[drive][dir];
	const char	*idcol;
	int		 rc;

	if (s == NULL) {
		ph_buf_init(&sql);
		ph_buf_adds(&sql, "SELECT count(*) FROM (SELECT 1");
		window_from(&sql, r, dir, drive, 0, &idcol);
		ph_buf_adds(&sql,
		    " WHERE l.direction = ?1 AND l.reg_year = ?2");
		/* The range alone: what reading it costs. */
		window_range(&sql, dir, drive);
		ph_buf_adds(&sql, " LIMIT ?7)");
		rc = sqlite3_prepare_v2(r->st->db, sql.data, -1, &s, NULL);
		ph_buf_release(&sql);
		if (rc != SQLITE_OK)
			return store_fail(r->st, rc, err);
		r->span[drive][dir] = s;
	} else
		sqlite3_reset(s);
	window_bind(r, s, dir, year);
	sqlite3_bind_int64(s, 7, cap);
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? PH_OK : store_fail(r->st, rc, err);
}

/* Choose how the book (DIR, YEAR) is walked: the first filter whose
 * range holds fewer than WINDOW_SPAN rows a row asked, else the sort's
 * index.  A filter on the sort's own column narrows that walk itself. */
static enum ph_status
window_choose(struct window_run *r, int dir, int year, struct ph_error *err)
{
	const struct ph_letter_filter	*f = r->w->filter;
	enum ph_letter_sort		 sort = r->w->sort;
	enum window_drive		 cand[3];
	size_t				 i, nc = 0;
	int64_t				 cap, k;
	enum ph_status			 ret;

	r->drive = WD_SORT;
	if ((f->status >= 0 && sort == PH_SORT_STATUS) ||
	    (r->issuer > 0 && sort == PH_SORT_ORG && dir == PH_DIR_IN))
		return PH_OK;
	if (r->issuer > 0)
		cand[nc++] = WD_ORG;
	if (f->status >= 0)
		cand[nc++] = WD_STATUS;
	if (f->overdue)
		cand[nc++] = WD_OVERDUE;
	k = 0;
	cap = r->w->n > (size_t)INT64_MAX / WINDOW_SPAN ? INT64_MAX :
	    (int64_t)r->w->n * WINDOW_SPAN;
	for (i = 0; i < nc; i++) {
		if ((ret = window_span(r, cand[i], dir, year, cap, &k, err))
		    != PH_OK)
			return ret;
		if (k < cap) {
			r->drive = cand[i];
			return PH_OK;
		}
	}
	return PH_OK;
}

/* Read up to W->n rows of PART of the book (DIR, YEAR) into R->rows. */
static enum ph_status
window_part_read(struct window_run *r, int dir, int year,
    enum window_part part, size_t *got, struct ph_error *err)
{
	sqlite3_stmt	*s;
	struct window_row *row;
	int		 rc;

	if (*got >= r->w->n)
		return PH_OK;
	if ((s = window_stmt(r, dir, part, err)) == NULL)
		return store_errcode(err);
	window_bind(r, s, dir, year);
	sqlite3_bind_int64(s, 7, (int64_t)(r->w->n - *got));
	if (r->ws->integer)
		sqlite3_bind_int64(s, 8, r->anchor_no);
	else if (r->anchored)
		sqlite3_bind_text(s, 8, r->w->anchor.key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, r->w->anchor.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);

		r->rows = ph_xrealloc(r->rows, (r->nrows + 1) *
		    sizeof *r->rows);
		row = &r->rows[r->nrows++];
		row->key = ph_xstrdup(k != NULL ? k : "");
		row->id = sqlite3_column_int64(s, 1);
		(*got)++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(r->st, rc, err);
	return PH_OK;
}

/* The first W->n rows of the book (DIR, YEAR) after the anchor. */
static enum ph_status
window_book(struct window_run *r, int dir, int year, struct ph_error *err)
{
	enum window_part parts[3];
	size_t		 i, np = 0, got = 0;
	enum ph_status	 ret;
	int		 anchored = r->anchored;

	if (r->w->sort == PH_SORT_REGISTER && anchored &&
	    year != r->anchor_year) {
		/* The key begins with the year: a whole book is before or
		 * after the anchor. */
		if ((year < r->anchor_year) != r->edesc)
			return PH_OK;
		anchored = 0;
	}
	if ((ret = window_choose(r, dir, year, err)) != PH_OK)
		return ret;
	if (!anchored) {
		if (r->ws->nullable && r->nulls_first) {
			parts[np++] = WP_NULL;
			parts[np++] = WP_NONNULL;
		} else if (r->ws->nullable) {
			parts[np++] = WP_NONNULL;
			parts[np++] = WP_NULL;
		} else
			parts[np++] = WP_ALL;
	} else if (r->anchor_null) {
		parts[np++] = WP_NULL_AFTER;
		if (r->nulls_first)
			parts[np++] = WP_NONNULL;
	} else {
		parts[np++] = WP_EQ_AFTER;
		parts[np++] = WP_BEYOND;
		if (r->ws->nullable && !r->nulls_first)
			parts[np++] = WP_NULL;
	}
	for (i = 0; i < np; i++)
		if ((ret = window_part_read(r, dir, year, parts[i], &got,
		    err)) != PH_OK)
			return ret;
	return PH_OK;
}

/* For qsort(), which has no argument to pass it: the core runs on one
 * thread. */
static struct window_run *window_sorting;

static int
window_qcmp(const void *a, const void *b)
{
	return window_cmp(window_sorting, a, b);
}

/* Call CB for letter ID, as the listing reads it. */
static enum ph_status
window_emit(struct ph_store *st, int64_t id, ph_letter_cb cb, void *arg,
    int *stop, struct ph_error *err)
{
	static const char	 sql[] = LETTER_COLUMNS
	    " FROM letters l JOIN organizations o ON o.id = l.issuer_id"
	    " LEFT JOIN agreements a ON a.id = l.agreement_id WHERE l.id = ?";
	sqlite3_stmt		*s;
	struct ph_letter	 l;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		letter_from_row(s, &l);
		sqlite3_reset(s);
		*stop = cb(&l, arg);
		ph_letter_release(&l);
		return PH_OK;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? PH_OK : store_fail(st, rc, err);
}

enum ph_status
ph_store_letter_window(struct ph_store *st, const struct ph_letter_window *w,
    ph_letter_cb cb, ph_letter_key_cb key_out, void *arg,
    struct ph_error *err)
{
	static const char	 next_year[] = "SELECT reg_year FROM letters"
	    " WHERE reg_year > ?1 ORDER BY reg_year LIMIT 1";
	struct ph_letter_filter	 any;
	struct ph_letter_window	 copy;
	struct window_run	 r;
	sqlite3_stmt		*s;
	enum ph_status		 ret = PH_OK;
	int			 dir, year, rc, stop = 0, own_tx = 0;
	size_t			 i, j, k, n;

	if ((unsigned)w->sort >= sizeof window_sorts / sizeof window_sorts[0])
		return ph_error_set(err, PH_ERR_INVALID,
		    _("unknown sort order %d"), (int)w->sort);
	if (w->filter == NULL) {
		ph_letter_filter_init(&any);
		copy = *w;
		copy.filter = &any;
		w = &copy;
	}
	if (w->n == 0)
		return PH_OK;
	memset(&r, 0, sizeof r);
	r.st = st;
	r.w = w;
	r.ws = &window_sorts[w->sort];
	/* Backward is forward in the other order, turned round at the
	 * end; letters without a due date stay last in the forward
	 * order, so they come first going back. */
	r.edesc = (w->desc != 0) != (w->backward != 0);
	r.nulls_first = w->backward != 0;
	r.anchored = w->anchor.id != 0 && w->anchor.key != NULL;
	if (r.anchored && r.ws->nullable && w->anchor.key[0] == '\0')
		r.anchor_null = 1;
	if (r.anchored && r.ws->integer) {
		long long	no;

		if (sscanf(w->anchor.key, "%d-%lld", &r.anchor_year, &no) != 2)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("bad window anchor \"%s\""), w->anchor.key);
		r.anchor_no = no;
	}
	if ((ret = filter_issuer(st, w->filter, &r.issuer, err)) != PH_OK)
		return ret;
	/* One snapshot for the books and the rows read. */
	if (!st->in_tx) {
		if ((ret = store_exec(st, "BEGIN", err)) != PH_OK)
			return ret;
		own_tx = 1;
	}
	year = w->filter->year > 0 ? w->filter->year : -1;
	for (;;) {
		if (w->filter->year <= 0) {
			/* The next year with letters: one index seek. */
			if ((s = store_stmt(st, next_year, err)) == NULL) {
				ret = store_errcode(err);
				goto out;
			}
			sqlite3_bind_int(s, 1, year);
			rc = sqlite3_step(s);
			year = sqlite3_column_int(s, 0);
			sqlite3_reset(s);
			if (rc == SQLITE_DONE)
				break;
			if (rc != SQLITE_ROW) {
				ret = store_fail(st, rc, err);
				goto out;
			}
		}
		for (dir = PH_DIR_IN; dir <= PH_DIR_OUT; dir++) {
			if (w->filter->direction >= 0 &&
			    dir != w->filter->direction)
				continue;
			if ((ret = window_book(&r, dir, year, err)) != PH_OK)
				goto out;
		}
		if (w->filter->year > 0)
			break;
	}
	window_sorting = &r;
	if (r.nrows > 1)
		qsort(r.rows, r.nrows, sizeof *r.rows, window_qcmp);
	window_sorting = NULL;
	n = r.nrows < w->n ? r.nrows : w->n;
	for (j = 0; j < n && !stop; j++) {
		i = w->backward ? n - 1 - j : j;
		if (key_out != NULL)
			key_out(r.rows[i].id, r.rows[i].key, arg);
		if ((ret = window_emit(st, r.rows[i].id, cb, arg, &stop,
		    err)) != PH_OK)
			goto out;
	}
out:
	if (own_tx)
		sqlite3_exec(st->db, ret == PH_OK ? "COMMIT" : "ROLLBACK",
		    NULL, NULL, NULL);
	for (k = 0; k < WD__COUNT; k++)
		for (dir = 0; dir < 2; dir++) {
			sqlite3_finalize(r.span[k][dir]);
			for (i = 0; i < WP__COUNT; i++)
				sqlite3_finalize(r.stmt[k][dir][i]);
		}
	for (i = 0; i < r.nrows; i++)
		free(r.rows[i].key);
	free(r.rows);
	return ret;
}

/* The count of F's letters of direction DIR (-1: any) whose other party
 * is the organization ISSUER (0: any); into *OUT. */
static enum ph_status
count_part(struct ph_store *st, const struct ph_letter_filter *f, int dir,
    int64_t issuer, int64_t *out, struct ph_error *err)
{
	struct ph_buf	 sql;
	sqlite3_stmt	*s;
	enum ph_status	 ret = PH_OK;
	int		 rc;

	ph_buf_init(&sql);
	if (issuer == 0)
		ph_buf_adds(&sql, "SELECT count(*) FROM letters l WHERE 1");
	else if (dir == PH_DIR_IN)
		ph_buf_adds(&sql, "SELECT count(*) FROM letters l"
		    " WHERE l.issuer_id = ?4 AND l.direction = 'in'");
	else {
		ph_buf_adds(&sql, "SELECT count(*) FROM letter_recipients x"
		    " CROSS JOIN letters l ON l.id = x.letter_id"
		    " WHERE x.org_id = ?4 AND l.direction = 'out'");
		/* One year's book: the ids between its first and last. */
		if (f->year > 0)
			ph_buf_adds(&sql, " AND x.letter_id >= (SELECT id"
			    " FROM letters WHERE reg_year = ?2"
			    " AND direction = 'out' ORDER BY id LIMIT 1)"
			    " AND x.letter_id <= (SELECT id FROM letters"
			    " WHERE reg_year = ?2 AND direction = 'out'"
			    " ORDER BY id DESC LIMIT 1)");
	}
	filter_sql(&sql, f, 0, 1);
	rc = sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL);
	ph_buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	filter_bind(s, f, issuer);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else
		ret = store_fail(st, rc, err);
	sqlite3_finalize(s);
	return ret;
}

/* The organization is the other party, as in the window: the issuer of
 * an incoming letter, a recipient of an outgoing one. */
enum ph_status
ph_store_letter_count(struct ph_store *st, const struct ph_letter_filter *f,
    int64_t *out, struct ph_error *err)
{
	int64_t		 issuer, n;
	enum ph_status	 ret;
	int		 dir;

	*out = 0;
	if ((ret = filter_issuer(st, f, &issuer, err)) != PH_OK)
		return ret;
	if (issuer == 0)
		return count_part(st, f, -1, 0, out, err);
	for (dir = PH_DIR_IN; dir <= PH_DIR_OUT; dir++) {
		if (f->direction >= 0 && dir != f->direction)
			continue;
		if ((ret = count_part(st, f, dir, issuer, &n, err)) != PH_OK)
			return ret;
		*out += n;
	}
	return PH_OK;
}

enum ph_status
ph_store_data_version(struct ph_store *st, int64_t *out,
    struct ph_error *err)
{
	static const char	 sql[] = "PRAGMA data_version";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_event_list(struct ph_store *st, const char *entity, int64_t id,
    ph_event_cb cb, void *arg, struct ph_error *err)
{
	static const char	 sql[] = "SELECT id, at, who, entity, entity_id,"
	    " action, before, after FROM events WHERE entity = ? AND"
	    " entity_id = ? ORDER BY id";
	sqlite3_stmt		*s;
	struct ph_event		 e;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, entity, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, id);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(s, 0);
		e.at = (const char *)sqlite3_column_text(s, 1);
		e.who = (const char *)sqlite3_column_text(s, 2);
		e.entity = (const char *)sqlite3_column_text(s, 3);
		e.entity_id = sqlite3_column_int64(s, 4);
		e.action = (const char *)sqlite3_column_text(s, 5);
		e.before = (const char *)sqlite3_column_text(s, 6);
		e.after = (const char *)sqlite3_column_text(s, 7);
		stop = cb(&e, arg);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_open_cases(struct ph_store *st, ph_letter_cb cb, void *arg,
    struct ph_error *err)
{
	/* The WHERE clause repeats the partial index letters_open's, word
	 * for word, so that SQLite walks the index: a few thousand rows
	 * however large the register. */
	static const char	 sql[] = LETTER_COLUMNS " FROM letters l"
	    " JOIN organizations o ON o.id = l.issuer_id"
	    " LEFT JOIN agreements a ON a.id = l.agreement_id"
	    " WHERE l.status IN ('awaiting-reply', 'extended', 'reminded',"
	    " 'disagreed', 'escalated', 'directed') ORDER BY l.due";
	sqlite3_stmt		*s;
	struct ph_letter	 l;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		letter_from_row(s, &l);
		stop = cb(&l, arg);
		ph_letter_release(&l);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}
