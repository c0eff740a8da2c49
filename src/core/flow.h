/*
 * flow.h -- the life of a request and the clerk's morning list: due dates
 * from reply rules, case transitions, periodic obligations, escalation
 * suggestions.
 *
 * Pure over the store and the calendar: "today" is an argument, nothing
 * reads the clock; nothing is sent anywhere, phoihop only suggests.
 */
#ifndef PH_FLOW_H
#define PH_FLOW_H

#include "clock.h"
#include "store.h"

/* The reply rule that applies to L: its agreement's, else the default
 * (5 working days, flagged as a default).  OUT's strings are borrowed
 * from a static default or must be released with the def. */
enum ph_status	ph_flow_reply_rule(struct ph_store *st, const char *agreement,
		    struct ph_agreement_def *def, struct ph_error *err);

/* Fill L's due date when it needs a reply and none was given: urgent
 * letters (Khẩn, Thượng khẩn, Hỏa tốc) the day they are received (Nghị
 * định 30/2020 art. 4), others N working days after receipt (the letter's
 * date for one we send), by the agreement's reply rule. */
enum ph_status	ph_flow_default_due(struct ph_store *st,
		    struct ph_calendar *cal, struct ph_letter *l,
		    struct ph_error *err);

/* Add L (as ph_store_letter_add) with its due date filled. */
enum ph_status	ph_flow_letter_add(struct ph_store *st, struct ph_calendar *cal,
		    struct ph_letter *l, int64_t *id_out,
		    struct ph_letter_notes *notes, struct ph_error *err);

/* 1 when a case in state S still waits for something (a reply, a
 * direction): replied, resolved and plain registered letters do not. */
int		ph_case_is_open(enum ph_state s);

/* ---- transitions: each checks the case's state, records a case action
 * and the letter's new status, both also written to the event log.
 * TODAY is the date the clerk acts on. */

/* Close case ID with a reply: REPLY_ID an existing letter (its in_reply_to
 * is set to ID), or, when 0, REPLY (a letter the caller prepared, stored
 * here).  On time or late is recorded.  *OUT_ID gets the reply's id. */
enum ph_status	ph_case_reply(struct ph_store *st, struct ph_calendar *cal,
		    int64_t id, int64_t reply_id, struct ph_letter *reply,
		    struct ph_date today, int64_t *out_id, int *late,
		    struct ph_error *err);
enum ph_status	ph_case_extend(struct ph_store *st, int64_t id,
		    struct ph_date new_due, const char *reason,
		    struct ph_date today, struct ph_error *err);
/* Write a reminder (đôn đốc) to the side that owes the reply: a new
 * outgoing letter, *OUT_ID. */
enum ph_status	ph_case_remind(struct ph_store *st, struct ph_calendar *cal,
		    int64_t id, struct ph_date today, int64_t *out_id,
		    struct ph_error *err);
enum ph_status	ph_case_disagree(struct ph_store *st, int64_t id,
		    const char *reason, struct ph_date today,
		    struct ph_error *err);
/* Report to the next level of the agreement's escalation chain, asking
 * for direction: a new outgoing letter (*OUT_ID), subject "V/v xin ý kiến
 * chỉ đạo ...".  Each call climbs one level; past the top is an error. */
enum ph_status	ph_case_escalate(struct ph_store *st, struct ph_calendar *cal,
		    int64_t id, const char *reason, struct ph_date today,
		    int64_t *out_id, struct ph_error *err);
/* Where the next report on case ID would go on TODAY, without writing
 * anything (for a form to show before the report is written): the level
 * it would reach (1 for the first) of the LEVELS in the chain, the body
 * asked to decide, the office it goes through (NULL none) and the
 * subject ph_case_escalate() would give it.  Refused, with the same
 * message, wherever ph_case_escalate() refuses (not a case, nothing to
 * escalate, past the top).  OUT is released with
 * ph_escalation_next_release(), also after a failure. */
struct ph_escalation_next {
	int	 level, levels;
	char	*body;
	char	*via;
	char	*subject;
};
enum ph_status	ph_case_escalation_next(struct ph_store *st, int64_t id,
		    struct ph_date today, struct ph_escalation_next *out,
		    struct ph_error *err);
void		ph_escalation_next_release(struct ph_escalation_next *n);
/* Record the direction received (or, INTERIM, the instruction in force
 * while waiting, as seed 002 Điều 5 asks). */
enum ph_status	ph_case_direct(struct ph_store *st, int64_t id,
		    const char *instruction, const char *by, int interim,
		    struct ph_date today, struct ph_error *err);
enum ph_status	ph_case_resolve(struct ph_store *st, int64_t id,
		    const char *note, struct ph_date today,
		    struct ph_error *err);

/* ---- periodic obligations */

/* Make the obligations of every active periodic rule for solar years
 * FROM..TO (term-end rules: the last year of the term). */
enum ph_status	ph_flow_obligations_generate(struct ph_store *st,
		    struct ph_calendar *cal, int from, int to,
		    struct ph_error *err);

/* ---- the morning list */

enum ph_due_section {
	PH_DUE_OVERDUE_OURS,		/* we owe the reply, past due */
	PH_DUE_OVERDUE_THEIRS,		/* they owe it, past due */
	PH_DUE_TODAY,
	PH_DUE_SOON,			/* within N working days / lead */
	PH_DUE_OBLIGATION,		/* periodic, within 30 days */
	PH_DUE_AWAITING_DIRECTION,
	PH_DUE_SUGGEST_ESCALATION,	/* overdue past the grace */
	PH_DUE__COUNT
};
extern const char *const ph_due_section_words[PH_DUE__COUNT];

struct ph_due_entry {
	enum ph_due_section	 section;
	int64_t			 id;		/* letter, or obligation */
	const char		*number;
	const char		*issuer;
	const char		*subject;
	struct ph_date		 due;
	long			 days;	/* working days left; < 0 overdue */
	int			 ours;	/* 1: we owe it */
	int			 warn;	/* on a lead day of its rule */
};
typedef int	(*ph_due_cb)(const struct ph_due_entry *e, void *arg);

/* The list as of TODAY, section by section, each by due date.  WITHIN:
 * working days ahead for "due soon". */
enum ph_status	ph_flow_due(struct ph_store *st, struct ph_calendar *cal,
		    struct ph_date today, int within, ph_due_cb cb, void *arg,
		    struct ph_error *err);

#endif
