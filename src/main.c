/*
 * main.c -- locale, language and global options; then a command goes to
 * the CLI, and no command on a terminal starts the TUI.
 *
 * The only file that calls setlocale() and bindtextdomain().  Vietnamese
 * must show even on a machine with no vi_VN locale generated (a fresh
 * Debian has only C.UTF-8): gettext ignores LANGUAGE under the "C"
 * locale, so messages run under C.UTF-8 when nothing better is there.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/intl.h"
#include "tui/tui.h"

/* "vi" or "en" from a locale-ish value ("vi_VN.UTF-8"), or from the
 * first of a LANGUAGE list ("fr:en:vi") that names one; else NULL. */
static const char *
lang_of(const char *v)
{
	while (v != NULL && *v != '\0') {
		if (strncmp(v, "vi", 2) == 0 && (v[2] == '\0' ||
		    strchr("_.@:", v[2])))
			return "vi";
		if (strncmp(v, "en", 2) == 0 && (v[2] == '\0' ||
		    strchr("_.@:", v[2])))
			return "en";
		if ((v = strchr(v, ':')) != NULL)
			v++;
	}
	return NULL;
}

/* --lang, else the config's "language", else LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG when they name vi or en, else Vietnamese. */
static const char *
choose_language(const char *flag)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL",
	    "LC_MESSAGES", "LANG" };
	const char	*l;
	char		*cfg, *val = NULL;
	size_t		 i;

	if (flag != NULL)
		return flag;
	cfg = ph_paths_config();
	if (ph_config_get(cfg, "language", &val, NULL) == PH_OK && val != NULL
	    && (l = lang_of(val)) != NULL) {
		free(val);
		free(cfg);
		return l;
	}
	free(val);
	free(cfg);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((l = lang_of(getenv(vars[i]))) != NULL)
			return l;
	return "vi";
}

static void
setup_locale(const char *lang)
{
	const char	*loc, *dir = getenv("PHOIHOP_LOCALEDIR");
	struct stat	 sb;

	loc = setlocale(LC_ALL, "");
	if (loc == NULL)
		loc = setlocale(LC_ALL, "C.UTF-8");
	loc = setlocale(LC_MESSAGES, NULL);
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
#ifdef ENABLE_NLS
	if (dir == NULL || *dir == '\0') {
		/* Installed catalog first; else the build tree's, so that
		 * README's first command speaks Vietnamese before install. */
		dir = LOCALEDIR;
		if (stat(LOCALEDIR "/vi/LC_MESSAGES/" PACKAGE ".mo", &sb) != 0)
			dir = PH_BUILDLOCALEDIR;
	}
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

/* The throw-away demo database goes away even when the command is
 * interrupted or its reader goes away (phoihop --demo ... | head).  The
 * paths are made before any signal can come: the handler only unlinks. */
static char	demo_paths[4][PATH_MAX];
static char	demo_dir[PATH_MAX];

static void
demo_signal(int sig)
{
	int	i;

	for (i = 0; i < 4; i++)
		unlink(demo_paths[i]);
	rmdir(demo_dir);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
demo_guard(const char *db)
{
	static const char *const suffixes[] = { "", "-wal", "-shm",
	    "-journal" };
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
				    SIGPIPE };
	struct sigaction	 sa;
	char			*slash;
	size_t			 i;

	for (i = 0; i < 4; i++)
		snprintf(demo_paths[i], sizeof demo_paths[i], "%s%s", db,
		    suffixes[i]);
	snprintf(demo_dir, sizeof demo_dir, "%s", db);
	if ((slash = strrchr(demo_dir, '/')) != NULL)
		*slash = '\0';
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = demo_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* The TUI on CTX's database; --demo makes it first, as a command's
 * first open would. */
static int
run_tui(struct cli_ctx *ctx)
{
	struct tui_opts	o;
	struct ph_error	err;

	if (ctx->demo && cli_demo_make(ctx, &err) != PH_OK)
		return cli_fail(&err);
	memset(&o, 0, sizeof o);
	o.db_path = ctx->db_path;
	o.datadir = ctx->datadir;
	o.lang = ctx->lang;
	o.demo = ctx->demo;
	return tui_main(&o);
}

int
main(int argc, char **argv)
{
	struct cli_ctx	 ctx;
	const char	*db = NULL, *lang = NULL;
	int		 i, rc, version = 0, help = 0;
	struct ph_error	 err;

	umask(077);	/* letters may be state secrets */
	/* SQLite opens and frees a ~170 KB temporary b-tree for the
	 * statements that sort; glibc then hands the heap back to the
	 * kernel and faults it in again, statement after statement.  A
	 * higher trim threshold keeps it: 6x faster bulk registration. */
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	memset(&ctx, 0, sizeof ctx);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--lang") == 0) && i + 1 == argc) {
			setup_locale(choose_language(NULL));
			return cli_usage_error(NULL, _("%s needs a value"),
			    argv[i]);
		}
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			db = argv[i] + 5;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
		else if (strcmp(argv[i], "--demo") == 0)
			ctx.demo = 1;
		else if (strcmp(argv[i], "--version") == 0)
			version = 1;
		else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			help = 1;
		else {
			setup_locale(choose_language(NULL));
			return cli_usage_error(NULL, _("unknown option \"%s\""),
			    argv[i]);
		}
	}
	if (lang != NULL && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0) {
		setup_locale(choose_language(NULL));
		return cli_usage_error(NULL,
		    _("unknown language \"%s\" (vi or en)"), lang);
	}
	ctx.lang = choose_language(lang);
	setup_locale(ctx.lang);
	{
		/* A broken config file is worth a word, not a refusal. */
		char *cfg = ph_paths_config(), *v = NULL;
		if (ph_config_get(cfg, "language", &v, &err) != PH_OK)
			cli_info(_("ignoring the config file: %s"), err.msg);
		free(v);
		free(cfg);
	}
	if (version) {
		printf("phoihop %s\n", PACKAGE_VERSION);
		return CLI_OK;
	}
	if (help) {
		cli_usage(stdout);
		return CLI_OK;
	}
	/* No command: the TUI, when a person is at a terminal. */
	if (i >= argc && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		cli_usage(stderr);
		return CLI_USAGE;
	}
	ctx.datadir = ph_paths_datadir();
	if (ctx.demo) {
		if (ph_paths_demo(&ctx.db_path, &err) != PH_OK)
			return cli_fail(&err);
		demo_guard(ctx.db_path);
	} else
		ctx.db_path = ph_paths_db(db);
	if (i < argc)
		rc = cli_run(&ctx, argc - i, argv + i);
	else
		rc = run_tui(&ctx);
	if (ctx.demo)
		ph_paths_demo_remove(ctx.db_path);
	ph_calendar_free(ctx.cal);
	free(ctx.db_path);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "phoihop: %s\n", _("cannot write the output"));
		return CLI_ERROR;
	}
	return rc;
}
