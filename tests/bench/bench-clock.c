/*
 * bench-clock.c -- how fast the working-day calendar answers: N calls of
 * ph_calendar_add_workdays(DATE, 5) over dates spread across 2016-2026,
 * as a register's due dates are.  Prints one line for bench.sh.
 *
 * Usage: bench-clock [N]   (PHOIHOP_DATADIR names the data directory)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "paths.h"

static double
now_s(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct ph_calendar	*cal;
	struct ph_error		 err;
	struct ph_date		 d, out;
	long			 n = argc > 1 ? atol(argv[1]) : 1000000, i;
	long			 first, span, check = 0;
	double			 t0, dt;

	if (n <= 0 || ph_calendar_load(ph_paths_datadir(), &cal, &err) !=
	    PH_OK) {
		fprintf(stderr, "bench-clock: %s\n", n <= 0 ? "bad N" : err.msg);
		return 1;
	}
	first = ph_date_to_days((struct ph_date){ 2016, 1, 1 });
	span = ph_date_to_days((struct ph_date){ 2026, 12, 31 }) - first;
	t0 = now_s();
	for (i = 0; i < n; i++) {
		d = ph_date_from_days(first + (i * 7919) % span);
		if (ph_calendar_add_workdays(cal, d, 5, &out, &err) != PH_OK) {
			fprintf(stderr, "bench-clock: %s\n", err.msg);
			return 1;
		}
		check += out.d;	/* keep the result alive */
	}
	dt = now_s() - t0;
	printf("%ld calls in %.3f s (%.0f calls/s, checksum %ld)\n", n, dt,
	    (double)n / dt, check);
	ph_calendar_free(cal);
	return 0;
}
