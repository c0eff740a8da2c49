/*
 * cmd-init.c -- "phoihop init": create or migrate the database and record
 * our unit, its code and how it numbers its letters.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_init(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_init_entry = {
	"init",
	N_("create or upgrade the database and record our unit"),
	N_("Usage: phoihop init [--unit NAME] [--code CODE] [--numbering party|state]\n"
	   "                    [--term-start DATE] [--tone-style old|new|keep]\n"
	   "                    [--no-agreements]\n"
	   "  --unit NAME         our unit, e.g. \"Đảng ủy xã Tân Tiến\"\n"
	   "  --code CODE         our code in document numbers, e.g. ĐU\n"
	   "  --numbering STYLE   party: per type through the term (36-HD/VPTW, default);\n"
	   "                      state: per year, secret letters apart (Nghị định 30/2020)\n"
	   "  --term-start DATE   first day of the committee's term (nhiệm kỳ)\n"
	   "  --tone-style STYLE  tone placement of new letters' text: old (hòa,\n"
	   "                      thủy), new (hoà, thuỷ) or keep as typed (default);\n"
	   "                      letters already stored are never rewritten\n"
	   "  --no-agreements     do not load the regulations shipped in data/agreements\n"),
	cmd_init,
};

static int
cmd_init(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "code", required_argument, NULL, 'c' },
		{ "numbering", required_argument, NULL, 'n' },
		{ "term-start", required_argument, NULL, 't' },
		{ "tone-style", required_argument, NULL, 's' },
		{ "no-agreements", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct ph_store	*st = NULL;
	struct ph_error	 err;
	struct ph_unit	 u;
	const char	*unit = NULL, *code = NULL, *numbering = NULL;
	const char	*term = NULL, *tone = NULL;
	int		 tone_style = -1;
	struct ph_date	 term_start;
	int		 c, n, rc = CLI_ERROR, no_agreements = 0;
	size_t		 loaded = 0;
	char		 buf[11];

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'u': unit = optarg; break;
		case 'c': code = optarg; break;
		case 'n': numbering = optarg; break;
		case 't': term = optarg; break;
		case 's': tone = optarg; break;
		case 'A': no_agreements = 1; break;
		case ':':
			return cli_usage_error(&cmd_init_entry,
			    _("%s needs a value"), argv[optind - 1]);
		default:
			return cli_usage_error(&cmd_init_entry,
			    _("unknown option \"%s\""), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(&cmd_init_entry,
		    _("unexpected argument \"%s\""), argv[optind]);
	if (term != NULL && ph_date_parse(term, &term_start, &err) != PH_OK)
		return cli_fail(&err);
	if (numbering != NULL && ph_keyword_parse(ph_numbering_words,
	    _("numbering style"), numbering, &n, &err) != PH_OK)
		return cli_fail(&err);
	if (tone != NULL && strcmp(tone, "keep") != 0 &&
	    strcmp(tone, "giu") != 0) {
		enum ph_tone_style ts;
		if (!ph_viet_tone_style_parse(tone, &ts))
			return cli_value_error(_("unknown tone style \"%s\" (old, new or keep)"),
			    tone);
		tone_style = (int)ts;
	}

	if (cli_open(ctx, PH_STORE_CREATE, &st, &err) != PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (ph_store_unit_get(st, &u, &err) != PH_OK)
		goto fail;
	if (unit != NULL)
		ph_letter_set(&u.name, unit);
	if (code != NULL)
		ph_letter_set(&u.code, code);
	if (numbering != NULL)
		u.numbering = n;
	if (term != NULL)
		u.term_start = term_start;
	if (tone != NULL)
		u.tone_style = tone_style;
	if (ph_text_clean(&u.name, _("the unit name"), PH_FIELD_MAX, 1, &err)
	    != PH_OK || ph_text_clean(&u.code, _("the unit code"), 32, 1, &err)
	    != PH_OK || ph_store_unit_set(st, &u, &err) != PH_OK) {
		ph_unit_release(&u);
		goto fail;
	}
	/* The regulations in the same transaction: a bad data file leaves
	 * the database as it was. */
	if (!no_agreements && cli_agreements_load_shipped(ctx, st, &loaded,
	    &err) != PH_OK) {
		ph_unit_release(&u);
		goto fail;
	}
	if (ph_store_commit(st, &err) != PH_OK) {
		ph_unit_release(&u);
		goto fail;
	}
	printf(_("Database: %s (schema %d)\n"), ctx->db_path,
	    ph_store_schema_version(st));
	printf(_("Unit: "));
	cli_put_safe(stdout, u.name, 0);
	printf(" (");
	cli_put_safe(stdout, u.code, 0);
	printf(")\n");
	printf(_("Numbering: %s; term from %s\n"),
	    ph_keyword_label(ph_numbering_words, u.numbering),
	    ph_date_vn(u.term_start, buf));
	printf(_("Tone placement of new text: %s\n"), u.tone_style < 0 ?
	    _("as typed") : u.tone_style == PH_TONE_STYLE_OLD ?
	    _("old style (hòa, thủy)") : _("new style (hoà, thuỷ)"));
	ph_unit_release(&u);
	if (loaded > 0)
		printf(ngettext("Agreements: %zu loaded\n",
		    "Agreements: %zu loaded\n", loaded), loaded);
	rc = CLI_OK;
	goto out;
fail:
	ph_store_rollback(st);
	rc = cli_fail(&err);
out:
	ph_store_close(st);
	return rc;
}
