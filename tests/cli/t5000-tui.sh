#!/bin/sh
# t5000-tui.sh -- the terminal UI driven through tmux: the real binary in a
# real (pseudo) terminal, keys sent with send-keys, the screen read back
# with capture-pane.  Screens as they stand: the dashboard, the registers,
# a letter, search as you type, resize, the ASCII fallback, text from the
# database shown escaped, quitting; the new incoming letter's form, typed
# in UTF-8 or Telex, kept as a draft over a hang-up; the terminals the
# clerks use (screen, linux, vt100, PuTTY's defaults, NO_COLOR) and the
# bytes a move of the selection costs.

. "$PH_SRCDIR/tests/lib-cli.sh"

. "$PH_SRCDIR/tests/lib-tui.sh"

fresh_db
ph letter add --direction in --date 02/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v phối hợp bảo đảm an ninh trật tự' --reply-required \
    --due 10/11/2026 >/dev/null 2>&1
ph letter add --direction in --date 05/11/2026 --from 'Ủy ban nhân dân xã' \
    --subject "$(printf 'Thử \033[31mđỏ\033[0m chuông\007')" >/dev/null 2>&1
ph letter add --direction out --date 06/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v báo cáo kết quả công tác dân vận' >/dev/null 2>&1

start C.UTF-8 80 24
s=$(screen 1.2)
like "$s" "Today" "t5000.1 the start screen is the dashboard"
like "$s" "phối hợp bảo đảm an ninh" "t5000.2 ... listing the overdue case in Vietnamese"
like "$s" "!" "t5000.3 ... marked overdue with !, not by colour alone"
is "$(printf '%s\n' "$s" | wc -l | tr -d ' ')" 24 "t5000.4 the screen is 24 lines"
like "$(printf '%s\n' "$s" | tail -n 1)" "F1" "t5000.5 the bottom bar shows the keys"

keys F3
s=$(screen)
like "$s" "Incoming register" "t5000.6 F3 opens the incoming register"
like "$s" "^[[31m" "t5000.7 an escape sequence from the database is shown escaped"
keys Enter
s=$(screen)
like "$s" "Ủy ban nhân dân xã" "t5000.8 Enter opens the selected letter"
like "$s" "^[[31mđỏ^[[0m chuông^G" "t5000.9 ... its subject escaped whole, bell included"
keys q
s=$(screen)
like "$s" "Incoming register" "t5000.10 q goes back to the register"

keys F5
sleep 0.3
keys 'dan van'
s=$(screen)
like "$s" "dân vận" "t5000.11 search as you type finds a letter typed without diacritics"
like "$s" "1 letter found" "t5000.12 ... and counts it"
keys Escape
sleep 0.3

keys F1
s=$(screen)
like "$s" "F1" "t5000.13 F1 shows the help"
keys Escape
sleep 0.3

$TM resize-window -t t -x 200 -y 60 >/dev/null 2>&1
s=$(screen)
is "$(printf '%s\n' "$s" | wc -l | tr -d ' ')" 60 "t5000.14 resized to 200x60: 60 lines"
like "$s" "Incoming register" "t5000.15 ... the same screen, redrawn"
$TM resize-window -t t -x 80 -y 24 >/dev/null 2>&1
s=$(screen)
is "$(printf '%s\n' "$s" | wc -l | tr -d ' ')" 24 "t5000.16 back to 80x24"
like "$s" "Incoming register" "t5000.17 ... the state kept"
$TM resize-window -t t -x 60 -y 20 >/dev/null 2>&1
s=$(screen)
like "$s" "80" "t5000.18 a window under 80x24 says it is too small"
$TM resize-window -t t -x 80 -y 24 >/dev/null 2>&1
sleep 0.4

keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.19 q on the last screen quits with status 0"

# ---- a terminal that is not UTF-8: ASCII, never mojibake
start C 80 24
s=$(screen 1.2)
like "$s" "phoi hop bao dam an ninh" "t5000.20 LANG=C: the marks are dropped"
ascii=$(printf '%s\n' "$s" | LC_ALL=C tr -d '\011\012\040-\176' | wc -c | tr -d ' ')
is "$ascii" 0 "t5000.21 LANG=C: nothing but ASCII reaches the terminal"
keys q
is "$(wait_exit)" 0 "t5000.22 ... and it quits cleanly"

# ---- another process changes the register: the list follows
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys F4
screen 0.5 >/dev/null
ph letter add --direction out --date 07/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v gửi bổ sung hồ sơ thi đua' >/dev/null 2>&1
s=$(screen 2.6)
like "$s" "gửi bổ sung hồ sơ" "t5000.23 a letter added by another process appears"

# ---- SIGTERM: the program ends cleanly
kill -TERM "$(cat pid)"
is "$(wait_exit)" 0 "t5000.24 SIGTERM ends it with status 0"

# ---- not a terminal: the usage, as before
"$PHOIHOP" --db "$DB" </dev/null >out.txt 2>err.txt
is "$?" 2 "t5000.25 with no terminal, no command is a usage error"

# row SUBJECT: the TSV row of the letter with that subject, as the CLI
# lists it: id dir no number type date received from to subject ...
row () {
	ph letter list --format tsv 2>/dev/null | awk -F '\t' -v s="$1" \
	    '$10 == s { print $6 "|" $7 "|" $8 "|" $4 "|" $15 }'
}

# ---- a new incoming letter, typed in UTF-8
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys n
s=$(screen)
like "$s" "New incoming letter" "t5000.26 n opens the new incoming letter's form"
keys -l '123-CV/BTG'
keys Tab
keys -l '12/11/2026'
keys Tab Tab
keys -l 'Ban Tuyên giáo Huyện ủy'
keys Tab
keys -l 'V/v tổ chức học tập nghị quyết'
keys F10
s=$(screen)
like "$s" "registered as incoming number" "t5000.27 F10 registers the letter"
like "$s" "V/v tổ chức học tập nghị quyết" "t5000.28 ... and shows it in place of the form"
is "$(row 'V/v tổ chức học tập nghị quyết')" \
    "2026-11-12|2026-11-20|Ban Tuyên giáo Huyện ủy|123-CV/BTG|registered" \
    "t5000.29 ... stored with its date, received today, issuer and number"

# ---- the same with Telex keys, a known organization picked, "h" for today
keys q
sleep 0.3
keys F6
screen 0.5 >/dev/null
keys Tab h Tab Tab
keys -l 'uy ban nhan'
s=$(screen)
like "$s" "Ủy ban nhân dân xã" "t5000.30 an organization is offered as its name is typed"
keys Down Tab
keys F9
keys -l 'Ddangr uyr'
s=$(screen)
like "$s" "Đảng ủy" "t5000.31 F9 then Telex keys type Vietnamese"
keys F10
screen >/dev/null
is "$(row 'Đảng ủy')" "2026-11-20|2026-11-20|Ủy ban nhân dân xã||registered" \
    "t5000.32 ... stored with the organization picked and h as today"

# ---- a hang-up while typing: the draft comes back
keys q
sleep 0.3
keys n
screen 0.5 >/dev/null
keys Tab
keys -l '18/11/2026'
keys Tab Tab
keys -l 'Huyện ủy'
keys Tab
keys -l 'V/v kiểm tra công tác đảng viên'
screen 0.4 >/dev/null
kill -HUP "$(cat pid)"
is "$(wait_exit)" 0 "t5000.33 SIGHUP during the form ends it with status 0"
start C.UTF-8 80 24
s=$(screen 1.2)
like "$s" "Continue it?" "t5000.34 at the next start the draft is offered"
keys y
s=$(screen)
like "$s" "V/v kiểm tra công tác đảng viên" "t5000.35 ... y brings the subject back"
like "$s" "18/11/2026" "t5000.36 ... and the date"
keys F10
screen >/dev/null
is "$(row 'V/v kiểm tra công tác đảng viên')" \
    "2026-11-18|2026-11-20|Huyện ủy||registered" \
    "t5000.37 ... and the letter is stored"

# ---- a refusal keeps what was typed
keys q
sleep 0.3
keys n
screen 0.5 >/dev/null
keys Tab
keys -l '19/11/2026'
keys Tab Tab
keys -l 'Hội Nông dân xã'
keys Tab
keys F10
s=$(screen)
like "$s" "required" "t5000.38 saving with no subject is refused, and said"
like "$s" "Hội Nông dân xã" "t5000.39 ... the organization typed is kept"
like "$s" "19/11/2026" "t5000.40 ... and the date"
keys Escape
s=$(screen)
like "$s" "Throw away" "t5000.41 Esc asks before throwing the typing away"
keys y
keys q
is "$(wait_exit)" 0 "t5000.42 ... y throws it away; q quits"
start C.UTF-8 80 24
s=$(screen 1.2)
unlike "$s" "Continue it?" "t5000.43 no draft is offered after a save or a discard"
keys q
wait_exit >/dev/null
is "$(ph letter list --format tsv 2>/dev/null | grep -c 'Hội Nông dân xã')" 0 \
    "t5000.44 nothing was stored from the refused form"

# ---- F7 the regulations, F8 the calendar, on a second database with the
# shipped regulations, in Vietnamese (the short weekday names are "T2".."CN")
DB_MAIN=$DB
DB=$PWD/agreements.db
fresh_db_agreements
ph letter add --direction in --date 16/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v đề nghị cung cấp thông tin' --reply-required >/dev/null 2>&1
due=$(ph letter show 1 2>/dev/null | sed -n 's/^Due: *\([0-9/]*\).*/\1/p')
start_vi
screen 1.0 >/dev/null
keys F7
s=$(screen)
like "$s" "phoihop · Quy chế" "t5000.60 F7 opens the regulations (Quy chế)"
like "$s" "409-QĐ/TU" "t5000.61 ... listing the seed 002 by number"
like "$s" "Đảng ủy Công an tỉnh; Đảng ủy xã, phường" "t5000.62 ... with its parties"
keys j j Enter
s=$(screen)
like "$s" "Số ký hiệu: 409-QĐ/TU" "t5000.63 Enter opens the regulation"
all=$s
for i in 1 2 3 4 5; do
	keys NPage
	all="$all
$(screen 0.3)"
done
like "$all" "5 ngày làm việc" "t5000.64 ... its reply rule: 05 working days"
like "$all" "Ban Tổ chức Tỉnh ủy" "t5000.65 ... its escalation chain"
like "$all" "18/12/2026" "t5000.66 ... this year's obligations with their due dates"
keys q
screen 0.3 >/dev/null
keys q
screen 0.3 >/dev/null

keys F8
s=$(screen)
like "$s" "Tháng 11/2026" "t5000.67 F8 opens the calendar on the pinned month"
like "$s" "T2         T3" "t5000.68 ... weeks from Monday (T2 .. CN)"
like "$s" "[20]" "t5000.69 ... today, the 20th, in brackets"
like "$s" "15 7    *" "t5000.70 ... a Sunday marked * with its lunar day"
dd=${due%%/*}
like "$s" "$dd/11 ! V/v đề nghị cung cấp thông tin" \
    "t5000.71 ... the case due this month listed under the grid"
keys NPage
s=$(screen)
like "$s" "Tháng 12/2026" "t5000.72 PgDn: December 2026"
like "$s" "18/12 ! Thông báo định kỳ 6 tháng" "t5000.73 ... an obligation due there"
keys NPage
s=$(screen)
like "$s" "1 24   *" "t5000.74 PgDn: 1 January 2027, a holiday (lunar 24), marked *"
like "$s" "01/01 * Tết Dương lịch" "t5000.75 ... and named under the grid"
keys t
s=$(screen)
like "$s" "[20]" "t5000.76 t goes back to today"
rd=$(printf '%d' "$(echo "$dd" | sed 's/^0//')")
for i in $(seq 21 "$rd"); do keys Right; done
keys Enter
s=$(screen)
like "$s" "V/v đề nghị cung cấp thông tin" "t5000.77 Enter on a day with a deadline lists it"
keys Enter
s=$(screen)
like "$s" "Đảng ủy Công an tỉnh" "t5000.78 ... and Enter opens the letter"
keys q
sleep 0.3
keys q
sleep 0.3
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.79 ... and it quits cleanly"
DB=$DB_MAIN

# ---- the case actions that need typing, from the letter screen
# tsv_col ID N: column N of "letter show ID --format tsv" (14 due,
# 15 status, 16 in_reply_to).
tsv_col () {
	ph letter show "$1" --format tsv 2>/dev/null | awk -F '\t' -v n="$2" \
	    'NR == 2 { print $n }'
}
req=$(ph letter add --direction in --date 18/11/2026 \
    --from 'Mặt trận Tổ quốc xã' --subject 'V/v góp ý dự thảo nghị quyết' \
    --reply-required --due 30/11/2026 2>/dev/null)
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys F3
screen 0.5 >/dev/null
keys Enter
s=$(screen)
like "$s" "V/v góp ý dự thảo nghị quyết" "t5000.100 the request opens from the register"
keys r
s=$(screen)
like "$s" "Reply to a request" "t5000.101 r opens the reply's form"
like "$s" "V/v trả lời góp ý dự thảo nghị quyết" "t5000.102 ... the subject proposed from the request's"
like "$s" "Mặt trận Tổ quốc xã" "t5000.103 ... sent to the request's issuer"
like "$s" "empty: the next one" "t5000.104 ... an empty number said to be the next one"
keys Tab Tab Tab Tab Tab
keys -l 'Nguyễn Văn An'
keys F10
s=$(screen)
like "$s" "answered on time" "t5000.105 F10 records the reply, on time"
like "$s" "reply #" "t5000.106 ... and the letter screen shows it in the case thread"
is "$(tsv_col "$req" 15)" replied "t5000.107 ... the request's status is replied"
rep=$(ph letter list --format tsv 2>/dev/null | awk -F '\t' -v r="$req" \
    '$16 == r && $2 == "out" { print $1 }')
like "$(tsv_col "$rep" 10)|$(tsv_col "$rep" 9)|$(tsv_col "$rep" 17)|$(tsv_col "$rep" 5)" \
    "V/v trả lời góp ý dự thảo nghị quyết|Mặt trận Tổ quốc xã|Nguyễn Văn An|CV" \
    "t5000.108 ... a new outgoing letter in reply to it, signer and type as typed"
keys e
s=$(screen)
like "$s" "This letter has no open case." "t5000.109 a case replied to takes no new due date"
keys q
sleep 0.3
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.110 ... and it quits cleanly"

req=$(ph letter add --direction in --date 18/11/2026 \
    --from 'Mặt trận Tổ quốc xã' --subject 'V/v rà soát hồ sơ đảng viên' \
    --reply-required --due 24/11/2026 2>/dev/null)
want=$(ph calendar add-workdays 20/11/2026 5 --format tsv 2>/dev/null | tail -n 1)
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys F3
screen 0.5 >/dev/null
keys Enter
screen >/dev/null
keys e
s=$(screen)
like "$s" "Extend the due date" "t5000.111 e opens the new due date's form"
keys -l '+5'
keys Tab
keys -l 'Chờ ý kiến các chi bộ'
keys F10
s=$(screen)
like "$s" "The due date is now" "t5000.112 F10 moves the due date"
is "$(tsv_col "$req" 14)" "$want" "t5000.113 ... 5 working days from today"
keys d
screen >/dev/null
keys F10
s=$(screen)
like "$s" "required" "t5000.114 disagreeing with no reason is refused, and said"
like "$s" "Disagree with a request" "t5000.115 ... the form stays"
is "$(tsv_col "$req" 15)" extended "t5000.116 ... and nothing was recorded"
keys Escape
sleep 0.3
keys q
sleep 0.3
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.117 ... and it quits cleanly"

# ---- terminals as their terminfo entries say they are (screen, the Linux
# console, a vt100, a PuTTY left at its defaults), NO_COLOR, and what
# moving the selection costs on the wire.  A register of its own: 40
# incoming letters, every third one overdue, the subject's end ("lần thứ
# NN") seen only once the letter is open.
DB_MAIN=$DB
DB=$PWD/terms.db
fresh_db
i=1
while [ $i -le 40 ]; do
	n=$(printf '%02d' $i)
	case $((i % 4)) in
	0) org='Hội Nông dân xã'; sub="Công văn lần thứ $n" ;;
	1) org='Đảng ủy Công an tỉnh'
	   sub="V/v báo cáo kết quả công tác dân vận, lần thứ $n" ;;
	2) org='Ủy ban Mặt trận Tổ quốc Việt Nam xã'
	   sub="V/v phối hợp bảo đảm an ninh trật tự, lần thứ $n" ;;
	3) org='Ban Tuyên giáo Huyện ủy'
	   sub="V/v tổ chức học tập nghị quyết, lần thứ $n" ;;
	esac
	if [ $((i % 3)) -eq 0 ]; then
		ph letter add --direction in --date 02/11/2026 \
		    --number "$n-CV/BTG" --from "$org" --subject "$sub" \
		    --reply-required --due 10/11/2026 >/dev/null 2>&1
	else
		ph letter add --direction in --date 03/11/2026 \
		    --number "$n-CV/ĐU" --from "$org" --subject "$sub" \
		    >/dev/null 2>&1
	fi
	i=$((i + 1))
done
ESC=$(printf '\033')
SGR_REVERSE="$ESC\\[([0-9]*;)*7[;m]"
SGR_COLOUR="$ESC\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"
tn=120
tcase () {		# tcase RESULT-OF-A-CHECK: number the next case
	tn=$((tn + 1))
}
# check_term TERM HOME END F3 NAME: the dashboard, F3, End and Home with
# Enter (the letter opened says which row was selected), q to quit.
check_term () {
	if ! infocmp "$1" >/dev/null 2>&1; then
		for w in dashboard register End Home quit; do
			skip "t5000.$tn TERM=$1: $w" "no terminfo entry for $1"
			tn=$((tn + 1))
		done
		return
	fi
	start_term "$1"
	s=$(screen 1.2)
	like "$s" "Overdue: ours to answer" "t5000.$tn $5: the dashboard is drawn"
	tcase
	tkey "$1" kf3 "$4"
	s=$(screen)
	like "$s" "Incoming register, sorted by number" \
	    "t5000.$tn $5: F3 opens the register"
	tcase
	tkey "$1" kend "$3"
	sleep 0.3
	keys Enter
	s=$(screen)
	like "$s" "lần thứ 01" "t5000.$tn $5: End selects the last row (letter 01)"
	tcase
	keys q
	sleep 0.3
	tkey "$1" khome "$2"
	sleep 0.3
	keys Enter
	s=$(screen)
	like "$s" "lần thứ 40" "t5000.$tn $5: Home selects the first row (letter 40)"
	tcase
	keys q
	sleep 0.3
	keys q
	sleep 0.3
	keys q
	is "$(wait_exit)" 0 "t5000.$tn $5: q quits with status 0"
	tcase
}
# Home, End and F3 as the terminfo entry says; where it says nothing (a
# vt100 has no Home or End), as PuTTY sends them.
check_term screen '\033[1~' '\033[4~' '\033OR' "TERM=screen"
check_term linux '\033[1~' '\033[4~' '\033[[C' "TERM=linux"
check_term vt100 '\033[1~' '\033[4~' '\033OR' "TERM=vt100"
# PuTTY at its defaults: TERM=xterm, but ESC [ n ~ for Home, End and F1-F4.
if infocmp xterm >/dev/null 2>&1; then
	PUTTY_TERM=xterm
else
	PUTTY_TERM=xterm-256color
fi
tput () { return 1; }	# not the entry's keys: PuTTY's own
check_term "$PUTTY_TERM" '\033[1~' '\033[4~' '\033[13~' "PuTTY defaults"
unset -f tput

# ---- no colour: NO_COLOR, and a vt100 that has none
start_term "$TUI_TERM" 1
s=$(ecapture 1.2)
like "$s" "!" "t5000.$tn NO_COLOR: overdue rows still marked with !"
tcase
printf '%s\n' "$s" | grep -Eq "$SGR_COLOUR"
ok "$((! $?))" "t5000.$tn NO_COLOR: no colour escapes on the dashboard"
tcase
keys F3
s=$(ecapture)
printf '%s\n' "$s" | grep '40-CV' | grep -Eq "$SGR_REVERSE"
ok $? "t5000.$tn NO_COLOR: the selected row in reverse video"
tcase
printf '%s\n' "$s" | grep -Eq "$SGR_COLOUR"
ok "$((! $?))" "t5000.$tn NO_COLOR: no colour escapes in the register"
tcase
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.$tn NO_COLOR: q quits with status 0"
tcase
if infocmp vt100 >/dev/null 2>&1; then
	start_term vt100
	screen 1.2 >/dev/null
	tkey vt100 kf3
	s=$(ecapture)
	printf '%s\n' "$s" | grep '40-CV' | grep -Eq "$SGR_REVERSE"
	ok $? "t5000.$tn vt100: the selected row in reverse video"
	tcase
	printf '%s\n' "$s" | grep -Eq "$SGR_COLOUR"
	ok "$((! $?))" "t5000.$tn vt100: no colour escapes"
	tcase
	keys q
	sleep 0.3
	keys q
	wait_exit >/dev/null
else
	skip "t5000.$tn vt100: reverse video" "no terminfo entry for vt100"
	tcase
	skip "t5000.$tn vt100: no colour" "no terminfo entry for vt100"
	tcase
fi

# ---- bytes on the wire: a move is the two rows that changed, a page the
# rows of the page, never a redraw of the screen
start_term "$TUI_TERM"
screen 1.2 >/dev/null
keys F3
screen 1.0 >/dev/null
$TM pipe-pane -o -t t "cat >>'$PWD/bytes.log'"
sleep 0.5
: >bytes.log
keys Down
screen >/dev/null
down=$(wc -c <bytes.log | tr -d ' ')
echo "# one row down: $down bytes"
ok "$([ "$down" -gt 0 ] && [ "$down" -lt 100 ]; echo $?)" \
    "t5000.$tn one row down writes fewer than 100 bytes ($down)"
tcase
: >bytes.log
keys Up
screen >/dev/null
up=$(wc -c <bytes.log | tr -d ' ')
echo "# one row up: $up bytes"
: >bytes.log
keys NPage
s=$(screen)
pg=$(wc -c <bytes.log | tr -d ' ')
echo "# a page down: $pg bytes"
like "$s" "21-CV/BTG" "t5000.$tn PgDn shows the next page"
tcase
ok "$([ "$pg" -gt 0 ] && [ "$pg" -lt 4096 ]; echo $?)" \
    "t5000.$tn a page down writes fewer than 4096 bytes ($pg)"
tcase
$TM pipe-pane -t t
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5000.$tn ... and q quits with status 0"
tcase
DB=$DB_MAIN

done_testing
