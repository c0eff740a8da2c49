#!/bin/sh
# t0002-po-complete.sh -- po/vi.po translates every message of the
# sources, with nothing fuzzy and the format specifiers intact.
. "$PH_SRCDIR/tests/lib-cli.sh"
command -v xgettext >/dev/null 2>&1 || skip_all "xgettext not installed"
command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
plan 5
cd "$PH_SRCDIR" || exit 1
pot="$TMPROOT/phoihop.pot"
files=$(grep -v '^#' po/POTFILES.in)
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$pot" $files
ok $? "t0002.1 xgettext reads every file of POTFILES.in"

missing=$(msgcmp --use-untranslated po/vi.po "$pot" 2>&1 |
    grep -c 'this message is used but not defined')
is "$missing" 0 "t0002.2 vi.po has every msgid of the sources"

stats=$(msgfmt -c --statistics -o /dev/null po/vi.po 2>&1)
ok $? "t0002.3 vi.po compiles with format checks (msgfmt -c)"
case "$stats" in
*untranslated*|*fuzzy*) ok 1 "t0002.4 vi.po complete: $stats" ;;
*) ok 0 "t0002.4 vi.po complete: $stats" ;;
esac

# Every .c with a _( or N_( string must be listed in POTFILES.in.
notlisted=$(for f in $(grep -lE '(^|[^a-zA-Z_])N?_\("' src/*.c src/*/*.c); do
	grep -qx "$f" po/POTFILES.in || echo "$f"
done)
is "$notlisted" "" "t0002.5 every file with messages is in po/POTFILES.in"
done_testing
