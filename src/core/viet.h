/*
 * viet.h -- Vietnamese text: UTF-8 decoding and validation, NFC
 * composition of the Vietnamese letters, case mapping, display width.
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

#endif
