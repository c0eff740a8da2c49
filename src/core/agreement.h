/*
 * agreement.h -- a coordination regulation (quy chế phối hợp) as data:
 * what the files of data/agreements/ hold and what the flow needs from them.
 *
 * Parsing and checking only (agreement-file.c); storing is store-*.c.
 */
#ifndef PH_AGREEMENT_H
#define PH_AGREEMENT_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "util.h"

/* The reply rule: how long the side asked has to answer. */
struct ph_reply_rule {
	int	 days;		/* N */
	int	 workdays;	/* 1: working days; 0: calendar days */
	int	 is_default;	/* 1: the regulation says only "kịp thời";
				 * N is phoihop's configurable default */
	int	 lead[4];	/* warning lead times in working days before
				 * the due day, e.g. {2, 0}: 2 days before
				 * and on the day; terminated by -1 */
	int	 grace;		/* working days overdue before phoihop
				 * suggests escalating */
	char	*source;	/* "Điều 5, khoản 2: chậm nhất 05 ngày làm việc" */
};

enum ph_period_kind {
	PH_PERIOD_HALF_YEAR,	/* every 6 months: due on DAY/MONTH and
				 * DAY2/MONTH2 */
	PH_PERIOD_YEAR,		/* yearly, on DAY/MONTH */
	PH_PERIOD_TERM_END,	/* once, in the last year of the congress
				 * term (tổng kết), on DAY/MONTH */
};

enum ph_dayoff_policy {
	PH_DAYOFF_PREVIOUS,	/* move to the previous working day (default:
				 * the clerk is never late) */
	PH_DAYOFF_KEEP,		/* keep the date */
	PH_DAYOFF_NEXT,		/* the Civil Code's rule for periods */
};

struct ph_periodic_rule {
	char			*key;		/* stable id in the file: "bc-6-thang" */
	char			*name;		/* "Báo cáo 6 tháng" */
	enum ph_period_kind	 kind;
	int			 month, day;	/* due (before) this day */
	int			 month2, day2;	/* second date of a half-year */
	int			 before;	/* 1: "trước ngày": due the day
						 * before DAY; 0: on DAY */
	enum ph_dayoff_policy	 dayoff;
	char			*who;		/* which side owes it */
	char			*to;		/* to whom */
	char			*source;
};

struct ph_escalation_step {
	char	*body;		/* "Thường trực Đảng ủy" */
	char	*via;		/* "Ban Tổ chức Tỉnh ủy" or NULL */
	char	*when;		/* "chưa thống nhất" / "quá hạn" ... or NULL */
};

struct ph_agreement_def {
	char			*number;	/* "409-QĐ/TU" */
	struct ph_date		 date;
	char			*issuer;
	char			*title;
	struct ph_strv		 parties;
	struct ph_strv		 items;		/* Nội dung phối hợp 1..n */
	struct ph_reply_rule	 reply;
	struct ph_periodic_rule	*periodic;
	size_t			 n_periodic;
	struct ph_escalation_step *escalation;
	size_t			 n_escalation;
	struct ph_strv		 supersedes;	/* numbers it replaces */
	char			*source_file;	/* where it was read */
};

void		ph_agreement_def_init(struct ph_agreement_def *a);
void		ph_agreement_def_release(struct ph_agreement_def *a);
/* Parse the file at PATH into A.  A malformed file is an error naming
 * file, line and reason; A is then released. */
enum ph_status	ph_agreement_def_load(const char *path,
		    struct ph_agreement_def *a, struct ph_error *err);
/* The same from text in memory (NAME is used in messages). */
enum ph_status	ph_agreement_def_parse(const char *name, const char *text,
		    struct ph_agreement_def *a, struct ph_error *err);

#endif
