/*
 * store-flow.c -- what the reply windows stand on, in the store: the
 * agreements' rules as loaded from data/agreements/, the obligations
 * generated from periodic rules, and the actions of each case.
 *
 * No date arithmetic here (that is clock-*.c and flow-*.c): this file
 * only keeps and returns what they computed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "store-private.h"

static const char *const period_kinds[] = { "half-year", "year", "term-end" };
static const char *const dayoff_words[] = { "previous", "keep", "next" };

static int
word_index(const char *const *words, int n, const char *w)
{
	int	i;

	for (i = 0; w != NULL && i < n; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return 0;
}

static enum ph_status
step(struct ph_store *st, sqlite3_stmt *s, struct ph_error *err)
{
	int	rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? PH_OK :
	    store_fail(st, rc, err);
}

static char *
lead_text(const int *lead)
{
	struct ph_buf	b;
	int		i;

	ph_buf_init(&b);
	for (i = 0; i < 4 && lead[i] >= 0; i++)
		ph_buf_printf(&b, "%s%d", i ? "," : "", lead[i]);
	return ph_buf_take(&b);
}

static void
lead_parse(const char *s, int *lead)
{
	int	i = 0;
	char	*end;

	while (s != NULL && *s != '\0' && i < 3) {
		long v = strtol(s, &end, 10);
		if (end == s)
			break;
		lead[i++] = (int)v;
		s = *end == ',' ? end + 1 : end;
	}
	lead[i] = -1;
}

enum ph_status
ph_store_agreement_load(struct ph_store *st, struct ph_agreement_def *def,
    int64_t *id_out, int *created, struct ph_error *err)
{
	static const char	 find[] =
	    "SELECT id FROM agreements WHERE number = ?";
	static const char	 rules[] = "UPDATE agreements SET"
	    " reply_days = ?2, reply_workdays = ?3, reply_is_default = ?4,"
	    " reply_lead = ?5, reply_grace = ?6, reply_source = ?7,"
	    " supersedes = ?8, source_file = ?9 WHERE id = ?1";
	static const char	 del_items[] =
	    "DELETE FROM agreement_items WHERE agreement_id = ?";
	static const char	 ins_item[] = "INSERT INTO agreement_items"
	    "(agreement_id, position, text) VALUES (?,?,?)";
	static const char	 del_steps[] =
	    "DELETE FROM escalation_steps WHERE agreement_id = ?";
	static const char	 ins_step[] = "INSERT INTO escalation_steps"
	    "(agreement_id, level, body, via, when_text) VALUES (?,?,?,?,?)";
	static const char	 off_rules[] =
	    "UPDATE periodic_rules SET active = 0 WHERE agreement_id = ?";
	static const char	 put_rule[] = "INSERT INTO periodic_rules(uid,"
	    " agreement_id, key, name, kind, month, day, month2, day2, before,"
	    " dayoff, who, to_body, source, active)"
	    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,1)"
	    " ON CONFLICT(agreement_id, key) DO UPDATE SET name = ?4,"
	    " kind = ?5, month = ?6, day = ?7, month2 = ?8, day2 = ?9,"
	    " before = ?10, dayoff = ?11, who = ?12, to_body = ?13,"
	    " source = ?14, active = 1";
	static const char	 supersede[] = "UPDATE agreements"
	    " SET superseded_by = ?1 WHERE number = ?2 AND id <> ?1";
	static const char	 superseded[] = "UPDATE agreements SET"
	    " superseded_by = (SELECT b.id FROM agreements b WHERE b.id <> ?1"
	    "  AND instr(char(10) || b.supersedes || char(10),"
	    "  char(10) || ?2 || char(10)) > 0 LIMIT 1) WHERE id = ?1";
	struct ph_agreement	 a;
	sqlite3_stmt		*s;
	enum ph_status		 ret;
	int64_t			 id;
	char			*lead, uid[33], *sup;
	size_t			 i;
	int			 rc, existed;

	if ((s = store_stmt(st, find, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, def->number, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	existed = rc == SQLITE_ROW;
	sqlite3_reset(s);

	/* The agreement row itself, its parties and the event. */
	ph_agreement_init(&a);
	a.number = ph_xstrdup(def->number);
	a.date = def->date;
	a.issuer = def->issuer != NULL ? ph_xstrdup(def->issuer) : NULL;
	a.title = ph_xstrdup(def->title != NULL ? def->title : "");
	for (i = 0; i < def->parties.n; i++)
		ph_strv_push(&a.parties, def->parties.v[i]);
	ret = ph_store_agreement_put(st, &a, &id, err);
	ph_agreement_release(&a);
	if (ret != PH_OK)
		return ret;

	if ((s = store_stmt(st, rules, err)) == NULL)
		return store_errcode(err);
	lead = lead_text(def->reply.lead);
	{
		struct ph_buf b;
		ph_buf_init(&b);
		for (i = 0; i < def->supersedes.n; i++)
			ph_buf_printf(&b, "%s%s", i ? "\n" : "",
			    def->supersedes.v[i]);
		sup = ph_buf_take(&b);
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, def->reply.days);
	sqlite3_bind_int(s, 3, def->reply.workdays);
	sqlite3_bind_int(s, 4, def->reply.is_default);
	sqlite3_bind_text(s, 5, lead, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 6, def->reply.grace);
	store_bind_text(s, 7, def->reply.source);
	store_bind_text(s, 8, *sup ? sup : NULL);
	store_bind_text(s, 9, def->source_file);
	ret = step(st, s, err);
	free(lead);
	free(sup);
	if (ret != PH_OK)
		return ret;

	if ((s = store_stmt(st, del_items, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	if ((ret = step(st, s, err)) != PH_OK)
		return ret;
	for (i = 0; i < def->items.n; i++) {
		if ((s = store_stmt(st, ins_item, err)) == NULL)
			return store_errcode(err);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		sqlite3_bind_text(s, 3, def->items.v[i], -1, SQLITE_TRANSIENT);
		if ((ret = step(st, s, err)) != PH_OK)
			return ret;
	}

	if ((s = store_stmt(st, del_steps, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	if ((ret = step(st, s, err)) != PH_OK)
		return ret;
	for (i = 0; i < def->n_escalation; i++) {
		const struct ph_escalation_step *e = &def->escalation[i];
		if ((s = store_stmt(st, ins_step, err)) == NULL)
			return store_errcode(err);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		sqlite3_bind_text(s, 3, e->body, -1, SQLITE_TRANSIENT);
		store_bind_text(s, 4, e->via);
		store_bind_text(s, 5, e->when);
		if ((ret = step(st, s, err)) != PH_OK)
			return ret;
	}

	if ((s = store_stmt(st, off_rules, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	if ((ret = step(st, s, err)) != PH_OK)
		return ret;
	for (i = 0; i < def->n_periodic; i++) {
		const struct ph_periodic_rule *r = &def->periodic[i];
		if ((s = store_stmt(st, put_rule, err)) == NULL)
			return store_errcode(err);
		ph_uid_new(uid);
		sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, id);
		sqlite3_bind_text(s, 3, r->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, r->name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, period_kinds[r->kind], -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(s, 6, r->month);
		sqlite3_bind_int(s, 7, r->day);
		sqlite3_bind_int(s, 8, r->month2);
		sqlite3_bind_int(s, 9, r->day2);
		sqlite3_bind_int(s, 10, r->before);
		sqlite3_bind_text(s, 11, dayoff_words[r->dayoff], -1,
		    SQLITE_STATIC);
		store_bind_text(s, 12, r->who);
		store_bind_text(s, 13, r->to);
		store_bind_text(s, 14, r->source);
		if ((ret = step(st, s, err)) != PH_OK)
			return ret;
	}
	for (i = 0; i < def->supersedes.n; i++) {
		if ((s = store_stmt(st, supersede, err)) == NULL)
			return store_errcode(err);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, def->supersedes.v[i], -1,
		    SQLITE_TRANSIENT);
		if ((ret = step(st, s, err)) != PH_OK)
			return ret;
	}
	/* And the other way: an agreement loaded earlier may replace this
	 * one, whatever order the files came in. */
	if ((s = store_stmt(st, superseded, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, def->number, -1, SQLITE_TRANSIENT);
	if ((ret = step(st, s, err)) != PH_OK)
		return ret;
	if (id_out != NULL)
		*id_out = id;
	if (created != NULL)
		*created = !existed;
	return PH_OK;
}

enum ph_status
ph_store_agreement_def_get(struct ph_store *st, const char *key,
    struct ph_agreement_def *out, int64_t *id_out, struct ph_error *err)
{
	static const char	 head[] = "SELECT a.id, a.number, a.date,"
	    " o.name, a.title, a.reply_days, a.reply_workdays,"
	    " a.reply_is_default, a.reply_lead, a.reply_grace, a.reply_source,"
	    " a.supersedes, a.source_file FROM agreements a"
	    " LEFT JOIN organizations o ON o.id = a.issuer_id"
	    " WHERE a.number = ?1 OR (a.id = ?2 AND ?2 > 0)";
	static const char	 parties[] = "SELECT o.name FROM"
	    " agreement_parties p JOIN organizations o ON o.id = p.org_id"
	    " WHERE p.agreement_id = ? ORDER BY p.position";
	static const char	 items[] = "SELECT text FROM agreement_items"
	    " WHERE agreement_id = ? ORDER BY position";
	static const char	 steps[] = "SELECT body, via, when_text FROM"
	    " escalation_steps WHERE agreement_id = ? ORDER BY level";
	static const char	 prules[] = "SELECT key, name, kind, month, day,"
	    " month2, day2, before, dayoff, who, to_body, source"
	    " FROM periodic_rules WHERE agreement_id = ? AND active = 1"
	    " ORDER BY id";
	sqlite3_stmt		*s;
	int64_t			 id;
	char			*end;
	long long		 asid;
	int			 rc;

	ph_agreement_def_init(out);
	asid = strtoll(key, &end, 10);
	if (*end != '\0')
		asid = 0;
	if ((s = store_stmt(st, head, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, asid);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return ph_error_set(err, PH_ERR_NOTFOUND,
			    _("unknown agreement \"%s\""), key);
		return store_fail(st, rc, err);
	}
	id = sqlite3_column_int64(s, 0);
	out->number = store_column_dup(s, 1);
	out->date = store_column_date(s, 2);
	out->issuer = store_column_dup(s, 3);
	out->title = store_column_dup(s, 4);
	out->reply.days = sqlite3_column_type(s, 5) == SQLITE_NULL ? 5 :
	    sqlite3_column_int(s, 5);
	out->reply.workdays = sqlite3_column_int(s, 6);
	out->reply.is_default = sqlite3_column_type(s, 5) == SQLITE_NULL ? 1 :
	    sqlite3_column_int(s, 7);
	lead_parse((const char *)sqlite3_column_text(s, 8), out->reply.lead);
	out->reply.grace = sqlite3_column_int(s, 9);
	out->reply.source = store_column_dup(s, 10);
	{
		const char *p = (const char *)sqlite3_column_text(s, 11);
		while (p != NULL && *p != '\0') {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			ph_strv_take(&out->supersedes, ph_xstrndup(p, n));
			p += n + (nl != NULL);
		}
	}
	out->source_file = store_column_dup(s, 12);
	sqlite3_reset(s);

	if ((s = store_stmt(st, parties, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ph_strv_push(&out->parties, (const char *)
		    sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if ((s = store_stmt(st, items, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ph_strv_push(&out->items, (const char *)
		    sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if ((s = store_stmt(st, steps, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct ph_escalation_step *e;
		out->escalation = ph_xrealloc(out->escalation,
		    (out->n_escalation + 1) * sizeof *out->escalation);
		e = &out->escalation[out->n_escalation++];
		e->body = store_column_dup(s, 0);
		e->via = store_column_dup(s, 1);
		e->when = store_column_dup(s, 2);
	}
	sqlite3_reset(s);
	if ((s = store_stmt(st, prules, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct ph_periodic_rule *r;
		out->periodic = ph_xrealloc(out->periodic,
		    (out->n_periodic + 1) * sizeof *out->periodic);
		r = &out->periodic[out->n_periodic++];
		memset(r, 0, sizeof *r);
		r->key = store_column_dup(s, 0);
		r->name = store_column_dup(s, 1);
		r->kind = word_index(period_kinds, 3,
		    (const char *)sqlite3_column_text(s, 2));
		r->month = sqlite3_column_int(s, 3);
		r->day = sqlite3_column_int(s, 4);
		r->month2 = sqlite3_column_int(s, 5);
		r->day2 = sqlite3_column_int(s, 6);
		r->before = sqlite3_column_int(s, 7);
		r->dayoff = word_index(dayoff_words, 3,
		    (const char *)sqlite3_column_text(s, 8));
		r->who = store_column_dup(s, 9);
		r->to = store_column_dup(s, 10);
		r->source = store_column_dup(s, 11);
	}
	sqlite3_reset(s);
	if (id_out != NULL)
		*id_out = id;
	return PH_OK;
fail:
	ph_agreement_def_release(out);
	return store_errcode(err);
}

enum ph_status
ph_store_rule_list(struct ph_store *st, ph_rule_cb cb, void *arg,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT r.id, a.id, a.number, a.date,"
	    " r.key, r.name, r.kind, r.month, r.day, r.month2, r.day2,"
	    " r.before, r.dayoff, r.who, r.to_body, r.source"
	    " FROM periodic_rules r JOIN agreements a ON a.id = r.agreement_id"
	    " WHERE r.active = 1 AND a.superseded_by IS NULL"
	    " ORDER BY a.number, r.key";
	sqlite3_stmt		*s;
	struct ph_periodic_rule	 r;
	struct ph_rule_row	 row;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		row.id = sqlite3_column_int64(s, 0);
		row.agreement_id = sqlite3_column_int64(s, 1);
		row.agreement = (const char *)sqlite3_column_text(s, 2);
		row.agreement_date = store_column_date(s, 3);
		r.key = (char *)sqlite3_column_text(s, 4);
		r.name = (char *)sqlite3_column_text(s, 5);
		r.kind = word_index(period_kinds, 3,
		    (const char *)sqlite3_column_text(s, 6));
		r.month = sqlite3_column_int(s, 7);
		r.day = sqlite3_column_int(s, 8);
		r.month2 = sqlite3_column_int(s, 9);
		r.day2 = sqlite3_column_int(s, 10);
		r.before = sqlite3_column_int(s, 11);
		r.dayoff = word_index(dayoff_words, 3,
		    (const char *)sqlite3_column_text(s, 12));
		r.who = (char *)sqlite3_column_text(s, 13);
		r.to = (char *)sqlite3_column_text(s, 14);
		r.source = (char *)sqlite3_column_text(s, 15);
		row.rule = &r;
		stop = cb(&row, arg);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_obligation_put(struct ph_store *st, int64_t rule_id,
    const char *period, struct ph_date due, struct ph_error *err)
{
	static const char	 sql[] = "INSERT INTO obligations(uid, rule_id,"
	    " period, due) VALUES (?1,?2,?3,?4)"
	    " ON CONFLICT(rule_id, period) DO UPDATE SET due = ?4"
	    " WHERE letter_id IS NULL AND due <> ?4";
	sqlite3_stmt		*s;
	char			 uid[33];

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	ph_uid_new(uid);
	sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, rule_id);
	sqlite3_bind_text(s, 3, period, -1, SQLITE_TRANSIENT);
	store_bind_date(s, 4, due);
	return step(st, s, err);
}

enum ph_status
ph_store_obligation_list(struct ph_store *st, struct ph_date from,
    struct ph_date to, int all, ph_obligation_cb cb, void *arg,
    struct ph_error *err)
{
	static const char	 sql[] = "SELECT o.id, o.rule_id, a.number,"
	    " r.key, r.name, o.period, o.due, o.letter_id, r.who, r.to_body"
	    " FROM obligations o JOIN periodic_rules r ON r.id = o.rule_id"
	    " JOIN agreements a ON a.id = r.agreement_id"
	    " WHERE r.active = 1 AND a.superseded_by IS NULL"
	    " AND (?1 IS NULL OR o.due >= ?1) AND (?2 IS NULL OR o.due <= ?2)"
	    " AND (?3 OR o.letter_id IS NULL)"
	    " ORDER BY o.due, a.number, r.key";
	sqlite3_stmt		*s;
	struct ph_obligation	 o;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	store_bind_date(s, 1, from);
	store_bind_date(s, 2, to);
	sqlite3_bind_int(s, 3, all ? 1 : 0);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(s, 0);
		o.rule_id = sqlite3_column_int64(s, 1);
		o.agreement = (const char *)sqlite3_column_text(s, 2);
		o.key = (const char *)sqlite3_column_text(s, 3);
		o.name = (const char *)sqlite3_column_text(s, 4);
		o.period = (const char *)sqlite3_column_text(s, 5);
		o.due = store_column_date(s, 6);
		o.letter_id = sqlite3_column_int64(s, 7);
		o.who = (const char *)sqlite3_column_text(s, 8);
		o.to = (const char *)sqlite3_column_text(s, 9);
		stop = cb(&o, arg);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}

enum ph_status
ph_store_obligation_fulfil(struct ph_store *st, int64_t id, int64_t letter_id,
    struct ph_error *err)
{
	static const char	 sql[] =
	    "UPDATE obligations SET letter_id = ?2 WHERE id = ?1";
	static const char	 snap[] = "SELECT json_object('id', id,"
	    " 'period', period, 'due', due, 'letter_id', letter_id)"
	    " FROM obligations WHERE id = ?";
	sqlite3_stmt		*s;
	char			*before, *after;
	enum ph_status		 ret;

	if ((before = store_snapshot(st, snap, id)) == NULL)
		return ph_error_set(err, PH_ERR_NOTFOUND,
		    _("no obligation with id %lld"), (long long)id);
	if ((s = store_stmt(st, sql, err)) == NULL) {
		free(before);
		return store_errcode(err);
	}
	sqlite3_bind_int64(s, 1, id);
	if (letter_id > 0)
		sqlite3_bind_int64(s, 2, letter_id);
	if ((ret = step(st, s, err)) != PH_OK) {
		free(before);
		return ret;
	}
	after = store_snapshot(st, snap, id);
	ret = store_event(st, "obligation", id, NULL, "update", before, after,
	    err);
	free(before);
	free(after);
	return ret;
}

enum ph_status
ph_store_case_action_add(struct ph_store *st, int64_t letter_id,
    const struct ph_case_action *a, struct ph_error *err)
{
	static const char	 sql[] = "INSERT INTO case_actions(uid,"
	    " letter_id, action, on_date, related_id, level, target, new_due,"
	    " text, created) VALUES (?,?,?,?,?,?,?,?,?,?)";
	static const char	 snapshot[] = "SELECT json_object('id', id,"
	    " 'letter_id', letter_id, 'action', action, 'on', on_date,"
	    " 'related_id', related_id, 'level', level, 'target', target,"
	    " 'new_due', new_due, 'text', text) FROM case_actions WHERE id = ?";
	sqlite3_stmt		*s;
	char			 uid[33], now[32], *snap;
	enum ph_status		 ret;
	int64_t			 id;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	ph_uid_new(uid);
	sqlite3_bind_text(s, 1, uid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, letter_id);
	sqlite3_bind_text(s, 3, a->action, -1, SQLITE_TRANSIENT);
	store_bind_date(s, 4, a->on);
	if (a->related_id > 0)
		sqlite3_bind_int64(s, 5, a->related_id);
	if (a->level > 0)
		sqlite3_bind_int(s, 6, a->level);
	store_bind_text(s, 7, a->target);
	store_bind_date(s, 8, a->new_due);
	store_bind_text(s, 9, a->text);
	sqlite3_bind_text(s, 10, store_now(now), -1, SQLITE_TRANSIENT);
	if ((ret = step(st, s, err)) != PH_OK)
		return ret;
	/* The audit trail has the action itself, not only the status it
	 * left on the letter. */
	id = sqlite3_last_insert_rowid(st->db);
	snap = store_snapshot(st, snapshot, id);
	ret = store_event(st, "case_action", id, uid, "insert", NULL, snap,
	    err);
	free(snap);
	return ret;
}

enum ph_status
ph_store_case_action_list(struct ph_store *st, int64_t letter_id,
    ph_case_action_cb cb, void *arg, struct ph_error *err)
{
	static const char	 sql[] = "SELECT id, action, on_date,"
	    " related_id, level, target, new_due, text, created"
	    " FROM case_actions WHERE letter_id = ? ORDER BY id";
	sqlite3_stmt		*s;
	struct ph_case_action	 a;
	int			 rc, stop = 0;

	if ((s = store_stmt(st, sql, err)) == NULL)
		return store_errcode(err);
	sqlite3_bind_int64(s, 1, letter_id);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		a.id = sqlite3_column_int64(s, 0);
		a.action = (const char *)sqlite3_column_text(s, 1);
		a.on = store_column_date(s, 2);
		a.related_id = sqlite3_column_int64(s, 3);
		a.level = sqlite3_column_int(s, 4);
		a.target = (const char *)sqlite3_column_text(s, 5);
		a.new_due = store_column_date(s, 6);
		a.text = (const char *)sqlite3_column_text(s, 7);
		a.created = (const char *)sqlite3_column_text(s, 8);
		stop = cb(&a, arg);
	}
	sqlite3_reset(s);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return PH_OK;
}
