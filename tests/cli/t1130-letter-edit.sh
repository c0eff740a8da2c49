#!/bin/sh
# t1130-letter-edit.sh -- "phoihop letter edit" and "letter delete".
#
# edit changes the fields it names and nothing else, and leaves an
# "update" event with the letter before and after; delete removes a
# letter for good (its number is not given again, see t1110).
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it.
row () { ph letter show "$1" --format tsv 2>/dev/null | sed -n 2p; }
col () { row "$1" | cut -f"$2"; }
# The json of a letter up to its timestamps: every field, the body, not
# the history.
fields () { ph letter show "$1" --format json 2>/dev/null |
    sed 's/,"created":.*//'; }

CA='Đảng ủy Công an tỉnh'
BTC='Ban Tổ chức Huyện ủy'
OLD='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'
NEW='V/v góp ý dự thảo quy chế phối hợp giữa Đảng ủy xã và Đảng ủy Công an tỉnh'

fresh_db
printf 'Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị góp ý.\n' >body.txt
printf 'Dự thảo\n' >'Dự thảo.txt'
ID=$(ph letter add --direction in --number '47-BC/ĐUCA' --date 15/11/2026 \
    --received 16/11/2026 --from "$CA" --subject "$OLD" \
    --signer 'Nguyễn Văn An' --classification mat --urgency khan \
    --agreement '01-QC/ĐUCA-ĐU' --due 30/11/2026 --reply-required \
    --handler 'Trần Thị Bình' --note 'ghi chú' --body-file body.txt \
    --attach 'Dự thảo.txt' 2>/dev/null)
OUT=$(ph letter add --direction out --date 18/11/2026 --to "$BTC" \
    --subject 'V/v báo cáo công tác tháng 11' 2>/dev/null)

# ---- edit one field
row_before=$(row "$ID")
fields_before=$(fields "$ID")
run letter edit "$ID" --subject "$NEW"
is "$rc" 0 "t1130.1 letter edit --subject exits 0"
is "$out" "" "t1130.2 letter edit prints nothing on stdout"
is "$(col "$ID" 10)" "$NEW" "t1130.3 the subject is changed"
is "$(row "$ID" | cut -f1-9,11-)" "$(printf '%s\n' "$row_before" | cut -f1-9,11-)" \
    "t1130.4 every other listed field is unchanged (number, số đến, dates, ...)"
is "$(fields "$ID" | sed 's/"subject":"[^"]*"//')" \
    "$(printf '%s\n' "$fields_before" | sed 's/"subject":"[^"]*"//')" \
    "t1130.5 the body, note and attachments are unchanged"
run letter attachment "$ID" 1 --output att.txt
cmp -s att.txt 'Dự thảo.txt'
ok $? "t1130.6 the attachment still comes back byte for byte"

# ---- history
run letter show "$ID"
hist=$(printf '%s\n' "$out" | sed -n '/^History:/,$p')
like "$hist" 'insert' "t1130.7 the history shows the insert"
like "$hist" 'update' "t1130.8 the history shows the update"
is "$(nlines "$hist")" 3 "t1130.9 ... one line each under History:"
like "$hist" "$(id -un)" "t1130.10 the history names who did it"
run letter show "$ID" --format json
if [ $have_py -eq 1 ]; then
	got=$(printf '%s\n' "$out" | "$PY" -c '
import json, sys
h = json.load(sys.stdin)["history"]
e = [x for x in h if x["action"] == "update"][-1]
print(e["before"]["subject"] + "|" + e["after"]["subject"])' 2>&1)
	is "$got" "$OLD|$NEW" \
	    "t1130.11 the update event holds the old and the new subject"
else
	skip "t1130.11 the update event holds the old and the new subject" "no python3"
fi
like "$out" "\"action\":\"update\",\"before\":{" "t1130.12 the update event has a before object"

# ---- other fields
run letter edit "$ID" --due 05/12/2026 --handler 'Lê Văn Cường'
is "$(col "$ID" 14)	$(col "$ID" 18)" '2026-12-05	Lê Văn Cường' \
    "t1130.13 edit --due --handler change both"
is "$(col "$ID" 10)" "$NEW" "t1130.14 ... and keep the subject"
run letter edit "$ID" --no-reply-required
is "$rc" 0 "t1130.15 edit --no-reply-required exits 0"
is "$(col "$ID" 15)" registered "t1130.16 --no-reply-required: awaiting-reply becomes registered"
unlike "$(ph letter show "$ID")" 'Reply required' "t1130.17 show no longer says a reply is required"
run letter edit "$ID" --reply-required
is "$(col "$ID" 15)" awaiting-reply "t1130.18 --reply-required: back to awaiting-reply"
run letter edit "$ID" --status resolved
is "$rc" 0 "t1130.19 edit --status resolved exits 0"
is "$(col "$ID" 15)" resolved "t1130.20 the status is resolved"
is "$(ph letter list --status resolved --format tsv | sed 1d | cut -f1)" "$ID" \
    "t1130.21 list --status resolved finds it"
run letter edit "$OUT" --to "$CA; Ban Tuyên giáo Huyện ủy"
is "$(col "$OUT" 9)" "$CA; Ban Tuyên giáo Huyện ủy" "t1130.22 edit --to replaces the recipients"
like "$err" 'new organization added: Ban Tuyên giáo Huyện ủy' \
    "t1130.23 edit reports a new organization"
is "$(col "$OUT" 4)" '01-CV/ĐU' "t1130.24 an edited outgoing letter keeps its number"

# ---- refused edits change nothing
before=$(dbsum)
run letter edit "$ID" --status 'đã-xong'
is "$rc" 1 "t1130.25 edit --status with an unknown status exits 1"
like "$err" 'đã-xong' "t1130.26 the message names it"
run letter edit "$ID" --received 01/11/2026
is "$rc" 1 "t1130.27 edit --received before the letter's date exits 1"
like "$err" '01/11/2026' "t1130.28 the message names the date"
run letter edit "$ID" --subject ''
is "$rc" 1 "t1130.29 edit --subject '' exits 1"
run letter edit "$ID" --status overdue
is "$rc" 1 "t1130.30 edit --status overdue exits 1: overdue follows from the due date"
run letter edit "$ID" --direction out
is "$rc" 2 "t1130.31 edit --direction exits 2 (a letter does not change direction)"
run letter edit --subject "$NEW"
is "$rc" 2 "t1130.32 edit without an id exits 2"
run letter edit 999 --subject "$NEW"
is "$rc" 1 "t1130.33 edit of an unknown id exits 1"
like "$err" '999' "t1130.34 the message names the id"
is "$(dbsum)" "$before" "t1130.35 the refused edits changed nothing"
is "$(ph letter show "$ID" --format json | grep -o '"action":"update"' | wc -l | tr -d ' ')" 5 \
    "t1130.36 refused edits leave no event"

# ---- delete
run letter delete "$ID"
is "$rc" 0 "t1130.37 letter delete exits 0"
is "$out" "" "t1130.38 letter delete prints nothing on stdout"
like "$err" "$ID" "t1130.39 stderr says which letter was deleted"
run letter show "$ID"
is "$rc" 1 "t1130.40 show of the deleted letter exits 1"
like "$err" "$ID" "t1130.41 the message names the id"
is "$(ph letter list --format tsv | sed 1d | cut -f1)" "$OUT" \
    "t1130.42 the list no longer has it"
run letter attachment "$ID" 1 --output att2.txt
is "$rc" 1 "t1130.43 its attachments are gone with it"
before=$(dbsum)
run letter delete "$ID"
is "$rc" 1 "t1130.44 deleting it again exits 1"
run letter delete 999
is "$rc" 1 "t1130.45 delete of an unknown id exits 1"
like "$err" '999' "t1130.46 the message names the id"
is "$(dbsum)" "$before" "t1130.47 the refused deletes changed nothing"
run letter delete
is "$rc" 2 "t1130.48 delete without an id exits 2"
run letter delete "$OUT" --subject x
is "$rc" 2 "t1130.49 delete with a flag exits 2"
is "$(ph letter list --format tsv | sed 1d | cut -f1)" "$OUT" \
    "t1130.50 ... and deletes nothing"

done_testing
