/*
 * fuzz-input.c -- libFuzzer harness for the Telex and VNI engines of
 * viet.h and the text functions their output goes through: tone
 * placement, NFD and NFC, folding.
 *
 * The input is typed three ways in both methods and both tone styles:
 * as the keys of one word (each byte made a printable ASCII key, as
 * ph_viet_input_word() wants), as a line of ASCII keys, and as it is when
 * it is valid UTF-8.  Aborts when what comes out is not valid UTF-8, when
 * ph_viet_tone_restyle() is not idempotent, when ph_viet_nfc() of
 * ph_viet_nfd() differs from ph_viet_nfc() (on text within Unicode's
 * stream-safe limit of 30 marks in a row), or when folding gives text
 * that is not valid UTF-8.  Not a test of which word the keys make.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viet.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static const enum ph_input_method methods[] = {
	PH_INPUT_TELEX, PH_INPUT_VNI
};
static const enum ph_tone_style styles[] = {
	PH_TONE_STYLE_OLD, PH_TONE_STYLE_NEW
};

static int
valid(const char *s)
{
	size_t	bad;

	return ph_utf8_valid(s, strlen(s), &bad);
}

/*
 * 1 if S has a run of more than 30 of the marks ph_viet_nfc() orders,
 * Unicode's stream-safe limit (UAX #15).  ph_viet_nfc() reads at most 32
 * after a letter, and is not idempotent on longer runs.
 */
static int
long_marks(const char *s)
{
	size_t	 i = 0, len = strlen(s), run = 0;
	int32_t	 c;

	while (i < len) {
		c = ph_utf8_decode(s, len, &i);
		if (c == 0x0300 || c == 0x0301 || c == 0x0302 || c == 0x0303 ||
		    c == 0x0306 || c == 0x0309 || c == 0x031B || c == 0x0323) {
			if (++run > 30)
				return 1;
		} else
			run = 0;
	}
	return 0;
}

/* The properties every valid UTF-8 text S has. */
static void
check_text(const char *s)
{
	char	*r, *rr, *d, *nd, *n, *f;
	size_t	 k;

	CHECK(valid(s));
	for (k = 0; k < 2; k++) {
		r = ph_viet_tone_restyle(s, styles[k]);
		CHECK(valid(r));
		rr = ph_viet_tone_restyle(r, styles[k]);
		if (strcmp(r, rr) != 0)
			fprintf(stderr, "restyle %s: \"%s\" -> \"%s\" -> "
			    "\"%s\"\n", ph_viet_tone_style_name(styles[k]),
			    s, r, rr);
		CHECK(strcmp(r, rr) == 0);
		free(r);
		free(rr);
	}

	d = ph_viet_nfd(s);
	CHECK(valid(d));
	if (!long_marks(s)) {
		nd = ph_viet_nfc(d);
		n = ph_viet_nfc(s);
		CHECK(strcmp(nd, n) == 0);
		free(nd);
		free(n);
	}
	free(d);

	f = ph_viet_fold(s);
	CHECK(valid(f));
	free(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*keys, *line, *text = NULL, *out;
	size_t	 i, m, k, bad;

	/* One word: printable ASCII, no spaces. */
	keys = malloc(size + 1);
	/* A line: ASCII without NUL. */
	line = malloc(size + 1);
	CHECK(keys != NULL && line != NULL);
	for (i = 0; i < size; i++) {
		keys[i] = data[i] > 0x20 && data[i] < 0x7F ? (char)data[i] :
		    (char)(0x21 + data[i] % 94);
		line[i] = data[i] & 0x7F ? (char)(data[i] & 0x7F) : ' ';
	}
	keys[size] = line[size] = '\0';
	if (memchr(data, '\0', size) == NULL &&
	    ph_utf8_valid((const char *)data, size, &bad)) {
		text = malloc(size + 1);
		CHECK(text != NULL);
		memcpy(text, data, size);
		text[size] = '\0';
		check_text(text);
	}

	for (m = 0; m < 2; m++) {
		for (k = 0; k < 2; k++) {
			out = ph_viet_input_word(methods[m], styles[k], keys,
			    size);
			check_text(out);
			free(out);

			out = ph_viet_input_text(methods[m], styles[k], line);
			check_text(out);
			free(out);

			if (text != NULL) {
				out = ph_viet_input_text(methods[m], styles[k],
				    text);
				check_text(out);
				free(out);
			}
		}
	}
	free(keys);
	free(line);
	free(text);
	return 0;
}
