/*
 * t-clock-holiday.c -- days off and working days: the shipped schedules of
 * 2024-2026 are exactly those of the checked facts, deadlines counted
 * across Tết, 30/4-1/5 and 2/9 land where a clerk would put them, the
 * Labour Code rules fill the years without a file, a malformed year file
 * is refused with file, line and reason, and the commented 24/11 entry
 * stays off until the '#' is removed.
 *
 * Data: $PHOIHOP_DATADIR (else "data", the top of the source tree).
 * Scratch files go to a private directory under $TMPDIR (else /tmp).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "tap.h"

static int	ncase;
static char	tmpdir[512];

/* ---- helpers */

static struct ph_date
D(int d, int m, int y)
{
	return (struct ph_date){ y, m, d };
}

struct lists {
	char	off[2048];
	char	work[256];
	int	ordered;
	int	uncertain;	/* dates marked uncertain, "dd/mm " each */
	char	unsure[256];
	struct ph_date last;
};

static void
append(char *buf, size_t size, struct ph_date d)
{
	size_t	n = strlen(buf);

	snprintf(buf + n, size - n, "%s%02d/%02d", n > 0 ? " " : "", d.d,
	    d.m);
}

static int
collect(const struct ph_holiday *h, void *arg)
{
	struct lists	*l = arg;

	if (ph_date_is_set(l->last) && ph_date_cmp(l->last, h->date) >= 0)
		l->ordered = 0;
	l->last = h->date;
	if (h->kind == PH_DAY_OFF)
		append(l->off, sizeof l->off, h->date);
	else
		append(l->work, sizeof l->work, h->date);
	if (h->uncertain)
		append(l->unsure, sizeof l->unsure, h->date);
	return 0;
}

static void
lists_of(struct ph_calendar *cal, int y, struct lists *l)
{
	memset(l, 0, sizeof *l);
	l->ordered = 1;
	if (ph_calendar_holidays(cal, y, collect, l, NULL) != PH_OK)
		snprintf(l->off, sizeof l->off, "(error)");
}

/* Is "dd/mm" in the space-separated LIST? */
static int
listed(const char *list, struct ph_date d)
{
	char	key[8];
	size_t	n = strlen(list);
	const char *p;

	snprintf(key, sizeof key, "%02d/%02d", d.d, d.m);
	for (p = list; (p = strstr(p, key)) != NULL; p += 5) {
		if ((p == list || p[-1] == ' ') && (p + 5 == list + n ||
		    p[5] == ' '))
			return 1;
	}
	return 0;
}

/*
 * The shipped schedule of Y: its day-off and make-up lists are exactly
 * OFF and WORK, and every day of the year is a working day exactly when
 * it is a weekday not in OFF, or in WORK; NWORK working days in all.
 */
static void
year_is(struct ph_calendar *cal, int y, const char *off, const char *work,
    long nwork)
{
	struct lists	l;
	struct ph_date	d;
	long		z, z0, z1, wrong = 0;
	int		wd, want;
	char		first[16] = "";

	lists_of(cal, y, &l);
	is_str(l.off, off, "t-clock-holiday.%d %d: the days off are the "
	    "facts' list", ++ncase, y);
	is_str(l.work, work, "t-clock-holiday.%d %d: the make-up working "
	    "days are the facts' list", ++ncase, y);
	ok(l.ordered, "t-clock-holiday.%d %d: listed in date order", ++ncase,
	    y);
	z0 = ph_date_to_days(D(1, 1, y));
	z1 = ph_date_to_days(D(31, 12, y));
	for (z = z0; z <= z1; z++) {
		d = ph_date_from_days(z);
		wd = ph_date_weekday(d);
		want = (wd != 0 && wd != 6 && !listed(off, d)) ||
		    listed(work, d);
		if (ph_calendar_is_workday(cal, d) != want && wrong++ == 0)
			ph_date_vn(d, first);
	}
	ok(wrong == 0, "t-clock-holiday.%d %d: every day is a working day "
	    "exactly as the lists say (%ld wrong, first %s)", ++ncase, y,
	    wrong, first);
	is_int(ph_calendar_workdays(cal, D(31, 12, y - 1), D(31, 12, y)),
	    nwork, "t-clock-holiday.%d %d has %ld working days", ++ncase, y,
	    nwork);
}

static void
add_is(struct ph_calendar *cal, struct ph_date from, int n,
    struct ph_date want, const char *what)
{
	struct ph_date	got = PH_DATE_NONE;
	struct ph_error	err;
	char		b0[16], b1[16], b2[16];
	enum ph_status	s;

	err.msg[0] = '\0';
	s = ph_calendar_add_workdays(cal, from, n, &got, &err);
	ok(s == PH_OK && ph_date_cmp(got, want) == 0,
	    "t-clock-holiday.%d %s: %s + %d working days = %s (got %s%s%s)",
	    ++ncase, what, ph_date_vn(from, b0), n, ph_date_vn(want, b1),
	    ph_date_vn(got, b2), s == PH_OK ? "" : ", ", err.msg);
}

static void
add_refused(struct ph_calendar *cal, struct ph_date from, int n,
    const char *want, const char *what)
{
	struct ph_date	got = PH_DATE_NONE;
	struct ph_error	err;
	enum ph_status	s;

	err.msg[0] = '\0';
	s = ph_calendar_add_workdays(cal, from, n, &got, &err);
	ok(s == PH_ERR_INVALID && strstr(err.msg, want) != NULL,
	    "t-clock-holiday.%d %s: refused, message names \"%s\" (\"%s\")",
	    ++ncase, what, want, err.msg);
}

static void
day_is(struct ph_calendar *cal, struct ph_date d, int work,
    const char *name, const char *what)
{
	const struct ph_holiday	*h = ph_calendar_day(cal, d);
	char			 b[16];

	ok(ph_calendar_is_workday(cal, d) == work &&
	    (name == NULL ? h == NULL : h != NULL &&
	    strcmp(h->name, name) == 0),
	    "t-clock-holiday.%d %s: %s is %s%s%s (got %s)", ++ncase, what,
	    ph_date_vn(d, b), work ? "a working day" : "off",
	    name != NULL ? ", " : "", name != NULL ? name : "",
	    h != NULL ? h->name : "no entry");
}

static void
write_file(const char *rel, const char *text)
{
	char	path[1024];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	if ((f = fopen(path, "w")) == NULL) {
		diag("cannot write %s", path);
		return;
	}
	fputs(text, f);
	fclose(f);
}

static void
remove_file(const char *rel)
{
	char	path[1024];

	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	unlink(path);
}

/* A 2031.txt that is correct but for the lines in MIDDLE. */
#define HEAD_2031	"# test\n01/01/2031\toff\tTết Dương lịch\n"
#define TAIL_2031	"30/04/2031\toff\tNgày Chiến thắng 30/4\n" \
			"01/05/2031\toff\tNgày Quốc tế Lao động 1/5\n" \
			"02/09/2031\toff\tQuốc khánh 2/9\n"

/* Loading TEXT as holidays/2031.txt fails with a message holding WANT1
 * (the file and line) and WANT2 (the reason). */
static void
load_refused(const char *text, const char *want1, const char *want2,
    const char *what)
{
	struct ph_calendar	*cal = NULL;
	struct ph_error		 err;
	enum ph_status		 s;

	write_file("holidays/2031.txt", text);
	err.msg[0] = '\0';
	s = ph_calendar_load(tmpdir, &cal, &err);
	ok(s == PH_ERR_INVALID && cal == NULL && strstr(err.msg, want1) &&
	    strstr(err.msg, want2), "t-clock-holiday.%d %s: refused with "
	    "\"%s\" and \"%s\" (\"%s\")", ++ncase, what, want1, want2,
	    err.msg);
	ph_calendar_free(cal);
}

/* ---- the cases */

static void
shipped(struct ph_calendar *cal)
{
	const struct ph_holiday	*h;

	/* /work/shared/facts/holidays.md, "Civil-service calendar"; 1/1 is
	 * art. 112(1) (Mon 1/1/2024, Wed 1/1/2025). */
	year_is(cal, 2024,
	    "01/01 08/02 09/02 10/02 11/02 12/02 13/02 14/02 18/04 27/04 "
	    "28/04 29/04 30/04 01/05 31/08 01/09 02/09 03/09",
	    "04/05", 251);
	year_is(cal, 2025,
	    "01/01 25/01 26/01 27/01 28/01 29/01 30/01 31/01 01/02 02/02 "
	    "05/04 06/04 07/04 30/04 01/05 02/05 03/05 04/05 30/08 31/08 "
	    "01/09 02/09",
	    "26/04", 250);
	year_is(cal, 2026,
	    "01/01 02/01 14/02 15/02 16/02 17/02 18/02 19/02 20/02 21/02 "
	    "22/02 26/04 27/04 30/04 01/05 29/08 30/08 31/08 01/09 02/09",
	    "10/01 22/08", 250);

	day_is(cal, D(26, 4, 2025), 1, "Làm bù cho thứ Sáu 02/05/2025",
	    "make-up Saturday 2025");
	day_is(cal, D(10, 1, 2026), 1, "Làm bù cho thứ Sáu 02/01/2026",
	    "make-up Saturday for 2/1/2026 (12729/VPCP-KGVX)");
	day_is(cal, D(22, 8, 2026), 1, "Làm bù cho thứ Hai 31/08/2026",
	    "make-up Saturday for 31/8/2026");
	day_is(cal, D(26, 4, 2026), 0, "Giỗ Tổ Hùng Vương",
	    "Giỗ Tổ 2026 on a Sunday");
	day_is(cal, D(27, 4, 2026), 0, "Nghỉ bù Giỗ Tổ Hùng Vương",
	    "its compensatory Monday");
	day_is(cal, D(19, 8, 2026), 1, NULL, "19/8 is not a day off");
	day_is(cal, D(18, 8, 2026), 1, NULL, "an ordinary Tuesday");
	day_is(cal, D(23, 8, 2026), 0, NULL, "an ordinary Sunday");

	h = ph_calendar_day(cal, D(4, 5, 2024));
	ok(h != NULL && h->kind == PH_DAY_WORK && h->uncertain,
	    "t-clock-holiday.%d the make-up Saturday 4/5/2024 is a working "
	    "day marked uncertain", ++ncase);
	h = ph_calendar_day(cal, D(22, 8, 2026));
	ok(h != NULL && !h->uncertain && strstr(h->source, "2026.txt:") !=
	    NULL, "t-clock-holiday.%d an entry's source is its file and line "
	    "(%s)", ++ncase, h != NULL ? h->source : "none");
}

static void
deadlines(struct ph_calendar *cal)
{
	long	i, bad = 0;
	unsigned long	r = 12345;
	struct ph_date	d, out;
	int	n;

	/* Tết 2026: Fri 13/2 is day 1, then nine days off. */
	add_is(cal, D(12, 2, 2026), 5, D(26, 2, 2026),
	    "received Thu before Tết 2026");
	add_is(cal, D(13, 2, 2026), 1, D(23, 2, 2026),
	    "received the last working day before Tết 2026");
	/* 30/4 and 1/5 2026 (Thu, Fri). */
	add_is(cal, D(29, 4, 2026), 3, D(6, 5, 2026),
	    "received Wed 29/4/2026, across 30/4-1/5");
	add_is(cal, D(28, 4, 2026), 1, D(29, 4, 2026),
	    "received Tue 28/4/2026");
	/* Giỗ Tổ on Sunday 26/4/2026 makes Monday 27/4 a day off. */
	add_is(cal, D(24, 4, 2026), 2, D(29, 4, 2026),
	    "received Fri 24/4/2026, across the compensatory Monday");
	/* 2/9. */
	add_is(cal, D(29, 8, 2025), 1, D(3, 9, 2025),
	    "received Fri 29/8/2025, across 30/8-2/9");
	add_is(cal, D(28, 8, 2026), 1, D(3, 9, 2026),
	    "received Fri 28/8/2026, across 29/8-2/9");
	add_is(cal, D(20, 8, 2026), 2, D(22, 8, 2026),
	    "received Thu 20/8/2026: the make-up Saturday counts");
	add_is(cal, D(20, 8, 2026), 3, D(24, 8, 2026),
	    "received Thu 20/8/2026, 3 days");
	/* New year. */
	add_is(cal, D(31, 12, 2025), 1, D(5, 1, 2026),
	    "received 31/12/2025, across 1-2/1/2026");
	add_is(cal, D(9, 1, 2026), 1, D(10, 1, 2026),
	    "received Fri 9/1/2026: Saturday 10/1 is worked");
	add_is(cal, D(30, 4, 2024), 3, D(4, 5, 2024),
	    "received 30/4/2024: the make-up Saturday 4/5 counts");
	/* N = 0. */
	add_is(cal, D(23, 2, 2026), 0, D(23, 2, 2026),
	    "N = 0 on a working day gives the day");
	add_is(cal, D(14, 2, 2026), 0, D(23, 2, 2026),
	    "N = 0 on a day off gives the next working day");
	add_is(cal, D(10, 1, 2026), 0, D(10, 1, 2026),
	    "N = 0 on a make-up Saturday gives the day");
	/* Across years and long periods. */
	add_is(cal, D(30, 12, 2026), 2, D(4, 1, 2027),
	    "received Wed 30/12/2026, into 2027 (computed: Fri 1/1 off)");
	add_refused(cal, D(1, 3, 2026), -1, "-1", "a negative N");
	add_refused(cal, D(31, 12, 2199), 1, "31/12/2199",
	    "past the end of the calendar");
	add_refused(cal, D(1, 1, 2200), 1, "01/01/2200",
	    "a day after the range");
	add_refused(cal, D(30, 2, 2026), 1, "30/02/2026", "a day that does "
	    "not exist");

	/* workdays() counts (FROM, TO]. */
	is_int(ph_calendar_workdays(cal, D(12, 2, 2026), D(26, 2, 2026)), 5,
	    "t-clock-holiday.%d workdays(12/2, 26/2/2026) = 5", ++ncase);
	is_int(ph_calendar_workdays(cal, D(26, 2, 2026), D(12, 2, 2026)), -5,
	    "t-clock-holiday.%d workdays backwards is negative", ++ncase);
	is_int(ph_calendar_workdays(cal, D(12, 2, 2026), D(12, 2, 2026)), 0,
	    "t-clock-holiday.%d workdays(D, D) = 0", ++ncase);
	is_int(ph_calendar_workdays(cal, D(13, 2, 2026), D(22, 2, 2026)), 0,
	    "t-clock-holiday.%d no working day in Tết 2026", ++ncase);
	is_int(ph_calendar_workdays(cal, D(31, 12, 2199), D(7, 1, 2200)), 5,
	    "t-clock-holiday.%d past 2199 only weekends are off", ++ncase);

	/* workday_on_or_before. */
	d = ph_calendar_workday_on_or_before(cal, D(22, 2, 2026));
	ok(ph_date_cmp(d, D(13, 2, 2026)) == 0, "t-clock-holiday.%d the "
	    "working day on or before 22/2/2026 is 13/2", ++ncase);
	d = ph_calendar_workday_on_or_before(cal, D(10, 1, 2026));
	ok(ph_date_cmp(d, D(10, 1, 2026)) == 0, "t-clock-holiday.%d a "
	    "make-up Saturday is its own working day", ++ncase);
	d = ph_calendar_workday_on_or_before(cal, D(4, 1, 2026));
	ok(ph_date_cmp(d, D(31, 12, 2025)) == 0, "t-clock-holiday.%d before "
	    "4/1/2026 comes 31/12/2025", ++ncase);

	/*
	 * add and count agree everywhere: the result is a working day,
	 * N working days after D, N - 1 of them before it.
	 */
	for (i = 0; i < 200000; i++) {
		r = r * 6364136223846793005UL + 1442695040888963407UL;
		d = ph_date_from_days(ph_date_to_days(D(1, 1, 1900)) +
		    (long)((r >> 33) % 109000));
		n = (int)((r >> 20) % 40);
		if (ph_calendar_add_workdays(cal, d, n, &out, NULL) != PH_OK) {
			bad++;
			continue;
		}
		if (!ph_calendar_is_workday(cal, out) ||
		    ph_date_cmp(out, d) < 0 ||
		    (n > 0 && ph_calendar_workdays(cal, d, out) != n) ||
		    (n > 0 && ph_calendar_workdays(cal, d, ph_date_from_days(
		    ph_date_to_days(out) - 1)) != n - 1) ||
		    (n == 0 && ph_calendar_workdays(cal, d, out) !=
		    (ph_date_cmp(out, d) != 0)))
			bad++;
	}
	ok(bad == 0, "t-clock-holiday.%d add_workdays and workdays agree on "
	    "200,000 random periods 1900..2198 (%ld disagree)", ++ncase, bad);
}

static void
speed(struct ph_calendar *cal)
{
	struct ph_date	d, out;
	clock_t		t0;
	double		secs;
	long		i, bad = 0;

	t0 = clock();
	for (i = 0; i < 1000000; i++) {
		d = ph_date_from_days(ph_date_to_days(D(1, 1, 2024)) +
		    i % 2500);
		if (ph_calendar_add_workdays(cal, d, 5, &out, NULL) != PH_OK)
			bad++;
	}
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	diag("1,000,000 add_workdays(..., 5): %.3f s", secs);
	/* A guard against a slow algorithm, loose enough for sanitizers. */
	ok(bad == 0 && secs < 10.0, "t-clock-holiday.%d 1,000,000 "
	    "add_workdays(..., 5) over 2024..2030 (%.3f s)", ++ncase, secs);
}

static void
computed(struct ph_calendar *files)
{
	struct ph_calendar	*cal = ph_calendar_rules_only();
	const struct ph_holiday	*h;
	struct lists		 l;
	struct ph_date		 d;
	int			 y, bad = 0;
	char			 b[16];

	/*
	 * 2030 has no file.  Tết is Sat 2/2/2030 here (UTC+7; China keeps
	 * it on 3/2): 1/2 (last day of the year) to 5/2, and two weekend
	 * days compensated on Wed 6/2 and Thu 7/2.  Giỗ Tổ Fri 12/4; 2/9 a
	 * Monday, so 3/9.
	 */
	lists_of(files, 2030, &l);
	is_str(l.off, "01/01 01/02 02/02 03/02 04/02 05/02 06/02 07/02 12/04 "
	    "30/04 01/05 02/09 03/09", "t-clock-holiday.%d 2030 (no file): "
	    "the Labour Code days", ++ncase);
	is_str(l.work, "", "t-clock-holiday.%d 2030: no make-up day is "
	    "computed", ++ncase);
	day_is(files, D(6, 2, 2030), 0, "Nghỉ bù Tết Nguyên đán",
	    "2030 compensatory day for Saturday 2/2");
	day_is(files, D(3, 9, 2030), 0, "Quốc khánh 2/9 (ngày liền kề)",
	    "2030 adjacent day of 2/9");
	h = ph_calendar_day(files, D(12, 4, 2030));
	ok(h != NULL && strcmp(h->source, "Bộ luật Lao động 2019") == 0,
	    "t-clock-holiday.%d a computed day's source is the Labour Code",
	    ++ncase);
	add_is(files, D(31, 1, 2030), 1, D(8, 2, 2030),
	    "2030: received Thu 31/1, across Tết");

	/* Chains: Sat 29/4 (Giỗ Tổ), Sun 30/4, Mon 1/5 2023 give Tue 2/5
	 * and Wed 3/5; Sun 1/1 gives Mon 2/1; Tết Sat 21/1, Sun 22/1 give
	 * Thu 26/1, Fri 27/1; 2/9 Sat with 1/9 Fri gives Mon 4/9. */
	lists_of(cal, 2023, &l);
	is_str(l.off, "01/01 02/01 21/01 22/01 23/01 24/01 25/01 26/01 27/01 "
	    "29/04 30/04 01/05 02/05 03/05 01/09 02/09 04/09",
	    "t-clock-holiday.%d 2023 by the rules: chains of compensatory "
	    "days", ++ncase);
	/* The 2/9 adjacent day by weekday. */
	lists_of(cal, 2027, &l);
	ok(strstr(l.off, "02/09 03/09") != NULL && !listed(l.off,
	    D(1, 9, 2027)), "t-clock-holiday.%d 2027: 2/9 Thursday, 3/9 "
	    "Friday (%s)", ++ncase, l.off);
	lists_of(cal, 2028, &l);
	ok(strstr(l.off, "01/09 02/09 04/09") != NULL,
	    "t-clock-holiday.%d 2028: 2/9 Saturday, 1/9 Friday, Monday 4/9 "
	    "compensates (%s)", ++ncase, l.off);
	lists_of(cal, 2029, &l);
	ok(strstr(l.off, "02/09 03/09 04/09") != NULL,
	    "t-clock-holiday.%d 2029: 2/9 Sunday, 3/9 Monday, Tuesday 4/9 "
	    "compensates (%s)", ++ncase, l.off);
	lists_of(cal, 2031, &l);
	ok(strstr(l.off, "01/09 02/09") != NULL && !listed(l.off,
	    D(3, 9, 2031)), "t-clock-holiday.%d 2031: 2/9 Tuesday, 1/9 "
	    "Monday (%s)", ++ncase, l.off);
	lists_of(cal, 2026, &l);
	ok(strstr(l.off, "01/09 02/09") != NULL, "t-clock-holiday.%d 2026 by "
	    "the rules: 2/9 Wednesday, 1/9 Tuesday, as the schedule did",
	    ++ncase);
	/* Before 2021, 2/9 was one day. */
	lists_of(cal, 2019, &l);
	ok(listed(l.off, D(2, 9, 2019)) && !listed(l.off, D(3, 9, 2019)) &&
	    !listed(l.off, D(1, 9, 2019)), "t-clock-holiday.%d 2019: 2/9 "
	    "alone (%s)", ++ncase, l.off);
	/* The ends of the range: 1/1/1900 (a Monday) is off, and before
	 * 1900 only weekends count. */
	d = ph_calendar_workday_on_or_before(cal, D(1, 1, 1900));
	ok(ph_date_cmp(d, D(29, 12, 1899)) == 0, "t-clock-holiday.%d the "
	    "working day before 1/1/1900 is Friday 29/12/1899 (got %s)",
	    ++ncase, ph_date_vn(d, b));
	is_int(ph_calendar_workdays(cal, D(25, 12, 1899), D(8, 1, 1900)), 9,
	    "t-clock-holiday.%d workdays across 1/1/1900", ++ncase);
	add_is(cal, D(31, 12, 2199), 0, D(31, 12, 2199),
	    "N = 0 on the last day of the range");
	ok(ph_calendar_is_workday(cal, D(99, 12, 2199)) ==
	    ph_calendar_is_workday(cal, D(9, 3, 2200)) &&
	    ph_calendar_is_workday(cal, D(31, 2, 2026)) ==
	    ph_calendar_is_workday(cal, D(3, 3, 2026)),
	    "t-clock-holiday.%d a day that does not exist counts as the day "
	    "it stands for (99/12 is 9/3 of next year)", ++ncase);

	/* A file replaces the rules: the rules would not give Fri 2/1/2026. */
	day_is(cal, D(2, 1, 2026), 1, NULL, "2/1/2026 by the rules alone");

	/* Every computed year: in order, inside the year, each Sat/Sun
	 * holiday with its compensatory day. */
	for (y = 1900; y <= 2199; y++) {
		int	weekend = 0, comp = 0;
		size_t	i, n;

		lists_of(cal, y, &l);
		if (!l.ordered || l.work[0] != '\0' ||
		    !ph_date_is_set(l.last) || l.last.y != y)
			bad++;
		n = strlen(l.off);
		for (i = 0; i + 5 <= n; i += 6) {
			struct ph_date	dd = D(atoi(l.off + i),
			    atoi(l.off + i + 3), y);
			int		wd = ph_date_weekday(dd);

			h = ph_calendar_day(cal, dd);
			if (h == NULL) {
				bad++;
				break;
			}
			weekend += wd == 0 || wd == 6;
			comp += strncmp(h->name, "Nghỉ bù",
			    strlen("Nghỉ bù")) == 0;
		}
		if (weekend != comp)
			bad++;
	}
	is_int(bad, 0, "t-clock-holiday.%d every year 1900..2199 by the "
	    "rules: ordered, in its year, one compensatory day per weekend "
	    "holiday", ++ncase);
	ph_calendar_free(cal);
}

static void
load_errors(void)
{
	struct ph_calendar	*cal = NULL;
	struct ph_error		 err;
	enum ph_status		 s;
	char			 path[1024];

	load_refused(HEAD_2031 "# comment\n31/02/2031\toff\tX\n" TAIL_2031,
	    "holidays/2031.txt:4:", "31/02/2031", "a bad date");
	load_refused(HEAD_2031 "15/03/2031\tof\tX\n" TAIL_2031,
	    "holidays/2031.txt:3:", "unknown kind \"of\"", "an unknown kind");
	load_refused(HEAD_2031 "15/03/2030\toff\tX\n" TAIL_2031,
	    "holidays/2031.txt:3:", "not in 2031", "a date of another year");
	load_refused(HEAD_2031 "\n01/01/2031 off Tết\n" TAIL_2031,
	    "holidays/2031.txt:4:", "first on line 2", "a duplicate date");
	load_refused(HEAD_2031 "14/03/2031\twork\tX\n" TAIL_2031,
	    "holidays/2031.txt:3:", "weekday", "a make-up day on a Friday");
	load_refused(HEAD_2031 "14/03/2031\toff\n" TAIL_2031,
	    "holidays/2031.txt:3:", "no name", "a day without a name");
	load_refused(HEAD_2031 "14/03/2031\n" TAIL_2031,
	    "holidays/2031.txt:3:", "off or work", "a date alone");
	load_refused(HEAD_2031 "14/03/2031\toff\t\xC4\n" TAIL_2031,
	    "holidays/2031.txt:3:", "UTF-8", "a name not in UTF-8");
	load_refused("# only a local day\n14/03/2031\toff\tNghỉ địa phương\n",
	    "holidays/2031.txt", "01/01/2031", "a file without 1/1");
	load_refused(HEAD_2031 "30/04/2031\toff\tX\n01/05/2031\toff\tX\n",
	    "holidays/2031.txt", "02/09/2031", "a file without 2/9");
	load_refused("# nothing\n", "holidays/2031.txt", "no days",
	    "an empty file");

	/* A good file, written as a clerk might: spaces, ISO dates, CRLF,
	 * a byte order mark, "uncertain". */
	write_file("holidays/2031.txt", "\xEF\xBB\xBF# 2031\r\n"
	    "2031-01-01  off  Tết Dương lịch\r\n"
	    "  30/4/2031 OFF Ngày Chiến thắng 30/4\r\n"
	    "01/05/2031\toff\tNgày Quốc tế Lao động 1/5\r\n"
	    "02/09/2031\toff\tQuốc khánh 2/9\r\n"
	    "15/03/2031  work  uncertain  Làm bù thử\r\n"
	    "17/03/2031\toff\tuncertainty is a name\r\n");
	s = ph_calendar_load(tmpdir, &cal, &err);
	ok(s == PH_OK, "t-clock-holiday.%d a file with spaces, ISO dates, "
	    "CRLF and a BOM loads (%s)", ++ncase, s == PH_OK ? "" : err.msg);
	if (cal != NULL) {
		const struct ph_holiday *h = ph_calendar_day(cal,
		    D(15, 3, 2031));

		ok(h != NULL && h->kind == PH_DAY_WORK && h->uncertain &&
		    strcmp(h->name, "Làm bù thử") == 0, "t-clock-holiday.%d "
		    "\"uncertain\" is read as the mark", ++ncase);
		day_is(cal, D(17, 3, 2031), 0, "uncertainty is a name",
		    "a name may start like the mark");
		day_is(cal, D(30, 4, 2031), 0, "Ngày Chiến thắng 30/4",
		    "kind is read in any case");
		/* Tết 2031 (23/1, a Thursday) is not in the file: the file
		 * replaced the rules for the whole year. */
		day_is(cal, D(23, 1, 2031), 1, NULL,
		    "a file replaces the rules: Tết 2031 not listed, not off");
		day_is(cal, D(1, 1, 2032), 0, "Tết Dương lịch",
		    "2032 has no file: computed");
	}
	ph_calendar_free(cal);
	cal = NULL;

	write_file("holidays/local.txt", "14/03/2031\toff\tX\n");
	s = ph_calendar_load(tmpdir, &cal, &err);
	ok(s == PH_ERR_INVALID && strstr(err.msg, "local.txt") != NULL,
	    "t-clock-holiday.%d a .txt file not named after a year is "
	    "refused (%s)", ++ncase, s == PH_OK ? "" : err.msg);
	ph_calendar_free(cal);
	cal = NULL;
	remove_file("holidays/local.txt");
	remove_file("holidays/2031.txt");

	snprintf(path, sizeof path, "%s/nowhere", tmpdir);
	s = ph_calendar_load(path, &cal, &err);
	ok(s == PH_ERR_IO && cal == NULL && strstr(err.msg, path) != NULL,
	    "t-clock-holiday.%d no holidays directory is an error naming it "
	    "(%s)", ++ncase, s == PH_OK ? "" : err.msg);
}

/* 24/11/2026 ships commented out: not a day off; with the '#' removed it
 * is one. */
static void
culture_day(struct ph_calendar *shipped_cal, const char *datadir)
{
	struct ph_calendar	*cal = NULL;
	struct ph_error		 err;
	char			 path[1024], *text = NULL, *p;
	size_t			 n;
	FILE			*f;
	enum ph_status		 s;

	day_is(shipped_cal, D(24, 11, 2026), 1, NULL,
	    "24/11/2026 as shipped (commented out)");

	snprintf(path, sizeof path, "%s/holidays/2026.txt", datadir);
	if ((f = fopen(path, "r")) != NULL) {
		text = calloc(1, 65536);
		n = text != NULL ? fread(text, 1, 65535, f) : 0;
		(void)n;
		fclose(f);
	}
	p = text != NULL ? strstr(text, "\n#24/11/2026") : NULL;
	ok(p != NULL, "t-clock-holiday.%d 2026.txt has the line "
	    "\"#24/11/2026 ...\"", ++ncase);
	if (p == NULL) {
		free(text);
		return;
	}
	memmove(p + 1, p + 2, strlen(p + 2) + 1);
	write_file("holidays/2026.txt", text);
	free(text);
	s = ph_calendar_load(tmpdir, &cal, &err);
	ok(s == PH_OK, "t-clock-holiday.%d 2026.txt without that '#' loads "
	    "(%s)", ++ncase, s == PH_OK ? "" : err.msg);
	if (cal != NULL) {
		day_is(cal, D(24, 11, 2026), 0, "Ngày Văn hóa Việt Nam",
		    "24/11/2026 with the '#' removed");
		day_is(cal, D(27, 4, 2026), 0, "Nghỉ bù Giỗ Tổ Hùng Vương",
		    "the rest of the file is unchanged");
	}
	ph_calendar_free(cal);
	remove_file("holidays/2026.txt");
}

int
main(void)
{
	const char		*datadir = getenv("PHOIHOP_DATADIR");
	const char		*tmp = getenv("TMPDIR");
	struct ph_calendar	*cal = NULL;
	struct ph_error		 err;
	enum ph_status		 s;
	char			 sub[600];

	plan_lazy();
	if (datadir == NULL || *datadir == '\0')
		datadir = "data";
	snprintf(tmpdir, sizeof tmpdir, "%s/t-clock-holiday.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		ok(0, "t-clock-holiday.0 make a scratch directory");
		return done();
	}
	snprintf(sub, sizeof sub, "%s/holidays", tmpdir);
	mkdir(sub, 0700);

	err.msg[0] = '\0';
	s = ph_calendar_load(datadir, &cal, &err);
	ok(s == PH_OK, "t-clock-holiday.%d the shipped schedules in %s load "
	    "(%s)", ++ncase, datadir, err.msg);
	if (cal != NULL) {
		shipped(cal);
		deadlines(cal);
		speed(cal);
		computed(cal);
		culture_day(cal, datadir);
	}
	load_errors();
	ph_calendar_free(cal);

	rmdir(sub);
	rmdir(tmpdir);
	return done();
}
