#!/bin/sh
# t3300-due.sh -- the morning list: each section holds exactly the cases
# it should, days are working days (negative when overdue), suggestions
# come past the agreement's grace, obligations within 30 days, --on,
# --within, --brief.
. "$PH_SRCDIR/tests/lib-cli.sh"
export PHOIHOP_NOW=2026-11-20T08:00:00	# a Friday
CA='Đảng ủy Công an tỉnh'
AG='409-QĐ/TU'
fresh_db_agreements

add () { ph letter add "$@" 2>/dev/null; }
A=$(add --direction in --date 06/11/2026 --received 09/11/2026 --from "$CA" \
    --agreement "$AG" --reply-required --subject 'V/v lấy ý kiến nhân sự')
B=$(add --direction out --date 17/11/2026 --to "$CA" --agreement "$AG" \
    --reply-required --due 19/11/2026 --subject 'V/v đề nghị cung cấp danh sách')
C=$(add --direction in --date 19/11/2026 --received 19/11/2026 --from "$CA" \
    --reply-required --due 20/11/2026 --subject 'V/v báo cáo nhanh')
D=$(add --direction in --date 18/11/2026 --received 18/11/2026 --from "$CA" \
    --reply-required --due 24/11/2026 --agreement "$AG" --subject 'V/v góp ý kế hoạch')
E=$(add --direction in --date 18/11/2026 --received 18/11/2026 --from "$CA" \
    --reply-required --due 30/11/2026 --subject 'V/v tham gia ý kiến dự thảo')
F=$(add --direction in --date 02/11/2026 --received 02/11/2026 --from "$CA" \
    --reply-required --agreement "$AG" --subject 'V/v xử lý kỷ luật đảng viên')
G=$(add --direction in --date 12/11/2026 --received 12/11/2026 --from "$CA" \
    --reply-required --due 27/11/2026 --agreement "$AG" --subject 'V/v điều động cán bộ')
H=$(add --direction in --date 12/11/2026 --from "$CA" --subject 'Thông báo lịch họp')
I=$(add --direction in --date 10/11/2026 --received 10/11/2026 --from "$CA" \
    --reply-required --due 12/11/2026 --subject 'V/v đã trả lời')
J=$(add --direction out --date 05/11/2026 --to "$CA" --agreement "$AG" \
    --reply-required --subject 'V/v đề nghị báo cáo tình hình đảng viên')
ph case disagree "$F" --reason 'Chưa thống nhất' >/dev/null 2>&1
ph case escalate "$F" >/dev/null 2>&1
ph case disagree "$G" --reason 'Chưa thống nhất hình thức' >/dev/null 2>&1
ph case reply "$I" --date 11/11/2026 >/dev/null 2>&1

run due --format tsv
is "$rc" 0 "t3300.1 due exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "$(printf 'section\tid\tnumber\tissuer\tsubject\tdue\tdays')" \
    "t3300.2 the tsv header, in order"
rows () { printf '%s\n' "$out" | awk -F '\t' -v s="$1" '$1 == s { printf "%s:%s ", $2, $7 }'; }
ids_in () { printf '%s\n' "$out" | awk -F '\t' -v s="$1" '$1 == s { printf "%s ", $2 }'; }
is "$(rows overdue-ours)" "$A:-4 " \
    "t3300.3 overdue, ours: A (due Mon 16/11), 4 working days late"
is "$(rows overdue-theirs)" "$J:-6 $B:-1 " \
    "t3300.4 overdue, theirs: J (sent Thu 05/11, due Thu 12/11), 6 days; B (due 19/11), 1 day"
is "$(rows due-today)" "$C:0 " "t3300.5 due today: C"
is "$(rows due-soon)" "$D:2 " "t3300.6 due soon (3 working days): D, 2 days left"
is "$(ids_in awaiting-direction)" "$F " "t3300.7 awaiting direction: F (escalated)"
is "$(ids_in suggest-escalation)" "$J $G " \
    "t3300.8 suggested escalations: J (their reply 6 days late, past the 2-day grace) and G (disagreed); not A, ours to answer"
unlike "$out" "$(printf '\t%s\t' "$H")" "t3300.9 a letter that needs no reply is not listed"
ob=$(printf '%s\n' "$out" | awk -F '\t' '$1 == "obligation" { print $6 }')
like "$ob" "2026-12-18" \
    "t3300.10 409-QĐ/TU: the notice before 20/12 (Sat 19/12 is a day off) is due Fri 18/12"
unlike "$(rows obligation)" "888" "t3300.11 a superseded agreement (888-QĐ/TU) owes nothing"

run due --format tsv --within 10
like "$(rows due-soon)" "$E:6" "t3300.12 --within 10 brings E (6 working days left)"
run due --format tsv --on 2026-11-16
is "$(rows due-today)" "$A:0 " "t3300.13 --on 16/11: A is due that day"
run due --within lâu
is "$rc" 1 "t3300.14 a --within that is no number: exit 1"
run due --on 31/11/2026
is "$rc" 1 "t3300.15 an impossible --on date: exit 1"
like "$err" "31/11/2026" "t3300.16 ... naming it"

run due --brief
is "$out" "3 letters overdue, 1 due today, 1 awaiting direction" \
    "t3300.17 --brief: one line for a login message"
out=$(phv due --brief 2>&1)
like "$out" "quá hạn" "t3300.18 --brief in Vietnamese"
run due
like "$out" "Overdue: ours to answer" "t3300.19 the table has section titles"
like "$out" "18/12/2026" "t3300.20 the table writes dates dd/mm/yyyy"
done_testing
