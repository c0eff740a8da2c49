/*
 * t-viet-input.c -- Telex and VNI typing: words, the tone after any key of
 * the syllable, both tone styles, undo by a repeated key, upper case,
 * English typed without a spelling check, whole lines, method names.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "viet.h"

#define OLD	PH_TONE_STYLE_OLD
#define NEW	PH_TONE_STYLE_NEW

struct typed {
	const char		*keys;
	enum ph_tone_style	 style;
	const char		*want;
};

static const struct typed telex[] = {
	/* The marks. */
	{ "aa", OLD, "â" }, { "aw", OLD, "ă" }, { "ee", OLD, "ê" },
	{ "oo", OLD, "ô" }, { "ow", OLD, "ơ" }, { "uw", OLD, "ư" },
	{ "w", OLD, "ư" }, { "dd", OLD, "đ" }, { "nhw", OLD, "như" },
	{ "tw", OLD, "tư" }, { "giwx", OLD, "giữ" },
	{ "uow", OLD, "ươ" }, { "uwo", OLD, "ươ" }, { "uwow", OLD, "ươ" },
	/* Tones. */
	{ "as", OLD, "á" }, { "af", OLD, "à" }, { "ar", OLD, "ả" },
	{ "ax", OLD, "ã" }, { "aj", OLD, "ạ" }, { "asz", OLD, "a" },
	{ "asf", OLD, "à" }, { "ajr", OLD, "ả" },
	/* Words. */
	{ "vieetj", OLD, "việt" }, { "vieejt", OLD, "việt" },
	{ "vietje", OLD, "việt" },
	{ "hoaf", OLD, "hòa" }, { "hoaf", NEW, "hoà" },
	{ "hofa", OLD, "hòa" }, { "hofa", NEW, "hoà" },
	{ "thuyr", OLD, "thủy" }, { "thuyr", NEW, "thuỷ" },
	{ "uyr", OLD, "ủy" }, { "uyr", NEW, "uỷ" },
	{ "khoer", OLD, "khỏe" }, { "khoer", NEW, "khoẻ" },
	{ "quys", OLD, "quý" }, { "qusy", NEW, "quý" },
	{ "gias", OLD, "giá" }, { "giaf", OLD, "già" },
	{ "giuwx", OLD, "giữ" }, { "gif", OLD, "gì" }, { "gifn", OLD, "gìn" },
	{ "truowng", OLD, "trương" }, { "truongw", OLD, "trương" },
	{ "truowngf", OLD, "trường" }, { "nguowif", OLD, "người" },
	{ "nguwowif", NEW, "người" }, { "dduwowngf", OLD, "đường" },
	{ "duongwfd", OLD, "đường" }, { "duongd", OLD, "đuong" },
	{ "Nguyeenx", OLD, "Nguyễn" }, { "nguyenex", OLD, "nguyễn" },
	{ "Quoocs", OLD, "Quốc" }, { "hoangf", NEW, "hoàng" },
	{ "toans", OLD, "toán" }, { "xooong", OLD, "xoong" },
	{ "ngoaif", OLD, "ngoài" }, { "khuyru", OLD, "khuỷu" },
	{ "thuowr", OLD, "thuở" }, { "thuowng", OLD, "thương" },
	{ "muaw", OLD, "mưa" }, { "muwa", OLD, "mưa" },
	{ "cuwar", OLD, "cửa" }, { "guiwr", OLD, "gửi" },
	{ "ruouwj", OLD, "rượu" }, { "muoons", OLD, "muốn" },
	{ "hoawcj", OLD, "hoặc" }, { "quow", OLD, "quơ" },
	{ "rooif", OLD, "rồi" }, { "tieens", OLD, "tiến" },
	{ "tiens", OLD, "tién" }, { "Ddangr", OLD, "Đảng" },
	{ "sao", OLD, "sao" }, { "xax", OLD, "xã" },
	/* dd right after each other, for abbreviations. */
	{ "QDD", OLD, "QĐ" }, { "HDDND", OLD, "HĐND" }, { "add", OLD, "ađ" },
	{ "TDD", OLD, "TĐ" }, { "Dduw", OLD, "Đư" },
	/* Undo: the same key again takes the mark off and is a letter. */
	{ "aaa", OLD, "aa" }, { "ass", OLD, "as" }, { "ddd", OLD, "dd" },
	{ "oww", OLD, "ow" }, { "aww", OLD, "aw" }, { "ww", OLD, "w" },
	{ "uoww", OLD, "uow" }, { "hoaff", OLD, "hoaf" },
	{ "asss", OLD, "ass" }, { "aaaa", OLD, "aaa" },
	{ "TWW", OLD, "TW" }, { "cofffee", OLD, "coffee" },
	/* Keys that find nothing to act on are letters. */
	{ "s", OLD, "s" }, { "z", OLD, "z" }, { "az", OLD, "az" },
	{ "d", OLD, "d" }, { "ew", OLD, "ew" }, { "tas", OLD, "tá" },
	{ "xin", OLD, "xin" }, { "2024", OLD, "2024" }, { "", OLD, "" },
	/* Upper case. */
	{ "VIEETJ", OLD, "VIỆT" }, { "Ddaang", OLD, "Đâng" },
	{ "DDANGR", OLD, "ĐẢNG" }, { "HOAF", OLD, "HÒA" },
	{ "HOAF", NEW, "HOÀ" }, { "W", OLD, "Ư" }, { "Uw", OLD, "Ư" },
	{ "AAA", OLD, "AA" }, { "TRUOWNGF", OLD, "TRƯỜNG" },
	/* English, with no spelling check (as Unikey's default). */
	{ "class", OLD, "clas" }, { "classs", OLD, "class" },
	{ "process", OLD, "proces" }, { "data", OLD, "dât" },
};

static const struct typed vni[] = {
	{ "a6", OLD, "â" }, { "a8", OLD, "ă" }, { "e6", OLD, "ê" },
	{ "o6", OLD, "ô" }, { "o7", OLD, "ơ" }, { "u7", OLD, "ư" },
	{ "d9", OLD, "đ" }, { "uo7", OLD, "ươ" }, { "u7o7", OLD, "ươ" },
	{ "a1", OLD, "á" }, { "a2", OLD, "à" }, { "a3", OLD, "ả" },
	{ "a4", OLD, "ã" }, { "a5", OLD, "ạ" }, { "a10", OLD, "a" },
	{ "a12", OLD, "à" }, { "a16", OLD, "ấ" }, { "a61", OLD, "ấ" },
	{ "vie65t", OLD, "việt" }, { "vie6t5", OLD, "việt" },
	{ "hoa2", OLD, "hòa" }, { "hoa2", NEW, "hoà" },
	{ "thuy3", OLD, "thủy" }, { "thuy3", NEW, "thuỷ" },
	{ "quy1", OLD, "quý" }, { "gia1", OLD, "giá" },
	{ "d9uo7ng2", OLD, "đường" }, { "tru7o7ng2", OLD, "trường" },
	{ "nguo7i2", OLD, "người" }, { "Thu73", OLD, "Thử" },
	{ "hoa85c", OLD, "hoặc" },
	/* Undo. */
	{ "a66", OLD, "a6" }, { "a11", OLD, "a1" }, { "d99", OLD, "d9" },
	{ "o77", OLD, "o7" }, { "a88", OLD, "a8" }, { "uo77", OLD, "uo7" },
	/* Digits that find nothing are digits. */
	{ "2024", OLD, "2024" }, { "b6", OLD, "b6" }, { "7", OLD, "7" },
	{ "a0", OLD, "a0" },
	/* Upper case. */
	{ "VIE65T", OLD, "VIỆT" }, { "D9A3NG", OLD, "ĐẢNG" },
	/* Telex keys are letters in VNI. */
	{ "aas", OLD, "aas" }, { "dd", OLD, "dd" },
};

/* Whole lines: method, style, keys, result. */
static const struct {
	enum ph_input_method	 method;
	enum ph_tone_style	 style;
	const char		*keys, *want;
} lines[] = {
	{ PH_INPUT_TELEX, OLD, "Ddangr uyr xax Taan Tieens",
	  "Đảng ủy xã Tân Tiến" },
	{ PH_INPUT_TELEX, NEW, "Ddangr uyr xax Taan Tieens",
	  "Đảng uỷ xã Tân Tiến" },
	{ PH_INPUT_VNI, OLD, "D9a3ng u3y xa4 Ta6n Tie61n",
	  "Đảng ủy xã Tân Tiến" },
	{ PH_INPUT_TELEX, OLD, "Coong vawn soos 15/QDD-UBND, ngayf 2/9/2024.",
	  "Công văn số 15/QĐ-UBND, ngày 2/9/2024." },
	{ PH_INPUT_VNI, OLD, "Co6ng va8n so61 15/QD9-UBND, nga2y 2/9/2024.",
	  "Công văn số 15/QĐ-UBND, ngày 2/9/2024." },
	{ PH_INPUT_TELEX, NEW, "Hoaf Vang, Thuyr Nguyeen - khoer manhj!",
	  "Hoà Vang, Thuỷ Nguyên - khoẻ mạnh!" },
	{ PH_INPUT_TELEX, OLD, "  nguwowif\tdaan\n", "  người\tdân\n" },
	{ PH_INPUT_TELEX, OLD, "Vieejt Nam 2024", "Việt Nam 2024" },
	{ PH_INPUT_VNI, NEW, "Vie65t Nam 2024", "Việt Nam 2024" },
	{ PH_INPUT_TELEX, OLD, "TWW, Ban Thuwowngf vuj", "TW, Ban Thường vụ" },
	{ PH_INPUT_TELEX, OLD, "", "" },
	{ PH_INPUT_TELEX, OLD, "Đã có dấu", "Đã có dấu" },
};

static void
check(enum ph_input_method method, const struct typed *t, size_t n,
    const char *name, size_t first)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < n; i++) {
		s = ph_viet_input_word(method, t[i].style, t[i].keys,
		    strlen(t[i].keys));
		is_str(s, t[i].want, "t-viet-input.%zu %s \"%s\" (%s)",
		    first + i, name, t[i].keys,
		    ph_viet_tone_style_name(t[i].style));
		free(s);
	}
}

int
main(void)
{
	enum ph_input_method	 m;
	char			*s;
	size_t			 i;

	plan_lazy();
	check(PH_INPUT_TELEX, telex, sizeof telex / sizeof telex[0], "Telex",
	    100);
	check(PH_INPUT_VNI, vni, sizeof vni / sizeof vni[0], "VNI", 300);

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		s = ph_viet_input_text(lines[i].method, lines[i].style,
		    lines[i].keys);
		is_str(s, lines[i].want, "t-viet-input.%zu line \"%s\"",
		    400 + i, lines[i].keys);
		free(s);
	}

	/* Pure: the word is the same whatever was typed before. */
	s = ph_viet_input_word(PH_INPUT_TELEX, OLD, "vieetjxyz", 6);
	is_str(s, "việt", "t-viet-input.450 only N keys are read");
	free(s);
	s = ph_viet_input_word(PH_INPUT_TELEX, OLD, "vieetj", 6);
	free(ph_viet_input_word(PH_INPUT_TELEX, OLD, "ass", 3));
	free(s);
	s = ph_viet_input_word(PH_INPUT_TELEX, OLD, "vieetj", 6);
	is_str(s, "việt", "t-viet-input.451 no state between calls");
	free(s);

	ok(ph_viet_input_method_parse("telex", &m) && m == PH_INPUT_TELEX,
	    "t-viet-input.500 telex");
	ok(ph_viet_input_method_parse("VNI", &m) && m == PH_INPUT_VNI,
	    "t-viet-input.501 VNI");
	ok(ph_viet_input_method_parse("Telex", &m) && m == PH_INPUT_TELEX,
	    "t-viet-input.502 Telex");
	m = PH_INPUT_VNI;
	ok(!ph_viet_input_method_parse("viqr", &m) && m == PH_INPUT_VNI,
	    "t-viet-input.503 unknown method refused, *OUT untouched");
	ok(!ph_viet_input_method_parse("", &m), "t-viet-input.504 empty");
	return done();
}
