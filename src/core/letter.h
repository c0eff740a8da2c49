/*
 * letter.h -- the model: letters, organizations, agreements, and the
 * words that name their enumerations on the command line and in files.
 *
 * Plain data and validation; no SQLite (that is store-*.c), no output.
 */
#ifndef PH_LETTER_H
#define PH_LETTER_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "util.h"

/* Size limits the clerk is told about; the schema checks them too. */
#define PH_SUBJECT_MAX		2000		/* characters */
#define PH_BODY_MAX		(10u * 1024 * 1024)	/* bytes */
#define PH_ATTACH_MAX		(25u * 1024 * 1024)	/* bytes, each */
#define PH_FIELD_MAX		1000		/* other one-line fields */

enum ph_direction {
	PH_DIR_IN,
	PH_DIR_OUT,
};

enum ph_class {
	PH_CLASS_NONE,
	PH_CLASS_MAT,		/* Mật */
	PH_CLASS_TOI_MAT,	/* Tối mật */
	PH_CLASS_TUYET_MAT,	/* Tuyệt mật */
};

enum ph_urgency {
	PH_URG_NONE,
	PH_URG_KHAN,		/* Khẩn */
	PH_URG_THUONG_KHAN,	/* Thượng khẩn */
	PH_URG_HOA_TOC,		/* Hỏa tốc */
};

enum ph_state {
	PH_ST_REGISTERED,	/* vào sổ: nothing owed */
	PH_ST_AWAITING,		/* chờ trả lời */
	PH_ST_REPLIED,		/* đã trả lời */
	PH_ST_EXTENDED,		/* gia hạn */
	PH_ST_REMINDED,		/* đã đôn đốc */
	PH_ST_ESCALATED,	/* đã báo cáo xin ý kiến chỉ đạo */
	PH_ST_RESOLVED,		/* đã giải quyết */
	PH_ST_DISAGREED,	/* chưa thống nhất */
	PH_ST_DIRECTED,		/* đã có ý kiến chỉ đạo */
	PH_ST__COUNT
};

/* A keyword table row: the stable English word used by scripts, the
 * diacritic-free Vietnamese word a clerk may type instead, and the label
 * shown in the UI (a msgid). */
struct ph_keyword {
	int		 value;
	const char	*word;
	const char	*alias;
	const char	*label;
};

extern const struct ph_keyword ph_direction_words[];
extern const struct ph_keyword ph_class_words[];
extern const struct ph_keyword ph_urgency_words[];
extern const struct ph_keyword ph_status_words[];

/* Look WORD up in TABLE (case-insensitive, word or alias).  WHAT names the
 * field in the error message ("classification"). */
enum ph_status	 ph_keyword_parse(const struct ph_keyword *table,
		     const char *what, const char *word, int *out,
		     struct ph_error *err);
const char	*ph_keyword_word(const struct ph_keyword *table, int value);
/* Translated label. */
const char	*ph_keyword_label(const struct ph_keyword *table, int value);

struct ph_attachment {
	int64_t		 id;
	char		*name;		/* base name as given */
	int64_t		 size;
	char		*path;		/* only on input: file to read */
};

struct ph_letter {
	int64_t			 id;
	char			 uid[33];
	enum ph_direction	 direction;
	int			 reg_year;	/* year of the register book */
	int64_t			 register_no;	/* số đến / số đi; 0 none */
	char			*number;	/* số ký hiệu, "" none */
	char			*type;		/* type code, "" none */
	struct ph_date		 date;		/* ngày văn bản */
	struct ph_date		 received;	/* ngày đến (incoming) */
	char			*issuer;	/* organization name */
	struct ph_strv		 recipients;	/* organization names */
	char			*signer;
	char			*subject;
	char			*body;		/* NULL: none */
	enum ph_class		 classification;
	enum ph_urgency		 urgency;
	char			*agreement;	/* agreement number, NULL none */
	int			 reply_required;
	struct ph_date		 due;
	int64_t			 in_reply_to;	/* 0 none */
	enum ph_state	 status;
	int			 escalation_level;	/* 0: not escalated */
	struct ph_date		 replied_on;	/* when the case was answered */
	char			*handler;
	char			*notes;
	char			*created, *updated;	/* timestamps */
	struct ph_attachment	*attachments;
	size_t			 n_attachments;
};

void		ph_letter_init(struct ph_letter *l);
void		ph_letter_release(struct ph_letter *l);
/* Replace *FIELD by a copy of VALUE (NULL allowed). */
void		ph_letter_set(char **field, const char *value);
void		ph_letter_add_attachment(struct ph_letter *l, const char *path);

/* Check and normalise a text field typed by a person: valid UTF-8 (the
 * error names the byte offset), NFC, at most MAX characters.  *TEXT is
 * replaced by the normalised copy.  WHAT names the field. */
enum ph_status	ph_text_clean(char **text, const char *what, size_t max,
		    int required, struct ph_error *err);
/* Validate every field of L, normalising text; the first problem is
 * returned. */
enum ph_status	ph_letter_check(struct ph_letter *l, struct ph_error *err);

struct ph_org {
	int64_t		 id;
	char		 uid[33];
	char		*name;
	char		*short_name;
	char		*code;		/* issuer code in numbers: "ĐU", "TU" */
	char		*level;		/* free text: "tỉnh", "xã" ... */
	char		*superior;	/* name of the superior, NULL none */
	char		*contact;	/* đầu mối */
	int		 is_self;
	int64_t		 n_letters;	/* on listing only */
};

void		ph_org_init(struct ph_org *o);
void		ph_org_release(struct ph_org *o);
/* Check and normalise O's fields.  NAME_REQUIRED is 0 for an update,
 * where a NULL name means "keep the old one" (an empty one is refused). */
enum ph_status	ph_org_check(struct ph_org *o, int name_required,
		    struct ph_error *err);

struct ph_agreement {
	int64_t		 id;
	char		 uid[33];
	char		*number;
	struct ph_date	 date;
	char		*issuer;
	char		*title;
	struct ph_strv	 parties;
};

void		ph_agreement_init(struct ph_agreement *a);
void		ph_agreement_release(struct ph_agreement *a);

#endif
