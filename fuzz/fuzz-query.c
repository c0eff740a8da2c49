/*
 * fuzz-query.c -- libFuzzer harness for the search query parser of
 * search.h: ph_sq_parse() on any text, then ph_sq_free().
 *
 * The input up to its first NUL is the query.  Aborts when a parse
 * fails without a message (or with one that is not valid UTF-8), when
 * it fails yet hands back a tree or succeeds without one, and when the
 * tree breaks what search.h says of its nodes.  Not a test of what the
 * tree means; no store is opened.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "search.h"
#include "viet.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static int
valid(const char *s)
{
	size_t	bad;

	return ph_utf8_valid(s, strlen(s), &bad);
}

static void
walk(const struct ph_sq *n, size_t qlen)
{
	size_t	i;

	CHECK(n != NULL);
	CHECK(n->pos <= qlen);
	if (n->text != NULL)
		CHECK(valid(n->text));
	switch (n->kind) {
	case PH_SQ_WORD:
	case PH_SQ_PHRASE:
		CHECK(n->text != NULL);
		break;
	case PH_SQ_NOT:
		CHECK(n->nkids >= 1);
		break;
	case PH_SQ_COLUMN:
		CHECK(n->nkids >= 1);
		CHECK(n->kids[0]->kind == PH_SQ_WORD ||
		    n->kids[0]->kind == PH_SQ_PHRASE);
		break;
	case PH_SQ_AND:
	case PH_SQ_OR:
		CHECK(n->nkids >= 1);
		break;
	case PH_SQ_PRED:
		break;
	default:
		CHECK(!"unknown node kind");
	}
	for (i = 0; i < n->nkids; i++)
		walk(n->kids[i], qlen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ph_sq	 unset;
	struct ph_error		 err;
	struct ph_sq		*q;
	enum ph_status		 s;
	char			*query;

	query = malloc(size + 1);
	CHECK(query != NULL);
	memcpy(query, data, size);
	query[size] = '\0';

	ph_error_clear(&err);
	q = &unset;			/* ph_sq_parse() must set it */
	s = ph_sq_parse(query, &q, &err);
	if (s == PH_OK) {
		CHECK(q != NULL);
		walk(q, strlen(query));
		ph_sq_free(q);
	} else {
		CHECK(q == NULL);
		CHECK(err.code == s);
		CHECK(err.msg[0] != '\0');
		if (!valid(err.msg))
			fprintf(stderr, "message not UTF-8: %s\n", err.msg);
		CHECK(valid(err.msg));
	}
	free(query);
	return 0;
}
