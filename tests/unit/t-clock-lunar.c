/*
 * t-clock-lunar.c -- the Vietnamese lunar calendar: every day of the range
 * converts both ways, Tết and Giỗ Tổ fall on the published days (UTC+7,
 * not the Chinese calendar), leap months are where they were, and dates
 * out of range or that do not exist are refused with a message naming
 * them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "tap.h"

static int	ncase;

static void
lunar_is(int ly, int lm, int ld, int leap, int y, int m, int d,
    const char *what)
{
	struct ph_lunar	l = { ly, lm, ld, leap }, back;
	struct ph_date	got = PH_DATE_NONE;
	struct ph_error	err;
	enum ph_status	s;
	int		good;

	err.msg[0] = '\0';
	s = ph_lunar_to_solar(&l, &got, &err);
	good = s == PH_OK && got.y == y && got.m == m && got.d == d;
	/* And back again: the solar date gives the same lunar date. */
	if (good) {
		s = ph_lunar_from_solar(got, &back, &err);
		good = s == PH_OK && back.year == ly && back.month == lm &&
		    back.day == ld && back.leap == leap;
	}
	ok(good, "t-clock-lunar.%d %s: %d/%d%s/%d lunar is %02d/%02d/%04d "
	    "(got %02d/%02d/%04d%s%s)", ++ncase, what, ld, lm,
	    leap ? " nhuận" : "", ly, d, m, y, got.d, got.m, got.y,
	    s == PH_OK ? "" : ": ", s == PH_OK ? "" : err.msg);
}

static void
tet_is(int y, int m, int d)
{
	lunar_is(y, 1, 1, 0, y, m, d, "Tết");
}

static void
refused_solar(struct ph_date d, const char *want, const char *what)
{
	struct ph_lunar	l;
	struct ph_error	err;
	enum ph_status	s;

	err.msg[0] = '\0';
	s = ph_lunar_from_solar(d, &l, &err);
	ok(s == PH_ERR_INVALID && strstr(err.msg, want) != NULL,
	    "t-clock-lunar.%d %s: refused, message names \"%s\" (\"%s\")",
	    ++ncase, what, want, err.msg);
}

static void
refused_lunar(int y, int m, int d, int leap, const char *want,
    const char *what)
{
	struct ph_lunar	l = { y, m, d, leap };
	struct ph_date	out = PH_DATE_NONE;
	struct ph_error	err;
	enum ph_status	s;

	err.msg[0] = '\0';
	s = ph_lunar_to_solar(&l, &out, &err);
	ok(s == PH_ERR_INVALID && strstr(err.msg, want) != NULL &&
	    !ph_date_is_set(out),
	    "t-clock-lunar.%d %s: refused, message names \"%s\" (\"%s\")",
	    ++ncase, what, want, err.msg);
}

int
main(void)
{
	struct ph_date	d, back;
	struct ph_lunar	l, prev = { 0, 0, 0, 0 };
	long		z, z0, z1, bad = 0, badstep = 0, months = 0;
	int		y, n, badyear = 0;
	char		where[64] = "";

	plan_lazy();

	/*
	 * Every day of the range there and back, and the lunar day moves
	 * on by one each day, or starts a month of 29 or 30 days at 1.
	 */
	z0 = ph_date_to_days(PH_LUNAR_FIRST);
	z1 = ph_date_to_days(PH_LUNAR_LAST);
	prev.day = 0;
	for (z = z0; z <= z1; z++) {
		d = ph_date_from_days(z);
		if (ph_lunar_from_solar(d, &l, NULL) != PH_OK ||
		    ph_lunar_to_solar(&l, &back, NULL) != PH_OK ||
		    ph_date_cmp(d, back) != 0) {
			if (bad++ == 0)
				ph_date_iso(d, where);
			continue;
		}
		if (prev.day != 0 && !(l.day == prev.day + 1 &&
		    l.month == prev.month && l.leap == prev.leap) &&
		    !(l.day == 1 && (prev.day == 29 || prev.day == 30) &&
		    prev.day == ph_lunar_month_days(prev.year, prev.month,
		    prev.leap)))
			badstep++;
		months += l.day == 1;
		prev = l;
	}
	ok(bad == 0, "t-clock-lunar.%d every day 01/01/1900..31/12/2199 "
	    "converts to lunar and back (%ld failed, first %s)", ++ncase, bad,
	    where);
	ok(badstep == 0, "t-clock-lunar.%d lunar days run 1..29 or 1..30 "
	    "without gaps (%ld bad steps)", ++ncase, badstep);
	for (y = 1900; y <= 2199; y++) {
		/* A lunar year has 12 months, or 13 with its leap month. */
		n = ph_lunar_leap_month(y);
		if (n < 0 || n > 12 || (n > 0 && ph_lunar_month_days(y, n,
		    1) == 0) || ph_lunar_month_days(y, 12, 0) == 0)
			badyear++;
	}
	ok(badyear == 0 && months > 3700, "t-clock-lunar.%d every lunar year "
	    "has months 1..12 and at most one leap month (%d bad, %ld months)",
	    ++ncase, badyear, months);

	/*
	 * Tết.  Vietnam reckons at UTC+7: 1985 and 2007 differ from China
	 * (20/02/1985, 18/02/2007).  1968 is the year of the change: the
	 * North, on UTC+7 already, kept Tết Mậu Thân on 29/01; the South,
	 * still on the old (UTC+8) calendar, on 30/01.  The rest are the
	 * published Vietnamese dates, which agree with China's.
	 */
	tet_is(1900, 1, 31);
	tet_is(1945, 2, 13);
	tet_is(1954, 2, 3);
	tet_is(1968, 1, 29);
	tet_is(1975, 2, 11);
	tet_is(1976, 1, 31);
	tet_is(1980, 2, 16);
	tet_is(1984, 2, 2);
	tet_is(1985, 1, 21);
	tet_is(1986, 2, 9);
	tet_is(1987, 1, 29);
	tet_is(1988, 2, 17);
	tet_is(1989, 2, 6);
	tet_is(1990, 1, 27);
	tet_is(1991, 2, 15);
	tet_is(1992, 2, 4);
	tet_is(1993, 1, 23);
	tet_is(1994, 2, 10);
	tet_is(1995, 1, 31);
	tet_is(1996, 2, 19);
	tet_is(1997, 2, 7);
	tet_is(1998, 1, 28);
	tet_is(1999, 2, 16);
	tet_is(2000, 2, 5);
	tet_is(2001, 1, 24);
	tet_is(2002, 2, 12);
	tet_is(2003, 2, 1);
	tet_is(2004, 1, 22);
	tet_is(2005, 2, 9);
	tet_is(2006, 1, 29);
	tet_is(2007, 2, 17);
	tet_is(2008, 2, 7);
	tet_is(2009, 1, 26);
	tet_is(2010, 2, 14);
	tet_is(2011, 2, 3);
	tet_is(2012, 1, 23);
	tet_is(2013, 2, 10);
	tet_is(2014, 1, 31);
	tet_is(2015, 2, 19);
	tet_is(2016, 2, 8);
	tet_is(2017, 1, 28);
	tet_is(2018, 2, 16);
	tet_is(2019, 2, 5);
	tet_is(2020, 1, 25);
	tet_is(2021, 2, 12);
	tet_is(2022, 2, 1);
	tet_is(2023, 1, 22);
	tet_is(2024, 2, 10);
	tet_is(2025, 1, 29);
	tet_is(2026, 2, 17);

	/* Giỗ Tổ Hùng Vương, 10/3 lunar. */
	lunar_is(2022, 3, 10, 0, 2022, 4, 10, "Giỗ Tổ 2022");
	lunar_is(2023, 3, 10, 0, 2023, 4, 29, "Giỗ Tổ 2023");
	lunar_is(2024, 3, 10, 0, 2024, 4, 18, "Giỗ Tổ 2024");
	lunar_is(2025, 3, 10, 0, 2025, 4, 7, "Giỗ Tổ 2025");
	lunar_is(2026, 3, 10, 0, 2026, 4, 26, "Giỗ Tổ 2026");

	/* The last day of the lunar year, the first of the Tết days. */
	lunar_is(2025, 12, 29, 0, 2026, 2, 16, "29 Tết Ất Tỵ");
	is_int(ph_lunar_month_days(2025, 12, 0), 29,
	    "t-clock-lunar.%d month 12 of 2025 has 29 days", ++ncase);

	/* Leap months. */
	is_int(ph_lunar_leap_month(2023), 2,
	    "t-clock-lunar.%d 2023 had tháng 2 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2020), 4,
	    "t-clock-lunar.%d 2020 had tháng 4 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2025), 6,
	    "t-clock-lunar.%d 2025 had tháng 6 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2017), 6,
	    "t-clock-lunar.%d 2017 had tháng 6 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2012), 4,
	    "t-clock-lunar.%d 2012 had tháng 4 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2014), 9,
	    "t-clock-lunar.%d 2014 had tháng 9 nhuận", ++ncase);
	is_int(ph_lunar_leap_month(2024), 0,
	    "t-clock-lunar.%d 2024 had no leap month", ++ncase);
	is_int(ph_lunar_leap_month(2026), 0,
	    "t-clock-lunar.%d 2026 has no leap month", ++ncase);
	lunar_is(2023, 2, 1, 1, 2023, 3, 22, "tháng 2 nhuận 2023 begins");
	lunar_is(2025, 6, 1, 1, 2025, 7, 25, "tháng 6 nhuận 2025 begins");
	is_int(ph_lunar_leap_month(1899), -1,
	    "t-clock-lunar.%d leap month of 1899: out of range", ++ncase);
	is_int(ph_lunar_leap_month(2200), -1,
	    "t-clock-lunar.%d leap month of 2200: out of range", ++ncase);

	/* The ends of the range. */
	d = (struct ph_date){ 1900, 1, 1 };
	ok(ph_lunar_from_solar(d, &l, NULL) == PH_OK && l.year == 1899 &&
	    l.month == 12 && l.day == 1, "t-clock-lunar.%d 01/01/1900 is "
	    "1/12/1899 lunar (got %d/%d/%d)", ++ncase, l.day, l.month, l.year);
	d = (struct ph_date){ 2199, 12, 31 };
	ok(ph_lunar_from_solar(d, &l, NULL) == PH_OK && l.year == 2199,
	    "t-clock-lunar.%d 31/12/2199 converts", ++ncase);
	refused_solar((struct ph_date){ 1899, 12, 31 }, "01/01/1900",
	    "31/12/1899 is before the range");
	refused_solar((struct ph_date){ 1899, 12, 31 }, "31/12/1899",
	    "31/12/1899 is named");
	refused_solar((struct ph_date){ 2200, 1, 1 }, "31/12/2199",
	    "01/01/2200 is after the range");
	refused_solar((struct ph_date){ 2026, 2, 30 }, "30/02/2026",
	    "30/02/2026 does not exist");
	refused_lunar(1899, 1, 1, 0, "1/1/1899",
	    "Tết 1899 is before the range");
	refused_lunar(2200, 12, 1, 0, "31/12/2199",
	    "month 12 of 2200 is after the range");

	/* Lunar dates that do not exist. */
	refused_lunar(2025, 12, 30, 0, "30/12/2025",
	    "30 Tết Ất Tỵ: month 12 of 2025 has 29 days");
	refused_lunar(2025, 12, 30, 0, "29 days",
	    "the message gives the length of the month");
	refused_lunar(2024, 2, 1, 1, "2024",
	    "2024 has no leap month");
	refused_lunar(2025, 5, 1, 1, "month 6",
	    "2025's leap month is 6, not 5");
	refused_lunar(2026, 13, 1, 0, "1/13/2026", "month 13");
	refused_lunar(2026, 0, 1, 0, "1/0/2026", "month 0");
	refused_lunar(2026, 1, 0, 0, "0/1/2026", "day 0");
	refused_lunar(2026, 1, 31, 0, "31/1/2026", "day 31");
	is_int(ph_lunar_month_days(2024, 2, 1), 0,
	    "t-clock-lunar.%d no leap month 2 in 2024: 0 days", ++ncase);
	is_int(ph_lunar_month_days(2023, 2, 1), 29,
	    "t-clock-lunar.%d tháng 2 nhuận 2023 has 29 days", ++ncase);

	return done();
}
