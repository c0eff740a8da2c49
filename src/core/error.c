/*
 * error.c -- fill a struct ph_error.
 *
 * Formatting only: no printing, no logging.  Messages longer than the
 * buffer are cut on a UTF-8 character boundary, so a cut message is still
 * valid text.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

enum ph_status
ph_error_set(struct ph_error *err, enum ph_status code, const char *fmt, ...)
{
	va_list	ap;
	size_t	n;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	/* Do not leave half a UTF-8 sequence at the end of a cut message. */
	n = strlen(err->msg);
	if (n == sizeof err->msg - 1) {
		while (n > 0 && ((unsigned char)err->msg[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)err->msg[n - 1] & 0xC0) == 0xC0)
			n--;
		err->msg[n] = '\0';
	}
	return code;
}

void
ph_error_clear(struct ph_error *err)
{
	if (err != NULL) {
		err->code = PH_OK;
		err->msg[0] = '\0';
	}
}
