#!/bin/sh
# t3200-case.sh -- the life of a request through the CLI: due dates from
# the agreement's reply rule and from urgency, then every transition
# (reply, extend, remind, disagree, escalate up the chain, direct,
# resolve) and the illegal ones, each a clear error that changes nothing.
. "$PH_SRCDIR/tests/lib-cli.sh"
export PHOIHOP_NOW=2026-11-20T09:00:00	# a Friday
CA='Đảng ủy Công an tỉnh'
AG='409-QĐ/TU'
fresh_db_agreements

field () {	# field ID COLUMN: one column of "letter show --format tsv"
	ph letter show "$1" --format tsv | tail -n 1 | cut -f "$2"
}
due_of () { field "$1" 14; }
status_of () { field "$1" 15; }

# ---- due dates
R1=$(ph letter add --direction in --date 10/11/2026 --received 11/11/2026 \
    --from "$CA" --agreement "$AG" --reply-required \
    --subject 'V/v lấy ý kiến về nhân sự cấp ủy Công an xã' 2>/dev/null)
is "$(due_of "$R1")" 2026-11-18 \
    "t3200.1 received Wed 11/11, 05 working days (409-QĐ/TU): due Wed 18/11"
is "$(status_of "$R1")" awaiting-reply "t3200.2 a request awaits its reply"
R2=$(ph letter add --direction in --date 19/11/2026 --received 19/11/2026 \
    --from "$CA" --reply-required --urgency khan \
    --subject 'V/v báo cáo khẩn tình hình an ninh trật tự' 2>/dev/null)
is "$(due_of "$R2")" 2026-11-19 "t3200.3 Khẩn: due the day it is received"
R3=$(ph letter add --direction in --date 13/11/2026 --received 14/11/2026 \
    --from "$CA" --reply-required --subject 'V/v phối hợp tuyên truyền' \
    2>/dev/null)
is "$(due_of "$R3")" 2026-11-20 \
    "t3200.4 received on a Saturday, no agreement (default 5 working days): due Fri 20/11"
R4=$(ph letter add --direction in --date 13/11/2026 --received 16/11/2026 \
    --from "$CA" --reply-required --due 30/11/2026 --agreement "$AG" \
    --subject 'V/v góp ý dự thảo kế hoạch' 2>/dev/null)
is "$(due_of "$R4")" 2026-11-30 "t3200.5 --due given by hand wins"
O1=$(ph letter add --direction out --date 12/11/2026 --to "$CA" \
    --agreement "$AG" --reply-required \
    --subject 'V/v đề nghị cung cấp thông tin về đảng viên' 2>/dev/null)
is "$(due_of "$O1")" 2026-11-19 \
    "t3200.6 a request we sent on Thu 12/11: they owe the reply by Thu 19/11"
N1=$(ph letter add --direction in --date 12/11/2026 --from "$CA" \
    --subject 'Thông báo kết quả hội nghị' 2>/dev/null)

# ---- reply
run case reply "$R1" --date 20/11/2026 --subject 'V/v trả lời về nhân sự'
is "$rc" 0 "t3200.7 case reply exits 0"
REP=$out
like "$err" "late" "t3200.8 a reply after the due date is recorded late"
is "$(status_of "$R1")" replied "t3200.9 the case is replied"
is "$(field "$REP" 16)" "$R1" "t3200.10 the reply points to the request"
is "$(field "$REP" 2)" out "t3200.11 the reply to a letter we got is ours (out)"
SUM=$(dbsum)
run case reply "$R1" --date 20/11/2026
is "$rc" 1 "t3200.12 a second reply is refused"
like "$err" "replied" "t3200.13 ... saying the case is replied"
is "$(dbsum)" "$SUM" "t3200.14 ... and changes nothing"
run case reply "$N1"
is "$rc" 1 "t3200.15 a letter that asks for no reply is not a case"
like "$err" "not a case" "t3200.16 ... and the message says so"
run case reply 999
is "$rc" 1 "t3200.17 an unknown id is an error"
like "$err" "999" "t3200.18 ... naming it"
L2=$(ph letter add --direction in --date 18/11/2026 --received 18/11/2026 --from "$CA" \
    --subject 'V/v trả lời đề nghị cung cấp thông tin' 2>/dev/null)
run case reply "$O1" --letter "$L2"
is "$rc" 0 "t3200.19 case reply --letter links an existing letter"
like "$err" "on time" "t3200.20 received 18/11 for a due 19/11: on time"
is "$(field "$L2" 16)" "$O1" "t3200.21 the linked letter now points to the request"

# ---- extend
run case extend "$R4" --to 04/12/2026 --reason 'Hai bên thống nhất gia hạn'
is "$rc" 0 "t3200.22 case extend exits 0"
is "$(due_of "$R4")" 2026-12-04 "t3200.23 the new due date is kept"
is "$(status_of "$R4")" extended "t3200.24 the case is extended"
SUM=$(dbsum)
run case extend "$R4" --to 01/12/2026 --reason 'sớm hơn'
is "$rc" 1 "t3200.25 an extension to an earlier date is refused"
like "$err" "01/12/2026" "t3200.26 ... naming the date"
run case extend "$R4" --to 10/12/2026
is "$rc" 1 "t3200.27 an extension without a reason is refused"
run case extend "$R4" --reason 'x'
is "$rc" 2 "t3200.28 case extend without --to is a usage error"
is "$(dbsum)" "$SUM" "t3200.29 the refused extensions changed nothing"

# ---- remind
O2=$(ph letter add --direction out --date 09/11/2026 --to "$CA" \
    --agreement "$AG" --reply-required \
    --subject 'V/v đề nghị phối hợp rà soát đảng viên' 2>/dev/null)
run case remind "$O2"
is "$rc" 0 "t3200.30 case remind exits 0"
REM=$out
like "$(field "$REM" 10)" "đôn đốc" "t3200.31 the reminder's subject says đôn đốc"
is "$(field "$REM" 9)" "$CA" "t3200.32 ... and it goes to the late side"
is "$(status_of "$O2")" reminded "t3200.33 the case is reminded"
run case remind "$R4"
is "$rc" 1 "t3200.34 no reminder for a request that is ours to answer"

# ---- disagree, escalate up the chain, direct, resolve
run case escalate "$R4"
is "$rc" 1 "t3200.35 a case neither overdue nor disagreed is not escalated"
run case disagree "$R4"
is "$rc" 1 "t3200.36 a disagreement needs its reason"
run case disagree "$R4" --reason 'Chưa thống nhất về nhân sự'
is "$rc" 0 "t3200.37 case disagree exits 0"
is "$(status_of "$R4")" disagreed "t3200.38 the case is disagreed"
run case escalate "$R4" --reason 'Hai bên chưa thống nhất'
is "$rc" 0 "t3200.39 case escalate exits 0"
B1=$out
is "$(field "$B1" 9)" "Ban Thường vụ Tỉnh ủy" \
    "t3200.40 level 1 of 409-QĐ/TU's chain: Ban Thường vụ Tỉnh ủy"
like "$(field "$B1" 10)" "V/v xin ý kiến chỉ đạo" "t3200.41 the report asks for direction"
is "$(field "$B1" 5)" BC "t3200.42 ... as a báo cáo"
is "$(status_of "$R4")" escalated "t3200.43 the case awaits direction"
run case escalate "$R4"
B2=$out
like "$(field "$B2" 9)" "Ban Tổ chức Tỉnh ủy" "t3200.44 level 2 goes via Ban Tổ chức Tỉnh ủy"
run case escalate "$R4"
B3=$out
is "$(field "$B3" 9)" "Đảng ủy Công an Trung ương" "t3200.45 level 3: Đảng ủy Công an Trung ương"
SUM=$(dbsum)
run case escalate "$R4"
is "$rc" 1 "t3200.46 past the top of the chain is an error"
like "$err" "top" "t3200.47 ... saying so"
is "$(dbsum)" "$SUM" "t3200.48 ... and nothing was written"
run case direct "$R4" --instruction 'Tạm thời giữ nguyên nhân sự' --interim
is "$rc" 0 "t3200.49 an interim instruction is recorded"
is "$(status_of "$R4")" escalated "t3200.50 ... and the case still awaits direction"
run case direct "$R4" --instruction 'Đồng ý phương án của Đảng ủy xã' \
    --by 'Ban Thường vụ Tỉnh ủy'
is "$(status_of "$R4")" directed "t3200.51 the direction received"
run case resolve "$R4" --note 'Đã thực hiện theo chỉ đạo'
is "$(status_of "$R4")" resolved "t3200.52 the case is resolved"
run case resolve "$R4"
is "$rc" 1 "t3200.53 a resolved case cannot be resolved again"
run case direct "$R1" --instruction 'x'
is "$rc" 1 "t3200.54 no direction on a case that was not escalated"
run case show "$R4"
for a in extend disagree escalate interim direct resolve; do
	like "$out" "$a" "t3200.55 case show lists the $a action"
done
like "$(ph letter show "$R4")" "update" "t3200.56 the transitions are in the event log"

# ---- an overdue case can be escalated without a disagreement
run case escalate "$O2" --reason 'Quá hạn, đã đôn đốc'
is "$rc" 0 "t3200.57 an overdue case (due 16/11) is escalated"
# ---- every transition out of the wrong state is refused, changing nothing
SUM=$(dbsum)
run case extend "$R1" --to 30/12/2026 --reason 'x'
is "$rc" 1 "t3200.60 no extension of a replied case"
run case remind "$O1"
is "$rc" 1 "t3200.61 no reminder for a replied case"
run case extend "$R4" --to 30/12/2026 --reason 'x'
is "$rc" 1 "t3200.62 no extension of a resolved case"
run case disagree "$R4" --reason 'x'
is "$rc" 1 "t3200.63 no disagreement on a resolved case"
run case escalate "$R4"
is "$rc" 1 "t3200.64 no escalation of a resolved case"
run case reply "$R4"
is "$rc" 1 "t3200.65 no reply to a resolved case"
run case direct "$R2" --instruction 'x'
is "$rc" 1 "t3200.66 no direction on a case awaiting its reply"
run case extend "$N1" --to 30/12/2026 --reason 'x'
is "$rc" 1 "t3200.67 a letter that is not a case has no transitions"
is "$(dbsum)" "$SUM" "t3200.68 the refused transitions changed nothing"
# ---- a linked reply must answer the request
R5=$(ph letter add --direction in --date 16/11/2026 --received 16/11/2026 \
    --from "$CA" --reply-required --subject 'V/v góp ý' 2>/dev/null)
run case reply "$R5" --letter "$N1"
is "$rc" 1 "t3200.69 an incoming letter cannot answer an incoming request"
like "$err" "same way" "t3200.70 ... and the message says why"
OLD=$(ph letter add --direction out --date 10/11/2026 --to "$CA" \
    --subject 'V/v khác' 2>/dev/null)
run case reply "$R5" --letter "$OLD"
is "$rc" 1 "t3200.71 a letter older than the request cannot answer it"
if [ "$have_py" -eq 1 ]; then
	n=$("$PY" -c 'import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(c.execute("SELECT count(*) FROM events WHERE entity = ? AND json_extract(after, \"$.letter_id\") = ?", ("case_action", int(sys.argv[2]))).fetchone()[0])' "$DB" "$R4")
	is "$n" 8 "t3200.72 the 8 actions on the case (extend, disagree, escalate x3, interim, direct, resolve) are in the event log"
else
	skip "t3200.72 case actions in the event log" "python3 not installed"
fi
run case escalate abc
is "$rc" 1 "t3200.58 a letter id that is no id: exit 1"
run case remind "$O2" --note 'x'
is "$rc" 2 "t3200.73 a flag of another subcommand (--note on remind) is a usage error"
like "$err" "--note" "t3200.74 ... naming it"
run case frobnicate 1
is "$rc" 2 "t3200.59 an unknown subcommand: exit 2"
done_testing
