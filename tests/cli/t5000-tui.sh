#!/bin/sh
# t5000-tui.sh -- the terminal UI driven through tmux: the real binary in a
# real (pseudo) terminal, keys sent with send-keys, the screen read back
# with capture-pane.  Screens as they stand: the dashboard, the registers,
# a letter, search as you type, resize, the ASCII fallback, text from the
# database shown escaped, quitting; the new incoming letter's form, typed
# in UTF-8 or Telex, kept as a draft over a hang-up.

. "$PH_SRCDIR/tests/lib-cli.sh"

command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

# Drafts of forms go here, not to the home of whoever runs the tests.
export XDG_STATE_HOME="$HOME/state"

fresh_db
ph letter add --direction in --date 02/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v phối hợp bảo đảm an ninh trật tự' --reply-required \
    --due 10/11/2026 >/dev/null 2>&1
ph letter add --direction in --date 05/11/2026 --from 'Ủy ban nhân dân xã' \
    --subject "$(printf 'Thử \033[31mđỏ\033[0m chuông\007')" >/dev/null 2>&1
ph letter add --direction out --date 06/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v báo cáo kết quả công tác dân vận' >/dev/null 2>&1

SOCK=$PWD/tmux.sock
printf 'set -g remain-on-exit on\nset -g status off\n' >tmux.conf
TM="tmux -S $SOCK -f $PWD/tmux.conf"
trap '$TM kill-server >/dev/null 2>&1' EXIT

# start LOCALE COLS ROWS: phoihop on the test database in a new session
# (the pane stays after it ends, for its exit status); its pid in ./pid.
start () {
	rm -f pid
	$TM kill-server >/dev/null 2>&1
	$TM new-session -d -s t -x "$2" -y "$3" \
	    "echo \$\$ >pid; exec env LC_ALL=$1 TERM=xterm-256color \
	    PHOIHOP_NOW=$PHOIHOP_NOW PHOIHOP_DATADIR=$PHOIHOP_DATADIR \
	    PHOIHOP_LOCALEDIR=$PHOIHOP_LOCALEDIR '$PHOIHOP' --db '$DB' --lang en"
}
# screen: the pane as text, after the program has had time to draw.
screen () {
	sleep "${1:-0.6}"
	$TM capture-pane -p -t t
}
keys () {
	$TM send-keys -t t "$@"
}
# wait_exit: phoihop's exit status once it has ended (or "none").  The
# pane is marked dead when its terminal closes; tmux learns the status
# when it reaps the child, and now and then misses the SIGCHLD (the
# child stays a zombie): send the server one more.
wait_exit () {
	_i=0
	while [ $_i -lt 50 ]; do
		case $($TM display -p -t t \
		    '#{pane_dead}:#{pane_dead_status}#{pane_dead_signal}' \
		    2>/dev/null) in
		1:?*)	break ;;
		1:)	kill -CHLD "$($TM display -p '#{pid}')" 2>/dev/null ;;
		esac
		sleep 0.1
		_i=$((_i + 1))
	done
	if [ "$($TM display -p -t t '#{pane_dead}' 2>/dev/null)" = 1 ]; then
		$TM display -p -t t '#{pane_dead_status}'
	else
		echo none
	fi
}

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
start_vi () {
	rm -f pid
	$TM kill-server >/dev/null 2>&1
	$TM new-session -d -s t -x 80 -y 24 \
	    "echo \$\$ >pid; exec env LC_ALL=C.UTF-8 TERM=xterm-256color \
	    PHOIHOP_NOW=$PHOIHOP_NOW PHOIHOP_DATADIR=$PHOIHOP_DATADIR \
	    PHOIHOP_LOCALEDIR=$PHOIHOP_LOCALEDIR '$PHOIHOP' --db '$DB' --lang vi"
}
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

done_testing
