#!/bin/sh
# t1100-letter-add.sh -- "phoihop letter add", "reply" and "attachment".
#
# add prints the new id alone on stdout; what the clerk should know
# besides goes to stderr.  Every field given is stored and shown again:
# ISO dates in tsv and json, dd/mm/yyyy in tables.  Text typed in NFD is
# stored in NFC.  A reply goes back to the issuer and closes the case.
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it.
row () { ph letter show "$1" --format tsv 2>/dev/null | sed -n 2p; }
col () { row "$1" | cut -f"$2"; }
isint () { case $1 in ''|*[!0-9]*) return 1 ;; esac; return 0; }

CA='Đảng ủy Công an tỉnh'
UNIT='Đảng ủy xã Tân Tiến'
SUBJ='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'
# SUBJ in NFD (combining marks after their base letter, canonical order).
SUBJ_NFD=$(printf 'V/v la\314\202\314\201y y\314\201 kie\314\202\314\201n ve\314\202\314\200 co\314\202ng ta\314\201c ba\314\211o ve\314\243\314\202 chi\314\201nh tri\314\243 no\314\243\314\202i bo\314\243\314\202')
HEADER='id	direction	register_no	number	type	date	received	issuer	recipients	subject	classification	urgency	agreement	due	status	in_reply_to	signer	handler'

fresh_db

# ---- an incoming letter with every field
run letter add --direction in --number '47-BC/ĐUCA' --date 15/11/2026 \
    --received 16/11/2026 --from "$CA" --subject "$SUBJ" \
    --signer 'Nguyễn Văn An' --classification mat --urgency khan \
    --agreement '01-QC/ĐUCA-ĐU' --due 30/11/2026 --reply-required \
    --handler 'Trần Thị Bình' --note 'Chuyển đồng chí Phó Bí thư'
is "$rc" 0 "t1100.1 incoming letter add exits 0"
isint "$out"
ok $? "t1100.2 letter add prints only the id on stdout ($out)"
IN1=$out
like "$err" "new organization added: $CA" "t1100.3 stderr reports the new organization"
like "$err" 'registered as incoming number 1 of 2026' \
    "t1100.4 stderr reports the số đến"
like "$err" '01-QC/ĐUCA-ĐU' "t1100.5 stderr reports the new agreement"

run letter show "$IN1" --format tsv
is "$(printf '%s\n' "$out" | sed -n 1p)" "$HEADER" \
    "t1100.6 tsv columns: id, direction, register_no, number, type, date, received, issuer, recipients, subject, classification, urgency, agreement, due, status, in_reply_to, signer, handler"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "$IN1	in	1	47-BC/ĐUCA	BC	2026-11-15	2026-11-16	$CA	$UNIT	$SUBJ	mat	khan	01-QC/ĐUCA-ĐU	2026-11-30	awaiting-reply		Nguyễn Văn An	Trần Thị Bình" \
    "t1100.7 every field is stored and shown in tsv"
is "$(nlines "$out")" 2 "t1100.8 show tsv is a header and one row"
is "$(col "$IN1" 15)" awaiting-reply "t1100.9 --reply-required gives status awaiting-reply"

run letter show "$IN1" --format json
if [ $have_py -eq 1 ]; then
	got=$(printf '%s\n' "$out" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
print("|".join(str(d[k]) for k in ("id", "direction", "register_no",
    "number", "type", "date", "received", "issuer", "subject",
    "classification", "urgency", "agreement", "due", "status", "signer",
    "handler", "notes")) + "|" + ";".join(d["recipients"]))' 2>&1)
	is "$got" "$IN1|in|1|47-BC/ĐUCA|BC|2026-11-15|2026-11-16|$CA|$SUBJ|mat|khan|01-QC/ĐUCA-ĐU|2026-11-30|awaiting-reply|Nguyễn Văn An|Trần Thị Bình|Chuyển đồng chí Phó Bí thư|$UNIT" \
	    "t1100.10 every field is stored and shown in json"
else
	skip "t1100.10 every field is stored and shown in json" "no python3"
fi
like "$out" '"received":"2026-11-16"' "t1100.11 json dates are ISO"
like "$out" '"notes":"Chuyển đồng chí Phó Bí thư"' "t1100.12 json has the note"

run letter show "$IN1"
like "$(printf '%s\n' "$out" | grep '^Date:')" '15/11/2026' \
    "t1100.13 show table writes the date dd/mm/yyyy"
like "$(printf '%s\n' "$out" | grep '^Received:')" '16/11/2026' \
    "t1100.14 show table writes the receipt date dd/mm/yyyy"
like "$(printf '%s\n' "$out" | grep '^Due:')" '30/11/2026' \
    "t1100.15 show table writes the due date dd/mm/yyyy"
unlike "$out" '2026-11-15' "t1100.16 show table has no ISO date"
like "$out" 'Chuyển đồng chí Phó Bí thư' "t1100.17 show table has the note"

# The same issuer again: no new organization.
run letter add --direction in --date 2026-11-17 --from "$CA" --subject 'V/v phối hợp'
unlike "$err" 'new organization' "t1100.18 a known issuer is not reported as new"
is "$(col "$out" 7)" 2026-11-20 "t1100.19 the receipt date defaults to today"
is "$(col "$out" 9)" "$UNIT" "t1100.20 an incoming letter goes to our unit by default"
is "$(col "$out" 15)" registered "t1100.21 without --reply-required the status is registered"

# ---- date forms
run letter add --direction in --date 5/1/2026 --received 6/1/2026 --from "$CA" \
    --subject 'V/v ngày d/m/yyyy'
is "$(col "$out" 6)	$(col "$out" 7)" '2026-01-05	2026-01-06' "t1100.22 d/m/yyyy is accepted"
run letter add --direction in --date 05/01/2026 --from "$CA" --subject 'V/v ngày dd/mm/yyyy'
is "$(col "$out" 6)" 2026-01-05 "t1100.23 dd/mm/yyyy is accepted"
run letter add --direction in --date 2026-01-05 --due 2026-02-05 --from "$CA" \
    --subject 'V/v ngày ISO'
ISO_ID=$out
is "$(col "$out" 6)	$(col "$out" 14)" '2026-01-05	2026-02-05' "t1100.24 YYYY-MM-DD is accepted"
run letter list --format table
like "$out" '06/01/2026' "t1100.25 the list table writes dates dd/mm/yyyy"
unlike "$out" '2026-01-06' "t1100.26 the list table has no ISO date"

# ---- bodies
printf 'Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị góp ý trước ngày 30/11/2026.\n' >body.txt
run letter add --direction in --date 15/11/2026 --from "$CA" --subject 'V/v góp ý' \
    --body-file body.txt
B1=$out
run letter show "$B1" --format json
like "$out" '"body":"Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị góp ý trước ngày 30/11/2026.\n"' \
    "t1100.27 --body-file FILE is stored"
run letter show "$B1"
like "$out" 'Đề nghị góp ý trước ngày 30/11/2026.' "t1100.28 show table prints the body"
run letter add --direction in --date 15/11/2026 --from "$CA" --subject 'V/v góp ý' \
    --body-file - <body.txt
is "$rc" 0 "t1100.29 --body-file - exits 0"
B2=$out
like "$(ph letter show "$B2" --format json)" \
    '"body":"Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị góp ý trước ngày 30/11/2026.\n"' \
    "t1100.30 --body-file - reads the body from stdin"
run letter add --direction in --date 15/11/2026 --from "$CA" --subject 'V/v góp ý' \
    --body-file khong-co.txt
is "$rc" 1 "t1100.31 a missing body file exits 1"
like "$err" 'khong-co.txt' "t1100.32 the message names the file"

# ---- attachments
i=0
: >bytes.bin
while [ $i -lt 256 ]; do
	# every byte value, NUL included
	printf "\\$(printf %03o $i)" >>bytes.bin
	i=$((i + 1))
done
cat bytes.bin bytes.bin bytes.bin >bytes3.bin && mv bytes3.bin bytes.bin
printf 'Dự thảo tờ trình\n' >'Tờ trình.txt'
run letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject 'V/v gửi tài liệu' --attach bytes.bin --attach 'Tờ trình.txt'
is "$rc" 0 "t1100.33 letter add with two --attach exits 0"
AT=$out
run letter attachment "$AT" 2 --output out2
is "$rc" 0 "t1100.34 letter attachment ID 2 --output exits 0"
cmp -s out2 'Tờ trình.txt'
ok $? "t1100.35 attachment 2 comes back byte for byte"
run letter attachment "$AT" 1 --output out1
cmp -s out1 bytes.bin
ok $? "t1100.36 attachment 1 (binary, with NUL bytes) comes back byte for byte"
run letter show "$AT" --format json
like "$out" '{"n":1,"name":"bytes.bin","size":768}' "t1100.37 json lists attachment 1 with its size"
like "$out" '{"n":2,"name":"Tờ trình.txt","size":' "t1100.38 json lists attachment 2 by name"
run letter attachment "$AT" 3 --output out3
is "$rc" 1 "t1100.39 a missing attachment number exits 1"
[ ! -e out3 ]
ok $? "t1100.40 ... and writes no file"
printf 'giữ nguyên\n' >keep.txt
run letter attachment "$AT" 1 --output keep.txt
is "$rc" 1 "t1100.41 attachment --output onto an existing file exits 1"
is "$(cat keep.txt)" 'giữ nguyên' "t1100.42 ... and leaves the file alone"
run letter attachment "$AT" 1
is "$rc" 2 "t1100.43 attachment without --output exits 2"

# ---- outgoing letters, recipients
run letter add --direction out --date 18/11/2026 \
    --to 'Ban Tổ chức Huyện ủy; Ủy ban Mặt trận Tổ quốc xã' \
    --to 'Công an xã Tân Tiến' --subject 'V/v báo cáo công tác tháng 11'
is "$rc" 0 "t1100.44 outgoing letter add exits 0"
isint "$out"
ok $? "t1100.45 outgoing add prints only the id on stdout"
OUT1=$out
like "$err" 'new organization added: Ủy ban Mặt trận Tổ quốc xã' \
    "t1100.46 each new recipient is reported"
like "$err" 'registered as outgoing letter 01-CV/ĐU' \
    "t1100.47 stderr reports the number given"
is "$(col "$OUT1" 9)" \
    'Ban Tổ chức Huyện ủy; Ủy ban Mặt trận Tổ quốc xã; Công an xã Tân Tiến' \
    "t1100.48 'A;B' and a repeated --to give three recipients, in order"
like "$(ph letter show "$OUT1" --format json)" \
    '"recipients":["Ban Tổ chức Huyện ủy","Ủy ban Mặt trận Tổ quốc xã","Công an xã Tân Tiến"]' \
    "t1100.49 json recipients are an array"
is "$(col "$OUT1" 8)" "$UNIT" "t1100.50 our unit is the issuer of an outgoing letter"
is "$(col "$OUT1" 7)" "" "t1100.51 an outgoing letter has no receipt date"
run letter add --direction out --date 18/11/2026 --to ' ; ' --subject 'V/v trống'
is "$rc" 1 "t1100.52 --to naming no organization exits 1"

# ---- NFD input is stored as NFC
run letter add --direction in --date 15/11/2026 --subject "$SUBJ_NFD" \
    --from "$(printf '\304\220a\314\211ng u\314\211y Co\314\202ng an ti\314\211nh')"
NFD_ID=$out
is "$(col "$NFD_ID" 10)" "$SUBJ" "t1100.53 a subject typed in NFD is stored in NFC"
unlike "$err" 'new organization' "t1100.54 an issuer typed in NFD is the known one"
is "$(col "$NFD_ID" 8)" "$CA" "t1100.55 ... and the letter names it in NFC"

# ---- replies
run letter reply "$IN1"
is "$rc" 0 "t1100.56 letter reply exits 0"
isint "$out"
ok $? "t1100.57 letter reply prints only the new id"
R1=$out
is "$(col "$R1" 2)" out "t1100.58 the reply to an incoming letter is outgoing"
is "$(col "$R1" 9)" "$CA" "t1100.59 the reply goes to the original issuer"
is "$(col "$R1" 16)" "$IN1" "t1100.60 the reply's in_reply_to is the original"
is "$(col "$R1" 13)" '01-QC/ĐUCA-ĐU' "t1100.61 the reply keeps the original's agreement"
is "$(col "$IN1" 15)" replied "t1100.62 the original's status becomes replied"
is "$(col "$R1" 6)" 2026-11-20 "t1100.63 the reply is dated today"
like "$(ph letter show "$R1")" '47-BC/ĐUCA' "t1100.64 the reply's default subject names the original number"
run letter reply "$ISO_ID" --subject 'Báo cáo kết quả thực hiện' --date 19/11/2026
is "$(col "$out" 10)	$(col "$out" 6)" 'Báo cáo kết quả thực hiện	2026-11-19' \
    "t1100.65 reply takes --subject and --date"
before=$(dbsum)
run letter reply 999
is "$rc" 1 "t1100.66 reply to an unknown id exits 1"
like "$err" '999' "t1100.67 the message names the id"
run letter add --direction out --date 18/11/2026 --to "$CA" \
    --subject 'V/v trả lời' --in-reply-to 999
is "$rc" 1 "t1100.68 --in-reply-to an unknown id exits 1"
like "$err" '999' "t1100.69 the message names the id"
is "$(dbsum)" "$before" "t1100.70 the refused replies changed nothing"
run letter add --direction out --date 18/11/2026 --to "$CA" \
    --subject 'V/v trả lời' --in-reply-to "$B1"
is "$(col "$out" 16)" "$B1" "t1100.71 --in-reply-to a known id is stored"

done_testing
