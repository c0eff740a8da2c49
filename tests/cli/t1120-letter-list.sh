#!/bin/sh
# t1120-letter-list.sh -- "phoihop letter list": filters, order, formats.
#
# The listing is the register book: by year, incoming before outgoing, by
# number.  Tables are for people (dd/mm/yyyy, fitted to the terminal);
# tsv and json for scripts (ISO dates, every row).
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it.
# ids ARGS: the ids that "letter list ARGS --format tsv" gives, on one line.
ids () { ph letter list "$@" --format tsv 2>/dev/null | sed 1d | cut -f1 |
    tr '\n' ' ' | sed 's/ $//'; }
# sids ARGS: the same, sorted: which letters, whatever their order.
sids () { ph letter list "$@" --format tsv 2>/dev/null | sed 1d | cut -f1 |
    sort -n | tr '\n' ' ' | sed 's/ $//'; }
srt () { printf '%s\n' "$@" | sort -n | tr '\n' ' ' | sed 's/ $//'; }
json_len () { printf '%s\n' "$1" |
    "$PY" -c 'import json,sys; d=json.load(sys.stdin); assert isinstance(d, list); print(len(d))' 2>&1; }
# maxwidth: the widest line on stdin, in terminal columns.
maxwidth () { "$PY" -c '
import sys, unicodedata
w = 0
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    n = 0
    for c in line:
        if unicodedata.combining(c):
            continue
        n += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    w = max(w, n)
print(w)'; }

CA='Đảng ủy Công an tỉnh'
BTC='Ban Tổ chức Huyện ủy'
UB='Ủy ban nhân dân xã Tân Tiến'
LONG='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ và việc rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 - 2030 của các chi bộ trực thuộc'

add () { ph letter add "$@" 2>/dev/null; }

fresh_db
ph org add "$CA" --code 'ĐUCA' >/dev/null 2>&1

# Entered out of the book's order on purpose.
O1=$(add --direction out --date 10/11/2026 --to "$BTC" --subject 'V/v báo cáo công tác tháng 10')
O2=$(add --direction out --date 12/11/2026 --to "$BTC" --number '15-CV/ĐU' --subject 'V/v báo cáo sơ kết')
O3=$(add --direction out --date 13/11/2026 --to "$UB" --number '09-CV/ĐU' --subject 'V/v phối hợp tuyên truyền')
I1=$(add --direction in --date 01/11/2026 --received 02/11/2026 --from "$CA" \
    --subject "$LONG" --reply-required --due 15/11/2026)
I2=$(add --direction in --date 03/11/2026 --received 04/11/2026 --from "$UB" \
    --subject 'V/v phối hợp bảo đảm an ninh trật tự' --reply-required --due 10/12/2026)
I3=$(add --direction in --date 05/11/2026 --received 06/11/2026 --from "$CA" \
    --subject 'Thông báo kết luận giao ban quý III')
I0=$(add --direction in --date 20/12/2025 --received 22/12/2025 --from "$BTC" \
    --subject 'V/v tổng kết công tác năm 2025')

# ---- order
is "$(ids | sed "s/ $O3//")" "$I0 $I1 $I2 $I3 $O1 $O2" \
    "t1120.1 the register book's order: year, incoming then outgoing"
# 09-CV/ĐU was entered after 15-CV/ĐU, by hand: a register book lists
# letters in the order they were entered, as a paper book is written
# (Party numbers run per type, so the number alone gives no order).
is "$(ids --direction out)" "$O1 $O2 $O3" \
    "t1120.2 within a book, letters are in the order they were entered"
is "$(ids --limit 3)" "$I0 $I1 $I2" "t1120.3 --limit 3 gives the first three"
run letter list --limit 0
is "$rc" 1 "t1120.4 --limit 0 is a bad value: exit 1"
run letter list --limit nhiều
is "$rc" 1 "t1120.5 --limit that is no number: exit 1"
like "$err" 'nhiều' "t1120.6 the message names it"

# ---- filters
is "$(sids --direction in)" "$(srt $I0 $I1 $I2 $I3)" "t1120.7 --direction in"
is "$(sids --direction out)" "$(srt $O1 $O2 $O3)" "t1120.8 --direction out"
is "$(sids --direction den)" "$(srt $I0 $I1 $I2 $I3)" "t1120.9 --direction den (Vietnamese word)"
is "$(ids --year 2025)" "$I0" "t1120.10 --year 2025"
is "$(sids --year 2026 --direction in)" "$(srt $I1 $I2 $I3)" "t1120.11 --year 2026 --direction in"
run letter list --year 'năm nay'
is "$rc" 1 "t1120.12 --year that is no year: exit 1"
is "$(sids --status awaiting-reply)" "$(srt $I1 $I2)" "t1120.13 --status awaiting-reply"
is "$(sids --status registered --direction in)" "$(srt $I0 $I3)" "t1120.14 --status registered"
is "$(sids --status overdue)" "$I1" \
    "t1120.15 --status overdue: awaiting a reply past the due date (now 20/11/2026)"
is "$(sids --status qua-han)" "$I1" "t1120.16 --status qua-han is overdue"
is "$(PHOIHOP_NOW=2026-11-10T09:00:00; ids --status overdue)" "" \
    "t1120.17 nothing is overdue on 10/11/2026"
is "$(PHOIHOP_NOW=2026-12-15T09:00:00; sids --status overdue)" "$(srt $I1 $I2)" \
    "t1120.18 both are overdue on 15/12/2026"
run letter list --status 'chưa-rõ'
is "$rc" 1 "t1120.19 an unknown --status exits 1"
like "$err" 'chưa-rõ' "t1120.20 the message names it"
is "$(sids --from "$CA")" "$(srt $I1 $I3)" "t1120.21 --from ORG by name"
is "$(sids --from 'đuca')" "$(srt $I1 $I3)" "t1120.22 --from ORG by code, any case"
is "$(ids --from "$(printf 'U\314\211y ban nha\314\202n da\314\202n xa\314\203 Ta\314\202n Tie\314\202\314\201n')")" \
    "$I2" "t1120.23 --from ORG typed in NFD"
run letter list --from 'Huyện ủy Hòa An'
is "$rc" 1 "t1120.24 --from an unknown organization exits 1"
like "$err" 'Huyện ủy Hòa An' "t1120.25 the message names it"
is "$(ids --due-before 01/12/2026)" "$I1" "t1120.26 --due-before 01/12/2026"
is "$(ids --due-before 2026-12-10)" "$I1" "t1120.27 --due-before is strict (due 10/12 is not before 10/12)"
is "$(sids --due-before 11/12/2026)" "$(srt $I1 $I2)" "t1120.28 --due-before 11/12/2026"
run letter list --due-before 31/11/2026
is "$rc" 1 "t1120.29 an impossible --due-before exits 1"
like "$err" '31/11/2026' "t1120.30 the message names it"
is "$(ids --direction in --from "$CA" --status awaiting-reply)" "$I1" \
    "t1120.31 filters combine"

# ---- formats
run letter list --format tsv
is "$(printf '%s\n' "$out" | sed -n 1p)" \
    'id	direction	register_no	number	type	date	received	issuer	recipients	subject	classification	urgency	agreement	due	status	in_reply_to	signer	handler' \
    "t1120.32 tsv header"
is "$(printf '%s\n' "$out" | awk -F '	' 'NF != 18' | wc -l | tr -d ' ')" 0 \
    "t1120.33 every tsv line has 18 fields"
like "$out" "$I1	in	1		" "t1120.34 tsv rows start id, direction, register_no"
like "$out" '2026-11-15	awaiting-reply' "t1120.35 tsv dates are ISO"
run letter list --format json
if [ $have_py -eq 1 ]; then
	is "$(json_len "$out")" 7 "t1120.36 json is a valid array of 7 letters"
	is "$(printf '%s\n' "$out" | "$PY" -c '
import json, sys
print(" ".join(str(d["id"]) for d in json.load(sys.stdin)))' 2>&1)" \
	    "$(ids)" "t1120.37 json is in the same order as tsv"
else
	skip "t1120.36 json is a valid array of 7 letters" "no python3"
	skip "t1120.37 json is in the same order as tsv" "no python3"
fi
like "$out" '"due":"2026-11-15"' "t1120.38 json dates are ISO"
run letter list --year 2024 --format json
is "$out" '[]' "t1120.39 json of no letters is []"
is "$rc" 0 "t1120.40 ... and exits 0"
run letter list --year 2024 --format tsv
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1 "t1120.41 tsv of no letters is the header alone"
run letter list --year 2024
is "$rc" 0 "t1120.42 a table of no letters exits 0"
like "$err" 'no letters' "t1120.43 ... and says so on stderr"
run letter list --format html
is "$rc" 1 "t1120.44 an unknown --format: exit 1"
like "$err" 'html' "t1120.45 the message names it"

# ---- the table
out=$(COLUMNS=80 ph letter list 2>/dev/null)
if [ $have_py -eq 1 ]; then
	w=$(printf '%s\n' "$out" | maxwidth)
	[ "$w" -le 80 ]
	ok $? "t1120.46 with COLUMNS=80 no line is wider than 80 columns ($w)"
else
	skip "t1120.46 with COLUMNS=80 no line is wider than 80 columns" "no python3"
fi
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 8 "t1120.47 the table is a header and 7 rows"
like "$out" '02/11/2026' "t1120.48 the table shows dates as dd/mm/yyyy"
unlike "$out" '2026-11-02' "t1120.49 the table shows no ISO date"
like "$out" '15/11/2026' "t1120.50 the table shows the due date"
like "$out" '…' "t1120.51 a long subject is cut with …"
like "$(printf '%s\n' "$out" | grep "^$I1 ")" 'overdue' \
    "t1120.52 the table says overdue for a letter past its due date"
out=$(COLUMNS=250 ph letter list 2>/dev/null)
like "$out" "$LONG" "t1120.53 with COLUMNS=250 the long subject is shown whole"
if [ $have_py -eq 1 ]; then
	w=$(printf '%s\n' "$out" | maxwidth)
	[ "$w" -le 250 ]
	ok $? "t1120.54 with COLUMNS=250 no line is wider than 250 columns ($w)"
else
	skip "t1120.54 with COLUMNS=250 no line is wider than 250 columns" "no python3"
fi

# ---- a failed listing prints no listing
run letter list --from 'Huyện ủy Hòa An' --format json
is "$out" "" "t1120.55 --from an unknown organization: no json on stdout (not even [])"
run letter list --from 'Huyện ủy Hòa An'
is "$out" "" "t1120.56 --from an unknown organization: no table header on stdout"
run letter list --status 'chưa-rõ' --format tsv
is "$out" "" "t1120.57 an unknown --status: no tsv header on stdout"

done_testing
