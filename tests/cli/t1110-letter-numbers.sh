#!/bin/sh
# t1110-letter-numbers.sh -- số đến of incoming letters and the document
# numbers (số, ký hiệu) of our outgoing ones.
#
# Số đến runs 1, 2, 3 per year of receipt.  Party style (Hướng dẫn
# 36-HD/VPTW): one series per type through the committee's term,
# "01-CV/ĐU"; classified letters share it.  State style (Nghị định
# 30/2020): one series per calendar year, classified letters
# in a series of their own, "01/ĐU" for a công văn and "01/BC-ĐU" for
# other types.  A number once given is never given again.
. "$PH_SRCDIR/tests/lib-cli.sh"

BTC='Ban Tổ chức Huyện ủy'
CA='Đảng ủy Công an tỉnh'
LAST=
NO=

# di [ARGS]: add an outgoing letter (dated 10/11/2026 unless ARGS say
# otherwise); LAST is its id, NO its document number or "refused".
di () {
	NO=refused
	LAST=$(ph letter add --direction out --date 10/11/2026 --to "$BTC" \
	    --subject 'V/v báo cáo công tác bảo vệ chính trị nội bộ' "$@" \
	    2>"$TMPROOT/stderr") || return 0
	NO=$(ph letter show "$LAST" --format tsv | sed -n 2p | cut -f4)
}
# den [ARGS]: add an incoming letter received 16/11/2026 unless ARGS say
# otherwise; LAST is its id, NO its số đến or "refused".
den () {
	NO=refused
	LAST=$(ph letter add --direction in --date 15/11/2026 \
	    --received 16/11/2026 --from "$CA" \
	    --subject 'V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ' \
	    "$@" 2>"$TMPROOT/stderr") || return 0
	NO=$(ph letter show "$LAST" --format tsv | sed -n 2p | cut -f3)
}
field () { ph letter show "$LAST" --format tsv | sed -n 2p | cut -f"$1"; }

fresh_db

# ---- incoming: số đến per year of receipt
den
is "$NO" 1 "t1110.1 the first incoming letter of 2026 is số đến 1"
den --received 17/11/2026
is "$NO" 2 "t1110.2 the second is 2"
den --received 2026-11-18
is "$NO" 3 "t1110.3 the third is 3"
like "$(ph letter show "$LAST")" '3/2026' "t1110.4 show names the số đến and its year"
den --date 2027-01-04 --received 05/01/2027
is "$NO" 1 "t1110.5 a letter received in 2027 starts again at 1"
Y1=$LAST
den --date 30/12/2026 --received 04/01/2027
is "$NO" 2 "t1110.6 the year of receipt counts, not the letter's date"
is "$(ph letter list --year 2027 --format tsv | sed 1d | cut -f1 | tr '\n' ' ')" \
    "$Y1 $LAST " "t1110.7 both are in the 2027 register"
den --received 19/11/2026
is "$NO" 4 "t1110.8 the 2026 series goes on at 4"
den --number '47-BC/ĐUCA'
is "$(field 5)" BC "t1110.9 the type of an incoming letter comes from its number (47-BC/ĐUCA)"
den --number 'Số: 12/QĐ-UBND'
is "$(field 5)" 'QĐ' "t1110.10 ... also from a state-style number (12/QĐ-UBND)"
den --number '47-BC/ĐUCA' --type TB
is "$(field 5)" TB "t1110.11 --type beats the type in the number"
is "$(field 4)" '47-BC/ĐUCA' "t1110.12 the incoming number is kept as written"

# ---- outgoing, Party style
di
is "$NO" '01-CV/ĐU' "t1110.13 the first outgoing letter is 01-CV/ĐU"
like "$(cat "$TMPROOT/stderr")" '01-CV/ĐU' "t1110.14 stderr reports the number given"
di
is "$NO" '02-CV/ĐU' "t1110.15 the second is 02-CV/ĐU"
is "$(field 3)" 2 "t1110.16 its register_no is 2"
di --type BC
is "$NO" '01-BC/ĐU' "t1110.17 --type BC starts its own series: 01-BC/ĐU"
di --type BC
is "$NO" '02-BC/ĐU' "t1110.18 then 02-BC/ĐU"
di --classification mat
is "$NO" '03-CV/ĐU' \
    "t1110.19 a classified letter shares the CV series in Party style"
di --classification tuyet-mat --type BC
is "$NO" '03-BC/ĐU' \
    "t1110.20 ... and the BC series"
ph letter delete "$LAST" 2>/dev/null
di --type BC
is "$NO" '04-BC/ĐU' "t1110.21 after deleting 03-BC/ĐU the next is 04-BC/ĐU, not 03"
di --number '15-CV/ĐU'
is "$NO" '15-CV/ĐU' "t1110.22 an explicit --number is kept"
is "$(field 5)" CV "t1110.23 its type is read from it"
di
is "$NO" '16-CV/ĐU' "t1110.24 an explicit 15-CV/ĐU moves the counter: next is 16-CV/ĐU"
di --number '05-CV/ĐU'
is "$NO" '05-CV/ĐU' "t1110.25 an explicit lower number is kept"
di
is "$NO" '17-CV/ĐU' "t1110.26 ... and does not move the counter back"
di --number '20-CV/ĐUCA'
is "$NO" '20-CV/ĐUCA' "t1110.27 another unit's number is kept"
di
is "$NO" '18-CV/ĐU' "t1110.28 ... and does not move our counter"
before=$(dbsum)
di --type VB
is "$NO" refused "t1110.29 an unknown --type is refused"
like "$(cat "$TMPROOT/stderr")" '"VB"' "t1110.30 the message names it"
is "$(dbsum)" "$before" "t1110.31 the refused letter changed nothing"
di
is "$NO" '19-CV/ĐU' "t1110.32 a refused letter uses up no number"
di --type 'qđ'
is "$NO" '01-QĐ/ĐU' "t1110.33 --type qđ (lower case) is QĐ"
is "$(field 5)" 'QĐ' "t1110.34 ... and stored as QĐ"
di --type 'QD'
is "$NO" '02-QĐ/ĐU' "t1110.35 --type QD (no diacritics) is QĐ"
di --type 'qđi'
is "$NO" '01-QĐi/ĐU' "t1110.36 --type qđi is QĐi, a type of its own"
di --type 'ttr'
is "$NO" '01-TTr/ĐU' "t1110.37 --type ttr is written TTr"
di --date 01/01/2027
is "$NO" '20-CV/ĐU' \
    "t1110.38 Party style does not restart with the calendar year"
# A new term (nhiệm kỳ) starts the series again; letters of the old term
# that are registered late go on with the old term's series.
ph init --term-start 01/12/2026 >/dev/null
di --date 02/12/2026
is "$NO" '01-CV/ĐU' "t1110.39 a new term starts again at 01-CV/ĐU"
di --date 25/11/2026
is "$NO" '21-CV/ĐU' \
    "t1110.40 a late letter of the old term goes on with its series (never a number twice)"

# ---- outgoing, state style
# A công văn has no type code in a state-style number (Nghị định 30/2020:
# "Số: 123/UBND-VP"); other types do ("01/QĐ-UBND").
DB="$TMPROOT/nha-nuoc.db"
fresh_db
ph init --numbering state >/dev/null
di
is "$NO" '01/ĐU' "t1110.41 state style: the first công văn is 01/ĐU"
di
is "$NO" '02/ĐU' "t1110.42 then 02/ĐU"
is "$(field 5)" CV "t1110.43 ... of type CV all the same"
di --type BC
is "$NO" '03/BC-ĐU' "t1110.44 all types share the year's series: 03/BC-ĐU"
di --classification mat
is "$NO" '01/ĐU' "t1110.45 a classified letter starts a series of its own at 01"
di --classification toi-mat --type BC
is "$NO" '02/BC-ĐU' \
    "t1110.46 the classified series goes on at 02, whatever the secrecy"
di
is "$NO" '04/ĐU' "t1110.47 the ordinary series is untouched: 04/ĐU"
di --date 05/01/2027
is "$NO" '01/ĐU' "t1110.48 a new calendar year starts again at 01"
di --date 06/01/2027 --classification mat
is "$NO" '01/ĐU' "t1110.49 ... the classified series too"
di --number '15/BC-ĐU'
is "$NO" '15/BC-ĐU' "t1110.50 state style: an explicit number is kept"
di
is "$NO" '16/ĐU' "t1110.51 ... and moves the counter: next is 16/ĐU"
di --number '20/ĐU'
is "$NO" '20/ĐU' "t1110.52 an explicit công văn number 20/ĐU is kept"
is "$(field 3)" 20 "t1110.53 ... its register_no is 20"
di
is "$NO" '21/ĐU' "t1110.54 ... and moves the counter: next is 21/ĐU, never 20 again"
den
is "$NO" 1 "t1110.55 state style: số đến still runs per year of receipt"

done_testing
