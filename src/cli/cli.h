/*
 * cli.h -- the non-interactive front end: the command table, the context
 * every command gets, and the output writers (table, TSV, JSON).
 *
 * Commands parse their own flags, call the core and print.  They never
 * touch SQLite; one command is one store transaction.
 */
#ifndef PH_CLI_H
#define PH_CLI_H

#include <stdio.h>

#include "core.h"
#include "flow.h"

/* Exit statuses: the contract scripts rely on. */
#define CLI_OK		0
#define CLI_ERROR	1
#define CLI_USAGE	2

struct cli_ctx {
	char		*db_path;	/* resolved database path */
	struct ph_calendar *cal;	/* loaded on first use */
	const char	*datadir;
	int		 demo;		/* --demo: throw-away database */
	const char	*lang;		/* "vi" or "en" */
};

struct cli_cmd {
	const char	*name;
	const char	*summary;	/* msgid, one line */
	const char	*usage;		/* msgid, synopsis and flags */
	int		(*exec)(struct cli_ctx *, int, char **);
};

extern const struct cli_cmd cmd_init_entry;
extern const struct cli_cmd cmd_org_entry;
extern const struct cli_cmd cmd_letter_entry;
extern const struct cli_cmd cmd_agreement_entry;
extern const struct cli_cmd cmd_calendar_entry;
extern const struct cli_cmd cmd_case_entry;
extern const struct cli_cmd cmd_due_entry;
extern const struct cli_cmd cmd_obligation_entry;
extern const struct cli_cmd cmd_search_entry;
extern const struct cli_cmd cmd_text_entry;

/* Run ARGV[0] with its arguments; prints usage for unknown commands. */
int	cli_run(struct cli_ctx *ctx, int argc, char **argv);
void	cli_usage(FILE *f);
/* "phoihop CMD --help" and usage errors. */
int	cli_cmd_help(const struct cli_cmd *cmd, FILE *f);
int	cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A bad value on the command line (exit 1, not 2: the command was well
 * formed, a value in it was not). */
int	cli_value_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* Print ERR as one line on stderr, return CLI_ERROR. */
int	cli_fail(const struct ph_error *err);
void	cli_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Open the context's store for MODE (demo databases are filled on first
 * open). */
enum ph_status cli_open(struct cli_ctx *ctx, enum ph_store_mode mode,
	    struct ph_store **out, struct ph_error *err);
/* Make and fill the demo database at CTX's path, as cli_open() does on
 * the first open of --demo, and close it (for the TUI). */
enum ph_status cli_demo_make(struct cli_ctx *ctx, struct ph_error *err);

/* The working-day calendar from the data directory, loaded once. */
enum ph_status cli_calendar(struct cli_ctx *ctx, struct ph_calendar **out,
	    struct ph_error *err);
/* Parse "--flag VALUE" style options shared by small commands: returns
 * the index of the first positional argument or -1 after printing a
 * usage error.  OPTS is a getopt_long table; HANDLE is called per option
 * and returns CLI_OK or an exit status (already printed). */
struct option;
int	cli_getopt(const struct cli_cmd *cmd, int argc, char **argv,
	    const struct option *opts, int (*handle)(int, const char *, void *),
	    void *arg, int *status);
/* ARGV[0..ARGC) joined by single spaces ("phoihop search dang uy" needs
 * no quotes); caller frees. */
char	*cli_join_args(int argc, char **argv);
/* A number argument (exit 1 message naming it when bad). */
int	cli_parse_long(const char *s, long min, long max, long *out,
	    const char *what);

/* Load an agreement file and make its obligations (cmd-agreement.c);
 * in the caller's transaction. */
enum ph_status cli_agreement_load(struct cli_ctx *ctx, struct ph_store *st,
	    const char *file, int quiet, struct ph_strv *said,
	    struct ph_error *err);

/* Load every regulation shipped in the data directory (init, --demo). */
enum ph_status cli_agreements_load_shipped(struct cli_ctx *ctx,
	    struct ph_store *st, size_t *loaded, struct ph_error *err);

/* ---- output */
enum cli_format {
	CLI_FMT_TABLE,
	CLI_FMT_TSV,
	CLI_FMT_JSON,
};

enum cli_type {
	CLI_STR,
	CLI_INT,	/* "" means null */
	CLI_DATE,	/* ISO in, dd/mm/yyyy in tables */
	CLI_LIST,	/* strings joined by '\n' */
};

struct cli_col {
	const char	*key;		/* TSV header / JSON key */
	const char	*label;		/* msgid for the table header */
	int		 width;		/* table width; 0 = takes the rest */
	enum cli_type	 type;
};

struct cli_out {
	enum cli_format		 fmt;
	const struct cli_col	*cols;
	int			 ncols;
	long			 rows;
	int			 flexw;
	FILE			*f;
};

int	cli_format_parse(const char *s, enum cli_format *out);
/* The same for a --format value: CLI_OK, or CLI_ERROR after saying which
 * value is no format. */
int	cli_format_arg(const char *s, enum cli_format *out);
void	cli_out_begin(struct cli_out *o, FILE *f, enum cli_format fmt,
	    const struct cli_col *cols, int ncols);
/* VALUES has NCOLS entries; NULL is null. */
void	cli_out_row(struct cli_out *o, const char *const *values);
void	cli_out_end(struct cli_out *o);
/* The "key":value pairs of one row, without braces. */
void	cli_out_json_fields(struct cli_out *o, const char *const *values);

/* Write S for a terminal: control characters and stray bytes escaped
 * (^A, \x9b), newlines kept when KEEP_NL. */
void	cli_put_safe(FILE *f, const char *s, int keep_nl);
/* Write S fitted into WIDTH columns (cut with "…" or padded). */
void	cli_put_cell(FILE *f, const char *s, int width, int pad);
void	cli_put_json_string(FILE *f, const char *s);
void	cli_put_tsv(FILE *f, const char *s);
int	cli_terminal_width(void);

#endif
