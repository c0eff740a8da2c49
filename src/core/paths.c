/*
 * paths.c -- XDG locations, the data directory and the config file.
 *
 * Only reads the environment and files; the directories of the default
 * database are created by the store when "init" asks for them.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "intl.h"
#include "paths.h"
#include "util.h"

static const char *
home(void)
{
	const char	*h = getenv("HOME");
	struct passwd	*pw;

	if (h != NULL && *h == '/')
		return h;
	pw = getpwuid(getuid());
	return pw != NULL && pw->pw_dir != NULL ? pw->pw_dir : "/";
}

static char *
xdg(const char *var, const char *fallback, const char *leaf)
{
	const char	*v = getenv(var);

	/* The spec says relative values are to be ignored. */
	if (v != NULL && *v == '/')
		return ph_xasprintf("%s/phoihop/%s", v, leaf);
	return ph_xasprintf("%s/%s/phoihop/%s", home(), fallback, leaf);
}

char *
ph_paths_db(const char *explicit_path)
{
	const char	*env = getenv("PHOIHOP_DB");

	if (explicit_path != NULL && *explicit_path != '\0')
		return ph_xstrdup(explicit_path);
	if (env != NULL && *env != '\0')
		return ph_xstrdup(env);
	return xdg("XDG_DATA_HOME", ".local/share", "phoihop.db");
}

char *
ph_paths_config(void)
{
	return xdg("XDG_CONFIG_HOME", ".config", "config");
}

const char *
ph_paths_datadir(void)
{
	const char	*env = getenv("PHOIHOP_DATADIR");
	struct stat	 sb;

	if (env != NULL && *env != '\0')
		return env;
	if (stat(PH_PKGDATADIR "/doctypes.tsv", &sb) == 0)
		return PH_PKGDATADIR;
	return PH_SRCDATADIR;
}

enum ph_status
ph_config_get(const char *path, const char *key, char **out,
    struct ph_error *err)
{
	FILE	*f;
	char	*line = NULL, *p, *eq;
	size_t	 cap = 0;
	long	 lineno = 0;

	*out = NULL;
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return PH_OK;
		return ph_error_set(err, PH_ERR_IO, _("cannot read %s: %s"),
		    path, strerror(errno));
	}
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		p = ph_str_trim(line);
		if (*p == '\0' || *p == '#')
			continue;
		if ((eq = strchr(p, '=')) == NULL) {
			enum ph_status s = ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%ld: expected \"key = value\""), path,
			    lineno);
			free(line);
			fclose(f);
			free(*out);
			*out = NULL;
			return s;
		}
		*eq = '\0';
		if (strcmp(ph_str_trim(p), key) == 0) {
			free(*out);
			*out = ph_xstrdup(ph_str_trim(eq + 1));
		}
	}
	free(line);
	fclose(f);
	return PH_OK;
}

enum ph_status
ph_paths_demo(char **db_out, struct ph_error *err)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	dir = ph_xasprintf("%s/phoihop-demo-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		enum ph_status s = ph_error_set(err, PH_ERR_IO,
		    _("cannot create a directory in %s: %s"), tmp,
		    strerror(errno));
		free(dir);
		return s;
	}
	*db_out = ph_xasprintf("%s/demo.db", dir);
	free(dir);
	return PH_OK;
}

void
ph_paths_demo_remove(const char *db)
{
	static const char *const suffixes[] = { "", "-wal", "-shm",
	    "-journal" };
	char	*dir, *p, *f;
	size_t	 i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		f = ph_xasprintf("%s%s", db, suffixes[i]);
		unlink(f);
		free(f);
	}
	dir = ph_xstrdup(db);
	if ((p = strrchr(dir, '/')) != NULL) {
		*p = '\0';
		rmdir(dir);
	}
	free(dir);
}
