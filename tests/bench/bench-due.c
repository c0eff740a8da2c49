/*
 * bench-due.c -- the morning list's own cost: ph_flow_due() on a register,
 * in-process, after the database is open and the calendar loaded (what
 * a terminal UI pays each time it redraws the list).  Prints the median
 * of RUNS calls and the number of entries.
 *
 * Usage: bench-due DB [RUNS]   (PHOIHOP_DATADIR, PHOIHOP_NOW as for phoihop)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core.h"
#include "flow.h"

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
count(const struct ph_due_entry *e, void *arg)
{
	(*(long *)arg)++;
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct ph_store		*st;
	struct ph_calendar	*cal;
	struct ph_error		 err;
	double			 t[64], t0;
	long			 n = 0;
	int			 runs = argc > 2 ? atoi(argv[2]) : 5, i;

	if (argc < 2 || runs < 1 || runs > 64) {
		fprintf(stderr, "usage: bench-due DB [RUNS]\n");
		return 2;
	}
	if (ph_calendar_load(ph_paths_datadir(), &cal, &err) != PH_OK ||
	    ph_store_open(argv[1], PH_STORE_READ, &st, &err) != PH_OK) {
		fprintf(stderr, "bench-due: %s\n", err.msg);
		return 1;
	}
	for (i = 0; i < runs; i++) {
		n = 0;
		t0 = now_ms();
		if (ph_store_begin(st, &err) != PH_OK ||
		    ph_flow_due(st, cal, ph_today(), 3, count, &n, &err) !=
		    PH_OK) {
			fprintf(stderr, "bench-due: %s\n", err.msg);
			return 1;
		}
		ph_store_rollback(st);
		t[i] = now_ms() - t0;
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp);
	printf("%.1f ms (median of %d), %ld entries\n", t[runs / 2], runs, n);
	ph_store_close(st);
	ph_calendar_free(cal);
	return 0;
}
