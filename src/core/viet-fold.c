/*
 * viet-fold.c -- folding for search: what the clerk types without
 * diacritics must meet what was written with them.
 *
 * Folding lowers case, removes every vowel and tone mark and turns đ into
 * d, so "Đảng ủy", "ĐẢNG UỶ", "dang uy" and the NFD text pasted from Word
 * all fold to "dang uy".  Tone placement (hòa/hoà) disappears with the
 * marks.  This file does not decide what a word is for the index (that is
 * the tokenizer in store-search.c) nor how close two words are (search.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "viet.h"

/*
 * The precomposed Latin letters live in two blocks: U+00C0..U+024F and
 * Latin Extended Additional U+1E00..U+1EFF (ạ ả ấ ... ỹ).  Their folds are
 * computed once from the NFD of each letter rather than typed by hand, so
 * the table cannot disagree with normalisation.
 */
#define LO_FIRST	0x00C0u
#define LO_LAST		0x024Fu
#define HI_FIRST	0x1E00u
#define HI_LAST		0x1EFFu

static uint16_t	fold_lo[LO_LAST - LO_FIRST + 1];
static uint16_t	fold_hi[HI_LAST - HI_FIRST + 1];
/* The core runs on one thread (one SQLite connection), so a flag is
 * enough to build the tables once. */
static int	fold_ready;

static uint16_t
fold_of(uint32_t cp)
{
	char		 in[5], *nfd;
	size_t		 n, i = 0;
	int32_t		 base;

	if (cp == 0x0110 || cp == 0x0111)	/* Đ đ */
		return 'd';
	n = ph_utf8_encode(cp, in);
	in[n] = '\0';
	nfd = ph_viet_nfd(in);
	base = ph_utf8_decode(nfd, strlen(nfd), &i);
	free(nfd);
	if (base < 0)
		base = (int32_t)cp;
	return (uint16_t)ph_viet_lower_cp((uint32_t)base);
}

static void
fold_init(void)
{
	uint32_t	cp;

	for (cp = LO_FIRST; cp <= LO_LAST; cp++)
		fold_lo[cp - LO_FIRST] = fold_of(cp);
	for (cp = HI_FIRST; cp <= HI_LAST; cp++)
		fold_hi[cp - HI_FIRST] = fold_of(cp);
	fold_ready = 1;
}

/* The combining marks Vietnamese text carries (and the rest of the
 * combining diacritical marks block, which OCR and odd keyboards emit). */
static int
is_mark(uint32_t cp)
{
	return cp >= 0x0300 && cp <= 0x036F;
}

uint32_t
ph_viet_fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (is_mark(cp))
		return 0;
	if (!fold_ready)
		fold_init();
	if (cp >= LO_FIRST && cp <= LO_LAST)
		return fold_lo[cp - LO_FIRST];
	if (cp >= HI_FIRST && cp <= HI_LAST)
		return fold_hi[cp - HI_FIRST];
	return ph_viet_lower_cp(cp);
}

char *
ph_viet_fold(const char *s)
{
	struct ph_buf	 b;
	size_t		 len = strlen(s), i = 0;
	int32_t		 cp;
	uint32_t	 f;
	char		 tmp[4];

	ph_buf_init(&b);
	ph_buf_add(&b, "", 0);
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0) {
			ph_buf_addc(&b, s[i - 1]);
			continue;
		}
		if ((f = ph_viet_fold_cp((uint32_t)cp)) != 0)
			ph_buf_add(&b, tmp, ph_utf8_encode(f, tmp));
	}
	return ph_buf_take(&b);
}

int
ph_viet_has_marks(const char *s, size_t len)
{
	size_t		i = 0;
	int32_t		cp;

	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0x80)
			continue;
		if (is_mark((uint32_t)cp))
			return 1;
		/* A letter whose fold is another letter lost a mark (case
		 * alone does not count: "À" has one, "Ă" too, "Z" none). */
		if (ph_viet_fold_cp((uint32_t)cp) !=
		    ph_viet_lower_cp((uint32_t)cp))
			return 1;
	}
	return 0;
}

int
ph_viet_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (is_mark(cp))
		return 1;
	/* Latin-1 letters, but not × (D7) and ÷ (F7). */
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	if (cp >= HI_FIRST && cp <= HI_LAST)
		return 1;
	/* Greek, Cyrillic and the rest of the letters of the world are
	 * words too: a name in another script must still be findable.
	 * Punctuation, symbols and spaces below U+0370 and the general
	 * punctuation block are not. */
	if (cp < 0x0370)
		return 0;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)	/* CJK punctuation */
		return 0;
	if (cp >= 0xFE00 && cp <= 0xFE0F)	/* variation selectors */
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFF0F)	/* full-width punctuation */
		return 0;
	return 1;
}

int
ph_viet_fold_words(const char *s, size_t len, ph_fold_word_cb fn, void *arg)
{
	char		 tok[PH_FOLD_WORD_MAX + 4];
	size_t		 i = 0, at, start = 0, n = 0, k;
	int32_t		 cp;
	uint32_t	 f;
	int		 in_word = 0, cut = 0, rc;

	for (;;) {
		at = i;
		cp = i < len ? ph_utf8_decode(s, len, &i) : -2;
		if (cp >= 0 && ph_viet_is_word_cp((uint32_t)cp)) {
			if (!in_word) {
				in_word = 1;
				start = at;
				n = 0;
				cut = 0;
			}
			/* TOK has room for one more character than the
			 * limit; one that does not fit ends the word's
			 * token, never half a character. */
			if (!cut && (f = ph_viet_fold_cp((uint32_t)cp)) != 0) {
				k = ph_utf8_encode(f, tok + n);
				if (n + k <= PH_FOLD_WORD_MAX)
					n += k;
				else
					cut = 1;
			}
			continue;
		}
		if (in_word) {
			in_word = 0;
			if (n > 0 && (rc = fn(arg, tok, n, start, at)) != 0)
				return rc;
		}
		if (cp == -2)
			return 0;
	}
}

int
ph_viet_is_upper_word(const char *s, size_t len)
{
	size_t		i = 0;
	int32_t		cp;
	int		letters = 0;

	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0)
			return 0;
		if (ph_viet_lower_cp((uint32_t)cp) != (uint32_t)cp)
			letters++;		/* a capital */
		else if (ph_viet_upper_cp((uint32_t)cp) != (uint32_t)cp)
			return 0;		/* a small letter */
	}
	return letters >= 2;
}
