/*
 * cmd-text.c -- "phoihop text": the Vietnamese text tools of the core on
 * the command line, for a clerk on a machine with no Vietnamese keyboard
 * and for scripts.
 *
 *   text telex WORDS...     Telex keys to Vietnamese ("vieetj" -> việt)
 *   text vni WORDS...       VNI keys to Vietnamese ("vie65t" -> việt)
 *   text fold TEXT...       what search compares ("Đảng ủy" -> dang uy)
 *   text style old|new TEXT...   tone placement (hòa / hoà)
 *   text decode [--encoding E] FILE   legacy file to UTF-8 on stdout
 *   text encode --encoding E FILE     UTF-8 file to a legacy encoding
 *
 * Nothing here touches the database.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"
#include "viet-legacy.h"

static int cmd_text(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_text_entry = {
	"text",
	N_("Vietnamese text tools: Telex/VNI typing, folding, legacy files"),
	N_("Usage: phoihop text telex [--style old|new] KEYS...\n"
	   "       phoihop text vni [--style old|new] KEYS...\n"
	   "       phoihop text fold TEXT...\n"
	   "       phoihop text style old|new TEXT...\n"
	   "       phoihop text decode [--encoding auto|utf-8|tcvn3|vni|viqr|cp1258] FILE|-\n"
	   "       phoihop text encode --encoding tcvn3|vni|viqr|cp1258 FILE|-\n"
	   "  telex, vni  type Vietnamese with the Telex or VNI keys\n"
	   "              (\"vieetj nam\" gives \"việt nam\")\n"
	   "  --style     tone placement of the result: old (hòa, thủy, the\n"
	   "              default) or new (hoà, thuỷ)\n"
	   "  fold        the text as search compares it: no diacritics, đ as d\n"
	   "  style       rewrite the tone placement of TEXT\n"
	   "  decode      a text file in a legacy encoding, as UTF-8; the\n"
	   "              encoding found is reported on standard error\n"
	   "  encode      a UTF-8 file in a legacy encoding, for old software;\n"
	   "              letters it cannot write become \"?\"\n"),
	cmd_text,
};


/* Text from the command line must be UTF-8 before the core sees it. */
static int
check_utf8(const char *s)
{
	size_t	bad;

	if (ph_utf8_valid(s, strlen(s), &bad))
		return CLI_OK;
	return cli_value_error(_("the text is not valid UTF-8 (byte %zu)"),
	    bad);
}

static int
print_line(char *s)
{
	cli_put_safe(stdout, s, 1);
	putchar('\n');
	free(s);
	return CLI_OK;
}

static int
text_style_arg(const char *v, enum ph_tone_style *out)
{
	if (ph_viet_tone_style_parse(v, out))
		return CLI_OK;
	return cli_value_error(_("unknown tone style \"%s\" (old or new)"), v);
}

static int
text_type(int argc, char **argv, enum ph_input_method m)
{
	enum ph_tone_style	 style = PH_TONE_STYLE_OLD;
	char			*keys;
	int			 i = 1, rc;

	if (i < argc && strncmp(argv[i], "--style", 7) == 0) {
		const char *v = NULL;
		if (argv[i][7] == '=')
			v = argv[i] + 8;
		else if (argv[i][7] == '\0' && i + 1 < argc)
			v = argv[++i];
		if (v == NULL)
			return cli_usage_error(&cmd_text_entry,
			    _("--style needs a value (old or new)"));
		if ((rc = text_style_arg(v, &style)) != CLI_OK)
			return rc;
		i++;
	}
	if (i >= argc)
		return cli_usage_error(&cmd_text_entry,
		    _("the keys to type are missing"));
	keys = cli_join_args(argc - i, argv + i);
	if ((rc = check_utf8(keys)) != CLI_OK) {
		free(keys);
		return rc;
	}
	print_line(ph_viet_input_text(m, style, keys));
	free(keys);
	return CLI_OK;
}

static int
text_decode(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	enum ph_encoding	 enc = PH_ENC_AUTO;
	struct ph_error		 err;
	char			*data, *text;
	size_t			 len;
	int			 c, conf = 100;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'e') {
			if (!ph_viet_encoding_parse(optarg, &enc))
				return cli_value_error(_("unknown encoding \"%s\" (auto, utf-8, tcvn3, vni, viqr or cp1258)"),
				    optarg);
		} else
			return cli_usage_error(&cmd_text_entry,
			    _("unknown option \"%s\""), argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage_error(&cmd_text_entry,
		    _("text decode takes one file"));
	if (ph_file_read(argv[optind], PH_BODY_MAX, &data, &len, &err) !=
	    PH_OK)
		return cli_fail(&err);
	if (enc == PH_ENC_AUTO) {
		enc = ph_viet_detect(data, len, &conf);
		cli_info(_("%s: read as %s (confidence %d%%)"), argv[optind],
		    ph_viet_encoding_name(enc), conf);
	}
	if (ph_viet_decode(enc, data, len, &text, &err) != PH_OK) {
		free(data);
		return cli_fail(&err);
	}
	free(data);
	cli_put_safe(stdout, text, 1);
	if (*text != '\0' && text[strlen(text) - 1] != '\n')
		putchar('\n');
	free(text);
	return CLI_OK;
}

static int
text_encode(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	enum ph_encoding	 enc = PH_ENC_AUTO;
	struct ph_error		 err;
	char			*data, *bytes;
	size_t			 len, n;
	int			 c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'e') {
			if (!ph_viet_encoding_parse(optarg, &enc) ||
			    enc == PH_ENC_AUTO)
				return cli_value_error(_("unknown encoding \"%s\" (utf-8, tcvn3, vni, viqr or cp1258)"),
				    optarg);
		} else
			return cli_usage_error(&cmd_text_entry,
			    _("unknown option \"%s\""), argv[optind - 1]);
	}
	if (enc == PH_ENC_AUTO)
		return cli_usage_error(&cmd_text_entry,
		    _("text encode needs --encoding"));
	if (optind + 1 != argc)
		return cli_usage_error(&cmd_text_entry,
		    _("text encode takes one file"));
	if (ph_file_read(argv[optind], PH_BODY_MAX, &data, &len, &err) !=
	    PH_OK)
		return cli_fail(&err);
	if (strlen(data) != len) {
		free(data);
		return cli_value_error(_("%s contains a NUL byte"),
		    argv[optind]);
	}
	if (ph_viet_encode(enc, data, &bytes, &n, &err) != PH_OK) {
		free(data);
		return cli_fail(&err);
	}
	free(data);
	/* The bytes are the point here: a file for old software, not text
	 * for this terminal. */
	fwrite(bytes, 1, n, stdout);
	free(bytes);
	return CLI_OK;
}

static int
cmd_text(struct cli_ctx *ctx, int argc, char **argv)
{
	enum ph_tone_style	 style;
	char			*s;
	int			 rc;

	(void)ctx;
	if (argc < 2)
		return cli_usage_error(&cmd_text_entry,
		    _("a text command is missing (telex, vni, fold, style, decode, encode)"));
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_cmd_help(&cmd_text_entry, stdout);
	if (strcmp(argv[1], "telex") == 0)
		return text_type(argc - 1, argv + 1, PH_INPUT_TELEX);
	if (strcmp(argv[1], "vni") == 0)
		return text_type(argc - 1, argv + 1, PH_INPUT_VNI);
	if (strcmp(argv[1], "decode") == 0)
		return text_decode(argc - 1, argv + 1);
	if (strcmp(argv[1], "encode") == 0)
		return text_encode(argc - 1, argv + 1);
	if (strcmp(argv[1], "fold") == 0) {
		if (argc < 3)
			return cli_usage_error(&cmd_text_entry,
			    _("the text is missing"));
		s = cli_join_args(argc - 2, argv + 2);
		if ((rc = check_utf8(s)) == CLI_OK) {
			char *n = ph_viet_nfc(s);
			print_line(ph_viet_fold(n));
			free(n);
		}
		free(s);
		return rc;
	}
	if (strcmp(argv[1], "style") == 0) {
		if (argc < 4)
			return cli_usage_error(&cmd_text_entry,
			    _("text style needs a style (old or new) and the text"));
		if ((rc = text_style_arg(argv[2], &style)) != CLI_OK)
			return rc;
		s = cli_join_args(argc - 3, argv + 3);
		if ((rc = check_utf8(s)) == CLI_OK)
			print_line(ph_viet_tone_restyle(s, style));
		free(s);
		return rc;
	}
	return cli_usage_error(&cmd_text_entry,
	    _("unknown text command \"%s\" (telex, vni, fold, style, decode, encode)"),
	    argv[1]);
}
