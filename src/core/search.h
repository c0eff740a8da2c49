/*
 * search.h -- finding letters: the query language (search-query.c) and
 * the search itself (search.c), over the index of store-search.c.
 *
 * Query language, as the clerk types it:
 *   words            all must match, diacritics optional: "dang uy"
 *   "a phrase"       the words in this order
 *   -word            leave out letters with it ("-nháp", -"a phrase")
 *   a OR b           either; binds looser than the implicit AND
 *   prefix*          words starting with it
 *   ( ... )          grouping
 *   so:  tu:  den:   document number, issuer, recipient (word or phrase)
 *   loai:CODE        document type ("loai:QĐ", "loai:cv")
 *   ngay:D  han:D    date / due: 2026, 2026-05, 03/05/2026, 05/2026,
 *                    with >= <= > < in front, or a range D..D
 *   tt:STATUS        status word (cho-tra-loi, da-tra-loi, ...), or
 *                    qua-han (overdue) and dang-mo (any open case)
 *   mat:LEVEL        classification (mat, toi-mat, tuyet-mat, khong)
 * Field names are typed without diacritics or with ("ngày:", "số:").
 * Filters on the letter row (loai ngay han tt mat) may only stand at the
 * top level, each alone or negated, since they are not words.
 */
#ifndef PH_SEARCH_H
#define PH_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "store.h"

/* ---- the parsed query (search-query.c) */
enum ph_sq_kind {
	PH_SQ_WORD,		/* TEXT, PREFIX */
	PH_SQ_PHRASE,		/* TEXT: the words between the quotes */
	PH_SQ_AND,		/* KIDS */
	PH_SQ_OR,		/* KIDS */
	PH_SQ_NOT,		/* KIDS[0] */
	PH_SQ_COLUMN,		/* so: tu: den: -- COL, KIDS[0] word/phrase */
	PH_SQ_PRED		/* loai: ngay: han: tt: mat: -- PRED */
};

struct ph_sq {
	enum ph_sq_kind		 kind;
	char			*text;		/* as typed (search.c makes it NFC) */
	int			 prefix;
	enum ph_search_col	 col;
	struct ph_search_pred	 pred;		/* pred.text owned here */
	struct ph_sq		**kids;
	size_t			 nkids;
	size_t			 pos;		/* byte offset in the query */
};

/* Parse QUERY (UTF-8).  On success *OUT is the tree (caller frees with
 * ph_sq_free); an empty query gives PH_ERR_INVALID.  A syntax error names
 * the character position (1-based, in characters) and what was wrong. */
enum ph_status	ph_sq_parse(const char *query, struct ph_sq **out,
		    struct ph_error *err);
void		ph_sq_free(struct ph_sq *q);

/* ---- search (search.c) */
struct ph_search_opts {
	const char	*query;
	size_t		 limit;		/* hits wanted; 0 means 20 */
	size_t		 offset;	/* hits to skip (next pages) */
	int		 exact;		/* only exact-diacritic matches */
	int		 regex;		/* QUERY is a PCRE2 pattern */
	int		 no_count;	/* skip counting all hits */
	int		 count_only;	/* only count: no hits returned */
	struct ph_date	 today;		/* for tt:qua-han; unset: today */
	const char	*abbrev_path;	/* NULL: no abbreviations */
};

/* A matched stretch of a snippet, in bytes. */
struct ph_search_span {
	size_t	off, len;
};

#define PH_HIT_EXACT	0x01	/* every marked query word matched as typed */
#define PH_HIT_FUZZY	0x02	/* some word matched only within one edit */

struct ph_search_hit {
	int64_t			 id;
	char			*number;
	struct ph_date		 date;
	char			*issuer;
	char			*subject;
	double			 score;
	unsigned		 flags;
	char			*snippet;	/* one line, plain text */
	struct ph_search_span	*marks;		/* matched words in it */
	size_t			 nmarks;
};

struct ph_search_result {
	struct ph_search_hit	*hits;
	size_t			 nhits;
	int64_t			 total;		/* all hits; -1 not counted */
	char			*plan;		/* what the index was asked
						 * (FTS5 expression), or NULL */
};

/* Run O on ST.  Errors: PH_ERR_INVALID for a bad query or pattern (the
 * message names the position or PCRE2's complaint), store errors. */
enum ph_status	ph_search(struct ph_store *st, const struct ph_search_opts *o,
		    struct ph_search_result *out, struct ph_error *err);
void		ph_search_result_release(struct ph_search_result *r);

#endif
