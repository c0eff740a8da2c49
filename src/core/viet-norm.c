/*
 * viet-norm.c -- NFC and NFD, and case mapping, for Vietnamese letters.
 *
 * Not a general Unicode normaliser: it composes the vowel letters with the
 * eight marks Vietnamese uses (text pasted from Word or a Mac arrives in
 * NFD), which is what the register stores and compares, and splits them
 * again (NFD) for code that wants one mark at a time.  Tone placement
 * styles (hoà/hòa) are a matter for viet-tone.c, not for this file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "viet.h"
#include "viet-norm-table.h"

#define NPAIRS	(sizeof viet_pairs / sizeof viet_pairs[0])

/* Canonical combining class of the marks we compose; 0 for anything else
 * that is not a mark we know (then it blocks nothing we care about). */
static int
ccc(uint32_t cp)
{
	switch (cp) {
	case 0x031B:
		return 216;
	case 0x0323:
		return 220;
	case 0x0300: case 0x0301: case 0x0302: case 0x0303: case 0x0306:
	case 0x0309:
		return 230;
	default:
		return 0;
	}
}

static int
pair_cmp(const void *k, const void *e)
{
	const struct viet_pair	*a = k, *b = e;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->mark != b->mark)
		return a->mark < b->mark ? -1 : 1;
	return 0;
}

static uint32_t
compose(uint32_t first, uint32_t mark)
{
	struct viet_pair	 key = { first, mark, 0 };
	const struct viet_pair	*hit;

	hit = bsearch(&key, viet_pairs, NPAIRS, sizeof viet_pairs[0],
	    pair_cmp);
	return hit != NULL ? hit->composed : 0;
}

/*
 * Split a precomposed letter into its base and marks ("ậ" -> 'a' U+0323
 * U+0302), appending the marks to MARKS (room for 2).  Text typed as
 * "Unicode tổ hợp" carries a precomposed â/ê/ô/ă followed by a combining
 * tone; with the dot below there is no direct pair for that in the table,
 * and NFC is defined on the full decomposition anyway.
 */
static uint32_t
decompose(uint32_t cp, uint32_t *marks, size_t *nm)
{
	size_t		k;
	uint32_t	base;

	for (k = 0; k < NPAIRS; k++) {
		if (viet_pairs[k].composed == cp) {
			base = decompose(viet_pairs[k].first, marks, nm);
			marks[(*nm)++] = viet_pairs[k].mark;
			return base;
		}
	}
	return cp;
}

static void
put(struct ph_buf *b, uint32_t cp)
{
	char	tmp[4];

	ph_buf_add(b, tmp, ph_utf8_encode(cp, tmp));
}

char *
ph_viet_nfc(const char *s)
{
	struct ph_buf	 out;
	size_t		 len = strlen(s), i = 0, nm, k, j, cap = 0;
	int32_t		 cp;
	uint32_t	 base, *marks = NULL, *left = NULL, own[2];
	size_t		 nleft, nown;

	ph_buf_init(&out);
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0) {
			ph_buf_addc(&out, s[i - 1]);
			continue;
		}
		base = (uint32_t)cp;
		/* Collect the marks that follow, however many: a run cut
		 * short would start a second run, and NFC of the result
		 * would not be the result. */
		nm = 0;
		while (i < len) {
			size_t save = i;
			int32_t m = ph_utf8_decode(s, len, &i);
			if (m < 0 || ccc((uint32_t)m) == 0) {
				i = save;
				break;
			}
			if (nm + 2 >= cap) {
				cap = cap ? cap * 2 : 32;
				marks = ph_xrealloc(marks, cap * sizeof *marks);
				left = ph_xrealloc(left, cap * sizeof *left);
			}
			marks[nm++] = (uint32_t)m;
		}
		if (nm == 0) {
			put(&out, base);
			continue;
		}
		/* The base's own marks come before the ones that follow. */
		nown = 0;
		base = decompose(base, own, &nown);
		memmove(marks + nown, marks, nm * sizeof *marks);
		memcpy(marks, own, nown * sizeof *own);
		nm += nown;
		/* Canonical order: stable insertion sort by class. */
		for (k = 1; k < nm; k++) {
			uint32_t m = marks[k];
			for (j = k; j > 0 && ccc(marks[j - 1]) > ccc(m); j--)
				marks[j] = marks[j - 1];
			marks[j] = m;
		}
		/* Compose; a mark is blocked by an uncomposed one of the same
		 * class before it. */
		nleft = 0;
		for (k = 0; k < nm; k++) {
			uint32_t c = 0;
			if (nleft == 0 || ccc(left[nleft - 1]) < ccc(marks[k]))
				c = compose(base, marks[k]);
			if (c != 0)
				base = c;
			else
				left[nleft++] = marks[k];
		}
		put(&out, base);
		for (k = 0; k < nleft; k++)
			put(&out, left[k]);
	}
	free(marks);
	free(left);
	return ph_buf_take(&out);
}

/*
 * The other way: every letter the table composes is split into its base
 * and marks, and the marks after it are sorted with its own into
 * canonical order (U+031B, then U+0323, then the class-230 marks, each
 * class in the order written; a decomposition gives the vowel mark before
 * the tone, so "ấ" is a U+0302 U+0301).  The syllable parser in
 * viet-tone.c reads marks one code point at a time, and text bound for a
 * Mac or for a search index that wants NFD comes through here.
 */
char *
ph_viet_nfd(const char *s)
{
	struct ph_buf	 out;
	size_t		 len = strlen(s), i = 0, nm, k, j, save, cap = 32;
	int32_t		 cp, m;
	uint32_t	 base, *marks = ph_xmalloc(cap * sizeof *marks);

	ph_buf_init(&out);
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0) {
			ph_buf_addc(&out, s[i - 1]);
			continue;
		}
		/*
		 * A mark with no letter before it (at the start, after a
		 * stray byte) stands for its letter, as in ph_viet_nfc(), so
		 * that NFC of the NFD is always the NFC.
		 */
		nm = 0;
		base = (uint32_t)cp;
		if (base >= 0xC0)		/* the table starts at À */
			base = decompose(base, marks, &nm);
		while (i < len) {
			save = i;
			m = ph_utf8_decode(s, len, &i);
			if (m < 0 || ccc((uint32_t)m) == 0) {
				i = save;
				break;
			}
			if (nm == cap) {
				cap *= 2;
				marks = ph_xrealloc(marks, cap * sizeof *marks);
			}
			marks[nm++] = (uint32_t)m;
		}
		/* Stable, as in ph_viet_nfc(): equal classes keep order. */
		for (k = 1; k < nm; k++) {
			uint32_t mk = marks[k];
			for (j = k; j > 0 && ccc(marks[j - 1]) > ccc(mk); j--)
				marks[j] = marks[j - 1];
			marks[j] = mk;
		}
		put(&out, base);
		for (k = 0; k < nm; k++)
			put(&out, marks[k]);
	}
	free(marks);
	return ph_buf_take(&out);
}

uint32_t
ph_viet_lower_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x137 && (cp & 1) == 0)
		return cp + 1;
	if (cp >= 0x139 && cp <= 0x148 && (cp & 1) == 1)
		return cp + 1;
	if (cp >= 0x14A && cp <= 0x177 && (cp & 1) == 0)
		return cp + 1;
	if (cp == 0x1A0 || cp == 0x1AF)
		return cp + 1;
	if (cp >= 0x1EA0 && cp <= 0x1EF9 && (cp & 1) == 0)
		return cp + 1;
	return cp;
}

uint32_t
ph_viet_upper_cp(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
		return cp - 32;
	if (cp >= 0x101 && cp <= 0x137 && (cp & 1) == 1)
		return cp - 1;
	if (cp >= 0x13A && cp <= 0x148 && (cp & 1) == 0)
		return cp - 1;
	if (cp >= 0x14B && cp <= 0x177 && (cp & 1) == 1)
		return cp - 1;
	if (cp == 0x1A1 || cp == 0x1B0)
		return cp - 1;
	if (cp >= 0x1EA1 && cp <= 0x1EF9 && (cp & 1) == 1)
		return cp - 1;
	return cp;
}

static char *
map_case(const char *s, uint32_t (*fn)(uint32_t))
{
	struct ph_buf	out;
	size_t		len = strlen(s), i = 0;
	int32_t		cp;

	ph_buf_init(&out);
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		if (cp < 0)
			ph_buf_addc(&out, s[i - 1]);
		else
			put(&out, fn((uint32_t)cp));
	}
	return ph_buf_take(&out);
}

char *
ph_viet_lower(const char *s)
{
	return map_case(s, ph_viet_lower_cp);
}

char *
ph_viet_upper(const char *s)
{
	return map_case(s, ph_viet_upper_cp);
}

char *
ph_viet_name_key(const char *s)
{
	char		*nfc = ph_viet_nfc(s), *low = ph_viet_lower(nfc), *p;
	struct ph_buf	 out;
	int		 space = 0;

	free(nfc);
	ph_buf_init(&out);
	for (p = low; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			ph_buf_addc(&out, ' ');
		space = 0;
		ph_buf_addc(&out, *p);
	}
	free(low);
	return ph_buf_take(&out);
}
