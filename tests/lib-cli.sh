# lib-cli.sh -- helpers for the shell tests of the CLI contract (TAP).
#
# Source it from a test: a fresh scratch directory and database per test
# file, the clock pinned with PHOIHOP_NOW, LC_ALL=C.UTF-8 (all a fresh
# Debian has), English messages unless a test asks for Vietnamese.
#
#   . "$PH_SRCDIR/tests/lib-cli.sh"
#   plan 3
#   ph init --unit 'Đảng ủy xã Tân Tiến' --code ĐU >/dev/null
#   is "$(ph letter list --format tsv | wc -l)" 1 "t1000.1 empty register"
#   done_testing

set -u
: "${PH_SRCDIR:?run the tests through make check}"
: "${PHOIHOP:=$PH_BUILDDIR/src/phoihop}"
export LC_ALL=C.UTF-8
unset LANGUAGE LANG LC_MESSAGES PHOIHOP_DB
export PHOIHOP_NOW="${PHOIHOP_NOW:-2026-11-20T09:00:00}"
export PHOIHOP_DATADIR="${PHOIHOP_DATADIR:-$PH_SRCDIR/data}"
export TZ=Asia/Ho_Chi_Minh
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/phoihop-test.XXXXXX")
trap 'rm -rf "$TMPROOT"' EXIT
export HOME="$TMPROOT/home" XDG_DATA_HOME="$TMPROOT/home/data" \
    XDG_CONFIG_HOME="$TMPROOT/home/config"
mkdir -p "$HOME"
DB="$TMPROOT/test.db"
cd "$TMPROOT" || exit 1

_n=0
_failed=0

plan () { echo "1..$1"; _planned=$1; }

ok () {	# ok CONDITION-STATUS NAME: pass if the status is 0
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		printf 'ok %d - %s\n' "$_n" "$2"
	else
		printf 'not ok %d - %s\n' "$_n" "$2"
		_failed=$((_failed + 1))
	fi
}

is () {	# is GOT WANT NAME
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then
		printf 'ok %d - %s\n' "$_n" "$3"
	else
		printf 'not ok %d - %s\n' "$_n" "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | head -n 20
		_failed=$((_failed + 1))
	fi
}

like () {	# like GOT FIXED-STRING NAME: GOT contains the string
	_n=$((_n + 1))
	case "$1" in
	*"$2"*) printf 'ok %d - %s\n' "$_n" "$3" ;;
	*)	printf 'not ok %d - %s\n' "$_n" "$3"
		printf '#   got:  %s\n#   want something containing: %s\n' \
		    "$1" "$2" | head -n 20
		_failed=$((_failed + 1)) ;;
	esac
}

unlike () {	# unlike GOT FIXED-STRING NAME
	_n=$((_n + 1))
	case "$1" in
	*"$2"*) printf 'not ok %d - %s\n' "$_n" "$3"
		printf '#   got:  %s\n#   must not contain: %s\n' "$1" "$2" |
		    head -n 20
		_failed=$((_failed + 1)) ;;
	*)	printf 'ok %d - %s\n' "$_n" "$3" ;;
	esac
}

skip_all () { echo "1..0 # SKIP $1"; exit 0; }
# skip NAME WHY: one case skipped (a missing tool is a SKIP, never a pass).
skip () { _n=$((_n + 1)); printf 'ok %d - %s # SKIP %s\n' "$_n" "$1" "$2"; }
nlines () { printf '%s\n' "$1" | wc -l | tr -d ' '; }

# python3 for inspecting files (json, sqlite3, unicodedata), when present:
# the interpreter itself, not a shim in front of it.  Cases that need it
# check $have_py and skip otherwise.
PY=
command -v python3 >/dev/null 2>&1 &&
    PY=$(python3 -c 'import sys, json, sqlite3, unicodedata; print(sys.executable)' 2>/dev/null)
have_py=0
[ -n "$PY" ] && have_py=1

done_testing () {
	[ -n "${_planned:-}" ] || echo "1..$_n"
	if [ -n "${_planned:-}" ] && [ "$_planned" -ne "$_n" ]; then
		echo "# planned $_planned but ran $_n"
		exit 1
	fi
	[ "$_failed" -eq 0 ]
}

# ph ARGS: phoihop on the test database, English messages.
ph () { "$PHOIHOP" --db "$DB" --lang en "$@"; }
# phv ARGS: the same in Vietnamese.
phv () { "$PHOIHOP" --db "$DB" --lang vi "$@"; }
# run ARGS: phoihop; sets $out, $err and $rc.
run () {
	out=$("$PHOIHOP" --db "$DB" --lang en "$@" 2>"$TMPROOT/stderr")
	rc=$?
	err=$(cat "$TMPROOT/stderr")
}
# dbsum: a checksum of the database's content (not its file bytes, which
# SQLite may touch), to prove that a failed command changed nothing.
dbsum () {
	ph letter list --format tsv 2>/dev/null | md5sum
	ph org list --format tsv 2>/dev/null | md5sum
}
# A fresh, initialised database: the register alone (no regulations, so
# the organizations are only those a test makes) ...
fresh_db () {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ph init --unit 'Đảng ủy xã Tân Tiến' --code 'ĐU' --no-agreements \
	    >/dev/null
}
# ... or with the five regulations shipped in data/agreements.
fresh_db_agreements () {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ph init --unit 'Đảng ủy xã Tân Tiến' --code 'ĐU' >/dev/null
}
