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

#include "fuzz-text.h"
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

/* The properties every valid UTF-8 text S has. */
static void
check_text(const char *s)
{
	char	*r, *rr, *d, *nd, *n, *f;
	size_t	 k;

	CHECK(fuzz_valid(s));
	for (k = 0; k < 2; k++) {
		r = ph_viet_tone_restyle(s, styles[k]);
		CHECK(fuzz_valid(r));
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
	CHECK(fuzz_valid(d));
	if (!fuzz_long_marks(s)) {
		nd = ph_viet_nfc(d);
		n = ph_viet_nfc(s);
		CHECK(strcmp(nd, n) == 0);
		free(nd);
		free(n);
	}
	free(d);

	f = ph_viet_fold(s);
	CHECK(fuzz_valid(f));
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
