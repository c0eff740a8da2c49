/*
 * t-agreement-file.c -- the agreement files: the five real regulations of
 * data/agreements/ load with the facts read from the seeds, the defaults
 * are what agreement.h says, NFD input comes out NFC, and every kind of
 * malformed file is refused with its line number and reason.
 *
 * Reads $PHOIHOP_DATADIR/agreements/ (default "data/agreements"); writes
 * one temporary file of its own and removes it.  Each case is one TAP line
 * named t-agreement-file.N so that a failure names the case.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agreement.h"
#include "error.h"
#include "tap.h"

static int		 ncase;
static const char	*datadir;

/* A minimal valid header, to which the malformed cases add. */
#define HEAD	"number: 1-QĐ/ĐU\ntitle: Quy chế thử\n"

static const char *
kind_name(enum ph_period_kind k)
{
	switch (k) {
	case PH_PERIOD_HALF_YEAR:
		return "half-year";
	case PH_PERIOD_YEAR:
		return "year";
	case PH_PERIOD_TERM_END:
		return "term-end";
	}
	return "?";
}

static int
load(const char *file, struct ph_agreement_def *a)
{
	struct ph_error	err;
	char		path[4096];

	snprintf(path, sizeof path, "%s/agreements/%s", datadir, file);
	ph_error_clear(&err);
	if (!ok(ph_agreement_def_load(path, a, &err) == PH_OK,
	    "t-agreement-file.%d load %s", ++ncase, file)) {
		diag("%s", err.msg);
		return -1;
	}
	return 0;
}

static void
check_head(const struct ph_agreement_def *a, const char *number, int y, int m,
    int d, const char *issuer, size_t nparties, size_t nitems)
{
	is_str(a->number, number, "t-agreement-file.%d number", ++ncase);
	ok(a->date.y == y && a->date.m == m && a->date.d == d,
	    "t-agreement-file.%d %s dated %02d/%02d/%d (%02d/%02d/%d)",
	    ++ncase, number, d, m, y, a->date.d, a->date.m, a->date.y);
	is_str(a->issuer, issuer, "t-agreement-file.%d %s issuer", ++ncase,
	    number);
	ok(a->title != NULL && strncmp(a->title, "Quy chế phối hợp ",
	    strlen("Quy chế phối hợp ")) == 0,
	    "t-agreement-file.%d %s title starts \"Quy chế phối hợp\"",
	    ++ncase, number);
	is_int((int64_t)a->parties.n, (int64_t)nparties,
	    "t-agreement-file.%d %s parties", ++ncase, number);
	is_int((int64_t)a->items.n, (int64_t)nitems,
	    "t-agreement-file.%d %s content items", ++ncase, number);
}

static void
check_reply(const struct ph_agreement_def *a, int days, int workdays,
    int is_default, const char *source_has)
{
	const struct ph_reply_rule *r = &a->reply;

	ok(r->days == days && r->workdays == workdays &&
	    r->is_default == is_default,
	    "t-agreement-file.%d %s reply %d %s%s", ++ncase, a->number, days,
	    workdays ? "working days" : "days", is_default ? " (default)" : "");
	ok(r->lead[0] == 2 && r->lead[1] == 0 && r->lead[2] == -1 &&
	    r->grace == 2, "t-agreement-file.%d %s lead {2, 0}, grace 2",
	    ++ncase, a->number);
	ok(r->source != NULL && strstr(r->source, source_has) != NULL,
	    "t-agreement-file.%d %s reply source cites \"%s\"", ++ncase,
	    a->number, source_has);
}

/* The periodic rule KEY: kind, dates (M2 0 for one date), before, dayoff,
 * and the article its source cites. */
static void
check_periodic(const struct ph_agreement_def *a, const char *key,
    enum ph_period_kind kind, int before, int d, int m, int d2, int m2,
    enum ph_dayoff_policy dayoff, const char *source_has)
{
	const struct ph_periodic_rule	*r = NULL;
	size_t				 i;

	for (i = 0; i < a->n_periodic; i++)
		if (strcmp(a->periodic[i].key, key) == 0)
			r = &a->periodic[i];
	if (r == NULL) {
		ok(0, "t-agreement-file.%d %s has [periodic %s]", ++ncase,
		    a->number, key);
		return;
	}
	ok(r->kind == kind && r->before == before && r->day == d &&
	    r->month == m && r->day2 == d2 && r->month2 == m2 &&
	    r->dayoff == dayoff && r->name != NULL,
	    "t-agreement-file.%d %s [periodic %s] %s %s %02d/%02d%s", ++ncase,
	    a->number, key, kind_name(kind), before ? "before" : "on", d, m,
	    m2 != 0 ? " and the second date" : "");
	if (r->kind != kind || r->day != d || r->month != m ||
	    r->day2 != d2 || r->month2 != m2)
		diag("got %s %d %02d/%02d %02d/%02d dayoff %d",
		    kind_name(r->kind), r->before, r->day, r->month, r->day2,
		    r->month2, (int)r->dayoff);
	ok(r->source != NULL && strstr(r->source, source_has) != NULL,
	    "t-agreement-file.%d %s [periodic %s] source cites \"%s\"",
	    ++ncase, a->number, key, source_has);
}

static void
check_escalation(const struct ph_agreement_def *a, size_t n,
    const char *first, const char *last)
{
	is_int((int64_t)a->n_escalation, (int64_t)n,
	    "t-agreement-file.%d %s escalation steps", ++ncase, a->number);
	if (a->n_escalation == 0) {
		ok(0, "t-agreement-file.%d (no steps)", ++ncase);
		ok(0, "t-agreement-file.%d (no steps)", ++ncase);
		return;
	}
	is_str(a->escalation[0].body, first,
	    "t-agreement-file.%d %s escalation first", ++ncase, a->number);
	is_str(a->escalation[a->n_escalation - 1].body, last,
	    "t-agreement-file.%d %s escalation last", ++ncase, a->number);
}

static void
test_seed_000(void)
{
	struct ph_agreement_def	a;

	if (load("000-90-QD-TW.txt", &a) != 0)
		return;
	check_head(&a, "90-QĐ/TW", 2022, 12, 6, "Ban Bí thư", 2, 5);
	check_reply(&a, 5, 1, 1, "Điều 6, khoản 2");
	is_int((int64_t)a.n_periodic, 3, "t-agreement-file.%d 90-QĐ/TW "
	    "periodic rules", ++ncase);
	check_periodic(&a, "trao-doi-6-thang", PH_PERIOD_HALF_YEAR, 0, 30, 6,
	    31, 12, PH_DAYOFF_PREVIOUS, "Điều 6, khoản 1");
	check_periodic(&a, "hop-hang-nam", PH_PERIOD_YEAR, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 1");
	check_periodic(&a, "tong-ket", PH_PERIOD_TERM_END, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 2");
	check_escalation(&a, 2, "Ban Bí thư", "Bộ Chính trị");
	is_str(a.escalation[0].when, "chưa thống nhất",
	    "t-agreement-file.%d 90-QĐ/TW escalation when", ++ncase);
	is_int((int64_t)a.supersedes.n, 0, "t-agreement-file.%d 90-QĐ/TW "
	    "supersedes nothing", ++ncase);
	ph_agreement_def_release(&a);
}

static void
test_seed_001(void)
{
	struct ph_agreement_def	a;

	if (load("001-888-QD-TU.txt", &a) != 0)
		return;
	check_head(&a, "888-QĐ/TU", 2023, 3, 24, "Ban Thường vụ Tỉnh ủy", 2,
	    7);
	ok(strncmp(a.items.v[6], "Xây dựng các tổ chức đoàn thể",
	    strlen("Xây dựng các tổ chức đoàn thể")) == 0,
	    "t-agreement-file.%d 888-QĐ/TU item 7 read back from the OCR",
	    ++ncase);
	check_reply(&a, 5, 1, 1, "Điều 6, khoản 1");
	is_int((int64_t)a.n_periodic, 2, "t-agreement-file.%d 888-QĐ/TU "
	    "periodic rules", ++ncase);
	check_periodic(&a, "bc-hang-nam", PH_PERIOD_YEAR, 1, 15, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 1");
	check_periodic(&a, "tong-ket", PH_PERIOD_TERM_END, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 2");
	is_str(a.periodic[0].to, "Ban Thường vụ Tỉnh ủy",
	    "t-agreement-file.%d 888-QĐ/TU yearly report goes to the BTV",
	    ++ncase);
	check_escalation(&a, 2, "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy");
	ph_agreement_def_release(&a);
}

static void
test_seed_002(void)
{
	struct ph_agreement_def	a;
	int			found = 0;
	size_t			i;

	if (load("002-409-QD-TU.txt", &a) != 0)
		return;
	check_head(&a, "409-QĐ/TU", 2026, 3, 26,
	    "Ban Thường vụ Tỉnh ủy Hưng Yên", 2, 6);
	check_reply(&a, 5, 1, 0, "chậm nhất 05 ngày làm việc");
	ok(strstr(a.reply.source, "Điều 6") != NULL,
	    "t-agreement-file.%d 409-QĐ/TU reply rule is in Điều 6", ++ncase);
	is_int((int64_t)a.n_periodic, 3, "t-agreement-file.%d 409-QĐ/TU "
	    "periodic rules", ++ncase);
	check_periodic(&a, "tb-6-thang-nam", PH_PERIOD_HALF_YEAR, 1, 20, 6, 20,
	    12, PH_DAYOFF_PREVIOUS, "trước ngày 20 tháng 6");
	check_periodic(&a, "hop-hang-nam", PH_PERIOD_YEAR, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 1");
	check_periodic(&a, "tong-ket", PH_PERIOD_TERM_END, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 2");
	is_str(a.periodic[0].who, "Đảng ủy Công an tỉnh",
	    "t-agreement-file.%d 409-QĐ/TU notice owed by ĐUCA", ++ncase);
	check_escalation(&a, 3, "Ban Thường vụ Tỉnh ủy",
	    "Đảng ủy Công an Trung ương");
	for (i = 0; i < a.n_escalation; i++)
		if (a.escalation[i].via != NULL && strcmp(a.escalation[i].via,
		    "Ban Tổ chức Tỉnh ủy") == 0)
			found++;
	is_int(found, 1, "t-agreement-file.%d 409-QĐ/TU one step via the Ban "
	    "Tổ chức Tỉnh ủy", ++ncase);
	ok(a.supersedes.n == 1 && strcmp(a.supersedes.v[0], "888-QĐ/TU") == 0,
	    "t-agreement-file.%d 409-QĐ/TU supersedes 888-QĐ/TU", ++ncase);
	ph_agreement_def_release(&a);
}

static void
test_seed_003(void)
{
	struct ph_agreement_def	a;

	if (load("003-draft-QD-DU.txt", &a) != 0)
		return;
	check_head(&a, "-QĐ/ĐU", 2026, 5, 11,
	    "Ban Thường vụ Đảng ủy phường Hải Dương", 2, 5);
	check_reply(&a, 5, 1, 1, "Điều 10, khoản 2");
	is_int((int64_t)a.n_periodic, 5, "t-agreement-file.%d -QĐ/ĐU "
	    "periodic rules", ++ncase);
	check_periodic(&a, "trao-doi-6-thang", PH_PERIOD_HALF_YEAR, 0, 30, 6,
	    31, 12, PH_DAYOFF_PREVIOUS, "Điều 10, khoản 1");
	check_periodic(&a, "ngay-hoi-19-8", PH_PERIOD_YEAR, 0, 19, 8, 0, 0,
	    PH_DAYOFF_KEEP, "Điều 8, khoản 1, điểm a");
	check_periodic(&a, "hn-lang-nghe", PH_PERIOD_YEAR, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 7, khoản 2, điểm e");
	check_periodic(&a, "hop-hang-nam", PH_PERIOD_YEAR, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 11, khoản 1");
	check_periodic(&a, "tong-ket", PH_PERIOD_TERM_END, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 11, khoản 2");
	check_escalation(&a, 2, "Thường trực Đảng ủy phường",
	    "Ban Thường vụ Đảng ủy phường");
	ph_agreement_def_release(&a);
}

static void
test_seed_004(void)
{
	struct ph_agreement_def	a;

	if (load("004-278-QD-DU.txt", &a) != 0)
		return;
	check_head(&a, "278/QĐ/ĐU", 2026, 4, 28, "Ban Thường vụ Đảng ủy xã", 5,
	    5);
	check_reply(&a, 5, 1, 1, "Điều 5, khoản 1, điểm a");
	is_int((int64_t)a.n_periodic, 2, "t-agreement-file.%d 278/QĐ/ĐU "
	    "periodic rules", ++ncase);
	check_periodic(&a, "trao-doi-6-thang", PH_PERIOD_HALF_YEAR, 0, 30, 6,
	    31, 12, PH_DAYOFF_PREVIOUS, "Điều 6, khoản 2");
	check_periodic(&a, "hop-hang-nam", PH_PERIOD_YEAR, 0, 31, 12, 0, 0,
	    PH_DAYOFF_PREVIOUS, "Điều 6, khoản 4");
	is_str(a.periodic[0].to, "Ban Xây dựng Đảng",
	    "t-agreement-file.%d 278/QĐ/ĐU exchange goes to the Ban XDĐ",
	    ++ncase);
	check_escalation(&a, 2, "Thường trực Đảng ủy xã",
	    "Ban Thường vụ Đảng ủy xã");
	is_str(a.escalation[1].via, "Ban Xây dựng Đảng",
	    "t-agreement-file.%d 278/QĐ/ĐU escalation via the Ban XDĐ",
	    ++ncase);
	ph_agreement_def_release(&a);
}

/*
 * TEXT is refused: PH_ERR_INVALID, a message "t.txt:LINE: ..." that
 * contains REASON, and A left empty.
 */
static void
parse_bad(const char *what, const char *text, int line, const char *reason)
{
	struct ph_agreement_def	a;
	struct ph_error		err;
	enum ph_status		rc;
	char			at[32];
	int			good;

	ph_error_clear(&err);
	snprintf(at, sizeof at, "t.txt:%d: ", line);
	rc = ph_agreement_def_parse("t.txt", text, &a, &err);
	good = rc == PH_ERR_INVALID && err.code == PH_ERR_INVALID &&
	    strncmp(err.msg, at, strlen(at)) == 0 &&
	    strstr(err.msg, reason) != NULL && a.number == NULL &&
	    a.title == NULL && a.items.n == 0 && a.n_periodic == 0 &&
	    a.periodic == NULL && a.n_escalation == 0 && a.parties.n == 0;
	ok(good, "t-agreement-file.%d refuse %s", ++ncase, what);
	if (!good)
		diag("got rc %d, message \"%s\"; want \"%s...%s\"", rc, err.msg,
		    at, reason);
	ph_agreement_def_release(&a);
}

static void
test_malformed(void)
{
	parse_bad("an unknown header key", HEAD "numbr: 2-QĐ/ĐU\n", 3,
	    "unknown key \"numbr\"");
	parse_bad("an unknown section", HEAD "\n[reponse]\n", 4,
	    "unknown section [reponse]");
	parse_bad("a missing number", "# c\ntitle: T\n[items]\n1. x\n", 1,
	    "no \"number:\"");
	parse_bad("a missing title", "number: 1-QĐ/ĐU\n", 1, "no \"title:\"");
	parse_bad("an empty file", "", 1, "no \"number:\"");
	parse_bad("a date that does not exist", HEAD "date: 31/02/2026\n", 3,
	    "31/02/2026");
	parse_bad("a date in words", HEAD "date: ngày 26 tháng 3\n", 3,
	    "not a date");
	parse_bad("a due day that does not exist", HEAD "[periodic x]\n"
	    "name: n\nkind: year\ndue: before 31/02\n", 6, "31/02");
	parse_bad("29 February as a yearly date", HEAD "[periodic x]\n"
	    "name: n\nkind: year\ndue: on 29/02\n", 6, "every year");
	parse_bad("a due without before/on", HEAD "[periodic x]\nname: n\n"
	    "kind: year\ndue: 20/12\n", 6, "\"before D/M\"");
	parse_bad("a periodic rule without due", HEAD "[periodic bc]\n"
	    "name: n\nkind: year\n\n[escalation]\n", 3, "has no \"due:\"");
	parse_bad("a periodic rule without due at the end", HEAD
	    "[periodic bc]\nname: n\nkind: year\n", 3, "has no \"due:\"");
	parse_bad("a periodic rule without kind", HEAD "[periodic bc]\n"
	    "name: n\ndue: on 1/1\n", 3, "has no \"kind:\"");
	parse_bad("a half-year with one date", HEAD "[periodic bc]\nname: n\n"
	    "kind: half-year\ndue: before 20/06\n", 6, "two dates");
	parse_bad("a year with two dates", HEAD "[periodic bc]\nname: n\n"
	    "due: before 20/06, before 20/12\nkind: year\n", 5, "one date");
	parse_bad("a half-year with mixed before and on", HEAD
	    "[periodic bc]\nname: n\nkind: half-year\n"
	    "due: before 20/06, on 20/12\n", 6, "both");
	parse_bad("a half-year in the wrong order", HEAD "[periodic bc]\n"
	    "name: n\nkind: half-year\ndue: before 20/12, before 20/06\n", 6,
	    "calendar order");
	parse_bad("lead that is not numbers", HEAD "[reply]\ndays: 5\n"
	    "lead: 2, x\n", 5, "lead is a list");
	parse_bad("lead going up", HEAD "[reply]\ndays: 5\nlead: 0, 2\n", 5,
	    "largest");
	parse_bad("four lead times", HEAD "[reply]\ndays: 5\n"
	    "lead: 5, 3, 1, 0\n", 5, "at most 3");
	parse_bad("a duplicate periodic key", HEAD "[periodic bc]\nname: n\n"
	    "kind: year\ndue: on 1/1\n[periodic bc]\n", 7, "given twice");
	parse_bad("an upper-case periodic key", HEAD "[periodic Bc 6]\n", 3,
	    "lower-case");
	parse_bad("[periodic] without a key", HEAD "[periodic]\n", 3,
	    "needs a key");
	parse_bad("invalid UTF-8", HEAD "issuer: Ban Th\xc6\xb0\xe1\xbb"
	    "ng v\xe1\xbb\xa5\n", 3, "invalid UTF-8 at byte 57");
	parse_bad("a lone continuation byte on line 1", "number: \x80\n", 1,
	    "invalid UTF-8 at byte 8");
	parse_bad("a control character", HEAD "issuer: a\x01" "b\n", 3,
	    "control character 0x01");
	parse_bad("a line without a colon", HEAD "issuer Ban Thường vụ\n", 3,
	    "expected \"key: value\"");
	parse_bad("an empty value", HEAD "issuer:\n", 3, "has no value");
	parse_bad("a duplicate number", HEAD "number: 2-QĐ/ĐU\n", 3,
	    "given twice");
	parse_bad("an item without its number", HEAD "[items]\n1. a\nb\n", 5,
	    "\"N. text\"");
	parse_bad("items out of order", HEAD "[items]\n1. a\n3. c\n", 5,
	    "item 3 should be item 2");
	parse_bad("[items] twice", HEAD "[items]\n1. a\n[items]\n", 5,
	    "[items] given twice");
	parse_bad("an unknown unit", HEAD "[reply]\ndays: 5\n"
	    "unit: ngày làm việc\n", 5, "unit is");
	parse_bad("default that is not yes or no", HEAD "[reply]\ndays: 5\n"
	    "default: có\n", 5, "default is");
	parse_bad("days zero", HEAD "[reply]\ndays: 0\n", 4, "days is");
	parse_bad("days in words", HEAD "[reply]\ndays: năm\n", 4, "days is");
	parse_bad("a negative grace", HEAD "[reply]\ndays: 5\ngrace: -1\n", 5,
	    "grace is");
	parse_bad("[reply] without days", HEAD "[reply]\nunit: days\n"
	    "[items]\n", 3, "[reply] has no \"days:\"");
	parse_bad("an unknown key in [reply]", HEAD "[reply]\ndays: 5\n"
	    "within: 5\n", 5, "unknown key \"within\" in [reply]");
	parse_bad("an unknown kind", HEAD "[periodic x]\nkind: quarter\n", 4,
	    "kind is");
	parse_bad("an unknown dayoff", HEAD "[periodic x]\ndayoff: before\n",
	    4, "dayoff is");
	parse_bad("a step out of order", HEAD "[escalation]\n1: A\n3: C\n", 5,
	    "step 3 should be step 2");
	parse_bad("a step with no body", HEAD "[escalation]\n1: | via: B\n", 4,
	    "names no body");
	parse_bad("an unknown step attribute", HEAD "[escalation]\n"
	    "1: A | by: B\n", 4, "\"via: ...\" or \"when: ...\"");
	parse_bad("a step attribute twice", HEAD "[escalation]\n"
	    "1: A | via: B | via: C\n", 4, "given twice");
	parse_bad("a step that is not numbered", HEAD "[escalation]\n"
	    "first: A\n", 4, "\"N: body\"");
	parse_bad("a section header without ]", HEAD "[items\n", 3, "\"]\"");
	parse_bad("an argument to [reply]", HEAD "[reply now]\n", 3,
	    "takes no argument");
	parse_bad("a header key after a section", HEAD "[escalation]\n"
	    "1: A\nnumber: 2-QĐ/ĐU\n", 5, "\"N: body\"");
	parse_bad("CRLF lines keep their numbers", "number: 1\r\n"
	    "title: T\r\n\r\nwhat: x\r\n", 4, "unknown key \"what\"");
}

static void
test_defaults(void)
{
	struct ph_agreement_def	a;
	struct ph_error		err;
	enum ph_status		rc;

	/* No [reply]: phoihop's 5 working days, marked as the default. */
	rc = ph_agreement_def_parse("d.txt", HEAD "[periodic bc]\nname: n\n"
	    "kind: year\ndue: before 15/12\n", &a, &err);
	ok(rc == PH_OK && a.reply.days == 5 && a.reply.workdays == 1 &&
	    a.reply.is_default == 1 && a.reply.lead[0] == 2 &&
	    a.reply.lead[1] == 0 && a.reply.lead[2] == -1 &&
	    a.reply.grace == 2 && a.reply.source == NULL,
	    "t-agreement-file.%d no [reply]: 5 working days, is_default",
	    ++ncase);
	ok(rc == PH_OK && a.n_periodic == 1 &&
	    a.periodic[0].dayoff == PH_DAYOFF_PREVIOUS &&
	    a.periodic[0].before == 1 && a.periodic[0].who == NULL &&
	    a.periodic[0].to == NULL && a.periodic[0].month2 == 0,
	    "t-agreement-file.%d periodic defaults: dayoff previous",
	    ++ncase);
	ok(rc == PH_OK && !ph_date_is_set(a.date) && a.issuer == NULL &&
	    a.n_escalation == 0 && a.escalation == NULL,
	    "t-agreement-file.%d optional header keys stay empty", ++ncase);
	is_str(rc == PH_OK ? a.source_file : NULL, "d.txt",
	    "t-agreement-file.%d source_file is the name given", ++ncase);
	ph_agreement_def_release(&a);

	/* A [reply] section: defaults for what it leaves out, default no. */
	rc = ph_agreement_def_parse("d.txt", HEAD "[reply]\ndays: 10\n"
	    "unit: days\n", &a, &err);
	ok(rc == PH_OK && a.reply.days == 10 && a.reply.workdays == 0 &&
	    a.reply.is_default == 0 && a.reply.lead[0] == 2 &&
	    a.reply.lead[1] == 0 && a.reply.lead[2] == -1 &&
	    a.reply.grace == 2,
	    "t-agreement-file.%d [reply] with days only", ++ncase);
	ph_agreement_def_release(&a);

	/* One lead time; three; grace 0. */
	rc = ph_agreement_def_parse("d.txt", HEAD "[reply]\ndays: 3\n"
	    "lead: 0\ngrace: 0\n", &a, &err);
	ok(rc == PH_OK && a.reply.lead[0] == 0 && a.reply.lead[1] == -1 &&
	    a.reply.grace == 0, "t-agreement-file.%d lead: 0", ++ncase);
	ph_agreement_def_release(&a);
	rc = ph_agreement_def_parse("d.txt", HEAD "[reply]\ndays: 3\n"
	    "lead:5,2 ,0\n", &a, &err);
	ok(rc == PH_OK && a.reply.lead[0] == 5 && a.reply.lead[1] == 2 &&
	    a.reply.lead[2] == 0 && a.reply.lead[3] == -1,
	    "t-agreement-file.%d lead: 5,2 ,0", ++ncase);
	ph_agreement_def_release(&a);

	/* BOM, CRLF, comments at the end of a line, blank lines, tabs. */
	rc = ph_agreement_def_parse("d.txt", "\xEF\xBB\xBFnumber: 7-QĐ/ĐU  "
	    "# c\r\n\r\n\ttitle:\tQuy chế phối hợp\t\r\n# whole line\r\n"
	    "[items]   # the items\r\n1. Một#hai\r\n2.\tHai # ghi chú\r\n"
	    "[escalation]\r\n1: Thường trực Đảng ủy|when:quá hạn\r\n", &a,
	    &err);
	ok(rc == PH_OK && strcmp(a.number, "7-QĐ/ĐU") == 0 &&
	    strcmp(a.title, "Quy chế phối hợp") == 0 && a.items.n == 2 &&
	    strcmp(a.items.v[0], "Một#hai") == 0 &&
	    strcmp(a.items.v[1], "Hai") == 0 && a.n_escalation == 1 &&
	    strcmp(a.escalation[0].body, "Thường trực Đảng ủy") == 0 &&
	    strcmp(a.escalation[0].when, "quá hạn") == 0 &&
	    a.escalation[0].via == NULL,
	    "t-agreement-file.%d BOM, CRLF, comments, tabs", ++ncase);
	if (rc != PH_OK)
		diag("%s", err.msg);
	ph_agreement_def_release(&a);

	/* Release twice, and a released struct is an initialised one. */
	ph_agreement_def_release(&a);
	ph_agreement_def_release(NULL);
	ok(a.number == NULL && a.reply.days == 5 && a.reply.is_default == 1,
	    "t-agreement-file.%d release twice", ++ncase);
}

static void
test_nfd(void)
{
	struct ph_agreement_def	a;
	struct ph_error		err;
	enum ph_status		rc;

	/* "Đảng ủy xã" and "Thường trực" written with combining marks, some
	 * out of canonical order (dot below after circumflex). */
	rc = ph_agreement_def_parse("nfd.txt",
	    "number: 1-QĐ/ĐU\n"
	    "title: Quy che\xcc\x82\xcc\x81 pho\xcc\x82\xcc\x81i ho\xcc\x9b"
	    "\xcc\xa3p\n"
	    "party: \xc4\x90\x61\xcc\x89ng u\xcc\x89y xa\xcc\x83\n"
	    "[items]\n1. Ho\xcc\x82\xcc\xa3i nghi\xcc\xa3\n"
	    "[periodic x]\nname: Ba\xcc\x81o ca\xcc\x81o\nkind: year\n"
	    "due: on 1/1\n"
	    "[escalation]\n1: Thu\xcc\x9bo\xcc\x9b\xcc\x80ng tru\xcc\x9b"
	    "\xcc\xa3\x63 | when: chu\xcc\x9b\x61 tho\xcc\x82\xcc\x81ng "
	    "nha\xcc\x82\xcc\x81t\n", &a, &err);
	if (rc != PH_OK)
		diag("%s", err.msg);
	is_str(rc == PH_OK ? a.title : NULL, "Quy chế phối hợp",
	    "t-agreement-file.%d NFD title comes out NFC", ++ncase);
	is_str(rc == PH_OK ? a.parties.v[0] : NULL, "Đảng ủy xã",
	    "t-agreement-file.%d NFD party comes out NFC", ++ncase);
	is_str(rc == PH_OK ? a.items.v[0] : NULL, "Hội nghị",
	    "t-agreement-file.%d NFD item, marks out of order, comes out NFC",
	    ++ncase);
	is_str(rc == PH_OK ? a.periodic[0].name : NULL, "Báo cáo",
	    "t-agreement-file.%d NFD periodic name comes out NFC", ++ncase);
	ok(rc == PH_OK && strcmp(a.escalation[0].body, "Thường trực") == 0 &&
	    strcmp(a.escalation[0].when, "chưa thống nhất") == 0,
	    "t-agreement-file.%d NFD escalation comes out NFC", ++ncase);
	ph_agreement_def_release(&a);
}

static void
test_load_errors(void)
{
	struct ph_agreement_def	a;
	struct ph_error		err;
	enum ph_status		rc;
	const char		*dir = getenv("TMPDIR");
	char			path[4096];
	FILE			*f;
	int			fd;

	rc = ph_agreement_def_load("/nonexistent/x.txt", &a, &err);
	ok(rc == PH_ERR_IO && a.number == NULL &&
	    strstr(err.msg, "/nonexistent/x.txt") != NULL,
	    "t-agreement-file.%d load a missing file", ++ncase);

	snprintf(path, sizeof path, "%s/t-agreement-file.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "t-agreement-file.%d cannot write a temporary file",
		    ++ncase);
		ok(0, "t-agreement-file.%d (skipped)", ++ncase);
		return;
	}
	fputs(HEAD "[reply]\ndays: 5\nunit: tuần\n", f);
	fclose(f);
	rc = ph_agreement_def_load(path, &a, &err);
	ok(rc == PH_ERR_INVALID && a.number == NULL &&
	    strstr(err.msg, path) != NULL && strstr(err.msg, ":5: ") != NULL,
	    "t-agreement-file.%d a bad file names its path and line",
	    ++ncase);
	if (rc == PH_OK || strstr(err.msg, ":5: ") == NULL)
		diag("%s", err.msg);

	if ((f = fopen(path, "w")) != NULL) {
		fputs(HEAD, f);
		fputc('\0', f);
		fputs("issuer: x\n", f);
		fclose(f);
	}
	rc = ph_agreement_def_load(path, &a, &err);
	ok(rc == PH_ERR_INVALID && strstr(err.msg, ":3: ") != NULL &&
	    strstr(err.msg, "NUL") != NULL,
	    "t-agreement-file.%d a NUL byte is refused", ++ncase);
	if (rc == PH_OK || strstr(err.msg, ":3: ") == NULL)
		diag("%s", err.msg);
	unlink(path);
}

int
main(void)
{
	datadir = getenv("PHOIHOP_DATADIR");
	if (datadir == NULL || *datadir == '\0')
		datadir = "data";
	plan_lazy();
	test_seed_000();
	test_seed_001();
	test_seed_002();
	test_seed_003();
	test_seed_004();
	test_malformed();
	test_defaults();
	test_nfd();
	test_load_errors();
	return done();
}
