/*
 * viet-utf8.c -- UTF-8 decoding, encoding, validation and display width.
 *
 * Strict decoder: overlong forms, surrogates and code points past U+10FFFF
 * are invalid, so that "valid" here means what SQLite and terminals expect.
 */
#include "config.h"

#include <string.h>

#include "viet.h"

int32_t
ph_utf8_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char	*p = (const unsigned char *)s + *i;
	size_t			 left = len - *i, need, k;
	uint32_t		 cp, min;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		need = 1; cp = p[0] & 0x1F; min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		need = 2; cp = p[0] & 0x0F; min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		need = 3; cp = p[0] & 0x07; min = 0x10000;
	} else {
		(*i)++;
		return -1;
	}
	if (left < need + 1) {
		(*i)++;
		return -1;
	}
	for (k = 1; k <= need; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		(*i)++;
		return -1;
	}
	*i += need + 1;
	return (int32_t)cp;
}

size_t
ph_utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
ph_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t	i = 0, at;

	while (i < len) {
		at = i;
		if (ph_utf8_decode(s, len, &i) < 0) {
			if (bad != NULL)
				*bad = at;
			return 0;
		}
	}
	return 1;
}

int
ph_utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static int
is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
	    || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
	    || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D;
}

static int
is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
	    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
	    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
	    || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF)
	    || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t
ph_utf8_width(const char *s)
{
	size_t	i = 0, len = strlen(s), w = 0;
	int32_t	cp;

	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0)
			w += 4;		/* shown as \xHH */
		else if (ph_utf8_is_control((uint32_t)cp))
			w += cp < 0x80 ? 2 : 6;	/* ^A or \u0085 */
		else if (is_combining((uint32_t)cp))
			;
		else if (is_wide((uint32_t)cp))
			w += 2;
		else
			w += 1;
	}
	return w;
}
