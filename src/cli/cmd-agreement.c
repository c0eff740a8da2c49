/*
 * cmd-agreement.c -- "phoihop agreement load|list|show": the coordination
 * regulations, read from their data files.
 */
#include "config.h"

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_agreement(struct cli_ctx *, int, char **);

struct ag_args {
	enum cli_format	fmt;
	int		seen_format;	/* "load" refuses it */
};

const struct cli_cmd cmd_agreement_entry = {
	"agreement",
	N_("load, list and show coordination regulations (quy chế phối hợp)"),
	N_("Usage: phoihop agreement load FILE...\n"
	   "       phoihop agreement list [--format table|tsv|json]\n"
	   "       phoihop agreement show NUMBER [--format table|tsv|json]\n"
	   "Loading a number already present updates it.  The files shipped\n"
	   "with phoihop are in the data directory, agreements/.\n"),
	cmd_agreement,
};

static int
fmt_opt(int c, const char *v, void *arg)
{
	struct ag_args	*a = arg;

	a->seen_format = 1;
	return cli_format_arg(v, &a->fmt);
}

static const struct cli_col list_cols[] = {
	{ "number", N_("Number"), 14, CLI_STR },
	{ "date", N_("Date"), 10, CLI_DATE },
	{ "issuer", N_("Issuer"), 20, CLI_STR },
	{ "title", N_("Title"), 0, CLI_STR },
};

static int
list_row(const struct ph_agreement *a, void *arg)
{
	char	iso[11];
	const char *v[] = { a->number, ph_date_iso(a->date, iso), a->issuer,
	    a->title };

	cli_out_row(arg, v);
	return 0;
}

/* Load FILE and generate its obligations; in the caller's transaction. */
enum ph_status
cli_agreement_load(struct cli_ctx *ctx, struct ph_store *st, const char *file,
    int quiet, struct ph_strv *said, struct ph_error *err)
{
	struct ph_agreement_def	 def;
	struct ph_calendar	*cal;
	enum ph_status		 s;
	int			 created;
	struct ph_date		 today = ph_today();

	if ((s = ph_agreement_def_load(file, &def, err)) != PH_OK)
		return s;
	s = ph_store_agreement_load(st, &def, NULL, &created, err);
	if (s == PH_OK && (s = cli_calendar(ctx, &cal, err)) == PH_OK)
		s = ph_flow_obligations_generate(st, cal,
		    def.date.y > 0 ? def.date.y : today.y, today.y + 1, err);
	if (s == PH_OK && !quiet && said != NULL)
		ph_strv_take(said, ph_xasprintf(created ?
		    _("agreement %s loaded") : _("agreement %s updated"),
		    def.number));
	ph_agreement_def_release(&def);
	return s;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regulations shipped in DATADIR/agreements/ (the .txt files, in name
 * order, so that a superseding one comes after the one it replaces). */
enum ph_status
cli_agreements_load_shipped(struct cli_ctx *ctx, struct ph_store *st,
    size_t *loaded, struct ph_error *err)
{
	char		*dir = ph_xasprintf("%s/agreements", ctx->datadir);
	DIR		*d = opendir(dir);
	struct dirent	*e;
	struct ph_strv	 files;
	enum ph_status	 s = PH_OK;
	size_t		 i, len;

	ph_strv_init(&files);
	if (d == NULL) {
		free(dir);
		return PH_OK;	/* none shipped: nothing to load */
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0)
			ph_strv_take(&files, ph_xasprintf("%s/%s", dir,
			    e->d_name));
	}
	closedir(d);
	if (files.n > 0)
		qsort(files.v, files.n, sizeof *files.v, name_cmp);
	for (i = 0; i < files.n && s == PH_OK; i++)
		s = cli_agreement_load(ctx, st, files.v[i], 1, NULL, err);
	if (s == PH_OK && loaded != NULL)
		*loaded = files.n;
	ph_strv_release(&files);
	free(dir);
	return s;
}

static void
show_def(const struct ph_agreement_def *d)
{
	char	vn[11];
	size_t	i;
	int	k;

	printf("%s ", _("Number:"));
	cli_put_safe(stdout, d->number, 0);
	printf("\n%s %s\n", _("Date:"), ph_date_vn(d->date, vn));
	if (d->issuer) {
		printf("%s ", _("Issuer:"));
		cli_put_safe(stdout, d->issuer, 0);
		putchar('\n');
	}
	printf("%s ", _("Title:"));
	cli_put_safe(stdout, d->title ? d->title : "", 0);
	putchar('\n');
	for (i = 0; i < d->parties.n; i++) {
		printf("%s ", i == 0 ? _("Parties:") : "        ");
		cli_put_safe(stdout, d->parties.v[i], 0);
		putchar('\n');
	}
	for (i = 0; i < d->supersedes.n; i++) {
		printf("%s ", _("Supersedes:"));
		cli_put_safe(stdout, d->supersedes.v[i], 0);
		putchar('\n');
	}
	printf("\n%s\n", _("Content items:"));
	for (i = 0; i < d->items.n; i++) {
		printf("  %zu. ", i + 1);
		cli_put_safe(stdout, d->items.v[i], 0);
		putchar('\n');
	}
	printf("\n%s ", _("Reply rule:"));
	printf(d->reply.workdays ? _("%d working days") :
	    _("%d days"), d->reply.days);
	if (d->reply.is_default)
		printf(" %s", _("(phoihop's default: the regulation says only \"in time\")"));
	printf("\n%s ", _("Warnings:"));
	for (k = 0; k < 4 && d->reply.lead[k] >= 0; k++)
		printf(k ? ", %d" : "%d", d->reply.lead[k]);
	printf(" %s; ", _("working days before the due day"));
	printf(_("suggest escalating %d working days after it"), d->reply.grace);
	putchar('\n');
	if (d->reply.source) {
		printf("  ");
		cli_put_safe(stdout, d->reply.source, 0);
		putchar('\n');
	}
	if (d->n_periodic > 0)
		printf("\n%s\n", _("Periodic obligations:"));
	for (i = 0; i < d->n_periodic; i++) {
		const struct ph_periodic_rule *r = &d->periodic[i];
		printf("  ");
		cli_put_safe(stdout, r->name, 0);
		printf(": %s %02d/%02d", r->before ? _("before") : _("on"),
		    r->day, r->month);
		if (r->kind == PH_PERIOD_HALF_YEAR)
			printf(", %02d/%02d", r->day2, r->month2);
		if (r->kind == PH_PERIOD_TERM_END)
			printf(" %s", _("in the last year of the term"));
		if (r->who) {
			printf(" (");
			cli_put_safe(stdout, r->who, 0);
			putchar(')');
		}
		putchar('\n');
	}
	if (d->n_escalation > 0)
		printf("\n%s\n", _("Escalation chain:"));
	for (i = 0; i < d->n_escalation; i++) {
		printf("  %zu. ", i + 1);
		cli_put_safe(stdout, d->escalation[i].body, 0);
		if (d->escalation[i].via) {
			printf(" (%s ", _("via"));
			cli_put_safe(stdout, d->escalation[i].via, 0);
			putchar(')');
		}
		if (d->escalation[i].when) {
			printf(" - ");
			cli_put_safe(stdout, d->escalation[i].when, 0);
		}
		putchar('\n');
	}
}

static int
cmd_agreement(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct ag_args		 a = { CLI_FMT_TABLE, 0 };
	enum cli_format		 fmt;
	struct ph_store		*st = NULL;
	struct ph_error		 err;
	struct cli_out		 o;
	const char		*sub;
	int			 first, rc, npos, i;
	enum ph_status		 s = PH_OK;

	if (argc < 2)
		return cli_usage_error(&cmd_agreement_entry,
		    _("which subcommand?"));
	sub = argv[1];
	if (strcmp(sub, "load") != 0 && strcmp(sub, "list") != 0 &&
	    strcmp(sub, "show") != 0)
		return cli_usage_error(&cmd_agreement_entry,
		    _("unknown subcommand \"%s\""), sub);
	if ((first = cli_getopt(&cmd_agreement_entry, argc - 1, argv + 1,
	    opts, fmt_opt, &a, &rc)) < 0)
		return rc;
	fmt = a.fmt;
	npos = argc - 1 - first;
	if (a.seen_format && strcmp(sub, "load") == 0)
		return cli_usage_error(&cmd_agreement_entry,
		    _("--%s does not go with \"agreement %s\""), "format", sub);
	if ((strcmp(sub, "list") == 0 && npos != 0) ||
	    (strcmp(sub, "show") == 0 && npos != 1) ||
	    (strcmp(sub, "load") == 0 && npos < 1))
		return cli_usage_error(&cmd_agreement_entry,
		    _("wrong number of arguments"));
	if (cli_open(ctx, strcmp(sub, "load") == 0 ? PH_STORE_WRITE :
	    PH_STORE_READ, &st, &err) != PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK)
		goto fail;
	if (strcmp(sub, "load") == 0) {
		/* Said only once all are in: one bad file loads none. */
		struct ph_strv said;
		ph_strv_init(&said);
		for (i = 0; i < npos && s == PH_OK; i++)
			s = cli_agreement_load(ctx, st, argv[1 + first + i], 0,
			    &said, &err);
		if (s != PH_OK || ph_store_commit(st, &err) != PH_OK) {
			ph_strv_release(&said);
			goto fail;
		}
		for (i = 0; i < (int)said.n; i++)
			cli_info("%s", said.v[i]);
		ph_strv_release(&said);
	} else if (strcmp(sub, "list") == 0) {
		cli_out_begin(&o, stdout, fmt, list_cols, 4);
		if (ph_store_agreement_list(st, list_row, &o, &err) != PH_OK)
			goto fail;
		cli_out_end(&o);
	} else {
		struct ph_agreement_def d;
		if (ph_store_agreement_def_get(st, argv[1 + first], &d, NULL,
		    &err) != PH_OK)
			goto fail;
		if (fmt == CLI_FMT_TABLE)
			show_def(&d);
		else {
			char iso[11];
			const char *v[] = { d.number, ph_date_iso(d.date, iso),
			    d.issuer, d.title };
			cli_out_begin(&o, stdout, fmt, list_cols, 4);
			cli_out_row(&o, v);
			cli_out_end(&o);
		}
		ph_agreement_def_release(&d);
	}
	ph_store_rollback(st);
	ph_store_close(st);
	return CLI_OK;
fail:
	ph_store_rollback(st);
	ph_store_close(st);
	return cli_fail(&err);
}
