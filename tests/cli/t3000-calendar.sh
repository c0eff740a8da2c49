#!/bin/sh
# t3000-calendar.sh -- "phoihop calendar": lunar conversions both ways,
# working days across Tết, 30/4-1/5, 2/9, a holiday on a Sunday and a
# make-up Saturday, the year's days off, the month grid.  No database.
. "$PH_SRCDIR/tests/lib-cli.sh"

cal () { "$PHOIHOP" --lang en calendar "$@" 2>&1; }
val () { cal "$@" --format tsv | tail -n 1; }

is "$(val lunar 2026-02-17)" "$(printf '2026-02-17\t2026\t1\t1\t0')" \
    "t3000.1 17/02/2026 is Tết Bính Ngọ (1/1 lunar)"
is "$(val lunar 21/01/1985 | cut -f 3,4)" "$(printf '1\t1')" \
    "t3000.2 Tết 1985 was 21/01 in Vietnam (20/02 in China)"
is "$(val lunar 17/02/2007 | cut -f 3,4)" "$(printf '1\t1')" \
    "t3000.3 Tết 2007 was 17/02 in Vietnam (18/02 in China)"
is "$(val solar 2026-3-10)" "2026-04-26" "t3000.4 Giỗ Tổ 2026 (10/3 lunar) is 26/04"
is "$(val solar 2025-6-1 --leap)" "2025-07-25" "t3000.5 the leap sixth month of 2025 began 25/07"
is "$(val lunar 2025-07-25 | cut -f 5)" 1 "t3000.6 ... and is marked leap"
out=$(cal lunar 1899-12-31); rc=$?
is "$rc" 1 "t3000.7 a date before 1900 is an error"
like "$out" "1900" "t3000.8 ... naming the range"
out=$(cal solar 2026-2-30); rc=$?
is "$rc" 1 "t3000.9 a lunar day that does not exist is an error"
like "$(cal lunar 17/02/2026)" "Bính Ngọ" "t3000.10 the table names the year Bính Ngọ"

is "$(val add-workdays 2026-02-12 5)" 2026-02-26 \
    "t3000.11 Thu 12/02/2026 + 5 working days crosses Tết (14-22/02): Thu 26/02"
is "$(val add-workdays 2026-04-29 1)" 2026-05-04 \
    "t3000.12 Wed 29/04/2026 + 1: 30/04 and 01/05 off, then the weekend: Mon 04/05"
is "$(val add-workdays 2026-04-24 1)" 2026-04-28 \
    "t3000.13 Fri 24/04/2026 + 1: Giỗ Tổ on Sunday 26/04, compensated Mon 27/04: Tue 28/04"
is "$(val add-workdays 2026-08-21 1)" 2026-08-22 \
    "t3000.14 Fri 21/08/2026 + 1: Sat 22/08 is a make-up working day"
is "$(val add-workdays 2026-08-28 1)" 2026-09-03 \
    "t3000.15 Fri 28/08/2026 + 1: 29/08-02/09 off: Thu 03/09"
is "$(val add-workdays 2025-08-29 1)" 2025-09-03 \
    "t3000.16 Fri 29/08/2025 + 1: 30/08-02/09/2025 off: Wed 03/09"
is "$(val add-workdays 2026-11-20 0)" 2026-11-20 "t3000.17 + 0 on a working day is that day"
is "$(val is-workday 2026-01-10 | cut -f 2)" 1 "t3000.18 Sat 10/01/2026 is worked (make-up)"
is "$(val is-workday 2026-01-02 | cut -f 2)" 0 "t3000.19 Fri 02/01/2026 is off"
is "$(val is-workday 2026-11-24 | cut -f 2)" 1 \
    "t3000.20 24/11 (Ngày Văn hóa Việt Nam) is a working day until a clerk switches it on"
is "$(cal workdays 2026-02-12 2026-02-26)" 5 "t3000.21 working days in (12/02, 26/02]: 5"
out=$(cal add-workdays 2026-02-12 năm); rc=$?
is "$rc" 1 "t3000.22 a count that is no number is an error"

hol=$(cal holidays 2026 --format tsv)
is "$(printf '%s\n' "$hol" | head -n 1)" "$(printf 'date\tname')" "t3000.23 tsv header"
for d in 2026-01-01 2026-01-02 2026-02-16 2026-02-20 2026-04-27 2026-04-30 \
    2026-05-01 2026-08-31 2026-09-01 2026-09-02; do
	like "$hol" "$d" "t3000.24 $d is a day off in 2026"
done
unlike "$hol" "2026-01-10" "t3000.25 a make-up Saturday is not a day off"
unlike "$hol" "2026-11-24" "t3000.26 24/11 is off only when switched on"
is "$(printf '%s\n' "$hol" | tail -n +2 | cut -f 1 | sort -c && echo sorted)" \
    sorted "t3000.27 the days off are in date order"

out=$(cal month 2026-02 --leap); rc=$?
is "$rc" 2 "t3000.32 --leap goes with solar only: a usage error elsewhere"
m=$(cal month 2026-02)
like "$m" "Month 02/2026" "t3000.28 the month grid has its title"
like "$m" "17 1/1" "t3000.29 17/02 shows lunar 1/1"
like "$m" "Tết" "t3000.30 the days off are named below the grid"
n=$(printf '%s\n' "$m" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
ok $([ "$n" -le 80 ] && echo 0 || echo 1) "t3000.31 the grid fits 80 columns ($n)"
done_testing
