#!/bin/sh
# t5000-tui.sh -- the terminal UI driven through tmux: the real binary in a
# real (pseudo) terminal, keys sent with send-keys, the screen read back
# with capture-pane.  Screens as they stand: the dashboard, the registers,
# a letter, search as you type, resize, the ASCII fallback, text from the
# database shown escaped, quitting.

. "$PH_SRCDIR/tests/lib-cli.sh"

command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

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
# wait_exit: phoihop's exit status once it has ended (or "none").
wait_exit () {
	_i=0
	while [ "$($TM display -p -t t '#{pane_dead}' 2>/dev/null)" != 1 ] &&
	    [ $_i -lt 50 ]; do
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

done_testing
