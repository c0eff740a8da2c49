/*
 * viet-input.c -- Telex and VNI typing as Unikey does it: the keys of one
 * word in, the Vietnamese word out.
 *
 * A pure function of the keys, not a state machine fed key by key: the
 * line editor keeps the keys of the word being typed and asks for the
 * word again after each one, so that backspace is "drop the last key" and
 * nothing here has to be taken back.  The tone is a property of the
 * syllable, whichever key it came after ("vieetj" and "vieejt" are both
 * việt); viet-tone.c puts it on its vowel.
 *
 * There is no spelling check, as in Unikey with its check off (the
 * default): keys act on English words too, so "class" comes out "clas"
 * and is typed "classs"; "data" comes out "dât", "add" "ađ".  A check
 * would need a list of rhymes and still guess wrong on names; the clerk
 * sees what the keys did, and a repeated key gets the letters back.  Not
 * here: the keyboard, the terminal, the line editor (src/tui/).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "viet.h"

enum mark {
	M_NONE = 0,
	M_HAT,		/* â ê ô */
	M_BREVE,	/* ă */
	M_HORN,		/* ơ ư */
	M_BAR		/* đ */
};

struct key_letter {
	char	c;		/* 'a'..'z' lower case, or any other byte */
	char	upper;
	char	mark;		/* enum mark */
	char	from_w;		/* an ư typed as a lone Telex w */
};

struct typing {
	struct key_letter	*l;	/* room for one letter per key */
	size_t			 n;
	enum ph_tone		 tone;
	/*
	 * Set by an undo ("aaa", "ass", "ddd"): the keys that follow are
	 * plain letters, so that "coffee" and "assess" can be typed with
	 * one extra key each and are not taken apart again.
	 */
	int			 literal;
};

static int
is_vowel(const struct key_letter *k)
{
	return k->mark != M_BAR && k->c != '\0' &&
	    strchr("aeiouy", k->c) != NULL;
}

static void
append(struct typing *t, char key)
{
	struct key_letter	*k = &t->l[t->n++];

	memset(k, 0, sizeof *k);
	if (key >= 'A' && key <= 'Z') {
		k->c = (char)(key - 'A' + 'a');
		k->upper = 1;
	} else
		k->c = key;
}

/* An undo: the modifier is taken off (by the caller) and its key becomes
 * a letter. */
static void
undo(struct typing *t, char key)
{
	append(t, key);
	t->literal = 1;
}

/* The last run of vowels, [*S, *E); 0 if the word has no vowel. */
static int
last_run(const struct typing *t, size_t *s, size_t *e)
{
	size_t	end = t->n, start;

	while (end > 0 && !is_vowel(&t->l[end - 1]))
		end--;
	for (start = end; start > 0 && is_vowel(&t->l[start - 1]); start--)
		;
	*s = start;
	*e = end;
	return end > start;
}

/*
 * Telex a e o, VNI 6: a circumflex on the last of BASES in the last run
 * of vowels, even with the final consonant already typed ("tieen" and
 * "tiene" are both tiên).  ă and ơ turn into â and ô.
 */
static int
key_hat(struct typing *t, char key, const char *bases)
{
	size_t	s, e, k;

	if (!last_run(t, &s, &e))
		return 0;
	for (k = e; k > s; k--) {
		if (strchr(bases, t->l[k - 1].c) != NULL)
			break;
	}
	if (k == s)
		return 0;
	if (t->l[k - 1].mark == M_HAT) {
		t->l[k - 1].mark = M_NONE;
		undo(t, key);
	} else
		t->l[k - 1].mark = M_HAT;
	return 1;
}

/*
 * Telex w (HORN and BREVE), VNI 7 (HORN) and 8 (BREVE).  The target is
 * found as Unikey finds it: "uo" takes the horn on both (ươ), "oa" the
 * breve on the a (hoặc), else the first a, o or u of the run (ưa, ơi,
 * ưu).  The u of "qu" is part of the onset, so "quow" is quơ.  A Telex w
 * in a word with no vowel yet is the letter ư (w, nhw, giw; and tw: the
 * abbreviation TW is typed TWW).
 */
static int
key_hook(struct typing *t, char key, int horn, int breve)
{
	struct key_letter	*l = t->l, *target = NULL;
	size_t			 s, e, k;
	int			 want;

	/* No vowel yet, or only the i of a "gi" onset (giw is giư). */
	if (!last_run(t, &s, &e) ||
	    (s == 1 && e == 2 && t->n == 2 && l[0].c == 'g' && l[1].c == 'i')) {
		if (!horn || !breve)
			return 0;
		append(t, key);
		l[t->n - 1].c = 'u';
		l[t->n - 1].mark = M_HORN;
		l[t->n - 1].from_w = 1;
		return 1;
	}
	if (s > 0 && l[s - 1].c == 'q' && l[s].c == 'u' && e - s >= 2)
		s++;
	for (k = s; horn && k + 1 < e; k++) {
		if (l[k].c != 'u' || l[k + 1].c != 'o')
			continue;
		if (l[k].mark == M_HORN && l[k + 1].mark == M_HORN) {
			l[k + 1].mark = M_NONE;
			if (l[k].from_w) {
				/* "woww": the ư was a w. */
				l[k].c = 'w';
				l[k].from_w = 0;
			}
			l[k].mark = M_NONE;
			undo(t, key);
		} else
			l[k].mark = l[k + 1].mark = M_HORN;
		return 1;
	}
	for (k = s; breve && k + 1 < e; k++) {
		if (l[k].c == 'o' && l[k + 1].c == 'a') {
			target = &l[k + 1];
			break;
		}
	}
	for (k = s; target == NULL && k < e; k++) {
		if ((breve && l[k].c == 'a') ||
		    (horn && (l[k].c == 'o' || l[k].c == 'u')))
			target = &l[k];
	}
	if (target == NULL)
		return 0;
	want = target->c == 'a' ? M_BREVE : M_HORN;
	if (target->mark != want)
		target->mark = want;
	else if (target->from_w) {
		/* "ww" is w, as in Unikey: the ư goes back to its key. */
		target->c = 'w';
		target->mark = M_NONE;
		target->from_w = 0;
		t->literal = 1;
	} else {
		target->mark = M_NONE;
		undo(t, key);
	}
	return 1;
}

/*
 * Telex d, VNI 9: the d just typed becomes đ, so that abbreviations work
 * ("QDD" is QĐ, "HDDND" HĐND: Unikey allows dd outside syllables for
 * them); else the d that begins the word does ("duongd" is đuong).
 */
static int
key_bar(struct typing *t, char key)
{
	struct key_letter	*d;

	if (t->n == 0)
		return 0;
	d = &t->l[t->n - 1];
	if (d->c != 'd')
		d = &t->l[0];
	if (d->c != 'd')
		return 0;
	if (d->mark == M_BAR) {
		d->mark = M_NONE;
		undo(t, key);
	} else
		d->mark = M_BAR;
	return 1;
}

/* A tone needs a vowel before it: "s" alone is the letter s. */
static int
key_tone(struct typing *t, char key, enum ph_tone tone)
{
	size_t	k;

	for (k = 0; k < t->n && !is_vowel(&t->l[k]); k++)
		;
	if (k == t->n)
		return 0;
	if (tone == PH_TONE_NONE) {		/* z, 0 */
		if (t->tone == PH_TONE_NONE)
			return 0;
		t->tone = PH_TONE_NONE;
	} else if (t->tone == tone) {
		t->tone = PH_TONE_NONE;
		undo(t, key);
	} else
		t->tone = tone;
	return 1;
}

static int
telex_key(struct typing *t, char key)
{
	char	lk = key >= 'A' && key <= 'Z' ? (char)(key - 'A' + 'a') : key;

	switch (lk) {
	case 's':
		return key_tone(t, key, PH_TONE_ACUTE);
	case 'f':
		return key_tone(t, key, PH_TONE_GRAVE);
	case 'r':
		return key_tone(t, key, PH_TONE_HOOK);
	case 'x':
		return key_tone(t, key, PH_TONE_TILDE);
	case 'j':
		return key_tone(t, key, PH_TONE_DOT);
	case 'z':
		return key_tone(t, key, PH_TONE_NONE);
	case 'a':
	case 'e':
	case 'o':
		return key_hat(t, key, lk == 'a' ? "a" : lk == 'e' ? "e" : "o");
	case 'w':
		return key_hook(t, key, 1, 1);
	case 'd':
		return key_bar(t, key);
	default:
		return 0;
	}
}

static int
vni_key(struct typing *t, char key)
{
	switch (key) {
	case '1':
		return key_tone(t, key, PH_TONE_ACUTE);
	case '2':
		return key_tone(t, key, PH_TONE_GRAVE);
	case '3':
		return key_tone(t, key, PH_TONE_HOOK);
	case '4':
		return key_tone(t, key, PH_TONE_TILDE);
	case '5':
		return key_tone(t, key, PH_TONE_DOT);
	case '0':
		return key_tone(t, key, PH_TONE_NONE);
	case '6':
		return key_hat(t, key, "aeo");
	case '7':
		return key_hook(t, key, 1, 0);
	case '8':
		return key_hook(t, key, 0, 1);
	case '9':
		return key_bar(t, key);
	default:
		return 0;
	}
}

/*
 * What Unikey does once the keys are in: "ưo" is always ươ (uwo, tuwong),
 * and "thươ" ending the word is thuơ, so that "thuowr" gives thuở while
 * "thuowng" gives thương.
 */
static void
settle(struct typing *t)
{
	struct key_letter	*l = t->l;
	size_t			 k, n = t->n;

	for (k = 0; k + 1 < n; k++) {
		if (l[k].c == 'u' && l[k].mark == M_HORN && l[k + 1].c == 'o' &&
		    l[k + 1].mark == M_NONE)
			l[k + 1].mark = M_HORN;
	}
	if (n >= 4 && l[n - 4].c == 't' && l[n - 3].c == 'h' &&
	    l[n - 2].c == 'u' && l[n - 2].mark == M_HORN &&
	    l[n - 1].c == 'o' && l[n - 1].mark == M_HORN)
		l[n - 2].mark = M_NONE;
}

/*
 * Where the tone goes in a word that is no syllable ("procé"): the rule of
 * viet-tone.c applied to the last run of vowels, as Unikey does.  Real
 * syllables are placed again by ph_viet_syllable_format().
 */
static size_t
fallback_pos(const struct typing *t, enum ph_tone_style style)
{
	const struct key_letter	*l = t->l;
	size_t			 s, e, k;

	if (!last_run(t, &s, &e))
		return t->n;
	if (s > 0 && e - s >= 2 && ((l[s - 1].c == 'q' && l[s].c == 'u') ||
	    (l[s - 1].c == 'g' && l[s].c == 'i')))
		s++;
	for (k = e; k > s; k--) {
		if (l[k - 1].mark != M_NONE)
			return k - 1;
	}
	if (e < t->n)
		return e - 1;
	if (e - s >= 3)
		return s + 1;
	if (e - s == 2 && ((l[s].c == 'o' && (l[s + 1].c == 'a' ||
	    l[s + 1].c == 'e')) || (l[s].c == 'u' && l[s + 1].c == 'y')))
		return style == PH_TONE_STYLE_NEW ? s + 1 : s;
	return s;
}

/* The letters as NFC, the tone (if any) on letter AT. */
static char *
render(const struct typing *t, size_t at)
{
	static const uint32_t	 mark_cp[] = { 0, 0x0302, 0x0306, 0x031B, 0 };
	static const uint32_t	 tone_cp[] = {
		0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323
	};
	struct ph_buf		 b;
	char			 tmp[4], *nfc;
	size_t			 k;
	const struct key_letter	*l;

	ph_buf_init(&b);
	for (k = 0; k < t->n; k++) {
		l = &t->l[k];
		if (l->mark == M_BAR)
			ph_buf_add(&b, tmp, ph_utf8_encode(l->upper ? 0x0110 :
			    0x0111, tmp));
		else
			ph_buf_addc(&b, l->upper ? (char)(l->c - 'a' + 'A') :
			    l->c);
		if (l->mark != M_NONE && l->mark != M_BAR)
			ph_buf_add(&b, tmp,
			    ph_utf8_encode(mark_cp[(int)l->mark], tmp));
		if (k == at && t->tone != PH_TONE_NONE)
			ph_buf_add(&b, tmp, ph_utf8_encode(tone_cp[t->tone],
			    tmp));
	}
	nfc = ph_viet_nfc(b.data);
	ph_buf_release(&b);
	return nfc;
}

char *
ph_viet_input_word(enum ph_input_method method, enum ph_tone_style style,
    const char *keys, size_t n)
{
	struct typing		 t;
	struct ph_syllable	 syl;
	char			*word, tmp[64];
	size_t			 i, len;
	int			 used;

	memset(&t, 0, sizeof t);
	t.l = ph_xcalloc(n + 1, sizeof *t.l);
	for (i = 0; i < n; i++) {
		used = 0;
		if (!t.literal)
			used = method == PH_INPUT_VNI ? vni_key(&t, keys[i]) :
			    telex_key(&t, keys[i]);
		if (!used)
			append(&t, keys[i]);
	}
	settle(&t);
	word = render(&t, fallback_pos(&t, style));
	if (t.tone != PH_TONE_NONE &&
	    ph_viet_syllable_parse(word, strlen(word), &syl) &&
	    (len = ph_viet_syllable_format(&syl, style, tmp, sizeof tmp)) > 0) {
		free(word);
		word = ph_xstrndup(tmp, len);
	}
	free(t.l);
	return word;
}

static int
is_key(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

char *
ph_viet_input_text(enum ph_input_method method, enum ph_tone_style style,
    const char *keys)
{
	struct ph_buf	 out;
	const char	*p = keys, *start;
	char		*word;

	ph_buf_init(&out);
	while (*p != '\0') {
		if (!is_key(*p)) {
			ph_buf_addc(&out, *p++);
			continue;
		}
		for (start = p; is_key(*p); p++)
			;
		word = ph_viet_input_word(method, style, start,
		    (size_t)(p - start));
		ph_buf_adds(&out, word);
		free(word);
	}
	return ph_buf_take(&out);
}

int
ph_viet_input_method_parse(const char *name, enum ph_input_method *out)
{
	if (strcasecmp(name, "telex") == 0)
		*out = PH_INPUT_TELEX;
	else if (strcasecmp(name, "vni") == 0)
		*out = PH_INPUT_VNI;
	else
		return 0;
	return 1;
}
