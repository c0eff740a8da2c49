/*
 * paths.h -- where things live: the database, the config file, the data
 * directory; and the config file's few settings.
 *
 * Pure lookups over the environment given; nothing is created here except
 * by ph_paths_demo(), which makes a private temporary directory.
 */
#ifndef PH_PATHS_H
#define PH_PATHS_H

#include "error.h"

/* The database: EXPLICIT (--db) if set, else $PHOIHOP_DB, else
 * $XDG_DATA_HOME/phoihop/phoihop.db (XDG_DATA_HOME defaulting to
 * ~/.local/share).  Caller frees. */
char		*ph_paths_db(const char *explicit_path);
/* $XDG_CONFIG_HOME/phoihop/config (default ~/.config). Caller frees. */
char		*ph_paths_config(void);
/* The data directory: $PHOIHOP_DATADIR, else the installed one, else the
 * source tree's (for running from a build tree).  Borrowed string. */
const char	*ph_paths_datadir(void);

/* Read KEY from the config file at PATH ("key = value" lines, '#'
 * comments).  *OUT is NULL when the key or the file is absent.  A
 * malformed line is an error naming file and line. */
enum ph_status	 ph_config_get(const char *path, const char *key, char **out,
		     struct ph_error *err);

/* Make a private directory for a throw-away database and return the
 * database path inside it (caller frees it, and removes the directory
 * with ph_paths_demo_remove()). */
enum ph_status	 ph_paths_demo(char **db_out, struct ph_error *err);
void		 ph_paths_demo_remove(const char *db);

#endif
