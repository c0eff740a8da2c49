/*
 * clock.h -- the Vietnamese calendar: lunar dates, days off, working days.
 *
 * Lunar dates are computed (new moons and solar terms at UTC+7), valid
 * 1900-01-01 .. 2199-12-31.  Days off come from the Labour Code's rules
 * and, for years the Government announced, from data/holidays/YYYY.txt,
 * which a clerk may edit.  Pure: no SQLite, no clock reading, no output.
 */
#ifndef PH_CLOCK_H
#define PH_CLOCK_H

#include "date.h"
#include "error.h"

/* ---- lunar calendar (clock-lunar.c) */

#define PH_LUNAR_FIRST	((struct ph_date){ 1900, 1, 1 })
#define PH_LUNAR_LAST	((struct ph_date){ 2199, 12, 31 })

struct ph_lunar {
	int	year;		/* lunar year (its Tết falls in this solar year) */
	int	month;		/* 1..12 */
	int	day;		/* 1..30 */
	int	leap;		/* 1 if the month is the leap (nhuận) month */
};

/* Solar -> lunar.  A date out of range is an error naming the range. */
enum ph_status	ph_lunar_from_solar(struct ph_date d, struct ph_lunar *out,
		    struct ph_error *err);
/* Lunar -> solar.  A lunar date that does not exist (day 30 of a short
 * month, a leap month the year has not) is an error naming it. */
enum ph_status	ph_lunar_to_solar(const struct ph_lunar *l,
		    struct ph_date *out, struct ph_error *err);
/* The leap month of lunar year Y (its number, e.g. 6 for tháng 6 nhuận),
 * or 0 when the year has none; -1 out of range. */
int		ph_lunar_leap_month(int y);
/* Days in lunar month M (LEAP) of year Y: 29 or 30; 0 if no such month. */
int		ph_lunar_month_days(int y, int m, int leap);

/* ---- days off and working days (clock-holiday.c, clock-workday.c) */

enum ph_day_kind {
	PH_DAY_OFF,		/* a holiday, a Tết day, a compensatory day */
	PH_DAY_WORK,		/* a make-up Saturday (làm bù): a working day */
};

struct ph_holiday {
	struct ph_date	 date;
	enum ph_day_kind kind;
	const char	*name;		/* Vietnamese, from the file or rule */
	const char	*source;	/* file:line, or "Bộ luật Lao động 2019" */
	int		 uncertain;	/* marked so in the file */
};

struct ph_calendar;

/* Load the schedules in DATADIR/holidays/ (one YYYY.txt file per year); years
 * without a file fall back to the computed rules.  A malformed file is an
 * error naming file, line and reason.  Caller frees with
 * ph_calendar_free(). */
enum ph_status	ph_calendar_load(const char *datadir,
		    struct ph_calendar **out, struct ph_error *err);
/* A calendar from the computed rules only (no files). */
struct ph_calendar *ph_calendar_rules_only(void);
void		ph_calendar_free(struct ph_calendar *cal);

/* 1 if D is a working day: not Sat/Sun unless a make-up day, not a day
 * off. */
int		ph_calendar_is_workday(struct ph_calendar *cal, struct ph_date d);
/* The day off or make-up day on D, or NULL (ordinary day). */
const struct ph_holiday *ph_calendar_day(struct ph_calendar *cal,
		    struct ph_date d);
/* The date N working days after D, D itself not counted (N >= 0; N == 0
 * gives D if it is a working day, else the next one).  Out of range
 * (1900..2199) is an error. */
enum ph_status	ph_calendar_add_workdays(struct ph_calendar *cal,
		    struct ph_date d, int n, struct ph_date *out,
		    struct ph_error *err);
/* Working days in (FROM, TO]: FROM not counted, TO counted; negative when
 * TO is before FROM. */
long		ph_calendar_workdays(struct ph_calendar *cal, struct ph_date from,
		    struct ph_date to);
/* The previous working day on or before D. */
struct ph_date	ph_calendar_workday_on_or_before(struct ph_calendar *cal,
		    struct ph_date d);
/* Every day off that is not an ordinary Saturday/Sunday, and every
 * make-up Saturday, of solar year Y, in date order.  CB returns non-zero
 * to stop. */
typedef int	(*ph_holiday_cb)(const struct ph_holiday *h, void *arg);
enum ph_status	ph_calendar_holidays(struct ph_calendar *cal, int y,
		    ph_holiday_cb cb, void *arg, struct ph_error *err);

#endif
