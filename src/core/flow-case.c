/*
 * flow-case.c -- the life of a request: its due date, then replied,
 * extended, reminded, disagreed, escalated up the agreement's chain,
 * directed, resolved.
 *
 * Each transition checks the state it starts from, writes a case action
 * and the letter's new status through the store (so the event log has
 * both), and, for reminders and escalation reports, registers the new
 * outgoing letter like any other.  "Today" is an argument.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "intl.h"

/* When a regulation gives no chain: our own committee decides. */
static const char *const default_chain[] = {
	"Thường trực Đảng ủy",
	"Ban Thường vụ Đảng ủy",
};

static void
default_rule(struct ph_agreement_def *def)
{
	ph_agreement_def_init(def);
	def->reply.days = 5;
	def->reply.workdays = 1;
	def->reply.is_default = 1;
	def->reply.lead[0] = 2;
	def->reply.lead[1] = 0;
	def->reply.lead[2] = -1;
	def->reply.grace = 2;
}

enum ph_status
ph_flow_reply_rule(struct ph_store *st, const char *agreement,
    struct ph_agreement_def *def, struct ph_error *err)
{
	enum ph_status	s;

	if (agreement == NULL || *agreement == '\0') {
		default_rule(def);
		return PH_OK;
	}
	s = ph_store_agreement_def_get(st, agreement, def, NULL, err);
	if (s == PH_ERR_NOTFOUND) {
		default_rule(def);
		return PH_OK;
	}
	return s;
}

/* The day a request's window starts from: receipt for one we got, its
 * date for one we sent. */
static struct ph_date
window_start(const struct ph_letter *l)
{
	if (l->direction == PH_DIR_IN && ph_date_is_set(l->received))
		return l->received;
	return l->date;
}

enum ph_status
ph_flow_default_due(struct ph_store *st, struct ph_calendar *cal,
    struct ph_letter *l, struct ph_error *err)
{
	struct ph_agreement_def	def;
	struct ph_date		start;
	enum ph_status		s;

	if (!l->reply_required || ph_date_is_set(l->due))
		return PH_OK;
	start = window_start(l);
	if (!ph_date_is_set(start))
		return PH_OK;
	if (l->urgency != PH_URG_NONE)
		/* Nghị định 30/2020 art. 4: registered and handled at once;
		 * a day off moves it to the next working day. */
		return ph_calendar_add_workdays(cal, ph_date_from_days(
		    ph_date_to_days(start) - 1), 1, &l->due, err);
	if ((s = ph_flow_reply_rule(st, l->agreement, &def, err)) != PH_OK)
		return s;
	if (def.reply.workdays)
		s = ph_calendar_add_workdays(cal, start, def.reply.days,
		    &l->due, err);
	else {
		/* Calendar days from the day after; a last day that is a day
		 * off moves to the next working day (Civil Code art. 148). */
		struct ph_date last = ph_date_from_days(ph_date_to_days(start) +
		    def.reply.days);
		s = ph_calendar_add_workdays(cal, ph_date_from_days(
		    ph_date_to_days(last) - 1), 1, &l->due, err);
	}
	ph_agreement_def_release(&def);
	return s;
}

enum ph_status
ph_flow_letter_add(struct ph_store *st, struct ph_calendar *cal,
    struct ph_letter *l, int64_t *id_out, struct ph_letter_notes *notes,
    struct ph_error *err)
{
	enum ph_status	s;

	if (l->direction == PH_DIR_IN && !ph_date_is_set(l->received))
		l->received = ph_today();
	if ((s = ph_flow_default_due(st, cal, l, err)) != PH_OK)
		return s;
	return ph_store_letter_add(st, l, id_out, notes, err);
}

/* ---- states */

static int
is_case(const struct ph_letter *l)
{
	return l->reply_required || l->status != PH_ST_REGISTERED;
}

int
ph_case_is_open(enum ph_state s)
{
	return s == PH_ST_AWAITING || s == PH_ST_EXTENDED ||
	    s == PH_ST_REMINDED || s == PH_ST_DISAGREED ||
	    s == PH_ST_ESCALATED || s == PH_ST_DIRECTED;
}

static enum ph_status
load_case(struct ph_store *st, int64_t id, struct ph_letter *l,
    struct ph_error *err)
{
	enum ph_status	s;

	if ((s = ph_store_letter_get(st, id, l, err)) != PH_OK)
		return s;
	if (!is_case(l)) {
		ph_letter_release(l);
		return ph_error_set(err, PH_ERR_INVALID,
		    _("letter %lld asks for no reply: it is not a case (set --reply-required first)"),
		    (long long)id);
	}
	return PH_OK;
}

static enum ph_status
wrong_state(const struct ph_letter *l, const char *action,
    struct ph_error *err)
{
	return ph_error_set(err, PH_ERR_INVALID,
	    _("cannot %s letter %lld: its case is %s"), action,
	    (long long)l->id, ph_keyword_label(ph_status_words, l->status));
}

/* Save L with STATUS and the action A, in that order. */
static enum ph_status
record(struct ph_store *st, struct ph_letter *l, enum ph_state status,
    const struct ph_case_action *a, struct ph_error *err)
{
	enum ph_status	s;

	l->status = status;
	if ((s = ph_store_letter_update(st, l, NULL, err)) != PH_OK)
		return s;
	return ph_store_case_action_add(st, l->id, a, err);
}

static int
blank(const char *s)
{
	while (s != NULL && (*s == ' ' || *s == '\t'))
		s++;
	return s == NULL || *s == '\0';
}

/* The date a reply counts from: when we received it, or sent it. */
static struct ph_date
reply_date(const struct ph_letter *r)
{
	return window_start(r);
}

enum ph_status
ph_case_reply(struct ph_store *st, struct ph_calendar *cal, int64_t id,
    int64_t reply_id, struct ph_letter *reply, struct ph_date today,
    int64_t *out_id, int *late, struct ph_error *err)
{
	struct ph_letter	l, r;
	struct ph_case_action	a;
	enum ph_status		s;
	struct ph_date		when;

	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	ph_letter_init(&r);
	if (!ph_case_is_open(l.status)) {
		s = wrong_state(&l, _("record a reply to"), err);
		goto out;
	}
	if (reply_id > 0) {
		if (reply_id == id) {
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("a letter cannot reply to itself"));
			goto out;
		}
		if ((s = ph_store_letter_get(st, reply_id, &r, err)) != PH_OK)
			goto out;
		if (r.direction == l.direction) {
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("letter %lld goes the same way as letter %lld: it cannot answer it"),
			    (long long)reply_id, (long long)id);
			goto out;
		}
		if (ph_date_cmp(reply_date(&r), window_start(&l)) < 0) {
			char d1[11], d2[11];
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("letter %lld (%s) is older than the request it would answer (%s)"),
			    (long long)reply_id, ph_date_vn(reply_date(&r), d1),
			    ph_date_vn(window_start(&l), d2));
			goto out;
		}
		r.in_reply_to = id;
		if ((s = ph_store_letter_update(st, &r, NULL, err)) != PH_OK)
			goto out;
		when = reply_date(&r);
	} else {
		reply->in_reply_to = id;
		if ((s = ph_flow_letter_add(st, cal, reply, &reply_id, NULL,
		    err)) != PH_OK)
			goto out;
		when = reply_date(reply);
	}
	memset(&a, 0, sizeof a);
	a.action = "reply";
	a.on = when;
	a.related_id = reply_id;
	*late = ph_date_is_set(l.due) && ph_date_cmp(when, l.due) > 0;
	a.text = *late ? "late" : "on-time";
	l.replied_on = when;
	s = record(st, &l, PH_ST_REPLIED, &a, err);
	if (s == PH_OK && out_id != NULL)
		*out_id = reply_id;
out:
	ph_letter_release(&r);
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_case_extend(struct ph_store *st, int64_t id, struct ph_date new_due,
    const char *reason, struct ph_date today, struct ph_error *err)
{
	struct ph_letter	l;
	struct ph_case_action	a;
	enum ph_status		s;
	char			d1[11], d2[11];

	if (blank(reason))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("an extension needs its reason (--reason)"));
	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	if (l.status != PH_ST_AWAITING && l.status != PH_ST_EXTENDED &&
	    l.status != PH_ST_REMINDED) {
		s = wrong_state(&l, _("extend"), err);
		goto out;
	}
	if (ph_date_is_set(l.due) && ph_date_cmp(new_due, l.due) <= 0) {
		s = ph_error_set(err, PH_ERR_INVALID,
		    _("the new due date %s is not after the current one, %s"),
		    ph_date_vn(new_due, d1), ph_date_vn(l.due, d2));
		goto out;
	}
	memset(&a, 0, sizeof a);
	a.action = "extend";
	a.on = today;
	a.new_due = new_due;
	a.text = reason;
	l.due = new_due;
	s = record(st, &l, PH_ST_EXTENDED, &a, err);
out:
	ph_letter_release(&l);
	return s;
}

/* "V/v abc" -> "abc": the subject of the request inside a new one. */
static const char *
subject_core(const char *s)
{
	if (strncmp(s, "V/v ", 4) == 0 || strncmp(s, "v/v ", 4) == 0)
		return s + 4;
	return s;
}

/* A subject of at most PH_SUBJECT_MAX characters. */
static char *
subject_fit(char *s)
{
	size_t	n = 0, i;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 &&
		    ++n > PH_SUBJECT_MAX) {
			s[i] = '\0';
			break;
		}
	return s;
}

static const char *
ref_of(const struct ph_letter *l, char *buf, size_t len)
{
	char	d[11];

	if (*l->number != '\0')
		snprintf(buf, len, "số %s ngày %s", l->number,
		    ph_date_vn(l->date, d));
	else
		snprintf(buf, len, "ngày %s", ph_date_vn(l->date, d));
	return buf;
}

enum ph_status
ph_case_remind(struct ph_store *st, struct ph_calendar *cal, int64_t id,
    struct ph_date today, int64_t *out_id, struct ph_error *err)
{
	struct ph_letter	l, r;
	struct ph_case_action	a;
	enum ph_status		s;
	char			ref[128];
	size_t			i;
	int64_t			rid;

	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	ph_letter_init(&r);
	if (l.status != PH_ST_AWAITING && l.status != PH_ST_EXTENDED &&
	    l.status != PH_ST_REMINDED) {
		s = wrong_state(&l, _("remind about"), err);
		goto out;
	}
	if (l.direction == PH_DIR_IN) {
		s = ph_error_set(err, PH_ERR_INVALID,
		    _("letter %lld is ours to answer: a reminder goes to the other side only"),
		    (long long)id);
		goto out;
	}
	/* The reminder (đôn đốc): ours, to whom we asked, in Vietnamese
	 * whatever the interface language, as any letter. */
	r.direction = PH_DIR_OUT;
	r.date = today;
	r.type = ph_xstrdup("CV");
	for (i = 0; i < l.recipients.n; i++)
		ph_strv_push(&r.recipients, l.recipients.v[i]);
	r.subject = subject_fit(ph_xasprintf("V/v đôn đốc trả lời văn bản %s"
	    " (%s)", ref_of(&l, ref, sizeof ref), subject_core(l.subject)));
	ph_letter_set(&r.agreement, l.agreement);
	r.in_reply_to = id;
	if ((s = ph_flow_letter_add(st, cal, &r, &rid, NULL, err)) != PH_OK)
		goto out;
	memset(&a, 0, sizeof a);
	a.action = "remind";
	a.on = today;
	a.related_id = rid;
	s = record(st, &l, PH_ST_REMINDED, &a, err);
	if (s == PH_OK && out_id != NULL)
		*out_id = rid;
out:
	ph_letter_release(&r);
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_case_disagree(struct ph_store *st, int64_t id, const char *reason,
    struct ph_date today, struct ph_error *err)
{
	struct ph_letter	l;
	struct ph_case_action	a;
	enum ph_status		s;

	if (blank(reason))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("a disagreement needs its reason (--reason)"));
	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	if (l.status == PH_ST_RESOLVED || l.status == PH_ST_ESCALATED ||
	    l.status == PH_ST_DISAGREED) {
		s = wrong_state(&l, _("record a disagreement on"), err);
		goto out;
	}
	memset(&a, 0, sizeof a);
	a.action = "disagree";
	a.on = today;
	a.text = reason;
	s = record(st, &l, PH_ST_DISAGREED, &a, err);
out:
	ph_letter_release(&l);
	return s;
}

void
ph_escalation_next_release(struct ph_escalation_next *n)
{
	if (n == NULL)
		return;
	free(n->body);
	free(n->via);
	free(n->subject);
	memset(n, 0, sizeof *n);
}

/* Where case L's next report goes on TODAY, or why there is none: the
 * one place that reads the chain, for ph_case_escalate() and for a form
 * that shows it before the clerk writes the report. */
static enum ph_status
escalation_next(struct ph_store *st, const struct ph_letter *l,
    struct ph_date today, struct ph_escalation_next *out,
    struct ph_error *err)
{
	struct ph_agreement_def	 def;
	enum ph_status		 s;
	const char		*body, *via = NULL;
	char			 ref[128];
	int			 level, overdue, nsteps;

	memset(out, 0, sizeof *out);
	/* A reply that never comes is the other side's: ours overdue is
	 * answered, not escalated. */
	overdue = l->direction == PH_DIR_OUT && ph_date_is_set(l->due) &&
	    ph_date_cmp(l->due, today) < 0 && (l->status == PH_ST_AWAITING ||
	    l->status == PH_ST_EXTENDED || l->status == PH_ST_REMINDED);
	if (!overdue && l->status != PH_ST_DISAGREED &&
	    l->status != PH_ST_ESCALATED)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("letter %lld is neither overdue nor disagreed (%s): nothing to escalate"),
		    (long long)l->id, ph_keyword_label(ph_status_words,
		    l->status));
	ph_agreement_def_init(&def);
	if ((s = ph_flow_reply_rule(st, l->agreement, &def, err)) != PH_OK)
		goto out;
	level = l->escalation_level + 1;
	nsteps = def.n_escalation > 0 ? (int)def.n_escalation :
	    (int)(sizeof default_chain / sizeof default_chain[0]);
	if (level > nsteps) {
		s = ph_error_set(err, PH_ERR_INVALID,
		    _("letter %lld was already reported to the top of its chain (level %d)"),
		    (long long)l->id, l->escalation_level);
		goto out;
	}
	if (def.n_escalation > 0) {
		body = def.escalation[level - 1].body;
		via = def.escalation[level - 1].via;
	} else
		body = default_chain[level - 1];
	out->level = level;
	out->levels = nsteps;
	out->body = ph_xstrdup(body);
	out->via = via != NULL && *via != '\0' ? ph_xstrdup(via) : NULL;
	out->subject = subject_fit(ph_xasprintf("V/v xin ý kiến chỉ đạo về %s"
	    " (văn bản %s)", subject_core(l->subject),
	    ref_of(l, ref, sizeof ref)));
out:
	ph_agreement_def_release(&def);
	return s;
}

enum ph_status
ph_case_escalation_next(struct ph_store *st, int64_t id,
    struct ph_date today, struct ph_escalation_next *out,
    struct ph_error *err)
{
	struct ph_letter	l;
	enum ph_status		s;

	memset(out, 0, sizeof *out);
	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	s = escalation_next(st, &l, today, out, err);
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_case_escalate(struct ph_store *st, struct ph_calendar *cal, int64_t id,
    const char *reason, struct ph_date today, int64_t *out_id,
    struct ph_error *err)
{
	struct ph_letter		 l, r;
	struct ph_escalation_next	 next;
	struct ph_case_action		 a;
	enum ph_status			 s;
	int64_t				 rid;

	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	ph_letter_init(&r);
	if ((s = escalation_next(st, &l, today, &next, err)) != PH_OK)
		goto out;
	r.direction = PH_DIR_OUT;
	r.date = today;
	r.type = ph_xstrdup("BC");
	ph_strv_push(&r.recipients, next.body);
	if (next.via != NULL)
		ph_strv_push(&r.recipients, next.via);
	r.subject = ph_xstrdup(next.subject);
	if (!blank(reason))
		r.body = ph_xstrdup(reason);
	ph_letter_set(&r.agreement, l.agreement);
	r.in_reply_to = id;
	if ((s = ph_flow_letter_add(st, cal, &r, &rid, NULL, err)) != PH_OK)
		goto out;
	memset(&a, 0, sizeof a);
	a.action = "escalate";
	a.on = today;
	a.related_id = rid;
	a.level = next.level;
	a.target = next.body;
	a.text = reason;
	l.escalation_level = next.level;
	s = record(st, &l, PH_ST_ESCALATED, &a, err);
	if (s == PH_OK && out_id != NULL)
		*out_id = rid;
out:
	ph_escalation_next_release(&next);
	ph_letter_release(&r);
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_case_direct(struct ph_store *st, int64_t id, const char *instruction,
    const char *by, int interim, struct ph_date today, struct ph_error *err)
{
	struct ph_letter	l;
	struct ph_case_action	a;
	enum ph_status		s;

	if (blank(instruction))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("a direction needs its text (--instruction)"));
	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	if (l.status != PH_ST_ESCALATED && l.status != PH_ST_DIRECTED) {
		s = wrong_state(&l, _("record a direction on"), err);
		goto out;
	}
	memset(&a, 0, sizeof a);
	a.action = interim ? "interim" : "direct";
	a.on = today;
	a.level = l.escalation_level;
	a.target = by;
	a.text = instruction;
	s = record(st, &l, interim ? l.status : PH_ST_DIRECTED, &a, err);
out:
	ph_letter_release(&l);
	return s;
}

enum ph_status
ph_case_resolve(struct ph_store *st, int64_t id, const char *note,
    struct ph_date today, struct ph_error *err)
{
	struct ph_letter	l;
	struct ph_case_action	a;
	enum ph_status		s;

	if ((s = load_case(st, id, &l, err)) != PH_OK)
		return s;
	if (l.status == PH_ST_RESOLVED) {
		s = wrong_state(&l, _("resolve"), err);
		goto out;
	}
	memset(&a, 0, sizeof a);
	a.action = "resolve";
	a.on = today;
	a.text = note;
	s = record(st, &l, PH_ST_RESOLVED, &a, err);
out:
	ph_letter_release(&l);
	return s;
}
