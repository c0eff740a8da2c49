/*
 * clock-holiday.c -- which days are off: the Government's schedule for a
 * year, read from DATADIR/holidays/YYYY.txt, or else the Labour Code's
 * rules.
 *
 * A year file lists the whole year (see data/holidays/README for the
 * format): it replaces the computed rules for that year entirely, so that
 * the swaps and make-up Saturdays the Prime Minister approves, and a
 * clerk's local day off, are data and not code.  Years without a file are
 * computed from the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14):
 *
 *  - art. 112(1): 1/1; Tết Âm lịch, 5 days, placed here on the last day of
 *    the lunar year and days 1 to 4 of the new one (the Government places
 *    them anew each year, as 2026's 16/2-20/2 were; only a file can say
 *    where); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 and one day
 *    before or after it, from 2021 (the second day is new in the 2019
 *    code).  The adjacent day is the one that joins 2/9 to a weekend, as
 *    the schedules of 2024-2026 did (and, by press reports not checked
 *    again, 2021-2023): 3/9 when 2/9 is a Monday, Thursday or Sunday,
 *    else 1/9.  For a Sunday both choices give the same days off.  When
 *    2/9 is a Wednesday neither joins; 1/9 is what 2026 took.
 *  - art. 111(3): a holiday on a Saturday or Sunday gives a day off on the
 *    next working day.  Holidays are taken in date order and each takes
 *    the next weekday that is neither a holiday nor already taken, so two
 *    weekend holidays give two days (Sat 29/4 and Sun 30/4/2023: Tue 2/5
 *    and Wed 3/5 after Mon 1/5).
 *  - Two holidays on the same day (Giỗ Tổ on 30/4, as in 1947) are one day
 *    off: the Code gives no second day for it, and a day too few can only
 *    make a due date early, never late.
 *
 * The rules are today's law.  For years before 2021 they are only an
 * approximation of what was decided then; a register of such years wants a
 * file.  Swaps (a weekday off for a make-up Saturday) are never computed.
 *
 * Lunar dates come from clock-lunar.c; counting working days is
 * clock-workday.c's business, over the per-year bitmaps made here.  No
 * output, no SQLite.  The computed years are made on first use.
 * Exported: ph_calendar_load(), ph_calendar_rules_only(),
 * ph_calendar_free(), ph_calendar_day(), ph_calendar_holidays().
 */
#include "config.h"

#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "clock-private.h"
#include "intl.h"
#include "util.h"
#include "viet.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2199
#define NYEARS		(YEAR_MAX - YEAR_MIN + 1)

/* The first year with the second day of Quốc khánh (Labour Code 2019,
 * in force 1/1/2021). */
#define NATIONAL_DAY_2_FROM	2021

/* A year file is a few dozen lines; a huge one is not a year file. */
#define LINE_MAX_LEN		1024

#define LAW	"Bộ luật Lao động 2019"

struct calyear {
	int			 built;		/* h complete, bits filled */
	int			 from_file;
	struct ph_holiday	*h;		/* in date order */
	size_t			 nh;
	uint64_t		 bits[6];	/* 366 days */
};

struct ph_calendar {
	struct calyear	years[NYEARS];
	struct ph_strv	strings;	/* names, sources the years point to */
};

/* The days of art. 112(1), and what their compensatory day is called.
 * Names are data (they go into registers as they are), not messages. */
enum rule {
	R_NEW_YEAR,
	R_TET,
	R_HUNG_KINGS,
	R_VICTORY,
	R_LABOUR,
	R_NATIONAL,
	R_NATIONAL_2,
};

static const struct {
	const char	*name;
	const char	*comp;
} rules[] = {
	[R_NEW_YEAR] =	 { "Tết Dương lịch", "Nghỉ bù Tết Dương lịch" },
	[R_TET] =	 { "Tết Nguyên đán", "Nghỉ bù Tết Nguyên đán" },
	[R_HUNG_KINGS] = { "Giỗ Tổ Hùng Vương", "Nghỉ bù Giỗ Tổ Hùng Vương" },
	[R_VICTORY] =	 { "Ngày Chiến thắng 30/4",
			   "Nghỉ bù Ngày Chiến thắng 30/4" },
	[R_LABOUR] =	 { "Ngày Quốc tế Lao động 1/5",
			   "Nghỉ bù Ngày Quốc tế Lao động 1/5" },
	[R_NATIONAL] =	 { "Quốc khánh 2/9", "Nghỉ bù Quốc khánh 2/9" },
	[R_NATIONAL_2] = { "Quốc khánh 2/9 (ngày liền kề)",
			   "Nghỉ bù Quốc khánh 2/9 (ngày liền kề)" },
};

static struct ph_calendar *
calendar_new(void)
{
	struct ph_calendar	*cal = ph_xcalloc(1, sizeof *cal);

	ph_strv_init(&cal->strings);
	return cal;
}

void
ph_calendar_free(struct ph_calendar *cal)
{
	int	i;

	if (cal == NULL)
		return;
	for (i = 0; i < NYEARS; i++)
		free(cal->years[i].h);
	ph_strv_release(&cal->strings);
	free(cal);
}

struct ph_calendar *
ph_calendar_rules_only(void)
{
	return calendar_new();
}

/* Keep S (allocated) for the calendar's lifetime and return it. */
static const char *
keep(struct ph_calendar *cal, char *s)
{
	ph_strv_take(&cal->strings, s);
	return s;
}

static void
add_day(struct calyear *cy, size_t *cap, struct ph_date d,
    enum ph_day_kind kind, const char *name, const char *source,
    int uncertain)
{
	struct ph_holiday	*h;

	if (cy->nh == *cap) {
		*cap = *cap == 0 ? 32 : *cap * 2;
		cy->h = ph_xrealloc(cy->h, *cap * sizeof *cy->h);
	}
	h = &cy->h[cy->nh++];
	h->date = d;
	h->kind = kind;
	h->name = name;
	h->source = source;
	h->uncertain = uncertain;
}

static int
cmp_holiday(const void *a, const void *b)
{
	const struct ph_holiday	*x = a, *y = b;

	return ph_date_cmp(x->date, y->date);
}

static int
is_weekend(long z)
{
	int	wd = ph_date_weekday(ph_date_from_days(z));

	return wd == 0 || wd == 6;
}

static long
solar_day(int y, int m, int d)
{
	return ph_date_to_days((struct ph_date){ y, m, d });
}

/* Day number of lunar D/M of lunar year Y, which exists for every month 1
 * and 3 of 1900..2199. */
static long
lunar_day(int y, int m, int d)
{
	struct ph_lunar	l = { y, m, d, 0 };
	struct ph_date	s;
	enum ph_status	st;

	st = ph_lunar_to_solar(&l, &s, NULL);
	assert(st == PH_OK);
	(void)st;
	return ph_date_to_days(s);
}

struct stat_day {
	long		z;
	enum rule	rule;
	const char	*name;		/* set when two holidays share a day */
};

static int
cmp_stat_day(const void *a, const void *b)
{
	const struct stat_day	*x = a, *y = b;

	if (x->z != y->z)
		return x->z < y->z ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static void
add_stat(struct stat_day *st, size_t *nst, long z, enum rule r)
{
	st[*nst].z = z;
	st[*nst].rule = r;
	st[*nst].name = NULL;
	(*nst)++;
}

/* The computed days off of year Y: see the file header. */
static void
rules_year(struct ph_calendar *cal, struct calyear *cy, int y)
{
	struct stat_day	 st[16], comp[16];
	size_t		 nst = 0, ncomp = 0, i, j, cap = 0;
	long		 tet, z, c;
	int		 wd, taken;
	const char	*prev;

	add_stat(st, &nst, solar_day(y, 1, 1), R_NEW_YEAR);
	/* Tết: the last day of the old lunar year and days 1 to 4. */
	tet = lunar_day(y, 1, 1);
	for (z = tet - 1; z <= tet + 3; z++)
		add_stat(st, &nst, z, R_TET);
	add_stat(st, &nst, lunar_day(y, 3, 10), R_HUNG_KINGS);
	add_stat(st, &nst, solar_day(y, 4, 30), R_VICTORY);
	add_stat(st, &nst, solar_day(y, 5, 1), R_LABOUR);
	z = solar_day(y, 9, 2);
	add_stat(st, &nst, z, R_NATIONAL);
	if (y >= NATIONAL_DAY_2_FROM) {
		wd = ph_date_weekday(ph_date_from_days(z));
		/* Monday, Thursday, Sunday: 3/9 touches the weekend. */
		add_stat(st, &nst, wd == 1 || wd == 4 || wd == 0 ? z + 1 :
		    z - 1, R_NATIONAL_2);
	}
	qsort(st, nst, sizeof *st, cmp_stat_day);

	/* One day off for holidays that fall on the same day. */
	for (i = j = 0; i < nst; i++) {
		if (j > 0 && st[j - 1].z == st[i].z) {
			prev = st[j - 1].name != NULL ? st[j - 1].name :
			    rules[st[j - 1].rule].name;
			st[j - 1].name = keep(cal, ph_xasprintf("%s, %s", prev,
			    rules[st[i].rule].name));
			continue;
		}
		st[j++] = st[i];
	}
	nst = j;

	/* Art. 111(3), in date order so that chains come out right. */
	for (i = 0; i < nst; i++) {
		if (!is_weekend(st[i].z))
			continue;
		for (c = st[i].z + 1;; c++) {
			if (is_weekend(c))
				continue;
			taken = 0;
			for (j = 0; j < nst && !taken; j++)
				taken = st[j].z == c;
			for (j = 0; j < ncomp && !taken; j++)
				taken = comp[j].z == c;
			if (!taken)
				break;
		}
		comp[ncomp].z = c;
		comp[ncomp].rule = st[i].rule;
		comp[ncomp].name = NULL;
		ncomp++;
	}

	for (i = 0; i < nst; i++)
		add_day(cy, &cap, ph_date_from_days(st[i].z), PH_DAY_OFF,
		    st[i].name != NULL ? st[i].name : rules[st[i].rule].name,
		    LAW, 0);
	for (i = 0; i < ncomp; i++) {
		/* 2/9 is the last holiday: no compensation leaves the year. */
		assert(ph_date_from_days(comp[i].z).y == y);
		add_day(cy, &cap, ph_date_from_days(comp[i].z), PH_DAY_OFF,
		    rules[comp[i].rule].comp, LAW, 0);
	}
	if (cy->nh > 1)
		qsort(cy->h, cy->nh, sizeof *cy->h, cmp_holiday);
}

/* Year Y (in range), its list made and its bitmap filled. */
static struct calyear *
year_get(struct ph_calendar *cal, int y)
{
	struct calyear	*cy = &cal->years[y - YEAR_MIN];
	long		 jan1, z, len, doy;
	size_t		 i;

	if (cy->built)
		return cy;
	if (!cy->from_file)
		rules_year(cal, cy, y);
	jan1 = ph_date_to_days((struct ph_date){ y, 1, 1 });
	len = ph_date_to_days((struct ph_date){ y + 1, 1, 1 }) - jan1;
	memset(cy->bits, 0, sizeof cy->bits);
	for (z = jan1; z < jan1 + len; z++) {
		if (!is_weekend(z)) {
			doy = z - jan1;
			cy->bits[doy / 64] |= UINT64_C(1) << (doy % 64);
		}
	}
	for (i = 0; i < cy->nh; i++) {
		doy = ph_date_to_days(cy->h[i].date) - jan1;
		if (cy->h[i].kind == PH_DAY_WORK)
			cy->bits[doy / 64] |= UINT64_C(1) << (doy % 64);
		else
			cy->bits[doy / 64] &= ~(UINT64_C(1) << (doy % 64));
	}
	cy->built = 1;
	return cy;
}

const uint64_t *
ph_calendar_workbits(struct ph_calendar *cal, int y)
{
	assert(y >= YEAR_MIN && y <= YEAR_MAX);
	return year_get(cal, y)->bits;
}

const struct ph_holiday *
ph_calendar_day(struct ph_calendar *cal, struct ph_date d)
{
	struct calyear		*cy;
	struct ph_holiday	 key;

	if (d.y < YEAR_MIN || d.y > YEAR_MAX)
		return NULL;
	cy = year_get(cal, d.y);
	key.date = d;
	return bsearch(&key, cy->h, cy->nh, sizeof *cy->h, cmp_holiday);
}

enum ph_status
ph_calendar_holidays(struct ph_calendar *cal, int y, ph_holiday_cb cb,
    void *arg, struct ph_error *err)
{
	struct calyear	*cy;
	size_t		 i;

	if (y < YEAR_MIN || y > YEAR_MAX)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("year %d is outside the calendar's range, %d to %d"), y,
		    YEAR_MIN, YEAR_MAX);
	cy = year_get(cal, y);
	for (i = 0; i < cy->nh; i++) {
		if (cb(&cy->h[i], arg) != 0)
			break;
	}
	return PH_OK;
}

/* ---- reading the year files */

/* Cut the next white-space separated word off *P; NULL at the end. */
static char *
next_word(char **p)
{
	char	*w = *p, *e;

	while (*w == ' ' || *w == '\t')
		w++;
	if (*w == '\0')
		return NULL;
	e = w + strcspn(w, " \t");
	if (*e != '\0')
		*e++ = '\0';
	*p = e;
	return w;
}

/* Parse one entry line (comments and blank lines already skipped) of the
 * file PATH for year Y into CY; LINES[i] is the line of entry i. */
static enum ph_status
parse_line(struct ph_calendar *cal, struct calyear *cy, size_t *cap,
    long **lines, const char *path, long lineno, int y, char *p,
    struct ph_error *err)
{
	struct ph_error	 e;
	struct ph_date	 d;
	enum ph_day_kind kind;
	char		*w, *name, buf[16];
	int		 uncertain = 0, wd;
	size_t		 i, bad;

	w = next_word(&p);
	if (ph_date_parse(w, &d, &e) != PH_OK)
		return ph_error_set(err, PH_ERR_INVALID, "%s:%ld: %s", path,
		    lineno, e.msg);
	if ((w = next_word(&p)) == NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: nothing after the date (write off or work, "
		    "then the name of the day)"), path, lineno);
	if (strcasecmp(w, "off") == 0)
		kind = PH_DAY_OFF;
	else if (strcasecmp(w, "work") == 0)
		kind = PH_DAY_WORK;
	else
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: unknown kind \"%s\" (write off or work)"), path,
		    lineno, w);
	/* An optional "uncertain", then the name: the rest of the line. */
	name = p + strspn(p, " \t");
	if (strcspn(name, " \t") == 9 &&
	    strncasecmp(name, "uncertain", 9) == 0) {
		uncertain = 1;
		name += 9;
	}
	name = ph_str_trim(name);
	if (*name == '\0')
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: %s has no name"), path, lineno,
		    ph_date_vn(d, buf));
	if (!ph_utf8_valid(name, strlen(name), &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: the name is not UTF-8 text (save the file as "
		    "UTF-8)"), path, lineno);
	if (d.y != y)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: %s is not in %d, the year this file is named "
		    "after"), path, lineno, ph_date_vn(d, buf), y);
	for (i = 0; i < cy->nh; i++) {
		if (ph_date_cmp(cy->h[i].date, d) == 0)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%ld: %s is listed twice (first on line %ld)"),
			    path, lineno, ph_date_vn(d, buf), (*lines)[i]);
	}
	wd = ph_date_weekday(d);
	if (kind == PH_DAY_WORK && wd != 0 && wd != 6)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%ld: %s is a weekday, a working day already: a "
		    "make-up day (work) is a Saturday or a Sunday"), path,
		    lineno, ph_date_vn(d, buf));

	add_day(cy, cap, d, kind, keep(cal, ph_viet_nfc(name)),
	    keep(cal, ph_xasprintf("%s:%ld", path, lineno)), uncertain);
	*lines = ph_xrealloc(*lines, *cap * sizeof **lines);
	(*lines)[cy->nh - 1] = lineno;
	return PH_OK;
}

/*
 * The four fixed-date holidays must be in every year file, as days off.
 * A file replaces the rules for its year, so a file written to add one
 * local day off (and nothing else) would silently drop Tết and the rest:
 * that mistake is refused here.  The lunar holidays are not checked, so
 * that a file can still correct the computed lunar calendar.
 */
static enum ph_status
check_fixed(struct calyear *cy, const char *path, int y,
    struct ph_error *err)
{
	static const struct { int m, d; } fixed[] = {
		{ 1, 1 }, { 4, 30 }, { 5, 1 }, { 9, 2 },
	};
	struct ph_date	d;
	size_t		i, j;
	char		buf[16];

	if (cy->nh == 0)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s: no days listed; a year file lists every day off of "
		    "its year (delete it to use the computed rules)"), path);
	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		d = (struct ph_date){ y, fixed[i].m, fixed[i].d };
		for (j = 0; j < cy->nh; j++) {
			if (ph_date_cmp(cy->h[j].date, d) == 0 &&
			    cy->h[j].kind == PH_DAY_OFF)
				break;
		}
		if (j == cy->nh)
			return ph_error_set(err, PH_ERR_INVALID,
			    _("%s: %s is not listed as off; a year file lists "
			    "every day off of its year, the public holidays "
			    "too (see holidays/README)"), path,
			    ph_date_vn(d, buf));
	}
	return PH_OK;
}

static enum ph_status
load_file(struct ph_calendar *cal, const char *path, int y,
    struct ph_error *err)
{
	struct calyear	*cy = &cal->years[y - YEAR_MIN];
	FILE		*f;
	char		*line = NULL, *p;
	size_t		 size = 0, cap = 0;
	ssize_t		 n;
	long		*lines = NULL, lineno = 0;
	enum ph_status	 s = PH_OK;

	if ((f = fopen(path, "r")) == NULL)
		return ph_error_set(err, PH_ERR_IO, _("cannot read %s: %s"),
		    path, strerror(errno));
	while ((n = getline(&line, &size, f)) != -1) {
		lineno++;
		if (n > LINE_MAX_LEN) {
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%ld: line too long"), path, lineno);
			goto out;
		}
		line[strcspn(line, "\r\n")] = '\0';
		p = line;
		/* Windows editors start UTF-8 files with a byte order mark. */
		if (lineno == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		p = ph_str_trim(p);
		if (*p == '\0' || *p == '#')
			continue;
		s = parse_line(cal, cy, &cap, &lines, path, lineno, y, p, err);
		if (s != PH_OK)
			goto out;
	}
	if (ferror(f)) {
		s = ph_error_set(err, PH_ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	if ((s = check_fixed(cy, path, y, err)) != PH_OK)
		goto out;
	if (cy->nh > 1)
		qsort(cy->h, cy->nh, sizeof *cy->h, cmp_holiday);
	cy->from_file = 1;
out:
	if (s != PH_OK) {
		free(cy->h);
		cy->h = NULL;
		cy->nh = 0;
	}
	free(lines);
	free(line);
	fclose(f);
	return s;
}

/* The year a file is named after ("2026.txt"), or 0. */
static int
file_year(const char *name)
{
	int	i;

	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)name[i]))
			return 0;
	}
	if (strcmp(name + 4, ".txt") != 0)
		return 0;
	return atoi(name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum ph_status
ph_calendar_load(const char *datadir, struct ph_calendar **out,
    struct ph_error *err)
{
	struct ph_calendar	*cal = NULL;
	struct ph_strv		 names;
	struct dirent		*de;
	DIR			*dp;
	char			*dir, *path;
	size_t			 len, i;
	int			 y;
	enum ph_status		 s = PH_OK;

	*out = NULL;
	ph_strv_init(&names);
	dir = ph_xasprintf("%s/holidays", datadir);
	/*
	 * No directory is an error, not "rules only": an install that lost
	 * its schedules would otherwise count 2026 without the days the
	 * Government added, and nobody would notice.
	 */
	if ((dp = opendir(dir)) == NULL) {
		s = ph_error_set(err, PH_ERR_IO,
		    _("cannot read the holiday schedules in %s: %s"), dir,
		    strerror(errno));
		goto out;
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0)
			ph_strv_push(&names, de->d_name);
	}
	closedir(dp);
	/* In name order, so that the first error is always the same one. */
	if (names.n > 1)
		qsort(names.v, names.n, sizeof *names.v, cmp_str);

	cal = calendar_new();
	for (i = 0; i < names.n && s == PH_OK; i++) {
		path = ph_xasprintf("%s/%s", dir, names.v[i]);
		y = file_year(names.v[i]);
		if (y == 0)
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("%s: not a year file: name it after its year, as "
			    "in 2026.txt"), path);
		else if (y < YEAR_MIN || y > YEAR_MAX)
			s = ph_error_set(err, PH_ERR_INVALID,
			    _("%s: year %d is outside the calendar's range, %d "
			    "to %d"), path, y, YEAR_MIN, YEAR_MAX);
		else
			s = load_file(cal, path, y, err);
		free(path);
	}
	if (s != PH_OK) {
		ph_calendar_free(cal);
		cal = NULL;
	}
	*out = cal;
out:
	ph_strv_release(&names);
	free(dir);
	return s;
}
