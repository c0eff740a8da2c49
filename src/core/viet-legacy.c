/*
 * viet-legacy.c -- Vietnamese text in the encodings that came before
 * Unicode: TCVN3 (ABC), VNI-Windows, VIQR and Windows-1258, read and
 * written, and a detector that guesses which one a file is in.
 *
 * For letters that arrive as old .doc exports, e-mails and text pasted
 * from machines still set up with .VnTime or VNI fonts, and for exports to
 * the software that reads them.  Not a general iconv: it knows the
 * Vietnamese letters, ASCII and the Windows symbols (quotes, dashes) such
 * files hold, nothing else.  Everything decoded comes out NFC.  The
 * syllable check at the end is a plausibility score for the detector, not
 * the syllable parser of viet-tone.c, which this file does not use.
 */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "intl.h"
#include "util.h"
#include "viet.h"
#include "viet-legacy.h"

/*
 * The twelve vowels, named as Telex types them (aw = ă, aa = â, ow = ơ,
 * ...), and đ.  Tones are indexed by enum ph_tone throughout: none, sắc,
 * huyền, hỏi, ngã, nặng -- the order Unikey's tables use too.
 */
enum vkind {
	K_A, K_AW, K_AA, K_E, K_EE, K_I, K_O, K_OO, K_OW, K_U, K_UW, K_Y,
	NVOWEL,
	K_DD = NVOWEL
};
#define NTONE	6
#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* Lower-case letters by vowel and tone; capitals by ph_viet_upper_cp(). */
static const uint16_t vowel_cp[NVOWEL][NTONE] = {
	{ 0x0061, 0x00E1, 0x00E0, 0x1EA3, 0x00E3, 0x1EA1 },	/* a */
	{ 0x0103, 0x1EAF, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EB7 },	/* ă */
	{ 0x00E2, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EAD },	/* â */
	{ 0x0065, 0x00E9, 0x00E8, 0x1EBB, 0x1EBD, 0x1EB9 },	/* e */
	{ 0x00EA, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7 },	/* ê */
	{ 0x0069, 0x00ED, 0x00EC, 0x1EC9, 0x0129, 0x1ECB },	/* i */
	{ 0x006F, 0x00F3, 0x00F2, 0x1ECF, 0x00F5, 0x1ECD },	/* o */
	{ 0x00F4, 0x1ED1, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED9 },	/* ô */
	{ 0x01A1, 0x1EDB, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EE3 },	/* ơ */
	{ 0x0075, 0x00FA, 0x00F9, 0x1EE7, 0x0169, 0x1EE5 },	/* u */
	{ 0x01B0, 0x1EE9, 0x1EEB, 0x1EED, 0x1EEF, 0x1EF1 },	/* ư */
	{ 0x0079, 0x00FD, 0x1EF3, 0x1EF7, 0x1EF9, 0x1EF5 },	/* y */
};
static const char vowel_base[] = "aaaeeiooouuy";	/* by enum vkind */
#define CP_DD_LOWER	0x0111
#define CP_REPLACEMENT	0xFFFD

struct vletter {
	int	kind;		/* enum vkind */
	int	tone;		/* enum ph_tone */
	int	upper;
};

/* If CP is a Vietnamese vowel letter (any tone, either case, the plain
 * ASCII ones included) or đ/Đ, describe it in *VL and return 1. */
static int
letter_of(uint32_t cp, struct vletter *vl)
{
	uint32_t	low = ph_viet_lower_cp(cp);
	int		k, t;

	vl->upper = low != cp;
	if (low == CP_DD_LOWER) {
		vl->kind = K_DD;
		vl->tone = PH_TONE_NONE;
		return 1;
	}
	for (k = 0; k < NVOWEL; k++) {
		for (t = 0; t < NTONE; t++) {
			if (vowel_cp[k][t] == low) {
				vl->kind = k;
				vl->tone = t;
				return 1;
			}
		}
	}
	return 0;
}

static uint32_t
letter_cp(int kind, int tone, int upper)
{
	uint32_t	cp;

	cp = kind == K_DD ? CP_DD_LOWER : vowel_cp[kind][tone];
	return upper ? ph_viet_upper_cp(cp) : cp;
}

static void
put(struct ph_buf *b, uint32_t cp)
{
	char	tmp[4];

	ph_buf_add(b, tmp, ph_utf8_encode(cp, tmp));
}

/* ------------------------------------------------------------ byte maps */

/*
 * Windows-1252 from 0x80 to 0x9F, 0 where it assigns nothing.  TCVN3 and
 * VNI files were typed on Windows: a curly quote or a dash typed with a
 * .VnTime or VNI font is stored as the Windows-1252 byte (Unikey's
 * converter reads them so too).  Windows-1258 is the same range without
 * Š Ž š ž.  Source: Microsoft's mapping tables (on unicode.org,
 * MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT and CP1258.TXT), checked
 * against glibc's iconv; the test checks Windows-1258 against it again.
 */
static const uint16_t cp1252_80[32] = {
	0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
	0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

/*
 * TCVN3 (ABC, TCVN 5712:1993 VN3), the .VnTime fonts.  Byte of each
 * lower-case vowel by tone.  Sources: Unikey's VnConv tables (data.cpp,
 * "TCVN3", as carried by ibus-unikey), xvnkb's tcvn.h and the
 * vietnamese-conversion package's charsets.ts, which agree on every
 * lower-case letter.  Not glibc's TCVN5712-1: that is VN1, another code
 * page, though it agrees on these bytes too.
 */
static const unsigned char tcvn3_vowel[NVOWEL][NTONE] = {
	{ 'a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9 },	/* a */
	{ 0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6 },	/* ă */
	{ 0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB },	/* â */
	{ 'e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1 },	/* e */
	{ 0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6 },	/* ê */
	{ 'i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE },	/* i */
	{ 'o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4 },	/* o */
	{ 0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9 },	/* ô */
	{ 0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE },	/* ơ */
	{ 'u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4 },	/* u */
	{ 0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9 },	/* ư */
	{ 'y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE },	/* y */
};
/*
 * The only capitals VN3 has (67 small letters, 7 capitals and a
 * no-break space at 0xA0, says the standard as Wikipedia's "VSCII"
 * describes it): the vowels without tone (Ă Â Ê Ô Ơ Ư at 0xA1-0xA6, the
 * rest ASCII) and Đ.  A capital with a tone was typed as
 * the lower-case code in the all-capital font (.VnTimeH), so the case
 * lives in the font, not in the bytes; we write the lower-case code, as
 * Unikey does, and read lower case back.
 */
static const unsigned char tcvn3_cap[NVOWEL] = {
	'A', 0xA1, 0xA2, 'E', 0xA3, 'I', 'O', 0xA4, 0xA5, 'U', 0xA6, 'Y'
};
#define TCVN3_DD_UPPER	0xA7
#define TCVN3_DD_LOWER	0xAE
/*
 * Capitals with tones that TCVN 5712 VN2 puts in the positions VN3 leaves
 * free.  Read (a VN2 file is then read right, and a .VnTime file never
 * has these bytes), never written.  Source: xvnkb's tcvn.h; the same as
 * glibc's TCVN5712-1 at these bytes.
 */
static const struct {
	unsigned char	byte;
	uint16_t	cp;
} tcvn2_caps[] = {
	{ 0xAF, 0x1EB0 }, { 0xBA, 0x1EB2 }, { 0xBF, 0x1EB4 },	/* Ằ Ẳ Ẵ */
	{ 0xC0, 0x1EAE }, { 0xC1, 0x1EA6 }, { 0xC2, 0x1EA8 },	/* Ắ Ầ Ẩ */
	{ 0xC3, 0x1EAA }, { 0xC4, 0x1EA4 }, { 0xC5, 0x1EC0 },	/* Ẫ Ấ Ề */
	{ 0xCD, 0x1EC2 }, { 0xD9, 0x1EC4 }, { 0xDA, 0x1EBE },	/* Ể Ễ Ế */
	{ 0xDB, 0x1ED2 }, { 0xE0, 0x1ED4 }, { 0xF0, 0x1ED6 },	/* Ồ Ổ Ỗ */
	{ 0xFF, 0x1ED0 },					/* Ố */
};

/*
 * VNI-Windows: a letter is its ASCII base followed by a mark byte, except
 * for đ, ơ, ư, the toned i and ỵ, which are single bytes.  Lower-case
 * bytes below; a capital uses the byte 0x20 lower (Á = "A" 0xD9, Ơ =
 * 0xD4).  Sources: Unikey's VnConv tables (data.cpp, "VNI-WIN"), xvnkb's
 * vni.h and vietnamese-conversion's charsets.ts, which agree on every
 * letter.
 */
static const unsigned char vni_tone[NTONE] = {	/* after a e o u y ơ ư */
	0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF
};
static const unsigned char vni_circ[NTONE] = {	/* â ê ô with tone */
	0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4
};
static const unsigned char vni_breve[NTONE] = {	/* ă with tone */
	0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB
};
static const unsigned char vni_i[NTONE] = {	/* i with tone, one byte */
	'i', 0xED, 0xEC, 0xE6, 0xF3, 0xF2
};
#define VNI_Y_DOT	0xEE		/* ỵ; ý ỳ ỷ ỹ are "y" + tone */
#define VNI_OW		0xF4		/* ơ */
#define VNI_UW		0xF6		/* ư */
#define VNI_DD		0xF1		/* đ */
#define VNI_CAP		0x20

/* Windows-1258: Latin-1 but for these bytes.  Source: as cp1252_80. */
static const struct {
	unsigned char	byte;
	uint16_t	cp;
} cp1258_diff[] = {
	{ 0xC3, 0x0102 }, { 0xCC, 0x0300 }, { 0xD0, 0x0110 },
	{ 0xD2, 0x0309 }, { 0xD5, 0x01A0 }, { 0xDD, 0x01AF },
	{ 0xDE, 0x0303 }, { 0xE3, 0x0103 }, { 0xEC, 0x0301 },
	{ 0xF0, 0x0111 }, { 0xF2, 0x0323 }, { 0xF5, 0x01A1 },
	{ 0xFD, 0x01B0 }, { 0xFE, 0x20AB },
};
/* The combining tone bytes of Windows-1258, by tone. */
static const unsigned char cp1258_tone[NTONE] = {
	0, 0xEC, 0xCC, 0xD2, 0xDE, 0xF2
};

/* The vowel KIND with the mark VIQR writes as MARK ('^' circumflex, '('
 * breve, '+' horn), or -1 if that vowel takes no such mark. */
static int
add_quality(int kind, int mark)
{
	switch (mark) {
	case '^':
		if (kind == K_A)
			return K_AA;
		if (kind == K_E)
			return K_EE;
		return kind == K_O ? K_OO : -1;
	case '(':
		return kind == K_A ? K_AW : -1;
	case '+':
		if (kind == K_O)
			return K_OW;
		return kind == K_U ? K_UW : -1;
	}
	return -1;
}

/* Which mark a lower-case VNI byte B is: 1 and *QUALITY (0, or '^' and
 * '(' as add_quality() takes them) and *TONE, or 0 if it is no mark. */
static int
vni_mark(unsigned char b, int *quality, int *tone)
{
	int	t;

	for (t = 0; t < NTONE; t++) {
		if (t > 0 && vni_tone[t] == b) {
			*quality = 0;
			*tone = t;
			return 1;
		}
		if (vni_circ[t] == b || vni_breve[t] == b) {
			*quality = vni_circ[t] == b ? '^' : '(';
			*tone = t;
			return 1;
		}
	}
	return 0;
}

/* The letter a single lower-case VNI byte B stands for, or 0. */
static uint32_t
vni_letter(unsigned char b)
{
	int	t;

	for (t = 1; t < NTONE; t++)
		if (vni_i[t] == b)
			return vowel_cp[K_I][t];
	switch (b) {
	case VNI_Y_DOT:
		return vowel_cp[K_Y][PH_TONE_DOT];
	case VNI_OW:
		return vowel_cp[K_OW][0];
	case VNI_UW:
		return vowel_cp[K_UW][0];
	case VNI_DD:
		return CP_DD_LOWER;
	}
	return 0;
}

/* The lower-case form of a VNI byte: capitals' bytes are 0x20 lower. */
static unsigned char
vni_lower(unsigned char b)
{
	return b >= 0xC0 && b < 0xE0 ? b + VNI_CAP : b;
}

/*
 * What each byte of ENC means on its own, 0 where nothing: the table the
 * single-byte decoders read, and the encoders search for what is not a
 * Vietnamese letter.  For VNI a mark byte keeps its Windows-1252 meaning
 * here, which is what it shows when there is no vowel before it.
 */
static void
byte_map(enum ph_encoding enc, uint32_t map[256])
{
	size_t		i;
	int		k, t;
	uint32_t	cp;

	for (i = 0; i < 256; i++)
		map[i] = (uint32_t)i;
	for (i = 0; i < 32; i++)
		map[0x80 + i] = cp1252_80[i];
	switch (enc) {
	case PH_ENC_TCVN3:
		for (k = 0; k < NVOWEL; k++) {
			for (t = 0; t < NTONE; t++)
				map[tcvn3_vowel[k][t]] = vowel_cp[k][t];
			map[tcvn3_cap[k]] = ph_viet_upper_cp(vowel_cp[k][0]);
		}
		map[TCVN3_DD_UPPER] = ph_viet_upper_cp(CP_DD_LOWER);
		map[TCVN3_DD_LOWER] = CP_DD_LOWER;
		for (i = 0; i < NELEM(tcvn2_caps); i++)
			map[tcvn2_caps[i].byte] = tcvn2_caps[i].cp;
		break;
	case PH_ENC_VNI:
		for (i = 0xE0; i < 256; i++) {
			if ((cp = vni_letter((unsigned char)i)) != 0) {
				map[i] = cp;
				map[i - VNI_CAP] = ph_viet_upper_cp(cp);
			}
		}
		break;
	case PH_ENC_CP1258:
		map[0x8A] = map[0x8E] = map[0x9A] = map[0x9E] = 0;
		for (i = 0; i < NELEM(cp1258_diff); i++)
			map[cp1258_diff[i].byte] = cp1258_diff[i].cp;
		break;
	default:
		break;
	}
}

/* A byte of ENC that means CP on its own, or -1.  VNI's letter and mark
 * bytes are left out: they would join the letter before them. */
static int
byte_for(enum ph_encoding enc, const uint32_t map[256], uint32_t cp)
{
	int	b, q, t;

	if (cp == 0)
		return -1;
	for (b = 0x80; b < 256; b++) {
		if (map[b] != cp)
			continue;
		if (enc == PH_ENC_VNI && (vni_letter(vni_lower(b)) != 0 ||
		    vni_mark(vni_lower(b), &q, &t)))
			continue;
		return b;
	}
	return -1;
}

/* ------------------------------------------------------------- decoders */

/* A single-byte code through its byte map. */
static void
decode_table(const uint32_t map[256], const char *data, size_t len,
    struct ph_buf *out)
{
	size_t		i;
	unsigned char	b;

	for (i = 0; i < len; i++) {
		b = (unsigned char)data[i];
		put(out, b != 0 && map[b] != 0 ? map[b] : CP_REPLACEMENT);
	}
}

/*
 * VNI: a mark byte joins the vowel before it when that vowel can take it
 * (a circumflex on a, e, o; a breve on a; a tone on a vowel without one).
 * Either case of mark is taken after either case of vowel: the letter's
 * case is the base's.  A mark with nothing to join is what Windows shows,
 * a Latin-1 letter, so that nothing is lost.
 */
static void
decode_vni(const char *data, size_t len, struct ph_buf *out)
{
	uint32_t	map[256], pending = 0, cp;
	struct vletter	vl;
	size_t		i;
	unsigned char	b;
	int		q, t, kind, have = 0;

	byte_map(PH_ENC_VNI, map);
	for (i = 0; i < len; i++) {
		b = (unsigned char)data[i];
		if (have && b >= 0x80 && vni_mark(vni_lower(b), &q, &t) &&
		    letter_of(pending, &vl) && vl.kind != K_DD &&
		    vl.tone == PH_TONE_NONE) {
			kind = q == 0 ? vl.kind : add_quality(vl.kind, q);
			if (kind >= 0) {
				pending = letter_cp(kind, t, vl.upper);
				continue;
			}
		}
		if (have)
			put(out, pending);
		cp = b != 0 && map[b] != 0 ? map[b] : CP_REPLACEMENT;
		pending = cp;
		have = 1;
	}
	if (have)
		put(out, pending);
}

/* Windows-1258 writes a tone as a combining byte after the letter; NFC
 * makes one letter of them. */
static char *
decode_cp1258(const char *data, size_t len)
{
	struct ph_buf	 raw;
	uint32_t	 map[256];
	char		*nfc;

	byte_map(PH_ENC_CP1258, map);
	ph_buf_init(&raw);
	decode_table(map, data, len, &raw);
	nfc = ph_viet_nfc(raw.data);
	ph_buf_release(&raw);
	return nfc;
}

static int	syllable_ok(const uint32_t *, size_t);
static int	is_word_cp(uint32_t);

/* The characters VIQR takes as marks after a vowel, and what "\" before
 * them keeps literal ("d" and "-" for dd and d-). */
static const char viqr_tones[] = "'`?~.";	/* by enum ph_tone - 1 */
static const char viqr_escapable[] = "^(+'`?~.-dD\\";

static int
viqr_tone(int c)
{
	const char	*p;

	if (c == '\0' || (p = strchr(viqr_tones, c)) == NULL)
		return PH_TONE_NONE;
	return (int)(p - viqr_tones) + 1;
}

static int
is_ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Would the word in BUF[0..LEN) followed by CP read as a syllable? */
static int
word_plus_ok(const char *buf, size_t len, uint32_t cp)
{
	uint32_t	w[32];
	size_t		n = 0, i = 0;
	int32_t		c;

	while (i < len && n < 31) {
		if ((c = ph_utf8_decode(buf, len, &i)) < 0)
			return 0;
		w[n++] = (uint32_t)c;
	}
	if (i < len)
		return 0;
	w[n++] = cp;
	return syllable_ok(w, n);
}

/* A tone character T after the vowel KIND that ends the word in
 * BUF[0..LEN) is a tone if the word reads with it or reads no better
 * without it; else it is punctuation (a full stop, a quote). */
static int
viqr_word_end(const char *buf, size_t len, int kind, int t, int upper)
{
	return word_plus_ok(buf, len, letter_cp(kind, t, upper)) ||
	    !word_plus_ok(buf, len, letter_cp(kind, PH_TONE_NONE, upper));
}

/*
 * VIQR (RFC 1456): a vowel, then ^ ( + for the vowel's mark, then one of
 * ' ` ? ~ . for the tone; dd or d- at the start of a word for đ, and DD
 * anywhere (abbreviations: "QDD/TW" is QĐ/TW), but "add" stays add; a
 * backslash keeps the next mark literal ("Ha\. Noi").  Two guesses the
 * RFC leaves to the reader: a word takes one tone, so a second tone
 * character is punctuation ("Ha` No^.i." ends with a full stop); and a
 * tone character that ends a word is punctuation when the word reads as
 * a syllable without it and not with it ("to^i." is "tôi.", not "tôị").
 * Bytes above ASCII are taken as UTF-8 where they are, else Windows-1252.
 */
static char *
decode_viqr(const char *data, size_t len)
{
	struct ph_buf	 out;
	char		*nfc;
	const unsigned char *s = (const unsigned char *)data;
	size_t		 i = 0, j, wstart = 0;
	int		 in_word = 0, word_tone = 0, kind, q, tone, t, c;
	int		 upper, take;
	int32_t		 cp;

	ph_buf_init(&out);
	while (i < len) {
		c = s[i];
		if (c == '\\' && i + 1 < len && s[i + 1] != '\0' &&
		    strchr(viqr_escapable, s[i + 1]) != NULL) {
			c = s[i + 1];		/* kept as it is, below */
			i += 2;
		} else if ((!in_word && (c == 'd' || c == 'D') && i + 1 < len &&
		    (s[i + 1] == 'd' || s[i + 1] == 'D' || (s[i + 1] == '-' &&
		    i + 2 < len && is_ascii_alnum(s[i + 2])))) ||
		    (c == 'D' && i + 1 < len && s[i + 1] == 'D')) {
			put(&out, letter_cp(K_DD, PH_TONE_NONE, c == 'D'));
			in_word = 1;
			i += 2;
			continue;
		} else if (c != '\0' && strchr("aeiouyAEIOUY", c) != NULL) {
			upper = c < 'a';
			kind = (int)(strchr(vowel_base, c | 0x20) - vowel_base);
			j = i + 1;
			if (j < len && (q = add_quality(kind, s[j])) >= 0) {
				kind = q;
				j++;
			}
			tone = PH_TONE_NONE;
			t = j < len ? viqr_tone(s[j]) : PH_TONE_NONE;
			if (t != PH_TONE_NONE && !word_tone) {
				take = 1;
				if (j + 1 >= len || !is_ascii_alnum(s[j + 1]))
					take = viqr_word_end(out.data + wstart,
					    out.len - wstart, kind, t, upper);
				if (take) {
					tone = t;
					word_tone = 1;
					j++;
				}
			}
			put(&out, letter_cp(kind, tone, upper));
			in_word = 1;
			i = j;
			continue;
		} else if (c >= 0x80) {
			j = i;
			if ((cp = ph_utf8_decode(data, len, &j)) < 0) {
				cp = c < 0xA0 ? cp1252_80[c - 0x80] : c;
				if (cp == 0)
					cp = CP_REPLACEMENT;
				j = i + 1;
			}
			put(&out, (uint32_t)cp);
			i = j;
			in_word = is_word_cp((uint32_t)cp);
			if (!in_word) {
				word_tone = 0;
				wstart = out.len;
			}
			continue;
		} else
			i++;
		if (c == '\0')
			put(&out, CP_REPLACEMENT);
		else
			ph_buf_addc(&out, (char)c);
		in_word = is_ascii_alnum(c);
		if (!in_word) {
			word_tone = 0;
			wstart = out.len;
		}
	}
	nfc = ph_viet_nfc(out.data);
	ph_buf_release(&out);
	return nfc;
}

static char *
decode_utf8(const char *data, size_t len)
{
	char	*tmp, *nfc;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;		/* a byte order mark says nothing */
		len -= 3;
	}
	tmp = ph_xstrndup(data, len);
	nfc = ph_viet_nfc(tmp);
	free(tmp);
	return nfc;
}

/* Decode without the checks, for the detector as well as the API. */
static char *
decode_any(enum ph_encoding enc, const char *data, size_t len)
{
	struct ph_buf	out;
	uint32_t	map[256];

	switch (enc) {
	case PH_ENC_UTF8:
		return decode_utf8(data, len);
	case PH_ENC_VIQR:
		return decode_viqr(data, len);
	case PH_ENC_CP1258:
		return decode_cp1258(data, len);
	case PH_ENC_VNI:
		ph_buf_init(&out);
		decode_vni(data, len, &out);
		return ph_buf_take(&out);
	default:
		byte_map(enc, map);
		ph_buf_init(&out);
		decode_table(map, data, len, &out);
		return ph_buf_take(&out);
	}
}

enum ph_status
ph_viet_decode(enum ph_encoding enc, const char *data, size_t len,
    char **out, struct ph_error *err)
{
	const char	*nul;
	size_t		 bad;

	assert(enc != PH_ENC_AUTO);
	*out = NULL;
	if ((nul = memchr(data, '\0', len)) != NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the text has a NUL byte at offset %zu"),
		    (size_t)(nul - data));
	if (enc == PH_ENC_UTF8 && !ph_utf8_valid(data, len, &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the text is not valid UTF-8 (bad byte 0x%02X at offset "
		    "%zu)"), (unsigned char)data[bad], bad);
	*out = decode_any(enc, data, len);
	return PH_OK;
}

/* ------------------------------------------------------------- encoders */

static void
encode_tcvn3(const struct vletter *vl, struct ph_buf *out)
{
	if (vl->kind == K_DD)
		ph_buf_addc(out, (char)(vl->upper ? TCVN3_DD_UPPER :
		    TCVN3_DD_LOWER));
	else if (vl->upper && vl->tone == PH_TONE_NONE)
		ph_buf_addc(out, (char)tcvn3_cap[vl->kind]);
	else
		ph_buf_addc(out, (char)tcvn3_vowel[vl->kind][vl->tone]);
}

static void
encode_vni(const struct vletter *vl, struct ph_buf *out)
{
	int		cap = vl->upper ? VNI_CAP : 0;
	char		base;
	unsigned char	mark;

	base = vl->kind == K_DD ? 'd' : vowel_base[vl->kind];
	if (vl->upper)
		base -= 'a' - 'A';
	switch (vl->kind) {
	case K_DD:
		ph_buf_addc(out, (char)(VNI_DD - cap));
		return;
	case K_I:
		ph_buf_addc(out, vl->tone == PH_TONE_NONE ? base :
		    (char)(vni_i[vl->tone] - cap));
		return;
	case K_OW:
	case K_UW:
		ph_buf_addc(out, (char)((vl->kind == K_OW ? VNI_OW : VNI_UW) -
		    cap));
		mark = vni_tone[vl->tone];
		break;
	case K_AA:
	case K_EE:
	case K_OO:
		ph_buf_addc(out, base);
		mark = vni_circ[vl->tone];
		break;
	case K_AW:
		ph_buf_addc(out, base);
		mark = vni_breve[vl->tone];
		break;
	case K_Y:
		if (vl->tone == PH_TONE_DOT) {
			ph_buf_addc(out, (char)(VNI_Y_DOT - cap));
			return;
		}
		/* FALLTHROUGH */
	default:
		ph_buf_addc(out, base);
		mark = vni_tone[vl->tone];
		break;
	}
	if (mark != 0)
		ph_buf_addc(out, (char)(mark - cap));
}

/* Windows-1258 has some letters whole (á, Ê, ...) and the rest as a base
 * letter and a combining tone byte; Microsoft's converter and glibc's
 * write the whole letter where there is one, and so do we. */
static void
encode_cp1258(const struct vletter *vl, const uint32_t map[256],
    struct ph_buf *out)
{
	uint32_t	cp = letter_cp(vl->kind, vl->tone, vl->upper), base;
	int		b;

	if (cp < 0x80) {
		ph_buf_addc(out, (char)cp);
		return;
	}
	if ((b = byte_for(PH_ENC_CP1258, map, cp)) >= 0) {
		ph_buf_addc(out, (char)b);
		return;
	}
	base = letter_cp(vl->kind, PH_TONE_NONE, vl->upper);
	b = base < 0x80 ? (int)base : byte_for(PH_ENC_CP1258, map, base);
	assert(b > 0);		/* every toneless vowel is in the code page */
	ph_buf_addc(out, (char)b);
	ph_buf_addc(out, (char)cp1258_tone[vl->tone]);
}

/* VIQR for one letter; returns 1 if it ends in a vowel or mark that a
 * following ^ ( + or tone character would join. */
static int
encode_viqr(const struct vletter *vl, struct ph_buf *out)
{
	char	base;

	if (vl->kind == K_DD) {
		ph_buf_adds(out, vl->upper ? "DD" : "dd");
		return 0;
	}
	base = vowel_base[vl->kind];
	ph_buf_addc(out, vl->upper ? base - ('a' - 'A') : base);
	switch (vl->kind) {
	case K_AW:
		ph_buf_addc(out, '(');
		break;
	case K_AA:
	case K_EE:
	case K_OO:
		ph_buf_addc(out, '^');
		break;
	case K_OW:
	case K_UW:
		ph_buf_addc(out, '+');
		break;
	}
	if (vl->tone == PH_TONE_NONE)
		return 1;
	ph_buf_addc(out, viqr_tones[vl->tone - 1]);
	return 0;
}

/* What the VIQR writer remembers to know what needs a backslash. */
struct viqr_out {
	int	joins;		/* a ^ ( + or tone here would join a vowel */
	int	word_d;		/* the word so far is one d: dd, d- read as đ */
	int	last_D;		/* a D just written: DD reads as Đ anywhere */
	int	in_word;
};

/*
 * Write the ASCII character C in VIQR, NEXT being what follows it in the
 * text.  A backslash goes before what the reader would take for a mark:
 * a mark character after a vowel, a d or "-" after a word's first d, a D
 * after a D, and a backslash before any of those.
 */
static void
viqr_put(struct viqr_out *vo, int c, const char *next, struct ph_buf *out)
{
	if ((vo->joins && strchr("^(+'`?~.", c) != NULL) ||
	    (vo->word_d && (c == 'd' || c == 'D' || c == '-')) ||
	    (vo->last_D && c == 'D'))
		ph_buf_addc(out, '\\');
	else if (c == '\\' && *next != '\0' &&
	    (strchr(viqr_escapable, *next) != NULL ||
	    (unsigned char)*next == 0xC4))	/* đ Đ, written "dd" */
		ph_buf_addc(out, '\\');
	ph_buf_addc(out, (char)c);
	vo->joins = strchr("aeiouyAEIOUY", c) != NULL;
	vo->word_d = !vo->in_word && (c == 'd' || c == 'D');
	vo->last_D = c == 'D' && !vo->word_d;
	vo->in_word = is_ascii_alnum(c);
}

enum ph_status
ph_viet_encode(enum ph_encoding enc, const char *s, char **out,
    size_t *outlen, struct ph_error *err)
{
	struct ph_buf	 buf;
	struct vletter	 vl;
	struct viqr_out	 vo = { 0, 0, 0, 0 };
	uint32_t	 map[256];
	char		*nfc;
	size_t		 len = strlen(s), i, bad;
	int32_t		 cp;
	int		 b;

	assert(enc != PH_ENC_AUTO);
	*out = NULL;
	if (outlen != NULL)
		*outlen = 0;
	if (!ph_utf8_valid(s, len, &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the text is not valid UTF-8 (bad byte 0x%02X at offset "
		    "%zu)"), (unsigned char)s[bad], bad);
	nfc = ph_viet_nfc(s);
	if (enc == PH_ENC_UTF8) {
		if (outlen != NULL)
			*outlen = strlen(nfc);
		*out = nfc;
		return PH_OK;
	}
	byte_map(enc, map);
	ph_buf_init(&buf);
	len = strlen(nfc);
	i = 0;
	while (i < len) {
		cp = ph_utf8_decode(nfc, len, &i);
		assert(cp > 0);
		if (cp >= 0x80 && letter_of((uint32_t)cp, &vl)) {
			if (enc == PH_ENC_TCVN3)
				encode_tcvn3(&vl, &buf);
			else if (enc == PH_ENC_VNI)
				encode_vni(&vl, &buf);
			else if (enc == PH_ENC_CP1258)
				encode_cp1258(&vl, map, &buf);
			else {
				vo.joins = encode_viqr(&vl, &buf);
				vo.word_d = vo.last_D = 0;
				vo.in_word = 1;
			}
		} else if (enc == PH_ENC_VIQR)
			viqr_put(&vo, cp < 0x80 ? cp : '?', nfc + i, &buf);
		else if (cp < 0x80)
			ph_buf_addc(&buf, (char)cp);
		else if ((b = byte_for(enc, map, (uint32_t)cp)) >= 0)
			ph_buf_addc(&buf, (char)b);
		else
			ph_buf_addc(&buf, '?');
	}
	free(nfc);
	if (outlen != NULL)
		*outlen = buf.len;
	*out = ph_buf_take(&buf);
	return PH_OK;
}

/* ---------------------------------------------------------------- names */

static const struct {
	const char		*name;
	enum ph_encoding	 enc;
} enc_names[] = {
	/* The first name of each is the one ph_viet_encoding_name() gives. */
	{ "auto", PH_ENC_AUTO },
	{ "utf-8", PH_ENC_UTF8 },
	{ "utf8", PH_ENC_UTF8 },
	{ "tcvn3", PH_ENC_TCVN3 },
	{ "abc", PH_ENC_TCVN3 },
	{ "vni", PH_ENC_VNI },
	{ "vni-windows", PH_ENC_VNI },
	{ "vni-win", PH_ENC_VNI },
	{ "viqr", PH_ENC_VIQR },
	{ "cp1258", PH_ENC_CP1258 },
	{ "windows-1258", PH_ENC_CP1258 },
};

int
ph_viet_encoding_parse(const char *name, enum ph_encoding *out)
{
	size_t	i;

	for (i = 0; i < NELEM(enc_names); i++) {
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 1;
		}
	}
	return 0;
}

const char *
ph_viet_encoding_name(enum ph_encoding enc)
{
	size_t	i;

	for (i = 0; i < NELEM(enc_names); i++)
		if (enc_names[i].enc == enc)
			return enc_names[i].name;
	return "?";
}

/* ------------------------------------------------- syllables, detection */

/*
 * A Vietnamese syllable is onset + rhyme, the rhyme a vowel nucleus and a
 * coda.  Nuclei that end in a glide (ai, ươi, ...) take no coda; ă, â and
 * the diphthongs iê, uô, ươ need one.  MASK says which vowel of an open
 * nucleus may carry the tone (bit 0 the first); with a coda the tone sits
 * on the nucleus' last vowel.  oa, oe, uy allow both places (hòa, hoà).
 * The first NGLIDE start with the glide o/u, which c and k do not take
 * (that is qu: "quy", never "cuy").
 */
enum { R_ANY, R_OPEN, R_CLOSED };
static const struct {
	const char	*v;
	int		 rhyme;
	int		 mask;
} nuclei[] = {
	{ "oa", R_ANY, 3 }, { "oe", R_ANY, 3 }, { "uy", R_ANY, 3 },
	{ "uê", R_ANY, 2 }, { "oă", R_CLOSED, 2 }, { "uâ", R_CLOSED, 2 },
	{ "uyê", R_CLOSED, 4 }, { "uơ", R_OPEN, 2 }, { "oai", R_OPEN, 2 },
	{ "oay", R_OPEN, 2 }, { "oao", R_OPEN, 2 }, { "oeo", R_OPEN, 2 },
	{ "uây", R_OPEN, 2 }, { "uya", R_OPEN, 2 }, { "uyu", R_OPEN, 2 },
#define NGLIDE	15
	{ "a", R_ANY, 1 }, { "e", R_ANY, 1 }, { "ê", R_ANY, 1 },
	{ "i", R_ANY, 1 }, { "o", R_ANY, 1 }, { "ô", R_ANY, 1 },
	{ "ơ", R_ANY, 1 }, { "u", R_ANY, 1 }, { "ư", R_ANY, 1 },
	{ "y", R_ANY, 1 }, { "oo", R_CLOSED, 2 },
	{ "ă", R_CLOSED, 1 }, { "â", R_CLOSED, 1 }, { "iê", R_CLOSED, 2 },
	{ "yê", R_CLOSED, 2 }, { "uô", R_CLOSED, 2 }, { "ươ", R_CLOSED, 2 },
	{ "ai", R_OPEN, 1 }, { "ao", R_OPEN, 1 }, { "au", R_OPEN, 1 },
	{ "ay", R_OPEN, 1 }, { "âu", R_OPEN, 1 }, { "ây", R_OPEN, 1 },
	{ "eo", R_OPEN, 1 }, { "êu", R_OPEN, 1 }, { "ia", R_OPEN, 1 },
	{ "iu", R_OPEN, 1 }, { "oi", R_OPEN, 1 }, { "ôi", R_OPEN, 1 },
	{ "ơi", R_OPEN, 1 }, { "ua", R_OPEN, 1 }, { "ui", R_OPEN, 1 },
	{ "ưa", R_OPEN, 1 }, { "ưi", R_OPEN, 1 }, { "ưu", R_OPEN, 1 },
	{ "iêu", R_OPEN, 2 }, { "yêu", R_OPEN, 2 }, { "uôi", R_OPEN, 2 },
	{ "ươi", R_OPEN, 2 }, { "ươu", R_OPEN, 2 },
};
static const char *const onsets[] = {
	"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l",
	"m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th",
	"tr", "v", "x",
};
static const char *const codas[] = {
	"", "c", "ch", "m", "n", "ng", "nh", "p", "t",
};

/* Code points matched if W[AT..N) starts with PAT, else -1. */
static int
match(const uint32_t *w, size_t n, size_t at, const char *pat)
{
	size_t	i = 0, plen = strlen(pat), k = at;

	while (i < plen) {
		if (k >= n || w[k] != (uint32_t)ph_utf8_decode(pat, plen, &i))
			return -1;
		k++;
	}
	return (int)(k - at);
}

static int
is_front(uint32_t cp)		/* i e ê y: k, gh, ngh go before them */
{
	return cp == 'i' || cp == 'e' || cp == 0xEA || cp == 'y';
}

/* Does onset ONSET go with a nucleus starting with F? */
static int
onset_fits(const char *onset, uint32_t f)
{
	if (strcmp(onset, "k") == 0)
		return is_front(f);
	if (strcmp(onset, "gh") == 0 || strcmp(onset, "ngh") == 0)
		return is_front(f) && f != 'y';
	if (strcmp(onset, "c") == 0 || strcmp(onset, "ng") == 0)
		return !is_front(f);
	if (strcmp(onset, "g") == 0)
		return f != 'e' && f != 0xEA;
	if (strcmp(onset, "qu") == 0)
		return f != 'u' && f != 0x01B0;
	return 1;
}

/*
 * Is W[0..N) (NFC, any case) a plausible Vietnamese syllable?  One tone
 * at most, on the vowel the rules allow; a stop coda (c ch p t) only with
 * sắc or nặng; ch and nh only after a ê i y; no f j w z; and no accented
 * capital after a small letter (Windows-1258's "là" read as VN2 is
 * "lỔ").  ASCII capitals after small letters are let through:
 * TCVN3 writes "QUYẾT" as "QUYếT".
 */
static int
syllable_ok(const uint32_t *word, size_t n)
{
	uint32_t	w[32], low, f, l;
	struct vletter	vl;
	size_t		i, o, v, c, m, k;
	int		tone = PH_TONE_NONE, tpos = -1, lower_seen = 0, p, r;

	if (n == 0 || n > NELEM(w))
		return 0;
	for (i = 0; i < n; i++) {
		low = ph_viet_lower_cp(word[i]);
		if (low != word[i] && word[i] >= 0x80 && lower_seen)
			return 0;
		if (low == word[i])
			lower_seen = 1;
		if (low < 0x80) {
			if (low < 'a' || low > 'z' || strchr("fjwz", (int)low))
				return 0;
			w[i] = low;
		} else if (letter_of(low, &vl)) {
			if (vl.tone != PH_TONE_NONE) {
				if (tone != PH_TONE_NONE)
					return 0;
				tone = vl.tone;
				tpos = (int)i;
			}
			w[i] = letter_cp(vl.kind, PH_TONE_NONE, 0);
		} else
			return 0;
	}
	for (o = 0; o < NELEM(onsets); o++) {
		if ((r = match(w, n, 0, onsets[o])) < 0)
			continue;
		m = (size_t)r;
		for (v = 0; v < NELEM(nuclei); v++) {
			if ((r = match(w, n, m, nuclei[v].v)) <= 0)
				continue;
			k = (size_t)r;
			f = w[m];
			l = w[m + k - 1];
			if (!onset_fits(onsets[o], f))
				continue;
			if (v < NGLIDE && (strcmp(onsets[o], "c") == 0 ||
			    strcmp(onsets[o], "k") == 0 ||
			    strcmp(onsets[o], "qu") == 0))
				continue;
			for (c = 0; c < NELEM(codas); c++) {
				if (match(w, n, m + k, codas[c]) !=
				    (int)(n - m - k))
					continue;
				if (nuclei[v].rhyme == R_OPEN && c != 0)
					continue;
				if (nuclei[v].rhyme == R_CLOSED && c == 0)
					continue;
				if (c != 0 && strchr("cpt", codas[c][0]) &&
				    tone != PH_TONE_ACUTE &&
				    tone != PH_TONE_DOT)
					continue;
				if ((strcmp(codas[c], "ch") == 0 ||
				    strcmp(codas[c], "nh") == 0) &&
				    l != 'a' && l != 0xEA && l != 'i' &&
				    l != 'y')
					continue;
				if (tone != PH_TONE_NONE) {
					p = tpos - (int)m;
					if (p < 0 || p >= (int)k)
						continue;
					if (c == 0 && !(nuclei[v].mask &
					    (1 << p)))
						continue;
					if (c != 0 && p != (int)k - 1)
						continue;
				}
				return 1;
			}
		}
	}
	return 0;
}

/* Spaces, the Windows quotes and dashes and « » part words; any other
 * non-ASCII code point is part of one, so that a wrong decoder's
 * "c¸c" counts as one bad word, not as two good "c"s. */
static int
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return is_ascii_alnum((int)cp);
	return cp != 0xA0 && cp != 0xAB && cp != 0xBB && cp != 0xFEFF &&
	    cp != 0x3000 && !(cp >= 0x2000 && cp <= 0x206F);
}

struct score {
	size_t	words;		/* words with a letter and no digit */
	size_t	marked;		/* ... with a non-ASCII letter: judged */
	size_t	valid;		/* ... of those, plausible syllables */
};

static void
score_word(const uint32_t *w, size_t n, struct score *sc)
{
	struct vletter	vl;
	size_t		i;
	int		ascii = 1, consonants = 1;

	for (i = 0; i < n; i++) {
		if (w[i] >= '0' && w[i] <= '9')
			return;
		if (w[i] >= 0x80)
			ascii = 0;
		if (letter_of(w[i], &vl) ? vl.kind != K_DD : w[i] >= 0x80)
			consonants = 0;
	}
	sc->words++;
	/* Plain ASCII reads the same in every decoder, and a word of
	 * consonants only ("QĐ", "UBND") is an abbreviation. */
	if (ascii || consonants)
		return;
	sc->marked++;
	if (syllable_ok(w, n))
		sc->valid++;
}

static void
score_text(const char *s, struct score *sc)
{
	uint32_t	w[33];		/* one more than a syllable can be */
	size_t		len = strlen(s), i = 0, n = 0;
	int32_t		cp;

	memset(sc, 0, sizeof *sc);
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp >= 0 && is_word_cp((uint32_t)cp)) {
			if (n < NELEM(w))
				w[n++] = (uint32_t)cp;
			continue;
		}
		if (n > 0)
			score_word(w, n, sc);
		n = 0;
	}
	if (n > 0)
		score_word(w, n, sc);
}

/* Does S (valid UTF-8) hold a Vietnamese letter beyond ASCII, whole or
 * as a letter and a combining mark? */
static int
has_viet_letter(const char *s, size_t len)
{
	struct vletter	vl;
	size_t		i = 0;
	int32_t		cp;

	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0x80)
			continue;
		if (letter_of((uint32_t)cp, &vl))
			return 1;
		switch (cp) {
		case 0x0300: case 0x0301: case 0x0302: case 0x0303:
		case 0x0306: case 0x0309: case 0x031B: case 0x0323:
			return 1;
		}
	}
	return 0;
}

static int
clamp100(double x)
{
	if (x < 0)
		return 0;
	if (x > 100)
		return 100;
	return (int)(x + 0.5);
}

/* Only the first part of a long file is scored: it is enough to tell,
 * and it keeps detection of a big file quick. */
#define SAMPLE	(64 * 1024)

enum ph_encoding
ph_viet_detect(const char *data, size_t len, int *confidence)
{
	static const enum ph_encoding	cand[] = {
		/* In order of preference when they score the same: TCVN3
		 * was the standard in the north, VNI in the south. */
		PH_ENC_TCVN3, PH_ENC_VNI, PH_ENC_CP1258, PH_ENC_VIQR
	};
	struct score	 sc, best_sc;
	struct ph_buf	 buf;
	uint32_t	 map[256];
	enum ph_encoding best = PH_ENC_UTF8;
	double		 s, s1 = -1, s2 = 0, d, margin, size;
	size_t		 n = len > SAMPLE ? SAMPLE : len, i, k, bad;
	char		*text;
	int		 conf, nonascii = 0;

	memset(&best_sc, 0, sizeof best_sc);
	if (ph_utf8_valid(data, len, &bad)) {
		for (i = 0; i < len && !nonascii; i++)
			nonascii = (unsigned char)data[i] >= 0x80;
		if (nonascii) {
			conf = has_viet_letter(data, len) ? 100 : 90;
			best = PH_ENC_UTF8;
			goto out;
		}
		/*
		 * Plain ASCII is UTF-8 unless it is VIQR: then most words
		 * carry marks that make syllables.  English has a few
		 * ("the." reads as "thẹ"), so it is the density of good
		 * marked words that decides, not their presence.
		 */
		text = decode_viqr(data, n);
		score_text(text, &sc);
		free(text);
		d = sc.words > 0 ? (double)sc.valid / sc.words : 0;
		s = sc.marked > 0 ? (double)sc.valid / sc.marked : 0;
		if (sc.valid >= 2 && d >= 0.15 && s >= 0.6) {
			best = PH_ENC_VIQR;
			conf = clamp100(100 * s * (d >= 0.35 ? 1 : d / 0.35));
		} else {
			best = PH_ENC_UTF8;
			conf = clamp100(90 - 200 * d);
			if (conf < 50)
				conf = 50;
		}
		goto out;
	}

	/*
	 * Not UTF-8: decode with each legacy decoder and keep the one whose
	 * words read most like Vietnamese.  A wrong decoder makes letters
	 * that do not exist (ä), tones on consonants, two tones in a word,
	 * "cỏc" for CP1258's "các" -- few of its words are syllables.
	 */
	for (i = 0; i < NELEM(cand); i++) {
		if (cand[i] == PH_ENC_TCVN3) {
			/*
			 * The VN2 capitals are read by the decoder but never
			 * written by .VnTime users; here they count as
			 * nonsense, or VNI's "BÍ THƯ" would read as TCVN3's
			 * "BỂ THệ", as good a pair of syllables.
			 */
			byte_map(PH_ENC_TCVN3, map);
			for (k = 0; k < NELEM(tcvn2_caps); k++)
				map[tcvn2_caps[k].byte] = CP_REPLACEMENT;
			ph_buf_init(&buf);
			decode_table(map, data, n, &buf);
			text = ph_buf_take(&buf);
		} else
			text = decode_any(cand[i], data, n);
		score_text(text, &sc);
		free(text);
		s = sc.marked > 0 ? (double)sc.valid / sc.marked : 0;
		if (s > s1) {
			s2 = s1 < 0 ? 0 : s1;
			s1 = s;
			best = cand[i];
			best_sc = sc;
		} else if (s > s2)
			s2 = s;
	}
	/* Sure when the best reads well, beats the next clearly, and has
	 * enough words to go on. */
	size = best_sc.marked >= 8 ? 1 : 0.5 + best_sc.marked / 16.0;
	margin = 0.4 + (s1 - s2);
	conf = clamp100(100 * s1 * (margin > 1 ? 1 : margin) * size);

out:
	if (confidence != NULL)
		*confidence = conf;
	return best;
}
