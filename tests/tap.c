/*
 * tap.c -- see tap.h.  Prints to stdout only; diagnostics go out as "# "
 * lines so that the TAP driver shows them in the log.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static int	planned = -1, run, failed;

void
plan(int n)
{
	planned = n;
	printf("1..%d\n", n);
}

void
plan_lazy(void)
{
	planned = 0;
}

static void
vline(int cond, const char *fmt, va_list ap)
{
	run++;
	if (!cond)
		failed++;
	printf("%sok %d - ", cond ? "" : "not ", run);
	vprintf(fmt, ap);
	putchar('\n');
}

int
ok(int cond, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	return cond;
}

int
is_int(int64_t got, int64_t want, const char *fmt, ...)
{
	va_list	ap;
	int	cond = got == want;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   got:  %lld\n#   want: %lld\n", (long long)got,
		    (long long)want);
	return cond;
}

int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list	ap;
	int	cond;

	cond = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",
		    got ? got : "(null)", want ? want : "(null)");
	return cond;
}

void
diag(const char *fmt, ...)
{
	va_list	ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void
skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	exit(0);
}

int
done(void)
{
	if (planned == 0)
		printf("1..%d\n", run);
	else if (planned != run) {
		printf("# planned %d cases but ran %d\n", planned, run);
		return 1;
	}
	fflush(stdout);
	return failed != 0;
}
