/*
 * util.h -- memory that cannot fail, growable buffers, string vectors,
 * and reading and writing whole files.
 *
 * Out of memory is not an error a clerk can act on: it aborts here, once.
 */
#ifndef PH_UTIL_H
#define PH_UTIL_H

#include <stddef.h>
#include <stdint.h>

void	*ph_xmalloc(size_t n);
void	*ph_xcalloc(size_t n, size_t size);
void	*ph_xrealloc(void *p, size_t n);
char	*ph_xstrdup(const char *s);
char	*ph_xstrndup(const char *s, size_t n);
char	*ph_xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated. _init/_release on caller
 * storage; _take hands the string to the caller, who frees it. */
struct ph_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	 ph_buf_init(struct ph_buf *b);
void	 ph_buf_release(struct ph_buf *b);
void	 ph_buf_add(struct ph_buf *b, const void *p, size_t n);
void	 ph_buf_adds(struct ph_buf *b, const char *s);
void	 ph_buf_addc(struct ph_buf *b, char c);
void	 ph_buf_printf(struct ph_buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 ph_buf_reset(struct ph_buf *b);
char	*ph_buf_take(struct ph_buf *b);

/* A vector of owned strings. */
struct ph_strv {
	char	**v;
	size_t	  n;
	size_t	  cap;
};
void	 ph_strv_init(struct ph_strv *sv);
void	 ph_strv_release(struct ph_strv *sv);
void	 ph_strv_push(struct ph_strv *sv, const char *s);
void	 ph_strv_take(struct ph_strv *sv, char *s);

/* Trim ASCII white space at both ends, in place; returns S. */
char	*ph_str_trim(char *s);

/* A random 128-bit id as 32 lower-case hex digits, for rows that travel
 * between offices.  OUT has room for 33 bytes. */
void	 ph_uid_new(char out[33]);

/* Read all of FD or of PATH ("-" is standard input) into *OUT (caller
 * frees), refusing more than LIMIT bytes. */
struct ph_error;
enum ph_status;
enum ph_status ph_file_read(const char *path, size_t limit, char **out,
	    size_t *len_out, struct ph_error *err);
/* Write LEN bytes of DATA to PATH with mode 0600: under a temporary name
 * in the same folder (mkstemp), synced, then renamed over PATH and the
 * rename synced, so that PATH is never seen half written and a failure
 * leaves what was there. */
enum ph_status ph_file_write_private(const char *path, const void *data,
	    size_t len, struct ph_error *err);

#endif
