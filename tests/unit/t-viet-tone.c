/*
 * t-viet-tone.c -- syllables and tone placement: real words in the old
 * and the new style from any input placement, NFC or NFD, upper case;
 * what is not a syllable; whole sentences; exact keys; style names.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "viet.h"

/* A word as it may arrive, and how each style writes it. */
static const struct {
	const char	*in, *old, *new;
} words[] = {
	{ "hoà", "hòa", "hoà" },
	{ "hòa", "hòa", "hoà" },
	{ "thuỷ", "thủy", "thuỷ" },
	{ "thủy", "thủy", "thuỷ" },
	{ "uỷ", "ủy", "uỷ" },
	{ "ủy", "ủy", "uỷ" },
	{ "khoẻ", "khỏe", "khoẻ" },
	{ "khỏe", "khỏe", "khoẻ" },
	{ "hoá", "hóa", "hoá" },
	{ "tuỳ", "tùy", "tuỳ" },
	{ "loè", "lòe", "loè" },
	{ "quý", "quý", "quý" },
	{ "qúy", "quý", "quý" },	/* tone on the u of qu */
	{ "quả", "quả", "quả" },
	{ "qủa", "quả", "quả" },
	{ "quốc", "quốc", "quốc" },
	{ "quyết", "quyết", "quyết" },
	{ "quỳnh", "quỳnh", "quỳnh" },
	{ "giữ", "giữ", "giữ" },
	{ "già", "già", "già" },
	{ "gìa", "già", "già" },	/* tone on the i of gi */
	{ "gì", "gì", "gì" },
	{ "gìn", "gìn", "gìn" },
	{ "giúp", "giúp", "giúp" },
	{ "giữa", "giữa", "giữa" },
	{ "giường", "giường", "giường" },
	{ "người", "người", "người" },
	{ "ngươì", "người", "người" },
	{ "khuỷu", "khuỷu", "khuỷu" },
	{ "khủyu", "khuỷu", "khuỷu" },
	{ "ngoài", "ngoài", "ngoài" },
	{ "ngòai", "ngoài", "ngoài" },
	{ "xoáy", "xoáy", "xoáy" },
	{ "thuở", "thuở", "thuở" },
	{ "việt", "việt", "việt" },
	{ "nguyễn", "nguyễn", "nguyễn" },
	{ "nguỹên", "nguyễn", "nguyễn" },
	{ "hoàng", "hoàng", "hoàng" },
	{ "hòang", "hoàng", "hoàng" },
	{ "toán", "toán", "toán" },
	{ "tóan", "toán", "toán" },
	{ "hoạch", "hoạch", "hoạch" },
	{ "huỳnh", "huỳnh", "huỳnh" },
	{ "xoong", "xoong", "xoong" },
	{ "mía", "mía", "mía" },
	{ "múa", "múa", "múa" },
	{ "mưa", "mưa", "mưa" },
	{ "cửa", "cửa", "cửa" },
	{ "hai", "hai", "hai" },
	{ "haì", "hài", "hài" },
	{ "sáu", "sáu", "sáu" },
	{ "mèo", "mèo", "mèo" },
	{ "gửi", "gửi", "gửi" },
	{ "hưu", "hưu", "hưu" },
	{ "rượu", "rượu", "rượu" },
	{ "muối", "muối", "muối" },
	{ "yêu", "yêu", "yêu" },
	{ "tiếng", "tiếng", "tiếng" },
	{ "nghiêng", "nghiêng", "nghiêng" },
	{ "Đảng", "Đảng", "Đảng" },
	{ "đoàn", "đoàn", "đoàn" },
	{ "HOÀ", "HÒA", "HOÀ" },
	{ "HÒA", "HÒA", "HOÀ" },
	{ "Thuỷ", "Thủy", "Thuỷ" },
	{ "ỦY", "ỦY", "UỶ" },
	{ "KhOẻ", "KhỎe", "KhOẻ" },	/* each letter keeps its case */
	{ "QUÝ", "QUÝ", "QUÝ" },
	{ "ho\xcc\x80" "a", "hòa", "hoà" },		/* NFD */
	{ "thu\xcc\x89y", "thủy", "thuỷ" },
	{ "vie\xcc\x82\xcc\xa3t", "việt", "việt" },
	{ "vie\xcc\xa3\xcc\x82t", "việt", "việt" },	/* marks reversed */
	{ "\xc3\xaa\xcc\x80", "ề", "ề" },		/* ê + grave */
	{ "ngu\xcc\x9bo\xcc\x9b\xcc\x80i", "người", "người" },
};

/* Not syllables: copied unchanged (as NFC). */
static const char *const nonwords[] = {
	"TW", "ANTT", "UBND", "HĐND", "A1", "Hòa2", "15", "class", "process",
	"café", "hóà", "xyz", "qu", "Zoë", "ñ", "ẁ", "strò", "gh",
};

/* Onset, nucleus, coda and tone of a parse. */
static const struct {
	const char	*in, *onset, *nucleus, *coda;
	enum ph_tone	 tone;
} parts[] = {
	{ "gì", "g", "i", "", PH_TONE_GRAVE },
	{ "gìn", "g", "i", "n", PH_TONE_GRAVE },
	{ "già", "gi", "a", "", PH_TONE_GRAVE },
	{ "giữ", "gi", "ư", "", PH_TONE_TILDE },
	{ "quý", "qu", "y", "", PH_TONE_ACUTE },
	{ "quốc", "qu", "ô", "c", PH_TONE_ACUTE },
	{ "người", "ng", "ươ", "i", PH_TONE_GRAVE },
	{ "nguyễn", "ng", "uyê", "n", PH_TONE_TILDE },
	{ "ngoài", "ng", "oa", "i", PH_TONE_GRAVE },
	{ "khuỷu", "kh", "uy", "u", PH_TONE_HOOK },
	{ "thủy", "th", "uy", "", PH_TONE_HOOK },
	{ "hoà", "h", "oa", "", PH_TONE_GRAVE },
	{ "nghiêng", "ngh", "iê", "ng", PH_TONE_NONE },
	{ "Đảng", "Đ", "a", "ng", PH_TONE_HOOK },
	{ "anh", "", "a", "nh", PH_TONE_NONE },
	{ "ủy", "", "uy", "", PH_TONE_HOOK },
	{ "hai", "h", "a", "i", PH_TONE_NONE },
	{ "thuở", "th", "uơ", "", PH_TONE_HOOK },
	{ "XOONG", "X", "OO", "NG", PH_TONE_NONE },
	{ "Trường", "Tr", "ươ", "ng", PH_TONE_GRAVE },
	{ "khuya", "kh", "uya", "", PH_TONE_NONE },
	{ "ạ", "", "a", "", PH_TONE_DOT },
};

/* Whole lines: the input, old style, new style. */
static const struct {
	const char	*in, *old, *new;
} lines[] = {
	{ "Đảng uỷ xã Tân Tiến", "Đảng ủy xã Tân Tiến",
	  "Đảng uỷ xã Tân Tiến" },
	{ "Ban Thường vụ Huyện ủy Hòa Vang, Thủy Nguyên",
	  "Ban Thường vụ Huyện ủy Hòa Vang, Thủy Nguyên",
	  "Ban Thường vụ Huyện uỷ Hoà Vang, Thuỷ Nguyên" },
	{ "V/v hỗ trợ kinh phí khoẻ mạnh (theo CV số 15/UBND-VP)",
	  "V/v hỗ trợ kinh phí khỏe mạnh (theo CV số 15/UBND-VP)",
	  "V/v hỗ trợ kinh phí khoẻ mạnh (theo CV số 15/UBND-VP)" },
	{ "ỦY BAN NHÂN DÂN XÃ HÒA TIẾN",
	  "ỦY BAN NHÂN DÂN XÃ HÒA TIẾN",
	  "UỶ BAN NHÂN DÂN XÃ HOÀ TIẾN" },
	{ "Ho\xcc\x80" "a\tthu\xcc\x89y\n", "Hòa\tthủy\n", "Hoà\tthuỷ\n" },
	{ "TW, ANTT; Hòa2 hòa-bình", "TW, ANTT; Hòa2 hòa-bình",
	  "TW, ANTT; Hòa2 hoà-bình" },
	{ "", "", "" },
	{ "  \xff hòa", "  \xff hòa", "  \xff hoà" },
	{ "hòa中 hòa", "hòa中 hòa", "hòa中 hoà" },
};

int
main(void)
{
	struct ph_syllable	 syl;
	enum ph_tone_style	 st;
	char			*s, *t, buf[64];
	size_t			 i, n;
	int			 all;

	plan_lazy();

	/* t-viet-tone.1xx: real words in both styles. */
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		s = ph_viet_tone_restyle(words[i].in, PH_TONE_STYLE_OLD);
		is_str(s, words[i].old, "t-viet-tone.%zu old style of %s",
		    100 + 2 * i, words[i].in);
		free(s);
		s = ph_viet_tone_restyle(words[i].in, PH_TONE_STYLE_NEW);
		is_str(s, words[i].new, "t-viet-tone.%zu new style of %s",
		    101 + 2 * i, words[i].in);
		free(s);
	}

	/* t-viet-tone.3xx: not syllables. */
	for (i = 0; i < sizeof nonwords / sizeof nonwords[0]; i++) {
		t = ph_viet_nfc(nonwords[i]);
		ok(!ph_viet_syllable_parse(nonwords[i], strlen(nonwords[i]),
		    &syl), "t-viet-tone.%zu %s is no syllable", 300 + 2 * i,
		    nonwords[i]);
		s = ph_viet_tone_restyle(nonwords[i], PH_TONE_STYLE_NEW);
		is_str(s, t, "t-viet-tone.%zu %s copied", 301 + 2 * i,
		    nonwords[i]);
		free(s);
		free(t);
	}

	/* t-viet-tone.4xx: the parts of a parse. */
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		memset(&syl, 0xff, sizeof syl);
		ok(ph_viet_syllable_parse(parts[i].in, strlen(parts[i].in),
		    &syl) && strcmp(syl.onset, parts[i].onset) == 0 &&
		    strcmp(syl.nucleus, parts[i].nucleus) == 0 &&
		    strcmp(syl.coda, parts[i].coda) == 0 &&
		    syl.tone == parts[i].tone,
		    "t-viet-tone.%zu %s = %s + %s + %s", 400 + i, parts[i].in,
		    parts[i].onset, parts[i].nucleus, parts[i].coda);
	}
	ok(ph_viet_syllable_parse("hòa bình", 4, &syl) &&
	    strcmp(syl.nucleus, "oa") == 0,
	    "t-viet-tone.450 parse reads only LEN bytes");

	/* t-viet-tone.5xx: format. */
	memset(&syl, 0, sizeof syl);
	memcpy(syl.onset, "th", 3);
	memcpy(syl.nucleus, "uy", 3);
	syl.tone = PH_TONE_HOOK;
	n = ph_viet_syllable_format(&syl, PH_TONE_STYLE_OLD, buf, sizeof buf);
	ok(n == strlen("thủy") && strcmp(buf, "thủy") == 0,
	    "t-viet-tone.500 format thủy, old");
	n = ph_viet_syllable_format(&syl, PH_TONE_STYLE_NEW, buf, sizeof buf);
	ok(n == strlen("thuỷ") && strcmp(buf, "thuỷ") == 0,
	    "t-viet-tone.501 format thuỷ, new");
	memcpy(syl.coda, "n", 2);
	n = ph_viet_syllable_format(&syl, PH_TONE_STYLE_OLD, buf, sizeof buf);
	is_str(buf, "thuỷn", "t-viet-tone.502 a coda moves the tone");
	is_int((int64_t)ph_viet_syllable_format(&syl, PH_TONE_STYLE_OLD,
	    buf, 4), 0, "t-viet-tone.503 too small a buffer gives 0");
	is_int((int64_t)ph_viet_syllable_format(&syl, PH_TONE_STYLE_OLD,
	    buf, strlen("thuỷn") + 1), (int64_t)strlen("thuỷn"),
	    "t-viet-tone.504 exactly enough room");
	all = 1;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		for (st = PH_TONE_STYLE_OLD; st <= PH_TONE_STYLE_NEW; st++) {
			const char *want = st == PH_TONE_STYLE_OLD ?
			    words[i].old : words[i].new;
			if (!ph_viet_syllable_parse(words[i].in,
			    strlen(words[i].in), &syl) ||
			    ph_viet_syllable_format(&syl, st, buf,
			    sizeof buf) == 0 || strcmp(buf, want) != 0)
				all = 0;
		}
	}
	ok(all, "t-viet-tone.505 parse then format = restyle, every word");
	all = 1;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		s = ph_viet_tone_restyle(words[i].old, PH_TONE_STYLE_NEW);
		t = ph_viet_tone_restyle(s, PH_TONE_STYLE_OLD);
		if (strcmp(s, words[i].new) != 0 ||
		    strcmp(t, words[i].old) != 0)
			all = 0;
		free(s);
		free(t);
	}
	ok(all, "t-viet-tone.506 old -> new -> old is the identity");

	/* t-viet-tone.6xx: sentences. */
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		s = ph_viet_tone_restyle(lines[i].in, PH_TONE_STYLE_OLD);
		is_str(s, lines[i].old, "t-viet-tone.%zu line %zu, old",
		    600 + 2 * i, i);
		free(s);
		s = ph_viet_tone_restyle(lines[i].in, PH_TONE_STYLE_NEW);
		is_str(s, lines[i].new, "t-viet-tone.%zu line %zu, new",
		    601 + 2 * i, i);
		free(s);
	}

	/* t-viet-tone.7xx: exact keys. */
	s = ph_viet_exact_key("Hòa");
	t = ph_viet_exact_key("HOÀ");
	ok(strcmp(s, t) == 0 && strcmp(s, "hoà") == 0,
	    "t-viet-tone.700 Hòa and HOÀ share the key hoà");
	free(s);
	free(t);
	s = ph_viet_exact_key("ho\xcc\x80" "a");
	is_str(s, "hoà", "t-viet-tone.701 NFD hòa has the key hoà");
	free(s);
	s = ph_viet_exact_key("hoa");
	t = ph_viet_exact_key("hóa");
	ok(strcmp(s, t) != 0, "t-viet-tone.702 hoa and hóa differ");
	free(s);
	free(t);
	s = ph_viet_exact_key("hòa");
	t = ph_viet_exact_key("hóa");
	ok(strcmp(s, t) != 0, "t-viet-tone.703 hòa and hóa differ");
	free(s);
	free(t);
	s = ph_viet_exact_key("Đảng ủy xã Tân Tiến");
	t = ph_viet_exact_key("ĐẢNG UỶ XÃ TÂN TIẾN");
	ok(strcmp(s, t) == 0, "t-viet-tone.704 a whole name, both styles");
	is_str(s, "đảng uỷ xã tân tiến", "t-viet-tone.705 its key");
	free(s);
	free(t);
	s = ph_viet_exact_key("dang uy");
	t = ph_viet_exact_key("Đảng ủy");
	ok(strcmp(s, t) != 0, "t-viet-tone.706 marks count");
	free(s);
	free(t);
	s = ph_viet_exact_key("thuở");
	t = ph_viet_exact_key("thủơ");
	ok(strcmp(s, t) == 0, "t-viet-tone.707 thủơ is thuở");
	free(s);
	free(t);
	s = ph_viet_exact_key("Khỏe");
	t = ph_viet_exact_key("khoẻ");
	ok(strcmp(s, t) == 0, "t-viet-tone.708 Khỏe and khoẻ");
	free(s);
	free(t);
	s = ph_viet_exact_key("TW");
	is_str(s, "tw", "t-viet-tone.709 an abbreviation is lower-cased");
	free(s);
	s = ph_viet_exact_key("hoà");
	t = ph_viet_exact_key("hoả");
	ok(strcmp(s, t) != 0, "t-viet-tone.710 hoà and hoả differ");
	free(s);
	free(t);

	/* t-viet-tone.8xx: style names. */
	ok(ph_viet_tone_style_parse("old", &st) && st == PH_TONE_STYLE_OLD,
	    "t-viet-tone.800 old");
	ok(ph_viet_tone_style_parse("CU", &st) && st == PH_TONE_STYLE_OLD,
	    "t-viet-tone.801 CU");
	ok(ph_viet_tone_style_parse("cũ", &st) && st == PH_TONE_STYLE_OLD,
	    "t-viet-tone.802 cũ");
	ok(ph_viet_tone_style_parse("Cu\xcc\x83", &st) &&
	    st == PH_TONE_STYLE_OLD, "t-viet-tone.803 Cũ in NFD");
	st = PH_TONE_STYLE_OLD;
	ok(ph_viet_tone_style_parse("New", &st) && st == PH_TONE_STYLE_NEW,
	    "t-viet-tone.804 New");
	st = PH_TONE_STYLE_OLD;
	ok(ph_viet_tone_style_parse("moi", &st) && st == PH_TONE_STYLE_NEW,
	    "t-viet-tone.805 moi");
	st = PH_TONE_STYLE_OLD;
	ok(ph_viet_tone_style_parse("MỚI", &st) && st == PH_TONE_STYLE_NEW,
	    "t-viet-tone.806 MỚI");
	st = PH_TONE_STYLE_NEW;
	ok(!ph_viet_tone_style_parse("newer", &st) && st == PH_TONE_STYLE_NEW,
	    "t-viet-tone.807 unknown name refused, *OUT untouched");
	ok(!ph_viet_tone_style_parse("", &st), "t-viet-tone.808 empty name");
	is_str(ph_viet_tone_style_name(PH_TONE_STYLE_OLD), "old",
	    "t-viet-tone.809 name of old");
	is_str(ph_viet_tone_style_name(PH_TONE_STYLE_NEW), "new",
	    "t-viet-tone.810 name of new");
	return done();
}
