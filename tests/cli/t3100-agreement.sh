#!/bin/sh
# t3100-agreement.sh -- the regulations as data: init loads the five
# shipped ones, show gives their rules, load updates a number already
# present, a malformed file is refused naming file and line, obligations
# are made from periodic rules and can be fulfilled by a letter.
. "$PH_SRCDIR/tests/lib-cli.sh"
export PHOIHOP_NOW=2026-11-20T08:00:00
fresh_db_agreements

list=$(ph agreement list --format tsv)
is "$(printf '%s\n' "$list" | tail -n +2 | wc -l | tr -d ' ')" 5 \
    "t3100.1 init loads the five shipped regulations"
for n in 90-QĐ/TW 888-QĐ/TU 409-QĐ/TU 278/QĐ/ĐU; do
	like "$list" "$n" "t3100.2 $n is loaded"
done
show=$(ph agreement show 409-QĐ/TU)
like "$show" "5 working days" "t3100.3 409-QĐ/TU: reply within 05 working days"
like "$show" "Điều 6" "t3100.4 ... citing its article"
like "$show" "before 20/06, 20/12" "t3100.5 ... the six-monthly notices before 20/06 and 20/12"
like "$show" "Đảng ủy Công an Trung ương" "t3100.6 ... and its escalation chain"
like "$(ph agreement show 90-QĐ/TW)" "default" \
    "t3100.7 90-QĐ/TW says only \"kịp thời\": the window is marked a default"
run agreement show 1-QĐ/XX
is "$rc" 1 "t3100.8 an unknown agreement is an error"
like "$err" "1-QĐ/XX" "t3100.9 ... naming it"

# Loading a number already present updates it.
sed 's/^title: .*/title: Quy chế phối hợp (bản sửa đổi)/' \
    "$PH_SRCDIR/data/agreements/004-278-QD-DU.txt" >changed.txt
run agreement load changed.txt
is "$rc" 0 "t3100.10 agreement load exits 0"
like "$err" "updated" "t3100.11 ... and says it updated 278/QĐ/ĐU"
like "$(ph agreement list)" "bản sửa đổi" "t3100.12 the new title is kept"
is "$(ph agreement list --format tsv | tail -n +2 | wc -l | tr -d ' ')" 5 \
    "t3100.13 still five agreements"

printf 'number: 5-QĐ/ĐU\ntitle: Thử\n[reply]\ndays: năm\n' >bad.txt
SUM=$(ph agreement list --format tsv | md5sum)
run agreement load bad.txt
is "$rc" 1 "t3100.14 a malformed file is refused"
like "$err" "bad.txt:4" "t3100.15 ... naming file and line"
is "$(ph agreement list --format tsv | md5sum)" "$SUM" "t3100.16 ... and nothing is loaded"
run agreement load missing.txt
is "$rc" 1 "t3100.17 a missing file is an error"

# Obligations from the periodic rules.
obl=$(ph obligation list --year 2026 --format tsv)
like "$obl" "2026-12-18" "t3100.18 409-QĐ/TU's notice before 20/12 is due Fri 18/12/2026"
like "$obl" "2026-06-19" "t3100.19 ... and the one before 20/06 on Fri 19/06/2026"
OB=$(printf '%s\n' "$obl" | awk -F '\t' '$5 == "2026-12-18" { print $1; exit }')
L=$(ph letter add --direction in --date 18/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'Thông báo tình hình năm 2026' 2>/dev/null)
run obligation fulfil "$OB" --letter "$L"
is "$rc" 0 "t3100.20 obligation fulfil exits 0"
unlike "$(ph obligation list --year 2026 --format tsv | cut -f 1)" "$OB" \
    "t3100.21 a fulfilled obligation leaves the open list"
like "$(ph obligation list --year 2026 --all --format tsv)" "$(printf '\t%s' "$L")" \
    "t3100.22 --all shows the letter that fulfilled it"
run obligation fulfil "$OB" --letter 9999
is "$rc" 1 "t3100.23 fulfilling with an unknown letter is an error"

run obligation list --letter "$L"
is "$rc" 2 "t3100.33 --letter does not go with obligation list"
run obligation unfulfil "$OB"
is "$rc" 0 "t3100.25 obligation unfulfil exits 0"
like "$(ph obligation list --year 2026 --format tsv | cut -f 1)" "$OB" \
    "t3100.26 ... and the obligation is open again"

# Supersession does not depend on the order files are loaded in.
rm -f "$DB" "$DB-wal" "$DB-shm"
ph init --no-agreements >/dev/null 2>&1
ph agreement load "$PH_SRCDIR/data/agreements/002-409-QD-TU.txt" \
    "$PH_SRCDIR/data/agreements/001-888-QD-TU.txt" >/dev/null 2>&1
unlike "$(ph obligation list --year 2026 --format tsv | cut -f 2)" "888-QĐ/TU" \
    "t3100.27 888-QĐ/TU loaded after 409-QĐ/TU, which replaces it, owes nothing"
printf 'number: 7-QĐ/ĐU\ntitle: Thử\n' >ok.txt
run agreement load ok.txt bad.txt
is "$rc" 1 "t3100.28 loading a good and a bad file fails"
unlike "$err" "loaded" "t3100.29 ... and says nothing was loaded"
run agreement show 7-QĐ/ĐU
is "$rc" 1 "t3100.30 ... and loads neither"
run agreement show -QĐ/ĐU
is "$rc" 2 "t3100.31 a number starting with - needs --"
like "$err" "--" "t3100.32 ... and the message says so"

rm -f "$DB" "$DB-wal" "$DB-shm"
ph init --no-agreements >/dev/null 2>&1
is "$(ph agreement list --format tsv | wc -l | tr -d ' ')" 1 \
    "t3100.24 init --no-agreements loads none"
done_testing
