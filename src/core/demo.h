/*
 * demo.h -- fill a fresh store with the demo register from data/demo/.
 */
#ifndef PH_DEMO_H
#define PH_DEMO_H

#include "error.h"

struct ph_store;

/* Load DATADIR/demo/{organizations,agreements,letters}.tsv into ST, which
 * must be a new, empty store; runs in one transaction.  A malformed line
 * is an error naming file and line. */
enum ph_status	ph_demo_load(struct ph_store *st, const char *datadir,
		    struct ph_error *err);

/* Split LINE (modified in place) at TABs into at most MAX fields; returns
 * the count.  Shared with the other TSV readers of data/. */
int		ph_tsv_split(char *line, char **fields, int max);
/* Undo the \n, \t and \\ escapes of a TSV field, in place. */
void		ph_tsv_unescape(char *s);

#endif
