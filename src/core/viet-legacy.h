/*
 * viet-legacy.h -- Vietnamese text in the encodings that came before
 * Unicode: TCVN3 (ABC, the ".Vn" fonts), VNI-Windows, VIQR (ASCII with
 * marks spelled out: "Vie^.t Nam") and Windows-1258, with a detector that
 * says how sure it is.
 *
 * No SQLite, no terminal.  Decoded text is NFC UTF-8; the caller frees it.
 */
#ifndef PH_VIET_LEGACY_H
#define PH_VIET_LEGACY_H

#include <stddef.h>

#include "error.h"

enum ph_encoding {
	PH_ENC_AUTO = 0,	/* only as a request: detect */
	PH_ENC_UTF8,
	PH_ENC_TCVN3,
	PH_ENC_VNI,
	PH_ENC_VIQR,
	PH_ENC_CP1258
};

/* "auto", "utf-8"/"utf8", "tcvn3"/"abc", "vni" (or "vni-windows",
 * "vni-win"), "viqr", "cp1258"/"windows-1258" (case ignored) -> *OUT;
 * returns 0 for anything else and leaves *OUT alone. */
int		 ph_viet_encoding_parse(const char *name,
		    enum ph_encoding *out);
/* The name ph_viet_encoding_parse() takes for ENC ("utf-8", "tcvn3", ...). */
const char	*ph_viet_encoding_name(enum ph_encoding enc);

/* Decode DATA[0..LEN) from ENC into NFC UTF-8 in *OUT (caller frees).
 * ENC may not be PH_ENC_AUTO.  PH_ERR_INVALID (naming the offset) if ENC
 * is UTF-8 and DATA is not valid UTF-8, or DATA holds a NUL byte.  A
 * UTF-8 byte order mark is dropped.  The legacy decoders take any other
 * byte: one the encoding leaves unassigned becomes U+FFFD; TCVN3 also
 * reads the VN2 capitals; VIQR reads bytes above ASCII as UTF-8, or else
 * as Windows-1252. */
enum ph_status	 ph_viet_decode(enum ph_encoding enc, const char *data,
		    size_t len, char **out, struct ph_error *err);
/* Encode NFC or NFD UTF-8 S into ENC (for tests and export), *OUT
 * NUL-terminated, *OUTLEN (may be NULL) its length; a character ENC
 * cannot write becomes '?'.  TCVN3 has no capitals with tones: they are
 * written with the lower-case code, which the .VnTimeH fonts draw as
 * capitals, and so read back in lower case.  VIQR puts a backslash
 * before ASCII that would read as a mark ("To^i\?").  PH_ERR_INVALID
 * (naming the offset) if S is not valid UTF-8. */
enum ph_status	 ph_viet_encode(enum ph_encoding enc, const char *s,
		    char **out, size_t *outlen, struct ph_error *err);

/* Guess the encoding of DATA[0..LEN): valid UTF-8 is UTF-8 (confidence
 * 100 if it has non-ASCII Vietnamese letters, lower for plain ASCII),
 * unless it is ASCII whose words mostly carry VIQR marks that make
 * syllables; otherwise the legacy decoder whose words are most often
 * Vietnamese syllables, the confidence from that share, its lead over
 * the next decoder and the number of words.  Looks at the first 64 KiB.
 * *CONFIDENCE (may be NULL) gets 0..100.  Never returns PH_ENC_AUTO. */
enum ph_encoding ph_viet_detect(const char *data, size_t len,
		    int *confidence);

#endif
