/*
 * store-org.c -- organizations, our own unit and agreements in the store.
 *
 * Names are matched through a key (NFC, lower case, single spaces), so
 * "Đảng ủy Công an tỉnh" typed twice, once pasted in NFD, is one row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "store-private.h"
#include "viet.h"

#define ORG_SNAPSHOT \
	"SELECT json_object('id', o.id, 'uid', o.uid, 'name', o.name," \
	" 'short_name', o.short_name, 'code', o.code, 'level', o.level," \
	" 'superior', s.name, 'contact', o.contact, 'is_self', o.is_self)" \
	" FROM organizations o LEFT JOIN organizations s" \
	" ON s.id = o.superior_id WHERE o.id = ?"

static char *
org_snapshot(struct ph_store *st, int64_t id)
{
	static const char	sql[] = ORG_SNAPSHOT;

	return store_snapshot(st, sql, id);
}

/* The columns org_from_row() reads, in its order. */
#define ORG_COLUMNS \
	"SELECT o.id, o.uid, o.name, o.short_name, o.code, o.level, s.name," \
	" o.contact, o.is_self," \
	" (SELECT count(*) FROM letters l WHERE l.issuer_id = o.id)" \
	" FROM organizations o LEFT JOIN organizations s" \
	" ON s.id = o.superior_id"

static void
org_from_row(sqlite3_stmt *s, struct ph_org *o)
{
	const char	*uid = (const char *)sqlite3_column_text(s, 1);

	ph_org_init(o);
	o->id = sqlite3_column_int64(s, 0);
	snprintf(o->uid, sizeof o->uid, "%s", uid != NULL ? uid : "");
	o->name = store_column_dup(s, 2);
	o->short_name = store_column_dup(s, 3);
	o->code = store_column_dup(s, 4);
	o->level = store_column_dup(s, 5);
	o->superior = store_column_dup(s, 6);
	o->contact = store_column_dup(s, 7);
	o->is_self = sqlite3_column_int(s, 8);
	o->n_letters = sqlite3_column_int64(s, 9);
}

enum ph_status
ph_store_org_find(struct ph_store *st, const char *key, struct ph_org *out,
    struct ph_error *err)
{
	static const char	 by_id[] = ORG_COLUMNS " WHERE o.id = ?";
	static const char	 by_name[] = ORG_COLUMNS " WHERE o.name_key = ?1"
	    " OR o.short_key = ?1 OR o.code_key = ?1"
	    " ORDER BY o.name_key = ?1 DESC, o.id LIMIT 1";
	sqlite3_stmt		*s;
	char			*k, *end;
	long long		 id;
	int			 rc;

	id = strtoll(key, &end, 10);
	if (*key != '\0' && *end == '\0' && id > 0) {
		if ((s = store_stmt(st, by_id, err)) == NULL)
			return store_errcode(err);
		sqlite3_bind_int64(s, 1, id);
	} else {
		if ((s = store_stmt(st, by_name, err)) == NULL)
			return store_errcode(err);
		k = ph_viet_name_key(key);
		sqlite3_bind_text(s, 1, k, -1, SQLITE_TRANSIENT);
		free(k);
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		org_from_row(s, out);
		sqlite3_reset(s);
		return PH_OK;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return ph_error_set(err, PH_ERR_NOTFOUND,
	    _("unknown organization \"%s\""), key);
}

/* Bind the name key of V, or NULL. */
static void
bind_key(sqlite3_stmt *s, int i, const char *v)
{
	char	*k;

	if (v == NULL || *v == '\0') {
		sqlite3_bind_null(s, i);
		return;
	}
	k = ph_viet_name_key(v);
	sqlite3_bind_text(s, i, k, -1, SQLITE_TRANSIENT);
	free(k);
}

static enum ph_status
org_insert(struct ph_store *st, const struct ph_org *o, int64_t superior,
    int64_t *id_out, struct ph_error *err)
{
	static const char	 sql[] = "INSERT INTO organizations(uid, name,"
	    " name_key, short_name, code, level, superior_id, contact, is_self,"
	    " created, updated, short_key, code_key)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt		*s;
	char			 uid[33], now[32], *key, *snap;
	int			 rc;
	enum ph_status		 ret;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	ph_uid_new(uid);
	key = ph_viet_name_key(o->name);
	store_now(now);
	sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, o->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, key, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 4, o->short_name);
	store_bind_text(s, 5, o->code);
	store_bind_text(s, 6, o->level);
	if (superior > 0)
		sqlite3_bind_int64(s, 7, superior);
	store_bind_text(s, 8, o->contact);
	sqlite3_bind_int(s, 9, o->is_self ? 1 : 0);
	sqlite3_bind_text(s, 10, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 11, now, -1, SQLITE_TRANSIENT);
	bind_key(s, 12, o->short_name);
	bind_key(s, 13, o->code);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	free(key);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return ph_error_set(err, PH_ERR_EXISTS,
		    _("an organization named \"%s\" already exists"), o->name);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	*id_out = sqlite3_last_insert_rowid(st->db);
	snap = org_snapshot(st, *id_out);
	ret = store_event(st, "organization", *id_out, uid, "insert", NULL,
	    snap, err);
	free(snap);
	return ret;
}

static enum ph_status
resolve_superior(struct ph_store *st, const char *name, int64_t *id,
    struct ph_error *err)
{
	struct ph_org	sup;
	enum ph_status	s;

	*id = 0;
	if (name == NULL || *name == '\0')
		return PH_OK;
	if ((s = ph_store_org_find(st, name, &sup, err)) != PH_OK)
		return s;
	*id = sup.id;
	ph_org_release(&sup);
	return PH_OK;
}

enum ph_status
ph_store_org_add(struct ph_store *st, struct ph_org *o, int64_t *id_out,
    struct ph_error *err)
{
	enum ph_status	s;
	int64_t		sup;

	if ((s = ph_org_check(o, 1, err)) != PH_OK ||
	    (s = resolve_superior(st, o->superior, &sup, err)) != PH_OK)
		return s;
	return org_insert(st, o, sup, id_out, err);
}

enum ph_status
ph_store_org_ensure(struct ph_store *st, const char *name, int64_t *id_out,
    int *created, struct ph_error *err)
{
	static const char	 by_key[] = "SELECT id FROM organizations"
	    " WHERE name_key = ?1 OR short_key = ?1 OR code_key = ?1"
	    " ORDER BY name_key = ?1 DESC, id LIMIT 1";
	struct ph_org		 o;
	enum ph_status		 s;
	sqlite3_stmt		*q;
	char			*k;
	int			 rc;

	*created = 0;
	/* An id lookup only: ph_store_org_find() also counts the letters,
	 * which a bulk of registrations cannot afford per name. */
	if ((q = store_stmt(st, by_key, err)) == NULL)
		return store_errcode(err);
	k = ph_viet_name_key(name);
	sqlite3_bind_text(q, 1, k, -1, SQLITE_TRANSIENT);
	free(k);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*id_out = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return PH_OK;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	ph_org_init(&o);
	o.name = ph_xstrdup(name);
	if ((s = ph_org_check(&o, 1, err)) == PH_OK)
		s = org_insert(st, &o, 0, id_out, err);
	ph_org_release(&o);
	if (s == PH_OK)
		*created = 1;
	return s;
}

enum ph_status
ph_store_org_update(struct ph_store *st, int64_t id, struct ph_org *o,
    struct ph_error *err)
{
	static const char	 sql[] = "UPDATE organizations SET"
	    " name = coalesce(?2, name), name_key = coalesce(?3, name_key),"
	    " short_name = coalesce(?4, short_name), code = coalesce(?5, code),"
	    " short_key = coalesce(?10, short_key),"
	    " code_key = coalesce(?11, code_key),"
	    " level = coalesce(?6, level),"
	    " superior_id = CASE WHEN ?7 IS NULL THEN superior_id"
	    "   WHEN ?7 = 0 THEN NULL ELSE ?7 END,"
	    " contact = coalesce(?8, contact), updated = ?9 WHERE id = ?1";
	sqlite3_stmt		*s;
	char			*before, *after, *key = NULL, now[32];
	const char		*uid;
	int64_t			 sup = -1, *relet = NULL;
	size_t			 nrelet = 0, k;
	int			 rc;
	enum ph_status		 ret;
	struct ph_org		 cur;

	if ((ret = ph_org_check(o, 0, err)) != PH_OK)
		return ret;
	if (o->superior != NULL) {
		if ((ret = resolve_superior(st, o->superior, &sup, err)) !=
		    PH_OK)
			return ret;
		if (sup == id)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("an organization cannot be its own superior"));
	}
	{
		char idbuf[24];
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
		if ((ret = ph_store_org_find(st, idbuf, &cur, err)) != PH_OK)
			return ret;
	}
	before = org_snapshot(st, id);
	/* A new name changes the indexed text of the organization's
	 * letters: the index forgets them under the old name first. */
	if (o->name != NULL && strcmp(o->name, cur.name) != 0) {
		if ((ret = store_search_org_letters(st, id, &relet, &nrelet,
		    err)) != PH_OK)
			goto out;
		for (k = 0; k < nrelet; k++)
			if ((ret = store_search_forget(st, relet[k], err)) !=
			    PH_OK)
				goto out;
	}
	if ((s = store_stmt(st, sql, err)) == NULL) {
		ret = store_errcode(err);
		goto out;
	}
	if (o->name != NULL)
		key = ph_viet_name_key(o->name);
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, o->name);
	store_bind_text(s, 3, key);
	store_bind_text(s, 4, o->short_name);
	store_bind_text(s, 5, o->code);
	store_bind_text(s, 6, o->level);
	if (sup >= 0)
		sqlite3_bind_int64(s, 7, sup);
	store_bind_text(s, 8, o->contact);
	sqlite3_bind_text(s, 9, store_now(now), -1, SQLITE_TRANSIENT);
	bind_key(s, 10, o->short_name);
	bind_key(s, 11, o->code);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		ret = ph_error_set(err, PH_ERR_EXISTS,
		    _("an organization named \"%s\" already exists"), o->name);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, err);
		goto out;
	}
	for (k = 0; k < nrelet; k++)
		if ((ret = store_search_index(st, relet[k], err)) != PH_OK)
			goto out;
	after = org_snapshot(st, id);
	uid = cur.uid;
	ret = store_event(st, "organization", id, uid, "update", before,
	    after, err);
	free(after);
out:
	free(relet);
	free(key);
	free(before);
	ph_org_release(&cur);
	return ret;
}

enum ph_status
ph_store_org_list(struct ph_store *st, ph_org_cb cb, void *arg,
    struct ph_error *err)
{
	static const char	 sql[] = ORG_COLUMNS " ORDER BY o.is_self DESC, o.name_key";
	sqlite3_stmt		*s;
	struct ph_org		 o;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		org_from_row(s, &o);
		stop = cb(&o, arg);
		ph_org_release(&o);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

/* ---- our unit */

void
ph_unit_release(struct ph_unit *u)
{
	free(u->name);
	free(u->code);
	memset(u, 0, sizeof *u);
}

enum ph_status
ph_store_unit_get(struct ph_store *st, struct ph_unit *u, struct ph_error *err)
{
	enum ph_status	 s;
	char		*v = NULL;
	int		 n;

	memset(u, 0, sizeof *u);
	if ((s = ph_store_setting_get(st, "unit_name", &u->name, err)) != PH_OK
	    || (s = ph_store_setting_get(st, "unit_code", &u->code, err)) !=
	    PH_OK)
		goto fail;
	if (u->name == NULL)
		u->name = ph_xstrdup("Đảng ủy");
	if (u->code == NULL)
		u->code = ph_xstrdup("ĐU");
	if ((s = ph_store_setting_get(st, "numbering", &v, err)) != PH_OK)
		goto fail;
	u->numbering = PH_NUMBERING_PARTY;
	if (v != NULL && ph_keyword_parse(ph_numbering_words, "numbering", v,
	    &n, NULL) == PH_OK)
		u->numbering = n;
	free(v);
	if ((s = ph_store_setting_get(st, "term_start", &v, err)) != PH_OK)
		goto fail;
	/* The 2025-2030 term of the new commune-level committees began
	 * when they were set up on 1 July 2025 (seeds 003 and 004 are of
	 * "khóa I, nhiệm kỳ 2025 - 2030"); "init --term-start" changes it. */
	u->term_start = (struct ph_date){ 2025, 7, 1 };
	if (v != NULL)
		ph_date_parse(v, &u->term_start, NULL);
	free(v);
	v = NULL;
	if ((s = ph_store_setting_get(st, "tone_style", &v, err)) != PH_OK)
		goto fail;
	u->tone_style = -1;
	{
		enum ph_tone_style ts;
		if (v != NULL && ph_viet_tone_style_parse(v, &ts))
			u->tone_style = (int)ts;
	}
	free(v);
	return PH_OK;
fail:
	ph_unit_release(u);
	return s;
}

/* Remember a term's first day; earlier terms stay known. */
static enum ph_status
term_record(struct ph_store *st, struct ph_date start, struct ph_error *err)
{
	static const char	 sql[] =
	    "INSERT OR IGNORE INTO terms(start) VALUES (?)";
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	store_bind_date(s, 1, start);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? PH_OK : store_fail(st, rc, err);
}

enum ph_status
ph_store_unit_set(struct ph_store *st, const struct ph_unit *u,
    struct ph_error *err)
{
	static const char	 find_self[] =
	    "SELECT id FROM organizations WHERE is_self = 1";
	enum ph_status		 s;
	sqlite3_stmt		*q;
	struct ph_org		 o;
	int64_t			 self = 0, id;
	char			 buf[11];
	int			 rc;

	if ((s = ph_store_setting_set(st, "unit_name", u->name, err)) != PH_OK
	    || (s = ph_store_setting_set(st, "unit_code", u->code, err)) !=
	    PH_OK || (s = ph_store_setting_set(st, "numbering",
	    ph_keyword_word(ph_numbering_words, u->numbering), err)) != PH_OK
	    || (s = ph_store_setting_set(st, "term_start",
	    ph_date_iso(u->term_start, buf), err)) != PH_OK
	    || (s = ph_store_setting_set(st, "tone_style", u->tone_style < 0 ?
	    "keep" : ph_viet_tone_style_name((enum ph_tone_style)u->tone_style),
	    err)) != PH_OK)
		return s;
	if ((s = term_record(st, u->term_start, err)) != PH_OK)
		return s;
	if ((q = store_stmt(st, find_self, err)) == NULL)
		return store_errcode(err);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		self = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	ph_org_init(&o);
	o.name = ph_xstrdup(u->name);
	o.code = ph_xstrdup(u->code);
	if (self > 0)
		s = ph_store_org_update(st, self, &o, err);
	else {
		o.is_self = 1;
		s = ph_store_org_add(st, &o, &id, err);
		if (s == PH_ERR_EXISTS) {
			/* The unit was already known as another side: mark
			 * that row as us. */
			static const char mark[] = "UPDATE organizations"
			    " SET is_self = 1 WHERE name_key = ?";
			char *key = ph_viet_name_key(u->name);
			if ((q = store_stmt(st, mark, err)) == NULL) {
				free(key);
				ph_org_release(&o);
				return store_errcode(err);
			}
			sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(q);
			sqlite3_reset(q);
			free(key);
			s = rc == SQLITE_DONE ? PH_OK : store_fail(st, rc, err);
		}
	}
	ph_org_release(&o);
	return s;
}

/* ---- agreements */

enum ph_status
ph_store_agreement_ensure(struct ph_store *st, const char *number,
    int64_t *id_out, int *created, struct ph_error *err)
{
	static const char	 find[] =
	    "SELECT id FROM agreements WHERE number = ?";
	struct ph_agreement	 a;
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	int			 rc;

	*created = 0;
	if ((s = store_stmt(st, find, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id_out = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return PH_OK;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	ph_agreement_init(&a);
	a.number = ph_xstrdup(number);
	a.title = ph_xstrdup("");
	ret = ph_store_agreement_put(st, &a, id_out, err);
	ph_agreement_release(&a);
	if (ret == PH_OK)
		*created = 1;
	return ret;
}

#define AGREEMENT_SNAPSHOT \
	"SELECT json_object('id', a.id, 'uid', a.uid, 'number', a.number," \
	" 'date', a.date, 'issuer', o.name, 'title', a.title, 'parties'," \
	" (SELECT json_group_array(po.name) FROM agreement_parties p" \
	"  JOIN organizations po ON po.id = p.org_id" \
	"  WHERE p.agreement_id = a.id))" \
	" FROM agreements a LEFT JOIN organizations o ON o.id = a.issuer_id" \
	" WHERE a.id = ?"

static char *
agreement_snapshot(struct ph_store *st, int64_t id)
{
	static const char	sql[] = AGREEMENT_SNAPSHOT;

	return store_snapshot(st, sql, id);
}

enum ph_status
ph_store_agreement_put(struct ph_store *st, struct ph_agreement *a,
    int64_t *id_out, struct ph_error *err)
{
	static const char	 find[] =
	    "SELECT id, uid FROM agreements WHERE number = ?";
	static const char	 ins[] = "INSERT INTO agreements(uid, number,"
	    " date, issuer_id, title, created, updated)"
	    " VALUES (?,?,?,?,?,?,?)";
	static const char	 upd[] = "UPDATE agreements SET date = ?2,"
	    " issuer_id = ?3, title = ?4, updated = ?5 WHERE id = ?1";
	static const char	 delp[] =
	    "DELETE FROM agreement_parties WHERE agreement_id = ?";
	static const char	 insp[] = "INSERT INTO agreement_parties"
	    "(agreement_id, position, org_id) VALUES (?,?,?)";
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	int64_t			 id = 0, issuer = 0, org;
	char			 uid[33], now[32], *before = NULL, *after;
	int			 rc, created;
	size_t			 i;

	if ((ret = ph_text_clean(&a->number, _("the agreement number"),
	    PH_FIELD_MAX, 1, err)) != PH_OK ||
	    (ret = ph_text_clean(&a->title, _("the title"), PH_SUBJECT_MAX, 0,
	    err)) != PH_OK || (ret = ph_text_clean(&a->issuer,
	    _("the issuer"), PH_FIELD_MAX, 0, err)) != PH_OK)
		return ret;
	if (a->issuer != NULL && *a->issuer != '\0' &&
	    (ret = ph_store_org_ensure(st, a->issuer, &issuer, &created,
	    err)) != PH_OK)
		return ret;
	if ((s = store_stmt(st, find, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, a->number, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(uid, sizeof uid, "%s", sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	store_now(now);
	if (id > 0) {
		before = agreement_snapshot(st, id);
		if ((s = store_stmt(st, upd, err)) == NULL) {
			free(before);
			return store_errcode(err);
		}
		sqlite3_bind_int64(s, 1, id);
	} else {
		if ((s = store_stmt(st, ins, err)) == NULL)
			return store_errcode(err);
		ph_uid_new(uid);
		sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, a->number, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 7, now, -1, SQLITE_TRANSIENT);
	}
	store_bind_date(s, id > 0 ? 2 : 3, a->date);
	if (issuer > 0)
		sqlite3_bind_int64(s, id > 0 ? 3 : 4, issuer);
	sqlite3_bind_text(s, id > 0 ? 4 : 5, a->title ? a->title : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(s, id > 0 ? 5 : 6, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(before);
		return store_fail(st, rc, err);
	}
	if (id == 0)
		id = sqlite3_last_insert_rowid(st->db);
	if (a->parties.n > 0 || before != NULL) {
		if ((s = store_stmt(st, delp, err)) == NULL) {
			free(before);
			return store_errcode(err);
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	for (i = 0; i < a->parties.n; i++) {
		if ((ret = ph_text_clean(&a->parties.v[i], _("a party"),
		    PH_FIELD_MAX, 1, err)) != PH_OK ||
		    (ret = ph_store_org_ensure(st, a->parties.v[i], &org,
		    &created, err)) != PH_OK) {
			free(before);
			return ret;
		}
		if ((s = store_stmt(st, insp, err)) == NULL) {
			free(before);
			return store_errcode(err);
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		sqlite3_bind_int64(s, 3, org);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			free(before);
			return store_fail(st, rc, err);
		}
	}
	after = agreement_snapshot(st, id);
	ret = store_event(st, "agreement", id, uid, before ? "update" :
	    "insert", before, after, err);
	free(before);
	free(after);
	if (id_out != NULL)
		*id_out = id;
	return ret;
}

enum ph_status
ph_store_agreement_list(struct ph_store *st, ph_agreement_cb cb, void *arg,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT a.id, a.uid, a.number, a.date,"
	    " o.name, a.title, (SELECT group_concat(name, char(10)) FROM"
	    " (SELECT po.name FROM agreement_parties p JOIN organizations po"
	    "  ON po.id = p.org_id WHERE p.agreement_id = a.id"
	    "  ORDER BY p.position))"
	    " FROM agreements a LEFT JOIN organizations o ON o.id = a.issuer_id"
	    " ORDER BY a.date, a.number";
	sqlite3_stmt		*s;
	struct ph_agreement	 a;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *parties = (const char *)sqlite3_column_text(s, 6);
		ph_agreement_init(&a);
		a.id = sqlite3_column_int64(s, 0);
		snprintf(a.uid, sizeof a.uid, "%s", sqlite3_column_text(s, 1));
		a.number = store_column_dup(s, 2);
		a.date = store_column_date(s, 3);
		a.issuer = store_column_dup(s, 4);
		a.title = store_column_dup(s, 5);
		while (parties != NULL && *parties != '\0') {
			const char *nl = strchr(parties, '\n');
			size_t n = nl ? (size_t)(nl - parties) : strlen(parties);
			ph_strv_take(&a.parties, ph_xstrndup(parties, n));
			parties += n + (nl != NULL);
		}
		stop = cb(&a, arg);
		ph_agreement_release(&a);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}
