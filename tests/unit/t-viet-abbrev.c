/*
 * t-viet-abbrev.c -- the abbreviations file (viet-abbrev.c): a good text
 * gives entries as written (NFC) and folded, comments and blank lines are
 * skipped, every malformed line is refused with the file's name, its line
 * number and the bad value, invalid UTF-8 with the byte; the shipped
 * data/abbreviations.tsv loads; a missing file and a file with a NUL byte
 * are errors that name the file.
 *
 * Reads PH_SRCDATADIR/abbreviations.tsv; writes one temporary file of its
 * own under $TMPDIR (else /tmp) and removes it.  Each case is one TAP line named t-viet-abbrev.N so
 * that a failure names the case.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "tap.h"
#include "viet-abbrev.h"

static int	ncase;

static enum ph_status
parse(const char *text, struct ph_abbrevs *a, struct ph_error *err)
{
	ph_error_clear(err);
	return ph_abbrev_parse(text, strlen(text), "test.tsv", a, err);
}

static const struct ph_abbrev *
find(const struct ph_abbrevs *a, const char *abbr)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].abbr, abbr) == 0)
			return &a->v[i];
	return NULL;
}

/* TEXT is refused; the message has every string of WANT (NULL-ended). */
static void
refused(const char *text, const char *what, const char *const *want)
{
	struct ph_abbrevs	 a;
	struct ph_error		 err;
	enum ph_status		 s;
	int			 all = 1;
	size_t			 i;

	s = parse(text, &a, &err);
	for (i = 0; want[i] != NULL; i++)
		if (strstr(err.msg, want[i]) == NULL)
			all = 0;
	if (!ok(s == PH_ERR_INVALID && err.code == PH_ERR_INVALID && all &&
	    a.n == 0 && a.v == NULL, "t-viet-abbrev.%d %s refused", ++ncase,
	    what))
		diag("status %d, %zu entries, message: %s", (int)s, a.n,
		    err.msg);
	ph_abbrevs_release(&a);
}

#define WANT(...)	((const char *const []){ __VA_ARGS__, NULL })

int
main(void)
{
	struct ph_abbrevs	 a;
	struct ph_error		 err;
	const struct ph_abbrev	*e;
	enum ph_status		 s;
	char			 path[4096], tmpl[4096];
	const char		*dir = getenv("TMPDIR");
	size_t			 i;
	int			 fd, all;

	plan_lazy();

	/* A good text: comments, blank lines, spaces around the fields, a
	 * CRLF line, NFD input, no newline at the end. */
	s = parse("# abbreviations\n"
	    "\n"
	    "   \n"
	    "UBND\tỦy ban nhân dân\n"
	    "  # indented comment\n"
	    "  HĐND \t  Hội đồng nhân dân  \r\n"
	    "\tBCH\tBan Chấp hành Trung ương (khóa XIII)\n"
	    "TU\tTi\xcc\x89nh u\xcc\x89y\n"
	    "ĐU\tĐảng uỷ", &a, &err);
	if (!ok(s == PH_OK, "t-viet-abbrev.%d good text parses", ++ncase))
		diag("%s", err.msg);
	is_int((int64_t)a.n, 5, "t-viet-abbrev.%d five entries, comments and "
	    "blank lines skipped", ++ncase);
	if (a.n == 5) {
		is_str(a.v[0].abbr, "UBND", "t-viet-abbrev.%d abbr as written",
		    ++ncase);
		is_str(a.v[0].full, "Ủy ban nhân dân",
		    "t-viet-abbrev.%d full form as written", ++ncase);
		is_str(a.v[0].abbr_fold, "ubnd",
		    "t-viet-abbrev.%d abbreviation folded", ++ncase);
		is_str(a.v[0].full_fold, "uy ban nhan dan",
		    "t-viet-abbrev.%d full form folded", ++ncase);
		is_str(a.v[1].abbr, "HĐND", "t-viet-abbrev.%d spaces around "
		    "the abbreviation trimmed", ++ncase);
		is_str(a.v[1].full, "Hội đồng nhân dân",
		    "t-viet-abbrev.%d spaces and CR after the full form "
		    "trimmed", ++ncase);
		is_str(a.v[1].abbr_fold, "hdnd", "t-viet-abbrev.%d Đ folded "
		    "to d in the abbreviation", ++ncase);
		is_str(a.v[1].full_fold, "hoi dong nhan dan",
		    "t-viet-abbrev.%d HĐND full form folded", ++ncase);
		is_str(a.v[2].abbr, "BCH", "t-viet-abbrev.%d a leading tab is "
		    "trimmed, not a separator", ++ncase);
		is_str(a.v[2].full_fold, "ban chap hanh trung uong khoa xiii",
		    "t-viet-abbrev.%d punctuation is not a word of the fold",
		    ++ncase);
		is_str(a.v[3].full, "Tỉnh ủy", "t-viet-abbrev.%d NFD full form "
		    "stored in NFC", ++ncase);
		is_str(a.v[3].full_fold, "tinh uy", "t-viet-abbrev.%d NFD full "
		    "form folded", ++ncase);
		is_str(a.v[4].abbr_fold, "du", "t-viet-abbrev.%d last line "
		    "without newline: ĐU folded", ++ncase);
		is_str(a.v[4].full_fold, "dang uy", "t-viet-abbrev.%d new tone "
		    "place folds the same", ++ncase);
	}
	ph_abbrevs_release(&a);
	ok(a.v == NULL && a.n == 0, "t-viet-abbrev.%d release empties the "
	    "list", ++ncase);

	s = parse("", &a, &err);
	ok(s == PH_OK && a.n == 0, "t-viet-abbrev.%d empty text: no entries",
	    ++ncase);
	ph_abbrevs_release(&a);
	s = parse("# only\n# comments\n\n", &a, &err);
	ok(s == PH_OK && a.n == 0, "t-viet-abbrev.%d comments only: no "
	    "entries", ++ncase);
	ph_abbrevs_release(&a);
	s = parse("CA\tCông an\nCA\tChính anh\n", &a, &err);
	ok(s == PH_OK && a.n == 2 && strcmp(a.v[1].full_fold, "chinh anh") ==
	    0, "t-viet-abbrev.%d one abbreviation, two full forms", ++ncase);
	ph_abbrevs_release(&a);

	/* Errors: file name, line number, the bad value. */
	refused("UBND\tỦy ban nhân dân\n# c\n\nHĐND Hội đồng\n", "no tab",
	    WANT("test.tsv", "line 4", "\"HĐND Hội đồng\"", "no tab"));
	refused("UBND\n", "no tab, abbreviation alone",
	    WANT("test.tsv", "line 1", "\"UBND\""));
	refused("UBND\t\n", "an empty full form (the tab trimmed away)",
	    WANT("test.tsv", "line 1", "\"UBND\""));
	refused("UBND\tỦy ban\nỦy ban\tỦy ban nhân dân\n",
	    "a two-word abbreviation",
	    WANT("test.tsv", "line 2", "\"Ủy ban\"", "not one word"));
	refused("UB-ND\tỦy ban nhân dân\n", "an abbreviation of two words "
	    "joined by a hyphen", WANT("line 1", "\"UB-ND\""));
	refused("# c\nĐU\tdu\n", "full form that folds like the abbreviation",
	    WANT("test.tsv", "line 2", "\"ĐU\"", "different full form"));
	refused("Hòa\tHOÀ\n", "full form equal but for case and tone place",
	    WANT("line 1", "\"Hòa\""));
	refused("UBND\t– …\n", "a full form of punctuation only",
	    WANT("line 1", "\"UBND\""));
	refused("–\tỦy ban nhân dân\n", "an abbreviation of punctuation only",
	    WANT("line 1", "\"–\""));
	refused("UBND\tỦy ban nhân dân\nAB\xff\tx\n", "invalid UTF-8",
	    WANT("test.tsv", "not valid UTF-8", "byte 27"));
	refused("\xc3\x28\tx\n", "a bad continuation byte",
	    WANT("not valid UTF-8", "byte 0"));
	refused("UBND\tỦy ban nhân dân\n\xe1\xba", "a truncated sequence at the "
	    "end", WANT("not valid UTF-8", "byte 25"));

	/* The shipped file. */
	snprintf(path, sizeof path, "%s/abbreviations.tsv", PH_SRCDATADIR);
	ph_error_clear(&err);
	s = ph_abbrev_load(path, &a, &err);
	if (!ok(s == PH_OK, "t-viet-abbrev.%d %s loads", ++ncase, path))
		diag("%s", err.msg);
	ok(a.n >= 20, "t-viet-abbrev.%d the shipped file has %zu entries",
	    ++ncase, a.n);
	e = find(&a, "UBND");
	ok(e != NULL && strcmp(e->abbr_fold, "ubnd") == 0 &&
	    strcmp(e->full_fold, "uy ban nhan dan") == 0,
	    "t-viet-abbrev.%d UBND -> \"uy ban nhan dan\"", ++ncase);
	e = find(&a, "ĐU");
	ok(e != NULL && strcmp(e->full_fold, "dang uy") == 0,
	    "t-viet-abbrev.%d ĐU -> \"dang uy\"", ++ncase);
	all = a.n > 0;
	for (i = 0; i < a.n; i++)
		if (a.v[i].abbr_fold[0] == '\0' ||
		    strchr(a.v[i].abbr_fold, ' ') != NULL ||
		    a.v[i].full_fold[0] == '\0' ||
		    strcmp(a.v[i].abbr_fold, a.v[i].full_fold) == 0)
			all = 0;
	ok(all, "t-viet-abbrev.%d every shipped entry is one word and a "
	    "different full form", ++ncase);
	ph_abbrevs_release(&a);

	/* A missing file. */
	snprintf(path, sizeof path, "%s/no-such-abbreviations.tsv",
	    PH_SRCDATADIR);
	ph_error_clear(&err);
	s = ph_abbrev_load(path, &a, &err);
	if (!ok(s != PH_OK && err.code == s && strstr(err.msg, path) != NULL &&
	    a.n == 0 && a.v == NULL, "t-viet-abbrev.%d a missing file is an "
	    "error naming it", ++ncase))
		diag("status %d: %s", (int)s, err.msg);
	ph_abbrevs_release(&a);

	/* A file with a NUL byte, then one with a bad line, of our own. */
	snprintf(tmpl, sizeof tmpl, "%s/t-viet-abbrev.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(tmpl)) == -1 ||
	    write(fd, "UBND\tỦy ban\0x\n", sizeof "UBND\tỦy ban\0x\n" - 1) !=
	    (ssize_t)(sizeof "UBND\tỦy ban\0x\n" - 1) || close(fd) != 0) {
		ok(0, "t-viet-abbrev.%d cannot write %s", ++ncase, tmpl);
	} else {
		ph_error_clear(&err);
		s = ph_abbrev_load(tmpl, &a, &err);
		if (!ok(s == PH_ERR_INVALID && strstr(err.msg, tmpl) != NULL &&
		    strstr(err.msg, "NUL") != NULL && a.n == 0,
		    "t-viet-abbrev.%d a NUL byte is refused, naming the "
		    "file", ++ncase))
			diag("status %d: %s", (int)s, err.msg);
		ph_abbrevs_release(&a);
		fd = open(tmpl, O_WRONLY | O_TRUNC);
		ok(fd != -1 && write(fd, "HU\tHuyện ủy\nHĐND Hội\n", strlen(
		    "HU\tHuyện ủy\nHĐND Hội\n")) > 0 && close(fd) == 0,
		    "t-viet-abbrev.%d rewrite %s", ++ncase, tmpl);
		ph_error_clear(&err);
		s = ph_abbrev_load(tmpl, &a, &err);
		if (!ok(s == PH_ERR_INVALID && strstr(err.msg, tmpl) != NULL &&
		    strstr(err.msg, "line 2") != NULL && a.n == 0,
		    "t-viet-abbrev.%d a bad line of a file names the file's "
		    "path and the line", ++ncase))
			diag("status %d: %s", (int)s, err.msg);
		ph_abbrevs_release(&a);
		unlink(tmpl);
	}
	return done();
}
