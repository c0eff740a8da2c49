/*
 * cli-out.c -- the three output formats of every listing, and the one
 * rule they share: text from the database never reaches a terminal raw.
 *
 * table: for people, fixed columns fitted to the terminal, dates as
 * dd/mm/yyyy; tsv: a header row, ISO dates, \t \n \\ escaped; json: an
 * array of objects, every control character escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "intl.h"

int
cli_format_parse(const char *s, enum cli_format *out)
{
	if (strcmp(s, "table") == 0)
		*out = CLI_FMT_TABLE;
	else if (strcmp(s, "tsv") == 0)
		*out = CLI_FMT_TSV;
	else if (strcmp(s, "json") == 0)
		*out = CLI_FMT_JSON;
	else
		return -1;
	return 0;
}

int
cli_format_arg(const char *s, enum cli_format *out)
{
	if (cli_format_parse(s, out) != 0)
		return cli_value_error(
		    _("unknown format \"%s\" (table, tsv or json)"), s);
	return CLI_OK;
}

int
cli_terminal_width(void)
{
	struct winsize	 ws;
	const char	*c = getenv("COLUMNS");

	if (c != NULL && atoi(c) >= 40)
		return atoi(c);
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

/* Escape of code point CP for a terminal, or NULL when it is printable. */
static const char *
ctl_escape(int32_t cp, char *buf, size_t len)
{
	if (cp >= 0 && !ph_utf8_is_control((uint32_t)cp))
		return NULL;
	if (cp < 0)
		snprintf(buf, len, "\\x%02X", (unsigned)(-cp - 1) & 0xff);
	else if (cp < 0x20)
		snprintf(buf, len, "^%c", (char)(cp + '@'));
	else if (cp == 0x7F)
		snprintf(buf, len, "^?");
	else
		snprintf(buf, len, "\\u%04X", (unsigned)cp);
	return buf;
}

/* Decode like ph_utf8_decode, but report a stray byte B as -(B+1). */
static int32_t
next_cp(const char *s, size_t len, size_t *i)
{
	size_t	at = *i;
	int32_t	cp = ph_utf8_decode(s, len, i);

	if (cp < 0)
		return -(int32_t)((unsigned char)s[at]) - 1;
	return cp;
}

/* Write S through ESCAPE, which returns the replacement of a code point
 * or NULL to keep it; runs of kept bytes go out in one fwrite(), as most
 * text has nothing to escape. */
static void
put_escaped(FILE *f, const char *s,
    const char *(*escape)(int32_t, char *, size_t, int), int flag)
{
	size_t		 len = strlen(s), i = 0, at, run = 0;
	int32_t		 cp;
	char		 buf[16];
	const char	*esc;

	while (i < len) {
		at = i;
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F &&
		    s[i] != '\\') {
			i++;	/* plain ASCII: the common case */
			continue;
		}
		cp = next_cp(s, len, &i);
		if ((esc = escape(cp, buf, sizeof buf, flag)) == NULL)
			continue;
		fwrite(s + run, 1, at - run, f);
		fputs(esc, f);
		run = i;
	}
	fwrite(s + run, 1, len - run, f);
}

static const char *
safe_escape(int32_t cp, char *buf, size_t len, int keep_nl)
{
	if (keep_nl && (cp == '\n' || cp == '\t'))
		return NULL;
	return ctl_escape(cp, buf, len);
}

void
cli_put_safe(FILE *f, const char *s, int keep_nl)
{
	put_escaped(f, s, safe_escape, keep_nl);
}

void
cli_put_cell(FILE *f, const char *s, int width, int pad)
{
	size_t		 len = strlen(s), i = 0, at, total;
	int32_t		 cp;
	int		 used = 0, w, fits;
	char		 buf[16], one[8];
	const char	*esc;

	total = ph_utf8_width(s);
	fits = total <= (size_t)width;
	while (i < len) {
		at = i;
		cp = next_cp(s, len, &i);
		esc = ctl_escape(cp, buf, sizeof buf);
		if (esc == NULL) {
			memcpy(one, s + at, i - at);
			one[i - at] = '\0';
			w = (int)ph_utf8_width(one);
		} else
			w = (int)strlen(esc);
		/* Leave a column for the ellipsis when cutting. */
		if (used + w > width - (fits ? 0 : 1))
			break;
		if (esc != NULL)
			fputs(esc, f);
		else
			fwrite(s + at, 1, i - at, f);
		used += w;
	}
	if (!fits && width > 0) {
		fputs("…", f);
		used++;
	}
	while (pad && used++ < width)
		fputc(' ', f);
}

void
cli_put_json_string(FILE *f, const char *s)
{
	size_t	len = strlen(s), i = 0, at;
	int32_t	cp;

	fputc('"', f);
	while (i < len) {
		at = i;
		cp = next_cp(s, len, &i);
		if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp < 0)
			fputs("\\ufffd", f);
		else if (ph_utf8_is_control((uint32_t)cp))
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + at, 1, i - at, f);
	}
	fputc('"', f);
}

static const char *
tsv_escape(int32_t cp, char *buf, size_t len, int unused)
{
	switch (cp) {
	case '\t':
		return "\\t";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\\':
		return "\\\\";
	default:
		return ctl_escape(cp, buf, len);
	}
}

void
cli_put_tsv(FILE *f, const char *s)
{
	put_escaped(f, s, tsv_escape, 0);
}

void
cli_out_begin(struct cli_out *o, FILE *f, enum cli_format fmt,
    const struct cli_col *cols, int ncols)
{
	int	i, fixed = 0;

	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	o->rows = 0;
	o->f = f;
	for (i = 0; i < ncols; i++)
		fixed += cols[i].width + (i > 0);
	o->flexw = cli_terminal_width() - fixed;
	if (o->flexw < 12)
		o->flexw = 12;
	switch (fmt) {
	case CLI_FMT_TSV:
		for (i = 0; i < ncols; i++)
			fprintf(f, "%s%s", i ? "\t" : "", cols[i].key);
		fputc('\n', f);
		break;
	case CLI_FMT_JSON:
		fputc('[', f);
		break;
	case CLI_FMT_TABLE:
		for (i = 0; i < ncols; i++) {
			int w = cols[i].width ? cols[i].width : o->flexw;
			if (i)
				fputc(' ', f);
			cli_put_cell(f, _(cols[i].label), w, i < ncols - 1);
		}
		fputc('\n', f);
		break;
	}
}

/* Write the '\n'-separated items of V through PUT, SEP between. */
static void
put_list(FILE *f, const char *v, const char *sep,
    void (*put)(FILE *, const char *))
{
	const char	*p = v, *nl;
	char		*item;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		item = ph_xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (p != v)
			fputs(sep, f);
		put(f, item);
		free(item);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

static void
json_value(FILE *f, const struct cli_col *c, const char *v)
{
	if (v == NULL || (c->type != CLI_STR && c->type != CLI_LIST &&
	    *v == '\0')) {
		fputs(c->type == CLI_LIST ? "[]" : "null", f);
		return;
	}
	switch (c->type) {
	case CLI_INT:
		fputs(v, f);
		break;
	case CLI_LIST:
		fputc('[', f);
		put_list(f, v, ",", cli_put_json_string);
		fputc(']', f);
		break;
	default:
		cli_put_json_string(f, v);
	}
}

void
cli_out_json_fields(struct cli_out *o, const char *const *v)
{
	int	i;

	for (i = 0; i < o->ncols; i++) {
		if (i)
			fputc(',', o->f);
		cli_put_json_string(o->f, o->cols[i].key);
		fputc(':', o->f);
		json_value(o->f, &o->cols[i], v[i]);
	}
}

void
cli_out_row(struct cli_out *o, const char *const *v)
{
	int		 i;
	const char	*s;
	char		 vn[11];
	struct ph_date	 d;

	switch (o->fmt) {
	case CLI_FMT_TSV:
		for (i = 0; i < o->ncols; i++) {
			if (i)
				fputc('\t', o->f);
			if (v[i] == NULL)
				continue;
			if (o->cols[i].type == CLI_LIST)
				put_list(o->f, v[i], "; ", cli_put_tsv);
			else
				cli_put_tsv(o->f, v[i]);
		}
		fputc('\n', o->f);
		break;
	case CLI_FMT_JSON:
		fputs(o->rows ? ",\n{" : "\n{", o->f);
		cli_out_json_fields(o, v);
		fputc('}', o->f);
		break;
	case CLI_FMT_TABLE:
		for (i = 0; i < o->ncols; i++) {
			int w = o->cols[i].width ? o->cols[i].width : o->flexw;
			s = v[i] != NULL ? v[i] : "";
			if (o->cols[i].type == CLI_DATE && *s != '\0' &&
			    ph_date_parse(s, &d, NULL) == PH_OK)
				s = ph_date_vn(d, vn);
			if (i)
				fputc(' ', o->f);
			if (o->cols[i].type == CLI_LIST) {
				char *j = ph_xstrdup(s), *p;
				for (p = j; *p; p++)
					if (*p == '\n')
						*p = ';';
				cli_put_cell(o->f, j, w, i < o->ncols - 1);
				free(j);
			} else
				cli_put_cell(o->f, s, w, i < o->ncols - 1);
		}
		fputc('\n', o->f);
		break;
	}
	o->rows++;
}

void
cli_out_end(struct cli_out *o)
{
	if (o->fmt == CLI_FMT_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->f);
}
