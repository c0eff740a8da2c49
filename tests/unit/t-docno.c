/*
 * t-docno.c -- document numbers: parsing every style and variant the seeds
 * show, formatting, round trips, and the type-code table.
 *
 * Reads data/doctypes.tsv from $PH_SRCDIR (default "."); writes broken
 * tables to temporary files of its own and removes them.  Each case is
 * one TAP line named t-docno.N so that a failure names the case.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "docno.h"
#include "error.h"
#include "tap.h"
#include "viet.h"

static struct ph_doctypes	*table;
static int			 ncase;

static const char *
style_name(enum ph_docno_style s)
{
	switch (s) {
	case PH_DOCNO_PARTY:
		return "party";
	case PH_DOCNO_STATE:
		return "state";
	case PH_DOCNO_SLASHED:
		return "slashed";
	}
	return "?";
}

/*
 * TEXT fit for a TAP line: control bytes, and all non-ASCII bytes if TEXT
 * is not valid UTF-8, as \xHH, so that a case name stays on one line.
 * Returns a static buffer.
 */
static const char *
show(const char *text)
{
	static char		 buf[512];
	const unsigned char	*p;
	size_t			 o = 0;
	int			 esc8 = !ph_utf8_valid(text, strlen(text), NULL);

	for (p = (const unsigned char *)text; *p != '\0' &&
	    o + 5 < sizeof buf; p++) {
		if (*p < 0x20 || *p == 0x7F || (esc8 && *p >= 0x80))
			o += (size_t)snprintf(buf + o, sizeof buf - o, "\\x%02X",
			    *p);
		else
			buf[o++] = (char)*p;
	}
	buf[o] = '\0';
	return buf;
}

/* Parse TEXT with table T and compare every field with the wanted ones. */
static void
parse_t(const struct ph_doctypes *t, const char *text, long number, int year,
    const char *type, const char *issuer, enum ph_docno_style style)
{
	struct ph_docno	d;
	struct ph_error	err;
	enum ph_status	rc;
	int		good;

	memset(&d, 0, sizeof d);
	ph_error_clear(&err);
	rc = ph_docno_parse(t, text, &d, &err);
	good = rc == PH_OK && d.number == number && d.year == year &&
	    strcmp(d.type, type) == 0 && strcmp(d.issuer, issuer) == 0 &&
	    d.style == style;
	ok(good, "t-docno.%d parse \"%s\"%s", ++ncase, show(text),
	    t == NULL ? " (no table)" : "");
	if (!good) {
		diag("got:  rc %d number %ld year %d type \"%s\" issuer \"%s\" "
		    "%s (%s)", rc, d.number, d.year, d.type, d.issuer,
		    style_name(d.style), err.msg);
		diag("want: number %ld year %d type \"%s\" issuer \"%s\" %s",
		    number, year, type, issuer, style_name(style));
	}
}

static void
parse(const char *text, long number, int year, const char *type,
    const char *issuer, enum ph_docno_style style)
{
	parse_t(table, text, number, year, type, issuer, style);
}

/* TEXT holds no document number: PH_ERR_INVALID, a message quoting it,
 * and OUT untouched. */
static void
parse_bad(const char *text, const char *want_in_msg)
{
	struct ph_docno	d;
	struct ph_error	err;
	enum ph_status	rc;
	int		good;

	memset(&d, 0, sizeof d);
	d.number = -7;
	ph_error_clear(&err);
	rc = ph_docno_parse(table, text, &d, &err);
	good = rc == PH_ERR_INVALID && err.code == PH_ERR_INVALID &&
	    strstr(err.msg, want_in_msg) != NULL && d.number == -7;
	ok(good, "t-docno.%d reject \"%s\"", ++ncase, show(text));
	if (!good)
		diag("got rc %d, number %ld, message \"%s\"", rc, d.number,
		    err.msg);
}

/* Parse TEXT and format it again: the canonical form WANT. */
static void
round_trip(const char *text, const char *want)
{
	struct ph_docno	d;
	char		buf[128];
	size_t		n;

	memset(&d, 0, sizeof d);
	buf[0] = '\0';
	n = 0;
	if (ph_docno_parse(table, text, &d, NULL) == PH_OK)
		n = ph_docno_format(&d, buf, sizeof buf);
	if (!is_str(buf, want, "t-docno.%d round trip \"%s\"", ++ncase, text))
		diag("length %zu", n);
}

static void
format(long number, int year, const char *type, const char *issuer,
    enum ph_docno_style style, const char *want)
{
	struct ph_docno	d;
	char		buf[128];
	size_t		n;

	memset(&d, 0, sizeof d);
	d.number = number;
	d.year = year;
	snprintf(d.type, sizeof d.type, "%s", type);
	snprintf(d.issuer, sizeof d.issuer, "%s", issuer);
	d.style = style;
	n = ph_docno_format(&d, buf, sizeof buf);
	ok(strcmp(buf, want) == 0 && n == strlen(want),
	    "t-docno.%d format %s \"%s\"", ++ncase, style_name(style), want);
	if (strcmp(buf, want) != 0 || n != strlen(want))
		diag("got \"%s\" (%zu)", buf, n);
}

static void
find(const struct ph_doctypes *t, const char *code, const char *want)
{
	const struct ph_doctype	*dt = ph_doctypes_find(t, code);

	is_str(dt != NULL ? dt->code : NULL, want, "t-docno.%d find \"%s\"",
	    ++ncase, code);
}

/* Write CONTENT to a new temporary file; its name goes to PATH. */
static int
write_tmp(const char *content, char *path, size_t size)
{
	const char	*dir = getenv("TMPDIR");
	FILE		*f;
	int		 fd;

	snprintf(path, size, "%s/t-docno.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		return -1;
	}
	fputs(content, f);
	if (fclose(f) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* Loading CONTENT fails with an error naming the file and WANT_AT
 * (":3:" for line 3). */
static void
load_bad(const char *what, const char *content, const char *want_at)
{
	struct ph_doctypes	*t = NULL;
	struct ph_error		 err;
	enum ph_status		 rc;
	char			 path[4096];
	int			 good;

	ph_error_clear(&err);
	if (write_tmp(content, path, sizeof path) != 0) {
		ok(0, "t-docno.%d load %s: cannot write a temporary file",
		    ++ncase, what);
		return;
	}
	rc = ph_doctypes_load(path, &t, &err);
	good = rc == PH_ERR_INVALID && t == NULL &&
	    strstr(err.msg, path) != NULL && strstr(err.msg, want_at) != NULL;
	ok(good, "t-docno.%d load %s", ++ncase, what);
	if (!good)
		diag("got rc %d, message \"%s\"", rc, err.msg);
	ph_doctypes_free(t);
	unlink(path);
}

static void
test_table(void)
{
	struct ph_doctypes	*t = NULL;
	struct ph_error		 err;
	char			 path[4096];

	ok(table->n == 25, "t-docno.%d table has 25 codes (%zu)", ++ncase,
	    table->n);

	find(table, "QĐ", "QĐ");
	find(table, "qđ", "QĐ");
	find(table, "QD", "QĐ");
	find(table, "QDI", "QĐi");
	find(table, "qđi", "QĐi");
	find(table, "cv", "CV");
	find(table, "TTR", "TTr");
	find(table, "tt", "TT");
	find(table, "ctr", "CTr");
	find(table, "DA", "ĐA");
	find(table, "Q\xc3\x90", "QĐ");		/* Icelandic eth for Đ */
	find(table, "QB", NULL);
	find(table, "Ttri", NULL);
	find(table, "", NULL);
	find(NULL, "CV", NULL);

	/* Two codes that fold alike without diacritics: "DA" is neither. */
	if (write_tmp("ĐA\tĐề án\nDÂ\tDân\n", path, sizeof path) == 0 &&
	    ph_doctypes_load(path, &t, &err) == PH_OK) {
		find(t, "DA", NULL);
		find(t, "đa", "ĐA");
	} else {
		ok(0, "t-docno.%d load a two-line table", ++ncase);
		ok(0, "t-docno.%d (skipped)", ++ncase);
	}
	ph_doctypes_free(t);
	unlink(path);

	/* CRLF lines, blank lines, comments after blanks, spaces round the
	 * name: all fine. */
	t = NULL;
	if (write_tmp("# x\r\n\r\n  # y\r\nCV\t Công văn \r\n", path,
	    sizeof path) == 0 && ph_doctypes_load(path, &t, &err) == PH_OK)
		ok(t->n == 1 && strcmp(t->v[0].name, "Công văn") == 0,
		    "t-docno.%d load CRLF table", ++ncase);
	else
		ok(0, "t-docno.%d load CRLF table: %s", ++ncase, err.msg);
	ph_doctypes_free(t);
	unlink(path);

	load_bad("line without a tab", "# c\nCV\tCông văn\nQĐ Quyết định\n",
	    ":3:");
	load_bad("empty code", "CV\tCông văn\n\tQuyết định\n", ":2:");
	load_bad("empty name", "CV\t\n", ":1:");
	load_bad("two tabs", "CV\tCông văn\tx\n", ":1:");
	load_bad("digit in code", "C1\tx\n", ":1:");
	load_bad("duplicate code", "CV\tCông văn\nNQ\ty\ncv\tz\n", ":3:");
	load_bad("bad UTF-8", "CV\tC\xf4ng v\xe3n\n", ":1:");
	load_bad("no codes", "# only a comment\n\n", ": no type codes");

	t = NULL;
	ok(ph_doctypes_load("/nonexistent/doctypes.tsv", &t, &err) ==
	    PH_ERR_IO && t == NULL &&
	    strstr(err.msg, "/nonexistent/doctypes.tsv") != NULL,
	    "t-docno.%d load a missing file", ++ncase);
}

static void
test_parse(void)
{
	/* The styles, as the brief and the facts file write them. */
	parse("409-QĐ/TU", 409, 0, "QĐ", "TU", PH_DOCNO_PARTY);
	parse("36-HD/VPTW", 36, 0, "HD", "VPTW", PH_DOCNO_PARTY);
	parse("16-CV/ĐU", 16, 0, "CV", "ĐU", PH_DOCNO_PARTY);
	parse("66-QĐ/TW", 66, 0, "QĐ", "TW", PH_DOCNO_PARTY);
	parse("06/QĐ-TTg", 6, 0, "QĐ", "TTg", PH_DOCNO_STATE);
	parse("30/2020/NĐ-CP", 30, 2020, "NĐ", "CP", PH_DOCNO_STATE);
	parse("123/UBND-VP", 123, 0, "", "UBND-VP", PH_DOCNO_STATE);
	parse_t(NULL, "123/UBND-VP", 123, 0, "UBND", "VP", PH_DOCNO_STATE);
	parse("15/TTr-UBND", 15, 0, "TTr", "UBND", PH_DOCNO_STATE);
	parse("01/2020/TTLT-BTC-BNV", 1, 2020, "TTLT", "BTC-BNV",
	    PH_DOCNO_STATE);

	/* The seeds' variants. */
	parse("278/QĐ/ĐU", 278, 0, "QĐ", "ĐU", PH_DOCNO_SLASHED);
	parse("(Ban hành kèm theo Quyết định số 278/QĐ/ĐU, ngày 28/4/2026 "
	    "của BTV Đảng ủy)", 278, 0, "QĐ", "ĐU", PH_DOCNO_SLASHED);
	parse("-QĐ/ĐU", 0, 0, "QĐ", "ĐU", PH_DOCNO_PARTY);
	parse("Số -QĐ/ĐU", 0, 0, "QĐ", "ĐU", PH_DOCNO_PARTY);
	parse("Số ...-QĐ/ĐU", 0, 0, "QĐ", "ĐU", PH_DOCNO_PARTY);
	parse("Số: /QĐ-UBND", 0, 0, "QĐ", "UBND", PH_DOCNO_STATE);
	parse("Số 409-QĐ/TU", 409, 0, "QĐ", "TU", PH_DOCNO_PARTY);
	parse("số 12-NQ/TW", 12, 0, "NQ", "TW", PH_DOCNO_PARTY);
	parse("Số: 05/BC-ĐU", 5, 0, "BC", "ĐU", PH_DOCNO_STATE);
	parse("Số16-CV/ĐU", 16, 0, "CV", "ĐU", PH_DOCNO_PARTY);
	parse("Quyết định số 90-QĐ/TW, ngày 06/12/2022", 90, 0, "QĐ", "TW",
	    PH_DOCNO_PARTY);
	parse("ngày 06/12/2022, số 15-CV/ĐU", 15, 0, "CV", "ĐU",
	    PH_DOCNO_PARTY);
	parse("Số -QĐ/ĐU ... căn cứ Nghị quyết số 12-NQ/TW", 0, 0, "QĐ", "ĐU",
	    PH_DOCNO_PARTY);
	parse("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", 30,
	    2020, "NĐ", "CP", PH_DOCNO_STATE);

	/* Case. */
	parse("409-qđ/tu", 409, 0, "QĐ", "TU", PH_DOCNO_PARTY);
	parse("06/qđ-ttg", 6, 0, "QĐ", "TTG", PH_DOCNO_STATE);
	parse("409-QĐi/TU", 409, 0, "QĐi", "TU", PH_DOCNO_PARTY);
	parse("409-qđi/tu", 409, 0, "QĐi", "TU", PH_DOCNO_PARTY);
	parse_t(NULL, "409-qđ/tu", 409, 0, "QĐ", "TU", PH_DOCNO_PARTY);

	/* OCR and typing: no diacritic, B for Đ, Ð for Đ, Word's dash. */
	parse("Quy dinh s6 192-QD/TW, ngay 18/5/2019", 192, 0, "QĐ", "TW",
	    PH_DOCNO_PARTY);
	parse("Can ¢t Quy dinh s 24-QB/TW, ngay 30/7/2021", 24, 0, "QB", "TW",
	    PH_DOCNO_PARTY);
	parse("24-qb/tw", 24, 0, "QB", "TW", PH_DOCNO_PARTY);
	parse("05-Ttri/ĐU", 5, 0, "Ttri", "ĐU", PH_DOCNO_PARTY);
	parse("16-CV/\xc3\x90U", 16, 0, "CV", "ĐU", PH_DOCNO_PARTY);
	parse("409\xe2\x80\x93QĐ/TU", 409, 0, "QĐ", "TU", PH_DOCNO_PARTY);

	/* White space and leading zeros. */
	parse("  \t16-CV/ĐU \n", 16, 0, "CV", "ĐU", PH_DOCNO_PARTY);
	parse("0016-CV/ĐU", 16, 0, "CV", "ĐU", PH_DOCNO_PARTY);
	parse("999999999-CV/ĐU", 999999999L, 0, "CV", "ĐU", PH_DOCNO_PARTY);

	/* NFD: marks after their letters, in either order. */
	parse("Quye\xcc\x82\xcc\x81t \xc4\x91i\xcc\xa3nh so\xcc\x82\xcc\x81 "
	    "90-Q\xc4\x90/TW, nga\xcc\x80y 06/12/2022", 90, 0, "QĐ", "TW",
	    PH_DOCNO_PARTY);
	parse("12-CV/HO\xcc\xa3\xcc\x82I", 12, 0, "CV", "H\xe1\xbb\x98I",
	    PH_DOCNO_PARTY);
	parse("12-CV/HO\xcc\x82\xcc\xa3I", 12, 0, "CV", "H\xe1\xbb\x98I",
	    PH_DOCNO_PARTY);
	parse("So\xcc\x82\xcc\x81: 05/BC-\xc4\x90U", 5, 0, "BC", "ĐU",
	    PH_DOCNO_STATE);
	parse("U\xcc\x89y ban: 123/ubnd-vp", 123, 0, "", "UBND-VP",
	    PH_DOCNO_STATE);

	/* No number, or not one we dare read. */
	parse_bad("Công văn về việc", "\"Công văn về việc\"");
	parse_bad("", "\"\"");
	parse_bad("abc/", "\"abc/\"");
	parse_bad("ngày 06/12/2022", "\"ngày 06/12/2022\"");
	parse_bad("T/M BAN THƯỜNG VỤ", "\"T/M BAN THƯỜNG VỤ\"");
	parse_bad("12 -QĐ/ĐU", "\"12 -QĐ/ĐU\"");
	parse_bad("Điều 5/Chương-II", "\"Điều 5/Chương-II\"");
	parse_bad("Số -Căn/cứ", "\"Số -Căn/cứ\"");
	parse_bad("12-CV/ĐU/VP", "\"12-CV/ĐU/VP\"");
	parse_bad("99999999999999999999-CV/ĐU",
	    "\"99999999999999999999-CV/ĐU\"");
	parse_bad("1000000000-CV/ĐU", "\"1000000000-CV/ĐU\"");
	parse_bad("Số 16-CV/\xff", "UTF-8");
}

static void
test_format(void)
{
	char			buf[8];
	struct ph_docno		d;
	size_t			n;

	format(1, 0, "CV", "ĐU", PH_DOCNO_PARTY, "01-CV/ĐU");
	format(16, 0, "CV", "ĐU", PH_DOCNO_PARTY, "16-CV/ĐU");
	format(6, 0, "QĐ", "TTg", PH_DOCNO_STATE, "06/QĐ-TTg");
	format(30, 2020, "NĐ", "CP", PH_DOCNO_STATE, "30/2020/NĐ-CP");
	format(278, 0, "QĐ", "ĐU", PH_DOCNO_SLASHED, "278/QĐ/ĐU");
	format(0, 0, "QĐ", "ĐU", PH_DOCNO_PARTY, "-QĐ/ĐU");
	format(0, 0, "QĐ", "UBND", PH_DOCNO_STATE, "/QĐ-UBND");
	format(123, 0, "", "UBND-VP", PH_DOCNO_STATE, "123/UBND-VP");
	format(12, 2020, "NQ", "TW", PH_DOCNO_PARTY, "12-NQ/TW");

	/* Too small a buffer: cut, terminated, and the length it needed. */
	memset(&d, 0, sizeof d);
	d.number = 409;
	snprintf(d.type, sizeof d.type, "QĐ");
	snprintf(d.issuer, sizeof d.issuer, "TU");
	d.style = PH_DOCNO_PARTY;
	n = ph_docno_format(&d, buf, 4);
	ok(n == strlen("409-QĐ/TU") && strcmp(buf, "409") == 0,
	    "t-docno.%d format into a short buffer", ++ncase);
	ok(ph_docno_format(&d, NULL, 0) == strlen("409-QĐ/TU"),
	    "t-docno.%d format length only", ++ncase);
}

static void
test_round_trip(void)
{
	round_trip("409-QĐ/TU", "409-QĐ/TU");
	round_trip("36-HD/VPTW", "36-HD/VPTW");
	round_trip("Số 01-NQ/TU", "01-NQ/TU");
	round_trip("1-CV/ĐU", "01-CV/ĐU");
	round_trip("06/QĐ-TTg", "06/QĐ-TTg");
	round_trip("30/2020/NĐ-CP", "30/2020/NĐ-CP");
	round_trip("123/UBND-VP", "123/UBND-VP");
	round_trip("278/QĐ/ĐU", "278/QĐ/ĐU");
	round_trip("Số -QĐ/ĐU", "-QĐ/ĐU");
	round_trip("Số: /QĐ-UBND", "/QĐ-UBND");
	round_trip("24-QB/TW", "24-QB/TW");
	round_trip("409-qđ/tu", "409-QĐ/TU");
	round_trip("01/2020/TTLT-BTC-BNV", "01/2020/TTLT-BTC-BNV");
}

int
main(void)
{
	const char	*srcdir = getenv("PH_SRCDIR");
	struct ph_error	 err;
	char		 path[4096];

	plan_lazy();
	snprintf(path, sizeof path, "%s/data/doctypes.tsv",
	    srcdir != NULL && *srcdir != '\0' ? srcdir : ".");
	if (ph_doctypes_load(path, &table, &err) != PH_OK) {
		ok(0, "t-docno.0 load %s: %s", path, err.msg);
		return done();
	}
	test_table();
	test_parse();
	test_format();
	test_round_trip();
	ph_doctypes_free(table);
	return done();
}
