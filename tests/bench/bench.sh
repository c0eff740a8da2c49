#!/bin/sh
#
# bench.sh -- phoihop's benchmark: a register of 100,000 and one of
# 1,000,000 letters, made through the core API by gen-letters, then the
# clerk's everyday reads timed on the real binary.  Run by "make bench".
#
# Usage: bench.sh BUILDDIR SRCDIR [--reuse] [--force]
#   --reuse   keep an existing 1M database in BUILDDIR/tests/bench/out/
#             (PH_BENCH_REUSE=1 does the same through "make bench")
#   --force   make the 1M database even when the 100k run says it will
#             take longer than the budget (PH_BENCH_FORCE=1)
# PH_BENCH_BUDGET: seconds the 1M generation may take (default 600), so
# that "make bench" stays near 15 minutes on a small machine.
#
# Writes the figures table to stdout and to BUILDDIR/tests/bench/out/
# figures.md.  Not a test: it checks nothing and never fails on a number.
# The databases are scratch files; nothing outside out/ is touched.

set -u

if [ $# -lt 2 ]; then
	echo "usage: bench.sh BUILDDIR SRCDIR [--reuse] [--force]" >&2
	exit 2
fi
BUILDDIR=$1
SRCDIR=$2
shift 2
REUSE=${PH_BENCH_REUSE:-0}
FORCE=${PH_BENCH_FORCE:-0}
BUDGET=${PH_BENCH_BUDGET:-600}
for a in "$@"; do
	case $a in
	--reuse) REUSE=1 ;;
	--force) FORCE=1 ;;
	*) echo "bench.sh: unknown option $a" >&2; exit 2 ;;
	esac
done

PHOIHOP=$BUILDDIR/src/phoihop
GEN=$BUILDDIR/tests/bench/gen-letters
CLOCK=$BUILDDIR/tests/bench/bench-clock
DUE=$BUILDDIR/tests/bench/bench-due
SEARCH=$BUILDDIR/tests/bench/bench-search
# Open cases in the main registers (a clerk has hundreds, not thousands:
# older requests were answered), and in the 1M variant for "due".
OPEN=1000
OPEN_MANY=10000
OUT=$BUILDDIR/tests/bench/out
YEARS=2016-2026
YEAR=2021		# the middle of $YEARS
RUNS=5

for f in "$PHOIHOP" "$GEN" "$CLOCK" "$DUE" "$SEARCH"; do
	if [ ! -x "$f" ]; then
		echo "bench.sh: $f is not built (make bench builds it)" >&2
		exit 1
	fi
done
mkdir -p "$OUT" || exit 1

# The environment of a clerk with no config file of her own, the clock
# pinned after the last letter, the data files from the source tree; no
# drafts left from an earlier run for the TUI to offer.
PHOIHOP_DATADIR=$SRCDIR/data
PHOIHOP_LOCALEDIR=$BUILDDIR/locale
PHOIHOP_NOW=2027-01-15T09:00:00
XDG_CONFIG_HOME=$OUT/config
XDG_STATE_HOME=$OUT/state
export PHOIHOP_DATADIR PHOIHOP_LOCALEDIR PHOIHOP_NOW XDG_CONFIG_HOME
export XDG_STATE_HOME
unset PHOIHOP_DB
rm -rf "$XDG_STATE_HOME"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
if [ -f /usr/share/zoneinfo/Asia/Ho_Chi_Minh ]; then
	TZ=Asia/Ho_Chi_Minh
	export TZ
fi

# ------------------------------------------------------------ helpers

now_ns() {
	date +%s%N
}

# Median of RUNS timings, in ms, of "$@" with stdout to /dev/null.
time_ms() {
	i=0
	: >"$OUT/times"
	while [ $i -lt $RUNS ]; do
		t0=$(now_ns)
		"$@" >/dev/null 2>"$OUT/stderr" || {
			echo "bench.sh: failed: $*" >&2
			cat "$OUT/stderr" >&2
			echo "n/a"
			return
		}
		t1=$(now_ns)
		echo $(( (t1 - t0) / 1000 )) >>"$OUT/times"
		i=$((i + 1))
	done
	sort -n "$OUT/times" | awk -v n=$RUNS \
	    'NR == int((n + 1) / 2) { printf "%.1f\n", $1 / 1000 }'
}

# Peak RSS in KiB of "$@", or n/a without GNU time.
peak_rss() {
	if [ ! -x /usr/bin/time ] ||
	    ! /usr/bin/time -v true >/dev/null 2>&1; then
		echo "n/a"
		return
	fi
	/usr/bin/time -v "$@" >/dev/null 2>"$OUT/time-v" || {
		echo "n/a"
		return
	}
	awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time-v"
}

# Fold the WAL into the database file so its size is the register's.
checkpoint() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
		CKPT="sqlite3 CLI, PRAGMA wal_checkpoint(TRUNCATE)"
	elif command -v python3 >/dev/null 2>&1; then
		python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
c.close()' "$1"
		CKPT="python3 sqlite3, PRAGMA wal_checkpoint(TRUNCATE)"
	else
		"$PHOIHOP" --db "$1" --lang en letter list --limit 1 \
		    >/dev/null 2>&1
		CKPT="phoihop letter list --limit 1 (closing checkpoints)"
	fi
}

file_size() {
	wc -c <"$1" | tr -d ' '
}

# gen N DB LOG [OPEN]: make a fresh register of N letters, about OPEN of
# them open cases.
gen() {
	rm -f "$2" "$2-wal" "$2-shm"
	"$GEN" --db "$2" --count "$1" --years $YEARS --seed 1 \
	    --open "${4:-$OPEN}" --progress $(( $1 / 10 )) >"$3" 2>&1
	rc=$?
	cat "$3"
	if [ $rc -ne 0 ] || ! grep -q '^inserted ' "$3"; then
		echo "bench.sh: gen-letters failed" >&2
		exit 1
	fi
}

# The rate on the final line of a gen-letters log.
gen_rate() {
	sed -n 's/^inserted .*(\([0-9]*\) letters\/s)$/\1/p' "$1"
}

gen_secs() {
	sed -n 's/^inserted [0-9]* letters in \([0-9.]*\) s .*/\1/p' "$1"
}

# Seconds 1M letters would take, from the progress lines of the 100k run:
# the time per letter grows with the size of the register, so fit
# t(i) = a + b*i by least squares through the tenths and integrate.
project_1m() {
	awk -v N=1000000 '
	/last [0-9]+ at [0-9]+ letters\/s/ {
		step = $(NF - 3); x = $2 - step / 2; y = 1 / $(NF - 1)
		k++; sx += x; sy += y; sxx += x * x; sxy += x * y
	}
	END {
		if (k < 2) { print "?"; exit }
		b = (k * sxy - sx * sy) / (k * sxx - sx * sx)
		a = (sy - b * sx) / k
		if (b < 0) { b = 0; a = sy / k }
		printf "%.0f\n", a * N + b * N * N / 2
	}' "$1"
}

# ------------------------------------------------------------ the machine

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
    head -n 1)
SQLV=$(pkg-config --modversion sqlite3 2>/dev/null || echo "?")
MACHINE="$(nproc) CPU, ${CPU:-unknown CPU}, $(uname -sr), SQLite $SQLV"
echo "machine: $MACHINE"
echo "phoihop: $("$PHOIHOP" --version)"
echo

# ------------------------------------------------------------ the registers

DB100K=$OUT/letters-100k.db
DB1M=$OUT/letters-1m.db

echo "== generating 100,000 letters"
gen 100000 "$DB100K" "$OUT/gen-100k.log"
PROJ=$(project_1m "$OUT/gen-100k.log")
echo "projected time for 1,000,000 letters: ${PROJ} s (budget ${BUDGET} s)"
echo

NOTE1M=""
if [ "$REUSE" = 1 ] && [ -s "$DB1M" ] && [ -s "$OUT/gen-1m.log" ]; then
	echo "== reusing $DB1M"
	cat "$OUT/gen-1m.log"
	NOTE1M="1M database reused from an earlier run (--reuse)."
elif [ "$FORCE" = 1 ] || { [ "$PROJ" != "?" ] && [ "$PROJ" -le "$BUDGET" ]; }
then
	echo "== generating 1,000,000 letters"
	gen 1000000 "$DB1M" "$OUT/gen-1m.log"
else
	echo "== NOT generating 1,000,000 letters: projected ${PROJ} s is over"
	echo "   the budget of ${BUDGET} s; run with --force (PH_BENCH_FORCE=1)"
	echo "   once, then --reuse (PH_BENCH_REUSE=1)."
	rm -f "$DB1M" "$DB1M-wal" "$DB1M-shm" "$OUT/gen-1m.log"
	NOTE1M="1M database not generated: projected ${PROJ} s through the API, over the ${BUDGET} s budget."
fi
echo

# ------------------------------------------------------------ the figures

# phoihop on database $DB, English messages.
ph() {
	"$PHOIHOP" --db "$DB" --lang en "$@"
}

# in_process DB: ph_flow_due() itself, database open, median ms.
in_process() {
	"$DUE" "$1" 7 | sed -n 's/^\([0-9.]*\) ms.*/\1/p'
}

# open_cases DB: the open cases "due" walks.
open_cases() {
	"$PHOIHOP" --db "$1" --lang en due --format tsv --within 366 |
	    tail -n +2 | cut -f 2 | sort -u | wc -l | tr -d ' '
}

# figures DB LOG N: set the F_* variables for one register.
figures() {
	DB=$1
	F_RATE=n/a F_LIST=n/a F_FIRST=n/a F_SHOW=n/a F_SIZE=n/a F_RSS=n/a
	F_ROWS=n/a F_DUE=n/a F_OPEN=n/a F_DUEIN=n/a
	[ -s "$DB" ] && [ -s "$2" ] || return 0
	F_RATE=$(gen_rate "$2")
	checkpoint "$DB"
	F_SIZE=$(( $(file_size "$DB") / $3 ))
	# One untimed run first, so that every timed run finds the file in
	# the page cache alike.
	F_ROWS=$(ph letter list --year $YEAR --format tsv | tail -n +2 | wc -l)
	F_LIST=$(time_ms ph letter list --year $YEAR --format tsv)
	F_FIRST=$(time_ms ph letter list --year $YEAR --limit 50)
	F_SHOW=$(time_ms ph letter show $(( $3 / 2 )))
	F_OPEN=$(open_cases "$DB")
	F_DUE=$(time_ms ph due --format tsv)
	F_DUEIN=$(in_process "$DB")
	F_RSS=$(peak_rss "$PHOIHOP" --db "$DB" --lang en letter list \
	    --year $YEAR --format tsv)
}

echo "== timing (median of $RUNS runs each)"
figures "$DB100K" "$OUT/gen-100k.log" 100000
R100=$F_RATE L100=$F_LIST S100=$F_FIRST H100=$F_SHOW Z100=$F_SIZE
M100=$F_RSS N100=$F_ROWS D100=$F_DUE O100=$F_OPEN I100=$F_DUEIN
figures "$DB1M" "$OUT/gen-1m.log" 1000000
R1M=$F_RATE L1M=$F_LIST S1M=$F_FIRST H1M=$F_SHOW Z1M=$F_SIZE M1M=$F_RSS
N1M=$F_ROWS D1M=$F_DUE O1M=$F_OPEN I1M=$F_DUEIN

# The terminal UI: phoihop on the 1M register against calcurse on 1,000
# appointments of one day, the same actions through the same
# pseudo-terminal (bench-tui.py says how each figure is taken).  calcurse
# is installed when it is missing and we may (root, apt-get).
TUIPY=$SRCDIR/tests/bench/bench-tui.py
TUI_LOG=$OUT/tui.log
TUI_NOTE=""
tui_bench() {
	: >"$TUI_LOG"
	if ! command -v python3 >/dev/null 2>&1; then
		TUI_NOTE="TUI not measured: no python3."
		return 0
	fi
	if ! command -v calcurse >/dev/null 2>&1 &&
	    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "== installing calcurse (apt-get install -y calcurse)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y calcurse \
		    >"$OUT/apt-calcurse.log" 2>&1 ||
		    { DEBIAN_FRONTEND=noninteractive apt-get update &&
		    DEBIAN_FRONTEND=noninteractive apt-get install -y calcurse; } \
		    >>"$OUT/apt-calcurse.log" 2>&1 ||
		    echo "bench.sh: calcurse not installed," \
		    "see $OUT/apt-calcurse.log"
	fi
	if ! command -v calcurse >/dev/null 2>&1; then
		TUI_NOTE="calcurse not installed (not root, or apt-get"
		TUI_NOTE="$TUI_NOTE failed): its column is n/a."
	fi
	if [ -s "$DB1M" ]; then
		echo "== the TUI on $DB1M and calcurse (median of $RUNS runs)"
		python3 "$TUIPY" phoihop "$PHOIHOP" "$DB1M" --runs $RUNS \
		    >>"$TUI_LOG" 2>&1
	fi
	rm -rf "$OUT/calcurse"
	python3 "$TUIPY" calcurse "$OUT/calcurse" --runs $RUNS --items 1000 \
	    >>"$TUI_LOG" 2>&1
	cat "$TUI_LOG"
}
# tui_get NAME KEY: a median from bench-tui.py's RESULT line, or n/a.
tui_get() {
	v=$(sed -n "s/^RESULT $1 .* $2=\([^ ]*\).*/\1/p" "$TUI_LOG")
	echo "${v:-n/a}"
}
# tui_met VALUE LIMIT: whether VALUE is under LIMIT.
tui_met() {
	case $1 in
	n/a) echo "n/a" ;;
	*) awk -v v="$1" -v l="$2" \
	    'BEGIN { print (v + 0 < l + 0) ? "yes" : "no" }' ;;
	esac
}
tui_bench
TP_FIRST=$(tui_get phoihop first_ms) TC_FIRST=$(tui_get calcurse first_ms)
TP_RSS=$(tui_get phoihop rss_kib) TC_RSS=$(tui_get calcurse rss_kib)
TP_RSSF=$(tui_get phoihop rss_file_kib)
TC_RSSF=$(tui_get calcurse rss_file_kib)
TP_BYTES=$(tui_get phoihop first_bytes)
TC_BYTES=$(tui_get calcurse first_bytes)
TP_DOWN=$(tui_get phoihop down_bytes) TC_DOWN=$(tui_get calcurse down_bytes)
TP_PGDN=$(tui_get phoihop pgdn_bytes) TC_PGDN=$(tui_get calcurse pgdn_bytes)
TP_BIG=$(tui_get phoihop resize_bytes) TC_BIG=$(tui_get calcurse resize_bytes)
TP_BACK=$(tui_get phoihop back_bytes) TC_BACK=$(tui_get calcurse back_bytes)
TC_VERSION=$(sed -n 's/^   \(calcurse [0-9][^ ]*\) .*/\1/p' "$TUI_LOG" |
    head -n 1)
[ -s "$DB1M" ] || TUI_NOTE="$TUI_NOTE No 1M database: phoihop's column is n/a."

# "due" on a 1M register with many more open cases.
DB1MO=$OUT/letters-1m-open.db
D1MO=n/a O1MO=n/a I1MO=n/a
if [ -s "$DB1M" ]; then
	if [ "$REUSE" = 1 ] && [ -s "$DB1MO" ]; then
		echo "== reusing $DB1MO"
	else
		echo "== generating 1,000,000 letters with about $OPEN_MANY open cases"
		gen 1000000 "$DB1MO" "$OUT/gen-1m-open.log" $OPEN_MANY
	fi
	DB=$DB1MO
	O1MO=$(open_cases "$DB1MO")
	D1MO=$(time_ms ph due --format tsv)
	I1MO=$(in_process "$DB1MO")
fi

# Search: phoihop against plain FTS5 on the same register (bench-search
# rebuilds our index, builds a plain one beside it, times 30 queries,
# drops the plain one).  Last, since it rewrites the index.
search_figures() {
	S_BUILD=n/a S_PBUILD=n/a S_SIZE=n/a S_PSIZE=n/a S_RATIO=n/a
	S_C50=n/a S_C95=n/a S_PC50=n/a S_PC95=n/a
	S_G50=n/a S_G95=n/a S_PG50=n/a S_PG95=n/a
	[ -s "$1" ] || return 0
	echo "== search on $1"
	"$SEARCH" "$1" "$RUNS" >"$2" 2>&1 || { cat "$2"; return 0; }
	cat "$2"
	S_BUILD=$(sed -n 's/^index build: phoihop \([0-9.]*\) s, plain.*/\1/p' "$2")
	S_PBUILD=$(sed -n 's/^index build: .*, plain \([0-9.]*\) s$/\1/p' "$2")
	S_SIZE=$(sed -n 's/^index size: phoihop \([0-9]*\) bytes.*/\1/p' "$2")
	S_PSIZE=$(sed -n 's/^index size: .*, plain \([0-9]*\) bytes.*/\1/p' "$2")
	S_RATIO=$(sed -n 's/^index size: .*(\([0-9.]*\)x)$/\1/p' "$2")
	S_C50=$(sed -n 's/^count p50: phoihop \([0-9.]*\) ms.*/\1/p' "$2")
	S_PC50=$(sed -n 's/^count p50: .*, plain \([0-9.]*\) ms$/\1/p' "$2")
	S_C95=$(sed -n 's/^count p95: phoihop \([0-9.]*\) ms.*/\1/p' "$2")
	S_PC95=$(sed -n 's/^count p95: .*, plain \([0-9.]*\) ms$/\1/p' "$2")
	S_G50=$(sed -n 's/^page p50: phoihop \([0-9.]*\) ms.*/\1/p' "$2")
	S_PG50=$(sed -n 's/^page p50: .*, plain \([0-9.]*\) ms$/\1/p' "$2")
	S_G95=$(sed -n 's/^page p95: phoihop \([0-9.]*\) ms.*/\1/p' "$2")
	S_PG95=$(sed -n 's/^page p95: .*, plain \([0-9.]*\) ms$/\1/p' "$2")
}
search_figures "$DB100K" "$OUT/search-100k.log"
SB100=$S_BUILD SPB100=$S_PBUILD SZ100=$S_SIZE SPZ100=$S_PSIZE SR100=$S_RATIO
SC50_100=$S_C50 SC95_100=$S_C95 SPC50_100=$S_PC50 SPC95_100=$S_PC95
SG50_100=$S_G50 SG95_100=$S_G95 SPG50_100=$S_PG50 SPG95_100=$S_PG95
search_figures "$DB1M" "$OUT/search-1m.log"
SB1M=$S_BUILD SPB1M=$S_PBUILD SZ1M=$S_SIZE SPZ1M=$S_PSIZE SR1M=$S_RATIO
SC50_1M=$S_C50 SC95_1M=$S_C95 SPC50_1M=$S_PC50 SPC95_1M=$S_PC95
SG50_1M=$S_G50 SG95_1M=$S_G95 SPG50_1M=$S_PG50 SPG95_1M=$S_PG95

# The floor under every timing above: starting the program at all.
START=$(time_ms "$PHOIHOP" --version)

echo "== the calendar: 1,000,000 calls of add-workdays"
CLK=$("$CLOCK" 1000000)
echo "$CLK"
CLKRATE=$(printf '%s\n' "$CLK" | sed -n 's/.*(\([0-9]*\) calls\/s.*/\1/p')
CLKSECS=$(printf '%s\n' "$CLK" | sed -n 's/^[0-9]* calls in \([0-9.]*\) s.*/\1/p')
T100=$(gen_secs "$OUT/gen-100k.log")
T1M=n/a
[ -s "$OUT/gen-1m.log" ] && T1M=$(gen_secs "$OUT/gen-1m.log")

{
	echo "# phoihop benchmark"
	echo
	echo "Machine: $MACHINE."
	echo "Letters over $YEARS, made by tests/bench/gen-letters through"
	echo "ph_store_letter_add(), 1000 letters per transaction; reads by"
	echo "$PHOIHOP --lang en, year $YEAR ($N100 and $N1M letters in"
	echo "that year's book); times are wall-clock, median of $RUNS runs."
	echo "Database size after ${CKPT:-no checkpoint}."
	[ -n "$NOTE1M" ] && echo "$NOTE1M"
	echo
	echo "| figure | 100k | 1M |"
	echo "|---|---:|---:|"
	echo "| start-up floor: phoihop --version, ms (included in every time below) | $START | $START |"
	echo "| bulk insert rate (letters/s) | $R100 | $R1M |"
	echo "| bulk insert, total time (s) | $T100 | $T1M |"
	echo "| letter list --year (one year, tsv to /dev/null), median of $RUNS runs, ms | $L100 | $L1M |"
	echo "| letter list --year --limit 50 (first screen), ms | $S100 | $S1M |"
	echo "| letter show (one id), ms | $H100 | $H1M |"
	echo "| database size per letter (bytes) | $Z100 | $Z1M |"
	echo "| peak RSS of letter list --year, /usr/bin/time -v (KiB) | $M100 | $M1M |"
	echo "| due --format tsv, ms (registers with $O100 and $O1M open cases) | $D100 | $D1M |"
	echo "| due --format tsv, ms (1M letters, $O1MO open cases) | | $D1MO |"
	echo "| ph_flow_due() in-process, database open, median of 7, ms ($O100 / $O1M open) | $I100 | $I1M |"
	echo "| ph_flow_due() in-process, 1M letters, $O1MO open cases, ms | | $I1MO |"
	echo "| calendar add-workdays, 1M calls (bench-clock): s, calls/s | | $CLKSECS s, $CLKRATE/s |"
	echo
	echo "Search (tests/bench/bench-search, in-process, database open; 30"
	echo "typical queries, median of $RUNS runs each, then p50/p95 over the"
	echo "30; plain = FTS5 unicode61 remove_diacritics 2 over the same"
	echo "letters, ranked by bm25(); per-query lines in search-*.log):"
	echo
	echo "| search figure | 100k | 1M |"
	echo "|---|---:|---:|"
	echo "| index build from the letters, phoihop / plain (s) | $SB100 / $SPB100 | $SB1M / $SPB1M |"
	echo "| index size, phoihop / plain (bytes) | $SZ100 / $SPZ100 | $SZ1M / $SPZ1M |"
	echo "| index size ratio phoihop : plain | $SR100 | $SR1M |"
	echo "| count all hits p50, phoihop / plain (ms) | $SC50_100 / $SPC50_100 | $SC50_1M / $SPC50_1M |"
	echo "| count all hits p95, phoihop / plain (ms) | $SC95_100 / $SPC95_100 | $SC95_1M / $SPC95_1M |"
	echo "| first page of 20 ranked p50, phoihop / plain (ms) | $SG50_100 / $SPG50_100 | $SG50_1M / $SPG50_1M |"
	echo "| first page of 20 ranked p95, phoihop / plain (ms) | $SG95_100 / $SPG95_100 | $SG95_1M / $SPG95_1M |"
	echo
	echo "Terminal UI (tests/bench/bench-tui.py; per-run lines in tui.log):"
	echo "each program in a pseudo-terminal of 80x24, TERM=xterm-256color,"
	echo "LC_ALL=C.UTF-8, median of $RUNS runs.  phoihop on the 1M register"
	echo "(dashboard, then F3: the incoming register); ${TC_VERSION:-calcurse}"
	echo "on 1,000 appointments of today (its appointment panel, selected at"
	echo "start; no notify bar, whose clock writes every second).  First"
	echo "screen: from fork() to the last byte before 1 s of silence, nothing"
	echo "sent.  Bytes: what the program writes in answer to the key until"
	echo "300 ms of silence; line down is the median of 5 Downs.  Peak RSS:"
	echo "VmHWM of the program's own process (wait4()'s ru_maxrss would"
	echo "include the Python that forked it)."
	[ -n "$TC_VERSION" ] && [ "$TC_PGDN" = n/a ] &&
	    echo "Page down is n/a for calcurse: $TC_VERSION binds no key to one."
	[ -n "$TUI_NOTE" ] && echo "$TUI_NOTE"
	echo
	echo "| TUI figure | phoihop, 1M letters | calcurse, 1,000 items | target for phoihop | met |"
	echo "|---|---:|---:|---:|:---:|"
	echo "| time to first full screen, ms | $TP_FIRST | $TC_FIRST | < 60 | $(tui_met "$TP_FIRST" 60) |"
	echo "| peak RSS (VmHWM), KiB | $TP_RSS | $TC_RSS | < 16384 | $(tui_met "$TP_RSS" 16384) |"
	echo "| of which file-backed after the last key (RssFile: libraries, mapped files), KiB | $TP_RSSF | $TC_RSSF | | |"
	echo "| bytes written, first screen | $TP_BYTES | $TC_BYTES | | |"
	echo "| bytes, one line down in the list | $TP_DOWN | $TC_DOWN | < 100 | $(tui_met "$TP_DOWN" 100) |"
	echo "| bytes, page down | $TP_PGDN | $TC_PGDN | < 4096 | $(tui_met "$TP_PGDN" 4096) |"
	echo "| bytes, resize 80x24 to 100x30 | $TP_BIG | $TC_BIG | < 4096 | $(tui_met "$TP_BIG" 4096) |"
	echo "| bytes, resize back to 80x24 | $TP_BACK | $TC_BACK | < 4096 | $(tui_met "$TP_BACK" 4096) |"
} >"$OUT/figures.md"
echo
cat "$OUT/figures.md"
rm -f "$OUT/times" "$OUT/stderr" "$OUT/time-v"
exit 0
