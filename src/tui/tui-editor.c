/*
 * tui-editor.c -- the letter's content written in the clerk's own text
 * editor ($VISUAL, $EDITOR, else nano or vi), as mail programs do.
 *
 * The line editor of the forms holds one line; a letter's content is
 * pages.  The text goes to a private temporary file (mkstemp, mode 0600,
 * in $TMPDIR or /tmp), curses steps aside, the editor runs on the
 * terminal (execvp, no shell: the editor variable is split at spaces, as
 * "nano -w" or "vim -n" are written), and what it saved is read back,
 * checked as UTF-8 and within the size a letter's body may have, and the
 * file removed at once -- the content of a secret letter must not stay on
 * disk.  Nothing here knows of letters or SQLite.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "intl.h"
#include "tui.h"
#include "viet.h"

/* Write LEN bytes of S to FD; 0 on success. */
static int
write_all(int fd, const char *s, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, s, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The child: the editor named by $VISUAL or $EDITOR, split at spaces,
 * or the first of nano and vi there is.  Never returns. */
static void
exec_editor(const char *path)
{
	static const char *const fallback[] = { "nano", "vi" };
	const char	*var = getenv("VISUAL");
	char		*words, *argv[17], *p;
	size_t		 n = 0, i;

	/* The editor gets the terminal's signals as any program does. */
	signal(SIGHUP, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	if (var == NULL || *var == '\0')
		var = getenv("EDITOR");
	if (var != NULL && *var != '\0') {
		words = ph_xstrdup(var);
		for (p = strtok(words, " \t"); p != NULL && n < 15;
		    p = strtok(NULL, " \t"))
			argv[n++] = p;
		if (n > 0) {
			argv[n++] = (char *)path;
			argv[n] = NULL;
			execvp(argv[0], argv);
		}
	}
	for (i = 0; i < sizeof fallback / sizeof fallback[0]; i++) {
		argv[0] = (char *)fallback[i];
		argv[1] = (char *)path;
		argv[2] = NULL;
		execvp(argv[0], argv);
	}
	_exit(127);
}

enum ph_status
tui_editor_run(struct tui *t, char **text, size_t max, struct ph_error *err)
{
	const char	*dir = getenv("TMPDIR");
	char		*path, *got = NULL;
	enum ph_status	 s;
	size_t		 bad;
	pid_t		 pid, w;
	int		 fd, status = 0;

	(void)t;
	if (dir == NULL || *dir != '/')
		dir = "/tmp";
	path = ph_xasprintf("%s/phoihop-XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0) {
		s = ph_error_set(err, PH_ERR_IO,
		    _("cannot make a temporary file in %s: %s"), dir,
		    strerror(errno));
		free(path);
		return s;
	}
	/* mkstemp makes it 0600 already; say so for an odd libc. */
	(void)fchmod(fd, S_IRUSR | S_IWUSR);
	if (write_all(fd, *text != NULL ? *text : "",
	    *text != NULL ? strlen(*text) : 0) != 0 || close(fd) != 0) {
		s = ph_error_set(err, PH_ERR_IO, _("cannot write %s: %s"),
		    path, strerror(errno));
		unlink(path);
		free(path);
		return s;
	}
	def_prog_mode();
	endwin();
	fflush(stdout);
	if ((pid = fork()) == 0)
		exec_editor(path);
	if (pid > 0) {
		while ((w = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
			;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0) {
		s = ph_error_set(err, PH_ERR_IO, _("cannot start the editor: %s"),
		    strerror(errno));
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		s = ph_error_set(err, PH_ERR_NOTFOUND, "%s",
		    _("no text editor found: set EDITOR (for example EDITOR=nano)"));
		goto out;
	}
	/* "vim :cq" and the like: the clerk gave up; keep what was. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		s = ph_error_set(err, PH_ERR_INVALID, "%s",
		    _("the editor did not end normally: the content is as it was"));
		goto out;
	}
	if ((s = ph_file_read(path, max, &got, NULL, err)) != PH_OK) {
		/* Said of the content, not of a temporary file's name. */
		if (s == PH_ERR_TOOBIG)
			(void)ph_error_set(err, s,
			    _("the content is too large (at most %zu bytes)"),
			    max);
		goto out;
	}
	if (got == NULL)
		got = ph_xstrdup("");	/* an empty file */
	if (!ph_utf8_valid(got, strlen(got), &bad)) {
		s = ph_error_set(err, PH_ERR_INVALID,
		    _("the content is not valid UTF-8 (bad byte 0x%02X at offset %zu); save it as UTF-8"),
		    (unsigned char)got[bad], bad);
		free(got);
		goto out;
	}
	free(*text);
	*text = got;
out:
	unlink(path);
	free(path);
	return s;
}
