/*
 * clock-workday.c -- counting in working days: is a day one, the day N
 * working days after another, how many lie between two dates, the last
 * one on or before a day.
 *
 * A period counts the Vietnamese way: it starts on the day after the event
 * that triggers it, so the day of the event is never counted, and a period
 * in working days skips every day off on the way (Civil Code 2015, art.
 * 147-148).  Which days are off is clock-holiday.c's business; this file
 * walks the per-year bitmaps it makes (one bit a day, made on first use of
 * a year), so a 5-day period costs a handful of bit tests and a million of
 * them well under a second.
 *
 * Outside 1900..2199, where there is no calendar, the functions that
 * cannot fail (is_workday, workdays, workday_on_or_before) count only
 * Saturdays and Sundays as days off; add_workdays refuses.  No output, no
 * files.  Exported: ph_calendar_is_workday(), ph_calendar_add_workdays(),
 * ph_calendar_workdays(), ph_calendar_workday_on_or_before().
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "clock.h"
#include "clock-private.h"
#include "intl.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2199


/* A position in the calendar, kept with its year's bitmap so that walking
 * day by day costs no date conversion. */
struct cursor {
	struct ph_calendar	*cal;
	int			 y;
	long			 jan1;		/* day number of 1 January */
	long			 len;		/* days in the year */
	long			 doy;		/* 0 = 1 January */
	const uint64_t		*bits;
};

static long
jan1_of(int y)
{
	return ph_date_to_days((struct ph_date){ y, 1, 1 });
}

static int
weekday_z(long z)
{
	/* 1970-01-01 was a Thursday (4); 0 = Sunday. */
	return (int)(((z % 7) + 7 + 4) % 7);
}

static int
in_range(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

static void
cursor_year(struct cursor *c, int y)
{
	c->y = y;
	c->jan1 = jan1_of(y);
	c->len = jan1_of(y + 1) - c->jan1;
	c->bits = ph_calendar_workbits(c->cal, y);
}

static void
cursor_init(struct cursor *c, struct ph_calendar *cal, struct ph_date d)
{
	c->cal = cal;
	cursor_year(c, d.y);
	c->doy = ph_date_to_days(d) - c->jan1;
}

static int
cursor_work(const struct cursor *c)
{
	return (c->bits[c->doy / 64] >> (c->doy % 64)) & 1;
}

/* Move to the next day; 0 past the end of the calendar. */
static int
cursor_next(struct cursor *c)
{
	if (++c->doy < c->len)
		return 1;
	if (c->y == YEAR_MAX)
		return 0;
	cursor_year(c, c->y + 1);
	c->doy = 0;
	return 1;
}

/* Move to the day before; 0 before the start of the calendar. */
static int
cursor_prev(struct cursor *c)
{
	if (c->doy > 0) {
		c->doy--;
		return 1;
	}
	if (c->y == YEAR_MIN)
		return 0;
	cursor_year(c, c->y - 1);
	c->doy = c->len - 1;
	return 1;
}

/* D as a real date: 31/02 is 03/03 (or 02/03), as date.c counts it, so
 * that a day of the year never lies outside its year's bitmap. */
static struct ph_date
normal(struct ph_date d)
{
	return ph_date_valid(d.y, d.m, d.d) ? d :
	    ph_date_from_days(ph_date_to_days(d));
}

int
ph_calendar_is_workday(struct ph_calendar *cal, struct ph_date d)
{
	struct cursor	c;
	int		wd;

	d = normal(d);
	if (!in_range(d.y)) {
		wd = ph_date_weekday(d);
		return wd != 0 && wd != 6;
	}
	cursor_init(&c, cal, d);
	return cursor_work(&c);
}

enum ph_status
ph_calendar_add_workdays(struct ph_calendar *cal, struct ph_date d, int n,
    struct ph_date *out, struct ph_error *err)
{
	struct cursor	c;
	char		b0[16], b1[16], b2[16];
	int		left = n;

	if (!ph_date_valid(d.y, d.m, d.d)) {
		snprintf(b0, sizeof b0, "%02d/%02d/%04d", d.d, d.m, d.y);
		return ph_error_set(err, PH_ERR_INVALID, _("no such date: %s"),
		    b0);
	}
	if (!in_range(d.y))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s is outside the calendar's range, %s to %s"),
		    ph_date_vn(d, b0), ph_date_vn(PH_LUNAR_FIRST, b1),
		    ph_date_vn(PH_LUNAR_LAST, b2));
	if (n < 0)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("a number of working days cannot be negative: %d"), n);
	cursor_init(&c, cal, d);
	if (left == 0) {
		/* D itself if it is a working day, else the next one. */
		while (!cursor_work(&c)) {
			if (!cursor_next(&c))
				goto past;
		}
	}
	while (left > 0) {
		if (!cursor_next(&c))
			goto past;
		left -= cursor_work(&c);
	}
	*out = ph_date_from_days(c.jan1 + c.doy);
	return PH_OK;
past:
	return ph_error_set(err, PH_ERR_INVALID,
	    ngettext("%d working day after %s falls after %s, the end of the "
	    "calendar", "%d working days after %s fall after %s, the end of "
	    "the calendar", (unsigned long)n), n, ph_date_vn(d, b0),
	    ph_date_vn(PH_LUNAR_LAST, b1));
}

static int
popcount64(uint64_t x)
{
	int	n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Working days among days A..B (inclusive) of a year's bitmap. */
static long
count_bits(const uint64_t *bits, long a, long b)
{
	uint64_t	w;
	long		i, n = 0;

	for (i = a / 64; i <= b / 64; i++) {
		w = bits[i];
		if (i == a / 64)
			w &= ~UINT64_C(0) << (a % 64);
		if (i == b / 64 && b % 64 != 63)
			w &= (UINT64_C(1) << (b % 64 + 1)) - 1;
		n += popcount64(w);
	}
	return n;
}

/* Mondays to Fridays among days A..B (inclusive), for outside the range. */
static long
count_weekdays(long a, long b)
{
	long	n = (b - a + 1) / 7 * 5, z;
	int	wd;

	for (z = a + (b - a + 1) / 7 * 7; z <= b; z++) {
		wd = weekday_z(z);
		n += wd != 0 && wd != 6;
	}
	return n;
}

/* Working days among days A..B (inclusive, day numbers), A <= B. */
static long
count_days(struct ph_calendar *cal, long a, long b)
{
	int	y, y1;
	long	j, jn, lo, hi, n = 0;

	y = ph_date_from_days(a).y;
	y1 = ph_date_from_days(b).y;
	for (; y <= y1; y++) {
		j = jan1_of(y);
		jn = jan1_of(y + 1);
		lo = a > j ? a : j;
		hi = b < jn - 1 ? b : jn - 1;
		if (in_range(y))
			n += count_bits(ph_calendar_workbits(cal, y), lo - j,
			    hi - j);
		else
			n += count_weekdays(lo, hi);
	}
	return n;
}

long
ph_calendar_workdays(struct ph_calendar *cal, struct ph_date from,
    struct ph_date to)
{
	long	zf = ph_date_to_days(from), zt = ph_date_to_days(to);

	if (zt == zf)
		return 0;
	if (zt < zf)
		return -count_days(cal, zt + 1, zf);
	return count_days(cal, zf + 1, zt);
}

struct ph_date
ph_calendar_workday_on_or_before(struct ph_calendar *cal, struct ph_date d)
{
	struct cursor	c;
	long		z;
	int		wd;

	d = normal(d);
	if (in_range(d.y)) {
		cursor_init(&c, cal, d);
		do {
			if (cursor_work(&c))
				return ph_date_from_days(c.jan1 + c.doy);
		} while (cursor_prev(&c));
		/* Before 1900: weekdays, below. */
		d = (struct ph_date){ YEAR_MIN - 1, 12, 31 };
	}
	for (z = ph_date_to_days(d);; z--) {
		wd = weekday_z(z);
		if (wd != 0 && wd != 6)
			return ph_date_from_days(z);
	}
}
