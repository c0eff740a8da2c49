/*
 * tap.h -- a tiny Test Anything Protocol emitter for the C unit tests.
 *
 * plan(n) or plan_lazy(); ok(), is_int(), is_str(); done() returns the
 * exit status (non-zero if a case failed or the plan was not met).
 * Automake's tap-driver.sh counts every "ok"/"not ok" line as one case.
 */
#ifndef PH_TAP_H
#define PH_TAP_H

#include <stdint.h>

void	plan(int n);
void	plan_lazy(void);
int	ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int	is_int(int64_t got, int64_t want, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	is_str(const char *got, const char *want, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	skip_all(const char *why);
int	done(void);

#endif
