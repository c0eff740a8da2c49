/*
 * t-store-window.c -- windows of a register: ph_store_letter_window()
 * paged 7 rows at a time through ~300 letters, forward then backward,
 * for every sort and both orders, against the same letters sorted here
 * in C; filters, the keys handed out, ph_store_letter_count() and
 * ph_store_data_version().  The organization filter is the other party:
 * the issuer of an incoming letter, any recipient of an outgoing one.
 * Then some 720 letters more in the books of 2026, from and to one
 * organization each and most awaiting a reply, so that those filters
 * keep too many rows to be read whole there (the store walks the sort's
 * index instead) and too few elsewhere: both ways in one window.
 */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "tap.h"

#define NLETTERS	300
#define PAGE		7
/* Letters of 2026 added later, by direction: more than the 50 rows a
 * row asked (50 x PAGE) beyond which a filter is not read whole. */
#define NBULK		360
#define MAXROWS		(NLETTERS + 2 * NBULK + 10)
#define BULK_FROM	"Hội Nông dân xã"
#define BULK_TO		"Công an xã"

static char	tmpdir[] = "/tmp/t-store-window.XXXXXX";

static const char *const orgs[] = {
	"Đảng ủy Công an tỉnh", "Ban Tổ chức Huyện ủy", "ủy ban nhân dân xã",
	"Chi bộ thôn 3", "Hội Nông dân xã", "Mặt trận Tổ quốc xã",
	"Ban Tuyên giáo Huyện ủy", "Công an xã", "Đoàn Thanh niên xã",
	"UBKT Huyện ủy", "Văn phòng Huyện ủy",
};
#define NORGS	(sizeof orgs / sizeof orgs[0])

static const char *const subjects[] = {
	"V/v phối hợp công tác bảo vệ chính trị nội bộ",
	"v/v phối hợp công tác bảo vệ chính trị nội bộ",
	"Báo cáo kết quả 6 tháng", "báo cáo kết quả 6 tháng",
	"Kế hoạch tổ chức Đại hội", "Đề nghị cung cấp thông tin",
	"Giấy mời họp", "Thông báo kết luận", "ABC test", "abc test",
	"Zebra", "Ý kiến về dự thảo",
};
#define NSUBJECTS	(sizeof subjects / sizeof subjects[0])

static const char *const numbers[] = {
	"", "12-CV/ĐU", "3-CV/ĐU", "120-BC/HU", "07/QĐ-UBND", "12-CV/ĐU",
	"45-TB/TU",
};
#define NNUMBERS	(sizeof numbers / sizeof numbers[0])

/* A row as the test sees it: the letter's id and its key for each sort,
 * worked out here without SQL. */
struct row {
	int64_t		 id;
	int		 dir, year, status;
	char		*issuer;
	struct ph_strv	 recipients;
	int		 has_due;
	struct ph_date	 due;
	char		*key[PH_SORT_STATUS + 1];
};

static struct row	 rows[MAXROWS];
static size_t		 nrows;

static unsigned long	 seed = 12345;

static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245 + 12345;
	return (unsigned)((seed >> 16) % n);
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(p);
}

static int
keep_row(const struct ph_letter *l, void *arg)
{
	struct row	*r = &rows[nrows++];
	char		 buf[32], *k;
	size_t		 i;

	memset(r, 0, sizeof *r);
	r->id = l->id;
	r->dir = l->direction;
	r->year = l->reg_year;
	r->status = l->status;
	r->issuer = ph_xstrdup(l->issuer);
	ph_strv_init(&r->recipients);
	for (i = 0; i < l->recipients.n; i++)
		ph_strv_push(&r->recipients, l->recipients.v[i]);
	r->has_due = ph_date_is_set(l->due);
	r->due = l->due;
	r->key[PH_SORT_REGISTER] = ph_xasprintf("%04d-%010lld", l->reg_year,
	    (long long)l->register_no);
	r->key[PH_SORT_DATE] = ph_xstrdup(ph_date_iso(l->date, buf));
	r->key[PH_SORT_NUMBER] = ph_xstrdup(l->number);
	r->key[PH_SORT_ORG] = ph_viet_name_key(l->direction == PH_DIR_IN ?
	    l->issuer : l->recipients.v[0]);
	/* lower(): ASCII letters only. */
	k = ph_xstrdup(l->subject);
	for (i = 0; k[i] != '\0'; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] += 'a' - 'A';
	r->key[PH_SORT_SUBJECT] = k;
	r->key[PH_SORT_DUE] = ph_xstrdup(r->has_due ?
	    ph_date_iso(l->due, buf) : "");
	r->key[PH_SORT_STATUS] = ph_xstrdup(ph_keyword_word(ph_status_words,
	    l->status));
	return 0;
}

static int	cmp_sort, cmp_desc;

static int
row_cmp(const void *a, const void *b)
{
	const struct row	*x = *(const struct row *const *)a;
	const struct row	*y = *(const struct row *const *)b;
	int			 c;

	if (cmp_sort == PH_SORT_DUE && x->has_due != y->has_due)
		return x->has_due ? -1 : 1;	/* none last, either way */
	c = strcmp(x->key[cmp_sort], y->key[cmp_sort]);
	if (c == 0)
		c = x->id < y->id ? -1 : x->id > y->id;
	return cmp_desc ? -c : c;
}

/* Is ORG the other party of R: its issuer (incoming), one of its
 * recipients (outgoing)? */
static int
other_party(const struct row *r, const char *org)
{
	size_t	i;

	if (r->dir == PH_DIR_IN)
		return strcmp(r->issuer, org) == 0;
	for (i = 0; i < r->recipients.n; i++)
		if (strcmp(r->recipients.v[i], org) == 0)
			return 1;
	return 0;
}

static int
matches(const struct row *r, const struct ph_letter_filter *f)
{
	if (f->direction >= 0 && r->dir != f->direction)
		return 0;
	if (f->year > 0 && r->year != f->year)
		return 0;
	if (f->status >= 0 && r->status != f->status)
		return 0;
	if (f->issuer != NULL && !other_party(r, f->issuer))
		return 0;
	if (f->overdue && (!r->has_due ||
	    ph_date_cmp(r->due, f->today) >= 0 ||
	    (r->status != PH_ST_AWAITING && r->status != PH_ST_EXTENDED &&
	    r->status != PH_ST_REMINDED)))
		return 0;
	return 1;
}

/* The expected order of the letters F matches, as ids. */
static size_t
expected(const struct ph_letter_filter *f, int sort, int desc,
    int64_t *ids)
{
	const struct row	*v[MAXROWS];
	size_t			 i, n = 0;

	for (i = 0; i < nrows; i++)
		if (matches(&rows[i], f))
			v[n++] = &rows[i];
	cmp_sort = sort;
	cmp_desc = desc;
	qsort(v, n, sizeof v[0], row_cmp);
	for (i = 0; i < n; i++)
		ids[i] = v[i]->id;
	return n;
}

static const struct row *
row_of(int64_t id)
{
	size_t	i;

	for (i = 0; i < nrows; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

/* One window's rows and keys. */
struct page {
	int64_t		 ids[64];
	char		*keys[64];
	size_t		 n, nkeys;
	int		 order_ok;	/* cb's and key_out's ids agree */
};

static int
page_cb(const struct ph_letter *l, void *arg)
{
	struct page	*p = arg;

	if (p->n < p->nkeys && p->ids[p->n] != l->id)
		p->order_ok = 0;
	if (p->n >= p->nkeys)
		p->ids[p->n] = l->id;
	p->n++;
	return 0;
}

static void
page_key(int64_t id, const char *key, void *arg)
{
	struct page	*p = arg;

	p->ids[p->nkeys] = id;
	p->keys[p->nkeys++] = ph_xstrdup(key);
}

static void
page_release(struct page *p)
{
	size_t	i;

	for (i = 0; i < p->nkeys; i++)
		free(p->keys[i]);
	memset(p, 0, sizeof *p);
}

/* Page through F sorted by SORT 7 rows at a time, forward then
 * backward, and compare with the C order. */
static void
check_paging(struct ph_store *st, const struct ph_letter_filter *f,
    int sort, int desc, const char *what)
{
	int64_t			 want[MAXROWS], fwd[MAXROWS];
	int64_t			 back[MAXROWS];
	struct ph_letter_window	 w;
	struct ph_error		 err;
	struct page		 p;
	char			*anchor = NULL;
	size_t			 nwant, nfwd = 0, nback = 0, i, calls = 0;
	int			 keys_ok = 1, order_ok = 1, fail = 0;

	nwant = expected(f, sort, desc, want);
	memset(&w, 0, sizeof w);
	w.filter = f;
	w.sort = sort;
	w.desc = desc;
	w.n = PAGE;
	for (;;) {
		memset(&p, 0, sizeof p);
		p.order_ok = 1;
		if (ph_store_letter_window(st, &w, page_cb, page_key, &p,
		    &err) != PH_OK) {
			diag("%s: %s", what, err.msg);
			fail = 1;
			break;
		}
		order_ok &= p.order_ok && p.n == p.nkeys;
		for (i = 0; i < p.n && nfwd < nwant + 1; i++) {
			const struct row *r = row_of(p.ids[i]);
			if (r == NULL || strcmp(r->key[sort], p.keys[i]) != 0)
				keys_ok = 0;
			fwd[nfwd++] = p.ids[i];
		}
		if (p.n < PAGE || ++calls > MAXROWS) {
			page_release(&p);
			break;
		}
		free(anchor);
		anchor = ph_xstrdup(p.keys[p.n - 1]);
		w.anchor.id = p.ids[p.n - 1];
		w.anchor.key = anchor;
		page_release(&p);
	}
	ok(!fail && nfwd == nwant && memcmp(fwd, want, nwant * sizeof *want)
	    == 0, "%s: forward, %zu rows", what, nwant);
	ok(keys_ok && order_ok, "%s: keys handed out are the rows' keys",
	    what);

	/* Backward from the end: each page is the rows before the first
	 * row of the page after it. */
	w.backward = 1;
	w.anchor.id = 0;
	w.anchor.key = NULL;
	calls = 0;
	fail = 0;
	for (;;) {
		memset(&p, 0, sizeof p);
		p.order_ok = 1;
		if (ph_store_letter_window(st, &w, page_cb, page_key, &p,
		    &err) != PH_OK) {
			diag("%s: %s", what, err.msg);
			fail = 1;
			break;
		}
		if (nback + p.n > nwant) {
			fail = 1;
			page_release(&p);
			break;
		}
		memmove(back + p.n, back, nback * sizeof *back);
		memcpy(back, p.ids, p.n * sizeof *back);
		nback += p.n;
		if (p.n < PAGE || ++calls > MAXROWS) {
			page_release(&p);
			break;
		}
		free(anchor);
		anchor = ph_xstrdup(p.keys[0]);
		w.anchor.id = p.ids[0];
		w.anchor.key = anchor;
		page_release(&p);
	}
	free(anchor);
	ok(!fail && nback == nwant && memcmp(back, want, nwant *
	    sizeof *want) == 0, "%s: backward, %zu rows", what, nback);
}

static const char *const sort_names[] = {
	"register", "date", "number", "org", "subject", "due", "status",
};

static int
add_letters(struct ph_store *st)
{
	struct ph_error		 err;
	struct ph_letter	 l;
	int64_t			 id;
	int			 i;

	if (ph_store_begin(st, &err) != PH_OK)
		return -1;
	for (i = 0; i < NLETTERS; i++) {
		ph_letter_init(&l);
		l.direction = rnd(5) < 3 ? PH_DIR_IN : PH_DIR_OUT;
		l.date = (struct ph_date){ 2024 + (int)rnd(3),
		    1 + (int)rnd(12), 1 + (int)rnd(28) };
		l.received = l.date;
		if (l.direction == PH_DIR_IN) {
			l.issuer = ph_xstrdup(orgs[rnd(NORGS)]);
			l.number = ph_xstrdup(numbers[rnd(NNUMBERS)]);
		} else
			ph_strv_push(&l.recipients, orgs[rnd(NORGS)]);
		if (rnd(3) == 0)
			ph_strv_push(&l.recipients, orgs[rnd(NORGS)]);
		l.subject = ph_xstrdup(subjects[rnd(NSUBJECTS)]);
		if (rnd(3) != 0) {
			l.due = (struct ph_date){ l.date.y,
			    1 + (int)rnd(12), 1 + (int)rnd(28) };
			if (ph_date_cmp(l.due, l.date) < 0)
				l.due.y++;
		}
		switch (rnd(4)) {
		case 0:
			l.status = PH_ST_AWAITING;
			break;
		case 1:
			l.status = PH_ST_REPLIED;
			break;
		case 2:
			l.status = PH_ST_EXTENDED;
			break;
		default:
			l.status = PH_ST_REGISTERED;
		}
		if (ph_store_letter_add(st, &l, &id, NULL, &err) != PH_OK) {
			diag("add %d: %s", i, err.msg);
			ph_letter_release(&l);
			ph_store_rollback(st);
			return -1;
		}
		ph_letter_release(&l);
	}
	return ph_store_commit(st, &err) == PH_OK ? 0 : -1;
}

/* Letters of 2026: NBULK incoming from BULK_FROM, three in four awaiting
 * a reply; NBULK outgoing to BULK_TO, first of their recipients, second,
 * or alone. */
static int
add_bulk(struct ph_store *st)
{
	struct ph_error		 err;
	struct ph_letter	 l;
	int64_t			 id;
	int			 i;

	if (ph_store_begin(st, &err) != PH_OK)
		return -1;
	for (i = 0; i < 2 * NBULK; i++) {
		ph_letter_init(&l);
		l.direction = i < NBULK ? PH_DIR_IN : PH_DIR_OUT;
		l.date = (struct ph_date){ 2026, 1 + (int)rnd(12),
		    1 + (int)rnd(28) };
		l.received = l.date;
		if (l.direction == PH_DIR_IN) {
			l.issuer = ph_xstrdup(BULK_FROM);
			l.number = ph_xstrdup(numbers[rnd(NNUMBERS)]);
		} else {
			switch (rnd(4)) {
			case 0:
				ph_strv_push(&l.recipients, orgs[rnd(NORGS)]);
				ph_strv_push(&l.recipients, BULK_TO);
				break;
			case 1:
				ph_strv_push(&l.recipients, BULK_TO);
				ph_strv_push(&l.recipients, orgs[rnd(NORGS)]);
				break;
			default:
				ph_strv_push(&l.recipients, BULK_TO);
			}
		}
		l.subject = ph_xstrdup(subjects[rnd(NSUBJECTS)]);
		if (rnd(4) != 0) {
			/* Up to a month after the letter. */
			l.due = l.date;
			if (rnd(2) && l.due.m < 12)
				l.due.m++;
			else
				l.due.d = 28;
			l.status = PH_ST_AWAITING;
		} else
			l.status = rnd(2) ? PH_ST_REGISTERED : PH_ST_REPLIED;
		if (ph_store_letter_add(st, &l, &id, NULL, &err) != PH_OK) {
			diag("bulk %d: %s", i, err.msg);
			ph_letter_release(&l);
			ph_store_rollback(st);
			return -1;
		}
		ph_letter_release(&l);
	}
	return ph_store_commit(st, &err) == PH_OK ? 0 : -1;
}

static void
rows_release(void)
{
	size_t	k;
	int	i;

	for (k = 0; k < nrows; k++) {
		free(rows[k].issuer);
		ph_strv_release(&rows[k].recipients);
		for (i = 0; i <= PH_SORT_STATUS; i++)
			free(rows[k].key[i]);
	}
	nrows = 0;
}

/* The organization, status and overdue filters, alone and together,
 * paged on every sort; WHEN names the phase. */
static void
check_filters(struct ph_store *st, const char *when)
{
	struct ph_letter_filter	 f;
	char			 what[160];
	int			 sort;

	for (sort = PH_SORT_REGISTER; sort <= PH_SORT_STATUS; sort++) {
		ph_letter_filter_init(&f);
		f.direction = PH_DIR_IN;
		f.issuer = BULK_FROM;
		snprintf(what, sizeof what, "%s: from %s, %s", when,
		    BULK_FROM, sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
		ph_letter_filter_init(&f);
		f.direction = PH_DIR_OUT;
		f.issuer = BULK_TO;
		snprintf(what, sizeof what, "%s: to %s (any recipient), %s "
		    "desc", when, BULK_TO, sort_names[sort]);
		check_paging(st, &f, sort, 1, what);
		f.year = 2026;
		snprintf(what, sizeof what, "%s: to %s in 2026, %s", when,
		    BULK_TO, sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
		ph_letter_filter_init(&f);
		f.issuer = BULK_TO;
		snprintf(what, sizeof what, "%s: from or to %s, %s", when,
		    BULK_TO, sort_names[sort]);
		check_paging(st, &f, sort, sort % 2, what);
		ph_letter_filter_init(&f);
		f.direction = PH_DIR_IN;
		f.status = PH_ST_AWAITING;
		snprintf(what, sizeof what, "%s: incoming awaiting reply, %s",
		    when, sort_names[sort]);
		check_paging(st, &f, sort, 1, what);
		f.issuer = BULK_FROM;
		snprintf(what, sizeof what, "%s: from %s awaiting reply, %s",
		    when, BULK_FROM, sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
		ph_letter_filter_init(&f);
		f.overdue = 1;
		f.today = (struct ph_date){ 2026, 6, 15 };
		snprintf(what, sizeof what, "%s: overdue on 2026-06-15, %s",
		    when, sort_names[sort]);
		check_paging(st, &f, sort, sort % 2, what);
		f.direction = PH_DIR_OUT;
		f.issuer = BULK_TO;
		snprintf(what, sizeof what, "%s: overdue, to %s, %s", when,
		    BULK_TO, sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
	}
	/* Each status on one sort. */
	for (sort = 0; sort < PH_ST__COUNT; sort++) {
		ph_letter_filter_init(&f);
		f.status = sort;
		snprintf(what, sizeof what, "%s: status %s, by date", when,
		    ph_keyword_word(ph_status_words, sort));
		check_paging(st, &f, PH_SORT_DATE, 1, what);
	}
}

/* ph_store_letter_count() against the letters counted here. */
static void
check_counts(struct ph_store *st, const char *when)
{
	struct ph_letter_filter	 fs[12];
	struct ph_error		 err;
	int64_t			 want[MAXROWS], n, m;
	int			 i;

	for (i = 0; i < 12; i++)
		ph_letter_filter_init(&fs[i]);
	fs[1].direction = PH_DIR_IN;
	fs[2].direction = PH_DIR_OUT;
	fs[2].year = 2025;
	fs[3].status = PH_ST_EXTENDED;
	fs[4].overdue = 1;
	fs[4].today = (struct ph_date){ 2025, 6, 1 };
	fs[5].direction = PH_DIR_IN;
	fs[5].issuer = BULK_FROM;
	fs[6].direction = PH_DIR_OUT;
	fs[6].issuer = BULK_TO;
	fs[7].issuer = BULK_TO;
	fs[8].direction = PH_DIR_OUT;
	fs[8].issuer = BULK_TO;
	fs[8].year = 2026;
	fs[9].issuer = BULK_FROM;
	fs[9].status = PH_ST_AWAITING;
	fs[10].issuer = BULK_TO;
	fs[10].year = 2025;
	fs[10].overdue = 1;
	fs[10].today = (struct ph_date){ 2026, 6, 15 };
	/* Our own unit: the recipient of incoming letters, the issuer of
	 * outgoing ones, the other party of none. */
	fs[11].issuer = "Đảng ủy xã Tân Tiến";
	for (i = 0; i < 12; i++) {
		m = (int64_t)expected(&fs[i], 0, 0, want);
		ok(ph_store_letter_count(st, &fs[i], &n, &err) == PH_OK &&
		    n == m, "%s: count, filter %d: %lld (want %lld)", when, i,
		    (long long)n, (long long)m);
	}
}

static int
stop_cb(const struct ph_letter *l, void *arg)
{
	(*(int *)arg)++;
	return 1;
}

int
main(void)
{
	struct ph_store		*st = NULL, *st2 = NULL;
	struct ph_letter_filter	 f, all;
	struct ph_letter_window	 w;
	struct ph_error		 err;
	struct ph_unit		 u;
	struct ph_letter	 l;
	struct page		 p;
	int64_t			 want[MAXROWS], n, v1, v2, v3, id;
	char			*db, what[128];
	int			 sort, desc, i, calls;
	size_t			 k;

	plan_lazy();
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	setenv("PHOIHOP_NOW", "2026-06-15T09:00:00", 1);
	db = ph_xasprintf("%s/w.db", tmpdir);
	if (ph_store_open(db, PH_STORE_CREATE, &st, &err) != PH_OK) {
		diag("open: %s", err.msg);
		return 1;
	}
	ph_store_set_datadir(st, getenv("PHOIHOP_DATADIR"));
	memset(&u, 0, sizeof u);
	u.name = ph_xstrdup("Đảng ủy xã Tân Tiến");
	u.code = ph_xstrdup("ĐU");
	u.numbering = PH_NUMBERING_PARTY;
	u.term_start = (struct ph_date){ 2020, 7, 1 };
	ph_store_begin(st, NULL);
	ph_store_unit_set(st, &u, NULL);
	ph_store_commit(st, NULL);
	ph_unit_release(&u);
	ok(add_letters(st) == 0, "%d letters added", NLETTERS);

	ph_letter_filter_init(&all);
	nrows = 0;
	i = ph_store_letter_list(st, &all, keep_row, NULL, &err) == PH_OK;
	ok(i && nrows == NLETTERS, "the list reads them back (%zu)", nrows);

	/* Every sort, both orders, the whole register. */
	for (sort = PH_SORT_REGISTER; sort <= PH_SORT_STATUS; sort++)
		for (desc = 0; desc <= 1; desc++) {
			snprintf(what, sizeof what, "all, %s %s",
			    sort_names[sort], desc ? "desc" : "asc");
			check_paging(st, &all, sort, desc, what);
		}

	/* Filters: the common ones on every sort, the others on a few. */
	for (sort = PH_SORT_REGISTER; sort <= PH_SORT_STATUS; sort++) {
		ph_letter_filter_init(&f);
		f.direction = PH_DIR_IN;
		snprintf(what, sizeof what, "incoming, %s", sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
		f.direction = PH_DIR_OUT;
		f.year = 2025;
		snprintf(what, sizeof what, "outgoing 2025, %s desc",
		    sort_names[sort]);
		check_paging(st, &f, sort, 1, what);
		ph_letter_filter_init(&f);
		f.year = 2026;
		snprintf(what, sizeof what, "2026, %s", sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
	}
	for (sort = PH_SORT_REGISTER; sort <= PH_SORT_STATUS; sort += 3) {
		ph_letter_filter_init(&f);
		f.status = PH_ST_AWAITING;
		snprintf(what, sizeof what, "awaiting reply, %s",
		    sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
		ph_letter_filter_init(&f);
		f.issuer = "Công an xã";
		f.direction = PH_DIR_IN;
		snprintf(what, sizeof what, "from Công an xã, %s desc",
		    sort_names[sort]);
		check_paging(st, &f, sort, 1, what);
		ph_letter_filter_init(&f);
		f.overdue = 1;
		f.today = (struct ph_date){ 2025, 6, 1 };
		snprintf(what, sizeof what, "overdue on 2025-06-01, %s",
		    sort_names[sort]);
		check_paging(st, &f, sort, 0, what);
	}

	/* Counts; the organization, status and overdue filters, on every
	 * sort. */
	check_counts(st, "300 letters");
	check_filters(st, "300 letters");
	ph_letter_filter_init(&f);
	f.direction = PH_DIR_OUT;
	f.issuer = "Đảng ủy xã Tân Tiến";
	w.filter = &f;
	w.sort = PH_SORT_DATE;
	w.desc = 0;
	w.anchor.id = 0;
	w.anchor.key = NULL;
	w.backward = 0;
	w.n = 10;
	calls = 0;
	ok(ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err) ==
	    PH_OK && calls == 0, "no outgoing letter is sent to our own unit");

	/* Many more letters of 2026 from and to one organization: there,
	 * its filters keep too many rows to be read whole. */
	ok(add_bulk(st) == 0, "%d letters more in 2026", 2 * NBULK);
	rows_release();
	i = ph_store_letter_list(st, &all, keep_row, NULL, &err) == PH_OK;
	ok(i && nrows == NLETTERS + 2 * NBULK, "the list reads them all "
	    "back (%zu)", nrows);
	check_counts(st, "with 2026's");
	check_filters(st, "with 2026's");
	for (desc = 0; desc <= 1; desc++) {
		snprintf(what, sizeof what, "with 2026's: all, org %s",
		    desc ? "desc" : "asc");
		check_paging(st, &all, PH_SORT_ORG, desc, what);
	}

	/* Small things: n = 0, a stop from the callback, a NULL filter,
	 * a bad anchor, an unknown sort, an unknown issuer. */
	memset(&w, 0, sizeof w);
	w.sort = PH_SORT_DATE;
	memset(&p, 0, sizeof p);
	p.order_ok = 1;
	ok(ph_store_letter_window(st, &w, page_cb, page_key, &p, &err) ==
	    PH_OK && p.n == 0, "a window of 0 rows is empty");
	page_release(&p);
	w.n = 10;
	calls = 0;
	ok(ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err) ==
	    PH_OK && calls == 1, "the callback stops the window");
	w.sort = PH_SORT_REGISTER;
	w.anchor.id = 5;
	w.anchor.key = "garbage";
	ok(ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err) ==
	    PH_ERR_INVALID, "a bad register anchor is refused: %s", err.msg);
	w.sort = (enum ph_letter_sort)42;
	ok(ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err) ==
	    PH_ERR_INVALID, "an unknown sort is refused");
	ph_letter_filter_init(&f);
	f.issuer = "Nobody at all";
	w.sort = PH_SORT_DATE;
	w.filter = &f;
	w.anchor.id = 0;
	ok(ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err) ==
	    PH_ERR_NOTFOUND, "an unknown issuer is refused");

	/* An anchor whose row was deleted still places the window. */
	ph_letter_filter_init(&f);
	f.direction = PH_DIR_IN;
	k = expected(&f, PH_SORT_DATE, 0, want);
	{
		const struct row	*r = row_of(want[10]);
		char			*key = ph_xstrdup(r->key[PH_SORT_DATE]);

		ph_store_begin(st, NULL);
		ok(ph_store_letter_delete(st, want[10], &err) == PH_OK,
		    "delete letter %lld", (long long)want[10]);
		ph_store_commit(st, NULL);
		memset(&w, 0, sizeof w);
		w.filter = &f;
		w.sort = PH_SORT_DATE;
		w.anchor.id = want[10];
		w.anchor.key = key;
		w.n = 3;
		memset(&p, 0, sizeof p);
		p.order_ok = 1;
		ok(ph_store_letter_window(st, &w, page_cb, page_key, &p,
		    &err) == PH_OK && p.n == 3 && p.ids[0] == want[11] &&
		    p.ids[2] == want[13], "after a deleted anchor");
		page_release(&p);
		w.backward = 1;
		memset(&p, 0, sizeof p);
		p.order_ok = 1;
		ok(ph_store_letter_window(st, &w, page_cb, page_key, &p,
		    &err) == PH_OK && p.n == 3 && p.ids[0] == want[7] &&
		    p.ids[2] == want[9], "before a deleted anchor");
		page_release(&p);
		free(key);
	}
	(void)k;

	/* data_version: the same after our own reads, changed after
	 * another connection commits. */
	ok(ph_store_data_version(st, &v1, &err) == PH_OK, "data_version %lld",
	    (long long)v1);
	memset(&w, 0, sizeof w);
	w.sort = PH_SORT_SUBJECT;
	w.n = 20;
	calls = 0;
	ph_store_letter_window(st, &w, stop_cb, NULL, &calls, &err);
	ph_store_letter_count(st, &all, &n, &err);
	ok(ph_store_data_version(st, &v2, &err) == PH_OK && v2 == v1,
	    "unchanged after our own reads");
	if (ph_store_open(db, PH_STORE_WRITE, &st2, &err) != PH_OK) {
		diag("second open: %s", err.msg);
		return 1;
	}
	ph_letter_init(&l);
	l.direction = PH_DIR_IN;
	l.date = (struct ph_date){ 2026, 6, 1 };
	l.received = l.date;
	l.issuer = ph_xstrdup("Công an xã");
	l.subject = ph_xstrdup("Thư từ kết nối thứ hai");
	ok(ph_store_begin(st2, &err) == PH_OK &&
	    ph_store_letter_add(st2, &l, &id, NULL, &err) == PH_OK &&
	    ph_store_commit(st2, &err) == PH_OK, "a second connection adds "
	    "a letter");
	ph_letter_release(&l);
	ok(ph_store_data_version(st, &v3, &err) == PH_OK && v3 != v1,
	    "changed after its commit (%lld -> %lld)", (long long)v1,
	    (long long)v3);
	ok(ph_store_letter_count(st, &all, &n, &err) == PH_OK &&
	    n == NLETTERS + 2 * NBULK, "and the count sees the letter (%lld)",
	    (long long)n);
	ph_store_close(st2);
	ph_store_close(st);

	rows_release();
	free(db);
	nftw(tmpdir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return done();
}
