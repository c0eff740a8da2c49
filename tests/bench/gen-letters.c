/*
 * gen-letters.c -- fill a new phoihop database with N made-up letters of a
 * commune Party committee, for the benchmark (tests/bench/bench.sh).
 *
 * Every letter goes through ph_store_letter_add() as a clerk's would: it
 * is checked, numbered, its organizations are resolved and its event is
 * logged; that is what is measured.  There is no SQL here.  The letters
 * are deterministic: the same --seed and --count give the same letters
 * (the random uids aside), spread evenly over the working days of the
 * years given, added in the order they were received or sent, with the
 * clock (PHOIHOP_NOW) pinned to that day and hour.
 *
 * --batch sets how many letters go in one transaction (default 1000),
 * --progress N prints the rate of each N letters on stderr (bench.sh
 * projects the time for a larger register from them), --append adds to
 * an existing register, to profile a large one without filling it again.
 *
 * Not a demo data set (data/demo/ is), not a test of the checks (the
 * letters are all valid), not a fast loader: nothing is bypassed.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "store.h"

#define N_OF(a)		(sizeof (a) / sizeof (a)[0])

/* ------------------------------------------------------------ randomness */

/* splitmix64: small, fast, and the same on every platform. */
static uint64_t	rng_state;

static uint64_t
rng_next(void)
{
	uint64_t	z;

	z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 .. N-1 */
static uint32_t
rng_below(uint32_t n)
{
	return (uint32_t)(((rng_next() >> 32) * n) >> 32);
}

/* LO .. HI inclusive. */
static int
rng_range(int lo, int hi)
{
	return lo + (int)rng_below((uint32_t)(hi - lo + 1));
}

/* True PERMILLE times in a thousand. */
static int
rng_chance(int permille)
{
	return (int)rng_below(1000) < permille;
}

#define PICK(a)		((a)[rng_below(N_OF(a))])

/* ------------------------------------------------------------ the pools */

struct org {
	const char	*name;
	const char	*code;		/* the issuer part of its numbers */
	int		 state;		/* numbers in state style: 12/BC-UBND */
	int		 weight;	/* how often it writes to us */
};

static const struct org orgs[] = {
	{ "Ban Thường vụ Tỉnh ủy", "TU", 0, 6 },
	{ "Văn phòng Tỉnh ủy", "VPTU", 0, 5 },
	{ "Ban Tổ chức Tỉnh ủy", "BTCTU", 0, 4 },
	{ "Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU", 0, 4 },
	{ "Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", 0, 3 },
	{ "Ban Nội chính Tỉnh ủy", "BNCTU", 0, 2 },
	{ "Đảng ủy Khối các cơ quan tỉnh", "ĐUK", 0, 1 },
	{ "Đảng ủy Công an tỉnh", "ĐUCA", 0, 4 },
	{ "Đảng ủy Quân sự tỉnh", "ĐUQS", 0, 3 },
	{ "Ban Thường vụ Huyện ủy", "HU", 0, 8 },
	{ "Văn phòng Huyện ủy", "VPHU", 0, 7 },
	{ "Ban Tổ chức Huyện ủy", "BTCHU", 0, 5 },
	{ "Ban Tuyên giáo Huyện ủy", "BTGHU", 0, 4 },
	{ "Ủy ban Kiểm tra Huyện ủy", "UBKTHU", 0, 4 },
	{ "Ban Dân vận Huyện ủy", "BDVHU", 0, 3 },
	{ "Trung tâm Chính trị huyện", "TTCT", 0, 2 },
	{ "Ủy ban Kiểm tra Đảng ủy xã Tân Tiến", "UBKTĐU", 0, 4 },
	{ "Ủy ban nhân dân xã Tân Tiến", "UBND", 1, 8 },
	{ "Hội đồng nhân dân xã Tân Tiến", "HĐND", 1, 3 },
	{ "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Tiến", "MTTQ", 0, 4 },
	{ "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Tân Tiến", "ĐTN", 0, 2 },
	{ "Hội Liên hiệp Phụ nữ xã Tân Tiến", "HPN", 0, 2 },
	{ "Hội Nông dân xã Tân Tiến", "HND", 0, 2 },
	{ "Hội Cựu chiến binh xã Tân Tiến", "HCCB", 0, 2 },
	{ "Công an xã Tân Tiến", "CAX", 1, 3 },
	{ "Ban Chỉ huy Quân sự xã Tân Tiến", "BCHQS", 1, 2 },
	{ "Chi bộ thôn Đông", "CB", 0, 3 },
	{ "Chi bộ thôn Tây", "CB", 0, 3 },
	{ "Chi bộ thôn Nam", "CB", 0, 3 },
	{ "Chi bộ thôn Bắc", "CB", 0, 3 },
	{ "Chi bộ thôn Đông Hòa", "CB", 0, 2 },
	{ "Chi bộ thôn Tân Lập", "CB", 0, 2 },
	{ "Chi bộ thôn Trung Hậu", "CB", 0, 2 },
	{ "Chi bộ Trường Tiểu học Tân Tiến", "CB", 0, 1 },
	{ "Chi bộ Trường Trung học cơ sở Tân Tiến", "CB", 0, 1 },
	{ "Chi bộ Trạm Y tế xã Tân Tiến", "CB", 0, 1 },
	{ "Chi bộ Công an xã Tân Tiến", "CB", 0, 2 },
	{ "Chi bộ Quân sự xã Tân Tiến", "CB", 0, 2 },
	{ "Văn phòng Trung ương Đảng", "VPTW", 0, 1 },
	{ "Sở Nội vụ tỉnh", "SNV", 1, 1 },
	{ "Bảo hiểm xã hội huyện", "BHXH", 1, 1 },
	{ "Ngân hàng Chính sách xã hội huyện", "NHCS", 1, 1 },
};

struct wtype {
	const char	*code;
	int		 weight_in, weight_out;
};

static const struct wtype types[] = {
	{ "CV", 40, 45 },
	{ "BC", 10, 20 },
	{ "TB", 12, 10 },
	{ "KH", 10, 8 },
	{ "GM", 15, 7 },
	{ "QĐ", 8, 7 },
	{ "TTr", 5, 3 },
};

static const char *const actions[] = {
	"triển khai",
	"báo cáo kết quả thực hiện",
	"đề nghị phối hợp về",
	"tăng cường lãnh đạo, chỉ đạo",
	"hướng dẫn thực hiện",
	"kiểm tra, giám sát",
	"sơ kết 6 tháng thực hiện",
	"tổng kết",
	"góp ý dự thảo văn bản về",
	"cung cấp thông tin, số liệu về",
	"rà soát, bổ sung hồ sơ về",
	"chuẩn bị hội nghị về",
	"đôn đốc thực hiện",
	"xin ý kiến chỉ đạo về",
	"thông báo kết luận của Thường trực Đảng ủy về",
	"mời dự hội nghị quán triệt",
	"phân công cán bộ theo dõi",
	"đẩy mạnh tuyên truyền về",
	"chấn chỉnh",
	"giao chỉ tiêu về",
};

static const char *const objects[] = {
	"Nghị quyết Đại hội Đảng bộ xã",
	"công tác bảo vệ chính trị nội bộ",
	"công tác phát triển đảng viên mới",
	"Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
	"công tác bảo đảm an ninh chính trị, trật tự an toàn xã hội",
	"phong trào toàn dân bảo vệ an ninh Tổ quốc",
	"công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
	"việc thu, nộp, quản lý và sử dụng đảng phí",
	"chương trình kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy",
	"Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"chuyển đổi số trong các cơ quan Đảng",
	"công tác dân vận của chính quyền",
	"công tác phòng, chống thiên tai, tìm kiếm cứu nạn",
	"công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
	"việc kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
	"công tác tuyển chọn, gọi công dân nhập ngũ",
	"việc cấp, phát và quản lý thẻ đảng viên",
	"công tác phòng, chống dịch bệnh",
	"hoạt động kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam",
	"công tác quản lý đất đai, trật tự xây dựng",
	"việc lấy ý kiến nhân dân về dự thảo văn kiện Đại hội",
	"quy chế phối hợp giữa Đảng ủy xã và Đảng ủy Công an tỉnh",
	"công tác bồi dưỡng lý luận chính trị cho đảng viên",
	"việc thực hiện quy chế dân chủ ở cơ sở",
	"công tác giảm nghèo bền vững",
	"công tác an toàn giao thông",
	"việc sinh hoạt chi bộ định kỳ",
	"công tác lưu trữ hồ sơ, tài liệu của Đảng",
};


static const char *const sentences[] = {
	"Để kịp thời tổng hợp, báo cáo cấp trên theo quy định, đề nghị các đồng chí khẩn trương triển khai thực hiện.",
	"Các chi bộ trực thuộc quán triệt đầy đủ nội dung văn bản đến toàn thể cán bộ, đảng viên.",
	"Giao Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Thường trực Đảng ủy.",
	"Quá trình thực hiện nếu có khó khăn, vướng mắc, đề nghị phản ánh về Văn phòng Đảng ủy để được hướng dẫn.",
	"Báo cáo gửi về trước ngày 25 của tháng cuối quý, đồng thời gửi bản điện tử qua hệ thống thư điện tử công vụ.",
	"Nội dung báo cáo cần bám sát đề cương, nêu rõ kết quả đạt được, hạn chế, nguyên nhân và bài học kinh nghiệm.",
	"Đề nghị Ủy ban nhân dân xã phối hợp chỉ đạo các ban, ngành, đoàn thể tổ chức thực hiện nghiêm túc.",
	"Thời gian, địa điểm cụ thể sẽ có thông báo sau; đề nghị các đồng chí bố trí thời gian tham dự đầy đủ.",
	"Yêu cầu bảo đảm bí mật nhà nước theo quy định, không đưa tài liệu lên mạng Internet.",
	"Trên cơ sở kết quả kiểm tra, Ban Thường vụ đánh giá cao tinh thần trách nhiệm của các đồng chí bí thư chi bộ.",
	"Tuy nhiên, việc cập nhật hồ sơ đảng viên ở một số chi bộ còn chậm, chưa đầy đủ theo hướng dẫn.",
	"Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tăng cường tuyên truyền, vận động đoàn viên, hội viên và nhân dân hưởng ứng.",
	"Kinh phí thực hiện từ nguồn ngân sách xã đã được phân bổ trong dự toán năm.",
	"Trân trọng đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện.",
	"Đảng ủy xã Tân Tiến báo cáo để Ban Thường vụ Huyện ủy biết, chỉ đạo.",
	"Đề nghị đồng chí bí thư chi bộ trực tiếp chỉ đạo, chịu trách nhiệm trước Đảng ủy về kết quả thực hiện.",
};

static const char *const people[] = {
	"Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Minh", "Phạm Thị Hoa",
	"Hoàng Văn Nam", "Vũ Thị Thu Hằng", "Đặng Văn Tâm", "Bùi Thị Hạnh",
	"Đỗ Quang Long", "Ngô Thị Mai", "Dương Văn Thắng", "Lý Thị Ngọc Ánh",
};

static const char *const handlers[] = {
	"Văn phòng Đảng ủy", "Ban Xây dựng Đảng", "Ủy ban Kiểm tra Đảng ủy",
	"Thường trực Đảng ủy", "Bộ phận tuyên giáo", "Bộ phận dân vận",
};

static const char *const agreements[] = {
	"01-QC/ĐU-ĐUCA",
	"02-QC/ĐU-ĐUQS",
	"05-QCPH/ĐU-MTTQ",
};

/* ------------------------------------------------------------ text */

static size_t
nchars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Cut S to at most MAX characters, at a space, with no trailing comma. */
static void
cut_chars(char *s, size_t max)
{
	size_t	 n = 0;
	char	*p, *space = NULL;

	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) == 0x80)
			continue;
		if (n == max)
			break;
		if (*p == ' ')
			space = p;
		n++;
	}
	if (*p == '\0')
		return;
	if (space == NULL)
		space = p;
	*space = '\0';
	while (space > s && (space[-1] == ',' || space[-1] == ' '))
		*--space = '\0';
}

/* A time or place after the subject; literal formats for -Wformat=2. */
static void
add_qualifier(struct ph_buf *b, int year)
{
	int	y0 = year - rng_range(0, 4);

	switch (rng_below(9)) {
	case 0:
		ph_buf_adds(b, " trên địa bàn xã");
		break;
	case 1:
		ph_buf_printf(b, " năm %d", year);
		break;
	case 2:
		ph_buf_printf(b, " quý %d năm %d", rng_range(1, 4), year);
		break;
	case 3:
		ph_buf_printf(b, " 6 tháng đầu năm %d", year);
		break;
	case 4:
		ph_buf_adds(b, " tại các chi bộ trực thuộc");
		break;
	case 5:
		ph_buf_adds(b, " trong tình hình mới");
		break;
	case 6:
		ph_buf_printf(b, " giai đoạn %d - %d", y0, y0 + 5);
		break;
	case 7:
		ph_buf_printf(b, " nhiệm kỳ %d - %d", y0, y0 + 5);
		break;
	default:
		ph_buf_printf(b, " đến hết ngày %d/%d", rng_range(1, 28),
		    rng_range(1, 12));
		break;
	}
}

/* "V/v " + action + object (+ qualifiers): 60 to 160 characters. */
static char *
make_subject(int year)
{
	struct ph_buf	b;
	char		*s;
	int		i;

	ph_buf_init(&b);
	ph_buf_printf(&b, "V/v %s %s", PICK(actions), PICK(objects));
	if (rng_chance(500))
		add_qualifier(&b, year);
	for (i = 0; i < 3 && nchars(b.data) < 60; i++)
		add_qualifier(&b, year);
	s = ph_buf_take(&b);
	cut_chars(s, 160);
	return s;
}

/* 200 to 1500 bytes of sentences, in paragraphs. */
static char *
make_body(const char *subject, const char *from)
{
	struct ph_buf	 b;
	size_t		 target = (size_t)rng_range(200, 1500);
	const char	*s, *prev = NULL;

	ph_buf_init(&b);
	ph_buf_printf(&b, "Thực hiện chương trình công tác, %s thông báo", from);
	ph_buf_printf(&b, " nội dung %s", subject + 4);	/* past "V/v " */
	ph_buf_adds(&b, " như sau:\n");
	while (b.len < target) {
		if ((s = PICK(sentences)) == prev)
			continue;
		prev = s;
		if (b.len + strlen(s) + 1 > 1500)
			break;
		ph_buf_adds(&b, s);
		ph_buf_addc(&b, rng_chance(300) ? '\n' : ' ');
	}
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == '\n'))
		b.data[--b.len] = '\0';
	return ph_buf_take(&b);
}

/* ------------------------------------------------------------ calendar */

struct calendar {
	long	*days;		/* working days (Monday-Friday) */
	size_t	 n;
	long	 first, last;	/* first and last day of the range */
};

static void
calendar_init(struct calendar *c, int y0, int y1)
{
	long	d;

	c->first = ph_date_to_days((struct ph_date){ y0, 1, 1 });
	c->last = ph_date_to_days((struct ph_date){ y1, 12, 31 });
	c->days = ph_xcalloc((size_t)(c->last - c->first + 1), sizeof *c->days);
	c->n = 0;
	for (d = c->first; d <= c->last; d++) {
		int wd = ph_date_weekday(ph_date_from_days(d));
		if (wd != 0 && wd != 6)
			c->days[c->n++] = d;
	}
}

/* The working day of letter I of N, and the hour it is dealt with, spread
 * from 07:30 to 16:30 among the letters of that day. */
static void
calendar_slot(const struct calendar *c, uint64_t i, uint64_t n, long *day,
    int *secs)
{
	uint64_t	w = i * c->n / n;
	uint64_t	first = (w * n + c->n - 1) / c->n;
	uint64_t	next = ((w + 1) * n + c->n - 1) / c->n;
	uint64_t	count = next > first ? next - first : 1;

	*day = c->days[w];
	*secs = 7 * 3600 + 30 * 60 + (int)((i - first) * 9 * 3600 / count);
}

/* ------------------------------------------------------------ letters */

struct gen {
	int		 weight_total;
	int		 type_in_total, type_out_total;
	int		 year;			/* current year */
	long		 org_no[N_OF(orgs)];	/* their numbers this year */
	/* Recent incoming letters awaiting a reply, for in_reply_to. */
	int64_t		 pending_id[64];
	size_t		 pending_org[64];
	size_t		 npending, pending_at;
	/* --open N: requests before letter OPEN_FROM were all answered, the
	 * later ones are all open (about N of them); UINT64_MAX: off. */
	uint64_t	 open_from;
};

static size_t
pick_org(const struct gen *g)
{
	int	r = (int)rng_below((uint32_t)g->weight_total);
	size_t	i;

	for (i = 0; i < N_OF(orgs); i++) {
		if (r < orgs[i].weight)
			return i;
		r -= orgs[i].weight;
	}
	return 0;
}

static const char *
pick_type(const struct gen *g, int out)
{
	int	r = (int)rng_below((uint32_t)(out ? g->type_out_total :
		    g->type_in_total));
	size_t	i;

	for (i = 0; i < N_OF(types); i++) {
		int w = out ? types[i].weight_out : types[i].weight_in;
		if (r < w)
			return types[i].code;
		r -= w;
	}
	return "CV";
}

/* Fill L as letter I of N; *PIN gets the clock for it.  Returns the
 * index in orgs[] of the issuer of an incoming letter, or of the first
 * recipient of an outgoing one. */
static size_t
make_letter(struct gen *g, const struct calendar *cal, uint64_t i,
    uint64_t n, struct ph_letter *l, char *pin, size_t pinlen)
{
	struct ph_date	 day;
	long		 dayno;
	int		 secs, k, nrec;
	size_t		 oi, used[3] = { 0, 0, 0 };
	const char	*type;
	char		 num[64];

	calendar_slot(cal, i, n, &dayno, &secs);
	day = ph_date_from_days(dayno);
	if (day.y != g->year) {
		g->year = day.y;
		memset(g->org_no, 0, sizeof g->org_no);
	}
	snprintf(pin, pinlen, "%04d-%02d-%02dT%02d:%02d:%02d", day.y, day.m,
	    day.d, secs / 3600, secs / 60 % 60, secs % 60);

	ph_letter_init(l);
	if (rng_chance(550)) {
		/* Incoming: received on DAY, written up to two days before. */
		l->direction = PH_DIR_IN;
		l->received = day;
		dayno -= rng_range(0, 2);
		if (dayno < cal->first)
			dayno = cal->first;
		l->date = ph_date_from_days(dayno);
		oi = pick_org(g);
		type = pick_type(g, 0);
		g->org_no[oi] += rng_range(1, 12);
		if (orgs[oi].state && strcmp(type, "CV") == 0)
			snprintf(num, sizeof num, "%ld/%s-VP", g->org_no[oi],
			    orgs[oi].code);
		else if (orgs[oi].state)
			snprintf(num, sizeof num, "%ld/%s-%s", g->org_no[oi],
			    type, orgs[oi].code);
		else
			snprintf(num, sizeof num, "%ld-%s/%s", g->org_no[oi],
			    type, orgs[oi].code);
		l->number = ph_xstrdup(num);
		/* Half the time the clerk leaves the type to the number. */
		if (orgs[oi].state || rng_chance(500))
			l->type = ph_xstrdup(type);
		l->issuer = ph_xstrdup(orgs[oi].name);
		l->signer = ph_xstrdup(PICK(people));
		if (rng_chance(500))
			l->handler = ph_xstrdup(PICK(handlers));
	} else {
		/* Outgoing: numbered by the store; 1 to 3 recipients. */
		l->direction = PH_DIR_OUT;
		l->date = day;
		type = pick_type(g, 1);
		l->type = ph_xstrdup(type);
		nrec = rng_range(1, 3);
		k = 0;
		if (g->npending > 0 && rng_chance(200)) {
			size_t p = rng_below((uint32_t)g->npending);
			l->in_reply_to = g->pending_id[p];
			used[k++] = g->pending_org[p];
		}
		while (k < nrec) {
			int j, dup = 0;
			oi = pick_org(g);
			for (j = 0; j < k; j++)
				dup |= used[j] == oi;
			if (!dup)
				used[k++] = oi;
		}
		for (k = 0; k < nrec; k++)
			ph_strv_push(&l->recipients, orgs[used[k]].name);
		l->signer = ph_xstrdup(PICK(people));
		oi = used[0];
	}
	l->subject = make_subject(day.y);
	if (rng_chance(700))
		l->body = make_body(l->subject, l->direction == PH_DIR_IN ?
		    orgs[oi].name : "Đảng ủy xã Tân Tiến");
	if (rng_chance(50))
		l->classification = rng_chance(800) ? PH_CLASS_MAT :
		    PH_CLASS_TOI_MAT;
	if (rng_chance(30))
		l->urgency = rng_chance(700) ? PH_URG_KHAN : rng_chance(700) ?
		    PH_URG_THUONG_KHAN : PH_URG_HOA_TOC;
	if (rng_chance(300)) {
		l->reply_required = 1;
		l->due = ph_date_from_days(ph_date_to_days(l->date) +
		    rng_range(5, 30));
		/* Most cases of past years were answered long ago. */
		k = rng_range(0, 9);
		l->status = k < 7 ? PH_ST_REPLIED : k < 8 ? PH_ST_RESOLVED :
		    PH_ST_REGISTERED;	/* becomes awaiting-reply */
		if (g->open_from != UINT64_MAX)
			l->status = i < g->open_from ? (k < 8 ?
			    PH_ST_REPLIED : PH_ST_RESOLVED) : PH_ST_REGISTERED;
	}
	if (rng_chance(30))
		l->agreement = ph_xstrdup(PICK(agreements));
	return oi;
}

/* Remember incoming letter ID from orgs[OI], if it asks for an answer,
 * as one a later outgoing letter may answer. */
static void
remember(struct gen *g, const struct ph_letter *l, int64_t id, size_t oi)
{
	if (l->direction != PH_DIR_IN || !l->reply_required)
		return;
	g->pending_id[g->pending_at] = id;
	g->pending_org[g->pending_at] = oi;
	g->pending_at = (g->pending_at + 1) % N_OF(g->pending_id);
	if (g->npending < N_OF(g->pending_id))
		g->npending++;
}

/* ------------------------------------------------------------ main */

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: gen-letters --db FILE --count N [--seed S]"
	    " [--years 2016-2026]\n"
	    "                   [--batch N] [--progress N] [--append] [--open N]\n");
	exit(2);
}

static long long
parse_num(const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		usage();
	return v;
}

static double
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void __attribute__((noreturn))
fail(const char *what, const struct ph_error *err)
{
	fprintf(stderr, "gen-letters: %s: %s\n", what, err->msg);
	exit(1);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "count", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "years", required_argument, NULL, 'y' },
		{ "batch", required_argument, NULL, 'b' },
		{ "progress", required_argument, NULL, 'p' },
		{ "append", no_argument, NULL, 'a' },
		{ "open", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct ph_store		*st;
	struct ph_error		 err;
	struct ph_unit		 u;
	struct ph_letter	 l;
	struct calendar		 cal;
	struct gen		 g;
	const char		*db = NULL;
	char			 pin[64];
	uint64_t		 count = 0, seed = 1, i;
	long			 batch = 1000, progress = 0;
	int			 c, y0 = 2016, y1 = 2026, append = 0;
	int64_t			 id;
	double			 t0, t1, tp, dt;
	size_t			 k;
	long			 open = -1;

	/* As src/main.c does: see there. */
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'n':
			count = (uint64_t)parse_num(optarg, 1, 100000000);
			break;
		case 's':
			seed = (uint64_t)parse_num(optarg, 0, INT64_MAX);
			break;
		case 'y':
			if (sscanf(optarg, "%d-%d", &y0, &y1) != 2 ||
			    y0 < 1900 || y1 > 2199 || y0 > y1)
				usage();
			break;
		case 'b':
			batch = (long)parse_num(optarg, 1, 10000000);
			break;
		case 'p':
			progress = (long)parse_num(optarg, 0, 100000000);
			break;
		case 'a':
			append = 1;
			break;
		case 'o':
			open = (long)parse_num(optarg, 0, 100000000);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || db == NULL || count == 0)
		usage();

	rng_state = seed;
	memset(&g, 0, sizeof g);
	/* 3 letters in 10 ask for a reply: the last N * 10 / 3 letters hold
	 * about N open cases. */
	g.open_from = open < 0 ? UINT64_MAX : (uint64_t)open * 10 / 3 >= count ?
	    0 : count - (uint64_t)open * 10 / 3;
	for (k = 0; k < N_OF(orgs); k++)
		g.weight_total += orgs[k].weight;
	for (k = 0; k < N_OF(types); k++) {
		g.type_in_total += types[k].weight_in;
		g.type_out_total += types[k].weight_out;
	}
	calendar_init(&cal, y0, y1);

	/* A fresh register, set up as "phoihop init" would.  --append adds
	 * to an existing one instead: to profile a large register without
	 * filling it again. */
	if (!append && access(db, F_OK) == 0) {
		fprintf(stderr, "gen-letters: %s exists (remove it, or give"
		    " --append)\n", db);
		exit(1);
	}
	snprintf(pin, sizeof pin, "%04d-01-01T07:00:00", y0);
	setenv("PHOIHOP_NOW", pin, 1);
	if (ph_store_open(db, PH_STORE_CREATE, &st, &err) != PH_OK)
		fail(db, &err);
	ph_store_set_datadir(st, ph_paths_datadir());
	ph_store_set_actor(st, "vanthu");
	memset(&u, 0, sizeof u);
	u.name = ph_xstrdup("Đảng ủy xã Tân Tiến");
	u.code = ph_xstrdup("ĐU");
	u.numbering = PH_NUMBERING_PARTY;
	u.term_start = (struct ph_date){ 2025, 7, 1 };
	if (ph_store_begin(st, &err) != PH_OK ||
	    ph_store_unit_set(st, &u, &err) != PH_OK ||
	    ph_store_commit(st, &err) != PH_OK)
		fail("setting up the unit", &err);
	ph_unit_release(&u);

	printf("gen-letters: %llu letters, %d-%d, seed %llu, %ld letters per"
	    " transaction, into %s\n", (unsigned long long)count, y0, y1,
	    (unsigned long long)seed, batch, db);
	fflush(stdout);

	t0 = tp = now_seconds();
	for (i = 0; i < count; i++) {
		if (i % (uint64_t)batch == 0 &&
		    ph_store_begin(st, &err) != PH_OK)
			fail("begin", &err);
		k = make_letter(&g, &cal, i, count, &l, pin, sizeof pin);
		setenv("PHOIHOP_NOW", pin, 1);
		if (ph_store_letter_add(st, &l, &id, NULL, &err) != PH_OK) {
			fprintf(stderr, "gen-letters: letter %llu (%s): %s\n",
			    (unsigned long long)i + 1, l.subject, err.msg);
			exit(1);
		}
		remember(&g, &l, id, k);
		ph_letter_release(&l);
		if ((i + 1) % (uint64_t)batch == 0 || i + 1 == count) {
			if (ph_store_commit(st, &err) != PH_OK)
				fail("commit", &err);
		}
		if (progress > 0 && (i + 1) % (uint64_t)progress == 0) {
			t1 = now_seconds();
			fprintf(stderr, "gen-letters: %llu letters, %.1f s,"
			    " last %ld at %.0f letters/s\n",
			    (unsigned long long)i + 1, t1 - t0, progress,
			    (double)progress / (t1 - tp));
			tp = t1;
		}
	}
	t1 = now_seconds();
	unsetenv("PHOIHOP_NOW");
	ph_store_close(st);
	free(cal.days);

	dt = t1 - t0;
	printf("inserted %llu letters in %.3f s (%.0f letters/s)\n",
	    (unsigned long long)count, dt, (double)count / dt);
	return 0;
}
