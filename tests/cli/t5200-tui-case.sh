#!/bin/sh
# t5200-tui-case.sh -- the letter screen's case actions and files, driven
# through tmux: the escalation report's form (where it goes, shown before
# it is written; a refusal that keeps the typing; the subject and body
# typed landing in the report; the top of the chain; a hang-up kept as a
# draft), the case resolved with a note, a reminder's number said, a file
# attached and an attachment saved out (0600, never over a file without a
# yes), and a closed register that refuses them.  What was stored is
# checked through the CLI, not the screen.

. "$PH_SRCDIR/tests/lib-cli.sh"

. "$PH_SRCDIR/tests/lib-tui.sh"

# after LABEL: the line under the form's field LABEL (where its error is).
after () {
	printf '%s\n' "$s" | grep -A1 -F -- "$1" | sed -n 2p
}
# col ID N: column N of "letter show ID --format tsv" (4 number, 5 type,
# 6 date, 9 recipients, 10 subject, 15 status, 16 in_reply_to).
col () {
	ph letter show "$1" --format tsv 2>/dev/null | awk -F '\t' -v n="$2" \
	    'NR == 2 { print $n }'
}
# reports_to ID: the outgoing letters that answer letter ID, oldest first.
reports_to () {
	ph letter list --format tsv 2>/dev/null | awk -F '\t' -v r="$1" \
	    '$16 == r && $2 == "out" { print $1 }'
}
# begin: phoihop at 100x30 on $DB.
begin () {
	start C.UTF-8 100 30
}
# open_first KEY: phoihop at 100x30, the register KEY (F3 incoming, F4
# outgoing) and its first letter opened.
open_first () {
	begin
	await 'Today' >/dev/null
	keys "$1"
	await 'register' >/dev/null
	keys Enter
	await 'History' >/dev/null
}
quit_all () {
	for _q in 1 2 3 4; do
		keys q 2>/dev/null
		sleep 0.2
	done
	wait_exit
}

CA='Đảng ủy Công an tỉnh'
AG='409-QĐ/TU'

# ---- the escalation report, up 409-QĐ/TU's chain of three
DB=$PWD/escalate.db
fresh_db_agreements
R=$(ph letter add --direction in --date 13/11/2026 --received 16/11/2026 \
    --from "$CA" --agreement "$AG" --reply-required --due 30/11/2026 \
    --subject 'V/v góp ý dự thảo kế hoạch' 2>/dev/null)
ph case disagree "$R" --reason 'Chưa thống nhất về nhân sự' >/dev/null 2>&1
open_first F3
keys E
s=$(await 'Report to:')
like "$s" "phoihop · Escalation report" "t5200.1 E opens the escalation report's form"
like "$s" "Report to: Ban Thường vụ Tỉnh ủy (level 1 of 3)" \
    "t5200.2 ... saying where it goes: level 1 of the agreement's chain"
like "$s" "(văn bản ngày 13/11/2026)" "t5200.3 ... the subject proposed from the request"
like "$s" "20/11/2026" "t5200.4 ... dated today"

SUM=$(dbsum)
keys Tab Tab Tab
keys -l 'Kính gửi Ban Thường vụ Tỉnh ủy, đề nghị cho ý kiến chỉ đạo'
keys F10
s=$(await 'required')
like "$(after 'Reason / what is asked')" "required: this field cannot be empty" \
    "t5200.5 saving with no reason is refused, the error under the field"
like "$(printf '%s\n' "$s" | tail -n 2 | head -n 1)" "Reason / what is asked: required" \
    "t5200.6 ... and on the message line"
like "$s" "Kính gửi Ban Thường vụ Tỉnh ủy" "t5200.7 ... the body typed is kept"
is "$(dbsum)" "$SUM" "t5200.8 ... nothing was stored"
is "$(col "$R" 15)" disagreed "t5200.9 ... and the case is still disagreed"

# The focus is back on the reason.
keys -l 'Hai bên chưa thống nhất về nhân sự cấp ủy'
keys F10
s=$(await 'Escalation report written')
B1=$(reports_to "$R" | sed -n 1p)
like "$s" "Escalation report written: letter #$B1, number $(col "$B1" 4), to Ban Thường vụ Tỉnh ủy." \
    "t5200.10 F10 writes the report and says its number"
like "$s" "Outgoing, no." "t5200.11 ... and shows the report"
is "$(col "$R" 15)" escalated "t5200.12 the case is escalated"
is "$(col "$B1" 2)|$(col "$B1" 5)|$(col "$B1" 9)|$(col "$B1" 6)" \
    "out|BC|Ban Thường vụ Tỉnh ủy|2026-11-20" \
    "t5200.13 the report: outgoing, a BC, to level 1, dated today"
like "$(col "$B1" 10)" "V/v xin ý kiến chỉ đạo về góp ý dự thảo kế hoạch" \
    "t5200.14 ... with the subject proposed"
like "$(ph letter show "$B1" 2>/dev/null)" \
    "Kính gửi Ban Thường vụ Tỉnh ủy, đề nghị cho ý kiến chỉ đạo" \
    "t5200.15 ... and the body typed"
run case show "$R"
like "$out" "escalate   level 1 -> $B1 Ban Thường vụ Tỉnh ủy: Hai bên chưa thống nhất về nhân sự cấp ủy" \
    "t5200.16 case show: the escalation, its level and the reason typed"
keys q
s=$(await 'The case')
like "$s" "escalate #$B1 -> Ban Thường vụ Tỉnh ủy" \
    "t5200.17 back on the request, the case thread shows the report"

# Level 2: through Ban Tổ chức Tỉnh ủy; a subject of the clerk's own.
keys E
s=$(await 'Report to:')
like "$s" "Report to: Ban Thường vụ Tỉnh ủy (level 2 of 3)" "t5200.18 E again: level 2"
like "$s" "Through:   Ban Tổ chức Tỉnh ủy" "t5200.19 ... through the office the chain names"
keys -l 'Đã quá thời hạn trao đổi'
keys Tab Tab C-u
keys -l 'V/v xin ý kiến về nhân sự cấp ủy Công an xã'
keys F10
await 'Escalation report written' >/dev/null
B2=$(reports_to "$R" | sed -n 2p)
is "$(col "$B2" 10)" "V/v xin ý kiến về nhân sự cấp ủy Công an xã" \
    "t5200.20 a subject changed in the form is the report's"
like "$(col "$B2" 9)" "Ban Tổ chức Tỉnh ủy" "t5200.21 ... sent through the office of level 2"
like "$(ph letter show "$B2" 2>/dev/null)" "Đã quá thời hạn trao đổi" \
    "t5200.22 ... with no body typed, the reason is its body (as case escalate does)"

# Level 3, dated the day before.
keys q
await 'The case' >/dev/null
keys E
await 'level 3 of 3' >/dev/null
keys -l 'Đề nghị Đảng ủy Công an Trung ương cho ý kiến'
keys Tab C-u
keys -l '19/11/2026'
keys F10
await 'Escalation report written' >/dev/null
B3=$(reports_to "$R" | sed -n 3p)
is "$(col "$B3" 9)|$(col "$B3" 6)" "Đảng ủy Công an Trung ương|2026-11-19" \
    "t5200.23 level 3, the top, with the date typed"

# Past the top: the core says no before anything is typed.
keys q
await 'The case' >/dev/null
SUM=$(dbsum)
keys E
s=$(await 'top of its chain')
like "$s" "letter $R was already reported to the top of its chain (level 3)" \
    "t5200.24 past the top of the chain, E is refused with the core's reason"
unlike "$s" "Report to:" "t5200.25 ... no form opens"
is "$(dbsum)" "$SUM" "t5200.26 ... and nothing was stored"
is "$(quit_all)" 0 "t5200.27 ... and it quits cleanly"

# ---- a hang-up during the escalation form: the draft comes back
DB=$PWD/draft.db
fresh_db
D=$(ph letter add --direction in --date 16/11/2026 --from "$CA" \
    --reply-required --due 30/11/2026 \
    --subject 'V/v phối hợp tuyên truyền' 2>/dev/null)
ph case disagree "$D" --reason 'Chưa thống nhất nội dung' >/dev/null 2>&1
open_first F3
keys E
s=$(await 'Report to:')
like "$s" "Report to: Thường trực Đảng ủy (level 1 of 2)" \
    "t5200.28 with no agreement, the default chain: Thường trực Đảng ủy first"
keys -l 'Đề nghị Thường trực cho ý kiến'
keys Tab Tab Tab
keys -l 'Nội dung báo cáo chi tiết'
await 'Nội dung báo cáo chi tiết' >/dev/null
kill -HUP "$(cat pid)"
is "$(wait_exit)" 0 "t5200.29 SIGHUP during the form ends it with status 0"
is "$(col "$D" 15)" disagreed "t5200.30 ... having stored nothing"
begin
s=$(await 'Continue it?')
like "$s" "\"Escalation report\" for letter #$D" \
    "t5200.31 at the next start the escalation's draft is offered"
keys y
s=$(await 'Report to:')
like "$s" "Đề nghị Thường trực cho ý kiến" "t5200.32 ... y brings the reason back"
like "$s" "Nội dung báo cáo chi tiết" "t5200.33 ... and the body"
keys F10
await 'Escalation report written' >/dev/null
B=$(reports_to "$D")
is "$(col "$D" 15)|$(col "$B" 9)" "escalated|Thường trực Đảng ủy" \
    "t5200.34 ... and F10 writes the report from the draft"
like "$(ph letter show "$B" 2>/dev/null)" "Nội dung báo cáo chi tiết" \
    "t5200.35 ... with the body kept over the hang-up"

# Esc asks before throwing typing away.
keys q
await 'The case' >/dev/null
SUM=$(dbsum)
keys E
await 'level 2 of 2' >/dev/null
keys -l 'Gõ dở'
keys Escape
s=$(await 'Throw away')
like "$s" "Throw away what was typed? (y/n)" "t5200.36 Esc on a typed form asks first"
keys n
s=$(await 'Gõ dở')
like "$s" "Report to:" "t5200.37 ... n keeps the form and the typing"
keys Escape
await 'Throw away' >/dev/null
keys y
await 'The case' >/dev/null
is "$(dbsum)" "$SUM" "t5200.38 ... y throws it away, nothing stored"

# ---- the case resolved with a note
keys x
s=$(await 'Note (optional)')
like "$s" "phoihop · Resolve the case" "t5200.39 x opens a form with an optional note"
keys -l 'Đã thực hiện theo chỉ đạo của Thường trực'
keys F10
s=$(await 'closed as resolved')
like "$s" "Letter $D: the case is closed as resolved." "t5200.40 F10 resolves the case, and says so"
is "$(col "$D" 15)" resolved "t5200.41 ... the case is resolved"
run case show "$D"
like "$out" "resolve   : Đã thực hiện theo chỉ đạo của Thường trực" \
    "t5200.42 ... with the note typed"
SUM=$(dbsum)
keys x
s=$(await 'no open case')
like "$s" "This letter has no open case." "t5200.43 a resolved case is not resolved again"
is "$(dbsum)" "$SUM" "t5200.44 ... nothing stored"
is "$(quit_all)" 0 "t5200.45 ... and it quits cleanly"
begin
s=$(await 'Today')
sleep 0.5
s=$($TM capture-pane -p -t t)
unlike "$s" "Continue it?" "t5200.46 no draft is offered once the report is written"
keys q
wait_exit >/dev/null

# ---- a reminder: still a yes, then its number said
DB=$PWD/remind.db
fresh_db
O=$(ph letter add --direction out --date 09/11/2026 --to "$CA" \
    --reply-required --due 16/11/2026 \
    --subject 'V/v đề nghị cung cấp thông tin' 2>/dev/null)
open_first F4
keys m
s=$(await '(y/n)')
like "$s" "Write a reminder (đôn đốc) for this case? (y/n)" "t5200.47 m asks before writing a reminder"
keys y
s=$(await 'Reminder written')
M=$(reports_to "$O")
like "$s" "Reminder written: letter #$M, number $(col "$M" 4), to $CA." \
    "t5200.48 ... y writes it and says its number and to whom"
is "$(col "$O" 15)" reminded "t5200.49 ... the case is reminded"
is "$(quit_all)" 0 "t5200.50 ... and it quits cleanly"

# ---- files: attach, refuse, list, save out
DB=$PWD/files.db
fresh_db
L=$(ph letter add --direction in --date 16/11/2026 --from "$CA" \
    --subject 'V/v gửi tài liệu hội nghị' 2>/dev/null)
mkdir -p in out
# Bytes a text path would spoil: NUL, CR LF, 0xFF, invalid UTF-8.
printf '%%PDF-1.4\r\n\000\001\377\376 báo cáo \303(\n' >"in/báo cáo.pdf"
i=0
while [ $i -lt 200 ]; do
	printf 'Dòng %03d: nội dung kèm theo\n' $i
	i=$((i + 1))
done >"in/ghi chú.txt"
open_first F3
keys a
s=$(await 'File to attach')
like "$s" "phoihop · Attach a file" "t5200.51 a opens the attach form"
keys -l "$PWD/in/báo cáo.pdf"
keys F10
s=$(await 'is attached')
like "$s" "báo cáo.pdf ($(wc -c <"in/báo cáo.pdf" | tr -d ' ') B) is attached to letter #$L." \
    "t5200.52 F10 attaches the file and says so"
like "$s" "> 1. báo cáo.pdf" "t5200.53 ... the letter screen lists it, selected"
like "$(ph letter show "$L" 2>/dev/null)" \
    "1. báo cáo.pdf ($(wc -c <"in/báo cáo.pdf" | tr -d ' ') B)" \
    "t5200.54 letter show lists the attachment with its size"
ph letter attachment "$L" 1 --output cli1.bin >/dev/null 2>&1
cmp -s cli1.bin "in/báo cáo.pdf"
ok $? "t5200.55 ... and its bytes are the file's, exported by the CLI"

# A missing file, a folder, a file over the limit: refused, naming it.
SUM=$(dbsum)
keys a
await 'File to attach' >/dev/null
keys -l "$PWD/in/khong-co.pdf"
keys F10
s=$(await 'cannot open')
like "$(after 'File to attach')" "cannot open $PWD/in/khong-co.pdf" \
    "t5200.56 a missing file is refused, the error under the field naming the path"
like "$s" "* File to attach  $PWD/in/khong-co.pdf" "t5200.57 ... the path typed is kept"
keys C-u
keys -l "$PWD/in"
keys F10
s=$(await 'not a regular file')
like "$(after 'File to attach')" "$PWD/in is not a regular file" \
    "t5200.58 a folder is refused, naming it"
if truncate -s 26M big.bin 2>/dev/null; then
	keys C-u
	keys -l "$PWD/big.bin"
	keys F10
	s=$(await 'larger than')
	like "$(after 'File to attach')" "attachment $PWD/big.bin is larger than 25 MB" \
	    "t5200.59 a file over the core's limit is refused with the core's reason"
else
	skip "t5200.59 a file over the core's limit is refused" "no truncate"
fi
is "$(dbsum)|$(ph letter show "$L" 2>/dev/null | grep -c 'B)$')" "$SUM|1" \
    "t5200.60 ... nothing stored by the refusals"
keys Escape
await 'Throw away' >/dev/null
keys y
await 'History' >/dev/null

keys a
await 'File to attach' >/dev/null
keys -l "$PWD/in/ghi chú.txt"
keys F10
s=$(await '2. ghi chú.txt')
like "$s" "2. ghi chú.txt  (7 KB)" "t5200.61 a second file is listed, its size in KB"
keys Tab
s=$(await '> 2. ghi chú.txt')
like "$s" "> 2. ghi chú.txt" "t5200.62 Tab selects the next attachment"
keys BTab
await '> 1. báo cáo.pdf' >/dev/null
keys Tab
await '> 2. ghi chú.txt' >/dev/null

# Save the selected attachment out.
keys s
s=$(await 'Save as')
like "$s" "phoihop · Save an attachment" "t5200.63 s opens the save form"
like "$s" "Attachment ghi chú.txt (7 KB)" "t5200.64 ... for the attachment selected"
keys C-u
keys -l "$PWD/out/ghi chú.txt"
keys F10
s=$(await 'saved as')
like "$s" "Attachment ghi chú.txt (7 KB) saved as $PWD/out/ghi chú.txt." \
    "t5200.65 F10 saves it and says where"
cmp -s "out/ghi chú.txt" "in/ghi chú.txt"
ok $? "t5200.66 ... the same bytes as the file attached"
is "$(stat -c %a "out/ghi chú.txt")" 600 "t5200.67 ... written readable by the owner alone (0600)"

# An existing file: not replaced without a yes.
keys BTab
await '> 1. báo cáo.pdf' >/dev/null
echo 'bản cũ' >out/keep.pdf
keys s
await 'Save as' >/dev/null
keys C-u
keys -l "$PWD/out/keep.pdf"
keys F10
s=$(await 'Replace it?')
like "$s" "$PWD/out/keep.pdf already exists. Replace it? (y/n)" \
    "t5200.68 saving over a file asks first"
keys n
s=$(await 'not saved')
like "$(after '* Save as')" "not saved: $PWD/out/keep.pdf already exists" \
    "t5200.69 ... n refuses, the reason under the field"
is "$(cat out/keep.pdf)" 'bản cũ' "t5200.70 ... and the file is as it was"
keys F10
await 'Replace it?' >/dev/null
keys y
await 'saved as' >/dev/null
cmp -s out/keep.pdf "in/báo cáo.pdf"
ok $? "t5200.71 ... y replaces it with the attachment's bytes"
is "$(stat -c %a out/keep.pdf)" 600 "t5200.72 ... mode 0600"

# A folder: the file goes in it under the attachment's name.
keys s
await 'Save as' >/dev/null
keys C-u
keys -l "$PWD/out"
keys F10
await 'saved as' >/dev/null
cmp -s "out/báo cáo.pdf" "in/báo cáo.pdf"
ok $? "t5200.73 saved into a folder, under the attachment's name"
is "$(ls -A out | grep -c '^\.phoihop-')" 0 "t5200.74 no temporary file is left behind"
is "$(quit_all)" 0 "t5200.75 ... and it quits cleanly"

# ---- a closed register (no write bit): read, save out, but change nothing
cp "$DB" closed.db
chmod 444 closed.db
DB=$PWD/closed.db
open_first F3
keys a
s=$(await 'closed')
like "$s" "This register is closed: it can be read, not changed." \
    "t5200.76 a closed register refuses an attachment"
unlike "$s" "File to attach" "t5200.77 ... with no form"
keys s
await 'Save as' >/dev/null
keys C-u
keys -l "$PWD/out/from-closed.pdf"
keys F10
await 'saved as' >/dev/null
cmp -s out/from-closed.pdf "in/báo cáo.pdf"
ok $? "t5200.78 ... but an attachment can still be saved out of it"
is "$(quit_all)" 0 "t5200.79 ... and it quits cleanly"

DB=$PWD/escalate.db
cp "$DB" closed2.db
chmod 444 closed2.db
DB=$PWD/closed2.db
open_first F3
keys E
s=$(await 'closed')
like "$s" "This register is closed: it can be read, not changed." \
    "t5200.80 a closed register refuses an escalation report"
keys x
s=$(await 'closed')
unlike "$s" "Resolve the case" "t5200.81 ... and the resolve form"
is "$(quit_all)" 0 "t5200.82 ... and it quits cleanly"

done_testing
