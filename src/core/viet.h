/*
 * viet.h -- Vietnamese text: UTF-8 decoding and validation, NFC and NFD
 * of the Vietnamese letters, case mapping, display width, folding for
 * search, syllables and tone placement, and the Telex/VNI input engines.
 * Legacy encodings are in viet-legacy.h, abbreviations in viet-abbrev.h.
 *
 * No SQLite, no terminal.  Strings in and out are UTF-8; functions that
 * return a new string give it to the caller, who frees it.
 */
#ifndef PH_VIET_H
#define PH_VIET_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at S[*I] (LEN bytes in all), advancing *I.
 * Returns the code point, or -1 for an invalid or overlong sequence (then
 * *I moves past one byte). */
int32_t	ph_utf8_decode(const char *s, size_t len, size_t *i);
/* Append the encoding of CP to OUT (room for 4 bytes); returns its length. */
size_t	ph_utf8_encode(uint32_t cp, char *out);
/* Return 1 if S[0..LEN) is valid UTF-8; else 0 and *BAD = offset of the
 * first bad byte. */
int	ph_utf8_valid(const char *s, size_t len, size_t *bad);
/* Columns S takes on a terminal (combining marks 0, wide CJK 2, controls
 * counted as the width of their escaped form). */
size_t	ph_utf8_width(const char *s);
/* True if CP is a C0/C1 control or DEL (tab and newline included). */
int	ph_utf8_is_control(uint32_t cp);

/* NFC for the marks Vietnamese uses: base letters followed by U+0300
 * U+0301 U+0303 U+0309 U+0323 U+0302 U+0306 U+031B are composed, marks
 * put in canonical order first.  Other text is copied unchanged.  S must
 * be valid UTF-8. */
char	*ph_viet_nfc(const char *s);
/* Lower/upper case, including Đ/đ and every precomposed Vietnamese letter. */
uint32_t ph_viet_lower_cp(uint32_t cp);
uint32_t ph_viet_upper_cp(uint32_t cp);
char	*ph_viet_lower(const char *s);
char	*ph_viet_upper(const char *s);
/* A key for matching names typed by hand: NFC, lower case, white space
 * runs collapsed to one space, ends trimmed. */
char	*ph_viet_name_key(const char *s);

/* ---- viet-norm.c: NFD */
/* Full decomposition of every precomposed Vietnamese letter into base
 * letter + marks (canonical order); other text copied unchanged.  S must
 * be valid UTF-8.  Canonical order: U+031B, then U+0323, then the other
 * marks in the order written (a precomposed letter gives its vowel mark
 * before its tone: "ậ" = a U+0323 U+0302, "ấ" = a U+0302 U+0301).
 * ph_viet_nfc() of the result is ph_viet_nfc() of S. */
char	*ph_viet_nfd(const char *s);

/* ---- viet-fold.c: folding for search */
/* Fold one code point: lower case, vowel and tone marks removed, đ/Đ ->
 * d.  A combining mark folds to 0 (drop it).  Code points that are not
 * Latin letters with Vietnamese marks are only lower-cased. */
uint32_t ph_viet_fold_cp(uint32_t cp);
/* Fold a whole string (valid UTF-8); caller frees. */
char	*ph_viet_fold(const char *s);
/* 1 if S[0..LEN) has any mark that folding would remove (tone, vowel
 * mark, đ), 0 if it is plain; "a query without diacritics". */
int	ph_viet_has_marks(const char *s, size_t len);
/* 1 for a code point that is part of a word: letters (any script),
 * digits, and the combining marks Vietnamese uses. */
int	ph_viet_is_word_cp(uint32_t cp);
/* 1 if the word S[0..LEN) is written in capitals: at least two letters
 * and no small letter ("UBND", "ĐU", "QĐ-TW"); abbreviations are. */
int	ph_viet_is_upper_word(const char *s, size_t len);
/* The byte the search index puts before a word written in capitals. */
#define PH_UPPER_MARK	'\x01'

/* The longest folded word kept, in bytes; longer runs are cut there. */
#define PH_FOLD_WORD_MAX	64
/* Split S[0..LEN) into words (runs of ph_viet_is_word_cp) and call FN
 * with each word folded (TOK[0..TOKLEN), not NUL-terminated) and the byte
 * range [START, END) it came from.  A word that folds to nothing (marks
 * alone) is skipped.  Stops and returns FN's value when it is not 0.
 * The search index and the ranking both split text here, so that they
 * always agree on what a word is. */
typedef int	(*ph_fold_word_cb)(void *arg, const char *tok, size_t toklen,
		    size_t start, size_t end);
int	ph_viet_fold_words(const char *s, size_t len, ph_fold_word_cb fn,
	    void *arg);

/* ---- viet-tone.c: syllables and tone placement */
enum ph_tone {
	PH_TONE_NONE = 0,	/* thanh ngang */
	PH_TONE_ACUTE,		/* sắc  U+0301 */
	PH_TONE_GRAVE,		/* huyền U+0300 */
	PH_TONE_HOOK,		/* hỏi  U+0309 */
	PH_TONE_TILDE,		/* ngã  U+0303 */
	PH_TONE_DOT		/* nặng U+0323 */
};
/* Where the tone of an open syllable with "oa", "oe", "uy" goes: the old
 * style puts it on the first vowel (hòa, thủy, ủy), the new style on the
 * second (hoà, thuỷ, uỷ).  Every other syllable is written the same in
 * both styles. */
enum ph_tone_style {
	PH_TONE_STYLE_OLD = 0,
	PH_TONE_STYLE_NEW
};
/* A Vietnamese syllable split up; all strings NFC UTF-8 without the tone
 * mark and in the case they were written.  ONSET includes "gi" and "qu"
 * when those are onsets (gìn: onset "g", nucleus "i"; già: onset "gi",
 * nucleus "a"; quý: onset "qu", nucleus "y"). */
struct ph_syllable {
	char		onset[8];	/* "", "b", "ngh", "gi", "qu", ... */
	char		nucleus[16];	/* "a", "oa", "uyê", "ươ", ... */
	char		coda[8];	/* "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u" */
	enum ph_tone	tone;
};
/* Parse WORD[0..LEN) (one word, NFC or NFD, any tone placement) as a
 * syllable.  Returns 1 and fills OUT if it is one, 0 if it is not
 * Vietnamese (a loan word, an abbreviation, a number): a word is a
 * syllable when it is an onset, 1-3 vowels and a coda, with at most one
 * tone, on a vowel.  OUT is untouched on 0. */
int	ph_viet_syllable_parse(const char *word, size_t len,
	    struct ph_syllable *out);
/* Write SYL back with its tone on the vowel STYLE says, NFC, into OUT
 * (OUTSZ bytes, NUL-terminated); returns the length or 0 if too small
 * (or if a part of SYL is not Latin letters with Vietnamese marks). */
size_t	ph_viet_syllable_format(const struct ph_syllable *syl,
	    enum ph_tone_style style, char *out, size_t outsz);
/* Rewrite every syllable of S (valid UTF-8) in STYLE, NFC; words that are
 * not syllables are copied unchanged (NFC).  A word is a run of letters,
 * digits and combining marks, so "Hòa2" is left alone.  Caller frees. */
char	*ph_viet_tone_restyle(const char *s, enum ph_tone_style style);
/* The key under which two words are "the same with the same marks":
 * NFC, lower case, tones in the new style.  "Hòa", "hoà" and "HOÀ" share a
 * key; "hoa" and "hóa" do not.  Caller frees. */
char	*ph_viet_exact_key(const char *s);
/* "old"/"cu"/"cũ" and "new"/"moi"/"mới" (case and marks ignored) -> style;
 * returns 0 on an unknown name (*OUT untouched). */
int	ph_viet_tone_style_parse(const char *name, enum ph_tone_style *out);
/* "old" or "new"; NULL for a value that is neither. */
const char *ph_viet_tone_style_name(enum ph_tone_style style);

/* ---- viet-input.c: Telex and VNI typing, as Unikey does it */
enum ph_input_method {
	PH_INPUT_TELEX = 0,
	PH_INPUT_VNI
};
/* The word produced by typing the keys KEYS[0..N) (ASCII, one word: no
 * spaces) in METHOD, tones placed in STYLE.  Pure: the caller keeps the
 * keys of the word being typed and calls this after every key.  A key
 * that repeats the mark it made takes it off and is typed as a letter
 * ("aaa" aa, "ass" as), and so are all the keys after it; there is no
 * spelling check ("class" gives "clas").  Caller frees. */
char	*ph_viet_input_word(enum ph_input_method method,
	    enum ph_tone_style style, const char *keys, size_t n);
/* A whole line of keys: each run of letters and digits is a word typed
 * with ph_viet_input_word(), everything else is copied.  Caller frees. */
char	*ph_viet_input_text(enum ph_input_method method,
	    enum ph_tone_style style, const char *keys);
/* "telex"/"vni" (case ignored) -> method; 0 on an unknown name (*OUT
 * untouched). */
int	ph_viet_input_method_parse(const char *name, enum ph_input_method *out);

#endif
