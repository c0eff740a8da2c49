/*
 * viet-abbrev.h -- the abbreviations search expands both ways (UBND and
 * Ủy ban nhân dân), read from data/abbreviations.tsv, which the clerk may
 * edit.
 *
 * No SQLite.  Entries are compared folded (viet-fold.c), so case,
 * diacritics and tone placement never matter.
 */
#ifndef PH_VIET_ABBREV_H
#define PH_VIET_ABBREV_H

#include <stddef.h>

#include "error.h"

struct ph_abbrev {
	char	*abbr;		/* as written: "UBND" */
	char	*full;		/* as written: "Ủy ban nhân dân" */
	char	*abbr_fold;	/* folded words, one space apart: "ubnd" */
	char	*full_fold;	/* "uy ban nhan dan" */
};

struct ph_abbrevs {
	struct ph_abbrev	*v;
	size_t			 n;
};

/* Parse the text of an abbreviations file (NAME for messages) into OUT,
 * which the caller releases.  An error names the line and the value. */
enum ph_status	ph_abbrev_parse(const char *text, size_t len,
		    const char *name, struct ph_abbrevs *out,
		    struct ph_error *err);
/* Read and parse the file PATH. */
enum ph_status	ph_abbrev_load(const char *path, struct ph_abbrevs *out,
		    struct ph_error *err);
void		ph_abbrevs_release(struct ph_abbrevs *a);

#endif
