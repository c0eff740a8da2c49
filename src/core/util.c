/*
 * util.c -- allocation that aborts on exhaustion, buffers, string vectors,
 * random ids and whole-file reads.
 *
 * Does not print anything but the one out-of-memory line before abort().
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_GETRANDOM
#include <sys/random.h>
#include <sys/stat.h>
#endif

#include "error.h"
#include "intl.h"
#include "util.h"

static void
oom(void)
{
	static const char msg[] = "phoihop: out of memory\n";

	/* write(2) because stdio may need memory itself. */
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		abort();
	abort();
}

void *
ph_xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
ph_xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
ph_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
ph_xstrdup(const char *s)
{
	return ph_xstrndup(s, strlen(s));
}

char *
ph_xstrndup(const char *s, size_t n)
{
	char	*p = ph_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
ph_xasprintf(const char *fmt, ...)
{
	va_list	ap;
	char	*p;

	va_start(ap, fmt);
	if (vasprintf(&p, fmt, ap) < 0)
		oom();
	va_end(ap);
	return p;
}

void
ph_buf_init(struct ph_buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = ph_xmalloc(b->cap);
	b->data[0] = '\0';
}

void
ph_buf_release(struct ph_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
ph_buf_reset(struct ph_buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void
buf_grow(struct ph_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	while (b->len + extra + 1 > b->cap)
		b->cap *= 2;
	b->data = ph_xrealloc(b->data, b->cap);
}

void
ph_buf_add(struct ph_buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
ph_buf_adds(struct ph_buf *b, const char *s)
{
	ph_buf_add(b, s, strlen(s));
}

void
ph_buf_addc(struct ph_buf *b, char c)
{
	ph_buf_add(b, &c, 1);
}

void
ph_buf_printf(struct ph_buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
ph_buf_take(struct ph_buf *b)
{
	char	*p = b->data;

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
ph_strv_init(struct ph_strv *sv)
{
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

void
ph_strv_release(struct ph_strv *sv)
{
	size_t	i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	ph_strv_init(sv);
}

void
ph_strv_take(struct ph_strv *sv, char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 4;
		sv->v = ph_xrealloc(sv->v, sv->cap * sizeof *sv->v);
	}
	sv->v[sv->n++] = s;
}

void
ph_strv_push(struct ph_strv *sv, const char *s)
{
	ph_strv_take(sv, ph_xstrdup(s));
}

char *
ph_str_trim(char *s)
{
	char	*start = s, *end;

	while (*start == ' ' || *start == '\t' || *start == '\n' ||
	    *start == '\r')
		start++;
	end = start + strlen(start);
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\n' || end[-1] == '\r'))
		end--;
	memmove(s, start, (size_t)(end - start));
	s[end - start] = '\0';
	return s;
}

void
ph_uid_new(char out[33])
{
	static const char	hex[] = "0123456789abcdef";
	unsigned char		raw[16];
	size_t			got = 0;
	int			i;

#ifdef HAVE_GETRANDOM
	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
#endif
	if (got < sizeof raw) {
		int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		while (fd >= 0 && got < sizeof raw) {
			ssize_t n = read(fd, raw + got, sizeof raw - got);
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (fd >= 0)
			close(fd);
	}
	/* Without any entropy source two offices could collide: refuse. */
	if (got < sizeof raw)
		abort();
	for (i = 0; i < 16; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[32] = '\0';
}

enum ph_status
ph_file_read(const char *path, size_t limit, char **out, size_t *len_out,
    struct ph_error *err)
{
	struct ph_buf	b;
	char		chunk[65536];
	int		fd;
	ssize_t		n;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return ph_error_set(err, PH_ERR_IO, _("cannot open %s: %s"),
		    path, strerror(errno));
	ph_buf_init(&b);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			ph_buf_release(&b);
			if (fd != STDIN_FILENO)
				close(fd);
			return ph_error_set(err, PH_ERR_IO,
			    _("cannot read %s: %s"), path, strerror(e));
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > limit) {
			ph_buf_release(&b);
			if (fd != STDIN_FILENO)
				close(fd);
			return ph_error_set(err, PH_ERR_TOOBIG,
			    _("%s is larger than the limit of %zu bytes"),
			    path, limit);
		}
		ph_buf_add(&b, chunk, (size_t)n);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (len_out != NULL)
		*len_out = b.len;
	*out = ph_buf_take(&b);
	return PH_OK;
}

enum ph_status
ph_file_write_private(const char *path, const void *data, size_t len,
    struct ph_error *err)
{
	const char	*slash = strrchr(path, '/');
	const char	*p = data;
	char		*dir, *tmp;
	size_t		 off = 0;
	ssize_t		 w;
	int		 fd, e;

	dir = slash == NULL ? ph_xstrdup(".") : slash == path ?
	    ph_xstrdup("/") : ph_xstrndup(path, (size_t)(slash - path));
	tmp = ph_xasprintf("%s/.phoihop-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		free(tmp);
		free(dir);
		return ph_error_set(err, PH_ERR_IO, _("cannot write %s: %s"),
		    path, strerror(e));
	}
	/* mkstemp() makes it 0600 less the umask: exactly 0600. */
	if (fchmod(fd, 0600) != 0)
		goto fail;
	while (off < len) {
		w = write(fd, p + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	e = close(fd);
	fd = -1;
	if (e != 0 || rename(tmp, path) != 0)
		goto fail;
	/* The rename itself, on disk. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(tmp);
	free(dir);
	return PH_OK;
fail:
	e = errno != 0 ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	free(dir);
	return ph_error_set(err, PH_ERR_IO, _("cannot write %s: %s"), path,
	    strerror(e));
}
