/*
 * docno.h -- document numbers (số, ký hiệu) and the table of type codes.
 *
 * Party style "409-QĐ/TU" (Hướng dẫn 36-HD/VPTW), state style "06/QĐ-TTg"
 * or "30/2020/NĐ-CP" (Nghị định 30/2020), and the variants real letters
 * carry: "278/QĐ/ĐU", a draft with no number "-QĐ/ĐU", words around it
 * ("Quyết định số 90-QĐ/TW, ngày 06/12/2022"), lower case, NFD input.
 * The type codes are data (data/doctypes.tsv), not code.
 */
#ifndef PH_DOCNO_H
#define PH_DOCNO_H

#include <stddef.h>

#include "error.h"

enum ph_docno_style {
	PH_DOCNO_PARTY,		/* N-TYPE/ISSUER */
	PH_DOCNO_STATE,		/* N/TYPE-ISSUER, N/YYYY/TYPE-ISSUER */
	PH_DOCNO_SLASHED,	/* N/TYPE/ISSUER, as in seed 004 */
};

struct ph_docno {
	long			 number;	/* 0: none (a draft) */
	int			 year;		/* 0: none ("30/2020/NĐ-CP") */
	char			 type[24];	/* canonical code, "QĐ" */
	char			 issuer[64];	/* "TU", "ĐU", "TTg", "CP" */
	enum ph_docno_style	 style;
};

/* One row of data/doctypes.tsv. */
struct ph_doctype {
	char	*code;		/* "CV", "QĐi" */
	char	*name;		/* "Công văn" */
};

struct ph_doctypes {
	struct ph_doctype	*v;
	size_t			 n;
};

/* Load the table at PATH (code TAB name, '#' comments).  A malformed line
 * is an error naming the file and line.  Caller frees with
 * ph_doctypes_free(). */
enum ph_status	 ph_doctypes_load(const char *path, struct ph_doctypes **out,
		     struct ph_error *err);
void		 ph_doctypes_free(struct ph_doctypes *t);
/* The canonical entry for CODE, matched without regard to case or
 * Unicode form ("qđ", "QD" when unambiguous...); NULL if unknown. */
const struct ph_doctype *ph_doctypes_find(const struct ph_doctypes *t,
		     const char *code);

/* Find and parse the first document number in TEXT.  T may be NULL (then
 * any run of letters is accepted as a type).  Returns PH_ERR_INVALID, with
 * a message quoting TEXT, when there is none. */
enum ph_status	 ph_docno_parse(const struct ph_doctypes *t, const char *text,
		     struct ph_docno *out, struct ph_error *err);
/* Write D in its own style into BUF (LEN bytes): "16-CV/ĐU", "06/QĐ-TTg",
 * "-QĐ/ĐU" for a draft.  Party numbers under 10 are written 01..09 as the
 * Party guide writes them. Returns the length it needed. */
size_t		 ph_docno_format(const struct ph_docno *d, char *buf,
		     size_t len);

#endif
