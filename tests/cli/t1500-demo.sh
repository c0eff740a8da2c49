#!/bin/sh
# t1500-demo.sh -- "phoihop --demo": a throw-away register to try things on.
#
# Each --demo command gets a fresh database filled from data/demo/ under
# $TMPDIR, removed when the command ends, whatever happened; the user's
# own database (--db, PHOIHOP_DB or the default one) is never touched.
. "$PH_SRCDIR/tests/lib-cli.sh"

export TMPDIR="$TMPROOT/tmp"
mkdir "$TMPDIR"
XDB="$XDG_DATA_HOME/phoihop/phoihop.db"
leftovers () { ls -A "$TMPDIR" | tr '\n' ' '; }
# demo ARGS: phoihop --demo ARGS, English, no --db; sets out, err, rc.
demo () {
	out=$("$PHOIHOP" --lang en --demo "$@" 2>"$TMPROOT/stderr")
	rc=$?
	err=$(cat "$TMPROOT/stderr")
}

demo letter list --format tsv
is "$rc" 0 "t1500.1 --demo letter list exits 0"
n=$(printf '%s\n' "$out" | sed 1d | grep -c .)
[ "$n" -gt 100 ]
ok $? "t1500.2 the demo register has more than 100 letters ($n)"
is "$(printf '%s\n' "$out" | sed 1d | cut -f2 | sort -u | tr '\n' ' ')" 'in out ' \
    "t1500.3 it has incoming and outgoing letters"
is "$(leftovers)" "" "t1500.4 no phoihop-demo-* is left in \$TMPDIR"
[ ! -e "$XDB" ] && [ ! -e "$XDG_DATA_HOME/phoihop" ]
ok $? "t1500.5 the default database was not created"
like "$out" '	Đảng ủy' "t1500.6 the demo letters are in Vietnamese"

demo letter list --status overdue --format tsv
is "$rc" 0 "t1500.7 --demo letter list --status overdue exits 0"
n=$(printf '%s\n' "$out" | sed 1d | grep -c .)
[ "$n" -gt 0 ]
ok $? "t1500.8 some demo letters are overdue on 20/11/2026 ($n)"
demo letter list
is "$rc" 0 "t1500.9 the demo table lists"
like "$out" 'overdue' "t1500.10 the demo table shows overdue letters"
demo letter list --format json
if [ -n "$PY" ]; then
	printf '%s\n' "$out" | "$PY" -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null
	ok $? "t1500.11 the demo list is valid JSON"
else
	skip "t1500.11 the demo list is valid JSON" "no python3"
fi
demo org list --format tsv
is "$rc" 0 "t1500.12 --demo org list exits 0"
[ "$(printf '%s\n' "$out" | sed 1d | grep -c .)" -gt 5 ]
ok $? "t1500.13 the demo has organizations"

# A change made in one demo command is gone in the next.
demo letter list --format tsv
before=$(printf '%s\n' "$out" | md5sum)
demo letter add --direction in --date 15/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'
is "$rc" 0 "t1500.14 --demo letter add exits 0"
demo letter list --format tsv
is "$(printf '%s\n' "$out" | md5sum)" "$before" \
    "t1500.15 the next --demo command starts afresh"
demo letter show 999999
is "$rc" 1 "t1500.16 a failing --demo command exits 1"
is "$(leftovers)" "" "t1500.17 ... and still leaves nothing in \$TMPDIR"

# The user's database, given or by default, is not touched.
fresh_db
ph letter add --direction in --date 15/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v của tôi' >/dev/null 2>&1
cp "$DB" db.copy
sum=$(dbsum)
out=$(ph --demo letter list --format tsv 2>&1)
rc=$?
is "$rc" 0 "t1500.18 --db FILE --demo exits 0"
unlike "$out" 'V/v của tôi' "t1500.19 --demo does not list the --db database"
ph --demo letter delete 1 >/dev/null 2>&1
PHOIHOP_DB="$DB" "$PHOIHOP" --lang en --demo letter add --direction in \
    --date 15/11/2026 --from 'Đảng ủy Công an tỉnh' --subject 'V/v demo' \
    >/dev/null 2>&1
cmp -s "$DB" db.copy
ok $? "t1500.20 --demo writes nothing to the --db or PHOIHOP_DB file"
is "$(dbsum)" "$sum" "t1500.21 ... whose letters are as they were"
[ ! -e "$XDB" ]
ok $? "t1500.22 nor to the default database"
is "$(leftovers)" "" "t1500.23 and nothing is left in \$TMPDIR"

# A demo command interrupted (kill, a closed terminal, Ctrl-C) still
# removes its database.  The command waits for its body on a fifo and is
# stopped by its pid.  intr SIGNAL: start it, wait for the demo
# directory, send SIGNAL.  (A background job of sh ignores SIGINT: that
# one is sent from python3, which starts the command with SIGINT as it
# is in a terminal.)
DEMO_ADD="letter add --direction in --date 15/11/2026 --subject x --from y"
intr () {
	rm -f body.fifo
	mkfifo body.fifo || return 1
	# shellcheck disable=SC2086
	"$PHOIHOP" --lang en --demo $DEMO_ADD --body-file - <body.fifo \
	    >/dev/null 2>&1 &
	_pid=$!
	exec 3>body.fifo	# let it open its stdin; keep it waiting
	_i=0
	until [ -n "$(leftovers)" ] || [ $_i -ge 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	sleep 0.2		# past the loading, into the read
	kill -"$1" "$_pid" 2>/dev/null
	exec 3>&-
	wait "$_pid" 2>/dev/null
	rm -f body.fifo
}
if command -v mkfifo >/dev/null 2>&1; then
	intr TERM
	is "$(leftovers)" "" "t1500.24 a demo command stopped by SIGTERM leaves nothing in \$TMPDIR"
	rm -rf "$TMPDIR"/phoihop-demo-*
	intr HUP
	is "$(leftovers)" "" "t1500.25 a demo command stopped by SIGHUP leaves nothing in \$TMPDIR"
	rm -rf "$TMPDIR"/phoihop-demo-*
else
	skip "t1500.24 a demo command stopped by SIGTERM leaves nothing" "no mkfifo"
	skip "t1500.25 a demo command stopped by SIGHUP leaves nothing" "no mkfifo"
fi
if [ -n "$PY" ]; then
	# shellcheck disable=SC2086
	"$PY" -c '
import os, signal, subprocess, sys, time
tmp = os.environ["TMPDIR"]
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
for i in range(50):
    if os.listdir(tmp):
        break
    time.sleep(0.1)
time.sleep(0.2)
p.send_signal(signal.SIGINT)
p.stdin.close()
p.wait()' "$PHOIHOP" --lang en --demo $DEMO_ADD --body-file -
	is "$(leftovers)" "" "t1500.26 a demo command stopped by SIGINT (Ctrl-C) leaves nothing in \$TMPDIR"
else
	skip "t1500.26 a demo command stopped by SIGINT leaves nothing" "no python3"
fi

done_testing
