/*
 * t-viet-fold.c -- folding for search (viet-fold.c): every precomposed
 * Vietnamese letter in both cases (Đ/đ included, 134 in all) folds to its
 * ASCII base letter, combining marks fold to nothing, NFC and NFD text fold
 * alike; "has marks", word characters, words in capitals; and the word
 * splitter the index and the ranking share: tokens, byte ranges (NFD
 * marks inside them), the cut of long words, the callback's stop value.
 *
 * Pure: no files, no database.  Each case is one TAP line named
 * t-viet-fold.N so that a failure names the case.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "viet.h"

static int	ncase;

/* The precomposed Vietnamese vowels by base letter, in both cases. */
static const struct {
	char		 base;
	const char	*lower;
	const char	*upper;
} letters[] = {
	{ 'a', "àáảãạăằắẳẵặâầấẩẫậ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ" },
	{ 'e', "èéẻẽẹêềếểễệ", "ÈÉẺẼẸÊỀẾỂỄỆ" },
	{ 'i', "ìíỉĩị", "ÌÍỈĨỊ" },
	{ 'o', "òóỏõọôồốổỗộơờớởỡợ", "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ" },
	{ 'u', "ùúủũụưừứửữự", "ÙÚỦŨỤƯỪỨỬỮỰ" },
	{ 'y', "ỳýỷỹỵ", "ỲÝỶỸỴ" },
	{ 'd', "đ", "Đ" },
};

/* The marks Vietnamese text carries, decomposed. */
static const uint32_t marks[] = {
	0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B,
};

/* Check every letter of the UTF-8 string SET: its fold, the fold of its
 * NFD, and that it has marks.  Returns how many letters it checked. */
static int
check_set(const char *set, char base)
{
	size_t		 i = 0, start, len = strlen(set);
	int32_t		 cp;
	uint32_t	 f;
	char		*one, *nfd, *fnfc, *fnfd, want[2] = { base, '\0' };
	int		 n = 0;

	while (i < len) {
		start = i;
		cp = ph_utf8_decode(set, len, &i);
		one = ph_xstrndup(set + start, i - start);
		nfd = ph_viet_nfd(one);
		f = ph_viet_fold_cp((uint32_t)cp);
		fnfc = ph_viet_fold(one);
		fnfd = ph_viet_fold(nfd);
		if (!ok(cp > 0x7F && f == (uint32_t)base &&
		    strcmp(fnfc, want) == 0 && strcmp(fnfd, want) == 0 &&
		    ph_viet_has_marks(one, strlen(one)) == 1,
		    "t-viet-fold.%d %s (U+%04X) folds to %c, NFC and NFD",
		    ++ncase, one, (unsigned)cp, base))
			diag("fold_cp U+%04X, fold \"%s\", fold of NFD \"%s\"",
			    (unsigned)f, fnfc, fnfd);
		free(one);
		free(nfd);
		free(fnfc);
		free(fnfd);
		n++;
	}
	return n;
}

struct tok {
	char	text[PH_FOLD_WORD_MAX + 8];
	size_t	len, start, end;
};

struct toks {
	struct tok	v[16];
	size_t		n;
	int		calls;
	int		stop_at;	/* return 7 on this call (1-based) */
};

static int
collect(void *arg, const char *tok, size_t toklen, size_t start, size_t end)
{
	struct toks	*t = arg;
	struct tok	*o;

	t->calls++;
	if (t->n < sizeof t->v / sizeof t->v[0]) {
		o = &t->v[t->n++];
		o->len = toklen;
		memcpy(o->text, tok, toklen < sizeof o->text ? toklen :
		    sizeof o->text - 1);
		o->text[toklen < sizeof o->text ? toklen :
		    sizeof o->text - 1] = '\0';
		o->start = start;
		o->end = end;
	}
	return t->calls == t->stop_at ? 7 : 0;
}

static int
split(const char *s, struct toks *t)
{
	memset(t, 0, sizeof *t);
	return ph_viet_fold_words(s, strlen(s), collect, t);
}

/* Token K of T is WANT from bytes [START, END). */
static void
is_tok(const struct toks *t, size_t k, const char *want, size_t start,
    size_t end, const char *what)
{
	const struct tok	*o = k < t->n ? &t->v[k] : NULL;

	if (!ok(o != NULL && o->len == strlen(want) &&
	    strcmp(o->text, want) == 0 && o->start == start && o->end == end,
	    "t-viet-fold.%d %s: token %zu \"%s\" [%zu,%zu)", ++ncase, what,
	    k, want, start, end)) {
		if (o != NULL)
			diag("got \"%s\" (%zu bytes) [%zu,%zu)", o->text,
			    o->len, o->start, o->end);
		else
			diag("only %zu tokens", t->n);
	}
}

static void
is_fold(const char *s, const char *want, const char *what)
{
	char	*f = ph_viet_fold(s);

	is_str(f, want, "t-viet-fold.%d fold %s", ++ncase, what);
	free(f);
}

int
main(void)
{
	struct toks	 t;
	size_t		 i, k;
	int		 n, all, rc;
	char		 buf[256], *s;

	plan_lazy();

	/* 1. Every precomposed letter, both cases. */
	n = 0;
	for (i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		n += check_set(letters[i].lower, letters[i].base);
		n += check_set(letters[i].upper, letters[i].base);
	}
	is_int(n, 134, "t-viet-fold.%d 134 precomposed letters checked",
	    ++ncase);

	/* 2. Combining marks fold to nothing; ASCII only lowers. */
	all = 1;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (ph_viet_fold_cp(marks[i]) != 0)
			all = 0;
	ok(all, "t-viet-fold.%d the 8 Vietnamese marks fold to 0", ++ncase);
	ok(ph_viet_fold_cp(0x0304) == 0 && ph_viet_fold_cp(0x036F) == 0,
	    "t-viet-fold.%d other combining marks (U+0304, U+036F) fold to 0",
	    ++ncase);
	ok(ph_viet_fold_cp('A') == 'a' && ph_viet_fold_cp('Z') == 'z' &&
	    ph_viet_fold_cp('q') == 'q', "t-viet-fold.%d ASCII letters lowered",
	    ++ncase);
	ok(ph_viet_fold_cp('7') == '7' && ph_viet_fold_cp(' ') == ' ' &&
	    ph_viet_fold_cp('-') == '-' && ph_viet_fold_cp('/') == '/',
	    "t-viet-fold.%d digits and punctuation unchanged", ++ncase);
	ok(ph_viet_fold_cp(0x00D7) == 0x00D7 && ph_viet_fold_cp(0x00F7) ==
	    0x00F7, "t-viet-fold.%d × and ÷ unchanged", ++ncase);
	ok(ph_viet_fold_cp(0x00C7) == 0x00E7 && ph_viet_fold_cp(0x00D1) ==
	    0x00F1, "t-viet-fold.%d Ç, Ñ (no Vietnamese marks) only lowered",
	    ++ncase);

	/* 3. Whole strings: NFC and NFD alike. */
	is_fold("Đảng ủy", "dang uy", "\"Đảng ủy\"");
	is_fold("\xc4\x90" "a\xcc\x89ng u\xcc\x89y", "dang uy",
	    "\"Đảng ủy\" in NFD");
	is_fold("ĐẢNG UỶ", "dang uy", "\"ĐẢNG UỶ\" (new tone place)");
	s = ph_viet_nfd("Nguyễn Thị Thủy, Phường Hòa Cường Bắc");
	is_fold(s, "nguyen thi thuy, phuong hoa cuong bac",
	    "a sentence in NFD");
	free(s);
	is_fold("Nguyễn Thị Thủy, Phường Hòa Cường Bắc",
	    "nguyen thi thuy, phuong hoa cuong bac", "the same in NFC");
	is_fold("hòa hoà HOÀ", "hoa hoa hoa", "both tone places");
	is_fold("24-QĐ/TW", "24-qd/tw", "a document number");
	is_fold("", "", "the empty string");
	is_fold("ab\xff" "cd", "ab\xff" "cd", "a stray byte copied");
	is_fold("e\xcc\x81\xcc\x82", "e", "marks in a non-canonical order");

	/* 4. ph_viet_has_marks. */
	ok(!ph_viet_has_marks("dang uy", 7), "t-viet-fold.%d plain text has "
	    "no marks", ++ncase);
	ok(!ph_viet_has_marks("UBND 24/QD-TW", 13),
	    "t-viet-fold.%d capitals and punctuation are no marks", ++ncase);
	ok(ph_viet_has_marks("Dang uy đ", strlen("Dang uy đ")),
	    "t-viet-fold.%d đ alone is a mark", ++ncase);
	ok(ph_viet_has_marks("a\xcc\x81", 3), "t-viet-fold.%d NFD acute",
	    ++ncase);
	ok(ph_viet_has_marks("Ă", strlen("Ă")), "t-viet-fold.%d Ă (breve, "
	    "capital) has a mark", ++ncase);
	ok(!ph_viet_has_marks("ab" "á", 2), "t-viet-fold.%d only LEN bytes "
	    "are looked at", ++ncase);
	ok(!ph_viet_has_marks("", 0), "t-viet-fold.%d empty", ++ncase);
	ok(!ph_viet_has_marks("2 × 3 ÷ 4 \xe2\x80\x99", strlen("2 × 3 ÷ 4 "
	    "\xe2\x80\x99")), "t-viet-fold.%d ×, ÷, U+2019 are no marks",
	    ++ncase);

	/* 5. ph_viet_is_word_cp. */
	ok(ph_viet_is_word_cp('a') && ph_viet_is_word_cp('Z') &&
	    ph_viet_is_word_cp('0') && ph_viet_is_word_cp('9'),
	    "t-viet-fold.%d ASCII letters and digits are word", ++ncase);
	ok(ph_viet_is_word_cp(0x0111) && ph_viet_is_word_cp(0x0110) &&
	    ph_viet_is_word_cp(0x01AF) && ph_viet_is_word_cp(0x1EF9) &&
	    ph_viet_is_word_cp(0x00E0), "t-viet-fold.%d đ Đ Ư ỹ à are word",
	    ++ncase);
	all = 1;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (!ph_viet_is_word_cp(marks[i]))
			all = 0;
	ok(all, "t-viet-fold.%d the 8 combining marks are word", ++ncase);
	ok(ph_viet_is_word_cp(0x0416) && ph_viet_is_word_cp(0x03B1) &&
	    ph_viet_is_word_cp(0x4E2D), "t-viet-fold.%d Ж α 中 are word",
	    ++ncase);
	ok(!ph_viet_is_word_cp(' ') && !ph_viet_is_word_cp('\t') &&
	    !ph_viet_is_word_cp('\n') && !ph_viet_is_word_cp(0x00A0),
	    "t-viet-fold.%d spaces (and NBSP) are not word", ++ncase);
	ok(!ph_viet_is_word_cp('-') && !ph_viet_is_word_cp('/') &&
	    !ph_viet_is_word_cp(',') && !ph_viet_is_word_cp('.') &&
	    !ph_viet_is_word_cp('_') && !ph_viet_is_word_cp('"') &&
	    !ph_viet_is_word_cp('('), "t-viet-fold.%d ASCII punctuation is "
	    "not word", ++ncase);
	ok(!ph_viet_is_word_cp(0x00D7) && !ph_viet_is_word_cp(0x00F7),
	    "t-viet-fold.%d × and ÷ are not word", ++ncase);
	ok(!ph_viet_is_word_cp(0x2019) && !ph_viet_is_word_cp(0x201C) &&
	    !ph_viet_is_word_cp(0x2013) && !ph_viet_is_word_cp(0x2026),
	    "t-viet-fold.%d ’ “ – … are not word", ++ncase);
	ok(!ph_viet_is_word_cp(0x00AB) && !ph_viet_is_word_cp(0x00B0) &&
	    !ph_viet_is_word_cp(0x3001) && !ph_viet_is_word_cp(0xFF0C),
	    "t-viet-fold.%d « ° 、 ， are not word", ++ncase);

	/* 6. ph_viet_is_upper_word. */
#define UPPER(s)	ph_viet_is_upper_word((s), strlen(s))
	ok(UPPER("UBND"), "t-viet-fold.%d UBND is in capitals", ++ncase);
	ok(UPPER("ĐU"), "t-viet-fold.%d ĐU is in capitals", ++ncase);
	ok(UPPER("QĐ-TW"), "t-viet-fold.%d QĐ-TW is in capitals", ++ncase);
	ok(UPPER("ỦY"), "t-viet-fold.%d ỦY is in capitals", ++ncase);
	ok(UPPER("U\xcc\x9b\xcc\x89" "Y"),
	    "t-viet-fold.%d ỬY in NFD is in capitals", ++ncase);
	ok(!UPPER("Ubnd"), "t-viet-fold.%d Ubnd is not", ++ncase);
	ok(!UPPER("A"), "t-viet-fold.%d A (one letter) is not", ++ncase);
	ok(!UPPER("ủy"), "t-viet-fold.%d ủy is not", ++ncase);
	ok(!UPPER("UBNd"), "t-viet-fold.%d UBNd (one small letter) is not",
	    ++ncase);
	ok(!UPPER("ĐẢNg"), "t-viet-fold.%d ĐẢNg is not", ++ncase);
	ok(!UPPER("2021") && !UPPER(""), "t-viet-fold.%d digits, empty: not",
	    ++ncase);
	ok(!UPPER("A-1"), "t-viet-fold.%d A-1 (one letter) is not", ++ncase);
	ok(!ph_viet_is_upper_word("UB\xff", 3),
	    "t-viet-fold.%d invalid UTF-8 is not", ++ncase);
#undef UPPER

	/* 7. ph_viet_fold_words. */
	rc = split("24-QĐ/TW, ngày 30/7/2021", &t);
	is_int(rc, 0, "t-viet-fold.%d split returns 0 when not stopped",
	    ++ncase);
	is_int((int64_t)t.n, 7, "t-viet-fold.%d \"24-QĐ/TW, ngày 30/7/2021\" "
	    "is 7 words", ++ncase);
	is_tok(&t, 0, "24", 0, 2, "number");
	is_tok(&t, 1, "qd", 3, 6, "number");
	is_tok(&t, 2, "tw", 7, 9, "number");
	is_tok(&t, 3, "ngay", 11, 16, "date");
	is_tok(&t, 4, "30", 17, 19, "date");
	is_tok(&t, 5, "7", 20, 21, "date");
	is_tok(&t, 6, "2021", 22, 26, "date");

	rc = split("nga\xcc\x80y Đa\xcc\x89ng", &t);
	is_int((int64_t)t.n, 2, "t-viet-fold.%d NFD text is 2 words", ++ncase);
	is_tok(&t, 0, "ngay", 0, 6, "NFD mark inside the range");
	is_tok(&t, 1, "dang", 7, 14, "NFD, Đ");
	rc = split("ho\xcc\x9b\xcc\xa3p", &t);
	is_tok(&t, 0, "hop", 0, 7, "two NFD marks inside the range");

	rc = split(" \xcc\x81 , ab", &t);
	is_int((int64_t)t.n, 1, "t-viet-fold.%d a mark alone is no word",
	    ++ncase);
	is_tok(&t, 0, "ab", 6, 8, "after a lone mark");
	rc = split("ab\xff" "cd", &t);
	is_int((int64_t)t.n, 2, "t-viet-fold.%d a stray byte ends a word",
	    ++ncase);
	is_tok(&t, 1, "cd", 3, 5, "after a stray byte");
	rc = split("“Ủy ban”", &t);
	is_tok(&t, 0, "uy", 3, 7, "inside curly quotes");
	is_tok(&t, 1, "ban", 8, 11, "inside curly quotes");
	rc = split("", &t);
	ok(rc == 0 && t.calls == 0, "t-viet-fold.%d empty text: no call",
	    ++ncase);
	rc = split(" -/, ", &t);
	ok(rc == 0 && t.calls == 0, "t-viet-fold.%d punctuation only: no call",
	    ++ncase);

	/* Long words are cut at PH_FOLD_WORD_MAX bytes; the range is still
	 * the whole run. */
	memset(buf, 'a', 100);
	buf[100] = '\0';
	rc = split(buf, &t);
	if (!ok(t.n == 1 && t.v[0].len == PH_FOLD_WORD_MAX &&
	    t.v[0].start == 0 && t.v[0].end == 100, "t-viet-fold.%d 100 "
	    "letters cut to %d bytes, range [0,100)", ++ncase,
	    PH_FOLD_WORD_MAX) && t.n == 1)
		diag("token of %zu bytes [%zu,%zu)", t.v[0].len, t.v[0].start,
		    t.v[0].end);
	memset(buf, 'b', PH_FOLD_WORD_MAX);
	buf[PH_FOLD_WORD_MAX] = '\0';
	rc = split(buf, &t);
	if (!ok(t.n == 1 && t.v[0].len == PH_FOLD_WORD_MAX,
	    "t-viet-fold.%d a word of exactly %d letters is kept whole",
	    ++ncase, PH_FOLD_WORD_MAX) && t.n == 1)
		diag("token of %zu bytes", t.v[0].len);
	/* 40 × "ệ" (3 bytes each, 120 bytes) folds to 40 bytes: not cut. */
	for (i = 0; i < 40; i++)
		memcpy(buf + 3 * i, "ệ", 3);
	buf[120] = '\0';
	rc = split(buf, &t);
	ok(t.n == 1 && t.v[0].len == 40 && t.v[0].end == 120,
	    "t-viet-fold.%d the cut counts folded bytes, not input bytes",
	    ++ncase);
	/* 50 × "Ж" (2 bytes, not folded away) is 100 folded bytes. */
	for (i = 0; i < 50; i++)
		memcpy(buf + 2 * i, "Ж", 2);
	buf[100] = '\0';
	rc = split(buf, &t);
	all = t.n == 1 && t.v[0].len == PH_FOLD_WORD_MAX &&
	    t.v[0].end == 100;
	for (k = 0; all && k < t.v[0].len; k += 2)
		if (memcmp(t.v[0].text + k, "Ж", 2) != 0)
			all = 0;
	if (!ok(all, "t-viet-fold.%d a 2-byte script is cut on a character "
	    "boundary at %d bytes", ++ncase, PH_FOLD_WORD_MAX) && t.n == 1)
		diag("token of %zu bytes", t.v[0].len);
	memset(buf, 'c', 100);
	memcpy(buf + 100, " de", 4);
	rc = split(buf, &t);
	ok(t.n == 2 && strcmp(t.v[1].text, "de") == 0 && t.v[1].start == 101 &&
	    t.v[1].end == 103, "t-viet-fold.%d the word after a cut one is "
	    "whole", ++ncase);

	/* The callback's value stops the split and is returned. */
	memset(&t, 0, sizeof t);
	t.stop_at = 2;
	rc = ph_viet_fold_words("một hai ba bốn", strlen("một hai ba bốn"),
	    collect, &t);
	ok(rc == 7 && t.calls == 2, "t-viet-fold.%d stop value 7 returned "
	    "after the second word", ++ncase);
	memset(&t, 0, sizeof t);
	t.stop_at = 1;
	rc = ph_viet_fold_words("một", strlen("một"), collect, &t);
	ok(rc == 7 && t.calls == 1, "t-viet-fold.%d stop on the last word "
	    "(at the end of text)", ++ncase);
	memset(&t, 0, sizeof t);
	rc = ph_viet_fold_words("một hai ba", 8, collect, &t);
	ok(t.n == 2 && strcmp(t.v[1].text, "ha") == 0 && t.v[1].start == 6 &&
	    t.v[1].end == 8, "t-viet-fold.%d only LEN bytes split",
	    ++ncase);

	return done();
}
