/*
 * viet-tone.c -- Vietnamese syllables (onset, nucleus, coda, tone) and
 * where the tone mark goes, in the old style (hòa, thủy) or the new one
 * (hoà, thuỷ).
 *
 * A spelling model, not a dictionary: a word is a syllable when it splits
 * into one of the 27 onsets, one to three vowels and one of the eight
 * final consonants (or a final i y o u), with at most one tone on a vowel.
 * That is enough to move a tone to its place and to leave "TW", "ANTT",
 * "A1" and most English alone; it will take an English "ban" or "than"
 * for Vietnamese, which is harmless since those carry no tone to move.
 * Folding for search is viet-fold.c; typing is viet-input.c, which uses
 * the parser and formatter here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "viet.h"

/* Vowel quality marks (and the stroke of đ) as they sit on one letter. */
enum quality {
	Q_NONE = 0,
	Q_HAT,		/* â ê ô  U+0302 */
	Q_BREVE,	/* ă      U+0306 */
	Q_HORN,		/* ơ ư    U+031B */
	Q_BAR		/* đ */
};

struct vletter {
	char	base;		/* 'a'..'z', lower case */
	char	quality;	/* enum quality */
	char	upper;
};

/* "nghiêng" has 7 letters; anything much longer is not one syllable. */
#define MAXLETTERS	12
/* Nor is a word longer than this many bytes, even in NFD. */
#define MAXWORDBYTES	64

struct vword {
	struct vletter	l[MAXLETTERS];
	size_t		n;
	enum ph_tone	tone;
};

enum coda_kind {
	CODA_NONE,
	CODA_SEMIVOWEL,		/* i y o u closing the rhyme: hai, cao */
	CODA_CONSONANT		/* c ch m n ng nh p t */
};

/* Indexed by enum ph_tone. */
static const uint32_t tone_mark[] = {
	0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323
};

/* Onsets as consonant runs; "gi" and "qu" are found apart, since their
 * second letter is a vowel. đ is checked on its own. */
static const char *const onsets[] = {
	"b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng",
	"ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"
};

static const char *const codas[] = {
	"c", "ch", "m", "n", "ng", "nh", "p", "t"
};

static enum ph_tone
tone_of(uint32_t mark)
{
	switch (mark) {
	case 0x0301:
		return PH_TONE_ACUTE;
	case 0x0300:
		return PH_TONE_GRAVE;
	case 0x0309:
		return PH_TONE_HOOK;
	case 0x0303:
		return PH_TONE_TILDE;
	case 0x0323:
		return PH_TONE_DOT;
	default:
		return PH_TONE_NONE;
	}
}

static int
is_vowel(const struct vletter *v)
{
	return v->quality != Q_BAR && strchr("aeiouy", v->base) != NULL;
}

static int
is_plain(const struct vletter *v, char base)
{
	return v->base == base && v->quality == Q_NONE;
}

static void
put(struct ph_buf *b, uint32_t cp)
{
	char	tmp[4];

	ph_buf_add(b, tmp, ph_utf8_encode(cp, tmp));
}

/*
 * Read S[0..LEN) into W, one letter per base with its marks.  Going
 * through NFD means a precomposed "ợ", "ơ" + U+0323 and "o" + U+0323 +
 * U+031B all arrive as the same three code points.  Marks are taken in
 * any order, so "é" + U+0302 (an order Unicode does not compose) reads as
 * ế: that is what the writer meant.  Returns 0 for anything that is not
 * Latin letters with Vietnamese marks, for a vowel mark on a letter that
 * cannot carry it, for a tone on a consonant and for a second tone.
 */
static int
read_letters(const char *s, size_t len, struct vword *w)
{
	char		*copy, *nfd;
	size_t		 nlen, i = 0;
	int32_t		 cp;
	struct vletter	*last;
	int		 ok = 0;

	memset(w, 0, sizeof *w);
	if (len > MAXWORDBYTES)
		return 0;
	copy = ph_xstrndup(s, len);
	nfd = ph_viet_nfd(copy);
	free(copy);
	nlen = strlen(nfd);
	while (i < nlen) {
		cp = ph_utf8_decode(nfd, nlen, &i);
		last = w->n > 0 ? &w->l[w->n - 1] : NULL;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    cp == 0x0110 || cp == 0x0111) {
			if (w->n == MAXLETTERS)
				goto out;
			last = &w->l[w->n++];
			last->upper = cp < 'a' || cp == 0x0110;
			if (cp == 0x0110 || cp == 0x0111) {
				last->base = 'd';
				last->quality = Q_BAR;
			} else
				last->base = (char)(cp | 0x20);
			continue;
		}
		if (last == NULL)
			goto out;
		switch (cp) {
		case 0x0302:
		case 0x0306:
		case 0x031B:
			if (last->quality != Q_NONE)
				goto out;
			if (cp == 0x0302 && strchr("aeo", last->base))
				last->quality = Q_HAT;
			else if (cp == 0x0306 && last->base == 'a')
				last->quality = Q_BREVE;
			else if (cp == 0x031B && strchr("ou", last->base))
				last->quality = Q_HORN;
			else
				goto out;
			break;
		case 0x0300:
		case 0x0301:
		case 0x0303:
		case 0x0309:
		case 0x0323:
			if (w->tone != PH_TONE_NONE || !is_vowel(last))
				goto out;
			w->tone = tone_of((uint32_t)cp);
			break;
		default:
			goto out;
		}
	}
	ok = w->n > 0;
out:
	free(nfd);
	return ok;
}

/* Append L[0..N) to B in NFD, the tone TONE on letter AT (if AT < N). */
static void
write_letters(struct ph_buf *b, const struct vletter *l, size_t n,
    size_t at, enum ph_tone tone)
{
	static const uint32_t	 qmark[] = { 0, 0x0302, 0x0306, 0x031B, 0 };
	size_t			 k;

	for (k = 0; k < n; k++) {
		if (l[k].quality == Q_BAR)
			put(b, l[k].upper ? 0x0110 : 0x0111);
		else
			ph_buf_addc(b, l[k].upper ? l[k].base - 'a' + 'A' :
			    l[k].base);
		if (qmark[(int)l[k].quality] != 0)
			put(b, qmark[(int)l[k].quality]);
		if (k == at && tone != PH_TONE_NONE)
			put(b, tone_mark[tone]);
	}
}

/* L[0..N) as NFC into OUT (OUTSZ bytes); 0 if it does not fit. */
static int
letters_str(const struct vletter *l, size_t n, char *out, size_t outsz)
{
	struct ph_buf	 b;
	char		*nfc;
	size_t		 len;

	ph_buf_init(&b);
	write_letters(&b, l, n, n, PH_TONE_NONE);
	nfc = ph_viet_nfc(b.data);
	ph_buf_release(&b);
	len = strlen(nfc);
	if (len >= outsz) {
		free(nfc);
		return 0;
	}
	memcpy(out, nfc, len + 1);
	free(nfc);
	return 1;
}

/* Do L[0..N), without marks, spell one of the N strings of LIST? */
static int
spells(const struct vletter *l, size_t n, const char *const *list,
    size_t nlist)
{
	char	tmp[4];
	size_t	k;

	if (n == 0 || n >= sizeof tmp)
		return 0;
	for (k = 0; k < n; k++) {
		if (l[k].quality != Q_NONE)
			return 0;
		tmp[k] = l[k].base;
	}
	tmp[n] = '\0';
	for (k = 0; k < nlist; k++) {
		if (strcmp(tmp, list[k]) == 0)
			return 1;
	}
	return 0;
}

/*
 * Which letter of the nucleus NUC[0..NN) takes the tone.  The rule of the
 * Ministry's orthography, in order: a vowel with a quality mark (the last
 * one, so ươ gives ơ); before a final consonant the last vowel; in three
 * vowels the middle one (ngoài, khuỷu: the final semivowel counts); in an
 * open "oa", "oe", "uy" the style decides; in any other pair the first.
 */
static size_t
tone_pos(const struct vletter *nuc, size_t nn, enum coda_kind coda,
    enum ph_tone_style style)
{
	size_t	k;

	for (k = nn; k > 0; k--) {
		if (nuc[k - 1].quality != Q_NONE)
			return k - 1;
	}
	if (coda == CODA_CONSONANT)
		return nn - 1;
	if (nn + (coda == CODA_SEMIVOWEL) >= 3)
		return 1;
	if (nn == 2 && coda == CODA_NONE && (
	    (nuc[0].base == 'o' && strchr("ae", nuc[1].base) != NULL) ||
	    (nuc[0].base == 'u' && nuc[1].base == 'y')))
		return style == PH_TONE_STYLE_NEW ? 1 : 0;
	return 0;
}

/*
 * Split W into onset W[0..*ONS), nucleus W[*ONS..*CODA) and coda
 * W[*CODA..n).  Returns 0 if W is not a syllable.
 */
static int
split(const struct vword *w, size_t *ons_out, size_t *coda_out)
{
	const struct vletter	*l = w->l;
	size_t			 n = w->n, ons, end, k;

	for (ons = 0; ons < n && !is_vowel(&l[ons]); ons++)
		;
	if (ons == n)
		return 0;
	if (ons == 1 && is_plain(&l[0], 'q')) {
		/* "qu" + vowel: quý is qu + y, quốc is qu + ô + c. */
		if (!is_plain(&l[1], 'u') || n < 3 || !is_vowel(&l[2]))
			return 0;
		ons = 2;
	} else if (ons == 1 && is_plain(&l[0], 'g') && is_plain(&l[1], 'i') &&
	    n > 2 && is_vowel(&l[2])) {
		/* "gi" + vowel is an onset (già, giữ); gì and gìn keep
		 * the i as their vowel. */
		ons = 2;
	} else if (ons > 0 && !(ons == 1 && l[0].quality == Q_BAR) &&
	    !spells(l, ons, onsets, sizeof onsets / sizeof onsets[0]))
		return 0;
	for (end = ons; end < n && is_vowel(&l[end]); end++)
		;
	if (end - ons > 3)
		return 0;
	for (k = end; k < n; k++) {
		if (is_vowel(&l[k]))
			return 0;
	}
	if (end < n && !spells(l + end, n - end, codas,
	    sizeof codas / sizeof codas[0]))
		return 0;
	/* An open rhyme of two or three vowels may end in a semivowel:
	 * hai, cao, người, khuỷu; but "uy" alone is a nucleus (thủy). */
	if (end == n && end - ons >= 2 && strchr("iyou", l[end - 1].base) &&
	    l[end - 1].quality == Q_NONE &&
	    !(end - ons == 2 && is_plain(&l[ons], 'u') &&
	    l[end - 1].base == 'y'))
		end--;
	*ons_out = ons;
	*coda_out = end;
	return 1;
}

static enum coda_kind
coda_kind(const struct vletter *l, size_t n)
{
	if (n == 0)
		return CODA_NONE;
	return is_vowel(&l[0]) ? CODA_SEMIVOWEL : CODA_CONSONANT;
}

int
ph_viet_syllable_parse(const char *word, size_t len, struct ph_syllable *out)
{
	struct vword		w;
	struct ph_syllable	syl;
	size_t			ons, coda;

	if (!read_letters(word, len, &w) || !split(&w, &ons, &coda))
		return 0;
	memset(&syl, 0, sizeof syl);
	if (!letters_str(w.l, ons, syl.onset, sizeof syl.onset) ||
	    !letters_str(w.l + ons, coda - ons, syl.nucleus,
	    sizeof syl.nucleus) ||
	    !letters_str(w.l + coda, w.n - coda, syl.coda, sizeof syl.coda))
		return 0;
	syl.tone = w.tone;
	*out = syl;
	return 1;
}

/*
 * The parts are read back as letters: a caller may have built SYL by hand.
 * Marks of tone inside them are dropped; SYL->tone is the tone.
 */
size_t
ph_viet_syllable_format(const struct ph_syllable *syl,
    enum ph_tone_style style, char *out, size_t outsz)
{
	struct vword	 parts[3];
	const char	*src[3];
	struct ph_buf	 b;
	char		*nfc;
	size_t		 k, at, len;

	src[0] = syl->onset;
	src[1] = syl->nucleus;
	src[2] = syl->coda;
	for (k = 0; k < 3; k++) {
		if (src[k][0] == '\0')
			memset(&parts[k], 0, sizeof parts[k]);
		else if (!read_letters(src[k], strlen(src[k]), &parts[k]))
			return 0;
	}
	ph_buf_init(&b);
	write_letters(&b, parts[0].l, parts[0].n, parts[0].n, PH_TONE_NONE);
	at = parts[1].n;
	if (parts[1].n > 0)
		at = tone_pos(parts[1].l, parts[1].n,
		    coda_kind(parts[2].l, parts[2].n), style);
	write_letters(&b, parts[1].l, parts[1].n, at, syl->tone);
	write_letters(&b, parts[2].l, parts[2].n, parts[2].n, PH_TONE_NONE);
	nfc = ph_viet_nfc(b.data);
	ph_buf_release(&b);
	len = strlen(nfc);
	if (len >= outsz)
		len = 0;
	else
		memcpy(out, nfc, len + 1);
	free(nfc);
	return len;
}

/*
 * Part of a word, for walking text: letters, digits and combining marks.
 * Only the Latin letters matter (a word holding anything else is no
 * syllable), so other scripts are taken by rough ranges: what matters is
 * that "Hòa2" or "Hòaα" stay one word and are left alone.
 */
static int
word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp >= 0x2000 && cp <= 0x2BFF)	/* punctuation, symbols */
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)	/* CJK punctuation */
		return 0;
	if (cp >= 0xFE10 && cp <= 0xFE6F)	/* vertical, small forms */
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFF0F)	/* full-width punctuation */
		return 0;
	return 1;
}

char *
ph_viet_tone_restyle(const char *s, enum ph_tone_style style)
{
	struct ph_buf		 out;
	struct ph_syllable	 syl;
	char			*nfc = ph_viet_nfc(s), tmp[64];
	size_t			 len = strlen(nfc), i = 0, start, save, n;
	int32_t			 cp;

	ph_buf_init(&out);
	while (i < len) {
		start = i;
		cp = ph_utf8_decode(nfc, len, &i);
		if (cp < 0 || !word_cp((uint32_t)cp)) {
			ph_buf_add(&out, nfc + start, i - start);
			continue;
		}
		for (;;) {
			save = i;
			if (i >= len)
				break;
			cp = ph_utf8_decode(nfc, len, &i);
			if (cp < 0 || !word_cp((uint32_t)cp)) {
				i = save;
				break;
			}
		}
		n = 0;
		if (ph_viet_syllable_parse(nfc + start, i - start, &syl))
			n = ph_viet_syllable_format(&syl, style, tmp,
			    sizeof tmp);
		if (n > 0)
			ph_buf_add(&out, tmp, n);
		else
			ph_buf_add(&out, nfc + start, i - start);
	}
	free(nfc);
	return ph_buf_take(&out);
}

char *
ph_viet_exact_key(const char *s)
{
	char	*restyled, *key;

	restyled = ph_viet_tone_restyle(s, PH_TONE_STYLE_NEW);
	key = ph_viet_lower(restyled);
	free(restyled);
	return key;
}

/* NAME lower-cased with every combining mark dropped: "Mới" -> "moi". */
static char *
bare_name(const char *name)
{
	struct ph_buf	 b;
	char		*nfd, *low;
	size_t		 len, i = 0, start;
	int32_t		 cp;

	nfd = ph_viet_nfd(name);
	low = ph_viet_lower(nfd);
	free(nfd);
	len = strlen(low);
	ph_buf_init(&b);
	while (i < len) {
		start = i;
		cp = ph_utf8_decode(low, len, &i);
		if (cp < 0x0300 || cp > 0x036F)
			ph_buf_add(&b, low + start, i - start);
	}
	free(low);
	return ph_buf_take(&b);
}

int
ph_viet_tone_style_parse(const char *name, enum ph_tone_style *out)
{
	char	*bare = bare_name(name);
	int	 found = 1;

	if (strcmp(bare, "old") == 0 || strcmp(bare, "cu") == 0)
		*out = PH_TONE_STYLE_OLD;
	else if (strcmp(bare, "new") == 0 || strcmp(bare, "moi") == 0)
		*out = PH_TONE_STYLE_NEW;
	else
		found = 0;
	free(bare);
	return found;
}

const char *
ph_viet_tone_style_name(enum ph_tone_style style)
{
	switch (style) {
	case PH_TONE_STYLE_OLD:
		return "old";
	case PH_TONE_STYLE_NEW:
		return "new";
	}
	return NULL;
}
