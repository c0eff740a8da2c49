/*
 * t-viet.c -- UTF-8 validation, NFC of every Vietnamese letter from NFD
 * (both mark orders, "Unicode tổ hợp" half-composed input), NFD of every
 * letter in both cases and back, case mapping, name keys and display
 * width.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "viet.h"

/* The 67 Vietnamese vowels with tone (and the plain ones), lower case,
 * each in NFC; with their decomposition written by hand below. */
static const char *const vowels[] = {
	"a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ",
	"â", "ầ", "ấ", "ẩ", "ẫ", "ậ", "e", "è", "é", "ẻ", "ẽ", "ẹ",
	"ê", "ề", "ế", "ể", "ễ", "ệ", "i", "ì", "í", "ỉ", "ĩ", "ị",
	"o", "ò", "ó", "ỏ", "õ", "ọ", "ô", "ồ", "ố", "ổ", "ỗ", "ộ",
	"ơ", "ờ", "ớ", "ở", "ỡ", "ợ", "u", "ù", "ú", "ủ", "ũ", "ụ",
	"ư", "ừ", "ứ", "ử", "ữ", "ự", "y", "ỳ", "ý", "ỷ", "ỹ", "ỵ",
};

/* Vowel quality marks and tones, as UTF-8 combining sequences. */
static const char *const tone_mark[] = { "", "\xcc\x80", "\xcc\x81",
    "\xcc\x89", "\xcc\x83", "\xcc\xa3" };

static char *
nfd_of(int v)
{
	static const char	base[] = "aaaeeiooouuy";
	/* index of vowel group (0..11) and tone (0..5) */
	int			g = v / 6, t = v % 6;
	static const char *const quality[] = { "", "\xcc\x86", "\xcc\x82",
	    "", "\xcc\x82", "", "", "\xcc\x82", "\xcc\x9b", "", "\xcc\x9b",
	    "" };

	return ph_xasprintf("%c%s%s", base[g], quality[g], tone_mark[t]);
}

/* The same in canonical order: the dot below (class 220) goes before a
 * circumflex or breve (230); the horn (216) is first already. */
static char *
canon_of(int v)
{
	static const char	base[] = "aaaeeiooouuy";
	int			g = v / 6, t = v % 6;

	if (t == 5 && (g == 1 || g == 2 || g == 4 || g == 7))
		return ph_xasprintf("%c\xcc\xa3%s", base[g],
		    g == 1 ? "\xcc\x86" : "\xcc\x82");
	return nfd_of(v);
}

int
main(void)
{
	size_t	 bad, i;
	char	*s, *u, *l;
	int	 all;

	plan_lazy();
	ok(ph_utf8_valid("Đảng ủy", strlen("Đảng ủy"), &bad),
	    "t-viet.1 valid UTF-8");
	ok(!ph_utf8_valid("ab\xff", 3, &bad) && bad == 2,
	    "t-viet.2 bad byte found at offset 2");
	ok(!ph_utf8_valid("\xc3\x28", 2, &bad) && bad == 0,
	    "t-viet.3 bad continuation");
	ok(!ph_utf8_valid("\xc0\xaf", 2, &bad), "t-viet.4 overlong refused");
	ok(!ph_utf8_valid("\xed\xa0\x80", 3, &bad), "t-viet.5 surrogate refused");
	ok(!ph_utf8_valid("\xe1\xba", 2, &bad) && bad == 0,
	    "t-viet.6 truncated sequence");

	/* Every vowel with every tone: NFD -> NFC, in both mark orders. */
	for (i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
		char *nfd = nfd_of((int)i), *nfc = ph_viet_nfc(nfd);
		is_str(nfc, vowels[i], "t-viet.%zu NFC of NFD %s", 10 + i,
		    vowels[i]);
		free(nfd);
		free(nfc);
	}
	/* Tone before quality mark (an order some tools write). */
	s = ph_viet_nfc("e\xcc\x81\xcc\x82");	/* e + acute + circumflex */
	/* Both have class 230, so the order is significant: é then ^
	 * is not ế in Unicode; it must not be turned into ế. */
	ok(strcmp(s, "ế") != 0, "t-viet.90 same-class marks keep their order");
	free(s);
	s = ph_viet_nfc("o\xcc\xa3\xcc\x9b");	/* dot below before horn */
	is_str(s, "ợ", "t-viet.91 dot below and horn reordered to ợ");
	free(s);
	s = ph_viet_nfc("\xc3\xa2\xcc\xa3");	/* â + dot below */
	is_str(s, "ậ", "t-viet.92 half-composed â + dot below -> ậ");
	free(s);
	s = ph_viet_nfc("\xc3\xb4\xcc\xa3");
	is_str(s, "ộ", "t-viet.93 half-composed ô + dot below -> ộ");
	free(s);
	s = ph_viet_nfc("U\xcc\x9b\xcc\x89");
	is_str(s, "Ử", "t-viet.94 capital Ử from NFD");
	free(s);
	s = ph_viet_nfc("Đa\xcc\x89ng u\xcc\x89y");
	is_str(s, "Đảng ủy", "t-viet.95 Đảng ủy from NFD");
	free(s);
	s = ph_viet_nfc("x\xcc\x81");
	is_str(s, "x\xcc\x81", "t-viet.96 no precomposed x-acute: kept");
	free(s);
	s = ph_viet_nfc("abc \xff def");
	is_str(s, "abc \xff def", "t-viet.97 stray bytes copied");
	free(s);

	/* Case mapping over every vowel: upper then lower is identity. */
	all = 1;
	for (i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
		u = ph_viet_upper(vowels[i]);
		l = ph_viet_lower(u);
		if (strcmp(l, vowels[i]) != 0 || strcmp(u, vowels[i]) == 0)
			all = 0;
		free(u);
		free(l);
	}
	ok(all, "t-viet.98 upper/lower round trip of all 72 vowels");
	u = ph_viet_upper("đảng ủy công an tỉnh");
	is_str(u, "ĐẢNG ỦY CÔNG AN TỈNH", "t-viet.99 upper with đ");
	free(u);
	l = ph_viet_lower("ĐẢNG ỦY XÃ TÂN TIẾN");
	is_str(l, "đảng ủy xã tân tiến", "t-viet.100 lower with Đ");
	free(l);
	s = ph_viet_name_key("  Đảng   Ủy\tCông an  ");
	is_str(s, "đảng ủy công an", "t-viet.101 name key");
	free(s);
	s = ph_viet_name_key("\xc4\x90" "a\xcc\x89ng U\xcc\x89y");
	is_str(s, "đảng ủy", "t-viet.102 name key of NFD");
	free(s);

	/* NFD: every vowel, both cases, splits as written by hand and goes
	 * back to the same letter. */
	for (i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
		char *want = canon_of((int)i), *nfd = ph_viet_nfd(vowels[i]);
		char *back = ph_viet_nfc(nfd);
		ok(strcmp(nfd, want) == 0 && strcmp(back, vowels[i]) == 0,
		    "t-viet.%zu NFD of %s and back", 110 + i, vowels[i]);
		free(want);
		free(nfd);
		free(back);
	}
	for (i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
		char *d = canon_of((int)i), *want = ph_viet_upper(d);
		char *up = ph_viet_upper(vowels[i]), *nfd = ph_viet_nfd(up);
		char *back = ph_viet_nfc(nfd);
		ok(strcmp(nfd, want) == 0 && strcmp(back, up) == 0,
		    "t-viet.%zu NFD of %s and back", 190 + i, up);
		free(d);
		free(want);
		free(up);
		free(nfd);
		free(back);
	}
	s = ph_viet_nfd("ậ");
	is_str(s, "a\xcc\xa3\xcc\x82", "t-viet.270 ậ: dot below, circumflex");
	free(s);
	s = ph_viet_nfd("Ợ");
	is_str(s, "O\xcc\x9b\xcc\xa3", "t-viet.271 Ợ: horn before dot below");
	free(s);
	s = ph_viet_nfd("ừ");
	is_str(s, "u\xcc\x9b\xcc\x80", "t-viet.272 ừ: horn before grave");
	free(s);
	s = ph_viet_nfd("ẵ");
	is_str(s, "a\xcc\x86\xcc\x83", "t-viet.273 ẵ: breve before tilde");
	free(s);
	s = ph_viet_nfd("\xc3\xa2\xcc\xa3");	/* â + dot below */
	is_str(s, "a\xcc\xa3\xcc\x82", "t-viet.274 half-composed â + dot");
	free(s);
	s = ph_viet_nfd("o\xcc\xa3\xcc\x9b");	/* dot below before horn */
	is_str(s, "o\xcc\x9b\xcc\xa3", "t-viet.275 canonical order");
	free(s);
	s = ph_viet_nfd("e\xcc\x81\xcc\x82");	/* acute, circumflex */
	is_str(s, "e\xcc\x81\xcc\x82", "t-viet.276 equal classes keep order");
	free(s);
	s = ph_viet_nfd("Đảng ủy đ Đ");
	is_str(s, "Đa\xcc\x89ng u\xcc\x89y đ Đ", "t-viet.277 đ, Đ unchanged");
	free(s);
	s = ph_viet_nfd("TW 15/QĐ-TU, ANTT");
	is_str(s, "TW 15/QĐ-TU, ANTT", "t-viet.278 plain text unchanged");
	free(s);
	s = ph_viet_nfd("abc \xff é");
	is_str(s, "abc \xff e\xcc\x81", "t-viet.279 stray bytes copied");
	free(s);
	s = ph_viet_nfd("");
	is_str(s, "", "t-viet.280 empty string");
	free(s);
	s = ph_viet_nfd("\xcc\x81\xcc\xa3x");	/* marks with no letter */
	is_str(s, "\xcc\x81\xcc\xa3x", "t-viet.281 leading mark as in NFC");
	free(s);
	s = ph_viet_nfd("Nguyễn Thị Thủy, Phường Hòa Cường Bắc");
	u = ph_viet_nfc(s);
	is_str(u, "Nguyễn Thị Thủy, Phường Hòa Cường Bắc",
	    "t-viet.282 NFC of NFD of a sentence");
	ok(strlen(s) > strlen(u), "t-viet.283 NFD is longer");
	free(s);
	free(u);
	s = ph_viet_nfd("a\xcc\x89");
	is_str(s, "a\xcc\x89", "t-viet.284 NFD of NFD unchanged");
	free(s);
	/* A run of marks longer than any buffer (found by fuzz-legacy):
	 * NFC and NFD must still be idempotent. */
	{
		struct ph_buf b;
		char *n1, *n2, *d1, *d2;
		int k;
		ph_buf_init(&b);
		ph_buf_adds(&b, "\xc6\xb0\xcc\xa3");	/* ư U+0323 */
		for (k = 0; k < 40; k++)
			ph_buf_adds(&b, "\xcc\x83");	/* U+0303 */
		ph_buf_adds(&b, "\xcc\xa3\xcc\xa3 x");
		n1 = ph_viet_nfc(b.data);
		n2 = ph_viet_nfc(n1);
		is_str(n2, n1, "t-viet.285 NFC of 43 marks is idempotent");
		d1 = ph_viet_nfd(b.data);
		d2 = ph_viet_nfd(d1);
		is_str(d2, d1, "t-viet.286 NFD of 43 marks is idempotent");
		free(n2);
		n2 = ph_viet_nfc(d1);
		is_str(n2, n1, "t-viet.287 NFC of that NFD is the NFC");
		free(n1);
		free(n2);
		free(d1);
		free(d2);
		ph_buf_release(&b);
	}

	is_int((int64_t)ph_utf8_width("Đảng ủy"), 7, "t-viet.103 width");
	is_int((int64_t)ph_utf8_width("a\xcc\x81"), 1,
	    "t-viet.104 combining mark has no width");
	is_int((int64_t)ph_utf8_width("\x01"), 2, "t-viet.105 ^A is 2 wide");
	is_int((int64_t)ph_utf8_width("中"), 2, "t-viet.106 CJK is wide");
	ok(ph_utf8_is_control(0x9b) && ph_utf8_is_control(0x1b) &&
	    !ph_utf8_is_control('a'), "t-viet.107 C0 and C1 are controls");
	return done();
}
