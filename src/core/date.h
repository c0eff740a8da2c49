/*
 * date.h -- calendar dates as the register writes them.
 *
 * Proleptic Gregorian, no time zone: a letter's date is a day in Vietnam,
 * not an instant.  Input: YYYY-MM-DD, dd/mm/yyyy, d/m/yyyy (also with '-'
 * or '.' between day and month as clerks type them).  Output: ISO for
 * machines, dd/mm/yyyy for people.
 */
#ifndef PH_DATE_H
#define PH_DATE_H

#include <time.h>

#include "error.h"

struct ph_date {
	int	y, m, d;	/* y == 0: no date */
};

#define PH_DATE_NONE	((struct ph_date){ 0, 0, 0 })

int		ph_date_is_set(struct ph_date d);
int		ph_date_valid(int y, int m, int d);
int		ph_date_days_in_month(int y, int m);
enum ph_status	ph_date_parse(const char *s, struct ph_date *out,
		    struct ph_error *err);
/* BUF holds at least 11 bytes; an unset date gives "". */
char		*ph_date_iso(struct ph_date d, char *buf);
char		*ph_date_vn(struct ph_date d, char *buf);
/* Days since 1970-01-01, and back. */
long		ph_date_to_days(struct ph_date d);
struct ph_date	ph_date_from_days(long days);
/* 0 = Sunday ... 6 = Saturday. */
int		ph_date_weekday(struct ph_date d);
int		ph_date_cmp(struct ph_date a, struct ph_date b);

/* "Now" for the whole program: PHOIHOP_NOW (YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SS, local time) pins it for tests, as SQLite's test
 * clock does; else the system clock. */
time_t		ph_now(void);
struct ph_date	ph_today(void);
/* ISO 8601 timestamp of T in local time with offset, for the event log.
 * BUF holds at least 32 bytes. */
char		*ph_timestamp(time_t t, char *buf);

#endif
