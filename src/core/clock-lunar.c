/*
 * clock-lunar.c -- the Vietnamese lunar calendar (âm lịch), computed.
 *
 * The astronomical method as Hồ Ngọc Đức describes it, in the time zone
 * of Vietnam (UTC+7):
 *
 *  - A month begins on the day in which a new moon falls.  New moons come
 *    from Meeus' series for the k-th new moon after that of January 1900.
 *  - The sun's longitude at the start of a day tells which of the twelve
 *    major solar terms (trung khí, multiples of 30 degrees) it has passed.
 *  - Month 11 is the month that contains the winter solstice (270 degrees).
 *  - When 13 months lie between two months 11, the first month after month
 *    11 in which the sun enters no major term is the leap month (tháng
 *    nhuận); it repeats the number of the month before it.
 *
 * The time zone is why Vietnam and China sometimes keep Tết on different
 * days (1985: 21/01 here, 20/02 there; 2007: 17/02 here, 18/02 there).
 *
 * The whole range (1900-01-01 .. 2199-12-31, about 3,700 months) is worked
 * out on first use into a static table, then every conversion is a binary
 * search: the holiday rules ask for a few dates a year, the tests for every
 * day.  The first call is therefore not thread-safe.  This file knows
 * nothing of holidays (clock-holiday.c), reads no file, prints nothing.
 * Exported: ph_lunar_from_solar(), ph_lunar_to_solar(),
 * ph_lunar_leap_month(), ph_lunar_month_days().
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>

#include "clock.h"
#include "intl.h"

/*
 * Vietnam's lunar calendar is reckoned at UTC+7.  The North changed to it
 * from the Chinese (UTC+8) reckoning in 1968, which is why Tết Mậu Thân
 * was 29/01/1968 there and 30/01 in the South.  Years before that are
 * given as UTC+7 makes them, which is not always what was kept then.
 */
#define TZ_DAYS		(7.0 / 24.0)

/* Mean length of a lunation in days, and the Julian date of new moon
 * k = 0 (1 January 1900, about 13:51 UT), from which k is counted. */
#define SYNODIC		29.530588853
#define NEW_MOON_0	2415021.076998695

/* Julian day number of 1970-01-01, the day zero of date.c. */
#define JDN_1970	2440588L

/*
 * The table runs from month 11 of lunar year 1899 (it holds 1900-01-01)
 * to month 11 of lunar year 2200 (which starts after 2199-12-31), whose
 * first day closes it.  301 years of 12.37 months: 3,724 months; the scan
 * looks a few months further on both sides.
 */
#define SCAN_FIRST	((struct ph_date){ 1899, 9, 1 })
#define SCAN_LAST	((struct ph_date){ 2201, 3, 1 })
#define SCAN_MAX	3800
#define LUNAR_YEAR_MIN	1900
#define LUNAR_YEAR_MAX	2199

struct lmonth {
	long	start;		/* first day, in days since 1970-01-01 */
	int	year;
	int	month;
	int	leap;
};

/* months[nmonths].start is the day after the last month: the sentinel. */
static struct lmonth	months[SCAN_MAX + 1];
static size_t		nmonths;

static double
rad(double deg)
{
	return deg * (M_PI / 180.0);
}

/*
 * Julian date (UT) of the K-th new moon after that of January 1900, by
 * Meeus' series (Astronomical Formulae for Calculators): a mean phase
 * corrected by the periodic terms of the sun's and moon's anomalies and
 * the moon's argument of latitude, less ΔT.  Good to a few minutes, which
 * is what a day boundary needs.
 */
static double
new_moon(long kl)
{
	double	k = (double)kl;
	double	t = k / 1236.85;	/* Julian centuries from 1900 */
	double	t2 = t * t, t3 = t2 * t;
	double	jd, m, mp, f, c, dt;

	jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 -
	    0.000000155 * t3;
	jd += 0.00033 * sin(rad(166.56 + 132.87 * t - 0.009173 * t2));
	m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
	mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
	f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

	c = (0.1734 - 0.000393 * t) * sin(rad(m)) + 0.0021 * sin(rad(2 * m));
	c += -0.4068 * sin(rad(mp)) + 0.0161 * sin(rad(2 * mp));
	c += -0.0004 * sin(rad(3 * mp));
	c += 0.0104 * sin(rad(2 * f)) - 0.0051 * sin(rad(m + mp));
	c += -0.0074 * sin(rad(m - mp)) + 0.0004 * sin(rad(2 * f + m));
	c += -0.0004 * sin(rad(2 * f - m)) - 0.0006 * sin(rad(2 * f + mp));
	c += 0.0010 * sin(rad(2 * f - mp)) + 0.0005 * sin(rad(2 * mp + m));

	/* ΔT (dynamical minus universal time) in days, two fitted pieces. */
	if (t < -11)
		dt = 0.001 + 0.000839 * t + 0.0002261 * t2 -
		    0.00000845 * t3 - 0.000000081 * t * t3;
	else
		dt = -0.000278 + 0.000265 * t + 0.000262 * t2;
	return jd + c - dt;
}

/* The day (days since 1970, UTC+7) in which new moon K falls. */
static long
new_moon_day(long k)
{
	return (long)floor(new_moon(k) + 0.5 + TZ_DAYS) - JDN_1970;
}

/* The sun's apparent longitude in degrees [0, 360) at Julian date JD:
 * mean longitude plus the equation of centre. */
static double
sun_longitude(double jd)
{
	double	t = (jd - 2451545.0) / 36525;	/* centuries from J2000 */
	double	t2 = t * t;
	double	m, l0, dl, l;

	m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 -
	    0.00000048 * t * t2;
	l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(rad(m)) +
	    (0.019993 - 0.000101 * t) * sin(rad(2 * m)) +
	    0.000290 * sin(rad(3 * m));
	l = fmod(l0 + dl, 360.0);
	return l < 0 ? l + 360.0 : l;
}

/*
 * Which 30-degree sector the sun is in at local midnight starting DAY
 * (days since 1970): 0 from the March equinox, 9 from the winter solstice.
 * Two months that start in the same sector mean the first of them holds
 * no major term.
 */
static int
sector(long day)
{
	double	jd = (double)(day + JDN_1970) - 0.5 - TZ_DAYS;

	return (int)floor(sun_longitude(jd) / 30.0) % 12;
}

/* Fill months[] for the whole range; see the file header for the rules. */
static void
lunar_init(void)
{
	static long	day[SCAN_MAX + 1];
	static int	sec[SCAN_MAX + 1];
	static size_t	m11[SCAN_MAX / 12 + 2];
	long		kfirst, klast;
	size_t		n, i, j, nm11, span, leapj;
	int		num, y;

	if (nmonths != 0)
		return;
	kfirst = (long)floor(((double)(ph_date_to_days(SCAN_FIRST) +
	    JDN_1970) - NEW_MOON_0) / SYNODIC);
	klast = (long)floor(((double)(ph_date_to_days(SCAN_LAST) +
	    JDN_1970) - NEW_MOON_0) / SYNODIC);
	n = (size_t)(klast - kfirst + 1);
	assert(n <= SCAN_MAX + 1);
	for (i = 0; i < n; i++) {
		day[i] = new_moon_day(kfirst + (long)i);
		sec[i] = sector(day[i]);
	}

	/*
	 * Month 11 starts before the sun reaches 270 degrees and the next
	 * month after it.  Near perihelion a 30-day month can span two
	 * sectors, so test "before 9" and "9 or after", not "8 then 9".
	 */
	nm11 = 0;
	for (i = 0; i + 1 < n; i++) {
		if (sec[i] >= 6 && sec[i] <= 8 && sec[i + 1] >= 9 &&
		    sec[i + 1] <= 11)
			m11[nm11++] = i;
	}
	assert(nm11 >= 2);

	for (i = 0; i + 1 < nm11; i++) {
		span = m11[i + 1] - m11[i];
		assert(span == 12 || span == 13);
		leapj = 0;
		if (span == 13) {
			/* There are 12 major terms for 13 months: at least
			 * one month has none, and never month 11 itself. */
			for (j = 1; j < span; j++) {
				if (sec[m11[i] + j] == sec[m11[i] + j + 1]) {
					leapj = j;
					break;
				}
			}
			assert(leapj != 0);
		}
		/* The year in whose Nov/Dec the closing month 11 starts. */
		y = ph_date_from_days(day[m11[i + 1]]).y;
		for (j = 0; j < span; j++) {
			struct lmonth	*lm = &months[nmonths++];

			num = 11 + (int)j - (leapj != 0 && j >= leapj);
			if (num > 12)
				num -= 12;
			lm->start = day[m11[i] + j];
			lm->month = num;
			lm->leap = leapj != 0 && j == leapj;
			/* Months 11 and 12 (and a leap 11 or 12) before Tết
			 * belong to the year before. */
			lm->year = num >= 11 && j < 4 ? y - 1 : y;
		}
	}
	months[nmonths].start = day[m11[nm11 - 1]];
	assert(months[0].start <= ph_date_to_days(PH_LUNAR_FIRST));
	assert(months[nmonths].start > ph_date_to_days(PH_LUNAR_LAST));
}

/* Index of the month holding day Z (days since 1970), Z in range. */
static size_t
find_day(long z)
{
	size_t	lo = 0, hi = nmonths, mid;

	/* Invariant: months[lo].start <= z < months[hi].start. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (months[mid].start <= z)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Index of month M (LEAP) of lunar year Y, or -1. */
static long
find_month(int y, int m, int leap)
{
	long	key = ((long)y * 13 + m) * 2 + (leap != 0), k;
	size_t	lo = 0, hi = nmonths, mid;

	/* Months run in (year, number, leap after plain) order. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		k = ((long)months[mid].year * 13 + months[mid].month) * 2 +
		    months[mid].leap;
		if (k == key)
			return (long)mid;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
in_range(long z)
{
	return z >= ph_date_to_days(PH_LUNAR_FIRST) &&
	    z <= ph_date_to_days(PH_LUNAR_LAST);
}

/* "30/2/2023", or "30/2/2023 (leap month)", for messages. */
static const char *
lunar_str(const struct ph_lunar *l, char *buf, size_t size)
{
	if (l->leap)
		snprintf(buf, size, "%d/%d/%d (%s)", l->day, l->month, l->year,
		    _("leap month"));
	else
		snprintf(buf, size, "%d/%d/%d", l->day, l->month, l->year);
	return buf;
}

enum ph_status
ph_lunar_from_solar(struct ph_date d, struct ph_lunar *out,
    struct ph_error *err)
{
	char	b0[16], b1[16], b2[16];
	long	z;
	size_t	i;

	if (!ph_date_valid(d.y, d.m, d.d)) {
		snprintf(b0, sizeof b0, "%02d/%02d/%04d", d.d, d.m, d.y);
		return ph_error_set(err, PH_ERR_INVALID, _("no such date: %s"),
		    b0);
	}
	z = ph_date_to_days(d);
	if (!in_range(z))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s is outside the lunar calendar's range, %s to %s"),
		    ph_date_vn(d, b0), ph_date_vn(PH_LUNAR_FIRST, b1),
		    ph_date_vn(PH_LUNAR_LAST, b2));
	lunar_init();
	i = find_day(z);
	out->year = months[i].year;
	out->month = months[i].month;
	out->leap = months[i].leap;
	out->day = (int)(z - months[i].start) + 1;
	return PH_OK;
}

enum ph_status
ph_lunar_to_solar(const struct ph_lunar *l, struct ph_date *out,
    struct ph_error *err)
{
	char	lb[64], b1[16], b2[16];
	long	i, z;
	int	len, leapm;

	lunar_init();
	lunar_str(l, lb, sizeof lb);
	if (l->year < LUNAR_YEAR_MIN - 1 || l->year > LUNAR_YEAR_MAX + 1)
		goto range;
	if (l->month < 1 || l->month > 12)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("no such lunar date: %s: months run from 1 to 12"), lb);
	if (l->day < 1 || l->day > 30)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("no such lunar date: %s: days run from 1 to 30"), lb);
	if ((i = find_month(l->year, l->month, l->leap)) == -1) {
		/* Every month of 1900..2199 is in the table; of 1899 and
		 * 2200 only those that touch the range. */
		if (l->year < LUNAR_YEAR_MIN || l->year > LUNAR_YEAR_MAX)
			goto range;
		leapm = ph_lunar_leap_month(l->year);
		if (leapm == 0)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("no such lunar date: %s: lunar year %d has no "
			    "leap month"), lb, l->year);
		return ph_error_set(err, PH_ERR_INVALID,
		    _("no such lunar date: %s: the leap month of lunar year "
		    "%d is month %d"), lb, l->year, leapm);
	}
	len = (int)(months[i + 1].start - months[i].start);
	if (l->day > len)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("no such lunar date: %s: that month has %d days"), lb,
		    len);
	z = months[i].start + l->day - 1;
	if (!in_range(z))
		goto range;
	*out = ph_date_from_days(z);
	return PH_OK;
range:
	return ph_error_set(err, PH_ERR_INVALID,
	    _("lunar date %s is outside the calendar's range, %s to %s"), lb,
	    ph_date_vn(PH_LUNAR_FIRST, b1), ph_date_vn(PH_LUNAR_LAST, b2));
}

int
ph_lunar_leap_month(int y)
{
	long	i;

	if (y < LUNAR_YEAR_MIN || y > LUNAR_YEAR_MAX)
		return -1;
	lunar_init();
	/* A leap month follows the plain month of the same number. */
	for (i = find_month(y, 1, 0); i < (long)nmonths &&
	    months[i].year == y; i++) {
		if (months[i].leap)
			return months[i].month;
	}
	return 0;
}

int
ph_lunar_month_days(int y, int m, int leap)
{
	long	i;

	if (y < LUNAR_YEAR_MIN - 1 || y > LUNAR_YEAR_MAX + 1)
		return 0;
	lunar_init();
	if ((i = find_month(y, m, leap)) == -1)
		return 0;
	return (int)(months[i + 1].start - months[i].start);
}
