/*
 * cmd-org.c -- "phoihop org add|list|show|edit": the bodies letters come
 * from and go to.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_org(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_org_entry = {
	"org",
	N_("add, list, show and edit organizations"),
	N_("Usage: phoihop org add NAME [--short TEXT] [--code CODE] [--level TEXT]\n"
	   "                      [--superior ORG] [--contact TEXT]\n"
	   "       phoihop org list [--format table|tsv|json]\n"
	   "       phoihop org show ORG [--format table|tsv|json]\n"
	   "       phoihop org edit ORG [--name NAME] [same flags as add]\n"
	   "ORG is an id, a name, a short name or a code.\n"),
	cmd_org,
};

static const struct cli_col org_cols[] = {
	{ "id", N_("ID"), 4, CLI_INT },
	{ "name", N_("Name"), 0, CLI_STR },
	{ "short_name", N_("Short"), 14, CLI_STR },
	{ "code", N_("Code"), 6, CLI_STR },
	{ "level", N_("Level"), 8, CLI_STR },
	{ "superior", N_("Superior"), 16, CLI_STR },
	{ "contact", N_("Contact"), 0, CLI_STR },
	{ "is_self", N_("Us"), 2, CLI_INT },
	{ "letters", N_("Letters"), 7, CLI_INT },
};
#define NORGCOLS	(int)(sizeof org_cols / sizeof org_cols[0])

/* The table shows fewer columns than TSV/JSON: 80 columns are few. */
static const struct cli_col org_table_cols[] = {
	{ "id", N_("ID"), 4, CLI_INT },
	{ "name", N_("Name"), 0, CLI_STR },
	{ "short_name", N_("Short"), 16, CLI_STR },
	{ "code", N_("Code"), 6, CLI_STR },
	{ "letters", N_("Letters"), 7, CLI_INT },
};

struct org_print {
	struct cli_out	out;
	int		json_object;	/* show: fields only, no array */
};

static int
org_print(const struct ph_org *o, void *arg)
{
	struct org_print	*p = arg;
	char			 id[24], self[4], n[24];

	snprintf(id, sizeof id, "%lld", (long long)o->id);
	snprintf(self, sizeof self, "%d", o->is_self);
	snprintf(n, sizeof n, "%lld", (long long)o->n_letters);
	if (p->out.fmt == CLI_FMT_TABLE) {
		const char *v[] = { id, o->name, o->short_name, o->code, n };
		cli_out_row(&p->out, v);
	} else {
		const char *v[] = { id, o->name, o->short_name, o->code,
		    o->level, o->superior, o->contact, self, n };
		if (p->json_object)
			cli_out_json_fields(&p->out, v);
		else
			cli_out_row(&p->out, v);
	}
	return 0;
}

static void
org_begin(struct org_print *p, enum cli_format fmt)
{
	if (fmt == CLI_FMT_TABLE)
		cli_out_begin(&p->out, stdout, fmt, org_table_cols,
		    (int)(sizeof org_table_cols / sizeof org_table_cols[0]));
	else
		cli_out_begin(&p->out, stdout, fmt, org_cols, NORGCOLS);
}

static void
show_field(const char *label, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	cli_put_cell(stdout, label, 14, 1);
	fputc(' ', stdout);
	cli_put_safe(stdout, v, 0);
	putchar('\n');
}

int
cmd_org(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'N' },
		{ "short", required_argument, NULL, 's' },
		{ "code", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, 'l' },
		{ "superior", required_argument, NULL, 'S' },
		{ "contact", required_argument, NULL, 'C' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char		*sub;
	struct ph_org		 o, found;
	struct ph_store		*st = NULL;
	struct ph_error		 err;
	struct org_print	 p;
	enum cli_format		 fmt = CLI_FMT_TABLE;
	int64_t			 id;
	int			 c, rc = CLI_ERROR, write;

	if (argc < 2)
		return cli_usage_error(&cmd_org_entry, _("which subcommand?"));
	sub = argv[1];
	for (c = 2; c < argc; c++)
		if (strcmp(argv[c], "--help") == 0 || strcmp(argv[c], "-h") == 0)
			return cli_cmd_help(&cmd_org_entry, stdout);
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 &&
	    strcmp(sub, "show") != 0 && strcmp(sub, "edit") != 0)
		return cli_usage_error(&cmd_org_entry,
		    _("unknown subcommand \"%s\""), sub);
	ph_org_init(&o);
	memset(&p, 0, sizeof p);
	argc--;
	argv++;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'N': ph_letter_set(&o.name, optarg); break;
		case 's': ph_letter_set(&o.short_name, optarg); break;
		case 'c': ph_letter_set(&o.code, optarg); break;
		case 'l': ph_letter_set(&o.level, optarg); break;
		case 'S': ph_letter_set(&o.superior, optarg); break;
		case 'C': ph_letter_set(&o.contact, optarg); break;
		case 'f':
			if (cli_format_arg(optarg, &fmt) != CLI_OK) {
				ph_org_release(&o);
				return CLI_ERROR;
			}
			break;
		case ':':
			ph_org_release(&o);
			return cli_usage_error(&cmd_org_entry,
			    _("%s needs a value"), argv[optind - 1]);
		default:
			ph_org_release(&o);
			return cli_usage_error(&cmd_org_entry,
			    _("unknown option \"%s\""), argv[optind - 1]);
		}
	}
	/* Positional: NAME for add, ORG for show/edit, nothing for list. */
	if (strcmp(sub, "list") == 0 ? optind < argc : optind < argc - 1) {
		ph_org_release(&o);
		return cli_usage_error(&cmd_org_entry,
		    _("unexpected argument \"%s\""), argv[argc - 1]);
	}
	if (strcmp(sub, "list") != 0 && optind == argc) {
		ph_org_release(&o);
		return cli_usage_error(&cmd_org_entry,
		    _("which organization?"));
	}
	if (strcmp(sub, "add") == 0 && o.name != NULL) {
		ph_org_release(&o);
		return cli_usage_error(&cmd_org_entry,
		    _("--name is for edit; give the name as the argument"));
	}
	write = strcmp(sub, "add") == 0 || strcmp(sub, "edit") == 0;
	if (cli_open(ctx, write ? PH_STORE_WRITE : PH_STORE_READ, &st, &err)
	    != PH_OK) {
		ph_org_release(&o);
		return cli_fail(&err);
	}
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (strcmp(sub, "add") == 0) {
		o.name = ph_xstrdup(argv[optind]);
		if (ph_store_org_add(st, &o, &id, &err) != PH_OK ||
		    ph_store_commit(st, &err) != PH_OK)
			goto fail;
		printf("%lld\n", (long long)id);
	} else if (strcmp(sub, "edit") == 0) {
		if (ph_store_org_find(st, argv[optind], &found, &err) != PH_OK)
			goto fail;
		id = found.id;
		ph_org_release(&found);
		if (ph_store_org_update(st, id, &o, &err) != PH_OK ||
		    ph_store_commit(st, &err) != PH_OK)
			goto fail;
	} else if (strcmp(sub, "list") == 0) {
		org_begin(&p, fmt);
		if (ph_store_org_list(st, org_print, &p, &err) != PH_OK)
			goto fail;
		cli_out_end(&p.out);
		ph_store_commit(st, NULL);
	} else {
		if (ph_store_org_find(st, argv[optind], &found, &err) != PH_OK)
			goto fail;
		if (fmt == CLI_FMT_TABLE) {
			char n[24];
			snprintf(n, sizeof n, "%lld", (long long)found.id);
			show_field(_("ID:"), n);
			show_field(_("Name:"), found.name);
			show_field(_("Short name:"), found.short_name);
			show_field(_("Code:"), found.code);
			show_field(_("Level:"), found.level);
			show_field(_("Superior:"), found.superior);
			show_field(_("Contact:"), found.contact);
			if (found.is_self)
				show_field(_("Our unit:"), _("yes"));
			snprintf(n, sizeof n, "%lld",
			    (long long)found.n_letters);
			show_field(_("Letters:"), n);
		} else {
			/* TSV: header and row; JSON: one object, as for
			 * letter show. */
			if (fmt == CLI_FMT_JSON) {
				p.out.fmt = CLI_FMT_JSON;
				p.out.f = stdout;
				p.out.cols = org_cols;
				p.out.ncols = NORGCOLS;
				p.json_object = 1;
				fputc('{', stdout);
				org_print(&found, &p);
				fputs("}\n", stdout);
			} else {
				cli_out_begin(&p.out, stdout, fmt, org_cols,
				    NORGCOLS);
				org_print(&found, &p);
				cli_out_end(&p.out);
			}
		}
		ph_org_release(&found);
		ph_store_commit(st, NULL);
	}
	rc = CLI_OK;
	goto out;
fail:
	ph_store_rollback(st);
	rc = cli_fail(&err);
out:
	ph_org_release(&o);
	ph_store_close(st);
	return rc;
}
