#!/bin/sh
# t2000-search-quality.sh -- search quality over the five seed
# regulations (tests/data/seeds; 001 is a real OCR output): every
# paragraph becomes a letter, some again in TCVN3, VNI, NFD and the other
# tone placement, a few letters are planted; then queries without
# diacritics, with đ/d, both tone styles, NFD, abbreviations, OCR'd words,
# phrases, exclusion, OR, prefixes, field filters, --exact, ranking and
# --regex are checked against what a python3 script (unicodedata and re
# only, never phoihop) says each query must find.
. "$PH_SRCDIR/tests/lib-cli.sh"
[ "$have_py" -eq 1 ] || skip_all "python3 not installed (needed to compute the expected hits)"
SEEDS="$PH_SRCDIR/tests/data/seeds"
W="$TMPROOT/sq"
H="$TMPROOT/sq.py"
mkdir -p "$W/err" "$W/enc" "$W/dec" "$W/show"
export DB
cat >"$H" <<'PYEOF'
# sq.py -- the independent side of t2000: splits the seed regulations
# into letters, plants a few more, and computes what each query must (and
# may) find with nothing but unicodedata and re; then judges phoihop's
# answers.  Usage: sq.py prep SEEDDIR ABBREVFILE OUTDIR
#                  sq.py setup OUTDIR      (checks after registration)
#                  sq.py judge OUTDIR N    (one query case)
import json
import os
import re
import sqlite3
import sys
import unicodedata

TONES = '\u0300\u0301\u0303\u0309\u0323'
VIET_MARKS = set(TONES + '\u0302\u0306\u031b')


def nfc(s):
    return unicodedata.normalize('NFC', s)


def nfd(s):
    return unicodedata.normalize('NFD', s)


def fold(s):
    s = ''.join(c for c in nfd(s) if not unicodedata.combining(c))
    return s.replace('đ', 'd').replace('Đ', 'd').lower()


# Tone placement: old style (hòa, thủy) puts the mark on the first vowel
# of an open "oa", "oe", "uy"; new style (hoà, thuỷ) on the second.  Not
# after "q" ("quý" is the same in both).
_OLD = re.compile('(?<![qQ])([oO])([' + TONES + '])([aAeE])$|'
                  '(?<![qQ])([uU])([' + TONES + '])([yY])$')
_NEW = re.compile('(?<![qQ])([oO])([aAeE])([' + TONES + '])$|'
                  '(?<![qQ])([uU])([yY])([' + TONES + '])$')


def word_style(w, to_new):
    d = nfd(w)
    if to_new:
        m = _OLD.search(d)
        if m:
            g = [x for x in m.groups() if x is not None]
            return nfc(d[:m.start()] + g[0] + g[2] + g[1])
    else:
        m = _NEW.search(d)
        if m:
            g = [x for x in m.groups() if x is not None]
            return nfc(d[:m.start()] + g[0] + g[2] + g[1])
    return w


def swap_style(text):
    """Every open oa/oe/uy written in the other tone placement."""
    def one(m):
        w = m.group(0)
        new = word_style(w, True)
        return new if new != w else word_style(w, False)
    return re.sub(r'[^\W\d_]+', one, nfc(text))


def exact_key(w):
    """A word as --exact compares it: case and tone placement aside."""
    return word_style(nfc(w).lower(), True)


def is_upper(w):
    return (sum(1 for c in w if c.isupper()) >= 2 and
            not any(c.islower() for c in w))


def tokens(text):
    """Words of TEXT: (folded, written in capitals, exact key)."""
    return [(fold(m.group(0)), is_upper(m.group(0)), exact_key(m.group(0)))
            for m in re.finditer(r'[^\W_]+', nfc(text))]


def is_viet_letter(c):
    if c in 'đĐ':
        return True
    d = nfd(c)
    return (d[0].isascii() and d[0].isalpha() and
            all(m in VIET_MARKS for m in d[1:]))


def lev1(a, b):
    """Are A and B one edit (or one OCR confusion) apart?"""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1 and
                a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


FIELDS = ('subject', 'number', 'issuer', 'recipients', 'body')


class Doc:
    def __init__(self, key, date, issuer, recipients, subject, body,
                 number=''):
        self.key, self.date = key, date
        self.text = {'subject': nfc(subject), 'number': number,
                     'issuer': issuer, 'recipients': recipients,
                     'body': nfc(body)}
        self.tok = {f: tokens(self.text[f]) for f in FIELDS}


# ---- query models: functions Doc -> bool

def _seq(toks, words, prefix=False, exact=False, loose=False):
    n = len(words)
    for i in range(len(toks) - n + 1):
        for k, (w, up, ex) in enumerate(words):
            t = toks[i + k]
            last = k == n - 1
            if up and not t[1]:
                break
            if exact:
                if prefix and last:
                    if not t[0].startswith(w):
                        break
                elif t[2] != ex:
                    break
            elif prefix and last:
                if not t[0].startswith(w):
                    break
            elif t[0] != w:
                if not (loose and len(w) >= 4 and w.isalpha() and
                        t[0].isascii() and t[0].isalpha() and
                        lev1(w, t[0])):
                    break
        else:
            return True
    return False


def _words(typed, up=False):
    return [(f, up, ex) for f, _, ex in tokens(typed)]


def Ph(typed, field=None, exact=False, loose=False, prefix=False):
    """The words of TYPED in this order, in one field (any if None)."""
    w = _words(typed)
    fs = FIELDS if field is None else (field,)
    return lambda d: any(_seq(d.tok[f], w, prefix, exact, loose)
                         for f in fs)


def Up(abbr):
    """ABBR written in capitals."""
    w = _words(abbr, True)
    return lambda d: any(_seq(d.tok[f], w) for f in FIELDS)


def Pre(typed, field=None):
    return Ph(typed, field, prefix=True)


def And(*xs):
    return lambda d: all(x(d) for x in xs)


def Or(*xs):
    return lambda d: any(x(d) for x in xs)


def Not(x):
    return lambda d: not x(d)


def Words(typed, field=None, exact=False):
    """Every word of TYPED somewhere (each on its own)."""
    return And(*[Ph(m.group(0), field, exact)
                 for m in re.finditer(r'[^\W_]+', nfc(typed))])


def Month(ym):
    return lambda d: d.date.startswith(ym)


def Keys(*keys):
    ks = set(keys)
    return lambda d: d.key in ks


def Rx(pat):
    r = re.compile(pat, re.I)
    return lambda d: any(r.search(d.text[f]) for f in FIELDS)


ABBR = {}       # folded abbreviation -> [full forms]


def load_abbr(path):
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#') or '\t' not in line:
            continue
        a, full = line.split('\t', 1)
        ABBR.setdefault(a, []).append(full)


def Loose(query):
    """What a query of plain words may find without fuzziness: each word
    anywhere, or an abbreviation of words around it in capitals, or (for
    an abbreviation typed) its full forms."""
    ws = [m.group(0) for m in re.finditer(r'[^\W_]+', nfc(query))]
    fw = [fold(w) for w in ws]
    alts = [[Ph(w)] for w in ws]
    for a, fulls in ABBR.items():
        for full in fulls:
            ff = [t[0] for t in tokens(full)]
            for i in range(len(fw) - len(ff) + 1):
                if fw[i:i + len(ff)] == ff:
                    for k in range(i, i + len(ff)):
                        alts[k].append(Up(a))
        for i, w in enumerate(ws):
            if fold(w) == fold(a):
                alts[i] += [Up(a)] + [Ph(f) for f in ABBR[a]]
    return And(*[Or(*x) for x in alts])


# ---- the letters

ISSUERS = ['Nhà sách Phương Nam', 'Trạm Khuyến nông Yên Mỹ',
           'Bưu cục Kim Liên', 'Trường Tiểu học Lê Lợi',
           'Hội Người cao tuổi Phú Lâm']
PLANT_ISSUER = 'Xí nghiệp In Bình Minh'
TO_EVEN, TO_ODD = 'Tổ Văn thư Kim Liên', 'Phòng Lưu trữ Lạc Long'
CATASTROPHE = 'a' * 64 + 'b'
PLANTED = [
    # key, date, number, body
    ('hoa-old', '2026-10-05', '',
     'Tổ hòa giải ở cơ sở báo cáo kết quả hòa giải các vụ tranh chấp đất đai trong quý III.'),
    ('hoa-new', '2026-10-06', '',
     'Đề nghị các tổ hoà giải ở cơ sở tổng kết công tác hoà giải năm 2026.'),
    ('hoa-sac', '2026-10-07', '',
     'Tìm cách hoá giải mâu thuẫn giữa các hộ gia đình ở thôn Đông.'),
    ('hoa-ascii', '2026-10-08', '',
     'Bien ban hoa giai tranh chap giua hai ho gia dinh thon Dong nam 2026.'),
    ('thuy-old', '2026-10-09', '',
     'Công trình thủy lợi Bắc Hưng Hải cần nạo vét kênh mương trước mùa mưa.'),
    ('thuy-new', '2026-10-12', '',
     'Kế hoạch tu bổ công trình thuỷ lợi và phòng chống lụt bão năm 2026.'),
    ('ubnd-1', '2026-10-13', '12-CV/ĐU',
     'Đề nghị UBND xã phối hợp với Công an xã bảo đảm ANTT dịp Tết Nguyên đán.'),
    ('ubnd-2', '2026-10-14', '15-BC/CAX',
     'Báo cáo của UBND xã về công tác PCCC và bảo đảm an toàn giao thông tháng 10.'),
    ('hdnd', '2026-10-15', '',
     'Thường trực HĐND xã đề nghị BTV Đảng ủy cho ý kiến về kỳ họp cuối năm.'),
    ('regex-bomb', '2026-10-16', '', CATASTROPHE),
]


def paragraphs(text):
    out = []
    for i, p in enumerate(re.split(r'\n[ \t]*\n', text)):
        p = p.strip()
        if len(p.split()) >= 8:
            out.append((i, p))
    return out


def subject_of(p):
    return ' '.join(p.split()[:12])


def seeds(seeddir):
    names = sorted(f for f in os.listdir(seeddir)
                   if re.match(r'\d{3}_.*\.txt$', f))
    return [(int(f[:3]), open(os.path.join(seeddir, f),
                              encoding='utf-8').read()) for f in names]


def tcvn3_ok(p):
    """Only ASCII and letters TCVN3 has (no capitals with marks save
    Ă Â Ê Ô Ơ Ư Đ)."""
    for c in p:
        if c.isascii():
            continue
        if not is_viet_letter(c):
            return False
        if c.isupper() and c not in 'ĂÂÊÔƠƯĐ':
            return False
    return True


def prep(seeddir, abbrev, out):
    load_abbr(abbrev)
    os.makedirs(os.path.join(out, 'body'), exist_ok=True)
    letters = []    # key, date, issuer, to, subject, body, number, enc

    def add(key, date, issuer, to, subject, body, number='', enc='-'):
        letters.append(dict(key=key, date=date, issuer=issuer, to=to,
                            subject=subject, body=body, number=number,
                            enc=enc))

    variants = []
    for s, text in seeds(seeddir):
        for k, (pi, p) in enumerate(paragraphs(text)):
            key = 's%03d.p%03d' % (s, pi)
            date = '2026-%02d-%02d' % (s + 1, 1 + k % 28)
            num = '%d-BC/ĐU' % k if s == 3 and k % 10 == 0 else ''
            add(key, date, ISSUERS[s], TO_EVEN if k % 2 == 0 else TO_ODD,
                subject_of(p), p, num)
            if s == 2 and tcvn3_ok(p) and 12 <= len(p.split()) <= 120 \
                    and swap_style(p) != p:
                variants.append((key, date, p, k))
    # Four paragraphs of seed 002 again: TCVN3, VNI, NFD, other tones.
    variants = variants[:4]
    if len(variants) < 4:
        sys.exit('sq.py: seed 002 has too few paragraphs for variants')
    for key, date, p, k in variants:
        to = TO_EVEN if k % 2 == 0 else TO_ODD
        add(key + '.tcvn3', date, ISSUERS[2], to, subject_of(p), p,
            enc='tcvn3')
        add(key + '.vni', date, ISSUERS[2], to, subject_of(p), p, enc='vni')
        add(key + '.nfd', date, ISSUERS[2], to, nfd(subject_of(p)), nfd(p))
        t = swap_style(p)
        add(key + '.tone', date, ISSUERS[2], to, subject_of(t), t)
    for key, date, num, body in PLANTED:
        add('plant.' + key, date, PLANT_ISSUER, TO_EVEN,
            subject_of(body) if key != 'regex-bomb' else 'aaa', body, num)

    with open(os.path.join(out, 'letters.tsv'), 'w', encoding='utf-8') as f:
        for i, L in enumerate(letters):
            bf = os.path.join(out, 'body', '%d.txt' % i)
            with open(bf, 'w', encoding='utf-8') as b:
                b.write(L['body'] + '\n')
            f.write('\t'.join([L['key'], L['date'], L['issuer'], L['to'],
                               L['subject'], bf, L['number'] or '-',
                               L['enc']]) + '\n')
    docs = [Doc(L['key'], L['date'], L['issuer'], L['to'], L['subject'],
                L['body'], L['number']) for L in letters]
    vkeys = [v[0] for v in variants]
    cases = make_cases(docs, vkeys, variants)
    with open(os.path.join(out, 'cases.tsv'), 'w', encoding='utf-8') as f:
        for i, c in enumerate(cases):
            f.write('%d\t%s\t%s\t%s\n' % (i, ' '.join(c['flags']) or '-',
                                          c['query'], c['name']))
    json.dump({'cases': cases, 'letters': [
        dict(key=L['key'], body=nfc(L['body']), subject=nfc(L['subject']),
             enc=L['enc'], bodyfile=os.path.join(out, 'body', '%d.txt' % i))
        for i, L in enumerate(letters)]},
        open(os.path.join(out, 'cases.json'), 'w', encoding='utf-8'),
        ensure_ascii=False)


def make_cases(docs, vkeys, variants):
    C = []

    def case(name, query, must, may=None, flags=(), count_exact=False,
             order=(), fuzzy=None, same=None):
        # MUST: found, plainly; FUZZY: found too, but only one edit away
        # (OCR), so below the rest; MAY: what else may come first.
        may = may or must
        fuzzy = fuzzy or (lambda d: False)
        mset = [d.key for d in docs if must(d)]
        fset = [d.key for d in docs if fuzzy(d) and not must(d)]
        yset = [d.key for d in docs if may(d) or must(d) or fuzzy(d)]
        C.append(dict(name=name, query=query, flags=list(flags),
                      must=mset, fuzzy=fset, may=yset,
                      count_exact=count_exact, same=same,
                      order=[([d.key for d in docs if hi(d)],
                              [d.key for d in docs if lo(d)])
                             for hi, lo in order]))

    QCPH = Ph('quy chế phối hợp')
    DUCAT = Ph('đảng ủy công an tỉnh')
    # Without diacritics.
    case('quy che phoi hop, no diacritics', 'quy che phoi hop', QCPH,
         Loose('quy che phoi hop'))
    case('dang uy cong an tinh, no diacritics', 'dang uy cong an tinh',
         DUCAT, Loose('dang uy cong an tinh'))
    case('bao cao dinh ky, no diacritics', 'bao cao dinh ky',
         Words('báo cáo định kỳ'), Loose('bao cao dinh ky'))
    case('"bao cao dinh ky" as a phrase', '"bao cao dinh ky"',
         Ph('báo cáo định kỳ'))
    case('quy che (short words, counted exactly)', 'quy che',
         Words('quy che'), count_exact=True)
    # đ and d, capitals.
    case('Đảng ủy Công an tỉnh with diacritics', 'Đảng ủy Công an tỉnh',
         DUCAT, Loose('dang uy cong an tinh'),
         order=[(Ph('đảng ủy công an tỉnh', exact=True),
                 And(DUCAT, Not(Or(*[Ph(w, exact=True) for w in
                                     ('đảng', 'ủy', 'công', 'tỉnh')]))))])
    case('ĐẢNG ỦY CÔNG AN TỈNH in capitals: the same letters',
         'ĐẢNG ỦY CÔNG AN TỈNH', DUCAT, Loose('dang uy cong an tinh'),
         same='dang uy cong an tinh, no diacritics')
    case('Đảng ủy', 'Đảng ủy', Ph('đảng ủy'), Loose('dang uy'))
    case('dang uy finds what Đảng ủy finds', 'dang uy', Ph('đảng ủy'),
         Loose('dang uy'), same='Đảng ủy')
    # Tone placement: old and new style find both.
    HOA = Ph('hòa giải')
    case('hòa giải (old style) finds hoà giải too', 'hòa giải',
         Or(HOA, Keys('plant.hoa-old', 'plant.hoa-new')), Loose('hoa giai'),
         order=[(Ph('hòa giải', exact=True), Not(Ph('hòa', exact=True)))])
    case('hoà giải (new style) finds hòa giải too', 'hoà giải',
         Or(HOA, Keys('plant.hoa-old', 'plant.hoa-new')), Loose('hoa giai'),
         order=[(Ph('hoà giải', exact=True), Not(Ph('hoà', exact=True)))],
         same='hòa giải (old style) finds hoà giải too')
    case('thủy lợi (old style)', 'thủy lợi', Ph('thủy lợi'),
         Loose('thuy loi'))
    case('thuỷ lợi (new style)', 'thuỷ lợi', Ph('thủy lợi'),
         Loose('thuy loi'), same='thủy lợi (old style)')
    case('khoá nhiệm kỳ (new style) finds khóa', 'khoá nhiệm kỳ',
         Words('khóa nhiệm kỳ'), Loose('khoa nhiem ky'))
    case('Uỷ ban Kiểm tra (new style)', 'Uỷ ban Kiểm tra',
         Ph('ủy ban kiểm tra'), Loose('uy ban kiem tra'))
    # NFD typed.
    case('Đảng ủy Công an tỉnh typed in NFD', nfd('Đảng ủy Công an tỉnh'),
         DUCAT, Loose('dang uy cong an tinh'),
         same='Đảng ủy Công an tỉnh with diacritics')
    case('"thi hành Quyết định này" typed in NFD',
         nfd('"thi hành Quyết định này"'), Ph('thi hành quyết định này'))
    # Abbreviations, both ways.
    UB = Or(Ph('ủy ban nhân dân'), Up('UBND'))
    case('UBND finds Ủy ban nhân dân', 'UBND', UB)
    case('Ủy ban nhân dân finds UBND', 'Ủy ban nhân dân', UB,
         Loose('ủy ban nhân dân'))
    case('uy ban nhan dan finds UBND', 'uy ban nhan dan', UB,
         Loose('uy ban nhan dan'))
    ANTT = Or(Ph('an ninh trật tự'), Up('ANTT'))
    case('ANTT finds an ninh, trật tự', 'ANTT', ANTT)
    case('an ninh trật tự finds ANTT', 'an ninh trật tự', ANTT,
         Loose('an ninh trật tự'))
    BTV = Or(Ph('ban thường vụ'), Up('BTV'))
    case('BTV finds Ban Thường vụ', 'BTV', BTV)
    case('ban thuong vu finds BTV', 'ban thuong vu', BTV,
         Loose('ban thuong vu'))
    CAND = Or(Ph('công an nhân dân'), Up('CAND'))
    case('CAND finds Công an nhân dân', 'CAND', CAND)
    case('Công an nhân dân finds CAND', 'Công an nhân dân', CAND,
         Loose('công an nhân dân'))
    case('UBND OR HĐND', 'UBND OR HĐND',
         Or(UB, Ph('hội đồng nhân dân'), Up('HĐND')))
    # OCR: the mangled phrase of seed 001 is found, below the good ones.
    OCR = And(lambda d: d.key.startswith('s001.'),
              Ph('quy chế phối hợp', loose=True), Not(QCPH))
    case('quy chế phối hợp finds the OCR\'d "Quy ché phéi hop", last',
         'quy chế phối hợp', QCPH, Loose('quy che phoi hop'), fuzzy=OCR,
         order=[(QCPH, OCR)])
    case('quy chế phối hợp in February: the OCR\'d seed 001',
         'quy chế phối hợp ngay:2026-02', lambda d: False,
         And(Month('2026-02'), Loose('quy che phoi hop')),
         fuzzy=And(Month('2026-02'), OCR))
    # Phrases.
    case('"công tác quần chúng"', '"công tác quần chúng"',
         Ph('công tác quần chúng'))
    case('"kể từ ngày ký"', '"kể từ ngày ký"', Ph('kể từ ngày ký'))
    case('"hiệu lực thi hành"', '"hieu luc thi hanh"',
         Ph('hiệu lực thi hành'))
    # Exclusion, OR, prefix.
    case('quy chế phối hợp -xã', 'quy chế phối hợp -xã',
         And(QCPH, Not(Ph('xã'))),
         And(Loose('quy che phoi hop'), Not(Ph('xã'))))
    case('"công an" -"công an tỉnh" -tỉnh', '"công an" -"công an tỉnh" -tỉnh',
         And(Ph('công an'), Not(Ph('tỉnh', loose=True)),
             Not(Ph('công an tỉnh', loose=True)), Not(Up('CAT'))),
         And(Or(Ph('công an'), Up('CA')), Not(Ph('tỉnh'))))
    case('"thủy lợi" OR "hòa giải"', '"thủy lợi" OR "hòa giải"',
         Or(Ph('thủy lợi'), HOA))
    case('(hòa OR thuỷ) năm 2026', '(hòa OR thuỷ) năm 2026',
         And(Or(Ph('hòa'), Ph('thủy')), Words('năm 2026')))
    case('prefix: tranh*', 'tranh*', Pre('tranh'))
    case('prefix: thuy*', 'thuy*', Pre('thuy'))
    # Field filters.
    case('tu: issuer', 'tu:"Bưu cục Kim Liên" hoà', And(
        Ph('Bưu cục Kim Liên', 'issuer'), Ph('hòa')))
    case('tu: with a word of the name', 'tu:Phương "quy chế"', And(
        Ph('phương', 'issuer'), Ph('quy chế')))
    case('den: recipient', 'den:"Lưu trữ" "Công an xã" ngay:2026-03',
         And(Ph('lưu trữ', 'recipients'), Ph('công an xã'),
             Month('2026-03')),
         And(Ph('lưu trữ', 'recipients'), Loose('công an xã'),
             Month('2026-03')))
    case('so: number', 'so:BC', Ph('BC', 'number'))
    case('so: number as a phrase', 'so:"12-CV"', Ph('12-CV', 'number'))
    case('ngay: a month', 'ngay:2026-05 "bảo vệ chính trị nội bộ"',
         And(Month('2026-05'), Ph('bảo vệ chính trị nội bộ')))
    case('ngay: a range', 'ngay:2026-02..2026-03 "nhiệm vụ"',
         And(Or(Month('2026-02'), Month('2026-03')), Ph('nhiệm vụ')))
    # --exact.
    case('--exact Đảng ủy', 'Đảng ủy', Words('Đảng ủy', exact=True),
         flags=['--exact'], count_exact=True)
    case('--exact ủy ban', 'ủy ban', Words('ủy ban', exact=True),
         flags=['--exact'], count_exact=True)
    case('--exact uỷ ban (new style) keeps ủy ban too', 'uỷ ban',
         Words('ủy ban', exact=True), flags=['--exact'], count_exact=True,
         same='--exact ủy ban')
    case('--exact hòa giải keeps hoà, not hoá', 'hòa giải',
         Words('hòa giải', exact=True), flags=['--exact'],
         count_exact=True)
    case('--exact thuỷ lợi', 'thuỷ lợi', Words('thủy lợi', exact=True),
         flags=['--exact'], count_exact=True)
    case('--exact tình hình', 'tình hình', Words('tình hình', exact=True),
         flags=['--exact'], count_exact=True)
    case('--exact dang uy keeps only the plain spelling', 'dang uy',
         Words('dang uy', exact=True), flags=['--exact'], count_exact=True)
    case('--exact quyết định', 'quyết định',
         Words('quyết định', exact=True), flags=['--exact'],
         count_exact=True)
    case('--exact quyết định typed in NFD', nfd('quyết định'),
         Words('quyết định', exact=True), flags=['--exact'],
         count_exact=True, same='--exact quyết định')
    # Ranking: exact diacritics first.
    case('tình hình: exact diacritics first', 'tình hình',
         Words('tình hình'), Loose('tinh hinh'),
         order=[(Words('tình hình', exact=True),
                 And(Words('tinh hinh'), Not(Ph('tình', exact=True)),
                     Not(Ph('hình', exact=True))))])
    case('tỉnh: exact diacritics first', 'tỉnh', Ph('tỉnh'),
         order=[(Ph('tỉnh', exact=True), Not(Ph('tỉnh', exact=True)))])
    # --regex.
    case('--regex \\bĐiều \\d+\\.', r'\bĐiều \d+\.', Rx(r'\bĐiều \d+\.'),
         flags=['--regex'], count_exact=True)
    case('--regex \\d+-QĐ/TW', r'\d+-QĐ/TW', Rx(r'\d+-QĐ/TW'),
         flags=['--regex'], count_exact=True)
    case('--regex Đảng (ủy|uỷ) Công an', 'Đảng (ủy|uỷ) Công an',
         Rx('đảng (ủy|uỷ) công an'), flags=['--regex'], count_exact=True)
    case('--regex typed in NFD', nfd('Đảng (ủy|uỷ) Công an'),
         Rx('đảng (ủy|uỷ) công an'), flags=['--regex'], count_exact=True,
         same='--regex Đảng (ủy|uỷ) Công an')
    # The variants are found by the queries that find their paragraph.
    for key, date, p, k in variants:
        ws = [w for w in re.findall(r'[^\W\d_]+', p) if len(fold(w)) >= 4]
        df = {}
        for d in docs:
            for w in set(t[0] for t in d.tok['body']):
                df[w] = df.get(w, 0) + 1
        ws = sorted(set(ws), key=lambda w: (df.get(fold(w), 0), fold(w)))
        q = ' '.join(fold(w) for w in ws[:3])
        case('variants of %s: %s' % (key, q), q, And(
            Words(q), Or(*[Keys(key + v) for v in
                           ('', '.tcvn3', '.vni', '.nfd', '.tone')])),
            Loose(q))
    return C


# ---- after registration

def load(out):
    j = json.load(open(os.path.join(out, 'cases.json'), encoding='utf-8'))
    ids = {}
    for line in open(os.path.join(out, 'ids.tsv'), encoding='utf-8'):
        k, i = line.rstrip('\n').split('\t')
        ids[k] = int(i)
    return j, ids


def setup(out, what):
    j, ids = load(out)
    bad = []
    if what == 'bodies':
        db = sqlite3.connect(os.environ['DB'])
        rows = dict(db.execute('SELECT id, body FROM letters'))
        subj = dict(db.execute('SELECT id, subject FROM letters'))
        for L in j['letters']:
            i = ids.get(L['key'])
            if i is None:
                bad.append('%s: not registered' % L['key'])
            elif (rows[i] or '').rstrip('\n') != L['body']:
                bad.append('%s (letter %d): body %r, want %r' % (
                    L['key'], i, (rows[i] or '')[:60], L['body'][:60]))
            elif subj[i] != L['subject']:
                bad.append('%s (letter %d): subject %r, want %r' % (
                    L['key'], i, subj[i], L['subject']))
    elif what in ('tcvn3', 'vni'):
        n = 0
        for L in j['letters']:
            if L['enc'] != what:
                continue
            n += 1
            i = ids.get(L['key'])
            if i is None:
                bad.append('%s: not registered' % L['key'])
                continue
            err = open(os.path.join(out, 'err', L['key']),
                       encoding='utf-8', errors='replace').read()
            if ('read as ' + what) not in err:
                bad.append('%s: stderr %r does not report %s' % (
                    L['key'], err.strip(), what))
            try:
                show = json.load(open(os.path.join(out, 'show', L['key']),
                                      encoding='utf-8'))
            except ValueError:
                show = {}
            if show.get('body', '').rstrip('\n') != L['body']:
                bad.append('%s: letter show %d gives %r, want %r' % (
                    L['key'], i, show.get('body', '')[:80], L['body'][:80]))
            raw = open(os.path.join(out, 'enc', L['key']), 'rb').read()
            try:
                raw.decode('utf-8')
                bad.append('%s: the %s file is valid UTF-8' % (L['key'], what))
            except UnicodeDecodeError:
                pass
            dec = open(os.path.join(out, 'dec', L['key']),
                       encoding='utf-8').read()
            if dec.rstrip('\n') != L['body']:
                bad.append('%s: text decode gives %r' % (L['key'], dec[:80]))
        if n == 0:
            bad.append('no %s letters' % what)
    for b in bad[:10]:
        print('# ' + b)
    if len(bad) > 10:
        print('# ... and %d more' % (len(bad) - 10))
    return 1 if bad else 0


def hits(path):
    out = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if not lines or lines[0].split('\t')[:2] != ['id', 'number']:
        return None
    for line in lines[1:]:
        if line:
            out.append(int(line.split('\t')[0]))
    return out


def judge(out, n):
    j, ids = load(out)
    c = j['cases'][n]
    key = {v: k for k, v in ids.items()}
    d = os.path.join(out, 'q%d' % n)
    bad = []

    def names(idl):
        return ', '.join('%d=%s' % (i, key.get(i, '?')) for i in idl)

    rc = open(d + '.rc').read().strip()
    if rc != '0':
        print('# exit status %s: %s' % (rc, open(d + '.err').read().strip()))
        return 1
    top, all_ = hits(d + '.top'), hits(d + '.all')
    if top is None or all_ is None:
        print('# no TSV header in the output')
        return 1
    lost = [k for k in c['must'] + c['fuzzy'] + c['may'] if k not in ids]
    if lost:
        print('# letters not registered: ' + ', '.join(sorted(set(lost))[:8]))
        return 1
    plain = [ids[k] for k in c['must']]
    must = plain + [ids[k] for k in c['fuzzy']]
    may = set(ids[k] for k in c['may'])
    if not must:
        bad.append('the case expects nothing: a test mistake')
    if len(must) <= 10:
        miss = [i for i in must if i not in top]
        if miss:
            bad.append('missing from the top 10: ' + names(miss))
    else:
        if len(top) != 10:
            bad.append('%d hits shown, want 10' % len(top))
        extra = [i for i in top if i not in may]
        if extra:
            bad.append('unexpected in the top 10: ' + names(extra))
    miss = [i for i in must if i not in all_]
    if miss:
        bad.append('missing from all %d hits: %s' % (len(all_), names(miss)))
    # Nothing unexpected ranks above an expected letter.
    pos = {i: r for r, i in enumerate(all_)}
    last_must = max([pos[i] for i in plain if i in pos] or [0])
    early = [i for i in all_[:last_must] if i not in may]
    if early:
        bad.append('unexpected hits rank above expected ones: ' +
                   names(early[:8]))
    for hi, lo in c['order']:
        hi = [pos[ids[k]] for k in hi if ids[k] in pos]
        lo = [pos[ids[k]] for k in lo if ids[k] in pos]
        if not hi or not lo:
            bad.append('ranking: %d letters that must come first, %d after:'
                       ' a test mistake' % (len(hi), len(lo)))
        elif max(hi) > min(lo):
            bad.append('ranking: %s (rank %d) is above %s (rank %d)' % (
                names([all_[min(lo)]]), min(lo) + 1,
                names([all_[max(hi)]]), max(hi) + 1))
    # The same letters as another way of typing the query.
    if c['same'] is not None:
        k = [i for i, o in enumerate(j['cases']) if o['name'] == c['same']]
        other = hits(os.path.join(out, 'q%d.all' % k[0]))
        if sorted(other or []) != sorted(all_):
            bad.append('not the same letters as "%s": %s here only, %s there'
                       ' only' % (j['cases'][k[0]]['query'],
                                  names(sorted(set(all_) - set(other)))[:300],
                                  names(sorted(set(other) - set(all_)))[:300]))
    tab = open(d + '.tab', encoding='utf-8').read().rstrip('\n')
    m = re.search(r'(\d+) of (\d+) letters? found\.$', tab)
    total = int(m.group(2)) if m else 0 if tab.endswith(
        'No letter matches.') else None
    if total is None:
        bad.append('no count line in the table')
    else:
        if len(all_) < 1000 and total != len(all_):
            bad.append('the count line says %d, but %d hits are listed' % (
                total, len(all_)))
        if total < len(must):
            bad.append('the count line says %d, want at least %d' % (
                total, len(must)))
        if c['count_exact'] and total != len(may):
            bad.append('the count line says %d, want %d' % (total, len(may)))
            more = [i for i in all_ if i not in may]
            if more:
                bad.append('not expected: ' + names(more[:8]))
    for b in bad:
        print('# ' + b)
    return 1 if bad else 0


if __name__ == '__main__':
    if sys.argv[1] == 'prep':
        prep(*sys.argv[2:5])
    elif sys.argv[1] == 'setup':
        sys.exit(setup(sys.argv[2], sys.argv[3]))
    elif sys.argv[1] == 'judge':
        sys.exit(judge(sys.argv[2], int(sys.argv[3])))
PYEOF
fresh_db
"$PY" "$H" prep "$SEEDS" "$PHOIHOP_DATADIR/abbreviations.tsv" "$W" ||
    { echo "Bail out! the python side could not read the seeds"; exit 1; }

# Register the letters: KEY DATE FROM TO SUBJECT BODYFILE NUMBER ENCODING.
: >"$W/ids.tsv"
nfail=0
while IFS='	' read -r key date from to subj bodyf num enc; do
	set -- --direction in --date "$date" --from "$from" --to "$to" \
	    --subject "$subj"
	[ "$num" = - ] || set -- "$@" --number "$num"
	if [ "$enc" = - ]; then
		id=$(ph letter add "$@" --body-file "$bodyf" 2>"$W/err/$key")
	else
		ph text encode --encoding "$enc" "$bodyf" >"$W/enc/$key" 2>/dev/null
		ph text decode "$W/enc/$key" >"$W/dec/$key" 2>/dev/null
		id=$(ph letter add "$@" --body-file "$W/enc/$key" 2>"$W/err/$key")
		ph letter show "$id" --format json >"$W/show/$key" 2>/dev/null
	fi
	case "$id" in
	''|*[!0-9]*) nfail=$((nfail + 1))
		echo "# $key: letter add failed: $(cat "$W/err/$key")" ;;
	*)	printf '%s\t%s\n' "$key" "$id" >>"$W/ids.tsv" ;;
	esac
done <"$W/letters.tsv"
is "$nfail" 0 "t2000.1 every paragraph and planted letter is registered"
"$PY" "$H" setup "$W" bodies
ok $? "t2000.2 each letter keeps its text (NFC of NFD text, the other tone style as given)"
"$PY" "$H" setup "$W" tcvn3
ok $? "t2000.3 TCVN3 bodies: reported as tcvn3, decoded back to the UTF-8 text"
"$PY" "$H" setup "$W" vni
ok $? "t2000.4 VNI bodies: reported as vni, decoded back to the UTF-8 text"

# The queries (cases.tsv: N FLAGS QUERY NAME).  Each runs three times:
# the top 10 (TSV), all hits (TSV, --limit 1000) and the table for its
# count line; sq.py judges them against its own expectations.
while IFS='	' read -r n flags q name; do
	[ "$flags" = - ] && flags=
	# shellcheck disable=SC2086
	{
		ph search --format tsv --limit 10 $flags -- "$q" >"$W/q$n.top" 2>"$W/q$n.err"
		echo $? >"$W/q$n.rc"
		ph search --format tsv --limit 1000 $flags -- "$q" >"$W/q$n.all" 2>/dev/null
		ph search --limit 10 $flags -- "$q" >"$W/q$n.tab" 2>/dev/null
	}
	"$PY" "$H" judge "$W" "$n"
	ok $? "t2000.$((n + 5)) $name"
done <"$W/cases.tsv"
c=$(($(wc -l <"$W/cases.tsv") + 5))

# --regex: a bad pattern is an error with PCRE2's message; a catastrophic
# one stops with an error on the letter that makes it costly, not a hang.
run search --regex '('
is "$rc" 1 "t2000.$c --regex '(' exits 1"
like "$err" "missing closing parenthesis" "t2000.$((c + 1)) ... with PCRE2's message"
BOMB=$(awk -F '\t' '$1 == "plant.regex-bomb" { print $2 }' "$W/ids.tsv")
if command -v timeout >/dev/null 2>&1; then
	timeout 20 "$PHOIHOP" --db "$DB" --lang en search --regex '(a+)+$' \
	    >/dev/null 2>"$W/bomb.err"
	rc=$?
	is "$rc" 1 "t2000.$((c + 2)) --regex '(a+)+\$' on 'aaa...ab' ends with an error (124: a hang)"
	like "$(cat "$W/bomb.err")" "letter ${BOMB:-?}" \
	    "t2000.$((c + 3)) ... naming the letter ${BOMB:-?} that makes it costly"
else
	skip "t2000.$((c + 2)) catastrophic regex" "timeout not installed"
	skip "t2000.$((c + 3)) catastrophic regex" "timeout not installed"
fi

# Syntax errors name the position, in characters from 1.
pos_of () {	# pos_of QUERY STRING: character position of STRING, or the end
	"$PY" -c 'import sys
q, s = sys.argv[1], sys.argv[2]
print(q.index(s) + 1 if s else len(q) + 1)' "$1" "$2"
}
c=$((c + 4))
for spec in 'a OR|' '"quy chế|"' 'dang (uy|(' 'Đảng ủy )|)' 'Đảng OR OR ủy|OR ủy'; do
	q=${spec%|*}
	at=${spec##*|}
	run search -- "$q"
	is "$rc:$out" "1:" "t2000.$c search '$q' exits 1 and prints nothing"
	like "$err" "position $(pos_of "$q" "$at")" \
	    "t2000.$((c + 1)) ... naming position $(pos_of "$q" "$at")"
	c=$((c + 2))
done
done_testing
