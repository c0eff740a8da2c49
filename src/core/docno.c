/*
 * docno.c -- document numbers (số, ký hiệu): find one in free text, write
 * one back, and the table of type codes they are checked against.
 *
 * The parser looks for the first symbol anywhere in its input, so a whole
 * line of a letter ("Quyết định số 90-QĐ/TW, ngày 06/12/2022") can be passed
 * as it is; the "Số"/"Số:" prefix needs no special case.  It normalises what
 * it reads (NFC, case, look-alike dashes) but does not guess: an OCR'd
 * "24-QB/TW" stays QB.  The rules it follows:
 *
 *  - A type found in the table takes the table's spelling ("qđ" -> QĐ,
 *    "QD" -> QĐ).  A type not in the table, or any type when there is no
 *    table, is kept as written, upper-cased if it was written all in lower
 *    case: "QB" and "qb" give QB, but "Ttri" (Party thông tri, deliberately
 *    not in the table) stays Ttri.  Issuers follow the same case rule:
 *    "tu" gives TU, "TTg" stays TTg.
 *  - State style N/X-Y is ambiguous: a công văn has no type code, so in
 *    "123/UBND-VP" X is the issuer and Y the drafting unit.  With a table,
 *    an X that is not a known type makes the whole "UBND-VP" the issuer and
 *    the type empty (if X is written in one case: "5/Chương-II" is prose);
 *    without a table X is taken as the type.  N/YYYY/X-Y and
 *    N/X/Y always read X as the type.
 *  - A draft ("-QĐ/ĐU", also state "/QĐ-UBND") must carry a known type when
 *    there is a table, since a bare dash before "word/word" is common in
 *    ordinary text.  "12 -QĐ/ĐU" is refused: a number with a stray space
 *    or a draft, we cannot tell.
 *  - No spaces inside a symbol.
 *
 * Does not read files other than the table, does not print, does not know
 * which numbers were issued (that is the register's business).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docno.h"
#include "error.h"
#include "intl.h"
#include "util.h"
#include "viet.h"

/*
 * Ministries number their công văn in the tens of thousands a year; nine
 * digits is far past any real series and still fits a 32-bit long.
 */
#define DOCNO_NUMBER_MAX	999999999L

/* The table is a few dozen short lines; anything larger is not a table. */
#define DOCTYPES_FILE_MAX	(1024 * 1024)

/* How many bytes of the caller's text an error message quotes. */
#define QUOTE_MAX		96

/* Room for the comparison key of a type code (codes are < 24 bytes). */
#define KEY_MAX			64

/* The input decoded into code points, so that the scanner can look back. */
struct cps {
	uint32_t	*v;
	size_t		 n;
};

/* Where the pieces of one symbol lie in a struct cps. */
struct found {
	size_t			num0, num1;	/* digits; empty for a draft */
	int			year;
	size_t			typ0, typ1;
	size_t			iss0, iss1;
	enum ph_docno_style	style;
};

enum build {
	BUILD_OK,
	BUILD_SKIP,		/* not a symbol after all; keep looking */
	BUILD_TOOBIG,		/* a symbol, but its number is absurd */
};

static int
is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/*
 * A letter is a code point that has a case: ASCII, Đ and every Vietnamese
 * vowel.  Type and issuer codes are never written in another script.
 */
static int
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
	return ph_viet_lower_cp(cp) != cp || ph_viet_upper_cp(cp) != cp;
}

static int
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0;
}

/*
 * Decode S (valid UTF-8, already NFC) into C.  Look-alikes are mapped to
 * what the clerk meant: Word's automatic dashes to '-', and the Icelandic
 * Ð/ð to Đ/đ -- Ð never occurs in Vietnamese, but converters from the old
 * TCVN3 and VNI fonts often produce it for Đ.
 */
static void
cps_decode(struct cps *c, const char *s)
{
	size_t	len = strlen(s), i = 0;
	int32_t	cp;

	c->v = ph_xcalloc(len + 1, sizeof *c->v);
	c->n = 0;
	while (i < len) {
		cp = ph_utf8_decode(s, len, &i);
		switch (cp) {
		case -1:
			cp = 0xFFFD;	/* the caller checked; cannot happen */
			break;
		case 0x2010:
		case 0x2011:
		case 0x2012:
		case 0x2013:
		case 0x2212:
			cp = '-';
			break;
		case 0x00D0:
			cp = 0x0110;
			break;
		case 0x00F0:
			cp = 0x0111;
			break;
		}
		c->v[c->n++] = (uint32_t)cp;
	}
}

static int
cps_has_upper(const struct cps *c, size_t from, size_t to)
{
	size_t	k;

	for (k = from; k < to; k++) {
		if (ph_viet_lower_cp(c->v[k]) != c->v[k])
			return 1;
	}
	return 0;
}

static int
cps_has_lower(const struct cps *c, size_t from, size_t to)
{
	size_t	k;

	for (k = from; k < to; k++) {
		if (ph_viet_upper_cp(c->v[k]) != c->v[k])
			return 1;
	}
	return 0;
}

/*
 * Encode C->v[FROM..TO) into BUF (SIZE bytes), upper-cased if UPPER.
 * Returns 0 if it does not fit.
 */
static int
cps_encode(const struct cps *c, size_t from, size_t to, int upper, char *buf,
    size_t size)
{
	size_t		k, o = 0, n;
	uint32_t	cp;
	char		tmp[4];

	for (k = from; k < to; k++) {
		cp = upper ? ph_viet_upper_cp(c->v[k]) : c->v[k];
		n = ph_utf8_encode(cp, tmp);
		if (o + n >= size)
			return 0;
		memcpy(buf + o, tmp, n);
		o += n;
	}
	buf[o] = '\0';
	return 1;
}

/*
 * A code as the clerk wrote it, upper-cased only if written all in lower
 * case: "tu" carries no case to keep, "TTg" does.
 */
static int
cps_code(const struct cps *c, size_t from, size_t to, char *buf, size_t size)
{
	return cps_encode(c, from, to, !cps_has_upper(c, from, to), buf, size);
}

/*
 * The base letter of a lower-case Vietnamese letter ("ầ" -> 'a', "đ" ->
 * 'd'); other code points come back unchanged.  Only for matching type
 * codes typed without diacritics, so it need not know other languages.
 */
static uint32_t
base_letter(uint32_t cp)
{
	if (cp >= 0x1EA0 && cp <= 0x1EF9) {
		/* The Vietnamese block runs A, E, I, O, U, Y. */
		if (cp <= 0x1EB7)
			return 'a';
		if (cp <= 0x1EC7)
			return 'e';
		if (cp <= 0x1ECB)
			return 'i';
		if (cp <= 0x1EE3)
			return 'o';
		if (cp <= 0x1EF1)
			return 'u';
		return 'y';
	}
	switch (cp) {
	case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0x103:
		return 'a';
	case 0xF0: case 0x111:
		return 'd';
	case 0xE8: case 0xE9: case 0xEA:
		return 'e';
	case 0xEC: case 0xED: case 0x129:
		return 'i';
	case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0x1A1:
		return 'o';
	case 0xF9: case 0xFA: case 0x169: case 0x1B0:
		return 'u';
	case 0xFD:
		return 'y';
	}
	return cp;
}

/*
 * The comparison key of S (valid UTF-8, NFC): lower case, and with STRIP
 * also without diacritics, so "QĐi" gives "qđi" or "qdi".  Returns 0 if it
 * does not fit in BUF.
 */
static int
code_key(const char *s, int strip, char *buf, size_t size)
{
	size_t		len = strlen(s), i = 0, o = 0, n;
	int32_t		cp;
	uint32_t	c;
	char		tmp[4];

	while (i < len) {
		if ((cp = ph_utf8_decode(s, len, &i)) < 0)
			return 0;
		c = ph_viet_lower_cp((uint32_t)cp);
		if (strip) {
			if (c >= 0x300 && c <= 0x36F)
				continue;
			c = base_letter(c);
		}
		n = ph_utf8_encode(c, tmp);
		if (o + n >= size)
			return 0;
		memcpy(buf + o, tmp, n);
		o += n;
	}
	buf[o] = '\0';
	return 1;
}

/*
 * Copy at most QUOTE_MAX bytes of S into BUF for an error message, cut on
 * a character boundary, with control characters made spaces so that the
 * message stays on one line.
 */
static void
quote(const char *s, char *buf, size_t size)
{
	size_t	n = strlen(s), k;
	int	cut = 0;

	if (n > QUOTE_MAX) {
		n = QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = 1;
	}
	if (n > size - 4)
		n = size - 4;
	for (k = 0; k < n; k++)
		buf[k] = (unsigned char)s[k] < 0x20 ? ' ' : s[k];
	buf[k] = '\0';
	if (cut)
		memcpy(buf + k, "...", 4);
}

void
ph_doctypes_free(struct ph_doctypes *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->v[i].code);
		free(t->v[i].name);
	}
	free(t->v);
	free(t);
}

/*
 * Check one "code TAB name" line (LINE is modified) and add it to T.
 * Matching ignores case, so two codes that differ only in case would make
 * the table ambiguous: refused here.
 */
static enum ph_status
doctypes_add(struct ph_doctypes *t, size_t *cap, char *line,
    const char *path, size_t lineno, struct ph_error *err)
{
	char		*tab, *code, *name, *nfc;
	char		 key[KEY_MAX], other[KEY_MAX];
	struct cps	 c;
	size_t		 i;
	int		 letters;

	if ((tab = strchr(line, '\t')) == NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: no tab between the type code and its name"),
		    path, lineno);
	if (strchr(tab + 1, '\t') != NULL)
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: more than one tab (expected a type code, a tab "
		    "and a name)"), path, lineno);
	*tab = '\0';
	code = ph_str_trim(line);
	name = ph_str_trim(tab + 1);
	if (*code == '\0')
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: no type code before the tab"), path, lineno);
	if (*name == '\0')
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: no name after type code \"%s\""), path, lineno,
		    code);

	nfc = ph_viet_nfc(code);
	cps_decode(&c, nfc);
	letters = 1;
	for (i = 0; i < c.n; i++)
		letters = letters && is_letter(c.v[i]);
	free(c.v);
	if (!letters) {
		free(nfc);
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: type code \"%s\" is not made of letters only"),
		    path, lineno, code);
	}
	/* struct ph_docno keeps the code in a char[24]. */
	if (strlen(nfc) >= sizeof ((struct ph_docno *)0)->type ||
	    !code_key(nfc, 0, key, sizeof key)) {
		free(nfc);
		return ph_error_set(err, PH_ERR_INVALID,
		    _("%s:%zu: type code \"%s\" is too long"), path, lineno,
		    code);
	}
	for (i = 0; i < t->n; i++) {
		if (code_key(t->v[i].code, 0, other, sizeof other) &&
		    strcmp(key, other) == 0) {
			free(nfc);
			return ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%zu: type code \"%s\" is already listed as "
			    "\"%s\""), path, lineno, code, t->v[i].code);
		}
	}

	if (t->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		t->v = ph_xrealloc(t->v, *cap * sizeof *t->v);
	}
	t->v[t->n].code = nfc;
	t->v[t->n].name = ph_viet_nfc(name);
	t->n++;
	return PH_OK;
}

enum ph_status
ph_doctypes_load(const char *path, struct ph_doctypes **out,
    struct ph_error *err)
{
	struct ph_doctypes	*t;
	char			*data, *line, *next, *p;
	size_t			 len, lineno = 0, cap = 0;
	enum ph_status		 rc;

	*out = NULL;
	rc = ph_file_read(path, DOCTYPES_FILE_MAX, &data, &len, err);
	if (rc != PH_OK)
		return rc;
	t = ph_xcalloc(1, sizeof *t);
	if (memchr(data, '\0', len) != NULL) {
		rc = ph_error_set(err, PH_ERR_INVALID,
		    _("%s: not a text file (it contains a NUL byte)"), path);
		goto out;
	}
	for (line = data; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (!ph_utf8_valid(line, strlen(line), NULL)) {
			rc = ph_error_set(err, PH_ERR_INVALID,
			    _("%s:%zu: not valid UTF-8"), path, lineno);
			goto out;
		}
		for (p = line; *p == ' ' || *p == '\t' || *p == '\r'; p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		rc = doctypes_add(t, &cap, line, path, lineno, err);
		if (rc != PH_OK)
			goto out;
	}
	if (t->n == 0) {
		rc = ph_error_set(err, PH_ERR_INVALID,
		    _("%s: no type codes in the file"), path);
		goto out;
	}
	*out = t;
	t = NULL;
	rc = PH_OK;
out:
	ph_doctypes_free(t);
	free(data);
	return rc;
}

/*
 * Exact match first (after NFC and case folding), then without diacritics
 * if exactly one code fits: "QD" is QĐ because only QĐ folds to "qd", and
 * "QDI" is QĐi.  A table where two codes fold alike answers neither.
 */
const struct ph_doctype *
ph_doctypes_find(const struct ph_doctypes *t, const char *code)
{
	const struct ph_doctype	*hit = NULL;
	char			*nfc, want[KEY_MAX], have[KEY_MAX];
	size_t			 i, nhit = 0;

	if (t == NULL || code == NULL ||
	    !ph_utf8_valid(code, strlen(code), NULL))
		return NULL;
	nfc = ph_viet_nfc(code);
	if (!code_key(nfc, 0, want, sizeof want))
		goto out;
	for (i = 0; i < t->n; i++) {
		if (code_key(t->v[i].code, 0, have, sizeof have) &&
		    strcmp(want, have) == 0) {
			hit = &t->v[i];
			goto out;
		}
	}
	if (!code_key(nfc, 1, want, sizeof want) || *want == '\0')
		goto out;
	for (i = 0; i < t->n; i++) {
		if (code_key(t->v[i].code, 1, have, sizeof have) &&
		    strcmp(want, have) == 0) {
			hit = &t->v[i];
			nhit++;
		}
	}
	if (nhit != 1)
		hit = NULL;
out:
	free(nfc);
	return hit;
}

/* Skip a run of letters from I; returns where it ends. */
static size_t
skip_letters(const struct cps *c, size_t i)
{
	while (i < c->n && is_letter(c->v[i]))
		i++;
	return i;
}

/*
 * Skip an issuer from I: a letter, then letters and digits ("BCĐ389"),
 * parts joined by '-' for joint issuers and state drafting units
 * ("BTC-BNV", "UBND-VP").  Returns where it ends (I if there is none).
 */
static size_t
skip_issuer(const struct cps *c, size_t i)
{
	size_t	end = i;

	for (;;) {
		if (i >= c->n || !is_letter(c->v[i]))
			return end;
		while (i < c->n && (is_letter(c->v[i]) || is_digit(c->v[i])))
			i++;
		end = i;
		if (i >= c->n || c->v[i] != '-')
			return end;
		i++;
	}
}

/*
 * A year in "30/2020/NĐ-CP": four digits not starting with 0, a slash and
 * a letter.  Returns the year or 0.
 */
static int
year_at(const struct cps *c, size_t i)
{
	int	y = 0;
	size_t	k;

	if (i + 5 >= c->n || c->v[i] == '0' || c->v[i + 4] != '/' ||
	    !is_letter(c->v[i + 5]))
		return 0;
	for (k = i; k < i + 4; k++) {
		if (!is_digit(c->v[k]))
			return 0;
		y = y * 10 + (int)(c->v[k] - '0');
	}
	return y;
}

/*
 * Can a number start at I?  Not inside another number, nor after a
 * separator: "06/12/2022" is tried once, from 06, and "1.234/..." not at
 * all (a thousands separator we do not read).  A letter before is fine:
 * "Số16-CV/ĐU".
 */
static int
number_start(const struct cps *c, size_t i)
{
	uint32_t	p;

	if (!is_digit(c->v[i]))
		return 0;
	if (i == 0)
		return 1;
	p = c->v[i - 1];
	if (is_digit(p) || p == '/' || p == '-')
		return 0;
	if ((p == '.' || p == ',') && i >= 2 && is_digit(c->v[i - 2]))
		return 0;
	return 1;
}

/*
 * Can a draft ("-QĐ/ĐU", "/QĐ-UBND") start at I?  After a space, a colon
 * or the dots of a blank ("Số ...-QĐ/ĐU"), but not after a digit and
 * blanks: "12 -QĐ/ĐU" may be number 12 with a stray space.
 */
static int
draft_start(const struct cps *c, size_t i)
{
	uint32_t	p;
	size_t		k;

	if (c->v[i] != '-' && c->v[i] != '/')
		return 0;
	if (i == 0)
		return 1;
	p = c->v[i - 1];
	if (is_letter(p) || is_digit(p) || p == '-' || p == '/')
		return 0;
	for (k = i; k > 0 && is_blank(c->v[k - 1]); k--)
		;
	return !(k > 0 && k < i && is_digit(c->v[k - 1]));
}

/*
 * Match the shape of a symbol at I (digits, possibly none, then a
 * separator): N-T/I party, N/T-I state, N/YYYY/T-I state with year,
 * N/T/I slashed.  Fills F; returns 0 if there is no symbol here.
 */
static int
match_at(const struct cps *c, size_t i, struct found *f)
{
	uint32_t	sep;

	memset(f, 0, sizeof *f);
	f->num0 = i;
	while (i < c->n && is_digit(c->v[i]))
		i++;
	f->num1 = i;
	if (i >= c->n || (c->v[i] != '-' && c->v[i] != '/'))
		return 0;
	sep = c->v[i++];
	if (sep == '/' && f->num1 > f->num0 &&
	    (f->year = year_at(c, i)) != 0)
		i += 5;

	f->typ0 = i;
	i = skip_letters(c, i);
	f->typ1 = i;
	if (f->typ1 == f->typ0 || i >= c->n)
		return 0;
	if (sep == '-' && c->v[i] == '/' && f->year == 0)
		f->style = PH_DOCNO_PARTY;
	else if (sep == '/' && c->v[i] == '-')
		f->style = PH_DOCNO_STATE;
	else if (sep == '/' && c->v[i] == '/' && f->year == 0)
		f->style = PH_DOCNO_SLASHED;
	else
		return 0;
	i++;

	f->iss0 = i;
	i = skip_issuer(c, i);
	f->iss1 = i;
	if (f->iss1 == f->iss0)
		return 0;
	/* "12-CV/ĐU/VP" is a longer shape we do not know: do not cut it. */
	if (i + 1 < c->n && c->v[i] == '/' &&
	    (is_letter(c->v[i + 1]) || is_digit(c->v[i + 1])))
		return 0;
	return 1;
}

/* Turn the shape F into D, looking the type up in T (may be NULL). */
static enum build
build(const struct ph_doctypes *t, const struct cps *c,
    const struct found *f, struct ph_docno *d)
{
	const struct ph_doctype	*dt = NULL;
	char			 typ[sizeof d->type];
	int			 draft = f->num1 == f->num0;
	long			 v = 0;
	size_t			 k;

	memset(d, 0, sizeof *d);
	d->style = f->style;
	d->year = f->year;
	if (!cps_encode(c, f->typ0, f->typ1, 0, typ, sizeof typ))
		return BUILD_SKIP;
	if (t != NULL)
		dt = ph_doctypes_find(t, typ);

	if (dt != NULL) {
		snprintf(d->type, sizeof d->type, "%s", dt->code);
		if (!cps_code(c, f->iss0, f->iss1, d->issuer,
		    sizeof d->issuer))
			return BUILD_SKIP;
	} else if (t != NULL && draft) {
		return BUILD_SKIP;
	} else if (t != NULL && f->style == PH_DOCNO_STATE && f->year == 0) {
		/*
		 * A công văn: "123/UBND-VP" is issuer and drafting unit.
		 * Issuer codes are written in one case; "5/Chương-II" is
		 * prose, not a symbol.
		 */
		if (cps_has_upper(c, f->typ0, f->typ1) &&
		    cps_has_lower(c, f->typ0, f->typ1))
			return BUILD_SKIP;
		if (!cps_code(c, f->typ0, f->iss1, d->issuer,
		    sizeof d->issuer))
			return BUILD_SKIP;
	} else {
		if (!cps_code(c, f->typ0, f->typ1, d->type, sizeof d->type) ||
		    !cps_code(c, f->iss0, f->iss1, d->issuer,
		    sizeof d->issuer))
			return BUILD_SKIP;
	}

	for (k = f->num0; k < f->num1; k++) {
		int digit = (int)(c->v[k] - '0');
		if (v > (DOCNO_NUMBER_MAX - digit) / 10)
			return BUILD_TOOBIG;
		v = v * 10 + digit;
	}
	d->number = v;
	return BUILD_OK;
}

enum ph_status
ph_docno_parse(const struct ph_doctypes *t, const char *text,
    struct ph_docno *out, struct ph_error *err)
{
	struct cps	c;
	struct found	f;
	struct ph_docno	d;
	char		q[QUOTE_MAX + 4], *nfc;
	size_t		i, bad;
	enum ph_status	rc;

	if (!ph_utf8_valid(text, strlen(text), &bad))
		return ph_error_set(err, PH_ERR_INVALID,
		    _("document number is not valid UTF-8 (bad byte at "
		    "offset %zu)"), bad);
	nfc = ph_viet_nfc(text);
	cps_decode(&c, nfc);
	free(nfc);
	quote(text, q, sizeof q);

	for (i = 0; i < c.n; i++) {
		if (!number_start(&c, i) && !draft_start(&c, i))
			continue;
		if (!match_at(&c, i, &f))
			continue;
		switch (build(t, &c, &f, &d)) {
		case BUILD_OK:
			*out = d;
			rc = PH_OK;
			goto out;
		case BUILD_TOOBIG:
			rc = ph_error_set(err, PH_ERR_INVALID,
			    _("number too large in \"%s\""), q);
			goto out;
		case BUILD_SKIP:
			break;
		}
	}
	rc = ph_error_set(err, PH_ERR_INVALID,
	    _("no document number in \"%s\""), q);
out:
	free(c.v);
	return rc;
}

/*
 * Both the Party guide and Nghị định 30 write numbers under 10 as 01..09.
 * A year is written only in state style; an empty type (a state công văn)
 * gives "123/UBND-VP".
 */
size_t
ph_docno_format(const struct ph_docno *d, char *buf, size_t len)
{
	char	num[24] = "";
	int	n;

	if (d->number > 0)
		snprintf(num, sizeof num, "%02ld", d->number);
	switch (d->style) {
	case PH_DOCNO_STATE:
		if (d->year > 0 && d->type[0] != '\0')
			n = snprintf(buf, len, "%s/%04d/%s-%s", num, d->year,
			    d->type, d->issuer);
		else if (d->year > 0)
			n = snprintf(buf, len, "%s/%04d/%s", num, d->year,
			    d->issuer);
		else if (d->type[0] != '\0')
			n = snprintf(buf, len, "%s/%s-%s", num, d->type,
			    d->issuer);
		else
			n = snprintf(buf, len, "%s/%s", num, d->issuer);
		break;
	case PH_DOCNO_SLASHED:
		n = snprintf(buf, len, "%s/%s/%s", num, d->type, d->issuer);
		break;
	case PH_DOCNO_PARTY:
	default:
		n = snprintf(buf, len, "%s-%s/%s", num, d->type, d->issuer);
		break;
	}
	return n < 0 ? 0 : (size_t)n;
}
