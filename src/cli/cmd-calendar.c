/*
 * cmd-calendar.c -- "phoihop calendar": lunar dates, working days, the
 * year's days off and the wall calendar of a month.
 *
 * Needs no database: the calendar is the data directory's holiday files
 * and the Labour Code's rules.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intl.h"

static int cmd_calendar(struct cli_ctx *, int, char **);

const struct cli_cmd cmd_calendar_entry = {
	"calendar",
	N_("lunar dates, working days, days off, a month's calendar"),
	N_("Usage: phoihop calendar lunar DATE [--format table|tsv|json]\n"
	   "       phoihop calendar solar YEAR-MONTH-DAY [--leap] [--format F]\n"
	   "       phoihop calendar add-workdays DATE N [--format F]\n"
	   "       phoihop calendar workdays FROM TO\n"
	   "       phoihop calendar is-workday DATE [--format F]\n"
	   "       phoihop calendar holidays YEAR [--format F]\n"
	   "       phoihop calendar month YYYY-MM\n"
	   "A period of N working days starts the day after DATE.\n"),
	cmd_calendar,
};

static const char *const stems[] = { "Giáp", "Ất", "Bính", "Đinh", "Mậu",
    "Kỷ", "Canh", "Tân", "Nhâm", "Quý" };
static const char *const branches[] = { "Tý", "Sửu", "Dần", "Mão", "Thìn",
    "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi" };
static const char *const weekdays[] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };

struct cal_args {
	enum cli_format	fmt;
	int		leap;
	int		seen_format;
};

static int
cal_opt(int c, const char *v, void *arg)
{
	struct cal_args	*a = arg;

	if (c == 'f') {
		a->seen_format = 1;
		if (cli_format_arg(v, &a->fmt) != CLI_OK)
			return CLI_ERROR;
	} else if (c == 'l')
		a->leap = 1;
	return CLI_OK;
}

static int
need_date(const char *s, struct ph_date *d)
{
	struct ph_error	err;

	if (ph_date_parse(s, d, &err) != PH_OK)
		return cli_fail(&err);
	return CLI_OK;
}

static int
do_lunar(struct cal_args *a, const char *arg)
{
	struct ph_date	d;
	struct ph_lunar	l;
	struct ph_error	err;
	struct cli_out	o;
	char		iso[11], y[12], m[4], dd[4], leap[2], vn[11];
	static const struct cli_col cols[] = {
		{ "solar", N_("Solar"), 10, CLI_DATE },
		{ "lunar_year", N_("Lunar year"), 10, CLI_INT },
		{ "lunar_month", N_("Month"), 6, CLI_INT },
		{ "lunar_day", N_("Day"), 4, CLI_INT },
		{ "leap", N_("Leap"), 4, CLI_INT },
	};

	if (need_date(arg, &d) != CLI_OK)
		return CLI_ERROR;
	if (ph_lunar_from_solar(d, &l, &err) != PH_OK)
		return cli_fail(&err);
	if (a->fmt == CLI_FMT_TABLE) {
		printf(_("%s (%s): day %d, month %d%s, year %s %s (lunar %d)\n"),
		    ph_date_vn(d, vn), _(weekdays[ph_date_weekday(d)]), l.day,
		    l.month, l.leap ? _(" (leap)") : "",
		    stems[((l.year + 6) % 10 + 10) % 10],
		    branches[((l.year + 8) % 12 + 12) % 12], l.year);
		return CLI_OK;
	}
	snprintf(y, sizeof y, "%d", l.year);
	snprintf(m, sizeof m, "%d", l.month);
	snprintf(dd, sizeof dd, "%d", l.day);
	snprintf(leap, sizeof leap, "%d", l.leap);
	cli_out_begin(&o, stdout, a->fmt, cols, 5);
	{
		const char *v[] = { ph_date_iso(d, iso), y, m, dd, leap };
		cli_out_row(&o, v);
	}
	cli_out_end(&o);
	return CLI_OK;
}

static int
do_solar(struct cal_args *a, const char *arg)
{
	struct ph_lunar	l;
	struct ph_date	d;
	struct ph_error	err;
	char		iso[11], vn[11], tail;

	memset(&l, 0, sizeof l);
	if (sscanf(arg, "%d-%d-%d%c", &l.year, &l.month, &l.day, &tail) != 3)
		return cli_value_error(
		    _("not a lunar date: \"%s\" (write YEAR-MONTH-DAY)"), arg);
	l.leap = a->leap;
	if (ph_lunar_to_solar(&l, &d, &err) != PH_OK)
		return cli_fail(&err);
	if (a->fmt == CLI_FMT_TABLE)
		printf("%s (%s)\n", ph_date_vn(d, vn),
		    _(weekdays[ph_date_weekday(d)]));
	else if (a->fmt == CLI_FMT_TSV)
		printf("solar\n%s\n", ph_date_iso(d, iso));
	else
		printf("{\"solar\":\"%s\"}\n", ph_date_iso(d, iso));
	return CLI_OK;
}

static void
print_date(enum cli_format fmt, const char *key, struct ph_date d)
{
	char	buf[11];

	if (fmt == CLI_FMT_TABLE)
		printf("%s (%s)\n", ph_date_vn(d, buf),
		    _(weekdays[ph_date_weekday(d)]));
	else if (fmt == CLI_FMT_TSV)
		printf("%s\n%s\n", key, ph_date_iso(d, buf));
	else
		printf("{\"%s\":\"%s\"}\n", key, ph_date_iso(d, buf));
}

struct hol_print {
	struct cli_out	out;
	int		off_only;
};

static int
hol_row(const struct ph_holiday *h, void *arg)
{
	struct hol_print	*p = arg;
	char			 iso[11];

	if (p->off_only && h->kind != PH_DAY_OFF)
		return 0;
	{
		const char *v[] = { ph_date_iso(h->date, iso), h->name };
		cli_out_row(&p->out, v);
	}
	return 0;
}

/* The wall calendar: weeks from Monday, each day with its lunar day
 * (the month's number on day 1 of a lunar month), days off marked '*',
 * make-up Saturdays '+'; the days off named below the grid. */
static int
do_month(struct ph_calendar *cal, const char *arg)
{
	static const char *const heads[] = { N_("Mon"), N_("Tue"), N_("Wed"),
	    N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
	struct ph_error	 err;
	struct ph_lunar	 l;
	int		 y, m, d, n, wd, i;
	char		 tail, cell[16];
	const struct ph_holiday *h;

	if (sscanf(arg, "%d-%d%c", &y, &m, &tail) != 2 || m < 1 || m > 12 ||
	    y < 1900 || y > 2199)
		return cli_value_error(_("not a month: \"%s\" (write YYYY-MM)"),
		    arg);
	n = ph_date_days_in_month(y, m);
	printf(_("Month %02d/%d\n"), m, y);
	for (i = 0; i < 7; i++) {
		cli_put_cell(stdout, _(heads[i]), 9, 1);
		fputc(i < 6 ? ' ' : '\n', stdout);
	}
	wd = (ph_date_weekday((struct ph_date){ y, m, 1 }) + 6) % 7;
	for (i = 0; i < wd; i++)
		printf("%-9s ", "");
	for (d = 1; d <= n; d++) {
		struct ph_date day = { y, m, d };
		if (ph_lunar_from_solar(day, &l, &err) != PH_OK)
			return cli_fail(&err);
		h = ph_calendar_day(cal, day);
		if (l.day == 1)
			snprintf(cell, sizeof cell, "%2d %s%d/%d%s", d,
			    "", l.day, l.month, l.leap ? "n" : "");
		else
			snprintf(cell, sizeof cell, "%2d %s%d", d, "", l.day);
		if (h != NULL)
			strncat(cell, h->kind == PH_DAY_OFF ? "*" : "+",
			    sizeof cell - strlen(cell) - 1);
		printf("%-9s", cell);
		fputc(++wd % 7 == 0 ? '\n' : ' ', stdout);
	}
	if (wd % 7 != 0)
		fputc('\n', stdout);
	printf(_("(small numbers: lunar days; * day off, + make-up working day)\n"));
	for (d = 1; d <= n; d++) {
		struct ph_date day = { y, m, d };
		char vn[11];
		if ((h = ph_calendar_day(cal, day)) == NULL)
			continue;
		printf("%s %s ", ph_date_vn(day, vn),
		    h->kind == PH_DAY_OFF ? "*" : "+");
		cli_put_safe(stdout, h->name, 0);
		if (h->uncertain)
			printf(" %s", _("(not confirmed)"));
		fputc('\n', stdout);
	}
	return CLI_OK;
}

static int
cmd_calendar(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "leap", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct { const char *name; int nargs; } subs[] = {
		{ "lunar", 1 }, { "solar", 1 }, { "add-workdays", 2 },
		{ "workdays", 2 }, { "is-workday", 1 }, { "holidays", 1 },
		{ "month", 1 },
	};
	struct cal_args		 a = { CLI_FMT_TABLE, 0, 0 };
	struct ph_calendar	*cal;
	struct ph_error		 err;
	struct ph_date		 d1, d2, out;
	const char		*sub;
	char			**pos;
	size_t			 i;
	int			 first, rc;
	long			 n;

	if (argc < 2)
		return cli_usage_error(&cmd_calendar_entry,
		    _("which subcommand?"));
	sub = argv[1];
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(sub, subs[i].name) == 0)
			break;
	if (i == sizeof subs / sizeof subs[0])
		return cli_usage_error(&cmd_calendar_entry,
		    _("unknown subcommand \"%s\""), sub);
	if ((first = cli_getopt(&cmd_calendar_entry, argc - 1, argv + 1, opts,
	    cal_opt, &a, &rc)) < 0)
		return rc;
	if (argc - 1 - first != subs[i].nargs)
		return cli_usage_error(&cmd_calendar_entry,
		    _("\"calendar %s\" takes %d argument(s)"), sub,
		    subs[i].nargs);
	pos = argv + 1 + first;
	if (a.leap && strcmp(sub, "solar") != 0)
		return cli_usage_error(&cmd_calendar_entry,
		    _("--%s does not go with \"calendar %s\""), "leap", sub);
	if (a.seen_format && (strcmp(sub, "month") == 0 ||
	    strcmp(sub, "workdays") == 0))
		return cli_usage_error(&cmd_calendar_entry,
		    _("--%s does not go with \"calendar %s\""), "format", sub);
	if (strcmp(sub, "lunar") == 0)
		return do_lunar(&a, pos[0]);
	if (strcmp(sub, "solar") == 0)
		return do_solar(&a, pos[0]);
	if (cli_calendar(ctx, &cal, &err) != PH_OK)
		return cli_fail(&err);
	if (strcmp(sub, "month") == 0)
		return do_month(cal, pos[0]);
	if (strcmp(sub, "holidays") == 0) {
		static const struct cli_col cols[] = {
			{ "date", N_("Date"), 10, CLI_DATE },
			{ "name", N_("Day off"), 0, CLI_STR },
		};
		struct hol_print p;
		if (cli_parse_long(pos[0], 1900, 2199, &n, _("year")) != 0)
			return CLI_ERROR;
		p.off_only = 1;
		cli_out_begin(&p.out, stdout, a.fmt, cols, 2);
		if (ph_calendar_holidays(cal, (int)n, hol_row, &p, &err) !=
		    PH_OK)
			return cli_fail(&err);
		cli_out_end(&p.out);
		return CLI_OK;
	}
	if (need_date(pos[0], &d1) != CLI_OK)
		return CLI_ERROR;
	if (strcmp(sub, "add-workdays") == 0) {
		if (cli_parse_long(pos[1], 0, 100000, &n,
		    _("number of working days")) != 0)
			return CLI_ERROR;
		if (ph_calendar_add_workdays(cal, d1, (int)n, &out, &err) !=
		    PH_OK)
			return cli_fail(&err);
		print_date(a.fmt, "date", out);
		return CLI_OK;
	}
	if (strcmp(sub, "workdays") == 0) {
		if (need_date(pos[1], &d2) != CLI_OK)
			return CLI_ERROR;
		printf("%ld\n", ph_calendar_workdays(cal, d1, d2));
		return CLI_OK;
	}
	/* is-workday */
	{
		const struct ph_holiday *h = ph_calendar_day(cal, d1);
		int work = ph_calendar_is_workday(cal, d1);
		char iso[11], vn[11];
		if (a.fmt == CLI_FMT_TSV) {
			printf("date\tworkday\tname\n%s\t%d\t",
			    ph_date_iso(d1, iso), work);
			cli_put_tsv(stdout, h ? h->name : "");
			fputc('\n', stdout);
		}
		else if (a.fmt == CLI_FMT_JSON) {
			printf("{\"date\":\"%s\",\"workday\":%s,\"name\":",
			    ph_date_iso(d1, iso), work ? "true" : "false");
			if (h != NULL)
				cli_put_json_string(stdout, h->name);
			else
				fputs("null", stdout);
			fputs("}\n", stdout);
		} else {
			printf(work ? _("%s (%s) is a working day") :
			    _("%s (%s) is not a working day"),
			    ph_date_vn(d1, vn), _(weekdays[ph_date_weekday(d1)]));
			if (h != NULL) {
				fputs(": ", stdout);
				cli_put_safe(stdout, h->name, 0);
			}
			fputc('\n', stdout);
		}
		return CLI_OK;
	}
}
