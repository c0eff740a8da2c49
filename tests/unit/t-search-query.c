/*
 * t-search-query.c -- the query language of search.h (search-query.c):
 * words, phrases, exclusion, OR looser than AND, prefixes, parentheses,
 * the column filters (so: tu: den:) and the row filters (loai: ngay: han:
 * tt: mat:) with their values, field names with diacritics; and every
 * syntax error with its position counted in characters, checked on
 * queries that start with Vietnamese letters so that bytes and
 * characters differ.
 *
 * Pure: no files, no database.  Trees are compared through a small
 * printer: (AND a b), (OR ...), (NOT x), "phrase", pre*, (so: x),
 * [date 2026-01-01..2026-12-31].  Each case is one TAP line named
 * t-search-query.N so that a failure names the case.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "letter.h"
#include "search.h"
#include "viet.h"
#include "tap.h"
#include "util.h"

static int	ncase;

static const char *
col_name(enum ph_search_col c)
{
	switch (c) {
	case PH_SCOL_NUMBER:
		return "so";
	case PH_SCOL_ISSUER:
		return "tu";
	case PH_SCOL_RECIPIENTS:
		return "den";
	default:
		return "?";
	}
}

static void
dump_date(struct ph_buf *b, struct ph_date d)
{
	if (d.y == 0 && d.m == 0 && d.d == 0)
		ph_buf_adds(b, "-");
	else
		ph_buf_printf(b, "%04d-%02d-%02d", d.y, d.m, d.d);
}

static void
dump(struct ph_buf *b, const struct ph_sq *q)
{
	size_t	i;

	switch (q->kind) {
	case PH_SQ_WORD:
		ph_buf_printf(b, "%s%s", q->text, q->prefix ? "*" : "");
		return;
	case PH_SQ_PHRASE:
		ph_buf_printf(b, "\"%s\"", q->text);
		return;
	case PH_SQ_AND:
	case PH_SQ_OR:
	case PH_SQ_NOT:
		ph_buf_adds(b, q->kind == PH_SQ_AND ? "(AND" :
		    q->kind == PH_SQ_OR ? "(OR" : "(NOT");
		break;
	case PH_SQ_COLUMN:
		ph_buf_printf(b, "(%s:", col_name(q->col));
		break;
	case PH_SQ_PRED:
		switch (q->pred.kind) {
		case PH_SP_TYPE:
			ph_buf_printf(b, "[type %s]", q->pred.text);
			return;
		case PH_SP_DATE:
		case PH_SP_DUE:
			ph_buf_adds(b, q->pred.kind == PH_SP_DATE ? "[date " :
			    "[due ");
			dump_date(b, q->pred.from);
			ph_buf_adds(b, "..");
			dump_date(b, q->pred.to);
			ph_buf_adds(b, "]");
			return;
		case PH_SP_STATUS:
			ph_buf_printf(b, "[status %d]", q->pred.value);
			return;
		case PH_SP_OVERDUE:
			ph_buf_adds(b, "[overdue]");
			return;
		case PH_SP_OPEN:
			ph_buf_adds(b, "[open]");
			return;
		case PH_SP_CLASS:
			ph_buf_printf(b, "[class %d]", q->pred.value);
			return;
		}
		ph_buf_adds(b, "[?]");
		return;
	}
	for (i = 0; i < q->nkids; i++) {
		ph_buf_addc(b, ' ');
		dump(b, q->kids[i]);
	}
	ph_buf_addc(b, ')');
}

/* QUERY parses and prints as WANT. */
static void
tree(const char *query, const char *want)
{
	struct ph_sq	*q = NULL;
	struct ph_error	 err;
	struct ph_buf	 b;
	enum ph_status	 s;

	ph_error_clear(&err);
	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	s = ph_sq_parse(query, &q, &err);
	if (s == PH_OK && q != NULL)
		dump(&b, q);
	else
		ph_buf_printf(&b, "error %d: %s", (int)s, err.msg);
	is_str(b.data, want, "t-search-query.%d %s", ++ncase, query);
	ph_buf_release(&b);
	ph_sq_free(q);
}

/* QUERY is refused at character POS (0: no position), the message
 * holding WHAT. */
static void
error_at(const char *query, size_t pos, const char *what, const char *name)
{
	struct ph_sq	*q = NULL;
	struct ph_error	 err;
	enum ph_status	 s;
	char		 at[64];

	ph_error_clear(&err);
	s = ph_sq_parse(query, &q, &err);
	snprintf(at, sizeof at, "position %zu:", pos);
	if (!ok(s == PH_ERR_INVALID && err.code == PH_ERR_INVALID &&
	    q == NULL && (pos == 0 || strstr(err.msg, at) != NULL) &&
	    strstr(err.msg, what) != NULL, "t-search-query.%d %s: refused at "
	    "%zu", ++ncase, name, pos))
		diag("status %d, message: %s", (int)s, err.msg);
	ph_sq_free(q);
}

/* QUERY parses into one PRED (or NOT of one) and *OUT is a copy of it. */
static int
pred_of(const char *query, struct ph_search_pred *out)
{
	struct ph_sq	*q = NULL, *p;
	struct ph_error	 err;
	int		 r = 0;

	ph_error_clear(&err);
	memset(out, 0, sizeof *out);
	if (ph_sq_parse(query, &q, &err) != PH_OK) {
		diag("%s: %s", query, err.msg);
		return 0;
	}
	p = q->kind == PH_SQ_NOT ? q->kids[0] : q;
	if (p->kind == PH_SQ_PRED) {
		*out = p->pred;
		out->text = NULL;
		r = 1;
	}
	ph_sq_free(q);
	return r;
}

static int
date_is(struct ph_date d, int y, int m, int dd)
{
	return d.y == y && d.m == m && d.d == dd;
}

/* The date filter QUERY gives the span [Y1-M1-D1, Y2-M2-D2] (0 0 0: open
 * on that side) of KIND. */
static void
span(const char *query, enum ph_search_pred_kind kind, int y1, int m1, int d1,
    int y2, int m2, int d2)
{
	struct ph_search_pred	p;
	int			r = pred_of(query, &p);

	if (!ok(r && p.kind == kind && date_is(p.from, y1, m1, d1) &&
	    date_is(p.to, y2, m2, d2), "t-search-query.%d %s is "
	    "%04d-%02d-%02d..%04d-%02d-%02d", ++ncase, query, y1, m1, d1, y2,
	    m2, d2))
		diag("kind %d, %04d-%02d-%02d..%04d-%02d-%02d", (int)p.kind,
		    p.from.y, p.from.m, p.from.d, p.to.y, p.to.m, p.to.d);
}

int
main(void)
{
	struct ph_sq		*q = NULL;
	struct ph_error		 err;
	struct ph_search_pred	 p;
	enum ph_status		 s;
	char			 big[5000], deep[200];
	int			 r, i;

	plan_lazy();

	/* Words, phrases, exclusion. */
	tree("dang uy", "(AND dang uy)");
	tree("Đảng ủy", "(AND Đảng ủy)");
	tree("  ủy  ", "ủy");
	tree("\"Ban Thường vụ\"", "\"Ban Thường vụ\"");
	tree("báo cáo \"an ninh trật tự\" quý", "(AND báo cáo "
	    "\"an ninh trật tự\" quý)");
	tree("-nháp", "(NOT nháp)");
	tree("báo cáo -nháp", "(AND báo cáo (NOT nháp))");
	tree("a -\"bản nháp\"", "(AND a (NOT \"bản nháp\"))");
	tree("a-b", "a-b");
	tree("a - b", "(AND a - b)");

	/* OR, and AND binding tighter. */
	tree("a OR b", "(OR a b)");
	tree("a b OR c", "(OR (AND a b) c)");
	tree("a OR b c", "(OR a (AND b c))");
	tree("a OR b OR c", "(OR a b c)");
	tree("a b OR c d OR e", "(OR (AND a b) (AND c d) e)");
	tree("a or b", "(AND a or b)");
	tree("a ORb", "(AND a ORb)");
	tree("a OR -b c", "(OR a (AND (NOT b) c))");

	/* Prefixes and parentheses. */
	tree("quyết*", "quyết*");
	tree("quy* định", "(AND quy* định)");
	tree("*", "*");
	tree("(a OR b) c", "(AND (OR a b) c)");
	tree("a (b OR c)", "(AND a (OR b c))");
	tree("((a))", "a");
	tree("(a b) OR c", "(OR (AND a b) c)");
	tree("-(a OR b) c", "(AND (NOT (OR a b)) c)");
	tree("(a OR (b c)) d*", "(AND (OR a (AND b c)) d*)");

	/* Column filters. */
	tree("so:24-QĐ/TW", "(so: 24-QĐ/TW)");
	tree("so:\"24-QĐ/TW\"", "(so: \"24-QĐ/TW\")");
	tree("tu:\"Công an tỉnh\"", "(tu: \"Công an tỉnh\")");
	tree("den:UBND", "(den: UBND)");
	tree("số:12", "(so: 12)");
	tree("từ:UBND", "(tu: UBND)");
	tree("đến:\"Huyện ủy\"", "(den: \"Huyện ủy\")");
	tree("SO:12", "(so: 12)");
	tree("tu:công* an", "(AND (tu: công*) an)");
	tree("-tu:UBND a", "(AND (NOT (tu: UBND)) a)");
	tree("so:1 OR so:2", "(OR (so: 1) (so: 2))");
	tree("(tu:UBND OR den:UBND) a", "(AND (OR (tu: UBND) (den: UBND)) a)");
	tree("x:1", "x:1");
	tree(":a", ":a");
	s = ph_sq_parse("so:\"24-QĐ/TW\"", &q, &err);
	ok(s == PH_OK && q->kind == PH_SQ_COLUMN && q->col == PH_SCOL_NUMBER &&
	    q->nkids == 1 && q->kids[0]->kind == PH_SQ_PHRASE &&
	    strcmp(q->kids[0]->text, "24-QĐ/TW") == 0,
	    "t-search-query.%d so:\"...\" is COLUMN PH_SCOL_NUMBER holding "
	    "a PHRASE", ++ncase);
	ph_sq_free(q);
	s = ph_sq_parse("từ:UBND", &q, &err);
	ok(s == PH_OK && q->kind == PH_SQ_COLUMN && q->col == PH_SCOL_ISSUER &&
	    q->nkids == 1 && q->kids[0]->kind == PH_SQ_WORD,
	    "t-search-query.%d từ: is COLUMN PH_SCOL_ISSUER holding a WORD",
	    ++ncase);
	ph_sq_free(q);
	s = ph_sq_parse("den:x", &q, &err);
	ok(s == PH_OK && q->kind == PH_SQ_COLUMN &&
	    q->col == PH_SCOL_RECIPIENTS, "t-search-query.%d den: is "
	    "PH_SCOL_RECIPIENTS", ++ncase);
	ph_sq_free(q);
	s = ph_sq_parse("Đảng ủy", &q, &err);
	ok(s == PH_OK && q->nkids == 2 && q->kids[0]->pos == 0 &&
	    q->kids[1]->pos == 8, "t-search-query.%d node positions are byte "
	    "offsets", ++ncase);
	ph_sq_free(q);

	/* loai: */
	tree("loai:QĐ", "[type QD]");
	tree("loại:cv", "[type CV]");
	tree("loai:\"qđ\"", "[type QD]");
	r = pred_of("loai:QĐ", &p);
	ok(r && p.kind == PH_SP_TYPE && p.negate == 0,
	    "t-search-query.%d loai: is PH_SP_TYPE, not negated", ++ncase);

	/* ngay: and han: */
	span("ngay:2026", PH_SP_DATE, 2026, 1, 1, 2026, 12, 31);
	span("ngày:2026", PH_SP_DATE, 2026, 1, 1, 2026, 12, 31);
	span("NGÀY:2026", PH_SP_DATE, 2026, 1, 1, 2026, 12, 31);
	span("ngay:2026-05", PH_SP_DATE, 2026, 5, 1, 2026, 5, 31);
	span("ngay:2026-04", PH_SP_DATE, 2026, 4, 1, 2026, 4, 30);
	span("ngay:2024-02", PH_SP_DATE, 2024, 2, 1, 2024, 2, 29);
	span("ngay:2026-02", PH_SP_DATE, 2026, 2, 1, 2026, 2, 28);
	span("ngay:05/2026", PH_SP_DATE, 2026, 5, 1, 2026, 5, 31);
	span("ngay:5/2026", PH_SP_DATE, 2026, 5, 1, 2026, 5, 31);
	span("ngay:12/2025", PH_SP_DATE, 2025, 12, 1, 2025, 12, 31);
	span("ngay:03/05/2026", PH_SP_DATE, 2026, 5, 3, 2026, 5, 3);
	span("ngay:3/5/2026", PH_SP_DATE, 2026, 5, 3, 2026, 5, 3);
	span("ngay:2026-05-03", PH_SP_DATE, 2026, 5, 3, 2026, 5, 3);
	span("ngay:=2026-05", PH_SP_DATE, 2026, 5, 1, 2026, 5, 31);
	span("ngay:>=01/03/2026", PH_SP_DATE, 2026, 3, 1, 0, 0, 0);
	span("ngay:>=2026-03", PH_SP_DATE, 2026, 3, 1, 0, 0, 0);
	span("ngay:<=2026-03", PH_SP_DATE, 0, 0, 0, 2026, 3, 31);
	span("ngay:<=15/03/2026", PH_SP_DATE, 0, 0, 0, 2026, 3, 15);
	span("ngay:<2026-02", PH_SP_DATE, 0, 0, 0, 2026, 1, 31);
	span("ngay:<2026", PH_SP_DATE, 0, 0, 0, 2025, 12, 31);
	span("ngay:>2026-02", PH_SP_DATE, 2026, 3, 1, 0, 0, 0);
	span("ngay:>31/12/2025", PH_SP_DATE, 2026, 1, 1, 0, 0, 0);
	span("ngay:>2024-02", PH_SP_DATE, 2024, 3, 1, 0, 0, 0);
	span("ngay:<01/03/2024", PH_SP_DATE, 0, 0, 0, 2024, 2, 29);
	span("ngay:2025..2026", PH_SP_DATE, 2025, 1, 1, 2026, 12, 31);
	span("ngay:01/03/2026..2026-04", PH_SP_DATE, 2026, 3, 1, 2026, 4, 30);
	span("ngay:2026-05..2026-05", PH_SP_DATE, 2026, 5, 1, 2026, 5, 31);
	span("ngay:\"2026\"", PH_SP_DATE, 2026, 1, 1, 2026, 12, 31);
	span("han:2026", PH_SP_DUE, 2026, 1, 1, 2026, 12, 31);
	span("hạn:2026-05", PH_SP_DUE, 2026, 5, 1, 2026, 5, 31);
	span("han:05/2026", PH_SP_DUE, 2026, 5, 1, 2026, 5, 31);
	span("han:03/05/2026", PH_SP_DUE, 2026, 5, 3, 2026, 5, 3);
	span("han:>=01/03/2026", PH_SP_DUE, 2026, 3, 1, 0, 0, 0);
	span("han:<2026-02", PH_SP_DUE, 0, 0, 0, 2026, 1, 31);
	span("han:2025..2026", PH_SP_DUE, 2025, 1, 1, 2026, 12, 31);

	/* tt: and mat: */
	r = pred_of("tt:qua-han", &p);
	ok(r && p.kind == PH_SP_OVERDUE, "t-search-query.%d tt:qua-han is "
	    "PH_SP_OVERDUE", ++ncase);
	r = pred_of("tt:quá-hạn", &p);
	ok(r && p.kind == PH_SP_OVERDUE, "t-search-query.%d tt:quá-hạn with "
	    "marks", ++ncase);
	r = pred_of("tt:overdue", &p);
	ok(r && p.kind == PH_SP_OVERDUE, "t-search-query.%d tt:overdue",
	    ++ncase);
	r = pred_of("tt:dang-mo", &p);
	ok(r && p.kind == PH_SP_OPEN, "t-search-query.%d tt:dang-mo is "
	    "PH_SP_OPEN", ++ncase);
	r = pred_of("trạng:x", &p);
	ok(!r, "t-search-query.%d trạng:x is no filter", ++ncase);
	r = pred_of("tt:cho-tra-loi", &p);
	ok(r && p.kind == PH_SP_STATUS && p.value == PH_ST_AWAITING,
	    "t-search-query.%d tt:cho-tra-loi is PH_SP_STATUS "
	    "PH_ST_AWAITING", ++ncase);
	r = pred_of("tt:chờ-trả-lời", &p);
	ok(r && p.kind == PH_SP_STATUS && p.value == PH_ST_AWAITING,
	    "t-search-query.%d tt:chờ-trả-lời with marks", ++ncase);
	r = pred_of("tt:da-tra-loi", &p);
	ok(r && p.kind == PH_SP_STATUS && p.value == PH_ST_REPLIED,
	    "t-search-query.%d tt:da-tra-loi is PH_ST_REPLIED", ++ncase);
	r = pred_of("tt:da-giai-quyet", &p);
	ok(r && p.kind == PH_SP_STATUS && p.value == PH_ST_RESOLVED,
	    "t-search-query.%d tt:da-giai-quyet is PH_ST_RESOLVED", ++ncase);
	r = pred_of("tt:resolved", &p);
	ok(r && p.kind == PH_SP_STATUS && p.value == PH_ST_RESOLVED,
	    "t-search-query.%d tt:resolved (English word)", ++ncase);
	r = pred_of("mat:toi-mat", &p);
	ok(r && p.kind == PH_SP_CLASS && p.value == PH_CLASS_TOI_MAT,
	    "t-search-query.%d mat:toi-mat is PH_SP_CLASS PH_CLASS_TOI_MAT",
	    ++ncase);
	r = pred_of("mật:tối-mật", &p);
	ok(r && p.kind == PH_SP_CLASS && p.value == PH_CLASS_TOI_MAT,
	    "t-search-query.%d mật:tối-mật with marks", ++ncase);
	r = pred_of("mat:mat", &p);
	ok(r && p.kind == PH_SP_CLASS && p.value == PH_CLASS_MAT,
	    "t-search-query.%d mat:mat is PH_CLASS_MAT", ++ncase);
	r = pred_of("mat:tuyet-mat", &p);
	ok(r && p.kind == PH_SP_CLASS && p.value == PH_CLASS_TUYET_MAT,
	    "t-search-query.%d mat:tuyet-mat is PH_CLASS_TUYET_MAT", ++ncase);
	r = pred_of("mat:khong", &p);
	ok(r && p.kind == PH_SP_CLASS && p.value == PH_CLASS_NONE,
	    "t-search-query.%d mat:khong is PH_CLASS_NONE", ++ncase);

	/* Filters at the top level, alone or negated. */
	tree("-tt:qua-han", "(NOT [overdue])");
	tree("Đảng ủy tt:qua-han ngay:2026",
	    "(AND Đảng ủy [overdue] [date 2026-01-01..2026-12-31])");
	tree("báo cáo -tt:qua-han -mat:mat",
	    "(AND báo cáo (NOT [overdue]) (NOT [class 1]))");
	tree("(a OR b) tt:dang-mo", "(AND (OR a b) [open])");
	tree("tt:cho-tra-loi -so:12", "(AND [status 1] (NOT (so: 12)))");
	r = pred_of("-tt:qua-han", &p);
	ok(r && p.kind == PH_SP_OVERDUE && p.negate == 0,
	    "t-search-query.%d the parser leaves pred.negate to search.c",
	    ++ncase);

	/* Errors, with the position in characters.  "Đảng ủy " is 8
	 * characters and 13 bytes. */
	error_at("Đảng ủy \"chưa đóng", 9, "never closed", "unclosed quote");
	error_at("\"a", 1, "quotation mark", "unclosed quote at the start");
	error_at("Đảng (ủy a", 6, "\"(\" is never closed", "unclosed (");
	error_at("Đảng ((ủy) a", 6, "\"(\" is never closed",
	    "unclosed outer (");
	error_at("ủy a) b", 5, "\")\" without \"(\"", "stray )");
	error_at("Đảng ủy)", 8, "\")\" without \"(\"", "stray ) at the end");
	error_at(")", 1, "", "a lone )");
	error_at("OR ủy", 1, "OR needs a word", "OR at the start");
	error_at("ủy OR", 6, "OR needs a word", "OR at the end");
	error_at("ủy OR   ", 9, "OR needs a word",
	    "OR at the end before spaces");
	error_at("ủy OR OR b", 7, "OR needs a word", "OR OR");
	error_at("(ủy OR) b", 7, "OR needs a word", "OR before )");
	error_at("(OR ủy)", 2, "OR needs a word", "OR after (");
	error_at("ủy ()", 4, "nothing between", "empty ()");
	error_at("ủy (  ) b", 4, "nothing between", "empty ( ) with spaces");
	error_at("", 0, "empty", "empty query");
	error_at("  \t ", 0, "empty", "blank query");
	error_at("ủy ngay:", 4, "ngay: has no value", "ngay: without value");
	error_at("ủy ngày:", 4, "ngày: has no value", "ngày: without value");
	error_at("ủy ngay:\"\"", 4, "has no value", "ngay:\"\"");
	error_at("ủy so:", 4, "so: has no value", "so: without value");
	error_at("ủy so: 12", 4, "so: has no value", "so: followed by a space");
	error_at("ủy tt:", 4, "tt: has no value", "tt: without value");
	error_at("ủy ngay:2026-13", 4, "ngay:2026-13 is not a date",
	    "month 13");
	error_at("ủy ngày:2026-00", 4, "ngày:2026-00", "month 0");
	error_at("ủy ngay:31/02/2026", 4, "ngay:31/02/2026", "31 February");
	error_at("ủy ngay:13/2026", 4, "ngay:13/2026", "month 13 of 2026");
	error_at("ủy ngay:1800", 4, "ngay:1800", "year 1800");
	error_at("ủy ngay:2026..2025", 4, "ngay:2026..2025",
	    "a range backwards");
	error_at("ủy ngay:2025..", 4, "ngay:2025..", "a range without end");
	error_at("ủy ngay:>=", 4, "ngay:>=", ">= without a date");
	error_at("ủy ngay:hôm-nay", 4, "ngay:hôm-nay", "a word for a date");
	error_at("ủy han:2026-5-", 4, "han:2026-5-", "a bad due date");
	error_at("ủy tt:xyz", 4, "tt:xyz is not a status", "bad status");
	error_at("ủy tt:qua", 4, "tt:qua", "a status cut short");
	error_at("ủy mat:bi-mat", 4, "mat:bi-mat is not a classification",
	    "bad classification");
	error_at("ủy tu:so:1", 7, "cannot hold another one",
	    "a column filter in a column filter");
	error_at("ủy tu:ngay:2026", 7, "cannot hold another one",
	    "a row filter in a column filter");
	error_at("--ủy", 1, "\"-\" twice", "two minus signs");
	error_at("ủy OR ngày:2026", 7, "cannot be inside OR",
	    "a filter on one side of OR");
	error_at("a OR ngay:2026", 6, "cannot be inside OR", "a OR ngay:2026");
	error_at("tt:qua-han OR ủy", 1, "cannot be inside OR",
	    "a filter on the left of OR");
	error_at("ủy OR -tt:qua-han", 8, "cannot be inside OR",
	    "a negated filter in OR");
	error_at("ủy -(a OR tt:qua-han)", 11, "cannot be inside",
	    "a filter in an excluded group");
	error_at("ủy (a OR tt:qua-han)", 10, "cannot be inside",
	    "a filter in OR in parentheses");
	error_at("(a tt:qua-han)", 4, "cannot be inside",
	    "a filter in parentheses");
	error_at("ủy (a tt:qua-han)", 7, "cannot be inside",
	    "a filter in parentheses beside a word");
	error_at("ủy \xff", 4, "not valid UTF-8", "a stray byte");
	error_at("Đảng \xc3\x28", 6, "not valid UTF-8", "a bad continuation");
	error_at("Đảng ủy \xe1\xba", 9, "not valid UTF-8",
	    "a truncated sequence");

	/* Nesting: 32 levels are a query, 33 are not. */
	for (i = 0; i < 32; i++)
		deep[i] = '(';
	deep[32] = 'a';
	for (i = 0; i < 32; i++)
		deep[33 + i] = ')';
	deep[65] = '\0';
	tree(deep, "a");
	for (i = 0; i < 33; i++)
		deep[i] = '(';
	deep[33] = 'a';
	for (i = 0; i < 33; i++)
		deep[34 + i] = ')';
	deep[67] = '\0';
	error_at(deep, 33, "too many parentheses", "33 levels of nesting");
	for (i = 0; i < 40; i++) {
		deep[2 * i] = '(';
		deep[2 * i + 1] = 'x';
	}
	deep[80] = '\0';
	error_at(deep, 65, "too many parentheses", "40 open, never closed");

	/* A query longer than anyone types. */
	memset(big, 'a', 4097);
	big[4097] = '\0';
	error_at(big, 0, "longer than 4096 bytes", "4097 bytes");
	big[4096] = '\0';
	s = ph_sq_parse(big, &q, &err);
	ok(s == PH_OK && q->kind == PH_SQ_WORD && strlen(q->text) == 4096,
	    "t-search-query.%d a word of 4096 bytes is a query", ++ncase);
	ph_sq_free(q);

	/* A long bad value is cut whole letters at a time (fuzz-query
	 * found a message cut inside "ệ"). */
	{
		size_t bad, k;
		memcpy(big, "ngay:", 5);
		for (k = 0; k < 65; k++)
			memcpy(big + 5 + 3 * k, "\xe1\xbb\x87", 3);
		big[5 + 3 * 65] = '\0';
		s = ph_sq_parse(big, &q, &err);
		ok(s == PH_ERR_INVALID && q == NULL &&
		    ph_utf8_valid(err.msg, strlen(err.msg), &bad),
		    "t-search-query.%d a long bad date gives valid UTF-8", ++ncase);
	}

	return done();
}
