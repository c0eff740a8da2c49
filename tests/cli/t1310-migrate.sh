#!/bin/sh
# t1310-migrate.sh -- a database of an older schema (tests/data/schema-1.sql,
# made by phoihop 0.1.0 before the flow tables) is upgraded on open, in one
# transaction, keeping every letter, number counter and event; a read-only
# open does not upgrade it and says why.
. "$PH_SRCDIR/tests/lib-cli.sh"

[ -n "$PY" ] || skip_all "python3 not installed (needed to build the old database)"
plan 13

mkold () {	# mkold FILE: the schema-1 database from its SQL dump
	rm -f "$1" "$1-wal" "$1-shm"
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2], encoding="utf-8").read())
c.commit()' "$1" "$PH_SRCDIR/tests/data/schema-1.sql"
}
ask () {	# ask FILE SQL: one value
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print("|".join("" if v is None else str(v) for v in c.execute(sys.argv[2]).fetchone()))' "$1" "$2"
}

mkold "$DB"
is "$(ask "$DB" 'PRAGMA user_version')" 1 "t1310.1 the fixture is a schema-1 database"

# A read-only listing cannot upgrade: it says so and leaves the file.
cp "$DB" old.copy
chmod 444 "$DB"
run letter list --format tsv
is "$rc" 1 "t1310.2 a read-only old database is refused"
like "$err" "upgrad" "t1310.3 ... saying it needs upgrading"
cmp -s "$DB" old.copy
ok $? "t1310.4 ... and left byte for byte as it was"
chmod 644 "$DB"

run letter list --format tsv
is "$rc" 0 "t1310.5 opening it for writing upgrades it"
is "$(ask "$DB" 'PRAGMA user_version')" 3 "t1310.6 it is now schema 3"
is "$(printf '%s\n' "$out" | cut -f 1,3,4 | tail -n 2 | tr '\n' ' ')" \
    "1	1	125-CV/ĐUCA 2	1	01-BC/ĐU " "t1310.7 both letters are kept, with their numbers"
is "$(ask "$DB" 'SELECT count(*) FROM events')" 4 "t1310.8 the event log is kept"
is "$(ask "$DB" "SELECT count(*) FROM sqlite_schema WHERE name IN ('case_actions', 'obligations', 'periodic_rules', 'escalation_steps', 'agreement_items')")" \
    5 "t1310.9 the flow tables were added"
# Migration 3 indexed the letters that were already there.
is "$(ph search --format tsv 'nhan su cap uy' | sed 1d | cut -f 1)" 1 \
    "t1310.12 the upgrade indexed the old letters: search finds letter 1"
is "$(ph search --format tsv 'so:01-BC' | sed 1d | cut -f 1)" 2 \
    "t1310.13 ... and letter 2 by its number"
# The counters moved on from where schema 1 left them.
id=$(ph letter add --direction out --date 20/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v báo cáo kết quả 11 tháng' --type BC 2>/dev/null)
is "$(ph letter show "$id" --format tsv | tail -n 1 | cut -f 4)" "02-BC/ĐU" \
    "t1310.10 the old counters go on: the next BC is 02-BC/ĐU"
in=$(ph letter add --direction in --date 18/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --subject 'V/v tham gia ý kiến' 2>/dev/null)
is "$(ph letter show "$in" --format tsv | tail -n 1 | cut -f 3)" 2 \
    "t1310.11 ... and số đến 2 follows số đến 1"
done_testing
