#!/bin/sh
# t1000-init.sh -- "phoihop init", where the database is, global options.
#
# init creates the database (under $XDG_DATA_HOME when no --db, with
# private directories), records our unit and how it numbers letters, and
# may be run again to change them.  PHOIHOP_DB names the database, --db
# beats it.  Usage errors exit 2, other errors 1.
. "$PH_SRCDIR/tests/lib-cli.sh"

UNIT='Đảng ủy xã Tân Tiến'

# ---- the default database, under $XDG_DATA_HOME
XDB="$XDG_DATA_HOME/phoihop/phoihop.db"
out=$("$PHOIHOP" --lang en init --unit "$UNIT" --code 'ĐU' 2>"$TMPROOT/stderr")
rc=$?
err=$(cat "$TMPROOT/stderr")
is "$rc" 0 "t1000.1 init without --db exits 0"
[ -f "$XDB" ]
ok $? "t1000.2 init without --db creates \$XDG_DATA_HOME/phoihop/phoihop.db"
is "$(ls -ld "$XDG_DATA_HOME/phoihop" | cut -c1-10)" drwx------ \
    "t1000.3 the created directory phoihop/ is mode 0700"
is "$(ls -ld "$XDG_DATA_HOME" | cut -c1-10)" drwx------ \
    "t1000.4 the created parent \$XDG_DATA_HOME is mode 0700 too"
is "$(ls -l "$XDB" | cut -c1-10)" -rw------- \
    "t1000.5 the database file is mode 0600"
like "$out" "Database: $XDB (schema 3)" "t1000.6 init prints the path and schema"
like "$out" "Unit: $UNIT (ĐU)" "t1000.7 init prints the unit and its code"
like "$out" "Numbering: Party style" "t1000.8 party numbering by default"
like "$out" "term from 01/07/2025" "t1000.9 the term starts 01/07/2025 by default"
is "$err" "" "t1000.10 init writes nothing on stderr"
"$PHOIHOP" --lang en org list --format tsv >"$TMPROOT/orgs" 2>/dev/null
like "$(cat "$TMPROOT/orgs")" "$UNIT" \
    "t1000.11 later commands without --db use the default database"
[ ! -e "$DB" ]
ok $? "t1000.12 nothing was written at the --db path of other tests"

# ---- re-init: change the unit, numbering and term, keep the letters
fresh_db
ph letter add --direction in --date 15/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ' \
    >/dev/null 2>&1
run init --unit 'Đảng ủy phường Tân Tiến' --code 'ĐUP'
is "$rc" 0 "t1000.13 re-init exits 0"
like "$out" "Unit: Đảng ủy phường Tân Tiến (ĐUP)" "t1000.14 re-init prints the new unit"
is "$(ph org list --format tsv | awk -F '	' '$8 == 1' | cut -f2,4)" \
    "Đảng ủy phường Tân Tiến	ĐUP" \
    "t1000.15 our own organization is renamed, not duplicated"
is "$(ph letter list --format tsv | wc -l | tr -d ' ')" 2 \
    "t1000.16 re-init keeps the letters"
run init
like "$out" "Unit: Đảng ủy phường Tân Tiến (ĐUP)" \
    "t1000.17 init without flags keeps the unit"

run init --numbering state
is "$rc" 0 "t1000.18 --numbering state exits 0"
like "$out" "Numbering: State style" "t1000.19 --numbering state is recorded"
run init
like "$out" "Numbering: State style" "t1000.20 the numbering style persists"
run init --numbering party
like "$out" "Numbering: Party style" "t1000.21 --numbering party switches back"
run init --numbering nha-nuoc
like "$out" "Numbering: State style" "t1000.22 the Vietnamese word nha-nuoc is state"
run init --numbering party --term-start 1/12/2025
like "$out" "term from 01/12/2025" "t1000.23 --term-start d/m/yyyy is recorded"
run init --term-start 2025-07-01
like "$out" "term from 01/07/2025" "t1000.24 --term-start YYYY-MM-DD is recorded"

# ---- bad values: exit 1, a message naming the value, nothing changed
before=$(ph init 2>&1)
run init --numbering 'kiểu-mới'
is "$rc" 1 "t1000.25 bad --numbering exits 1"
like "$err" 'kiểu-mới' "t1000.26 the message names the bad --numbering value"
is "$(nlines "$err")" 1 "t1000.27 the message is one line"
is "$(ph init 2>&1)" "$before" "t1000.28 a bad --numbering changes nothing"
run init --term-start 31/02/2026 --unit 'Đảng ủy Công an tỉnh'
is "$rc" 1 "t1000.29 impossible --term-start exits 1"
like "$err" '31/02/2026' "t1000.30 the message names the bad --term-start"
is "$(ph init 2>&1)" "$before" "t1000.31 a bad --term-start changes nothing, not even --unit"
run init --term-start 'đầu nhiệm kỳ'
is "$rc" 1 "t1000.32 a --term-start that is no date exits 1"
like "$err" 'đầu nhiệm kỳ' "t1000.33 the message names it"
run init --unit '   '
is "$rc" 1 "t1000.34 a blank --unit exits 1"
is "$(ph init 2>&1)" "$before" "t1000.35 a blank --unit changes nothing"

# ---- PHOIHOP_DB and --db
EDB="$TMPROOT/bien-moi-truong.db"
out=$(PHOIHOP_DB="$EDB" "$PHOIHOP" --lang en init --unit "$UNIT" 2>&1)
rc=$?
is "$rc" 0 "t1000.36 init with PHOIHOP_DB exits 0"
[ -f "$EDB" ]
ok $? "t1000.37 PHOIHOP_DB selects the database file"
like "$out" "Database: $EDB" "t1000.38 init names the PHOIHOP_DB path"
PHOIHOP_DB="$EDB" "$PHOIHOP" --lang en org add 'Ban Tổ chức Huyện ủy' \
    >/dev/null 2>&1
like "$("$PHOIHOP" --db "$EDB" --lang en org list --format tsv 2>&1)" \
    'Ban Tổ chức Huyện ủy' "t1000.39 other commands use PHOIHOP_DB too"
FDB="$TMPROOT/co-db.db"
NDB="$TMPROOT/khong-dung.db"
PHOIHOP_DB="$NDB" "$PHOIHOP" --db "$FDB" --lang en init >/dev/null 2>&1
[ -f "$FDB" ] && [ ! -e "$NDB" ]
ok $? "t1000.40 --db beats PHOIHOP_DB"
PHOIHOP_DB="$NDB" "$PHOIHOP" --db="$TMPROOT/bang.db" --lang en init \
    >/dev/null 2>&1
[ -f "$TMPROOT/bang.db" ] && [ ! -e "$NDB" ]
ok $? "t1000.41 --db=FILE works and beats PHOIHOP_DB"
run --db "$TMPROOT/chua-co.db" letter list
is "$rc" 1 "t1000.42 a command other than init on a missing database exits 1"
like "$err" 'phoihop init' "t1000.43 the message says to run init"
[ ! -e "$TMPROOT/chua-co.db" ]
ok $? "t1000.44 only init creates a database"

# ---- global options, help, usage errors
out=$("$PHOIHOP" --version 2>/dev/null)
rc=$?
is "$rc" 0 "t1000.45 --version exits 0"
case $out in
"phoihop "[0-9]*) r=0 ;;
*) r=1 ;;
esac
ok $r "t1000.46 --version prints \"phoihop VERSION\" ($out)"
run --help
is "$rc" 0 "t1000.47 --help exits 0"
like "$out" 'Usage: phoihop' "t1000.48 --help prints the usage on stdout"
like "$out" 'letter' "t1000.49 --help lists the commands"
is "$err" "" "t1000.50 --help writes nothing on stderr"
run -h
is "$rc" 0 "t1000.51 -h exits 0"
run init --help
is "$rc" 0 "t1000.52 init --help exits 0"
like "$out" "Usage: phoihop init" "t1000.53 init --help prints its usage"
run org --help
is "$rc" 0 "t1000.54 org --help exits 0"
like "$out" "Usage: phoihop org" "t1000.55 org --help prints its usage"
run letter --help
is "$rc" 0 "t1000.56 letter --help exits 0"
like "$out" "Usage: phoihop letter" "t1000.57 letter --help prints its usage"
run letter add --help
is "$rc" 0 "t1000.58 letter add --help exits 0"
like "$out" "Usage: phoihop letter" "t1000.59 letter add --help prints the usage"
run lam-gi
is "$rc" 2 "t1000.60 an unknown command exits 2"
like "$err" 'lam-gi' "t1000.61 the message names the unknown command"
run --khong-co
is "$rc" 2 "t1000.62 an unknown global option exits 2"
like "$err" '--khong-co' "t1000.63 the message names the unknown option"
run init --khong-co
is "$rc" 2 "t1000.64 an unknown init option exits 2"
like "$err" '--khong-co' "t1000.65 the message names the unknown init option"
run init thua
is "$rc" 2 "t1000.66 a stray argument to init exits 2"
run init --unit
is "$rc" 2 "t1000.67 --unit without a value exits 2"
"$PHOIHOP" --lang en >/dev/null 2>&1
is "$?" 2 "t1000.68 no command exits 2"
run --lang fr --help
is "$rc" 2 "t1000.69 an unknown --lang exits 2"
like "$err" 'fr' "t1000.70 the message names the language"

# ---- tone placement of new text (issue 4)
fresh_db
like "$(ph init)" "as typed" "t1000.71 new text keeps its tone placement by default"
id=$(ph letter add --direction in --date 02/01/2026 --from 'Công an tỉnh' \
    --subject 'Về thuỷ lợi và hòa giải' 2>/dev/null)
is "$(ph letter show "$id" --format tsv | tail -n 1 | cut -f 10)" \
    'Về thuỷ lợi và hòa giải' "t1000.72 ... so a subject is stored as typed"
run init --tone-style new
is "$rc" 0 "t1000.73 init --tone-style new exits 0"
like "$out" "new style (hoà, thuỷ)" "t1000.74 ... and says so"
id2=$(ph letter add --direction in --date 02/01/2026 --from 'Công an tỉnh' \
    --subject 'Về thủy lợi và hòa giải' 2>/dev/null)
is "$(ph letter show "$id2" --format tsv | tail -n 1 | cut -f 10)" \
    'Về thuỷ lợi và hoà giải' "t1000.75 a new letter is stored in the new style"
is "$(ph letter show "$id" --format tsv | tail -n 1 | cut -f 10)" \
    'Về thuỷ lợi và hòa giải' "t1000.76 the letter stored before is not rewritten"
run init --tone-style old
id3=$(ph letter add --direction in --date 02/01/2026 --from 'Công an tỉnh' \
    --subject 'Về thuỷ lợi và hoà giải' 2>/dev/null)
is "$(ph letter show "$id3" --format tsv | tail -n 1 | cut -f 10)" \
    'Về thủy lợi và hòa giải' "t1000.77 with --tone-style old: the old style"
before=$(dbsum)
run init --tone-style moi-nhat
is "$rc" 1 "t1000.78 an unknown tone style exits 1"
like "$err" 'moi-nhat' "t1000.79 ... naming it"
is "$(dbsum)" "$before" "t1000.80 ... and changes nothing"

done_testing
