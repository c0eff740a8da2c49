/*
 * cmd-search.c -- "phoihop search": find letters by what they say.
 *
 * The words after the flags are the query (search.h has its language);
 * the core does the finding and ranking, this file only prints the hits,
 * best first, with the matched words of the snippet in [brackets].
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"
#include "search.h"

static int cmd_search(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_search_entry = {
	"search",
	N_("find letters by their words, with or without diacritics"),
	N_("Usage: phoihop search [--limit N] [--offset N] [--exact] [--regex]\n"
	   "                      [--explain] [--format table|tsv|json] QUERY...\n"
	   "       phoihop search --rebuild\n"
	   "  --limit N     show N hits (default 20, at most 1000)\n"
	   "  --offset N    skip the first N hits (the next pages)\n"
	   "  --exact       only letters with the words written as typed,\n"
	   "                diacritics included\n"
	   "  --regex       QUERY is a regular expression (PCRE2, any case)\n"
	   "  --explain     first say what the index is asked, on stderr\n"
	   "  --rebuild     build the search index again from the letters (if a\n"
	   "                search ever misses a letter it should find)\n"
	   "Query: words (all must match; diacritics optional), \"a phrase\",\n"
	   "  -word (leave out), a OR b, prefix*, and filters: so: tu: den:\n"
	   "  loai: ngay: han: tt: mat:  (e.g. ngay:2026-05 tt:qua-han)\n"
	   "Matched words are shown in [brackets] in the snippet.\n"),
	cmd_search,
};

struct search_args {
	long		limit, offset;
	int		exact, regex, explain, rebuild;
	enum cli_format	fmt;
};

static int
search_opt(int c, const char *v, void *arg)
{
	struct search_args	*a = arg;

	switch (c) {
	case 'l':
		if (cli_parse_long(v, 1, 1000, &a->limit,
		    _("number of hits")) != 0)
			return CLI_ERROR;
		break;
	case 'o':
		if (cli_parse_long(v, 0, 1000000000L, &a->offset,
		    _("number of hits to skip")) != 0)
			return CLI_ERROR;
		break;
	case 'e':
		a->exact = 1;
		break;
	case 'r':
		a->regex = 1;
		break;
	case 'x':
		a->explain = 1;
		break;
	case 'R':
		a->rebuild = 1;
		break;
	case 'f':
		if (cli_format_arg(v, &a->fmt) != CLI_OK)
			return CLI_ERROR;
		break;
	}
	return CLI_OK;
}

static const struct cli_col cols[] = {
	{ "id", N_("ID"), 5, CLI_INT },
	{ "number", N_("Number"), 12, CLI_STR },
	{ "date", N_("Date"), 10, CLI_DATE },
	{ "issuer", N_("From"), 14, CLI_STR },
	{ "subject", N_("Subject"), 0, CLI_STR },
	{ "score", N_("Score"), 5, CLI_STR },
	{ "snippet", N_("Snippet"), 0, CLI_STR },
};
#define NCOLS	(int)(sizeof cols / sizeof cols[0])

/* In a table the snippet gets a line of its own under its letter: an
 * 80-column terminal has no room for it beside the subject. */
static const struct cli_col table_cols[] = {
	{ "id", N_("ID"), 5, CLI_INT },
	{ "number", N_("Number"), 12, CLI_STR },
	{ "date", N_("Date"), 10, CLI_DATE },
	{ "issuer", N_("From"), 16, CLI_STR },
	{ "subject", N_("Subject"), 0, CLI_STR },
};
#define SNIPPET_INDENT	6

/* The snippet with its marks as [brackets]. */
static char *
marked_snippet(const struct ph_search_hit *h)
{
	struct ph_buf	b;
	size_t		i, at = 0;

	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	for (i = 0; i < h->nmarks; i++) {
		ph_buf_add(&b, h->snippet + at, h->marks[i].off - at);
		ph_buf_addc(&b, '[');
		ph_buf_add(&b, h->snippet + h->marks[i].off, h->marks[i].len);
		ph_buf_addc(&b, ']');
		at = h->marks[i].off + h->marks[i].len;
	}
	ph_buf_adds(&b, h->snippet + at);
	return ph_buf_take(&b);
}


/* The index made again from the letters, merged into one segment; one
 * transaction, so a failure leaves the old index. */
static int
search_rebuild(struct cli_ctx *ctx)
{
	struct ph_store	*st = NULL;
	struct ph_error	 err;

	if (cli_open(ctx, PH_STORE_WRITE, &st, &err) != PH_OK)
		return cli_fail(&err);
	if (ph_store_begin(st, &err) != PH_OK ||
	    ph_store_search_rebuild(st, &err) != PH_OK ||
	    ph_store_search_optimize(st, &err) != PH_OK ||
	    ph_store_commit(st, &err) != PH_OK) {
		ph_store_rollback(st);
		ph_store_close(st);
		return cli_fail(&err);
	}
	ph_store_close(st);
	cli_info(_("the search index was built again from the letters"));
	return CLI_OK;
}

static int
cmd_search(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "offset", required_argument, NULL, 'o' },
		{ "exact", no_argument, NULL, 'e' },
		{ "regex", no_argument, NULL, 'r' },
		{ "explain", no_argument, NULL, 'x' },
		{ "rebuild", no_argument, NULL, 'R' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct search_args	 a;
	struct ph_search_opts	 so;
	struct ph_search_result	 res;
	struct ph_store		*st = NULL;
	struct ph_error		 err;
	struct cli_out		 out;
	char			*query, *abbrev = NULL, *snip, id[24], date[11],
				 score[32];
	int			 first, rc;
	size_t			 i;

	memset(&a, 0, sizeof a);
	a.limit = 20;
	a.fmt = CLI_FMT_TABLE;
	if ((first = cli_getopt(&cmd_search_entry, argc, argv, opts,
	    search_opt, &a, &rc)) < 0)
		return rc;
	if (a.rebuild) {
		if (first < argc)
			return cli_usage_error(&cmd_search_entry,
			    _("--rebuild takes no query"));
		return search_rebuild(ctx);
	}
	if (first >= argc)
		return cli_usage_error(&cmd_search_entry,
		    _("what to search for is missing"));
	if (a.exact && a.regex)
		return cli_usage_error(&cmd_search_entry,
		    _("--exact and --regex cannot be used together"));
	query = cli_join_args(argc - first, argv + first);
	memset(&so, 0, sizeof so);
	so.query = query;
	so.limit = (size_t)a.limit;
	so.offset = (size_t)a.offset;
	so.exact = a.exact;
	so.regex = a.regex;
	if (ctx->datadir != NULL)
		abbrev = ph_xasprintf("%s/abbreviations.tsv", ctx->datadir);
	so.abbrev_path = abbrev;

	if (cli_open(ctx, PH_STORE_READ, &st, &err) != PH_OK) {
		free(query);
		free(abbrev);
		return cli_fail(&err);
	}
	if (ph_store_begin(st, &err) != PH_OK ||
	    ph_search(st, &so, &res, &err) != PH_OK) {
		ph_store_rollback(st);
		ph_store_close(st);
		free(query);
		free(abbrev);
		return cli_fail(&err);
	}
	ph_store_rollback(st);
	ph_store_close(st);
	if (a.explain && res.plan != NULL) {
		fputs(_("Index query: "), stderr);
		cli_put_safe(stderr, res.plan, 0);
		fputc('\n', stderr);
	}

	if (a.fmt == CLI_FMT_TABLE)
		cli_out_begin(&out, stdout, a.fmt, table_cols, 5);
	else
		cli_out_begin(&out, stdout, a.fmt, cols, NCOLS);
	for (i = 0; i < res.nhits; i++) {
		const struct ph_search_hit *h = &res.hits[i];
		snprintf(id, sizeof id, "%lld", (long long)h->id);
		snprintf(score, sizeof score, "%.3f", h->score);
		ph_date_iso(h->date, date);
		snip = marked_snippet(h);
		{
			const char *v[] = { id, h->number, date, h->issuer,
			    h->subject, score, snip };
			cli_out_row(&out, v);
		}
		if (a.fmt == CLI_FMT_TABLE && *snip != '\0') {
			printf("%*s", SNIPPET_INDENT, "");
			cli_put_cell(stdout, snip, cli_terminal_width() -
			    SNIPPET_INDENT - 1, 0);
			putchar('\n');
		}
		free(snip);
	}
	cli_out_end(&out);
	if (a.fmt == CLI_FMT_TABLE) {
		if (res.nhits == 0)
			printf("%s\n", _("No letter matches."));
		else if (res.total >= 0)
			printf(ngettext("%zu of %lld letter found.\n",
			    "%zu of %lld letters found.\n",
			    (unsigned long)res.total), res.nhits,
			    (long long)res.total);
	}
	ph_search_result_release(&res);
	free(query);
	free(abbrev);
	return CLI_OK;
}
