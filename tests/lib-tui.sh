# lib-tui.sh -- driving phoihop's terminal UI in tmux, for the t5xxx tests.
# Sourced after lib-cli.sh (which sets $PHOIHOP, $DB, $PHOIHOP_NOW ...).
# Skips the whole test when tmux is missing.  The tmux server is private to
# the test (its own socket in the test's directory) and killed at exit.

command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

# Drafts of forms go here, not to the home of whoever runs the tests.
export XDG_STATE_HOME="$HOME/state"

# phoihop runs with the TERM tmux really is (screen-256color, or screen
# when that entry is missing), so that the keys tmux sends (Home, End, the
# F-keys) arrive as the terminfo entry says they do.
if infocmp screen-256color >/dev/null 2>&1; then
	TUI_TERM=screen-256color
else
	TUI_TERM=screen
fi
SOCK=$PWD/tmux.sock
printf 'set -g remain-on-exit on\nset -g status off\nset -g default-terminal "%s"\n' \
    "$TUI_TERM" >tmux.conf
TM="tmux -S $SOCK -f $PWD/tmux.conf"
trap '$TM kill-server >/dev/null 2>&1' EXIT

# stop_server: the last test's tmux server gone, not just told to go: a
# new session asked for at once may be taken by a server on its way out
# and dropped with it, under load.
stop_server () {
	$TM kill-server >/dev/null 2>&1
	_i=0
	while $TM list-sessions >/dev/null 2>&1 && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}
# await TEXT: the pane once it shows TEXT (polled for up to 5 s), or as
# it is then, so that a slow machine waits and a fast one does not.
await () {
	_i=0
	while [ $_i -lt 50 ]; do
		_s=$($TM capture-pane -p -t t)
		case "$_s" in *"$1"*) break ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	printf '%s\n' "$_s"
}
# start LOCALE COLS ROWS: phoihop on the test database in a new session
# (the pane stays after it ends, for its exit status); its pid in ./pid.
start () {
	rm -f pid
	stop_server
	$TM new-session -d -s t -x "$2" -y "$3" \
	    "echo \$\$ >pid; exec env LC_ALL=$1 TERM=$TUI_TERM \
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

# start_vi: as start C.UTF-8 80 24, with the messages in Vietnamese.
start_vi () {
	rm -f pid
	stop_server
	$TM new-session -d -s t -x 80 -y 24 \
	    "echo \$\$ >pid; exec env LC_ALL=C.UTF-8 TERM=$TUI_TERM \
	    PHOIHOP_NOW=$PHOIHOP_NOW PHOIHOP_DATADIR=$PHOIHOP_DATADIR \
	    PHOIHOP_LOCALEDIR=$PHOIHOP_LOCALEDIR '$PHOIHOP' --db '$DB' --lang vi"
}

# start_term TERM [NO_COLOR]: phoihop on $DB with TERM (and NO_COLOR).
start_term () {
	rm -f pid
	stop_server
	$TM new-session -d -s t -x 80 -y 24 \
	    "echo \$\$ >pid; exec env LC_ALL=C.UTF-8 TERM=$1 NO_COLOR=${2:-} \
	    PHOIHOP_NOW=$PHOIHOP_NOW PHOIHOP_DATADIR=$PHOIHOP_DATADIR \
	    PHOIHOP_LOCALEDIR=$PHOIHOP_LOCALEDIR '$PHOIHOP' --db '$DB' --lang en"
}

# tkey TERM CAP [SEQ]: the key as that terminal sends it: the string its
# terminfo entry has for CAP, or SEQ (printf escapes) when it has none.
tkey () {
	_seq=$(tput -T "$1" "$2" 2>/dev/null) || _seq=
	[ -n "$_seq" ] || _seq=$(printf "${3:-}")
	[ -n "$_seq" ] && keys -H $(printf '%s' "$_seq" | od -An -tx1)
}

# ecapture: the pane with its attributes as escapes.
ecapture () {
	sleep "${1:-0.6}"
	$TM capture-pane -p -e -t t
}
