/*
 * t-date.c -- dates in and out: the three input forms, impossible dates
 * named in the error, ISO and dd/mm/yyyy output, day arithmetic.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "tap.h"

static void
parses(const char *in, int y, int m, int d, const char *name)
{
	struct ph_date	got;
	struct ph_error	err;
	enum ph_status	s = ph_date_parse(in, &got, &err);

	ok(s == PH_OK && got.y == y && got.m == m && got.d == d,
	    "%s: \"%s\" -> %04d-%02d-%02d", name, in, y, m, d);
}

static void
refuses(const char *in, const char *name)
{
	struct ph_date	got;
	struct ph_error	err;
	enum ph_status	s = ph_date_parse(in, &got, &err);

	ok(s == PH_ERR_INVALID && strstr(err.msg, in) != NULL &&
	    !ph_date_is_set(got), "%s: \"%s\" refused, named in \"%s\"", name,
	    in, s == PH_OK ? "" : err.msg);
}

int
main(void)
{
	char		buf[32];
	struct ph_date	d;
	long		n;
	int		i, okrt;

	plan_lazy();
	parses("2026-05-06", 2026, 5, 6, "t-date.1 ISO");
	parses("06/05/2026", 2026, 5, 6, "t-date.2 dd/mm/yyyy");
	parses("6/5/2026", 2026, 5, 6, "t-date.3 d/m/yyyy");
	parses("29/02/2024", 2024, 2, 29, "t-date.4 leap day");
	parses(" 1/1/2026 ", 2026, 1, 1, "t-date.5 spaces around");
	parses("31.12.2025", 2025, 12, 31, "t-date.6 dots");
	parses("31-12-2025", 2025, 12, 31, "t-date.7 dashes, day first");
	parses("29/02/2000", 2000, 2, 29, "t-date.8 leap century");
	refuses("31/02/2026", "t-date.9 31 February");
	refuses("29/02/2026", "t-date.10 29 February of a common year");
	refuses("29/02/1900", "t-date.11 1900 was not leap");
	refuses("2026-13-01", "t-date.12 month 13");
	refuses("2026-00-10", "t-date.13 month 0");
	refuses("00/01/2026", "t-date.14 day 0");
	refuses("32/01/2026", "t-date.15 day 32");
	refuses("2026/05/06", "t-date.16 year first with slashes");
	refuses("6/5/26", "t-date.17 two-digit year");
	refuses("hôm nay", "t-date.18 words");
	refuses("", "t-date.19 empty");
	refuses("2026-05-06x", "t-date.20 trailing junk");
	refuses("6/5-2026", "t-date.21 mixed separators");
	refuses("06/05/20261", "t-date.22 five-digit year");

	d = (struct ph_date){ 2026, 5, 6 };
	is_str(ph_date_iso(d, buf), "2026-05-06", "t-date.23 ISO output");
	is_str(ph_date_vn(d, buf), "06/05/2026", "t-date.24 dd/mm/yyyy output");
	is_str(ph_date_iso(PH_DATE_NONE, buf), "", "t-date.25 no date is empty");
	is_int(ph_date_weekday((struct ph_date){ 2026, 2, 17 }), 2,
	    "t-date.26 Tết 2026 (17/02/2026) is a Tuesday");
	is_int(ph_date_weekday((struct ph_date){ 1970, 1, 1 }), 4,
	    "t-date.27 1970-01-01 is a Thursday");
	is_int(ph_date_to_days((struct ph_date){ 1970, 1, 1 }), 0,
	    "t-date.28 day zero");
	is_int(ph_date_to_days((struct ph_date){ 2000, 3, 1 }), 11017,
	    "t-date.29 2000-03-01");
	n = ph_date_to_days((struct ph_date){ 1900, 1, 1 });
	okrt = 1;
	for (i = 0; i < 110000; i++) {
		struct ph_date a = ph_date_from_days(n + i);
		if (ph_date_to_days(a) != n + i ||
		    !ph_date_valid(a.y, a.m, a.d))
			okrt = 0;
	}
	ok(okrt, "t-date.30 days <-> dates round trip 1900..2201");
	ok(ph_date_cmp((struct ph_date){ 2026, 1, 2 },
	    (struct ph_date){ 2025, 12, 31 }) > 0, "t-date.31 compare");
	is_int(ph_date_days_in_month(2024, 2), 29, "t-date.32 Feb 2024");
	is_int(ph_date_days_in_month(2026, 4), 30, "t-date.33 Apr");

	setenv("PHOIHOP_NOW", "2026-11-20T09:30:00", 1);
	d = ph_today();
	ok(d.y == 2026 && d.m == 11 && d.d == 20,
	    "t-date.34 PHOIHOP_NOW pins today");
	setenv("PHOIHOP_NOW", "2026-02-30", 1);
	d = ph_today();
	ok(!(d.y == 2026 && d.m == 2 && d.d == 30),
	    "t-date.35 an impossible PHOIHOP_NOW is ignored");
	return done();
}
