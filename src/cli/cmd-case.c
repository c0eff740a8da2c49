/*
 * cmd-case.c -- "phoihop case": the life of a request, one transition per
 * subcommand, each a core call (flow-case.c) in one transaction.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_case(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_case_entry = {
	"case",
	N_("follow a request: reply, extend, remind, disagree, escalate, direct, resolve"),
	N_("Usage: phoihop case show ID\n"
	   "       phoihop case reply ID [--letter REPLY_ID] [--date DATE]\n"
	   "           [--received DATE] [--number TEXT] [--subject TEXT]\n"
	   "       phoihop case extend ID --to DATE --reason TEXT\n"
	   "       phoihop case remind ID\n"
	   "       phoihop case disagree ID --reason TEXT\n"
	   "       phoihop case escalate ID [--reason TEXT]\n"
	   "       phoihop case direct ID --instruction TEXT [--by ORG] [--interim]\n"
	   "       phoihop case resolve ID [--note TEXT]\n"
	   "ID is the letter that asked for a reply.  reply without --letter\n"
	   "registers a new reply; remind and escalate register the reminder or\n"
	   "the report as a new outgoing letter, whose id is printed.\n"),
	cmd_case,
};

enum {
	O_LETTER = 300, O_DATE, O_RECEIVED, O_NUMBER, O_SUBJECT, O_TO,
	O_REASON, O_INSTRUCTION, O_BY, O_INTERIM, O_NOTE,
};

struct case_args {
	long		 letter;
	struct ph_date	 date, received, to;
	const char	*number, *subject, *reason, *instruction, *by, *note;
	int		 interim, seen_to;
	unsigned	 seen;		/* bit (option - O_LETTER) */
};

static int
case_opt(int c, const char *v, void *arg)
{
	struct case_args	*a = arg;
	struct ph_error		 err;

	a->seen |= 1u << (c - O_LETTER);
	switch (c) {
	case O_LETTER:
		if (cli_parse_long(v, 1, 0x7fffffffL, &a->letter,
		    _("letter id")) != 0)
			return CLI_ERROR;
		break;
	case O_DATE:
	case O_RECEIVED:
	case O_TO:
		if (ph_date_parse(v, c == O_DATE ? &a->date : c == O_TO ?
		    &a->to : &a->received, &err) != PH_OK)
			return cli_fail(&err);
		a->seen_to |= c == O_TO;
		break;
	case O_NUMBER: a->number = v; break;
	case O_SUBJECT: a->subject = v; break;
	case O_REASON: a->reason = v; break;
	case O_INSTRUCTION: a->instruction = v; break;
	case O_BY: a->by = v; break;
	case O_INTERIM: a->interim = 1; break;
	case O_NOTE: a->note = v; break;
	}
	return CLI_OK;
}

static int
show_action(const struct ph_case_action *a, void *arg)
{
	char	d[11];

	printf("  %s  %-10s", ph_date_vn(a->on, d), a->action);
	if (a->level > 0)
		printf(" %s %d", _("level"), a->level);
	if (a->related_id > 0)
		printf(" -> %lld", (long long)a->related_id);
	if (ph_date_is_set(a->new_due))
		printf(" %s %s", _("new due date"), ph_date_vn(a->new_due, d));
	if (a->target != NULL) {
		fputc(' ', stdout);
		cli_put_safe(stdout, a->target, 0);
	}
	if (a->text != NULL) {
		fputs(": ", stdout);
		cli_put_safe(stdout, a->text, 0);
	}
	fputc('\n', stdout);
	return 0;
}

static enum ph_status
case_show(struct ph_store *st, int64_t id, struct ph_error *err)
{
	struct ph_letter	l;
	enum ph_status		s;
	char			d[11];

	if ((s = ph_store_letter_get(st, id, &l, err)) != PH_OK)
		return s;
	printf("%lld  ", (long long)l.id);
	cli_put_safe(stdout, l.number, 0);
	fputs("  ", stdout);
	cli_put_safe(stdout, l.subject, 0);
	printf("\n%s %s; %s %s\n", _("Status:"),
	    ph_keyword_label(ph_status_words, l.status), _("Due:"),
	    ph_date_is_set(l.due) ? ph_date_vn(l.due, d) : "-");
	ph_letter_release(&l);
	return ph_store_case_action_list(st, id, show_action, NULL, err);
}

/* A reply prepared like "letter reply": the other direction, to or from
 * the side that asked. */
static enum ph_status
prepare_reply(struct ph_store *st, int64_t id, const struct case_args *a,
    struct ph_letter *r, struct ph_error *err)
{
	struct ph_letter	o;
	enum ph_status		s;
	char			d[11];

	if ((s = ph_store_letter_get(st, id, &o, err)) != PH_OK)
		return s;
	ph_letter_init(r);
	r->direction = o.direction == PH_DIR_IN ? PH_DIR_OUT : PH_DIR_IN;
	if (r->direction == PH_DIR_OUT)
		ph_strv_push(&r->recipients, o.issuer);
	else if (o.recipients.n > 0)
		ph_letter_set(&r->issuer, o.recipients.v[0]);
	ph_letter_set(&r->agreement, o.agreement);
	r->date = ph_date_is_set(a->date) ? a->date : ph_today();
	r->received = a->received;
	if (a->number != NULL)
		r->number = ph_xstrdup(a->number);
	if (a->subject != NULL)
		r->subject = ph_xstrdup(a->subject);
	else if (*o.number != '\0')
		r->subject = ph_xasprintf("V/v trả lời văn bản số %s ngày %s",
		    o.number, ph_date_vn(o.date, d));
	else
		r->subject = ph_xasprintf("V/v trả lời văn bản ngày %s",
		    ph_date_vn(o.date, d));
	ph_letter_release(&o);
	return PH_OK;
}

static int
cmd_case(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "letter", required_argument, NULL, O_LETTER },
		{ "date", required_argument, NULL, O_DATE },
		{ "received", required_argument, NULL, O_RECEIVED },
		{ "number", required_argument, NULL, O_NUMBER },
		{ "subject", required_argument, NULL, O_SUBJECT },
		{ "to", required_argument, NULL, O_TO },
		{ "reason", required_argument, NULL, O_REASON },
		{ "instruction", required_argument, NULL, O_INSTRUCTION },
		{ "by", required_argument, NULL, O_BY },
		{ "interim", no_argument, NULL, O_INTERIM },
		{ "note", required_argument, NULL, O_NOTE },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const subs[] = { "show", "reply", "extend",
	    "remind", "disagree", "escalate", "direct", "resolve" };
	struct case_args	 a;
	struct ph_store		*st = NULL;
	struct ph_calendar	*cal;
	struct ph_error		 err;
	enum ph_status		 s = PH_OK;
	const char		*sub;
	size_t			 i;
	int			 first, rc, late = 0;
	long			 idl;
	int64_t			 id, out = 0;
	struct ph_date		 today = ph_today();

	if (argc < 2)
		return cli_usage_error(&cmd_case_entry, _("which subcommand?"));
	sub = argv[1];
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(sub, subs[i]) == 0)
			break;
	if (i == sizeof subs / sizeof subs[0])
		return cli_usage_error(&cmd_case_entry,
		    _("unknown subcommand \"%s\""), sub);
	memset(&a, 0, sizeof a);
	if ((first = cli_getopt(&cmd_case_entry, argc - 1, argv + 1, opts,
	    case_opt, &a, &rc)) < 0)
		return rc;
	/* A flag another subcommand takes is a usage error here, not
	 * silently ignored. */
	{
		static const unsigned allowed[] = {
			0,						/* show */
			1u << (O_LETTER - O_LETTER) | 1u << (O_DATE - O_LETTER) |
			    1u << (O_RECEIVED - O_LETTER) |
			    1u << (O_NUMBER - O_LETTER) |
			    1u << (O_SUBJECT - O_LETTER),		/* reply */
			1u << (O_TO - O_LETTER) | 1u << (O_REASON - O_LETTER),
			0,						/* remind */
			1u << (O_REASON - O_LETTER),			/* disagree */
			1u << (O_REASON - O_LETTER),			/* escalate */
			1u << (O_INSTRUCTION - O_LETTER) |
			    1u << (O_BY - O_LETTER) |
			    1u << (O_INTERIM - O_LETTER),		/* direct */
			1u << (O_NOTE - O_LETTER),			/* resolve */
		};
		const struct option *o;
		for (o = opts; o->name != NULL; o++)
			if ((a.seen & (1u << (o->val - O_LETTER))) &&
			    !(allowed[i] & (1u << (o->val - O_LETTER))))
				return cli_usage_error(&cmd_case_entry,
				    _("--%s does not go with \"case %s\""),
				    o->name, sub);
	}
	if (argc - 1 - first != 1)
		return cli_usage_error(&cmd_case_entry,
		    _("which letter? give its id"));
	if (cli_parse_long(argv[1 + first], 1, 0x7fffffffL, &idl,
	    _("letter id")) != 0)
		return CLI_ERROR;
	id = idl;
	if (strcmp(sub, "extend") == 0 && !a.seen_to)
		return cli_usage_error(&cmd_case_entry,
		    _("case extend needs --to DATE and --reason TEXT"));
	if (cli_calendar(ctx, &cal, &err) != PH_OK)
		return cli_fail(&err);
	if (cli_open(ctx, strcmp(sub, "show") == 0 ? PH_STORE_READ :
	    PH_STORE_WRITE, &st, &err) != PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (strcmp(sub, "show") == 0)
		s = case_show(st, id, &err);
	else if (strcmp(sub, "reply") == 0) {
		struct ph_letter r;
		ph_letter_init(&r);
		if (a.letter == 0 && (s = prepare_reply(st, id, &a, &r, &err))
		    != PH_OK)
			goto fail;
		s = ph_case_reply(st, cal, id, a.letter, &r, today, &out, &late,
		    &err);
		ph_letter_release(&r);
	} else if (strcmp(sub, "extend") == 0)
		s = ph_case_extend(st, id, a.to, a.reason, today, &err);
	else if (strcmp(sub, "remind") == 0)
		s = ph_case_remind(st, cal, id, today, &out, &err);
	else if (strcmp(sub, "disagree") == 0)
		s = ph_case_disagree(st, id, a.reason, today, &err);
	else if (strcmp(sub, "escalate") == 0)
		s = ph_case_escalate(st, cal, id, a.reason, today, &out, &err);
	else if (strcmp(sub, "direct") == 0)
		s = ph_case_direct(st, id, a.instruction, a.by, a.interim,
		    today, &err);
	else
		s = ph_case_resolve(st, id, a.note, today, &err);
	if (s != PH_OK || ph_store_commit(st, &err) != PH_OK)
		goto fail;
	ph_store_close(st);
	if (strcmp(sub, "reply") == 0)
		cli_info(late ? _("letter %lld answered late") :
		    _("letter %lld answered on time"), (long long)id);
	if (out > 0)
		printf("%lld\n", (long long)out);
	return CLI_OK;
fail:
	ph_store_rollback(st);
	ph_store_close(st);
	return cli_fail(&err);
}
