#!/bin/sh
# t1210-disk-full.sh -- a full disk (SQLITE_FULL) is a clear error, exit
# 1, and the register is as it was: the letter that did not fit is not
# half-written and its số đến is not used up.  The disk is a small tmpfs
# in a private mount namespace; where namespaces are not allowed, SKIP.
. "$PH_SRCDIR/tests/lib-cli.sh"

command -v unshare >/dev/null 2>&1 || skip_all "unshare not installed"
mnt="$TMPROOT/small"
mkdir -p "$mnt"
if ! unshare -rm sh -c "mount -t tmpfs -o size=512k tmpfs '$mnt'" \
    2>/dev/null; then
	skip_all "cannot mount a small tmpfs in a user namespace"
fi
plan 6

# Everything runs inside one namespace; the script writes its results to
# files outside the small disk.
head -c 60000 /dev/zero | tr '\0' 'a' >"$TMPROOT/body.txt"
cat >"$TMPROOT/inner.sh" <<EOS
set -u
mount -t tmpfs -o size=512k tmpfs '$mnt' || exit 99
DB='$mnt/full.db'
P='$PHOIHOP'
"\$P" --lang en --db "\$DB" init --unit 'Đảng ủy xã Tân Tiến' --code ĐU >/dev/null || exit 98
i=0 rc=0
while [ \$i -lt 40 ]; do
	i=\$((i + 1))
	"\$P" --lang en --db "\$DB" letter list --format tsv >'$TMPROOT/before.tsv' 2>/dev/null
	"\$P" --lang en --db "\$DB" letter add --direction in --date 19/11/2026 \
	    --from 'Đảng ủy Công an tỉnh' --subject "V/v báo cáo số \$i" \
	    --body-file '$TMPROOT/body.txt' >/dev/null 2>'$TMPROOT/err.txt'
	rc=\$?
	[ \$rc -ne 0 ] && break
done
echo \$rc >'$TMPROOT/rc.txt'
"\$P" --lang en --db "\$DB" letter list --format tsv >'$TMPROOT/after.tsv' 2>'$TMPROOT/after-err.txt'
echo \$? >'$TMPROOT/after-rc.txt'
# Room again: the next letter takes the next number, not a skipped one.
mount -o remount,size=4m '$mnt'
"\$P" --lang en --db "\$DB" letter add --direction in --date 19/11/2026 \
    --from 'Đảng ủy Công an tỉnh' --subject 'V/v nhỏ' >/dev/null 2>&1 || true
"\$P" --lang en --db "\$DB" letter list --format tsv >'$TMPROOT/later.tsv' 2>&1
EOS
unshare -rm sh "$TMPROOT/inner.sh"
is "$(cat "$TMPROOT/rc.txt")" 1 "t1210.1 the letter that does not fit fails with exit 1"
like "$(cat "$TMPROOT/err.txt")" "full" "t1210.2 the message says the disk is full"
is "$(grep -c '' "$TMPROOT/err.txt")" 1 "t1210.3 in one line"
is "$(cat "$TMPROOT/after-rc.txt")" 0 "t1210.4 the database still opens"
is "$(md5sum <"$TMPROOT/after.tsv")" "$(md5sum <"$TMPROOT/before.tsv")" \
    "t1210.5 the register is exactly as before the failed command"
n=$(($(wc -l <"$TMPROOT/before.tsv") - 1))
last=$(tail -n 1 "$TMPROOT/later.tsv" | cut -f 3)
is "$last" "$((n + 1))" "t1210.6 the failed letter's số đến was not used up"
done_testing
