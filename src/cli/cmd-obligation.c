/*
 * cmd-obligation.c -- "phoihop obligation": the periodic reports and
 * exchanges the agreements require, and the letters that fulfilled them.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_obligation(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_obligation_entry = {
	"obligation",
	N_("periodic obligations of the agreements, and what fulfilled them"),
	N_("Usage: phoihop obligation list [--year Y] [--all] [--format F]\n"
	   "       phoihop obligation fulfil ID --letter LETTER_ID\n"
	   "       phoihop obligation unfulfil ID\n"
	   "list shows the open obligations of the year (default: this year);\n"
	   "--all includes those already fulfilled.\n"),
	cmd_obligation,
};

struct ob_args {
	long		year, letter;
	int		all;
	enum cli_format	fmt;
};

static int
ob_opt(int c, const char *v, void *arg)
{
	struct ob_args	*a = arg;

	switch (c) {
	case 'y':
		if (cli_parse_long(v, 1900, 2199, &a->year, _("year")) != 0)
			return CLI_ERROR;
		break;
	case 'l':
		if (cli_parse_long(v, 1, 0x7fffffffL, &a->letter,
		    _("letter id")) != 0)
			return CLI_ERROR;
		break;
	case 'a':
		a->all = 1;
		break;
	case 'f':
		if (cli_format_arg(v, &a->fmt) != CLI_OK)
			return CLI_ERROR;
		break;
	}
	return CLI_OK;
}

static const struct cli_col cols[] = {
	{ "id", N_("ID"), 4, CLI_INT },
	{ "agreement", N_("Agreement"), 12, CLI_STR },
	{ "period", N_("Period"), 9, CLI_STR },
	{ "name", N_("Obligation"), 0, CLI_STR },
	{ "due", N_("Due"), 10, CLI_DATE },
	{ "letter", N_("Letter"), 6, CLI_INT },
};

static int
ob_row(const struct ph_obligation *o, void *arg)
{
	char	id[24], due[11], letter[24] = "";
	const char *v[6];

	snprintf(id, sizeof id, "%lld", (long long)o->id);
	if (o->letter_id > 0)
		snprintf(letter, sizeof letter, "%lld",
		    (long long)o->letter_id);
	v[0] = id;
	v[1] = o->agreement;
	v[2] = o->period;
	v[3] = o->name;
	v[4] = ph_date_iso(o->due, due);
	v[5] = letter;
	cli_out_row(arg, v);
	return 0;
}

static int
cmd_obligation(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "letter", required_argument, NULL, 'l' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct ob_args	 a;
	struct ph_store	*st = NULL;
	struct ph_error	 err;
	struct cli_out	 o;
	const char	*sub;
	int		 first, rc, list;
	long		 id = 0;

	if (argc < 2)
		return cli_usage_error(&cmd_obligation_entry,
		    _("which subcommand?"));
	sub = argv[1];
	list = strcmp(sub, "list") == 0;
	if (!list && strcmp(sub, "fulfil") != 0 &&
	    strcmp(sub, "unfulfil") != 0)
		return cli_usage_error(&cmd_obligation_entry,
		    _("unknown subcommand \"%s\""), sub);
	memset(&a, 0, sizeof a);
	a.fmt = CLI_FMT_TABLE;
	if ((first = cli_getopt(&cmd_obligation_entry, argc - 1, argv + 1,
	    opts, ob_opt, &a, &rc)) < 0)
		return rc;
	if (list && a.letter != 0)
		return cli_usage_error(&cmd_obligation_entry,
		    _("--%s does not go with \"obligation %s\""), "letter", sub);
	if (!list && (a.year != 0 || a.all || a.fmt != CLI_FMT_TABLE))
		return cli_usage_error(&cmd_obligation_entry,
		    _("--%s does not go with \"obligation %s\""),
		    a.year != 0 ? "year" : a.all ? "all" : "format", sub);
	if (strcmp(sub, "unfulfil") == 0 && a.letter != 0)
		return cli_usage_error(&cmd_obligation_entry,
		    _("--%s does not go with \"obligation %s\""), "letter", sub);
	if (argc - 1 - first != (list ? 0 : 1))
		return cli_usage_error(&cmd_obligation_entry,
		    _("wrong number of arguments"));
	if (!list && cli_parse_long(argv[1 + first], 1, 0x7fffffffL, &id,
	    _("obligation id")) != 0)
		return CLI_ERROR;
	if (strcmp(sub, "fulfil") == 0 && a.letter == 0)
		return cli_usage_error(&cmd_obligation_entry,
		    _("obligation fulfil needs --letter LETTER_ID"));
	if (cli_open(ctx, list ? PH_STORE_READ : PH_STORE_WRITE, &st, &err) !=
	    PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (list) {
		int y = a.year ? (int)a.year : ph_today().y;
		cli_out_begin(&o, stdout, a.fmt, cols, 6);
		if (ph_store_obligation_list(st, (struct ph_date){ y, 1, 1 },
		    (struct ph_date){ y, 12, 31 }, a.all, ob_row, &o, &err) !=
		    PH_OK)
			goto fail;
		cli_out_end(&o);
	} else {
		if (a.letter > 0) {
			struct ph_letter l;
			if (ph_store_letter_get(st, a.letter, &l, &err) != PH_OK)
				goto fail;
			ph_letter_release(&l);
		}
		if (ph_store_obligation_fulfil(st, id, strcmp(sub, "fulfil") ==
		    0 ? a.letter : 0, &err) !=
		    PH_OK || ph_store_commit(st, &err) != PH_OK)
			goto fail;
	}
	ph_store_rollback(st);
	ph_store_close(st);
	return CLI_OK;
fail:
	ph_store_rollback(st);
	ph_store_close(st);
	return cli_fail(&err);
}
