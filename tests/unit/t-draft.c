/*
 * t-draft.c -- drafts of open forms: save, list (oldest first, this
 * register's only), remove; escaping of tabs, newlines, backslashes and
 * Vietnamese; mode 0600; a stale temporary file ignored; XDG_STATE_HOME.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "draft.h"
#include "tap.h"

static char	tmpdir[] = "/tmp/t-draft.XXXXXX";

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(p);
}

static void
free_list(struct ph_draft *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		ph_draft_release(&v[i]);
	free(v);
}

/* How many regular files DIR holds; *MODES_OK cleared if one is not
 * 0600. */
static int
count_files(const char *dir, int *modes_ok)
{
	struct dirent	*de;
	struct stat	 sb;
	DIR		*dp;
	char		*p;
	int		 n = 0;

	if ((dp = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		p = ph_xasprintf("%s/%s", dir, de->d_name);
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
			n++;
			if ((sb.st_mode & 0777) != 0600)
				*modes_ok = 0;
		}
		free(p);
	}
	closedir(dp);
	return n;
}

int
main(void)
{
	static const char	 tricky[] = "tab\there\nnew line\\back"
	    "slash\\t not a tab\r\nĐảng ủy xã Tân Tiến — “trích yếu”";
	struct ph_draft		 d, *v;
	struct ph_error		 err;
	struct stat		 sb;
	char			*state, *dir, *db1, *db2, *p;
	size_t			 n;
	int			 modes_ok = 1, fd;

	plan_lazy();
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	state = ph_xasprintf("%s/state", tmpdir);
	dir = ph_xasprintf("%s/phoihop/drafts", state);
	setenv("XDG_STATE_HOME", state, 1);
	setenv("HOME", tmpdir, 1);
	db1 = ph_xasprintf("%s/one.db", tmpdir);
	db2 = ph_xasprintf("%s/two.db", tmpdir);

	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 0 && v == NULL,
	    "no drafts directory: no drafts");

	/* Save three, at three times. */
	setenv("PHOIHOP_NOW", "2026-11-20T09:00:00", 1);
	ph_draft_init(&d);
	d.form = ph_xstrdup("reply:42");
	ph_draft_set(&d, "subject", tricky);
	ph_draft_set(&d, "to", "Ban Tổ chức Huyện ủy");
	ph_draft_set(&d, "empty", "");
	ph_draft_set(&d, "to", "Công an xã");
	ok(strcmp(ph_draft_get(&d, "to"), "Công an xã") == 0 &&
	    d.names.n == 3 && ph_draft_get(&d, "nope") == NULL,
	    "set replaces a field; get");
	ok(ph_draft_save(db1, &d, &err) == PH_OK, "save reply:42");
	ph_draft_release(&d);

	ok(stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & 0777) == 0700, "drafts directory under "
	    "XDG_STATE_HOME, mode 0700");

	setenv("PHOIHOP_NOW", "2026-11-20T08:00:00", 1);
	ph_draft_init(&d);
	d.form = ph_xstrdup("letter-in");
	ph_draft_set(&d, "subject", "Sớm hơn");
	ok(ph_draft_save(db1, &d, &err) == PH_OK, "save letter-in, earlier");
	ph_draft_release(&d);

	ph_draft_init(&d);
	d.form = ph_xstrdup("letter-in");
	ph_draft_set(&d, "subject", "Của sổ khác");
	ok(ph_draft_save(db2, &d, &err) == PH_OK, "save for another register");
	ph_draft_release(&d);

	/* A stale temporary file, as a crash mid-write leaves it. */
	p = ph_xasprintf("%s/.draft-AbCdEf", dir);
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0 && write(fd, "phoihop-draft 1\ndb\t", 19) == 19,
	    "a half-written temporary file");
	close(fd);
	free(p);

	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 2,
	    "two drafts for the first register (%zu)", n);
	if (n == 2) {
		ok(strcmp(v[0].form, "letter-in") == 0 &&
		    strcmp(v[1].form, "reply:42") == 0, "oldest first");
		ok(strcmp(v[0].saved, v[1].saved) < 0 &&
		    strncmp(v[1].saved, "2026-11-20T09:00:00", 19) == 0,
		    "saved times: %s, %s", v[0].saved, v[1].saved);
		is_str(ph_draft_get(&v[1], "subject"), tricky,
		    "tabs, newlines, backslashes and Vietnamese round trip");
		is_str(ph_draft_get(&v[1], "to"), "Công an xã", "to");
		is_str(ph_draft_get(&v[1], "empty"), "", "an empty field");
		is_str(ph_draft_get(&v[0], "subject"), "Sớm hơn",
		    "the other draft's field");
		ok(v[1].names.n == 3 && strcmp(v[1].names.v[0], "subject") ==
		    0, "fields in the order they were set");
	}
	free_list(v, n);

	ok(ph_draft_list(db2, &v, &n, &err) == PH_OK && n == 1 &&
	    strcmp(ph_draft_get(&v[0], "subject"), "Của sổ khác") == 0,
	    "the second register sees its own draft only");
	free_list(v, n);

	ok(count_files(dir, &modes_ok) == 4 && modes_ok,
	    "three drafts and the stale file, all mode 0600");

	/* Saving again replaces the draft. */
	ph_draft_init(&d);
	d.form = ph_xstrdup("reply:42");
	ph_draft_set(&d, "subject", "Sửa lại");
	ok(ph_draft_save(db1, &d, &err) == PH_OK, "save reply:42 again");
	ph_draft_release(&d);
	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 2 &&
	    strcmp(ph_draft_get(&v[1], "subject"), "Sửa lại") == 0 &&
	    ph_draft_get(&v[1], "to") == NULL, "replaced, not added");
	free_list(v, n);

	/* Forms whose names differ only in what is not kept. */
	ph_draft_init(&d);
	d.form = ph_xstrdup("reply_42");
	ph_draft_set(&d, "x", "y");
	ok(ph_draft_save(db1, &d, &err) == PH_OK &&
	    ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 3,
	    "reply_42 is not reply:42");
	free_list(v, n);
	ph_draft_release(&d);

	/* Remove. */
	ok(ph_draft_remove(db1, "reply:42", &err) == PH_OK, "remove reply:42");
	ok(ph_draft_remove(db1, "reply:42", &err) == PH_OK,
	    "removing it again is no error");
	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 2 &&
	    strcmp(v[0].form, "letter-in") == 0 &&
	    strcmp(v[1].form, "reply_42") == 0, "the others stay");
	free_list(v, n);
	ok(ph_draft_list(db2, &v, &n, &err) == PH_OK && n == 1,
	    "the other register's draft stays");
	free_list(v, n);

	/* A broken draft is an error naming the file. */
	p = ph_xasprintf("%s/0000000000000000-00000000-x.draft", dir);
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0 && write(fd, "phoihop-draft 1\nform\tbad\\q\n", 27) ==
	    27, "a broken draft");
	close(fd);
	ok(ph_draft_list(db1, &v, &n, &err) == PH_ERR_INVALID &&
	    strstr(err.msg, p) != NULL && v == NULL && n == 0,
	    "is refused naming it: %s", err.msg);
	unlink(p);
	free(p);

	/* A file that is not a draft at all is left alone. */
	p = ph_xasprintf("%s/notes.draft", dir);
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0 && write(fd, "hello\n", 6) == 6, "a foreign file");
	close(fd);
	free(p);
	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 2,
	    "is not listed");
	free_list(v, n);

	/* Without XDG_STATE_HOME: ~/.local/state. */
	unsetenv("XDG_STATE_HOME");
	ph_draft_init(&d);
	d.form = ph_xstrdup("letter-out");
	ok(ph_draft_save(db1, &d, &err) == PH_OK, "save without "
	    "XDG_STATE_HOME");
	ph_draft_release(&d);
	p = ph_xasprintf("%s/.local/state/phoihop/drafts", tmpdir);
	ok(stat(p, &sb) == 0 && S_ISDIR(sb.st_mode), "goes to "
	    "~/.local/state/phoihop/drafts");
	free(p);
	ok(ph_draft_list(db1, &v, &n, &err) == PH_OK && n == 1 &&
	    strcmp(v[0].form, "letter-out") == 0 && v[0].names.n == 0,
	    "and is listed from there, with no fields");
	free_list(v, n);

	/* A directory that cannot be made: the error names it. */
	p = ph_xasprintf("%s/file", tmpdir);
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	close(fd);
	setenv("XDG_STATE_HOME", p, 1);
	ph_draft_init(&d);
	d.form = ph_xstrdup("letter-in");
	ok(ph_draft_save(db1, &d, &err) == PH_ERR_IO &&
	    strstr(err.msg, p) != NULL, "an unusable directory: %s", err.msg);
	ph_draft_release(&d);
	free(p);

	free(state);
	free(dir);
	free(db1);
	free(db2);
	nftw(tmpdir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return done();
}
