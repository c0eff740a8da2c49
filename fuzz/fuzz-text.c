/*
 * fuzz-text.c -- the checks on a string the text harnesses share.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-text.h"
#include "viet.h"

int
fuzz_valid(const char *s)
{
	size_t	bad;

	return ph_utf8_valid(s, strlen(s), &bad);
}

/*
 * Unicode's stream-safe limit (UAX #15) is 30 marks in a row;
 * ph_viet_nfc() reads at most 32 after a letter, and is not idempotent on
 * longer runs, so the harnesses do not ask it to be there.
 */
int
fuzz_long_marks(const char *s)
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
