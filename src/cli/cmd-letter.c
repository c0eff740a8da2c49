/*
 * cmd-letter.c -- "phoihop letter add|list|show|edit|delete|reply|
 * attachment": the register itself.
 *
 * add prints the new letter's id alone on stdout (scripts read it); what
 * the clerk should know besides (the register number given, bodies
 * created on the way) goes to stderr.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "intl.h"
#include "viet-legacy.h"

static int cmd_letter(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_letter_entry = {
	"letter",
	N_("register, list, show, edit, delete and answer letters"),
	N_("Usage: phoihop letter add --direction in|out [--number TEXT] --date DATE\n"
	   "           [--received DATE] --from ORG --to ORG[;ORG...] --subject TEXT\n"
	   "           [--type CODE] [--body-file FILE|-] [--signer TEXT]\n"
	   "           [--encoding auto|utf-8|tcvn3|vni|viqr|cp1258]\n"
	   "           [--classification none|mat|toi-mat|tuyet-mat]\n"
	   "           [--urgency none|khan|thuong-khan|hoa-toc] [--agreement NUMBER]\n"
	   "           [--reply-required] [--due DATE] [--in-reply-to ID]\n"
	   "           [--handler NAME] [--note TEXT] [--attach FILE]...\n"
	   "       phoihop letter list [--direction in|out] [--year Y] [--status S]\n"
	   "           [--from ORG] [--due-before DATE] [--limit N] [--format F]\n"
	   "       phoihop letter show ID [--format table|tsv|json]\n"
	   "       phoihop letter edit ID [flags of add] [--status S] [--no-reply-required]\n"
	   "       phoihop letter delete ID\n"
	   "       phoihop letter reply ID [flags of add]\n"
	   "       phoihop letter attachment ID N --output FILE\n"
	   "DATE is dd/mm/yyyy or YYYY-MM-DD.  Status S: registered, awaiting-reply,\n"
	   "replied, extended, reminded, disagreed, escalated, directed, resolved,\n"
	   "or overdue.\n"),
	cmd_letter,
};

/* The listing's columns, in the order the CLI contract fixes. */
static const struct cli_col list_cols[] = {
	{ "id", N_("ID"), 0, CLI_INT },
	{ "direction", N_("Dir"), 0, CLI_STR },
	{ "register_no", N_("No."), 0, CLI_INT },
	{ "number", N_("Number"), 0, CLI_STR },
	{ "type", N_("Type"), 0, CLI_STR },
	{ "date", N_("Date"), 0, CLI_DATE },
	{ "received", N_("Received"), 0, CLI_DATE },
	{ "issuer", N_("From"), 0, CLI_STR },
	{ "recipients", N_("To"), 0, CLI_LIST },
	{ "subject", N_("Subject"), 0, CLI_STR },
	{ "classification", N_("Secrecy"), 0, CLI_STR },
	{ "urgency", N_("Urgency"), 0, CLI_STR },
	{ "agreement", N_("Agreement"), 0, CLI_STR },
	{ "due", N_("Due"), 0, CLI_DATE },
	{ "status", N_("Status"), 0, CLI_STR },
	{ "in_reply_to", N_("Reply to"), 0, CLI_INT },
	{ "signer", N_("Signer"), 0, CLI_STR },
	{ "handler", N_("Handler"), 0, CLI_STR },
};
#define NLISTCOLS	(int)(sizeof list_cols / sizeof list_cols[0])

/* What a person reads in 80 columns: the register book's own columns. */
static const struct cli_col table_cols[] = {
	{ "id", N_("ID"), 4, CLI_INT },
	{ "register_no", N_("No."), 4, CLI_INT },
	{ "date", N_("Date"), 10, CLI_DATE },
	{ "number", N_("Number"), 11, CLI_STR },
	{ "org", N_("From/To"), 12, CLI_STR },
	{ "subject", N_("Subject"), 0, CLI_STR },
	{ "due", N_("Due"), 10, CLI_DATE },
	{ "status", N_("Status"), 11, CLI_STR },
};
#define NTABLECOLS	(int)(sizeof table_cols / sizeof table_cols[0])

struct list_state {
	struct cli_out	out;
	struct ph_date	today;
	int		json_fields_only;	/* show --format json */
};

static char *
join_lines(const struct ph_strv *sv)
{
	struct ph_buf	b;
	size_t		i;

	ph_buf_init(&b);
	for (i = 0; i < sv->n; i++) {
		if (i)
			ph_buf_addc(&b, '\n');
		ph_buf_adds(&b, sv->v[i]);
	}
	return ph_buf_take(&b);
}

/* Status labels that fit the 11 columns of the table, by state. */
static const char *const short_status[PH_ST__COUNT] = {
	[PH_ST_REGISTERED] = N_("filed"),
	[PH_ST_AWAITING] = N_("awaiting"),
	[PH_ST_REPLIED] = N_("replied"),
	[PH_ST_EXTENDED] = N_("extended"),
	[PH_ST_REMINDED] = N_("reminded"),
	[PH_ST_ESCALATED] = N_("escalated"),
	[PH_ST_RESOLVED] = N_("done"),
	[PH_ST_DISAGREED] = N_("disagreed"),
	[PH_ST_DIRECTED] = N_("directed"),
};

static int
is_overdue(const struct ph_letter *l, struct ph_date today)
{
	return ph_date_is_set(l->due) && ph_date_cmp(l->due, today) < 0 &&
	    (l->status == PH_ST_AWAITING || l->status == PH_ST_EXTENDED ||
	    l->status == PH_ST_REMINDED);
}

/* The status as a person reads it: an open case past its due date is
 * "overdue" whatever its stored state. */
static const char *
status_label(const struct ph_letter *l, struct ph_date today)
{
	if (is_overdue(l, today))
		return _("overdue");
	return ph_keyword_label(ph_status_words, l->status);
}

static const char *
status_short(const struct ph_letter *l, struct ph_date today)
{
	if (is_overdue(l, today))
		return _("overdue");
	return _(short_status[l->status]);
}

static int
list_row(const struct ph_letter *l, void *arg)
{
	struct list_state	*ls = arg;
	char			 id[24], no[24], reply[24], date[11], rec[11];
	char			 due[11], *recips = join_lines(&l->recipients);

	snprintf(id, sizeof id, "%lld", (long long)l->id);
	if (l->register_no > 0)
		snprintf(no, sizeof no, "%lld", (long long)l->register_no);
	else
		no[0] = '\0';
	if (l->in_reply_to > 0)
		snprintf(reply, sizeof reply, "%lld", (long long)l->in_reply_to);
	else
		reply[0] = '\0';
	ph_date_iso(l->date, date);
	ph_date_iso(l->received, rec);
	ph_date_iso(l->due, due);
	if (ls->out.fmt == CLI_FMT_TABLE) {
		const char *org = l->direction == PH_DIR_IN ? l->issuer :
		    recips;
		char *orgj = ph_xstrdup(org), *p;
		for (p = orgj; *p; p++)
			if (*p == '\n')
				*p = ';';
		const char *v[] = { id, no, l->direction == PH_DIR_IN ? rec :
		    date, l->number, orgj, l->subject, due,
		    status_short(l, ls->today) };
		cli_out_row(&ls->out, v);
		free(orgj);
	} else {
		const char *v[] = { id, l->direction == PH_DIR_IN ? "in" :
		    "out", no, l->number, l->type, date, rec, l->issuer, recips,
		    l->subject, ph_keyword_word(ph_class_words,
		    l->classification), ph_keyword_word(ph_urgency_words,
		    l->urgency), l->agreement, due,
		    ph_keyword_word(ph_status_words, l->status), reply,
		    l->signer, l->handler };
		if (ls->json_fields_only)
			cli_out_json_fields(&ls->out, v);
		else
			cli_out_row(&ls->out, v);
	}
	free(recips);
	return 0;
}

/* ---- flags shared by add, edit and reply */

enum {
	OPT_DIRECTION = 256, OPT_NUMBER, OPT_DATE, OPT_RECEIVED, OPT_FROM,
	OPT_TO, OPT_SUBJECT, OPT_TYPE, OPT_BODY_FILE, OPT_SIGNER,
	OPT_CLASS, OPT_URGENCY, OPT_AGREEMENT, OPT_REPLY_REQUIRED,
	OPT_NO_REPLY_REQUIRED, OPT_DUE, OPT_IN_REPLY_TO, OPT_HANDLER,
	OPT_NOTE, OPT_ATTACH, OPT_STATUS, OPT_YEAR, OPT_DUE_BEFORE,
	OPT_LIMIT, OPT_FORMAT, OPT_ENCODING, OPT_OUTPUT,
};

static const struct option letter_opts[] = {
	{ "direction", required_argument, NULL, OPT_DIRECTION },
	{ "number", required_argument, NULL, OPT_NUMBER },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "received", required_argument, NULL, OPT_RECEIVED },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "subject", required_argument, NULL, OPT_SUBJECT },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "body-file", required_argument, NULL, OPT_BODY_FILE },
	{ "signer", required_argument, NULL, OPT_SIGNER },
	{ "classification", required_argument, NULL, OPT_CLASS },
	{ "urgency", required_argument, NULL, OPT_URGENCY },
	{ "agreement", required_argument, NULL, OPT_AGREEMENT },
	{ "reply-required", no_argument, NULL, OPT_REPLY_REQUIRED },
	{ "no-reply-required", no_argument, NULL, OPT_NO_REPLY_REQUIRED },
	{ "due", required_argument, NULL, OPT_DUE },
	{ "in-reply-to", required_argument, NULL, OPT_IN_REPLY_TO },
	{ "handler", required_argument, NULL, OPT_HANDLER },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "attach", required_argument, NULL, OPT_ATTACH },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "due-before", required_argument, NULL, OPT_DUE_BEFORE },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ NULL, 0, NULL, 0 }
};

/* Everything the command line said, before it meets a letter. */
struct letter_args {
	const char	*sub;
	int		 seen[OPT_OUTPUT - OPT_DIRECTION + 1];
	int		 direction, classification, urgency, status;
	struct ph_date	 date, received, due, due_before;
	const char	*number, *from, *subject, *type, *body_file;
	const char	*signer, *agreement, *handler, *note, *output;
	enum ph_encoding encoding;
	struct ph_strv	 to, attach;
	int64_t		 in_reply_to;
	long		 year, limit;
	int		 overdue;
	enum cli_format	 fmt;
	char		*pos[2];
	int		 npos;
};

#define SEEN(a, o)	((a)->seen[(o) - OPT_DIRECTION])

static int
parse_int(const char *s, long min, long max, long *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Split "A;B; C" into OUT, trimming each part. */
static void
split_orgs(struct ph_strv *out, const char *s)
{
	const char	*p = s, *semi;

	for (;;) {
		semi = strchr(p, ';');
		size_t n = semi != NULL ? (size_t)(semi - p) : strlen(p);
		char *part = ph_str_trim(ph_xstrndup(p, n));
		if (*part != '\0')
			ph_strv_take(out, part);
		else
			free(part);
		if (semi == NULL)
			break;
		p = semi + 1;
	}
}

/* Parse flags into A.  Returns CLI_OK, or the exit status of an error
 * already printed. */
static int
parse_args(struct letter_args *a, int argc, char **argv)
{
	struct ph_error	err;
	int		c, v;
	long		n;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", letter_opts, NULL)) != -1) {
		if (c == ':')
			return cli_usage_error(&cmd_letter_entry,
			    _("%s needs a value"), argv[optind - 1]);
		if (c < OPT_DIRECTION || c > OPT_OUTPUT)
			return cli_usage_error(&cmd_letter_entry,
			    _("unknown option \"%s\""), argv[optind - 1]);
		SEEN(a, c) = 1;
		switch (c) {
		case OPT_DIRECTION:
			if (ph_keyword_parse(ph_direction_words,
			    _("direction"), optarg, &v, &err) != PH_OK)
				return cli_fail(&err);
			a->direction = v;
			break;
		case OPT_NUMBER: a->number = optarg; break;
		case OPT_DATE:
			if (ph_date_parse(optarg, &a->date, &err) != PH_OK)
				return cli_fail(&err);
			break;
		case OPT_RECEIVED:
			if (ph_date_parse(optarg, &a->received, &err) != PH_OK)
				return cli_fail(&err);
			break;
		case OPT_DUE:
			if (ph_date_parse(optarg, &a->due, &err) != PH_OK)
				return cli_fail(&err);
			break;
		case OPT_DUE_BEFORE:
			if (ph_date_parse(optarg, &a->due_before, &err) !=
			    PH_OK)
				return cli_fail(&err);
			break;
		case OPT_FROM: a->from = optarg; break;
		case OPT_TO: split_orgs(&a->to, optarg); break;
		case OPT_SUBJECT: a->subject = optarg; break;
		case OPT_TYPE: a->type = optarg; break;
		case OPT_BODY_FILE: a->body_file = optarg; break;
		case OPT_ENCODING:
			if (!ph_viet_encoding_parse(optarg, &a->encoding))
				return cli_value_error(_("unknown encoding \"%s\" (auto, utf-8, tcvn3, vni, viqr or cp1258)"),
				    optarg);
			break;
		case OPT_SIGNER: a->signer = optarg; break;
		case OPT_CLASS:
			if (ph_keyword_parse(ph_class_words,
			    _("classification"), optarg, &v, &err) != PH_OK)
				return cli_fail(&err);
			a->classification = v;
			break;
		case OPT_URGENCY:
			if (ph_keyword_parse(ph_urgency_words, _("urgency"),
			    optarg, &v, &err) != PH_OK)
				return cli_fail(&err);
			a->urgency = v;
			break;
		case OPT_STATUS:
			if (strcmp(optarg, "overdue") == 0 ||
			    strcmp(optarg, "qua-han") == 0) {
				a->overdue = 1;
				break;
			}
			if (ph_keyword_parse(ph_status_words, _("status"),
			    optarg, &v, &err) != PH_OK)
				return cli_fail(&err);
			a->status = v;
			break;
		case OPT_AGREEMENT: a->agreement = optarg; break;
		case OPT_REPLY_REQUIRED: break;
		case OPT_NO_REPLY_REQUIRED: break;
		case OPT_IN_REPLY_TO:
			if (parse_int(optarg, 1, 0x7fffffffL, &n) != 0)
				return cli_value_error(
				    _("not a letter id: \"%s\""), optarg);
			a->in_reply_to = n;
			break;
		case OPT_HANDLER: a->handler = optarg; break;
		case OPT_NOTE: a->note = optarg; break;
		case OPT_ATTACH: ph_strv_push(&a->attach, optarg); break;
		case OPT_YEAR:
			if (parse_int(optarg, 1900, 2199, &a->year) != 0)
				return cli_value_error(
				    _("not a year: \"%s\""), optarg);
			break;
		case OPT_LIMIT:
			if (parse_int(optarg, 1, 0x7fffffffL, &a->limit) != 0)
				return cli_value_error(
				    _("not a positive number: \"%s\""), optarg);
			break;
		case OPT_FORMAT:
			if (cli_format_arg(optarg, &a->fmt) != CLI_OK)
				return CLI_ERROR;
			break;
		case OPT_OUTPUT: a->output = optarg; break;
		}
	}
	while (optind < argc) {
		if (a->npos == 2)
			return cli_usage_error(&cmd_letter_entry,
			    _("unexpected argument \"%s\""), argv[optind]);
		a->pos[a->npos++] = argv[optind++];
	}
	return CLI_OK;
}

/* Flags that only make sense for some subcommands. */
static int
check_flags(const struct letter_args *a, const int *allowed)
{
	int	o, i, ok;

	for (o = OPT_DIRECTION; o <= OPT_OUTPUT; o++) {
		if (!SEEN(a, o))
			continue;
		for (ok = 0, i = 0; allowed[i] != 0; i++)
			if (allowed[i] == o)
				ok = 1;
		if (!ok) {
			const struct option *lo;
			for (lo = letter_opts; lo->name; lo++)
				if (lo->val == o)
					break;
			return cli_usage_error(&cmd_letter_entry,
			    _("--%s does not go with \"letter %s\""),
			    lo->name, a->sub);
		}
	}
	return CLI_OK;
}

#define EDIT_FLAGS \
	OPT_NUMBER, OPT_DATE, OPT_RECEIVED, OPT_FROM, OPT_TO, OPT_SUBJECT, \
	OPT_TYPE, OPT_BODY_FILE, OPT_SIGNER, OPT_CLASS, OPT_URGENCY, \
	OPT_AGREEMENT, OPT_REPLY_REQUIRED, OPT_DUE, OPT_IN_REPLY_TO, \
	OPT_HANDLER, OPT_NOTE, OPT_ATTACH, OPT_ENCODING

static const int add_flags[] = { OPT_DIRECTION, EDIT_FLAGS, 0 };
static const int reply_flags[] = { EDIT_FLAGS, 0 };
static const int edit_flags[] = { EDIT_FLAGS, OPT_STATUS,
    OPT_NO_REPLY_REQUIRED, 0 };
static const int list_flags[] = { OPT_DIRECTION, OPT_YEAR, OPT_STATUS,
    OPT_FROM, OPT_DUE_BEFORE, OPT_LIMIT, OPT_FORMAT, 0 };
static const int show_flags[] = { OPT_FORMAT, 0 };
static const int none_flags[] = { 0 };
static const int attachment_flags[] = { OPT_OUTPUT, 0 };

/*
 * The body file in the encoding --encoding names (default auto): valid
 * UTF-8 stays as it is; anything else goes to the legacy decoder that
 * reads best, and the clerk is told which, since a wrong guess garbles
 * every accented letter.  *BODY is replaced by the UTF-8 text.
 */
/* Below this, a guessed encoding is more likely wrong than right. */
#define DECODE_MIN_CONFIDENCE	50

static enum ph_status
decode_body(const struct letter_args *a, char **body, size_t len,
    struct ph_error *err)
{
	enum ph_encoding	 enc = a->encoding;
	char			*text;
	enum ph_status		 s;
	size_t			 bad;
	int			 conf = 100;

	if (enc == PH_ENC_AUTO) {
		if (ph_utf8_valid(*body, len, &bad))
			return PH_OK;
		enc = ph_viet_detect(*body, len, &conf);
		/* Broken UTF-8 is not a legacy file: refuse it rather than
		 * store a guess.  VIQR is plain ASCII, so it cannot be the
		 * answer for bytes that are not. */
		if (enc == PH_ENC_UTF8 || enc == PH_ENC_VIQR ||
		    conf < DECODE_MIN_CONFIDENCE)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("the body in %s is not valid UTF-8 (bad byte at offset %zu) and does not read as TCVN3, VNI or CP1258 either; give --encoding"),
			    a->body_file, bad);
		cli_info(_("%s is not UTF-8: read as %s (confidence %d%%); give --encoding if that is wrong"),
		    a->body_file, ph_viet_encoding_name(enc), conf);
	}
	if ((s = ph_viet_decode(enc, *body, len, &text, err)) != PH_OK) {
		/* Name the file: the decoder only knows the bytes. */
		char msg[sizeof err->msg];
		snprintf(msg, sizeof msg, "%s", err->msg);
		return ph_error_set(err, s, _("the body in %s: %s"),
		    a->body_file, msg);
	}
	free(*body);
	*body = text;
	return PH_OK;
}

/* Apply the flags that were given to L. */
static int
apply_args(const struct letter_args *a, struct ph_letter *l)
{
	struct ph_error	 err;
	size_t		 i, len;
	char		*body;
	enum ph_status	 s;

	if (SEEN(a, OPT_DIRECTION))
		l->direction = a->direction;
	if (SEEN(a, OPT_NUMBER))
		ph_letter_set(&l->number, a->number);
	if (SEEN(a, OPT_DATE))
		l->date = a->date;
	if (SEEN(a, OPT_RECEIVED))
		l->received = a->received;
	if (SEEN(a, OPT_FROM))
		ph_letter_set(&l->issuer, a->from);
	if (SEEN(a, OPT_TO)) {
		ph_strv_release(&l->recipients);
		for (i = 0; i < a->to.n; i++)
			ph_strv_push(&l->recipients, a->to.v[i]);
		if (a->to.n == 0) {
			ph_error_set(&err, PH_ERR_INVALID,
			    _("--to names no organization"));
			return cli_fail(&err);
		}
	}
	if (SEEN(a, OPT_SUBJECT))
		ph_letter_set(&l->subject, a->subject);
	if (SEEN(a, OPT_TYPE))
		ph_letter_set(&l->type, a->type);
	if (SEEN(a, OPT_BODY_FILE)) {
		s = ph_file_read(a->body_file, PH_BODY_MAX, &body, &len, &err);
		if (s == PH_ERR_TOOBIG) {
			ph_error_set(&err, PH_ERR_TOOBIG,
			    _("the body in %s is larger than 10 MB"),
			    a->body_file);
			return cli_fail(&err);
		}
		if (s != PH_OK)
			return cli_fail(&err);
		if (strlen(body) != len) {
			ph_error_set(&err, PH_ERR_INVALID,
			    _("the body in %s contains a NUL byte at offset %zu"),
			    a->body_file, strlen(body));
			free(body);
			return cli_fail(&err);
		}
		if ((s = decode_body(a, &body, len, &err)) != PH_OK) {
			free(body);
			return cli_fail(&err);
		}
		free(l->body);
		l->body = body;
	}
	if (SEEN(a, OPT_SIGNER))
		ph_letter_set(&l->signer, a->signer);
	if (SEEN(a, OPT_CLASS))
		l->classification = a->classification;
	if (SEEN(a, OPT_URGENCY))
		l->urgency = a->urgency;
	if (SEEN(a, OPT_AGREEMENT))
		ph_letter_set(&l->agreement, *a->agreement ? a->agreement :
		    NULL);
	if (SEEN(a, OPT_REPLY_REQUIRED)) {
		l->reply_required = 1;
		if (l->status == PH_ST_REGISTERED)
			l->status = PH_ST_AWAITING;
	}
	if (SEEN(a, OPT_NO_REPLY_REQUIRED)) {
		l->reply_required = 0;
		if (l->status == PH_ST_AWAITING)
			l->status = PH_ST_REGISTERED;
	}
	if (SEEN(a, OPT_STATUS) && a->overdue) {
		ph_error_set(&err, PH_ERR_INVALID,
		    _("\"overdue\" is not set by hand: it follows from the due date"));
		return cli_fail(&err);
	}
	if (SEEN(a, OPT_STATUS))
		l->status = a->status;
	if (SEEN(a, OPT_DUE))
		l->due = a->due;
	if (SEEN(a, OPT_IN_REPLY_TO))
		l->in_reply_to = a->in_reply_to;
	if (SEEN(a, OPT_HANDLER))
		ph_letter_set(&l->handler, a->handler);
	if (SEEN(a, OPT_NOTE))
		ph_letter_set(&l->notes, a->note);
	for (i = 0; i < a->attach.n; i++)
		ph_letter_add_attachment(l, a->attach.v[i]);
	return CLI_OK;
}

static void
report_notes(const struct ph_letter_notes *n)
{
	size_t	i;

	for (i = 0; i < n->new_orgs.n; i++)
		cli_info(_("new organization added: %s"), n->new_orgs.v[i]);
	for (i = 0; i < n->new_agreements.n; i++)
		cli_info(_("new agreement added: %s (its rules can be loaded later)"),
		    n->new_agreements.v[i]);
}

static int
parse_id(const char *s, int64_t *id)
{
	long	v;

	if (s == NULL || parse_int(s, 1, 0x7fffffffL, &v) != 0)
		return cli_value_error(_("not a letter id: \"%s\""),
		    s != NULL ? s : "");
	*id = v;
	return CLI_OK;
}

/* ---- subcommands; each runs inside the transaction opened by
 * cmd_letter() and returns with ERR filled on failure. */

static enum ph_status
do_add(struct ph_store *st, struct ph_calendar *cal, struct letter_args *a,
    int reply, struct ph_error *err, int *rc)
{
	struct ph_letter	 l, orig;
	struct ph_letter_notes	 notes;
	struct ph_unit		 u;
	enum ph_status		 s;
	int64_t			 id, orig_id = 0;
	char			 dbuf[11];

	ph_letter_init(&l);
	ph_letter_notes_init(&notes);
	if (reply) {
		/* An answer to ORIG: ours, to its issuer, under its
		 * agreement, closing its case. */
		if ((*rc = parse_id(a->pos[0], &orig_id)) != CLI_OK)
			return PH_ERR_INVALID;
		if ((s = ph_store_letter_get(st, orig_id, &orig, err)) !=
		    PH_OK)
			return s;
		if ((s = ph_store_unit_get(st, &u, err)) != PH_OK) {
			ph_letter_release(&orig);
			return s;
		}
		l.direction = orig.direction == PH_DIR_IN ? PH_DIR_OUT :
		    PH_DIR_IN;
		if (l.direction == PH_DIR_OUT)
			ph_strv_push(&l.recipients, orig.issuer);
		else {
			/* Our request answered: the reply comes from
			 * whom we wrote to. */
			if (orig.recipients.n > 0)
				ph_letter_set(&l.issuer, orig.recipients.v[0]);
		}
		ph_letter_set(&l.agreement, orig.agreement);
		l.in_reply_to = orig_id;
		l.date = ph_today();
		/* The letter itself is a Vietnamese document whatever the
		 * interface language: this is user data, not a message. */
		if (*orig.number != '\0')
			l.subject = ph_xasprintf("V/v trả lời văn bản số %s "
			    "ngày %s", orig.number, ph_date_vn(orig.date, dbuf));
		else
			l.subject = ph_xasprintf("V/v trả lời văn bản ngày %s",
			    ph_date_vn(orig.date, dbuf));
		ph_unit_release(&u);
	} else {
		if (!SEEN(a, OPT_DIRECTION) || !SEEN(a, OPT_DATE) ||
		    !SEEN(a, OPT_SUBJECT) || (a->direction == PH_DIR_IN &&
		    !SEEN(a, OPT_FROM)) || (a->direction == PH_DIR_OUT &&
		    !SEEN(a, OPT_TO))) {
			*rc = cli_usage_error(&cmd_letter_entry,
			    _("letter add needs --direction, --date, --subject and --from (incoming) or --to (outgoing)"));
			return PH_ERR_INVALID;
		}
	}
	if ((*rc = apply_args(a, &l)) != CLI_OK) {
		s = PH_ERR_INVALID;
		goto out;
	}
	*rc = CLI_ERROR;
	/* Through the flow: a request gets its due date from its agreement's
	 * reply rule when none was given; an answer to an open case closes
	 * it as "case reply" does (on time or late, in the case's actions). */
	if (reply && ph_case_is_open(orig.status)) {
		int late;
		if ((s = ph_case_reply(st, cal, orig_id, 0, &l, ph_today(), &id,
		    &late, err)) != PH_OK)
			goto out;
	} else if ((s = ph_flow_letter_add(st, cal, &l, &id, &notes, err)) !=
	    PH_OK)
		goto out;
	if ((s = ph_store_commit(st, err)) != PH_OK)
		goto out;
	*rc = CLI_OK;
	report_notes(&notes);
	if (l.direction == PH_DIR_IN)
		cli_info(_("registered as incoming number %lld of %d"),
		    (long long)l.register_no, l.reg_year);
	else if (!SEEN(a, OPT_NUMBER))
		cli_info(_("registered as outgoing letter %s"), l.number);
	printf("%lld\n", (long long)id);
out:
	if (reply)
		ph_letter_release(&orig);
	ph_letter_notes_release(&notes);
	ph_letter_release(&l);
	return s;
}

static enum ph_status
do_edit(struct ph_store *st, struct ph_calendar *cal, struct letter_args *a,
    struct ph_error *err, int *rc)
{
	struct ph_letter	 l;
	struct ph_letter_notes	 notes;
	enum ph_status		 s;
	int64_t			 id;

	if ((*rc = parse_id(a->pos[0], &id)) != CLI_OK)
		return PH_ERR_INVALID;
	*rc = CLI_ERROR;
	if ((s = ph_store_letter_get(st, id, &l, err)) != PH_OK)
		return s;
	ph_letter_notes_init(&notes);
	if ((*rc = apply_args(a, &l)) != CLI_OK) {
		s = PH_ERR_INVALID;
		goto out;
	}
	*rc = CLI_ERROR;
	if ((s = ph_flow_default_due(st, cal, &l, err)) != PH_OK ||
	    (s = ph_store_letter_update(st, &l, &notes, err)) != PH_OK ||
	    (s = ph_store_commit(st, err)) != PH_OK)
		goto out;
	report_notes(&notes);
	*rc = CLI_OK;
out:
	ph_letter_notes_release(&notes);
	ph_letter_release(&l);
	return s;
}

static void
show_line(const char *label, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	/* Pad by display width: Vietnamese letters take 2-3 bytes. */
	cli_put_cell(stdout, label, 18, 1);
	fputc(' ', stdout);
	cli_put_safe(stdout, v, 0);
	putchar('\n');
}

static int
show_event(const struct ph_event *e, void *arg)
{
	fputs("  ", stdout);
	cli_put_safe(stdout, e->at, 0);
	printf("  %-8s ", e->action);
	cli_put_safe(stdout, e->who, 0);
	putchar('\n');
	return 0;
}

struct json_events {
	int	n;
};

static int
json_event(const struct ph_event *e, void *arg)
{
	struct json_events	*j = arg;

	fputs(j->n++ ? ",{" : "{", stdout);
	fputs("\"at\":", stdout);
	cli_put_json_string(stdout, e->at);
	fputs(",\"who\":", stdout);
	cli_put_json_string(stdout, e->who);
	fputs(",\"action\":", stdout);
	cli_put_json_string(stdout, e->action);
	/* before/after are JSON written by the store itself. */
	printf(",\"before\":%s,\"after\":%s}", e->before ? e->before : "null",
	    e->after ? e->after : "null");
	return 0;
}

static enum ph_status
do_show(struct ph_store *st, struct letter_args *a, struct ph_error *err,
    int *rc)
{
	struct ph_letter	 l;
	struct list_state	 ls;
	struct json_events	 je = { 0 };
	enum ph_status		 s;
	int64_t			 id;
	char			 buf[64], d[11], *r;
	size_t			 i;

	if ((*rc = parse_id(a->pos[0], &id)) != CLI_OK)
		return PH_ERR_INVALID;
	*rc = CLI_ERROR;
	if ((s = ph_store_letter_get(st, id, &l, err)) != PH_OK)
		return s;
	ls.today = ph_today();
	ls.json_fields_only = 0;
	if (a->fmt == CLI_FMT_TSV) {
		cli_out_begin(&ls.out, stdout, CLI_FMT_TSV, list_cols,
		    NLISTCOLS);
		list_row(&l, &ls);
	} else if (a->fmt == CLI_FMT_JSON) {
		/* One object: the listing's fields and the rest. */
		fputc('{', stdout);
		ls.out.fmt = CLI_FMT_JSON;
		ls.out.f = stdout;
		ls.out.cols = list_cols;
		ls.out.ncols = NLISTCOLS;
		ls.json_fields_only = 1;
		list_row(&l, &ls);
		fputs(",\"body\":", stdout);
		if (l.body != NULL)
			cli_put_json_string(stdout, l.body);
		else
			fputs("null", stdout);
		fputs(",\"notes\":", stdout);
		cli_put_json_string(stdout, l.notes ? l.notes : "");
		fputs(",\"created\":", stdout);
		cli_put_json_string(stdout, l.created ? l.created : "");
		fputs(",\"updated\":", stdout);
		cli_put_json_string(stdout, l.updated ? l.updated : "");
		fputs(",\"attachments\":[", stdout);
		for (i = 0; i < l.n_attachments; i++) {
			printf("%s{\"n\":%zu,\"name\":", i ? "," : "", i + 1);
			cli_put_json_string(stdout, l.attachments[i].name);
			printf(",\"size\":%lld}",
			    (long long)l.attachments[i].size);
		}
		fputs("],\"history\":[", stdout);
		s = ph_store_event_list(st, "letter", l.id, json_event, &je,
		    err);
		fputs("]}\n", stdout);
	} else {
		snprintf(buf, sizeof buf, "%lld", (long long)l.id);
		show_line(_("ID:"), buf);
		show_line(_("Direction:"), ph_keyword_label(ph_direction_words,
		    l.direction));
		if (l.register_no > 0) {
			snprintf(buf, sizeof buf, "%lld/%d",
			    (long long)l.register_no, l.reg_year);
			show_line(l.direction == PH_DIR_IN ?
			    _("Incoming no.:") : _("Outgoing no.:"), buf);
		}
		show_line(_("Number:"), l.number);
		show_line(_("Type:"), l.type);
		show_line(_("Date:"), ph_date_vn(l.date, d));
		show_line(_("Received:"), ph_date_vn(l.received, d));
		show_line(_("From:"), l.issuer);
		r = join_lines(&l.recipients);
		for (i = 0; r[i] != '\0'; i++)
			if (r[i] == '\n')
				r[i] = ';';
		show_line(_("To:"), r);
		free(r);
		show_line(_("Subject:"), l.subject);
		show_line(_("Signer:"), l.signer);
		if (l.classification != PH_CLASS_NONE)
			show_line(_("Secrecy:"), ph_keyword_label(
			    ph_class_words, l.classification));
		if (l.urgency != PH_URG_NONE)
			show_line(_("Urgency:"), ph_keyword_label(
			    ph_urgency_words, l.urgency));
		show_line(_("Agreement:"), l.agreement);
		if (l.reply_required)
			show_line(_("Reply required:"), _("yes"));
		show_line(_("Due:"), ph_date_vn(l.due, d));
		show_line(_("Status:"), status_label(&l, ls.today));
		if (l.in_reply_to > 0) {
			snprintf(buf, sizeof buf, "%lld",
			    (long long)l.in_reply_to);
			show_line(_("In reply to:"), buf);
		}
		show_line(_("Handler:"), l.handler);
		show_line(_("Note:"), l.notes);
		for (i = 0; i < l.n_attachments; i++) {
			char *line = ph_xasprintf("%zu. %s (%lld B)", i + 1,
			    l.attachments[i].name,
			    (long long)l.attachments[i].size);
			show_line(i == 0 ? _("Attachments:") : "", line);
			free(line);
		}
		if (l.body != NULL && *l.body != '\0') {
			printf("\n");
			cli_put_safe(stdout, l.body, 1);
			if (l.body[strlen(l.body) - 1] != '\n')
				putchar('\n');
		}
		printf("\n%s\n", _("History:"));
		s = ph_store_event_list(st, "letter", l.id, show_event, NULL,
		    err);
	}
	ph_letter_release(&l);
	if (s == PH_OK) {
		ph_store_commit(st, NULL);
		*rc = CLI_OK;
	}
	return s;
}

static enum ph_status
do_list(struct ph_store *st, struct letter_args *a, struct ph_error *err)
{
	struct ph_letter_filter	f;
	struct list_state	ls;
	enum ph_status		s;

	ph_letter_filter_init(&f);
	if (SEEN(a, OPT_DIRECTION))
		f.direction = a->direction;
	f.year = (int)a->year;
	if (SEEN(a, OPT_STATUS) && !a->overdue)
		f.status = a->status;
	f.overdue = a->overdue;
	f.issuer = a->from;
	f.due_before = a->due_before;
	f.limit = a->limit;
	f.today = ls.today = ph_today();
	ls.json_fields_only = 0;
	/* Check the organization before the header is written: a failed
	 * listing must not look like an empty one. */
	if (a->from != NULL) {
		struct ph_org o;
		if ((s = ph_store_org_find(st, a->from, &o, err)) != PH_OK)
			return s;
		ph_org_release(&o);
	}
	if (a->fmt == CLI_FMT_TABLE)
		cli_out_begin(&ls.out, stdout, a->fmt, table_cols, NTABLECOLS);
	else
		cli_out_begin(&ls.out, stdout, a->fmt, list_cols, NLISTCOLS);
	s = ph_store_letter_list(st, &f, list_row, &ls, err);
	cli_out_end(&ls.out);
	if (s == PH_OK && a->fmt == CLI_FMT_TABLE && ls.out.rows == 0)
		cli_info(_("no letters match"));
	return s;
}

static enum ph_status
do_delete(struct ph_store *st, struct letter_args *a, struct ph_error *err,
    int *rc)
{
	enum ph_status	s;
	int64_t		id;

	if ((*rc = parse_id(a->pos[0], &id)) != CLI_OK)
		return PH_ERR_INVALID;
	*rc = CLI_ERROR;
	if ((s = ph_store_letter_delete(st, id, err)) != PH_OK ||
	    (s = ph_store_commit(st, err)) != PH_OK)
		return s;
	cli_info(_("letter %lld deleted; its number is not given again"),
	    (long long)id);
	*rc = CLI_OK;
	return PH_OK;
}

/* Write attachment N of a letter to --output: binary data never goes
 * to the terminal. */
static enum ph_status
do_attachment(struct ph_store *st, struct letter_args *a,
    struct ph_error *err, int *rc)
{
	struct ph_letter	 l;
	enum ph_status		 s;
	int64_t			 id;
	long			 n;
	char			*name = NULL, *data = NULL;
	size_t			 len, off = 0;
	int			 fd;

	if ((*rc = parse_id(a->pos[0], &id)) != CLI_OK)
		return PH_ERR_INVALID;
	if (a->pos[1] == NULL || parse_int(a->pos[1], 1, 1000000, &n) != 0) {
		*rc = cli_usage_error(&cmd_letter_entry,
		    _("which attachment? give its number, 1 for the first"));
		return PH_ERR_INVALID;
	}
	if (a->output == NULL) {
		*rc = cli_usage_error(&cmd_letter_entry,
		    _("--output FILE is required"));
		return PH_ERR_INVALID;
	}
	*rc = CLI_ERROR;
	if ((s = ph_store_letter_get(st, id, &l, err)) != PH_OK)
		return s;
	if ((size_t)n > l.n_attachments) {
		s = ph_error_set(err, PH_ERR_NOTFOUND,
		    _("letter %lld has %zu attachments, not %ld"),
		    (long long)id, l.n_attachments, n);
		ph_letter_release(&l);
		return s;
	}
	s = ph_store_attachment_get(st, l.attachments[n - 1].id, &name, &data,
	    &len, err);
	ph_letter_release(&l);
	if (s != PH_OK)
		return s;
	fd = open(a->output, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		s = ph_error_set(err, PH_ERR_IO, _("cannot create %s: %s"),
		    a->output, strerror(errno));
		goto out;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			s = ph_error_set(err, PH_ERR_IO,
			    _("cannot write %s: %s"), a->output,
			    strerror(errno));
			close(fd);
			unlink(a->output);
			goto out;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		s = ph_error_set(err, PH_ERR_IO, _("cannot write %s: %s"),
		    a->output, strerror(errno));
		unlink(a->output);
		goto out;
	}
	ph_store_commit(st, NULL);
	*rc = CLI_OK;
out:
	free(name);
	free(data);
	return s;
}

static int
cmd_letter(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		const int	*flags;
		int		 npos;	/* positional arguments */
		int		 write;
	} subs[] = {
		{ "add", add_flags, 0, 1 },
		{ "list", list_flags, 0, 0 },
		{ "show", show_flags, 1, 0 },
		{ "edit", edit_flags, 1, 1 },
		{ "delete", none_flags, 1, 1 },
		{ "reply", reply_flags, 1, 1 },
		{ "attachment", attachment_flags, 2, 0 },
	};
	struct letter_args	 a;
	struct ph_store		*st = NULL;
	struct ph_calendar	*cal = NULL;
	struct ph_error		 err;
	enum ph_status		 s = PH_OK;
	size_t			 i;
	int			 rc;

	if (argc < 2)
		return cli_usage_error(&cmd_letter_entry,
		    _("which subcommand?"));
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			break;
	if (i == sizeof subs / sizeof subs[0])
		return cli_usage_error(&cmd_letter_entry,
		    _("unknown subcommand \"%s\""), argv[1]);
	for (rc = 2; rc < argc; rc++)
		if (strcmp(argv[rc], "--help") == 0 ||
		    strcmp(argv[rc], "-h") == 0)
			return cli_cmd_help(&cmd_letter_entry, stdout);
	memset(&a, 0, sizeof a);
	ph_strv_init(&a.to);
	ph_strv_init(&a.attach);
	a.sub = subs[i].name;
	a.status = -1;
	if ((rc = parse_args(&a, argc - 1, argv + 1)) != CLI_OK ||
	    (rc = check_flags(&a, subs[i].flags)) != CLI_OK)
		goto out;
	if (SEEN(&a, OPT_ENCODING) && !SEEN(&a, OPT_BODY_FILE)) {
		rc = cli_usage_error(&cmd_letter_entry,
		    _("--encoding says how the --body-file is written: give the file too"));
		goto out;
	}
	if (a.npos > subs[i].npos) {
		rc = cli_usage_error(&cmd_letter_entry,
		    _("unexpected argument \"%s\""), a.pos[a.npos - 1]);
		goto out;
	}
	if (a.npos < subs[i].npos && strcmp(a.sub, "attachment") != 0) {
		rc = cli_usage_error(&cmd_letter_entry,
		    _("which letter? give its id"));
		goto out;
	}
	if (subs[i].write && cli_calendar(ctx, &cal, &err) != PH_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (cli_open(ctx, subs[i].write ? PH_STORE_WRITE : PH_STORE_READ, &st,
	    &err) != PH_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (ph_store_begin(st, &err) != PH_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CLI_ERROR;
	ph_error_clear(&err);
	if (strcmp(a.sub, "add") == 0)
		s = do_add(st, cal, &a, 0, &err, &rc);
	else if (strcmp(a.sub, "reply") == 0)
		s = do_add(st, cal, &a, 1, &err, &rc);
	else if (strcmp(a.sub, "edit") == 0)
		s = do_edit(st, cal, &a, &err, &rc);
	else if (strcmp(a.sub, "delete") == 0)
		s = do_delete(st, &a, &err, &rc);
	else if (strcmp(a.sub, "show") == 0)
		s = do_show(st, &a, &err, &rc);
	else if (strcmp(a.sub, "attachment") == 0)
		s = do_attachment(st, &a, &err, &rc);
	else {
		s = do_list(st, &a, &err);
		rc = s == PH_OK ? CLI_OK : CLI_ERROR;
		if (s == PH_OK)
			ph_store_commit(st, NULL);
	}
	if (s != PH_OK) {
		ph_store_rollback(st);
		/* Errors in flags were printed where they were found; those
		 * from the core are in ERR. */
		if (err.code != PH_OK)
			rc = cli_fail(&err);
		else if (rc == CLI_OK)
			rc = CLI_ERROR;
	}
out:
	ph_store_close(st);
	ph_strv_release(&a.to);
	ph_strv_release(&a.attach);
	return rc;
}
