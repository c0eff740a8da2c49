#!/bin/sh
# summary.sh -- after "make check", print one line "N passed, M failed"
# counting test cases (every TAP "ok"/"not ok" line), not test files.
# Usage: tests/summary.sh [BUILDDIR]; exits non-zero if any failed.
dir=${1:-.}
log=$dir/test-suite.log
if [ ! -f "$log" ]; then
	echo "0 passed, 1 failed"
	echo "no $log: did make check run?" >&2
	exit 1
fi
pass=$(sed -n 's/^# PASS: *//p' "$log" | head -n 1)
xfail=$(sed -n 's/^# XFAIL: *//p' "$log" | head -n 1)
fail=$(sed -n 's/^# FAIL: *//p' "$log" | head -n 1)
xpass=$(sed -n 's/^# XPASS: *//p' "$log" | head -n 1)
error=$(sed -n 's/^# ERROR: *//p' "$log" | head -n 1)
skip=$(sed -n 's/^# SKIP: *//p' "$log" | head -n 1)
passed=$(( ${pass:-0} + ${xfail:-0} ))
failed=$(( ${fail:-0} + ${xpass:-0} + ${error:-0} ))
echo "$passed passed, $failed failed, ${skip:-0} skipped"
[ "$failed" -eq 0 ]
