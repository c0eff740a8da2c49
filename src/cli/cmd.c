/*
 * cmd.c -- the command table, dispatch, help, errors, opening the store.
 *
 * The usage strings here are also the source of "phoihop CMD --help";
 * doc/phoihop.1 says the same at more length.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static const struct cli_cmd *const commands[] = {
	&cmd_init_entry,
	&cmd_org_entry,
	&cmd_letter_entry,
	&cmd_search_entry,
	&cmd_case_entry,
	&cmd_due_entry,
	&cmd_agreement_entry,
	&cmd_obligation_entry,
	&cmd_calendar_entry,
	&cmd_text_entry,
};
#define NCOMMANDS	(sizeof commands / sizeof commands[0])

void
cli_usage(FILE *f)
{
	size_t	i;

	fprintf(f, _("Usage: phoihop [--db FILE] [--lang vi|en] [--demo] COMMAND [ARGS]\n"));
	fprintf(f, _("The register of coordination letters, their deadlines and escalations.\n\n"));
	fprintf(f, _("Commands:\n"));
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name,
		    _(commands[i]->summary));
	fprintf(f, _("\nOptions:\n"
	    "  --db FILE      use the database FILE (also $PHOIHOP_DB)\n"
	    "  --lang vi|en   language of messages (default: Vietnamese)\n"
	    "  --demo         work on a throw-away demo database\n"
	    "  --help         show this help; COMMAND --help for a command\n"
	    "  --version      show the version\n"));
	fprintf(f, _("\nSee phoihop(1) for details.\n"));
}

int
cli_cmd_help(const struct cli_cmd *cmd, FILE *f)
{
	fprintf(f, "%s\n", _(cmd->summary));
	fputs(_(cmd->usage), f);
	return CLI_OK;
}

int
cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list	ap;

	fputs("phoihop: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd != NULL)
		fprintf(stderr, _("Try \"phoihop %s --help\".\n"), cmd->name);
	else
		fprintf(stderr, _("Try \"phoihop --help\".\n"));
	return CLI_USAGE;
}

int
cli_value_error(const char *fmt, ...)
{
	va_list		ap;
	struct ph_error	err;

	err.code = PH_ERR_INVALID;
	va_start(ap, fmt);
	vsnprintf(err.msg, sizeof err.msg, fmt, ap);
	va_end(ap);
	return cli_fail(&err);
}

int
cli_fail(const struct ph_error *err)
{
	fputs("phoihop: ", stderr);
	/* Messages quote values typed by the user: escape them too. */
	cli_put_safe(stderr, err->msg[0] != '\0' ? err->msg :
	    _("unknown error"), 0);
	fputc('\n', stderr);
	return CLI_ERROR;
}

void
cli_info(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (msg == NULL)
		return;
	fputs("phoihop: ", stderr);
	cli_put_safe(stderr, msg, 0);
	fputc('\n', stderr);
	free(msg);
}

/* Make the demo database at CTX's path and fill it: the shipped
 * regulations first, with their rules; then the year of letters under
 * them.  *OUT is left open. */
static enum ph_status
demo_open(struct cli_ctx *ctx, struct ph_store **out, struct ph_error *err)
{
	enum ph_status	s;

	if ((s = ph_store_open(ctx->db_path, PH_STORE_CREATE, out, err)) !=
	    PH_OK)
		return s;
	ph_store_set_datadir(*out, ctx->datadir);
	if ((s = ph_store_begin(*out, err)) == PH_OK &&
	    (s = cli_agreements_load_shipped(ctx, *out, NULL, err)) == PH_OK)
		s = ph_store_commit(*out, err);
	else
		ph_store_rollback(*out);
	if (s == PH_OK)
		s = ph_demo_load(*out, ctx->datadir, err);
	if (s != PH_OK) {
		ph_store_close(*out);
		*out = NULL;
	}
	return s;
}

enum ph_status
cli_demo_make(struct cli_ctx *ctx, struct ph_error *err)
{
	struct ph_store	*st;
	enum ph_status	 s;

	if ((s = demo_open(ctx, &st, err)) == PH_OK)
		ph_store_close(st);
	return s;
}

enum ph_status
cli_open(struct cli_ctx *ctx, enum ph_store_mode mode, struct ph_store **out,
    struct ph_error *err)
{
	enum ph_status	s;

	/* The demo database is made and filled on first use. */
	if (ctx->demo)
		return demo_open(ctx, out, err);
	if ((s = ph_store_open(ctx->db_path, mode, out, err)) != PH_OK)
		return s;
	ph_store_set_datadir(*out, ctx->datadir);
	return PH_OK;
}

enum ph_status
cli_calendar(struct cli_ctx *ctx, struct ph_calendar **out,
    struct ph_error *err)
{
	enum ph_status	s;

	if (ctx->cal == NULL &&
	    (s = ph_calendar_load(ctx->datadir, &ctx->cal, err)) != PH_OK)
		return s;
	*out = ctx->cal;
	return PH_OK;
}

int
cli_getopt(const struct cli_cmd *cmd, int argc, char **argv,
    const struct option *opts, int (*handle)(int, const char *, void *),
    void *arg, int *status)
{
	int	c, i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			*status = cli_cmd_help(cmd, stdout);
			return -1;
		}
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == ':') {
			*status = cli_usage_error(cmd, _("%s needs a value"),
			    argv[optind - 1]);
			return -1;
		}
		if (c == '?') {
			/* A value starting with '-' ("-QĐ/ĐU", a draft's
			 * number) reads as short options: say how to pass it. */
			if (optopt != 0)
				*status = cli_usage_error(cmd,
				    _("unknown option \"-%c\" (put -- before a value that starts with -)"),
				    optopt);
			else
				*status = cli_usage_error(cmd,
				    _("unknown option \"%s\""), argv[optind - 1]);
			return -1;
		}
		if ((*status = handle(c, optarg, arg)) != CLI_OK)
			return -1;
	}
	*status = CLI_OK;
	return optind;
}

int
cli_parse_long(const char *s, long min, long max, long *out, const char *what)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
		cli_value_error(_("not a valid %s: \"%s\""), what, s);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	size_t	i;

	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[0], commands[i]->name) != 0)
			continue;
		if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
		    strcmp(argv[1], "-h") == 0))
			return cli_cmd_help(commands[i], stdout);
		return commands[i]->exec(ctx, argc, argv);
	}
	return cli_usage_error(NULL, _("unknown command \"%s\""), argv[0]);
}

char *
cli_join_args(int argc, char **argv)
{
	struct ph_buf	b;
	int		i;

	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			ph_buf_addc(&b, ' ');
		ph_buf_adds(&b, argv[i]);
	}
	return ph_buf_take(&b);
}
