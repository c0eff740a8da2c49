/*
 * date.c -- parse, check, convert and format calendar dates.
 *
 * Day numbers use the civil-from-days algorithm (proleptic Gregorian), so
 * no libc time-zone code is involved in date arithmetic.  Messages name
 * the value that was typed.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "intl.h"

int
ph_date_is_set(struct ph_date d)
{
	return d.y != 0;
}

int
ph_date_days_in_month(int y, int m)
{
	static const int	mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			leap;

	if (m < 1 || m > 12)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : mdays[m - 1];
}

int
ph_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= ph_date_days_in_month(y, m);
}

/* Read 1..MAXD digits at *P into *V. */
static int
digits(const char **p, int maxd, int *v)
{
	int	n = 0;

	*v = 0;
	while (isdigit((unsigned char)**p) && n < maxd) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

enum ph_status
ph_date_parse(const char *s, struct ph_date *out, struct ph_error *err)
{
	const char	*p = s;
	int		 a, b, c, na, nb, nc;
	char		 sep;

	while (*p == ' ')
		p++;
	na = digits(&p, 4, &a);
	if (na == 0 || (*p != '-' && *p != '/' && *p != '.'))
		goto bad;
	sep = *p++;
	nb = digits(&p, 2, &b);
	if (nb == 0 || *p != sep)
		goto bad;
	p++;
	nc = digits(&p, 4, &c);
	if (nc == 0)
		goto bad;
	while (*p == ' ')
		p++;
	if (*p != '\0')
		goto bad;
	if (na == 4 && sep == '-' && nc <= 2) {
		/* YYYY-MM-DD */
		out->y = a; out->m = b; out->d = c;
	} else if (na <= 2 && nc == 4) {
		/* dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy */
		out->y = c; out->m = b; out->d = a;
	} else
		goto bad;
	if (!ph_date_valid(out->y, out->m, out->d)) {
		*out = PH_DATE_NONE;
		return ph_error_set(err, PH_ERR_INVALID,
		    _("no such date: %s"), s);
	}
	return PH_OK;
bad:
	*out = PH_DATE_NONE;
	return ph_error_set(err, PH_ERR_INVALID,
	    _("not a date: \"%s\" (write dd/mm/yyyy or YYYY-MM-DD)"), s);
}

char *
ph_date_iso(struct ph_date d, char *buf)
{
	if (!ph_date_is_set(d))
		buf[0] = '\0';
	else
		snprintf(buf, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

char *
ph_date_vn(struct ph_date d, char *buf)
{
	if (!ph_date_is_set(d))
		buf[0] = '\0';
	else
		snprintf(buf, 11, "%02d/%02d/%04d", d.d, d.m, d.y);
	return buf;
}

long
ph_date_to_days(struct ph_date dt)
{
	long		y = dt.y - (dt.m <= 2);
	long		era = (y >= 0 ? y : y - 399) / 400;
	unsigned	yoe = (unsigned)(y - era * 400);
	unsigned	doy = (unsigned)((153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2)
			    / 5 + dt.d - 1);
	unsigned	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

struct ph_date
ph_date_from_days(long z)
{
	struct ph_date	r;
	long		era, y;
	unsigned	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

int
ph_date_weekday(struct ph_date d)
{
	long	days = ph_date_to_days(d);

	/* 1970-01-01 was a Thursday (4). */
	return (int)(((days % 7) + 7 + 4) % 7);
}

int
ph_date_cmp(struct ph_date a, struct ph_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

time_t
ph_now(void)
{
	const char	*pin = getenv("PHOIHOP_NOW");
	struct tm	 tm;
	int		 y, mo, d, h = 12, mi = 0, se = 0;

	if (pin == NULL || *pin == '\0')
		return time(NULL);
	if (sscanf(pin, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &se) < 3 ||
	    !ph_date_valid(y, mo, d))
		return time(NULL);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

struct ph_date
ph_today(void)
{
	time_t		t = ph_now();
	struct tm	tm;
	struct ph_date	d;

	localtime_r(&t, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

char *
ph_timestamp(time_t t, char *buf)
{
	struct tm	tm;

	localtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S%z", &tm);
	return buf;
}
