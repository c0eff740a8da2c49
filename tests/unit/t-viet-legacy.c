/*
 * t-viet-legacy.c -- TCVN3, VNI-Windows, VIQR and Windows-1258: every
 * Vietnamese letter through each encoder and back, strings as the old
 * fonts wrote them, detection of a real paragraph in each encoding, bad
 * input, encoding names.  Windows-1258 is checked against glibc's iconv
 * where it has it (glibc's TCVN5712-1 is not TCVN3, so not for that).
 */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "viet.h"
#include "viet-legacy.h"

/* The 72 vowels by tone (none, sắc, huyền, hỏi, ngã, nặng), written out
 * by hand rather than taken from the code under test. */
static const char *const vowels[12][6] = {
	{ "a", "á", "à", "ả", "ã", "ạ" }, { "ă", "ắ", "ằ", "ẳ", "ẵ", "ặ" },
	{ "â", "ấ", "ầ", "ẩ", "ẫ", "ậ" }, { "e", "é", "è", "ẻ", "ẽ", "ẹ" },
	{ "ê", "ế", "ề", "ể", "ễ", "ệ" }, { "i", "í", "ì", "ỉ", "ĩ", "ị" },
	{ "o", "ó", "ò", "ỏ", "õ", "ọ" }, { "ô", "ố", "ồ", "ổ", "ỗ", "ộ" },
	{ "ơ", "ớ", "ờ", "ở", "ỡ", "ợ" }, { "u", "ú", "ù", "ủ", "ũ", "ụ" },
	{ "ư", "ứ", "ừ", "ử", "ữ", "ự" }, { "y", "ý", "ỳ", "ỷ", "ỹ", "ỵ" },
};

static const enum ph_encoding legacy[] = {
	PH_ENC_TCVN3, PH_ENC_VNI, PH_ENC_VIQR, PH_ENC_CP1258
};

/* Sentences from a 2025 provincial Party decision (seeds/002). */
static const char paragraph[] =
    "QUYẾT ĐỊNH ban hành Quy chế phối hợp giữa Đảng ủy Công an tỉnh "
    "với đảng ủy xã, phường về lãnh đạo công tác đảng, công tác chính "
    "trị, công tác quần chúng trong Công an xã, phường.\n"
    "Căn cứ Nghị quyết số 12-NQ/TW, ngày 16/3/2022 của Bộ Chính trị về "
    "“Đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch, "
    "vững mạnh, chính quy, tinh nhuệ, hiện đại, đáp ứng yêu cầu, nhiệm "
    "vụ trong tình hình mới”;\n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay "
    "thế các quyết định trước đây về ban hành Quy chế phối hợp giữa Đảng "
    "ủy Công an tỉnh với các huyện ủy, thị ủy, thành ủy.\n"
    "Bảo đảm sự đoàn kết, thống nhất, chủ động, thường xuyên, kịp thời, "
    "chặt chẽ, hiệu quả, phù hợp với quy định về chức năng, nhiệm vụ, "
    "quyền hạn của Đảng ủy Công an tỉnh và đảng ủy cấp xã; tạo điều kiện "
    "thuận lợi để hai bên cùng hoàn thành nhiệm vụ.\n"
    "Khi cần thiết, được Ban Thường vụ Tỉnh ủy ủy nhiệm mời đồng chí bí "
    "thư đảng ủy cấp xã để truyền đạt, hướng dẫn việc thực hiện những vấn "
    "đề có liên quan đến lĩnh vực bảo đảm an ninh chính trị, giữ gìn trật "
    "tự, an toàn xã hội.\n";

static int	n;		/* case number */

static char *
roundtrip(enum ph_encoding enc, const char *s)
{
	char	*bytes, *back = NULL;
	size_t	 len;

	if (ph_viet_encode(enc, s, &bytes, &len, NULL) != PH_OK)
		return ph_xstrdup("(encode failed)");
	if (ph_viet_decode(enc, bytes, len, &back, NULL) != PH_OK)
		back = ph_xstrdup("(decode failed)");
	free(bytes);
	return back;
}

/*
 * Every vowel of row ROW in case UPPER through ENC and back, one case per
 * row.  TCVN3 has no capitals with a tone: it writes them with the
 * lower-case code (the .VnTimeH font drew that as a capital), so those
 * come back in lower case, and only the toneless capitals come back as
 * they went.
 */
static void
row_case(enum ph_encoding enc, int row, int upper)
{
	char	*want[6], *got;
	int	 t, good = 1;

	for (t = 0; t < 6; t++) {
		want[t] = upper ? ph_viet_upper(vowels[row][t]) :
		    ph_xstrdup(vowels[row][t]);
		got = roundtrip(enc, want[t]);
		if (enc == PH_ENC_TCVN3 && upper && t > 0) {
			free(want[t]);
			want[t] = ph_xstrdup(vowels[row][t]);
		}
		if (strcmp(got, want[t]) != 0) {
			good = 0;
			diag("%s: %s came back as %s",
			    ph_viet_encoding_name(enc), want[t], got);
		}
		free(got);
	}
	ok(good, "t-viet-legacy.%d %s round trip of %s%s%s%s%s%s", ++n,
	    ph_viet_encoding_name(enc), want[0], want[1], want[2], want[3],
	    want[4], want[5]);
	for (t = 0; t < 6; t++)
		free(want[t]);
}

static void
decodes(enum ph_encoding enc, const char *bytes, const char *want,
    const char *what)
{
	char		*got = NULL;
	enum ph_status	 st;

	st = ph_viet_decode(enc, bytes, strlen(bytes), &got, NULL);
	is_str(st == PH_OK ? got : "(error)", want, "t-viet-legacy.%d %s %s",
	    ++n, ph_viet_encoding_name(enc), what);
	free(got);
}

static void
detects(enum ph_encoding enc, const char *text)
{
	char			*bytes, *back = NULL, *l1, *l2;
	size_t			 len;
	int			 conf = -1;
	enum ph_encoding	 got;

	ph_viet_encode(enc, text, &bytes, &len, NULL);
	got = ph_viet_detect(bytes, len, &conf);
	ok(got == enc && conf >= 60, "t-viet-legacy.%d paragraph in %s "
	    "detected as %s, confidence %d", ++n, ph_viet_encoding_name(enc),
	    ph_viet_encoding_name(got), conf);
	ph_viet_decode(got, bytes, len, &back, NULL);
	if (enc == PH_ENC_TCVN3) {
		/* Capitals with tones come back small (see row_case). */
		l1 = ph_viet_lower(text);
		l2 = ph_viet_lower(back);
		is_str(l2, l1, "t-viet-legacy.%d %s paragraph decodes back "
		    "(case aside)", ++n, ph_viet_encoding_name(enc));
		free(l1);
		free(l2);
	} else if (enc == PH_ENC_VIQR) {
		/* VIQR is ASCII: the curly quotes became '?'. */
		ok(back != NULL && strstr(back, "Đẩy mạnh xây dựng") != NULL &&
		    strstr(back, "mới?;") != NULL, "t-viet-legacy.%d %s "
		    "paragraph decodes back", ++n, ph_viet_encoding_name(enc));
	} else
		is_str(back, text, "t-viet-legacy.%d %s paragraph decodes back",
		    ++n, ph_viet_encoding_name(enc));
	free(back);
	free(bytes);
}

/* Windows-1258 against glibc's iconv, both ways, if it has the code
 * page; nothing is counted when it has not. */
static void
against_iconv(void)
{
	struct ph_buf	 all;
	iconv_t		 cd;
	char		 in[1], ob[2048], *ip, *op, *ours, *bytes, *v;
	size_t		 il, ol, len, b, bad = 0, r;
	int		 row, t, u;

	if ((cd = iconv_open("UTF-8", "CP1258")) == (iconv_t)-1) {
		diag("iconv has no CP1258: cross-check skipped");
		return;
	}
	for (b = 0x80; b < 0x100; b++) {
		in[0] = (char)b;
		ip = in;
		il = 1;
		op = ob;
		ol = sizeof ob - 1;
		iconv(cd, NULL, NULL, NULL, NULL);
		r = iconv(cd, &ip, &il, &op, &ol);
		if (r != (size_t)-1)
			iconv(cd, NULL, NULL, &op, &ol);	/* flush */
		*op = '\0';
		ph_viet_decode(PH_ENC_CP1258, in, 1, &ours, NULL);
		/* Where iconv knows no character we give U+FFFD. */
		if (strcmp(ours, r == (size_t)-1 ? "\xef\xbf\xbd" : ob) != 0) {
			diag("byte 0x%02zX: iconv %s, we %s", b,
			    r == (size_t)-1 ? "(none)" : ob, ours);
			bad++;
		}
		free(ours);
	}
	iconv_close(cd);
	ok(bad == 0, "t-viet-legacy.%d Windows-1258 bytes 0x80-0xFF read as "
	    "iconv reads them", ++n);

	/* All 144 vowels and đ Đ, written by iconv and by us. */
	ph_buf_init(&all);
	for (row = 0; row < 12; row++)
		for (t = 0; t < 6; t++)
			for (u = 0; u < 2; u++) {
				v = u ? ph_viet_upper(vowels[row][t]) :
				    ph_xstrdup(vowels[row][t]);
				ph_buf_adds(&all, v);
				free(v);
			}
	ph_buf_adds(&all, "đĐ");
	if ((cd = iconv_open("CP1258", "UTF-8")) == (iconv_t)-1) {
		ph_buf_release(&all);
		return;
	}
	ip = all.data;
	il = all.len;
	op = ob;
	ol = sizeof ob;
	r = iconv(cd, &ip, &il, &op, &ol);
	iconv(cd, NULL, NULL, &op, &ol);
	iconv_close(cd);
	ph_viet_encode(PH_ENC_CP1258, all.data, &bytes, &len, NULL);
	ok(r != (size_t)-1 && len == (size_t)(op - ob) &&
	    memcmp(bytes, ob, len) == 0, "t-viet-legacy.%d every letter "
	    "written in Windows-1258 as iconv writes it", ++n);
	free(bytes);
	ph_buf_release(&all);
}

int
main(void)
{
	struct ph_error		 err;
	enum ph_encoding	 enc;
	char			*s, *bytes;
	size_t			 len, len2, e;
	int			 row, conf, good, i;

	plan_lazy();

	/* Names. */
	ok(ph_viet_encoding_parse("auto", &enc) && enc == PH_ENC_AUTO,
	    "t-viet-legacy.%d auto", ++n);
	ok(ph_viet_encoding_parse("UTF-8", &enc) && enc == PH_ENC_UTF8 &&
	    ph_viet_encoding_parse("utf8", &enc) && enc == PH_ENC_UTF8,
	    "t-viet-legacy.%d utf-8, utf8", ++n);
	ok(ph_viet_encoding_parse("tcvn3", &enc) && enc == PH_ENC_TCVN3 &&
	    ph_viet_encoding_parse("ABC", &enc) && enc == PH_ENC_TCVN3,
	    "t-viet-legacy.%d tcvn3, ABC", ++n);
	ok(ph_viet_encoding_parse("VNI", &enc) && enc == PH_ENC_VNI,
	    "t-viet-legacy.%d VNI", ++n);
	ok(ph_viet_encoding_parse("viqr", &enc) && enc == PH_ENC_VIQR,
	    "t-viet-legacy.%d viqr", ++n);
	ok(ph_viet_encoding_parse("cp1258", &enc) && enc == PH_ENC_CP1258 &&
	    ph_viet_encoding_parse("Windows-1258", &enc) &&
	    enc == PH_ENC_CP1258, "t-viet-legacy.%d cp1258, Windows-1258", ++n);
	enc = PH_ENC_VNI;
	ok(!ph_viet_encoding_parse("latin1", &enc) && enc == PH_ENC_VNI &&
	    !ph_viet_encoding_parse("", &enc) &&
	    !ph_viet_encoding_parse("tcvn5712-1", &enc),
	    "t-viet-legacy.%d unknown names refused, *OUT untouched", ++n);
	good = 1;
	for (i = PH_ENC_AUTO; i <= PH_ENC_CP1258; i++)
		if (!ph_viet_encoding_parse(ph_viet_encoding_name(i), &enc) ||
		    (int)enc != i)
			good = 0;
	ok(good, "t-viet-legacy.%d every name parses back", ++n);
	is_str(ph_viet_encoding_name(PH_ENC_TCVN3), "tcvn3",
	    "t-viet-legacy.%d name of TCVN3", ++n);

	/* Every letter through every encoding: 4 x 24 rows, then đ Đ. */
	for (e = 0; e < sizeof legacy / sizeof legacy[0]; e++)
		for (row = 0; row < 12; row++) {
			row_case(legacy[e], row, 0);
			row_case(legacy[e], row, 1);
		}
	for (e = 0; e < sizeof legacy / sizeof legacy[0]; e++) {
		/* VIQR reads dd as đ at the start of a word only, where
		 * Vietnamese has it: "add" stays "add". */
		s = roundtrip(legacy[e], "đ Đ Đảng");
		is_str(s, "đ Đ Đảng", "t-viet-legacy.%d %s round trip of đ Đ",
		    ++n, ph_viet_encoding_name(legacy[e]));
		free(s);
	}
	/* Encoders take NFD too, and give the same bytes. */
	for (e = 0; e < sizeof legacy / sizeof legacy[0]; e++) {
		ph_viet_encode(legacy[e], "Việt Nam", &s, &len, NULL);
		ph_viet_encode(legacy[e], "Vie\xcc\x82\xcc\xa3t Nam", &bytes,
		    &len2, NULL);
		ok(len == len2 && memcmp(s, bytes, len) == 0,
		    "t-viet-legacy.%d %s encodes NFD as NFC", ++n,
		    ph_viet_encoding_name(legacy[e]));
		free(s);
		free(bytes);
	}

	/* Known strings as the old fonts and tools wrote them. */
	decodes(PH_ENC_VIQR, "Vie^.t Nam", "Việt Nam", "Vie^.t Nam");
	decodes(PH_ENC_VIQR, "Ha` No^.i.", "Hà Nội.",
	    "second tone in a word is punctuation");
	decodes(PH_ENC_VIQR, "cu?a to^i.", "của tôi.",
	    "full stop after a word that reads without it");
	decodes(PH_ENC_VIQR, "Ha\\. Noi\\?", "Ha. Noi?", "backslash escapes");
	decodes(PH_ENC_VIQR, "DDa?ng u?y dda^`u d-i", "Đảng ủy đầu đi",
	    "DD, dd and d- for đ");
	decodes(PH_ENC_VIQR, "nu+o+'c Mu+o+`ng a(n", "nước Mường ăn",
	    "horn and breve");
	decodes(PH_ENC_VIQR, "add odd", "add odd", "dd inside a word is dd");
	decodes(PH_ENC_VIQR, "Quye^'t ddi.nh so^' 305-QDD/TW",
	    "Quyết định số 305-QĐ/TW", "DD inside an abbreviation is Đ");
	decodes(PH_ENC_VIQR, "'Ha` No^.i' va` 'Hue^''", "'Hà Nội' và 'Huế'",
	    "quotes after a toned word");
	decodes(PH_ENC_TCVN3,
	    "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam",
	    "Cộng hoà xã hội chủ nghĩa Việt Nam", "the state title");
	decodes(PH_ENC_TCVN3,
	    "\xa7\xe9\x63 l\xcbp - T\xf9 do - H\xb9nh ph\xf3\x63",
	    "Độc lập - Tự do - Hạnh phúc", "the motto (tiêu ngữ)");
	decodes(PH_ENC_TCVN3, "\x93\xa7\xb6ng \xf1y\x94 \x96 x\xb7",
	    "“Đảng ủy” – xã", "Windows quotes and dash");
	decodes(PH_ENC_TCVN3, "\xc4\x43 \xa2", "ẤC Â",
	    "VN2 capital read, VN3 capital Â");
	decodes(PH_ENC_VNI, "Co\xe4ng ho\xf8" "a xa\xf5 ho\xe4i chu\xfb "
	    "ngh\xf3" "a Vie\xe4t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam",
	    "the state title");
	decodes(PH_ENC_VNI, "\xd1\x41\xdbNG U\xdbY X\x41\xd5 T\x41\xc2N "
	    "TI\x45\xc1N", "ĐẢNG ỦY XÃ TÂN TIẾN", "capitals and their marks");
	decodes(PH_ENC_VNI, "ng\xf6\xf4\xf8i \xf1\xf6\xf4\xef" "c ky\xf9",
	    "người được ký", "ư ơ as one byte, tone after");
	decodes(PH_ENC_VNI, "\xf9 x\xe2", "ù xâ",
	    "a mark after no vowel is a Latin-1 letter");
	decodes(PH_ENC_CP1258, "Vi\xea\xf2t Nam", "Việt Nam",
	    "ê + combining dot below");
	decodes(PH_ENC_CP1258, "\xd0" "a\xd2ng u\xd2y c\xe1\x63 x\xe3 "
	    "a\xde", "Đảng ủy các xă ã", "hook, precomposed, ă and ã");
	decodes(PH_ENC_CP1258, "\xe2\xec \xf5\xcc \xfd\xf2 \xfe",
	    "ấ ờ ự ₫", "tone on â ơ ư, the đồng sign");
	decodes(PH_ENC_UTF8, "\xef\xbb\xbfVie\xcc\x82\xcc\xa3t", "Việt",
	    "BOM dropped, NFD composed");

	/* What encoders write. */
	ph_viet_encode(PH_ENC_VIQR, "Hà Nội. Tôi? \\đi a^", &bytes, &len,
	    NULL);
	is_str(bytes, "Ha` No^.i\\. To^i\\? \\\\ddi a\\^",
	    "t-viet-legacy.%d VIQR escapes what would read as a mark", ++n);
	free(bytes);
	ph_viet_encode(PH_ENC_VIQR, "ADD QĐ/TW dd", &bytes, &len, NULL);
	is_str(bytes, "AD\\D QDD/TW d\\d", "t-viet-legacy.%d VIQR escapes "
	    "what would read as đ", ++n);
	free(bytes);
	ph_viet_encode(PH_ENC_TCVN3, "ĐẢNG Ủy “x”", &bytes, &len, NULL);
	is_str(bytes, "\xa7\xb6NG \xf1y \x93x\x94",
	    "t-viet-legacy.%d TCVN3 writes capitals with tones in lower "
	    "case", ++n);
	free(bytes);
	ph_viet_encode(PH_ENC_VNI, "Ỵ ỵ ị Ứ", &bytes, &len, NULL);
	is_str(bytes, "\xce \xee \xf2 \xd6\xd9", "t-viet-legacy.%d VNI "
	    "single-byte letters", ++n);
	free(bytes);
	ph_viet_encode(PH_ENC_CP1258, "Việt €", &bytes, &len, NULL);
	is_str(bytes, "Vi\xea\xf2t \x80", "t-viet-legacy.%d CP1258 base + "
	    "tone byte", ++n);
	free(bytes);
	ph_viet_encode(PH_ENC_VNI, "ä 中", &bytes, &len, NULL);
	is_str(bytes, "? ?", "t-viet-legacy.%d what VNI cannot write is ?",
	    ++n);
	free(bytes);
	is_int((int64_t)len, 3, "t-viet-legacy.%d length given", ++n);

	/* Detection. */
	for (e = 0; e < sizeof legacy / sizeof legacy[0]; e++)
		detects(legacy[e], paragraph);
	enc = ph_viet_detect(paragraph, strlen(paragraph), &conf);
	ok(enc == PH_ENC_UTF8 && conf == 100, "t-viet-legacy.%d UTF-8 "
	    "paragraph is UTF-8, confidence %d", ++n, conf);
	s = "The meeting is on Monday. Please reply by e-mail to the office.";
	enc = ph_viet_detect(s, strlen(s), &conf);
	ok(enc == PH_ENC_UTF8 && conf < 100 && conf >= 50, "t-viet-legacy.%d "
	    "plain ASCII English is UTF-8, confidence %d", ++n, conf);
	s = "Cong an xa Tan Tien bao cao tinh hinh an ninh thang 6";
	enc = ph_viet_detect(s, strlen(s), &conf);
	ok(enc == PH_ENC_UTF8 && conf < 100, "t-viet-legacy.%d Vietnamese "
	    "without marks is UTF-8, confidence %d", ++n, conf);
	s = "Ba'o ca'o ti`nh hi`nh an ninh tha'ng 6 cu?a Co^ng an xa~";
	enc = ph_viet_detect(s, strlen(s), &conf);
	ok(enc == PH_ENC_VIQR && conf >= 60, "t-viet-legacy.%d a VIQR line "
	    "is VIQR, confidence %d", ++n, conf);
	s = "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam";
	enc = ph_viet_detect(s, strlen(s), &conf);
	ok(enc == PH_ENC_TCVN3, "t-viet-legacy.%d the TCVN3 motto is TCVN3, "
	    "confidence %d", ++n, conf);
	enc = ph_viet_detect("", 0, &conf);
	ok(enc == PH_ENC_UTF8 && conf >= 0 && conf <= 100,
	    "t-viet-legacy.%d empty input is UTF-8", ++n);
	enc = ph_viet_detect("\xff\xfe\x80", 3, NULL);
	ok(enc != PH_ENC_AUTO && enc != PH_ENC_UTF8, "t-viet-legacy.%d "
	    "noise gets a legacy guess, confidence may be NULL", ++n);

	/* Bad input. */
	s = NULL;
	ok(ph_viet_decode(PH_ENC_UTF8, "ab\xff", 3, &s, &err) ==
	    PH_ERR_INVALID && s == NULL && strstr(err.msg, "2") != NULL,
	    "t-viet-legacy.%d invalid UTF-8 names the offset: %s", ++n,
	    err.msg);
	ok(ph_viet_decode(PH_ENC_TCVN3, "ab\0c", 4, &s, &err) ==
	    PH_ERR_INVALID && strstr(err.msg, "NUL") != NULL &&
	    strstr(err.msg, "2") != NULL, "t-viet-legacy.%d NUL byte refused: "
	    "%s", ++n, err.msg);
	ok(ph_viet_decode(PH_ENC_VIQR, "a\0", 2, &s, NULL) == PH_ERR_INVALID,
	    "t-viet-legacy.%d NUL refused in VIQR, ERR may be NULL", ++n);
	ok(ph_viet_encode(PH_ENC_VNI, "x\xc3\x28", &bytes, &len, &err) ==
	    PH_ERR_INVALID && bytes == NULL && strstr(err.msg, "1") != NULL,
	    "t-viet-legacy.%d encoding invalid UTF-8 refused: %s", ++n,
	    err.msg);
	ok(ph_viet_decode(PH_ENC_TCVN3, "\xff\xfe", 2, &s, &err) == PH_OK &&
	    strcmp(s, "Ốỵ") == 0, "t-viet-legacy.%d any byte but NUL decodes",
	    ++n);
	free(s);
	ph_viet_decode(PH_ENC_CP1258, "\x81", 1, &s, NULL);
	is_str(s, "\xef\xbf\xbd", "t-viet-legacy.%d unassigned byte is U+FFFD",
	    ++n);
	free(s);

	against_iconv();
	return done();
}
