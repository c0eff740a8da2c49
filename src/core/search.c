/*
 * search.c -- finding what the clerk means: a query (search-query.c)
 * becomes an FTS5 expression over folded words, widened by abbreviations
 * and, for OCR'd and mistyped text, by rare words one edit away; the
 * newest matching letters are then re-read and ranked here.
 *
 * Why re-rank a window instead of asking FTS5 for bm25() order: bm25()
 * scores every hit before sorting, and a word like "an ninh" hits a fifth
 * of a million-letter register, so the first page would take a second.
 * A register is read newest first anyway, so the candidates are the
 * newest few hundred hits (plus the newest hits in the subject), scored
 * here by BM25 over the words, exactness of the diacritics and recency.
 * Counting all hits is left to FTS5, which does that well.
 *
 * Not here: the index and its SQL (store-search.c), folding and word
 * splitting (viet-fold.c), output (the front ends).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "intl.h"
#include "search.h"
#include "util.h"
#include "viet.h"
#include "viet-abbrev.h"

/* Candidates re-ranked: at least this many, newest first. */
#define CAND_MIN	200
/* ... and the newest hits in the subject, looked for this many times
 * further back than those (not with filters: the clerk has narrowed the
 * search already, and a filter may leave few hits to find). */
#define SUBJ_WINDOW	4
/* Alternatives one edit away kept per word. */
#define FUZZY_MAX	12
/* A variant is OCR noise or a typo if it is this many times rarer than
 * the word typed (or the word typed is unknown): real Vietnamese words one
 * edit apart ("ninh", "tinh") are both common and must not match. */
#define FUZZY_RATIO	8
#define FUZZY_FEW	2
/* Document frequencies are counted up to here: beyond, a word is simply
 * common, and counting further would cost as much as the search. */
#define DF_CAP		20000
/* Words shorter than this (in letters) are never matched fuzzily: most
 * Vietnamese syllables of three letters are one edit from dozens more. */
#define FUZZY_MIN_LEN	4
/* PCRE2 limits: a catastrophic pattern stops with an error. */
#define RX_MATCH_LIMIT	2000000u
#define RX_DEPTH_LIMIT	10000u
#define RX_HEAP_LIMIT	(64u * 1024)	/* KiB */

/* BM25 constants, and the weight of a hit in each index column. */
#define BM25_K1		1.2
#define BM25_B		0.75
/* Words in an average letter (subject, names, a short body): a constant
 * rather than the index's average, which FTS5 keeps but does not show
 * outside its auxiliary functions.  Only the shape of BM25 depends on it. */
#define AVG_DL		120.0
static const double col_weight[PH_SCOL__COUNT] = {
	3.0,	/* subject */
	4.0,	/* number */
	2.0,	/* issuer */
	1.5,	/* recipients */
	1.5,	/* signer */
	1.0,	/* body */
	1.0,	/* notes */
};
/* Which column the snippet comes from when several matched equally. */
static const int snippet_order[PH_SCOL__COUNT] = {
	PH_SCOL_BODY, PH_SCOL_SUBJECT, PH_SCOL_NOTES, PH_SCOL_RECIPIENTS,
	PH_SCOL_ISSUER, PH_SCOL_SIGNER, PH_SCOL_NUMBER
};

enum alt_kind {
	ALT_FUZZY = 1,
	ALT_ABBREV
};

/* Another way a term may be written: words folded. */
struct alt {
	enum alt_kind	 kind;
	struct ph_strv	 w;
};

/* A positive word or phrase of the query, as scoring sees it. */
struct term {
	struct ph_strv	 w;		/* folded words */
	struct ph_strv	 exact;		/* exact key of each typed word */
	int		 marked;	/* typed with diacritics */
	int		 optional;	/* an abbreviation OR'ed in */
	int		 prefix;
	int		 col;		/* -1 any, else an index column */
	struct alt	*alts;
	size_t		 nalts;
	double		 idf;
	/* per letter, while scoring */
	double		 tf;
	int		 plain, exact_hit, inexact_hit, alt_abbrev, fuzzy;
};

struct ctx {
	struct ph_store			*st;
	const struct ph_search_opts	*o;
	struct ph_abbrevs		 ab;
	struct term			*terms;
	size_t				 nterms;
	struct ph_search_pred		*preds;
	size_t				 npreds;
	int64_t				 ndocs;
	struct ph_date			 today;
	struct ph_error			*err;
};

/* A word of a letter's text. */
struct tok {
	size_t	foff;		/* into the fold arena */
	size_t	flen;
	size_t	start, end;	/* in the column's text */
	int	upper;		/* written in capitals */
};

struct span {
	size_t	start, end;
	int	term;
	int	exact;		/* written as typed (or typed unmarked) */
};

/* A letter being ranked. */
struct cand {
	int64_t			 id;
	struct ph_date		 date;
	double			 score, bm25;
	size_t			 dl;
	int			 nonfuzzy, keep, allexact, phrase;
	int			 phrase_col;	/* where the words stand */
	size_t			 phrase_at;	/* together: column, byte */
	double			 exact_frac;
	unsigned		 flags;
};

/* ------------------------------------------------------------ helpers */

static void
alt_release(struct alt *a)
{
	ph_strv_release(&a->w);
}

static void
term_release(struct term *t)
{
	size_t	i;

	ph_strv_release(&t->w);
	ph_strv_release(&t->exact);
	for (i = 0; i < t->nalts; i++)
		alt_release(&t->alts[i]);
	free(t->alts);
}

static void
ctx_release(struct ctx *c)
{
	size_t	i;

	for (i = 0; i < c->nterms; i++)
		term_release(&c->terms[i]);
	free(c->terms);
	free(c->preds);
	ph_abbrevs_release(&c->ab);
}

struct split {
	struct ph_strv	*fold, *exact;
	const char	*src;
};

static int
split_word(void *arg, const char *tok, size_t toklen, size_t start,
    size_t end)
{
	struct split	*sp = arg;
	char		*w;

	ph_strv_take(sp->fold, ph_xstrndup(tok, toklen));
	if (sp->exact != NULL) {
		w = ph_xstrndup(sp->src + start, end - start);
		ph_strv_take(sp->exact, ph_viet_exact_key(w));
		free(w);
	}
	return 0;
}

/* Fold TEXT into words (and their exact keys, if EXACT). */
static void
split_text(const char *text, struct ph_strv *fold, struct ph_strv *exact)
{
	struct split	sp = { fold, exact, text };

	ph_viet_fold_words(text, strlen(text), split_word, &sp);
}

static int
strv_eq(const struct ph_strv *a, const struct ph_strv *b)
{
	size_t	i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

static void
strv_from_joined(struct ph_strv *v, const char *joined)
{
	const char	*p = joined, *sp;

	while (*p != '\0') {
		if ((sp = strchr(p, ' ')) == NULL)
			sp = p + strlen(p);
		ph_strv_take(v, ph_xstrndup(p, (size_t)(sp - p)));
		p = *sp == ' ' ? sp + 1 : sp;
	}
}

/* Append the FTS5 phrase of words W ("a b c"), with '*' if PREFIX.  A
 * word for capitals only (PH_UPPER_MARK) is written in capitals, which
 * the tokenizer turns back into the marked token. */
static void
put_phrase(struct ph_buf *b, const struct ph_strv *w, int prefix)
{
	size_t	 i;
	char	*up;

	ph_buf_addc(b, '"');
	for (i = 0; i < w->n; i++) {
		if (i > 0)
			ph_buf_addc(b, ' ');
		if (w->v[i][0] == PH_UPPER_MARK) {
			up = ph_viet_upper(w->v[i] + 1);
			ph_buf_adds(b, up);
			free(up);
		} else
			ph_buf_adds(b, w->v[i]);
	}
	ph_buf_addc(b, '"');
	if (prefix)
		ph_buf_addc(b, '*');
}

static void
add_alt(struct term *t, enum alt_kind kind, const struct ph_strv *w)
{
	struct alt	*a;
	size_t		 i;

	for (i = 0; i < t->nalts; i++)
		if (strv_eq(&t->alts[i].w, w))
			return;
	if (strv_eq(&t->w, w))
		return;
	t->alts = ph_xrealloc(t->alts, (t->nalts + 1) * sizeof *t->alts);
	a = &t->alts[t->nalts++];
	a->kind = kind;
	ph_strv_init(&a->w);
	for (i = 0; i < w->n; i++)
		ph_strv_push(&a->w, w->v[i]);
}

/* ------------------------------------------------------------ fuzzy */

struct variant {
	char	*w;
	int64_t	 df;
};

static int
variant_cmp(const void *a, const void *b)
{
	const struct variant *x = a, *y = b;

	if (x->df != y->df)
		return x->df > y->df ? -1 : 1;
	return strcmp(x->w, y->w);
}

/* Pairs OCR confuses in folded text, each counted as one edit: "ư"
 * comes out as "tt" or "ir", "ủ" as "ti", "m" as "rn", "đ" as "cl". */
static const char *const ocr_pairs[][2] = {
	{ "u", "tt" }, { "u", "ti" }, { "u", "ir" }, { "u", "it" },
	{ "m", "rn" }, { "d", "cl" }, { "n", "ri" }, { "h", "li" },
};

static void
push_variant(struct ph_strv *out, const char *w, size_t wl, size_t at,
    size_t cut, const char *ins)
{
	struct ph_buf	b;

	ph_buf_init(&b);
	ph_buf_add(&b, w, at);
	ph_buf_adds(&b, ins);
	ph_buf_add(&b, w + at + cut, wl - at - cut);
	ph_strv_take(out, ph_buf_take(&b));
}

/* Every ASCII word one edit (or one OCR confusion) from W. */
static void
edits1(const char *w, struct ph_strv *out)
{
	size_t	wl = strlen(w), i, k;
	char	c[2] = { 0, 0 }, sw[3];

	for (i = 0; i < wl; i++) {
		push_variant(out, w, wl, i, 1, "");		/* delete */
		for (c[0] = 'a'; c[0] <= 'z'; c[0]++)
			if (c[0] != w[i])
				push_variant(out, w, wl, i, 1, c);	/* replace */
		if (i + 1 < wl && w[i] != w[i + 1]) {		/* swap */
			sw[0] = w[i + 1];
			sw[1] = w[i];
			sw[2] = '\0';
			push_variant(out, w, wl, i, 2, sw);
		}
	}
	for (i = 0; i <= wl; i++)
		for (c[0] = 'a'; c[0] <= 'z'; c[0]++)
			push_variant(out, w, wl, i, 0, c);	/* insert */
	for (k = 0; k < sizeof ocr_pairs / sizeof ocr_pairs[0]; k++) {
		const char *a = ocr_pairs[k][0], *b = ocr_pairs[k][1];
		size_t al = strlen(a), bl = strlen(b);
		for (i = 0; i < wl; i++) {
			if (strncmp(w + i, a, al) == 0)
				push_variant(out, w, wl, i, al, b);
			if (i + bl <= wl && strncmp(w + i, b, bl) == 0)
				push_variant(out, w, wl, i, bl, a);
		}
	}
}

static int
all_letters(const char *w, size_t *n)
{
	*n = 0;
	for (; *w != '\0'; w++, (*n)++)
		if (*w < 'a' || *w > 'z')
			return 0;
	return 1;
}

static void
mark_present(size_t i, void *arg)
{
	((char *)arg)[i] = 1;
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add to T, for its word WI, the rare words of the index one edit away:
 * as alternatives of a one-word term, or as phrases with word WI replaced
 * (an OCR'd "Quy ché phéi hop" still meets the phrase "quy chế phối hợp",
 * one bad word at a time).
 *
 * Rare means met in at most FUZZY_FEW letters, or FUZZY_RATIO times
 * rarer than the word typed; when the word typed is nowhere (a typo in
 * the query) every variant will do.  Every count is capped, so that the
 * cost does not grow with the register: which variants exist at all is
 * one statement over the term list (store-search.c).
 */
static enum ph_status
add_fuzzy(struct ctx *c, struct term *t, size_t wi)
{
	struct ph_strv	 cand;
	struct variant	*found = NULL;
	size_t		 nfound = 0, i, j, len;
	int64_t		 vdf, dfw = -1;
	enum ph_status	 s = PH_OK;
	struct ph_strv	 one;
	char		*present = NULL, *maybe = NULL;

	if (!all_letters(t->w.v[wi], &len) || len < FUZZY_MIN_LEN)
		return PH_OK;
	ph_strv_init(&cand);
	edits1(t->w.v[wi], &cand);
	qsort(cand.v, cand.n, sizeof *cand.v, strp_cmp);
	for (i = j = 0; i < cand.n; i++) {
		if ((j > 0 && strcmp(cand.v[j - 1], cand.v[i]) == 0) ||
		    cand.v[i][0] == '\0' || strcmp(cand.v[i], t->w.v[wi]) == 0) {
			free(cand.v[i]);
			continue;
		}
		cand.v[j++] = cand.v[i];
	}
	cand.n = j;
	present = ph_xcalloc(cand.n + 1, 1);
	maybe = ph_xcalloc(cand.n + 1, 1);
	if ((s = ph_store_search_terms_present(c->st,
	    (const char *const *)cand.v, cand.n, mark_present, present,
	    c->err)) != PH_OK)
		goto out;
	for (i = 0; i < cand.n && s == PH_OK; i++) {
		if (!present[i])
			continue;
		if ((s = ph_store_search_df(c->st, cand.v[i], FUZZY_FEW + 1,
		    &vdf, c->err)) != PH_OK)
			break;
		if (vdf == 0)
			continue;	/* listed once, gone since */
		if (vdf > FUZZY_FEW) {
			maybe[i] = 1;	/* judged against the word below */
			continue;
		}
		found = ph_xrealloc(found, (nfound + 1) * sizeof *found);
		found[nfound].w = cand.v[i];
		found[nfound++].df = vdf;
	}
	for (i = 0; i < cand.n && s == PH_OK; i++) {
		int64_t cap;
		if (!maybe[i])
			continue;
		if (dfw < 0 && (s = ph_store_search_df(c->st, t->w.v[wi],
		    DF_CAP, &dfw, c->err)) != PH_OK)
			break;
		cap = dfw == 0 ? DF_CAP : dfw / FUZZY_RATIO;
		if (cap <= FUZZY_FEW)
			continue;
		if ((s = ph_store_search_df(c->st, cand.v[i], cap + 1, &vdf,
		    c->err)) != PH_OK || vdf > cap)
			continue;
		found = ph_xrealloc(found, (nfound + 1) * sizeof *found);
		found[nfound].w = cand.v[i];
		found[nfound++].df = vdf;
	}
	if (s == PH_OK) {
		if (nfound > 1)
			qsort(found, nfound, sizeof *found, variant_cmp);
		for (i = 0; i < nfound && i < FUZZY_MAX; i++) {
			ph_strv_init(&one);
			for (j = 0; j < t->w.n; j++)
				ph_strv_push(&one, j == wi ? found[i].w :
				    t->w.v[j]);
			add_alt(t, ALT_FUZZY, &one);
			ph_strv_release(&one);
		}
	}
out:
	free(present);
	free(maybe);
	free(found);
	ph_strv_release(&cand);
	return s;
}

/* ------------------------------------------------------------ compile */

static double
idf_of(int64_t df, int64_t n)
{
	if (n < 1)
		n = 1;
	if (df > n)
		df = n;
	return log(1.0 + ((double)n - (double)df + 0.5) / ((double)df + 0.5));
}

/*
 * Make a term of folded words W (EXACT: the exact key of each word as
 * typed), give it its abbreviations (if ABBR_OK, the word may be one) and
 * fuzzy variants, and append its FTS5 expression to B.  NEG: the term
 * only excludes, so it gets no fuzzy variants (a near miss must not hide
 * a letter) and is not scored.  W and EXACT are taken over.
 */
static enum ph_status
emit_term(struct ctx *c, struct ph_buf *b, struct ph_strv *w,
    struct ph_strv *exact, int marked, int prefix, int col, int neg,
    int abbr_ok)
{
	struct term	 t, *tp;
	struct ph_strv	 alt;
	char		*joined;
	size_t		 i, k;
	int64_t		 df = 0, d;
	enum ph_status	 s;

	memset(&t, 0, sizeof t);
	t.w = *w;
	t.exact = *exact;
	ph_strv_init(w);
	ph_strv_init(exact);
	t.marked = marked;
	t.prefix = prefix;
	t.col = col;

	/* Abbreviations both ways, never for a prefix or under --exact. */
	if (!prefix && !c->o->exact) {
		struct ph_buf jb;
		ph_buf_init(&jb);
		ph_buf_add(&jb, "", 0);
		for (i = 0; i < t.w.n; i++) {
			if (i > 0)
				ph_buf_addc(&jb, ' ');
			ph_buf_adds(&jb, t.w.v[i]);
		}
		joined = ph_buf_take(&jb);
		for (k = 0; k < c->ab.n; k++) {
			ph_strv_init(&alt);
			if (abbr_ok && strcmp(joined, c->ab.v[k].abbr_fold) ==
			    0) {
				/* "UBND": the abbreviation in capitals, or
				 * written out. */
				strv_from_joined(&alt, c->ab.v[k].full_fold);
				add_alt(&t, ALT_ABBREV, &alt);
				if (t.w.v[0][0] != PH_UPPER_MARK) {
					char *m = ph_xasprintf("%c%s",
					    PH_UPPER_MARK, t.w.v[0]);
					free(t.w.v[0]);
					t.w.v[0] = m;
				}
			} else if (strcmp(joined, c->ab.v[k].full_fold) == 0) {
				ph_strv_take(&alt, ph_xasprintf("%c%s",
				    PH_UPPER_MARK, c->ab.v[k].abbr_fold));
				add_alt(&t, ALT_ABBREV, &alt);
			}
			ph_strv_release(&alt);
		}
		free(joined);
	}
	/* Variants one edit away, not for words that only exclude; the
	 * document frequency (of the rarest word of a phrase) only where
	 * it is used, in ranking. */
	for (i = 0; i < t.w.n && !prefix && !neg; i++) {
		if (!c->o->exact && (s = add_fuzzy(c, &t, i)) != PH_OK) {
			term_release(&t);
			return s;
		}
		if (c->o->count_only)
			continue;
		if ((s = ph_store_search_df(c->st, t.w.v[i], DF_CAP, &d,
		    c->err)) != PH_OK) {
			term_release(&t);
			return s;
		}
		if (i == 0 || d < df)
			df = d;
	}
	if (prefix)
		df = c->ndocs / 10;
	t.idf = idf_of(df > 0 ? df : 1, c->ndocs);

	if (col >= 0)
		ph_buf_printf(b, "{%s} : ", ph_search_col_names[col]);
	if (t.nalts > 0)
		ph_buf_addc(b, '(');
	put_phrase(b, &t.w, prefix);
	for (i = 0; i < t.nalts; i++) {
		ph_buf_adds(b, " OR ");
		put_phrase(b, &t.alts[i].w, 0);
	}
	if (t.nalts > 0)
		ph_buf_addc(b, ')');

	if (neg) {
		term_release(&t);
		return PH_OK;
	}
	c->terms = ph_xrealloc(c->terms, (c->nterms + 1) * sizeof *c->terms);
	tp = &c->terms[c->nterms++];
	*tp = t;
	return PH_OK;
}

static enum ph_status compile(struct ctx *, const struct ph_sq *,
		    struct ph_buf *, int, int, int *);

/* A word or phrase node N: its words, or nothing if it has none. */
static enum ph_status
compile_leaf(struct ctx *c, const struct ph_sq *n, struct ph_buf *b,
    int col, int neg, int *emitted)
{
	struct ph_strv	 w, ex;
	char		*nfc;
	int		 marked, abbr_ok;
	struct ph_syllable syl;

	nfc = ph_viet_nfc(n->text);
	ph_strv_init(&w);
	ph_strv_init(&ex);
	split_text(nfc, &w, &ex);
	marked = ph_viet_has_marks(nfc, strlen(nfc));
	/* A word may stand for an abbreviation when typed in capitals, or
	 * when it is no Vietnamese syllable ("ubnd"); "du" and "ca" typed
	 * in small letters are words. */
	abbr_ok = w.n == 1 && n->kind == PH_SQ_WORD &&
	    (ph_viet_is_upper_word(nfc, strlen(nfc)) ||
	    !ph_viet_syllable_parse(nfc, strlen(nfc), &syl));
	free(nfc);
	if (w.n == 0) {
		ph_strv_release(&w);
		ph_strv_release(&ex);
		*emitted = 0;
		return PH_OK;
	}
	*emitted = 1;
	return emit_term(c, b, &w, &ex, marked, n->prefix, col, neg,
	    abbr_ok);
}

/*
 * The words of plain WORD nodes KIDS[I..] that spell an abbreviation's
 * full form ("uy ban nhan dan" typed without quotes): how many kids, or 0.
 */
static size_t
full_form_at(struct ctx *c, const struct ph_sq *const *kids, size_t nkids,
    size_t i, size_t *entry)
{
	size_t		 k, j, best = 0;
	struct ph_strv	 want, got;

	if (c->o->exact)
		return 0;
	for (k = 0; k < c->ab.n; k++) {
		ph_strv_init(&want);
		strv_from_joined(&want, c->ab.v[k].full_fold);
		ph_strv_init(&got);
		for (j = 0; j < want.n && i + j < nkids; j++) {
			const struct ph_sq *q = kids[i + j];
			if (q->kind != PH_SQ_WORD || q->prefix)
				break;
			split_text(q->text, &got, NULL);
			if (got.n != j + 1)
				break;
		}
		if (j == want.n && want.n > 1 && strv_eq(&want, &got) &&
		    want.n > best) {
			best = want.n;
			*entry = k;
		}
		ph_strv_release(&want);
		ph_strv_release(&got);
	}
	return best;
}

/* An AND node: positives joined by AND, then NOT (negatives). */
static enum ph_status
compile_and(struct ctx *c, const struct ph_sq *n, struct ph_buf *b, int col,
    int neg, int *emitted)
{
	struct ph_buf	 pos, negs, one;
	size_t		 i, k, npos = 0, nneg = 0, run, entry = 0;
	enum ph_status	 s = PH_OK;
	int		 e;

	ph_buf_init(&pos);
	ph_buf_init(&negs);
	ph_buf_add(&pos, "", 0);
	ph_buf_add(&negs, "", 0);
	for (i = 0; i < n->nkids && s == PH_OK; i++) {
		const struct ph_sq *k0 = n->kids[i];

		if (k0->kind == PH_SQ_PRED || (k0->kind == PH_SQ_NOT &&
		    k0->kids[0]->kind == PH_SQ_PRED))
			continue;	/* taken by the caller */
		ph_buf_init(&one);
		if (k0->kind == PH_SQ_NOT) {
			s = compile(c, k0->kids[0], &one, col, 1, &e);
			if (s == PH_OK && e) {
				ph_buf_adds(&negs, nneg++ ? " OR " : "");
				ph_buf_adds(&negs, one.data);
			}
			ph_buf_release(&one);
			continue;
		}
		if (!neg && (run = full_form_at(c,
		    (const struct ph_sq *const *)n->kids, n->nkids, i,
		    &entry)) > 0) {
			/* "uy ban nhan dan" typed as words: the words, each
			 * as usual, or the abbreviation in their place. */
			struct ph_strv w, ex;
			ph_buf_adds(&one, "((");
			for (k = i; k < i + run && s == PH_OK; k++) {
				if (k > i)
					ph_buf_adds(&one, " AND ");
				s = compile(c, n->kids[k], &one, col, 0, &e);
			}
			ph_buf_adds(&one, ") OR ");
			ph_strv_init(&w);
			ph_strv_init(&ex);
			ph_strv_take(&w, ph_xasprintf("%c%s", PH_UPPER_MARK,
			    c->ab.v[entry].abbr_fold));
			ph_strv_push(&ex, c->ab.v[entry].abbr_fold);
			if (s == PH_OK)
				s = emit_term(c, &one, &w, &ex, 0, 0, col, 0, 0);
			if (s == PH_OK)
				c->terms[c->nterms - 1].optional = 1;
			ph_strv_release(&w);
			ph_strv_release(&ex);
			ph_buf_addc(&one, ')');
			i += run - 1;
			e = 1;
		} else
			s = compile(c, k0, &one, col, neg, &e);
		if (s == PH_OK && e) {
			ph_buf_adds(&pos, npos++ ? " AND " : "");
			ph_buf_adds(&pos, one.data);
		}
		ph_buf_release(&one);
	}
	if (s == PH_OK) {
		if (npos == 0 && nneg > 0)
			s = ph_error_set(c->err, PH_ERR_INVALID,
			    _("search query, position %zu: a group cannot be made only of excluded words"),
			    n->pos + 1);
		else if (npos > 0) {
			ph_buf_printf(b, "(%s)", pos.data);
			if (nneg > 0)
				ph_buf_printf(b, " NOT (%s)", negs.data);
			*emitted = 1;
		} else
			*emitted = 0;
	}
	ph_buf_release(&pos);
	ph_buf_release(&negs);
	return s;
}

static enum ph_status
compile(struct ctx *c, const struct ph_sq *n, struct ph_buf *b, int col,
    int neg, int *emitted)
{
	struct ph_buf	one;
	size_t		i, nout = 0;
	enum ph_status	s = PH_OK;
	int		e;

	*emitted = 0;
	switch (n->kind) {
	case PH_SQ_WORD:
	case PH_SQ_PHRASE:
		return compile_leaf(c, n, b, col, neg, emitted);
	case PH_SQ_COLUMN:
		return compile(c, n->kids[0], b, (int)n->col, neg, emitted);
	case PH_SQ_AND:
		return compile_and(c, n, b, col, neg, emitted);
	case PH_SQ_NOT:
		/* A NOT outside an AND: "(-a)" or "a OR -b". */
		return ph_error_set(c->err, PH_ERR_INVALID,
		    _("search query, position %zu: an excluded word needs other words beside it"),
		    n->pos + 1);
	case PH_SQ_PRED:
		return PH_OK;	/* checked by the parser: top level only */
	case PH_SQ_OR:
		ph_buf_addc(b, '(');
		for (i = 0; i < n->nkids && s == PH_OK; i++) {
			ph_buf_init(&one);
			s = compile(c, n->kids[i], &one, col, neg, &e);
			if (s == PH_OK && e) {
				ph_buf_adds(b, nout++ ? " OR " : "");
				ph_buf_adds(b, one.data);
			}
			ph_buf_release(&one);
		}
		ph_buf_addc(b, ')');
		*emitted = nout > 0;
		return s;
	}
	return PH_OK;
}

static void
add_pred(struct ctx *c, const struct ph_search_pred *p, int negate)
{
	c->preds = ph_xrealloc(c->preds, (c->npreds + 1) * sizeof *c->preds);
	c->preds[c->npreds] = *p;
	c->preds[c->npreds++].negate = negate;
}

/*
 * The whole query: the top AND's row filters become predicates, its
 * excluded words the EXCLUDE expression, the rest MATCH.
 */
static enum ph_status
compile_top(struct ctx *c, const struct ph_sq *q, char **match,
    char **exclude)
{
	const struct ph_sq *const	*kids = (const struct ph_sq *const *)&q;
	size_t				 nkids = 1, i;
	struct ph_buf			 m, x, one;
	enum ph_status			 s = PH_OK;
	int				 e, nm = 0, nx = 0;
	size_t				 npos = 0;
	struct ph_sq			 and;

	*match = *exclude = NULL;
	if (q->kind == PH_SQ_AND) {
		kids = (const struct ph_sq *const *)q->kids;
		nkids = q->nkids;
	}
	/* Row filters first, then the words, through compile_and(). */
	for (i = 0; i < nkids; i++) {
		if (kids[i]->kind == PH_SQ_PRED)
			add_pred(c, &kids[i]->pred, 0);
		else if (kids[i]->kind == PH_SQ_NOT &&
		    kids[i]->kids[0]->kind == PH_SQ_PRED)
			add_pred(c, &kids[i]->kids[0]->pred, 1);
	}
	ph_buf_init(&m);
	ph_buf_init(&x);
	ph_buf_add(&m, "", 0);
	ph_buf_add(&x, "", 0);
	/* Excluded words go into the FTS5 expression (P NOT N) when there
	 * are words to look for; a query of excluded words alone ("-nhap
	 * tt:qua-han") excludes in SQL instead. */
	for (i = 0; i < nkids; i++)
		if (kids[i]->kind != PH_SQ_PRED && kids[i]->kind != PH_SQ_NOT)
			npos++;
	memset(&and, 0, sizeof and);
	and.kind = PH_SQ_AND;
	for (i = 0; i < nkids && s == PH_OK; i++) {
		const struct ph_sq *k = kids[i];
		if (k->kind == PH_SQ_PRED || (k->kind == PH_SQ_NOT &&
		    k->kids[0]->kind == PH_SQ_PRED))
			continue;
		ph_buf_init(&one);
		if (k->kind == PH_SQ_NOT && npos == 0) {
			s = compile(c, k->kids[0], &one, -1, 1, &e);
			if (s == PH_OK && e) {
				ph_buf_adds(&x, nx++ ? " OR " : "");
				ph_buf_adds(&x, one.data);
			}
		} else {
			/* Collected to pass through compile_and() below, for
			 * its abbreviation runs. */
			and.kids = ph_xrealloc(and.kids, (and.nkids + 1) *
			    sizeof *and.kids);
			and.kids[and.nkids++] = (struct ph_sq *)k;
		}
		ph_buf_release(&one);
	}
	if (s == PH_OK && and.nkids > 0) {
		and.pos = and.kids[0]->pos;
		s = compile_and(c, &and, &m, -1, 0, &e);
		nm = e;
	}
	free(and.kids);
	if (s == PH_OK && nm == 0 && nx == 0 && c->npreds == 0)
		s = ph_error_set(c->err, PH_ERR_INVALID,
		    _("the search query has no word to look for"));
	if (s == PH_OK) {
		if (nm)
			*match = ph_buf_take(&m);
		if (nx)
			*exclude = ph_buf_take(&x);
	}
	ph_buf_release(&m);
	ph_buf_release(&x);
	return s;
}

/* ------------------------------------------------------------ scoring */

struct doctoks {
	const char	*text;		/* of the column being split */
	struct ph_buf	 arena;
	struct tok	*t[PH_SCOL__COUNT];
	size_t		 n[PH_SCOL__COUNT], cap[PH_SCOL__COUNT];
	int		 col;
};

static int
collect_tok(void *arg, const char *tok, size_t toklen, size_t start,
    size_t end)
{
	struct doctoks	*d = arg;
	int		 c = d->col;
	struct tok	*t;

	if (d->n[c] == d->cap[c]) {
		d->cap[c] = d->cap[c] ? d->cap[c] * 2 : 64;
		d->t[c] = ph_xrealloc(d->t[c], d->cap[c] * sizeof *d->t[c]);
	}
	t = &d->t[c][d->n[c]++];
	t->foff = d->arena.len;
	t->flen = toklen;
	t->start = start;
	t->end = end;
	t->upper = ph_viet_is_upper_word(d->text + start, end - start);
	ph_buf_add(&d->arena, tok, toklen);
	return 0;
}

static void
doctoks_fill(struct doctoks *d, const struct ph_search_doc *doc)
{
	int	c;

	for (c = 0; c < PH_SCOL__COUNT; c++) {
		d->n[c] = 0;
		d->col = c;
		d->text = doc->col[c];
		ph_viet_fold_words(doc->col[c], strlen(doc->col[c]),
		    collect_tok, d);
	}
}

static void
doctoks_release(struct doctoks *d)
{
	int	c;

	for (c = 0; c < PH_SCOL__COUNT; c++)
		free(d->t[c]);
	ph_buf_release(&d->arena);
}

static int
tok_is(const struct doctoks *d, const struct tok *t, const char *w,
    int prefix)
{
	size_t	wl;

	if (w[0] == PH_UPPER_MARK) {
		if (!t->upper)
			return 0;
		w++;
	}
	wl = strlen(w);
	if (prefix)
		return t->flen >= wl && memcmp(d->arena.data + t->foff, w,
		    wl) == 0;
	return t->flen == wl && memcmp(d->arena.data + t->foff, w, wl) == 0;
}

/* Do words W (last one a prefix if PREFIX) start at token I of column C?
 * Returns how many tokens they take, or 0. */
static size_t
words_at(const struct doctoks *d, int c, size_t i, const struct ph_strv *w,
    int prefix)
{
	size_t	k;

	if (i + w->n > d->n[c])
		return 0;
	for (k = 0; k < w->n; k++)
		if (!tok_is(d, &d->t[c][i + k], w->v[k],
		    prefix && k + 1 == w->n))
			return 0;
	return w->n;
}

/* Are the words at token I.. of column C written with the marks typed? */
static int
exact_at(const struct doctoks *d, const struct ph_search_doc *doc, int c,
    size_t i, const struct term *t)
{
	size_t	 k;
	char	*w, *key;
	int	 same = 1;

	for (k = 0; k < t->w.n && same; k++) {
		const struct tok *tk = &d->t[c][i + k];
		if (t->prefix && k + 1 == t->w.n)
			break;	/* a prefix has no marks to compare */
		w = ph_xstrndup(doc->col[c] + tk->start, tk->end - tk->start);
		key = ph_viet_exact_key(w);
		same = strcmp(key, t->exact.v[k]) == 0;
		free(key);
		free(w);
	}
	return same;
}

static void
add_span(struct span **sp, size_t *n, size_t start, size_t end, int term,
    int exact)
{
	*sp = ph_xrealloc(*sp, (*n + 1) * sizeof **sp);
	(*sp)[*n].start = start;
	(*sp)[*n].end = end;
	(*sp)[*n].exact = exact;
	(*sp)[(*n)++].term = term;
}

/*
 * Do the query's words, when it is only words, stand together in this
 * order somewhere ("quy chế phối hợp" typed without quotes)?  Such a
 * letter is ranked above one with the words scattered.
 */
static int
words_adjacent(const struct ctx *c, const struct doctoks *d, int *at_col,
    size_t *at)
{
	size_t		i, k, n = 0, first = 0;
	int		col;

	for (k = 0; k < c->nterms; k++) {
		const struct term *t = &c->terms[k];
		if (t->optional)
			continue;
		if (t->w.n != 1 || t->prefix || t->col >= 0)
			return 0;
		if (n++ == 0)
			first = k;
	}
	if (n < 2)
		return 0;
	for (col = 0; col < PH_SCOL__COUNT; col++) {
		for (i = 0; i + n <= d->n[col]; i++) {
			size_t pos = i;
			for (k = first; k < c->nterms; k++) {
				const struct term *t = &c->terms[k];
				if (t->optional)
					continue;
				if (!tok_is(d, &d->t[col][pos], t->w.v[0], 0))
					break;
				pos++;
			}
			if (k == c->nterms) {
				*at_col = col;
				*at = d->t[col][i].start;
				return 1;
			}
		}
	}
	return 0;
}

/*
 * Score one letter: fills CA, and if SPANS is not NULL the matched words
 * of each column.  Needs exact keys only where they change the outcome:
 * for marked words, and for every word under --exact.
 */
static void
score_doc(struct ctx *c, const struct ph_search_doc *doc, struct doctoks *d,
    struct cand *ca, struct span **spans, size_t *nspans)
{
	size_t		 ti, i, a, took, marked = 0, exact = 0, nmatch = 0;
	int		 col, fuzzy_only = 0, inexact = 0;
	double		 bm = 0;

	doctoks_fill(d, doc);
	ca->dl = 0;
	for (col = 0; col < PH_SCOL__COUNT; col++)
		ca->dl += d->n[col];
	for (ti = 0; ti < c->nterms; ti++) {
		struct term *t = &c->terms[ti];

		t->tf = 0;
		t->plain = t->exact_hit = t->inexact_hit = t->alt_abbrev =
		    t->fuzzy = 0;
		for (col = 0; col < PH_SCOL__COUNT; col++) {
			if (t->col >= 0 && t->col != col)
				continue;
			for (i = 0; i < d->n[col]; i++) {
				if ((took = words_at(d, col, i, &t->w,
				    t->prefix)) > 0) {
					int ex = 1;
					t->plain++;
					t->tf += col_weight[col];
					if (t->marked || c->o->exact) {
						ex = exact_at(d, doc, col, i, t);
						if (ex)
							t->exact_hit++;
						else
							t->inexact_hit++;
					}
					if (spans != NULL)
						add_span(&spans[col],
						    &nspans[col],
						    d->t[col][i].start,
						    d->t[col][i + took - 1].end,
						    (int)ti, ex);
					continue;
				}
				for (a = 0; a < t->nalts; a++) {
					if ((took = words_at(d, col, i,
					    &t->alts[a].w, 0)) == 0)
						continue;
					if (t->alts[a].kind == ALT_FUZZY) {
						t->fuzzy++;
						t->tf += 0.5 * col_weight[col];
					} else {
						t->alt_abbrev++;
						t->tf += col_weight[col];
					}
					if (spans != NULL)
						add_span(&spans[col],
						    &nspans[col],
						    d->t[col][i].start,
						    d->t[col][i + took - 1].end,
						    (int)ti, 0);
					break;
				}
			}
		}
		if (t->plain || t->alt_abbrev || t->fuzzy)
			nmatch++;
		if (t->fuzzy && !t->plain && !t->alt_abbrev && !t->optional)
			fuzzy_only = 1;
		if (t->marked) {
			marked++;
			if (t->exact_hit)
				exact++;
		}
		/* Under --exact a word must be there as typed; a word met
		 * only through its abbreviation or a variant is not. */
		if (c->o->exact && (t->plain || t->alt_abbrev || t->fuzzy) &&
		    !t->exact_hit)
			inexact = 1;
		if (t->tf > 0)
			bm += t->idf * t->tf * (BM25_K1 + 1) /
			    (t->tf + BM25_K1 * (1 - BM25_B + BM25_B *
			    (double)ca->dl / AVG_DL));
	}
	ca->bm25 = bm;
	ca->nonfuzzy = !fuzzy_only;
	ca->allexact = marked > 0 && exact == marked;
	ca->phrase = words_adjacent(c, d, &ca->phrase_col, &ca->phrase_at);
	ca->exact_frac = marked ? (double)exact / (double)marked : 0;
	ca->flags = 0;
	if (fuzzy_only)
		ca->flags |= PH_HIT_FUZZY;
	if (marked > 0 && exact == marked)
		ca->flags |= PH_HIT_EXACT;
	ca->keep = nmatch > 0 && (!c->o->exact || (!inexact && !fuzzy_only));
	if (c->o->exact && ca->keep)
		ca->flags |= PH_HIT_EXACT;
	ca->date = doc->date;
}

static double
recency(const struct ctx *c, struct ph_date d)
{
	long	age;

	if (!ph_date_is_set(d))
		return 0;
	age = ph_date_to_days(c->today) - ph_date_to_days(d);
	if (age < 0)
		age = 0;
	return 1.0 / (1.0 + (double)age / 365.0);
}

/*
 * Tiers first, each weighing more than all below it together: no word
 * matched only fuzzily (16), every marked word found as typed (8), the
 * words standing together as typed (4); then the share of marked words
 * found as typed (1.5), BM25 scaled to the best candidate (1), recency
 * (0.5).  So a query with diacritics lists exact matches first, and OCR
 * or misspelt matches come after every true one.
 */
static void
final_scores(struct ctx *c, struct cand *v, size_t n)
{
	double	max = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].bm25 > max)
			max = v[i].bm25;
	for (i = 0; i < n; i++)
		v[i].score = 16.0 * v[i].nonfuzzy + 8.0 * v[i].allexact +
		    4.0 * v[i].phrase + 1.5 * v[i].exact_frac +
		    (max > 0 ? v[i].bm25 / max : 0) +
		    0.5 * recency(c, v[i].date);
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

static int
id_cmp_desc(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x > y ? -1 : x < y;
}

/* ------------------------------------------------------------ snippet */

#define SNIP_BEFORE	60	/* bytes of context before the first hit */
#define SNIP_LEN	220	/* bytes in all */

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static int
is_cont(char ch)
{
	return ((unsigned char)ch & 0xC0) == 0x80;
}

/*
 * A one-line extract of TEXT around its first span, with the spans
 * marked.  Control characters and runs of white space become one space,
 * so the line is safe to show and the marks stay right.
 */
static void
make_snippet(const char *text, struct span *sp, size_t nsp, int focus,
    size_t focus_at, struct ph_search_hit *h)
{
	size_t		 len = strlen(text), ws, we, i, k = 0, mark_at = 0;
	struct ph_buf	 b;
	int		 space = 0, in_mark = 0;

	if (nsp > 1)
		qsort(sp, nsp, sizeof *sp, span_cmp);
	/* Show the stretch where most of the query's words meet, not
	 * merely the first hit: "ủy ban nhân dân" is better shown where
	 * the four stand together than at the first "ban". */
	if (focus) {
		while (nsp > 1 && sp[0].start < focus_at) {
			sp++;
			nsp--;
		}
	} else if (nsp > 1) {
		size_t best = 0, bestn = 0, a, z, n;
		unsigned long seen;
		for (a = 0; a < nsp; a++) {
			seen = 0;
			n = 0;
			for (z = a; z < nsp && sp[z].end <= sp[a].start +
			    SNIP_LEN - SNIP_BEFORE; z++) {
				unsigned long bit = 1ul << (sp[z].term % 64);
				if (!(seen & bit)) {
					seen |= bit;
					n++;
				}
			}
			if (n > bestn) {
				bestn = n;
				best = a;
			}
		}
		sp += best;
		nsp -= best;
	}
	ws = nsp > 0 && sp[0].start > SNIP_BEFORE ? sp[0].start - SNIP_BEFORE :
	    0;
	/* Start at a word: after the first space past WS. */
	if (ws > 0) {
		while (ws < len && text[ws] != ' ' && text[ws] != '\n' &&
		    (nsp == 0 || ws < sp[0].start))
			ws++;
		while (ws < len && is_cont(text[ws]))
			ws++;
	}
	we = ws + SNIP_LEN < len ? ws + SNIP_LEN : len;
	if (nsp > 0 && we < sp[0].end)
		we = sp[0].end;
	while (we < len && is_cont(text[we]))
		we++;
	/* End at a word boundary if one is near. */
	if (we < len) {
		size_t back = we;
		while (back > ws && text[back] != ' ' && we - back < 30)
			back--;
		if (text[back] == ' ' && back > ws &&
		    (nsp == 0 || back >= sp[0].end))
			we = back;
	}
	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	h->marks = NULL;
	h->nmarks = 0;
	if (ws > 0)
		ph_buf_adds(&b, "…");
	for (i = ws; i < we; i++) {
		unsigned char ch = (unsigned char)text[i];
		int blank = ch < 0x20 || ch == 0x7f || ch == ' ' ||
		    (ch == 0xC2 && i + 1 < len &&
		    (unsigned char)text[i + 1] >= 0x80 &&
		    (unsigned char)text[i + 1] <= 0x9F);

		while (k < nsp && sp[k].end <= i && !in_mark)
			k++;
		if (!in_mark && k < nsp && sp[k].start == i) {
			in_mark = 1;
			mark_at = b.len;
		}
		if (blank) {
			if (ch == 0xC2)
				i++;
			if (!space && b.len > 0)
				ph_buf_addc(&b, ' ');
			space = 1;
		} else {
			ph_buf_addc(&b, (char)ch);
			space = 0;
		}
		if (in_mark && i + 1 >= sp[k].end) {
			h->marks = ph_xrealloc(h->marks, (h->nmarks + 1) *
			    sizeof *h->marks);
			h->marks[h->nmarks].off = mark_at;
			h->marks[h->nmarks++].len = b.len - mark_at;
			in_mark = 0;
			k++;
		}
	}
	if (in_mark) {
		h->marks = ph_xrealloc(h->marks, (h->nmarks + 1) *
		    sizeof *h->marks);
		h->marks[h->nmarks].off = mark_at;
		h->marks[h->nmarks++].len = b.len - mark_at;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if (we < len)
		ph_buf_adds(&b, "…");
	h->snippet = ph_buf_take(&b);
}

/* Fill hit H from letter ID: its fields, and a snippet from the column
 * with the most matched words. */
static enum ph_status
fill_hit(struct ctx *c, const struct cand *ca, struct ph_search_hit *h)
{
	struct ph_search_doc	 doc;
	struct doctoks		 d;
	struct span		*sp[PH_SCOL__COUNT];
	size_t			 nsp[PH_SCOL__COUNT];
	struct cand		 tmp;
	enum ph_status		 s;
	int			 k, best = PH_SCOL_SUBJECT;
	size_t			 most = 0;

	memset(&doc, 0, sizeof doc);
	if ((s = ph_store_search_doc(c->st, ca->id, &doc, c->err)) != PH_OK)
		return s;
	memset(&d, 0, sizeof d);
	ph_buf_init(&d.arena);
	memset(sp, 0, sizeof sp);
	memset(nsp, 0, sizeof nsp);
	if (c->nterms > 0)
		score_doc(c, &doc, &d, &tmp, sp, nsp);
	/* Where a marked word is there as typed, mark only those places:
	 * "bản" is no hit for a clerk who typed "ban" with its marks
	 * ("Ủy ban") if the letter also has "ban" itself. */
	for (k = 0; k < PH_SCOL__COUNT; k++) {
		size_t a, z = 0;
		for (a = 0; a < nsp[k]; a++) {
			const struct term *t = &c->terms[sp[k][a].term];
			if (!sp[k][a].exact && t->marked && t->exact_hit > 0)
				continue;
			sp[k][z++] = sp[k][a];
		}
		nsp[k] = z;
	}
	for (k = 0; k < PH_SCOL__COUNT; k++) {
		int col = snippet_order[k];
		if (nsp[col] > most) {
			most = nsp[col];
			best = col;
		}
	}
	if (c->nterms > 0 && tmp.phrase)
		best = tmp.phrase_col;
	h->id = ca->id;
	h->date = doc.date;
	h->number = ph_xstrdup(doc.col[PH_SCOL_NUMBER]);
	h->issuer = ph_xstrdup(doc.col[PH_SCOL_ISSUER]);
	h->subject = ph_xstrdup(doc.col[PH_SCOL_SUBJECT]);
	h->score = ca->score;
	h->flags = ca->flags;
	make_snippet(doc.col[best], sp[best], nsp[best],
	    c->nterms > 0 && tmp.phrase, tmp.phrase_at, h);
	for (k = 0; k < PH_SCOL__COUNT; k++)
		free(sp[k]);
	doctoks_release(&d);
	ph_search_doc_release(&doc);
	return PH_OK;
}

/* ------------------------------------------------------------ the search */

static enum ph_status
rank_ids(struct ctx *c, const int64_t *ids, size_t nids, struct cand **out,
    size_t *nout)
{
	struct ph_search_doc	 doc;
	struct doctoks		 d;
	struct cand		 ca;
	enum ph_status		 s = PH_OK;
	size_t			 i;

	memset(&d, 0, sizeof d);
	ph_buf_init(&d.arena);
	for (i = 0; i < nids; i++) {
		memset(&doc, 0, sizeof doc);
		if ((s = ph_store_search_doc(c->st, ids[i], &doc, c->err)) !=
		    PH_OK)
			break;
		d.arena.len = 0;
		memset(&ca, 0, sizeof ca);
		ca.id = ids[i];
		if (c->nterms > 0)
			score_doc(c, &doc, &d, &ca, NULL, NULL);
		else {
			ca.keep = 1;
			ca.date = doc.date;
		}
		ph_search_doc_release(&doc);
		if (!ca.keep)
			continue;
		*out = ph_xrealloc(*out, (*nout + 1) * sizeof **out);
		(*out)[(*nout)++] = ca;
	}
	doctoks_release(&d);
	return s;
}

/* Does the query hold a phrase (typed, or an abbreviation's full form)?
 * FTS5 checks a phrase under a column filter against the whole index
 * whatever rowid bound it is given, which costs a tenth of a second on a
 * million letters: the subject look-up is skipped for such queries. */
static int
has_phrase(const struct ctx *c)
{
	size_t	i, a;

	for (i = 0; i < c->nterms; i++) {
		if (c->terms[i].w.n > 1)
			return 1;
		for (a = 0; a < c->terms[i].nalts; a++)
			if (c->terms[i].alts[a].w.n > 1)
				return 1;
	}
	return 0;
}

/* Sorted unique union of A and B into A. */
static void
merge_ids(int64_t **a, size_t *na, const int64_t *b, size_t nb)
{
	size_t	i, j = 0;

	*a = ph_xrealloc(*a, (*na + nb + 1) * sizeof **a);
	if (nb > 0)
		memcpy(*a + *na, b, nb * sizeof *b);
	*na += nb;
	qsort(*a, *na, sizeof **a, id_cmp_desc);
	for (i = 0; i < *na; i++)
		if (j == 0 || (*a)[j - 1] != (*a)[i])
			(*a)[j++] = (*a)[i];
	*na = j;
}

static enum ph_status
words_search(struct ctx *c, const struct ph_sq *q,
    struct ph_search_result *out)
{
	struct ph_search_scan	 scan;
	char			*match = NULL, *exclude = NULL, *subj = NULL;
	int64_t			*ids = NULL, *more = NULL, before;
	size_t			 nids = 0, nmore = 0, want, ncand = 0, i;
	struct cand		*cand = NULL;
	enum ph_status		 s;
	const size_t		 page = 1000;

	if ((s = compile_top(c, q, &match, &exclude)) != PH_OK)
		return s;
	memset(&scan, 0, sizeof scan);
	scan.match = match;
	scan.exclude = exclude;
	scan.preds = c->preds;
	scan.npreds = c->npreds;
	scan.today = c->today;
	want = c->o->count_only ? 0 : c->o->offset + c->o->limit;
	out->plan = ph_xasprintf("%s%s%s", match != NULL ? match : "*",
	    exclude != NULL ? " EXCLUDING " : "", exclude != NULL ? exclude :
	    "");

	if (c->o->count_only && !c->o->exact) {
		s = ph_store_search_count(c->st, &scan, &out->total, c->err);
		goto out;
	}
	if (c->o->exact && match != NULL) {
		/* Every hit is read: exactness is not in the index. */
		before = 0;
		do {
			nids = 0;
			if ((s = ph_store_search_ids(c->st, &scan, before, page,
			    &ids, &nids, c->err)) != PH_OK)
				goto out;
			if ((s = rank_ids(c, ids, nids, &cand, &ncand)) !=
			    PH_OK)
				goto out;
			if (nids > 0)
				before = ids[nids - 1];
		} while (nids == page);
		out->total = (int64_t)ncand;
	} else {
		size_t k = want * 5 > CAND_MIN ? want * 5 : CAND_MIN;
		if ((s = ph_store_search_ids(c->st, &scan, 0, k, &ids, &nids,
		    c->err)) != PH_OK)
			goto out;
		/* The newest hits in the subject too: a letter named after
		 * the words beats a newer one that mentions them once. */
		if (match != NULL && nids == k && c->npreds == 0 &&
		    !has_phrase(c)) {
			/* ... but only in a stretch of the register
			 * SUBJ_WINDOW times as long as the one the newest
			 * hits came from: a subject filter is checked hit by
			 * hit, and words that are in half the register's
			 * bodies and few subjects would walk half of it. */
			int64_t span = ids[0] - ids[nids - 1] + 1;
			if (ids[nids - 1] > span * SUBJ_WINDOW)
				scan.min_id = ids[nids - 1] -
				    span * SUBJ_WINDOW;
			subj = ph_xasprintf("{subject} : (%s)", match);
			scan.match = subj;
			s = ph_store_search_ids(c->st, &scan, 0, k / 2, &more,
			    &nmore, c->err);
			scan.match = match;
			scan.min_id = 0;
			if (s != PH_OK)
				goto out;
			merge_ids(&ids, &nids, more, nmore);
		}
		if ((s = rank_ids(c, ids, nids, &cand, &ncand)) != PH_OK)
			goto out;
		if (c->o->no_count)
			out->total = -1;
		else if ((s = ph_store_search_count(c->st, &scan, &out->total,
		    c->err)) != PH_OK)
			goto out;
	}
	if (c->nterms > 0)
		final_scores(c, cand, ncand);
	else
		for (i = 0; i < ncand; i++)
			cand[i].score = recency(c, cand[i].date);
	if (ncand > 1)
		qsort(cand, ncand, sizeof *cand, cand_cmp);
	for (i = c->o->offset; i < ncand && i < want; i++) {
		out->hits = ph_xrealloc(out->hits, (out->nhits + 1) *
		    sizeof *out->hits);
		memset(&out->hits[out->nhits], 0, sizeof *out->hits);
		if ((s = fill_hit(c, &cand[i], &out->hits[out->nhits])) !=
		    PH_OK)
			goto out;
		out->nhits++;
	}
out:
	free(cand);
	free(ids);
	free(more);
	free(subj);
	free(match);
	free(exclude);
	return s;
}

/* ------------------------------------------------------------ regex */

struct rx {
	struct ctx		*c;
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	struct ph_search_result	*out;
	size_t			 want, seen;
	enum ph_status		 s;
	int64_t			 failed_id;
	int			 failed_rc;
};

static int
rx_doc(const struct ph_search_doc *doc, void *arg)
{
	struct rx		*r = arg;
	struct ph_search_hit	*h;
	struct span		*sp = NULL;
	size_t			 nsp = 0, off, len;
	PCRE2_SIZE		*ov;
	int			 col, rc, hitcol = -1, k;

	for (k = 0; k < PH_SCOL__COUNT; k++) {
		col = snippet_order[k];
		len = strlen(doc->col[col]);
		off = 0;
		while (off <= len) {
			rc = pcre2_match(r->code, (PCRE2_SPTR)doc->col[col],
			    len, off, off > 0 ? PCRE2_NO_UTF_CHECK : 0, r->md,
			    r->mc);
			if (rc == PCRE2_ERROR_NOMATCH)
				break;
			if (rc < 0) {
				r->failed_rc = rc;
				r->failed_id = doc->id;
				free(sp);
				return 1;
			}
			ov = pcre2_get_ovector_pointer(r->md);
			if (hitcol < 0)
				hitcol = col;
			if (col != hitcol || nsp >= 32)
				break;
			add_span(&sp, &nsp, ov[0], ov[1], 0, 1);
			/* An empty match moves on by one character. */
			off = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
			while (off < len && is_cont(doc->col[col][off]))
				off++;
		}
		if (hitcol >= 0 && r->seen >= r->want)
			break;	/* counting only: one column is enough */
	}
	if (hitcol < 0)
		return 0;
	r->seen++;
	if (r->seen > r->c->o->offset && r->seen <= r->want) {
		r->out->hits = ph_xrealloc(r->out->hits, (r->out->nhits + 1) *
		    sizeof *r->out->hits);
		h = &r->out->hits[r->out->nhits++];
		memset(h, 0, sizeof *h);
		h->id = doc->id;
		h->date = doc->date;
		h->number = ph_xstrdup(doc->col[PH_SCOL_NUMBER]);
		h->issuer = ph_xstrdup(doc->col[PH_SCOL_ISSUER]);
		h->subject = ph_xstrdup(doc->col[PH_SCOL_SUBJECT]);
		h->score = recency(r->c, doc->date);
		make_snippet(doc->col[hitcol], sp, nsp, 0, 0, h);
	}
	free(sp);
	return r->seen >= r->want && r->c->o->no_count;
}

static enum ph_status
regex_search(struct ctx *c, struct ph_search_result *out)
{
	struct rx		 r;
	int			 ec;
	PCRE2_SIZE		 eoff;
	PCRE2_UCHAR		 msg[160];
	enum ph_status		 s;
	uint32_t		 opts = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS;
	char			*pat;

	memset(&r, 0, sizeof r);
	/* The pattern meets NFC text, so it is made NFC too: "ủy" typed
	 * on a Mac must match. */
	pat = ph_viet_nfc(c->o->query);
	r.code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts,
	    &ec, &eoff, NULL);
	if (r.code == NULL) {
		pcre2_get_error_message(ec, msg, sizeof msg);
		s = ph_error_set(c->err, PH_ERR_INVALID,
		    _("bad regular expression %s at offset %zu: %s"), pat,
		    (size_t)eoff, (const char *)msg);
		free(pat);
		return s;
	}
	free(pat);
	/* JIT where the platform has it; the interpreter otherwise. */
	(void)pcre2_jit_compile(r.code, PCRE2_JIT_COMPLETE);
	r.md = pcre2_match_data_create_from_pattern(r.code, NULL);
	r.mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(r.mc, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(r.mc, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(r.mc, RX_HEAP_LIMIT);
	r.c = c;
	r.out = out;
	r.want = c->o->count_only ? 0 : c->o->offset + c->o->limit;
	s = ph_store_search_docs(c->st, 0, rx_doc, &r, c->err);
	if (s == PH_OK && r.failed_rc != 0) {
		pcre2_get_error_message(r.failed_rc, msg, sizeof msg);
		s = ph_error_set(c->err, PH_ERR_INVALID,
		    _("the regular expression %s is too costly on letter %lld (%s): make it simpler"),
		    c->o->query, (long long)r.failed_id, (const char *)msg);
	}
	out->total = c->o->no_count ? -1 : (int64_t)r.seen;
	pcre2_match_context_free(r.mc);
	pcre2_match_data_free(r.md);
	pcre2_code_free(r.code);
	return s;
}

/* ------------------------------------------------------------ entry */

void
ph_search_result_release(struct ph_search_result *r)
{
	size_t	i;

	for (i = 0; i < r->nhits; i++) {
		free(r->hits[i].number);
		free(r->hits[i].issuer);
		free(r->hits[i].subject);
		free(r->hits[i].snippet);
		free(r->hits[i].marks);
	}
	free(r->hits);
	r->hits = NULL;
	r->nhits = 0;
	free(r->plan);
	r->plan = NULL;
}

enum ph_status
ph_search(struct ph_store *st, const struct ph_search_opts *o,
    struct ph_search_result *out, struct ph_error *err)
{
	struct ctx		 c;
	struct ph_search_opts	 opts = *o;
	struct ph_sq		*q = NULL;
	enum ph_status		 s;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	if (opts.limit == 0)
		opts.limit = 20;
	c.st = st;
	c.o = &opts;
	c.err = err;
	c.today = ph_date_is_set(o->today) ? o->today : ph_today();
	if (o->query == NULL || *o->query == '\0')
		return ph_error_set(err, PH_ERR_INVALID,
		    _("the search query is empty"));
	if (opts.regex) {
		s = regex_search(&c, out);
		goto done;
	}
	if ((s = ph_sq_parse(o->query, &q, err)) != PH_OK)
		goto done;
	/* No file is no abbreviations; a file with a bad line is an error
	 * (the clerk edits it and must hear about a mistake). */
	if (o->abbrev_path != NULL && access(o->abbrev_path, F_OK) == 0 &&
	    (s = ph_abbrev_load(o->abbrev_path, &c.ab, err)) != PH_OK)
		goto done;
	if ((s = ph_store_search_ndocs(st, &c.ndocs, err)) != PH_OK)
		goto done;
	s = words_search(&c, q, out);
done:
	if (s != PH_OK)
		ph_search_result_release(out);
	ph_sq_free(q);
	ctx_release(&c);
	return s;
}
