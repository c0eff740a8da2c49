/*
 * cmd-due.c -- "phoihop due": the clerk's morning list.
 *
 * Overdue cases (ours to answer and theirs), due today, due soon,
 * periodic obligations, cases awaiting direction, suggested escalations.
 * Nothing is sent: phoihop suggests, a person decides.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_due(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_due_entry = {
	"due",
	N_("what is overdue, due today and due soon: the morning list"),
	N_("Usage: phoihop due [--on DATE] [--within N] [--format table|tsv|json]\n"
	   "       phoihop due --brief [--on DATE]\n"
	   "  --on DATE     as of another day (default: today)\n"
	   "  --within N    \"due soon\" means within N working days (default 3)\n"
	   "  --brief       one line, for a login message\n"),
	cmd_due,
};

static const char *const section_titles[PH_DUE__COUNT] = {
	N_("Overdue: ours to answer"),
	N_("Overdue: theirs to answer"),
	N_("Due today"),
	N_("Due soon"),
	N_("Periodic obligations (30 days)"),
	N_("Awaiting direction"),
	N_("Suggested escalations (a person decides)"),
};

struct due_args {
	struct ph_date	on;
	long		within;
	enum cli_format	fmt;
	int		brief;
};

static int
due_opt(int c, const char *v, void *arg)
{
	struct due_args	*a = arg;
	struct ph_error	 err;

	switch (c) {
	case 'o':
		if (ph_date_parse(v, &a->on, &err) != PH_OK)
			return cli_fail(&err);
		break;
	case 'w':
		if (cli_parse_long(v, 0, 366, &a->within,
		    _("number of working days")) != 0)
			return CLI_ERROR;
		break;
	case 'f':
		if (cli_format_arg(v, &a->fmt) != CLI_OK)
			return CLI_ERROR;
		break;
	case 'b':
		a->brief = 1;
		break;
	}
	return CLI_OK;
}

static const struct cli_col cols[] = {
	{ "section", N_("Section"), 0, CLI_STR },
	{ "id", N_("ID"), 4, CLI_INT },
	{ "number", N_("Number"), 12, CLI_STR },
	{ "issuer", N_("From/To"), 14, CLI_STR },
	{ "subject", N_("Subject"), 0, CLI_STR },
	{ "due", N_("Due"), 10, CLI_DATE },
	{ "days", N_("Days"), 5, CLI_INT },
};

static const struct cli_col table_cols[] = {
	{ "id", N_("ID"), 4, CLI_INT },
	{ "number", N_("Number"), 12, CLI_STR },
	{ "issuer", N_("From/To"), 14, CLI_STR },
	{ "subject", N_("Subject"), 0, CLI_STR },
	{ "due", N_("Due"), 10, CLI_DATE },
	{ "days", N_("Days"), 5, CLI_INT },
};

struct due_print {
	struct cli_out	out;
	int		last_section;
	long		count[PH_DUE__COUNT];
	int		brief;
};

static int
due_row(const struct ph_due_entry *e, void *arg)
{
	struct due_print	*p = arg;
	char			 id[24], due[11], days[24];

	p->count[e->section]++;
	if (p->brief)
		return 0;
	snprintf(id, sizeof id, "%lld", (long long)e->id);
	snprintf(days, sizeof days, "%ld", e->days);
	ph_date_iso(e->due, due);
	if (p->out.fmt == CLI_FMT_TABLE) {
		if ((int)e->section != p->last_section) {
			printf("%s%s\n", p->last_section >= 0 ? "\n" : "",
			    _(section_titles[e->section]));
			p->last_section = e->section;
		}
		{
			const char *v[] = { id, e->number, e->issuer,
			    e->subject, due, days };
			cli_out_row(&p->out, v);
		}
	} else {
		const char *v[] = { ph_due_section_words[e->section], id,
		    e->number, e->issuer, e->subject, due, days };
		cli_out_row(&p->out, v);
	}
	return 0;
}

static int
cmd_due(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ "within", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "brief", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct due_args		 a;
	struct due_print	 p;
	struct ph_store		*st = NULL;
	struct ph_calendar	*cal;
	struct ph_error		 err;
	int			 first, rc;
	long			 overdue;

	memset(&a, 0, sizeof a);
	a.within = 3;
	a.fmt = CLI_FMT_TABLE;
	if ((first = cli_getopt(&cmd_due_entry, argc, argv, opts, due_opt, &a,
	    &rc)) < 0)
		return rc;
	if (first < argc)
		return cli_usage_error(&cmd_due_entry,
		    _("unexpected argument \"%s\""), argv[first]);
	if (!ph_date_is_set(a.on))
		a.on = ph_today();
	if (cli_calendar(ctx, &cal, &err) != PH_OK)
		return cli_fail(&err);
	if (cli_open(ctx, PH_STORE_READ, &st, &err) != PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	/* Keep the obligations of this year and the next made, where the
	 * file may be written (a closed register keeps what it has). */
	if (!ph_store_is_readonly(st)) {
		if (ph_flow_obligations_generate(st, cal, a.on.y - 1,
		    a.on.y + 1, &err) != PH_OK ||
		    ph_store_commit(st, &err) != PH_OK ||
		    ph_store_begin(st, &err) != PH_OK)
			goto fail;
	}
	memset(&p, 0, sizeof p);
	p.last_section = -1;
	p.brief = a.brief;
	if (!a.brief) {
		if (a.fmt == CLI_FMT_TABLE)
			cli_out_begin(&p.out, stdout, a.fmt, table_cols, 6);
		else
			cli_out_begin(&p.out, stdout, a.fmt, cols, 7);
	}
	if (ph_flow_due(st, cal, a.on, (int)a.within, due_row, &p, &err) !=
	    PH_OK)
		goto fail;
	ph_store_rollback(st);
	ph_store_close(st);
	if (a.brief) {
		overdue = p.count[PH_DUE_OVERDUE_OURS] +
		    p.count[PH_DUE_OVERDUE_THEIRS];
		printf(ngettext("%ld letter overdue", "%ld letters overdue",
		    (unsigned long)overdue), overdue);
		printf(", ");
		printf(ngettext("%ld due today", "%ld due today",
		    (unsigned long)p.count[PH_DUE_TODAY]),
		    p.count[PH_DUE_TODAY]);
		if (p.count[PH_DUE_AWAITING_DIRECTION] > 0) {
			printf(", ");
			printf(ngettext("%ld awaiting direction",
			    "%ld awaiting direction",
			    (unsigned long)p.count[PH_DUE_AWAITING_DIRECTION]),
			    p.count[PH_DUE_AWAITING_DIRECTION]);
		}
		putchar('\n');
		return CLI_OK;
	}
	cli_out_end(&p.out);
	if (a.fmt == CLI_FMT_TABLE && p.last_section < 0)
		printf("%s\n", _("Nothing is overdue or due soon."));
	return CLI_OK;
fail:
	ph_store_rollback(st);
	ph_store_close(st);
	return cli_fail(&err);
}
