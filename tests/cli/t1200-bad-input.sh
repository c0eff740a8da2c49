#!/bin/sh
# t1200-bad-input.sh -- what phoihop does with bad input.
#
# Each bad input exits 1 (2 for a usage error), says so in one line that
# names the bad value, and leaves the database as it was.  Control
# characters are data: stored, but never written raw to a terminal.
# Files that are not phoihop databases are not touched.
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it.
row () { ph letter show "$1" --format tsv 2>/dev/null | sed -n 2p; }
col () { row "$1" | cut -f"$2"; }

# SUM: the content of the test database as it should be; resum after
# every change made on purpose.
SUM=
resum () { SUM=$(dbsum); }
# bad 'ID WHAT' RC TEXT ARGS...: "phoihop ARGS" must exit RC with a
# message containing TEXT (on one line for RC 1, as its first line for
# RC 2), print nothing on stdout and change nothing.  Five assertions,
# named "ID WHAT: ...".
bad () {
	_id=$1 _rc=$2 _want=$3
	shift 3
	run "$@"
	is "$rc" "$_rc" "$_id: exits $_rc"
	like "$(printf '%s\n' "$err" | sed -n 1p)" "$_want" \
	    "$_id: the message names \"$_want\""
	if [ "$_rc" -eq 1 ]; then
		is "$(nlines "$err")" 1 "$_id: the message is one line"
	else
		like "$err" 'Try "phoihop' "$_id: the usage error points to --help"
	fi
	is "$(dbsum)" "$SUM" "$_id: the database is unchanged"
	is "$out" "" "$_id: nothing on stdout"
}

CA='Đảng ủy Công an tỉnh'
SUBJ='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'

fresh_db
ph letter add --direction in --date 15/11/2026 --from "$CA" --subject "$SUBJ" \
    >/dev/null 2>&1
resum

# A malformed command line exits 2; a well-formed one with a bad value
# (an id that is no id, a date that does not exist) exits 1.

# ---- text that is not UTF-8
bad 't1200.1 invalid UTF-8 in --subject' 1 'offset 4' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$(printf 'V/v \377\376 góp ý')"
like "$err" 'subject' \
    "t1200.1 invalid UTF-8 in --subject: the message says it is the subject"
printf 'Kính gửi: Đảng ủy\n\300\257 nội dung\n' >bad-utf8.txt
bad 't1200.2 invalid UTF-8 in the body file' 1 'offset 26' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --body-file bad-utf8.txt
like "$err" 'body' \
    "t1200.2 invalid UTF-8 in the body file: the message says it is the body"
printf 'Kính gửi\000 nội dung\n' >nul.txt
bad 't1200.3 a NUL byte in the body file' 1 'offset 11' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --body-file nul.txt
bad 't1200.4 invalid UTF-8 in --from' 1 'offset 2' \
    letter add --direction in --date 15/11/2026 \
    --from "$(printf 'Ba\355n Tổ chức')" --subject "$SUBJ"
bad 't1200.5 invalid UTF-8 in an organization name' 1 'offset 3' \
    org add "$(printf 'Ban\300 Dân vận')"

# ---- empty and oversized text
bad 't1200.6 an empty subject' 1 'subject' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject ''
bad 't1200.7 a subject of white space only' 1 'subject' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$(printf '  \t  ')"
S2000=$(printf '%2000s' '' | sed 's/ /ệ/g')
run letter add --direction in --date 15/11/2026 --from "$CA" --subject "$S2000"
is "$rc" 0 "t1200.8 a subject of 2000 characters (6000 bytes) is accepted"
is "$(col "$out" 10)" "$S2000" "t1200.9 ... and stored whole"
resum
bad 't1200.10 a subject of 2001 characters' 1 '2001' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "${S2000}ệ"
dd if=/dev/zero bs=1048576 count=10 2>/dev/null | tr '\000' 'a' >body-10m.txt
cp body-10m.txt body-10m1.txt
printf 'a' >>body-10m1.txt
is "$(wc -c <body-10m1.txt | tr -d ' ')" 10485761 \
    "t1200.11 (the test body is 10485761 bytes)"
bad 't1200.12 a body of 10485761 bytes' 1 'body-10m1.txt' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --body-file body-10m1.txt
like "$err" '10 MB' \
    "t1200.12 a body of 10485761 bytes: the message gives the limit"
# (In a database of its own: every listing would have to step over it.)
"$PHOIHOP" --db big.db --lang en init >/dev/null 2>&1
run --db big.db letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$SUBJ" --body-file body-10m.txt
is "$rc" 0 "t1200.13 a body of exactly 10 MB (10485760 bytes) is accepted"
rm -f body-10m.txt body-10m1.txt

# ---- control characters are stored, escaped on output
run letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$(printf 'V/v \001góp ý\033[31m đỏ')"
is "$rc" 0 "t1200.14 a subject with control characters is accepted"
CTL=$out
resum
if [ $have_py -eq 1 ]; then
	got=$("$PY" -c '
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
s = c.execute("SELECT subject FROM letters WHERE id = ?", (int(sys.argv[2]),)).fetchone()[0]
print(s.encode().hex())' "$DB" "$CTL" 2>&1)
	is "$got" "$(printf 'V/v \001góp ý\033[31m đỏ' | od -An -tx1 | tr -d ' \n')" \
	    "t1200.15 the control characters are stored as typed"
else
	skip "t1200.15 the control characters are stored as typed" "no python3"
fi
ph letter show "$CTL" >show.out 2>&1
ph letter list >list.out 2>&1
ph letter show "$CTL" --format tsv >show.tsv 2>&1
ph letter show "$CTL" --format json >show.json 2>&1
like "$(cat show.out)" 'V/v ^Agóp ý^[[31m đỏ' \
    "t1200.16 show table writes U+0001 as ^A and ESC as ^["
like "$(cat list.out)" '^Agóp' "t1200.17 the list table writes U+0001 as ^A"
like "$(cat show.tsv)" 'V/v ^Agóp ý^[[31m đỏ' "t1200.18 tsv writes them escaped"
like "$(cat show.json)" '"subject":"V/v \u0001góp ý\u001b[31m đỏ"' \
    "t1200.19 json writes them as u0001 and u001b escapes"
for f in show.out list.out show.tsv show.json; do
	if grep -q "$(printf '[\001\033]')" "$f"; then r=1; else r=0; fi
	ok $r "t1200.20 no raw control character in $f"
done
run letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$(printf 'V/v dòng một\ndòng hai\tcột')"
NL=$out
resum
is "$(ph letter list --format tsv | awk -F '	' 'NF != 18' | wc -l | tr -d ' ')" 0 \
    "t1200.21 a newline in a subject does not break a tsv row"
like "$(ph letter show "$NL" --format tsv)" 'dòng một\ndòng hai\tcột' \
    "t1200.22 tsv writes newline and tab as backslash-n and backslash-t"
run org show "$(printf 'Ban\033]0;x\007 Dân vận')"
is "$rc" 1 "t1200.23 an unknown organization with control characters exits 1"
if printf '%s' "$err" | grep -q "$(printf '[\033\007]')"; then r=1; else r=0; fi
ok $r "t1200.24 the error message has no raw control character"

# ---- letter ids
bad 't1200.25 letter show of an unknown id' 1 '999' letter show 999
bad 't1200.26 letter edit of an unknown id' 1 '999' \
    letter edit 999 --subject "$SUBJ"
bad 't1200.27 letter delete of an unknown id' 1 '999' letter delete 999
bad 't1200.28 letter attachment of an unknown id' 1 '999' \
    letter attachment 999 1 --output never.bin
bad 't1200.29 letter show of a non-numeric id' 1 'mười' letter show 'mười'
bad 't1200.30 letter edit of a non-numeric id' 1 '12a' \
    letter edit 12a --subject "$SUBJ"
bad 't1200.31 letter delete of id 0' 1 '0' letter delete 0
bad 't1200.32 letter reply of a negative id' 1 '-1' letter reply -- -1
bad 't1200.33 letter show of a fractional id' 1 '1.5' letter show 1.5

# ---- dates and keywords
bad 't1200.34 an impossible date 31/02/2026' 1 '31/02/2026' \
    letter add --direction in --date 31/02/2026 \
    --from "$CA" --subject "$SUBJ"
bad 't1200.35 a malformed date 2026-13-01' 1 '2026-13-01' \
    letter add --direction in --date 2026-13-01 \
    --from "$CA" --subject "$SUBJ"
bad 't1200.36 a date that is no date' 1 'ngày mai' \
    letter add --direction in --date 'ngày mai' \
    --from "$CA" --subject "$SUBJ"
bad 't1200.37 an impossible --due 29/02/2027' 1 '29/02/2027' \
    letter add --direction in --date 15/11/2026 \
    --due 29/02/2027 --from "$CA" --subject "$SUBJ"
bad 't1200.38 an unknown --classification' 1 'bi-mat' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --classification bi-mat
bad 't1200.39 an unknown --urgency' 1 'gấp' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --urgency 'gấp'
bad 't1200.40 an unknown --direction' 1 'sideways' \
    letter add --direction sideways --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ"
bad 't1200.41 --received before --date' 1 '14/11/2026' \
    letter add --direction in --date 15/11/2026 \
    --received 14/11/2026 --from "$CA" --subject "$SUBJ"
bad 't1200.42 --due before --date' 1 '10/11/2026' \
    letter add --direction in --date 15/11/2026 \
    --due 10/11/2026 --from "$CA" --subject "$SUBJ"

# ---- missing flags and values: usage errors
bad 't1200.43 incoming without --from' 2 '--from' \
    letter add --direction in --date 15/11/2026 \
    --subject "$SUBJ"
bad 't1200.44 outgoing without --to' 2 '--to' \
    letter add --direction out --date 15/11/2026 \
    --subject "$SUBJ"
bad 't1200.45 no --subject' 2 '--subject' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA"
bad 't1200.46 no --date' 2 '--date' letter add --direction in --from "$CA" \
    --subject "$SUBJ"
bad 't1200.47 no --direction' 2 '--direction' \
    letter add --date 15/11/2026 --from "$CA" \
    --subject "$SUBJ"
bad 't1200.48 --subject without a value' 2 '--subject' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject
bad 't1200.49 an unknown option' 2 '--khong-co' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --khong-co
bad 't1200.50 --status, a flag add does not take' 2 '--status' \
    letter add --direction in --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --status resolved
bad 't1200.51 a stray argument' 2 'thừa' letter show 1 'thừa'

# ---- database files
bad 't1200.52 init in a directory that cannot be made' 1 '/proc/phoihop-test' \
    --db /proc/phoihop-test/x.db init
bad 't1200.53 letter list in a directory that cannot be made' 1 '/proc/phoihop-test/x.db' \
    --db /proc/phoihop-test/x.db letter list
run --db "$TMPROOT/khong-co/x.db" letter list
is "$rc" 1 "t1200.54 a database in a missing directory: letter list exits 1"
like "$err" "$TMPROOT/khong-co/x.db" \
    "t1200.54 a database in a missing directory: the message names the path"
[ ! -e "$TMPROOT/khong-co" ]
ok $? \
    "t1200.54 a database in a missing directory: letter list does not make the directory"

# A closed register (đóng sổ): no write bit, read-only even for root.
cp "$DB" ro.db
chmod 444 ro.db
cp ro.db ro.copy
run --db ro.db letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$SUBJ"
is "$rc" 1 "t1200.55 letter add on a read-only database: exits 1"
like "$err" 'read-only' \
    "t1200.55 letter add on a read-only database: the message says read-only"
like "$err" 'ro.db' \
    "t1200.55 letter add on a read-only database: the message names the file"
cmp -s ro.db ro.copy
ok $? "t1200.55 letter add on a read-only database: the file is unchanged"
run --db ro.db letter delete 1
is "$rc" 1 "t1200.56 letter delete on a read-only database exits 1"
run --db ro.db org add 'Ban Dân vận Huyện ủy'
is "$rc" 1 "t1200.57 org add on a read-only database exits 1"
run --db ro.db init --unit 'Đảng ủy phường'
is "$rc" 1 "t1200.58 init on a read-only database: exits 1"
cmp -s ro.db ro.copy
ok $? "t1200.58 init on a read-only database: the file is still unchanged"
run --db ro.db letter list --format tsv
is "$rc" 0 "t1200.59 a read-only database: letter list exits 0"
like "$out" "$SUBJ" \
    "t1200.59 a read-only database: letter list shows its letters"

printf 'Sổ đăng ký văn bản đến năm 2026\n' >notes.db
cp notes.db notes.copy
bad 't1200.60 letter list of a text file' 1 'not a phoihop database' \
    --db notes.db letter list
bad 't1200.61 init on a text file' 1 'not a phoihop database' --db notes.db init
cmp -s notes.db notes.copy
ok $? "t1200.61 init on a text file: the text file is unchanged"
[ ! -e notes.db-wal ] && [ ! -e notes.db-journal ]
ok $? "t1200.61 init on a text file: no journal was made beside it"
mkdir dir.db
bad 't1200.62 a directory as the database' 1 'not a phoihop database' \
    --db dir.db letter list

if [ $have_py -eq 1 ]; then
	"$PY" -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE so_cong_van (id INTEGER PRIMARY KEY, trich_yeu TEXT)")
c.execute("INSERT INTO so_cong_van VALUES (1, ?)", ("V/v khác",))
c.commit()
c.close()' foreign.db
	cp foreign.db foreign.copy
	bad 't1200.63 letter list of a foreign SQLite database' 1 'not a phoihop database' \
	    --db foreign.db letter list
	bad 't1200.64 init on a foreign SQLite database' 1 'not a phoihop database' \
	    --db foreign.db init
	cmp -s foreign.db foreign.copy
	ok $? \
	    "t1200.64 init on a foreign SQLite database: the file is unchanged"

	cp "$DB" newer.db
	"$PY" -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA user_version=99")
c.commit()
c.close()' newer.db
	rm -f newer.db-wal newer.db-shm
	cp newer.db newer.copy
	bad 't1200.65 letter list of a database of a newer schema' 1 'newer' \
	    --db newer.db letter list
	like "$err" '99' \
	    "t1200.65 letter list of a database of a newer schema: the message gives the schema"
	bad 't1200.66 init on a database of a newer schema' 1 'newer' \
	    --db newer.db init
	run --db newer.db letter add --direction in --date 15/11/2026 \
	    --from "$CA" --subject "$SUBJ"
	is "$rc" 1 "t1200.67 letter add on a database of a newer schema: exits 1"
	cmp -s newer.db newer.copy
	ok $? \
	    "t1200.67 letter add on a database of a newer schema: the file is unchanged"
else
	for c in t1200.63 t1200.64 t1200.65 t1200.66 t1200.67; do
		skip "$c foreign and newer SQLite databases" "no python3 sqlite3"
	done
fi

done_testing
