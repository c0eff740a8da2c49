/*
 * clock-private.h -- what clock-holiday.c gives clock-workday.c and
 * nobody else sees.
 */
#ifndef PH_CLOCK_PRIVATE_H
#define PH_CLOCK_PRIVATE_H

#include <stdint.h>

#include "clock.h"

/* The working-day bitmap of year Y (1900..2199): bit I (word I / 64) is
 * set when day I of the year (0 = 1 January) is a working day.  Built on
 * first use and kept by CAL. */
const uint64_t	*ph_calendar_workbits(struct ph_calendar *cal, int y);

#endif
