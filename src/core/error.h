/*
 * error.h -- status codes and the error record every core call may fill.
 *
 * A fixed buffer, so nobody frees an error string.  The message is for the
 * clerk: already translated, naming the bad value.
 */
#ifndef PH_ERROR_H
#define PH_ERROR_H

enum ph_status {
	PH_OK = 0,
	PH_ERR_INVALID,		/* bad value from the user or a file */
	PH_ERR_NOTFOUND,	/* no such letter, organization, ... */
	PH_ERR_EXISTS,		/* would duplicate a unique value */
	PH_ERR_IO,		/* file system */
	PH_ERR_DB,		/* SQLite said no, for a reason not below */
	PH_ERR_FULL,		/* disk or database full */
	PH_ERR_READONLY,	/* database cannot be written */
	PH_ERR_VERSION,		/* database from a newer phoihop */
	PH_ERR_NOTDB,		/* file is not a phoihop database */
	PH_ERR_TOOBIG,		/* value over a size limit */
	PH_ERR_BUSY,		/* another program holds the lock too long */
};

struct ph_error {
	enum ph_status	code;
	char		msg[256];
};

/* Fill ERR (may be NULL) and return CODE, so that callers can write
 * "return ph_error_set(err, PH_ERR_INVALID, _("..."), value);". */
enum ph_status	ph_error_set(struct ph_error *err, enum ph_status code,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
void		ph_error_clear(struct ph_error *err);

#endif
