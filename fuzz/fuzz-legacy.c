/*
 * fuzz-legacy.c -- libFuzzer harness for viet-legacy.h: the detector,
 * every decoder on the raw bytes, the encoder on what each decoder made,
 * and encode then decode of input that is valid UTF-8.
 *
 * Aborts when a decoder gives text that is not valid UTF-8 (or not NFC,
 * on text within Unicode's stream-safe limit of 30 marks in a row), when
 * a call on valid input fails or a call on bad input succeeds, and when
 * text made only of characters an encoding writes does not come back as
 * its NFC.  Which characters an encoding writes is asked of the encoding
 * itself, one character at a time; for VIQR only what its reader takes
 * without guessing is held to the round trip (one tone a word, no tone
 * on a word's last letter, đ and Đ only starting a word).  Not a test of
 * how well the detector guesses.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fuzz-text.h"
#include "viet.h"
#include "viet-legacy.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static const enum ph_encoding encodings[] = {
	PH_ENC_UTF8, PH_ENC_TCVN3, PH_ENC_VNI, PH_ENC_VIQR, PH_ENC_CP1258
};
#define NENC	(sizeof encodings / sizeof encodings[0])

/* Answers of writes() for the code points below CACHE_MAX: 0 unknown,
 * 1 written, 2 not. */
#define CACHE_MAX	0x3000
static unsigned char	cache[NENC][CACHE_MAX];

/* Does ENC write CP: does the character alone come back from encode and
 * decode as it was? */
static int
writes(size_t e, uint32_t cp)
{
	char		 s[5], *bytes = NULL, *back = NULL;
	size_t		 len;
	int		 yes = 0;

	if (cp < CACHE_MAX && cache[e][cp] != 0)
		return cache[e][cp] == 1;
	s[ph_utf8_encode(cp, s)] = '\0';
	if (ph_viet_encode(encodings[e], s, &bytes, &len, NULL) == PH_OK &&
	    ph_viet_decode(encodings[e], bytes, len, &back, NULL) == PH_OK)
		yes = strcmp(back, s) == 0;
	free(bytes);
	free(back);
	if (cp < CACHE_MAX)
		cache[e][cp] = yes ? 1 : 2;
	return yes;
}

static int
is_word(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9') || cp >= 0x80;
}

/* Does CP carry a tone mark? */
static int
has_tone(uint32_t cp)
{
	char	 s[5], *d;
	int	 t = 0;
	size_t	 i = 0, len;
	int32_t	 c;

	s[ph_utf8_encode(cp, s)] = '\0';
	d = ph_viet_nfd(s);
	len = strlen(d);
	while (i < len) {
		c = ph_utf8_decode(d, len, &i);
		if (c == 0x0300 || c == 0x0301 || c == 0x0303 ||
		    c == 0x0309 || c == 0x0323)
			t = 1;
	}
	free(d);
	return t;
}

/* Is every character of N (NFC) one that encoding E writes, in a place
 * where it is read back without guessing? */
static int
writable(size_t e, const char *n)
{
	size_t	 i = 0, len = strlen(n);
	int32_t	 cp, prev = -1, next;
	int	 tones = 0, start;
	size_t	 j;

	if (fuzz_long_marks(n))
		return 0;
	if (encodings[e] == PH_ENC_UTF8)	/* the reader drops a BOM */
		return strncmp(n, "\xEF\xBB\xBF", 3) != 0;
	while (i < len) {
		cp = ph_utf8_decode(n, len, &i);
		if (cp < 0 || !writes(e, (uint32_t)cp))
			return 0;
		if (encodings[e] == PH_ENC_VIQR) {
			start = prev < 0 || !is_word((uint32_t)prev);
			if (start)
				tones = 0;
			if (cp >= 0x80 && has_tone((uint32_t)cp)) {
				if (++tones > 1)
					return 0;
				j = i;
				next = j < len ? ph_utf8_decode(n, len, &j) :
				    -1;
				if (next < 0 || !is_word((uint32_t)next))
					return 0;
			}
			if ((cp == 0x0110 || cp == 0x0111) && !start)
				return 0;
		}
		prev = cp;
	}
	return 1;
}

static void
decode_each(const char *data, size_t size)
{
	struct ph_error	 err;
	enum ph_status	 s;
	char		*out, *nfc, *bytes;
	size_t		 e, len, bad;
	int		 ok_in;

	for (e = 0; e < NENC; e++) {
		ok_in = memchr(data, '\0', size) == NULL &&
		    (encodings[e] != PH_ENC_UTF8 ||
		    ph_utf8_valid(data, size, &bad));
		ph_error_clear(&err);
		s = ph_viet_decode(encodings[e], data, size, &out, &err);
		if (!ok_in) {
			CHECK(s == PH_ERR_INVALID && out == NULL);
			CHECK(err.code == s && err.msg[0] != '\0');
			continue;
		}
		CHECK(s == PH_OK && out != NULL);
		CHECK(fuzz_valid(out));
		if (!fuzz_long_marks(out)) {
			nfc = ph_viet_nfc(out);
			CHECK(strcmp(nfc, out) == 0);
			free(nfc);
		}

		bytes = NULL;
		s = ph_viet_encode(encodings[e], out, &bytes, &len, &err);
		CHECK(s == PH_OK && bytes != NULL && len == strlen(bytes));
		free(bytes);
		free(out);
	}
}

static void
round_trip(const char *in)
{
	char	*n, *bytes, *back;
	size_t	 e, len;

	n = ph_viet_nfc(in);
	for (e = 0; e < NENC; e++) {
		if (!writable(e, n))
			continue;
		CHECK(ph_viet_encode(encodings[e], in, &bytes, &len,
		    NULL) == PH_OK);
		CHECK(ph_viet_decode(encodings[e], bytes, len, &back,
		    NULL) == PH_OK);
		if (strcmp(back, n) != 0)
			fprintf(stderr, "%s: wrote \"%s\", read \"%s\"\n",
			    ph_viet_encoding_name(encodings[e]), n, back);
		CHECK(strcmp(back, n) == 0);
		free(bytes);
		free(back);
	}
	free(n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum ph_encoding	 enc;
	char			*in;
	size_t			 bad;
	int			 conf = -1;

	enc = ph_viet_detect((const char *)data, size, &conf);
	CHECK(enc != PH_ENC_AUTO && enc <= PH_ENC_CP1258);
	CHECK(conf >= 0 && conf <= 100);

	decode_each((const char *)data, size);

	if (memchr(data, '\0', size) == NULL &&
	    ph_utf8_valid((const char *)data, size, &bad)) {
		in = malloc(size + 1);
		CHECK(in != NULL);
		memcpy(in, data, size);
		in[size] = '\0';
		round_trip(in);
		free(in);
	}
	return 0;
}
