#!/bin/sh
# t1300-store-files.sh -- the database file as SQLite sees it.
#
# WAL journal, schema version 3 in user_version, 128-bit random uids in
# hex, an event for every insert, update and delete, naming who did it.
# init creates the schema in an empty file and never migrates twice.
# python3's sqlite3 only looks inside (read-only); the checks that need it
# are SKIPs without it.
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it: it is run often.

# ask FILE: run the queries on stdin, one a line, read-only, in one
# python3; print one answer a line (rows joined by ";", fields by "|").
ask () {
	[ $have_py -eq 1 ] || return 0
	"$PY" -c '
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for q in sys.stdin.read().splitlines():
    try:
        rows = c.execute(q).fetchall()
        print(";".join("|".join("" if v is None else str(v) for v in r)
            for r in rows))
    except Exception as e:
        print("error: %s" % e)
c.close()' "$1" 2>&1
}
# check N WANT NAME: answer N of $ans is WANT (a SKIP without python3).
check () {
	if [ $have_py -eq 1 ]; then
		is "$(printf '%s\n' "$ans" | sed -n "$1p")" "$2" "$3"
	else
		skip "$3" "no python3 with sqlite3"
	fi
}

CA='Đảng ủy Công an tỉnh'
SUBJ='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'

fresh_db
L1=$(ph letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$SUBJ" --reply-required --due 30/11/2026 2>/dev/null)
L2=$(ph letter add --direction out --date 18/11/2026 --to "$CA" \
    --subject 'V/v báo cáo công tác tháng 11' 2>/dev/null)
ph letter edit "$L1" --handler 'Trần Thị Bình' 2>/dev/null
ph letter delete "$L2" 2>/dev/null

# ---- the file, its uids and events
ans=$(ask "$DB" <<EOF
PRAGMA journal_mode
PRAGMA user_version
PRAGMA integrity_check
SELECT count(*) FROM pragma_foreign_key_check
SELECT application_id != 0 FROM pragma_application_id
SELECT count(*) FROM letters WHERE length(uid) != 32 OR uid GLOB '*[^0-9a-f]*'
SELECT count(*) FROM letters
SELECT count(*) FROM organizations WHERE length(uid) != 32 OR uid GLOB '*[^0-9a-f]*'
SELECT count(*) FROM events WHERE length(uid) != 32 OR uid GLOB '*[^0-9a-f]*'
SELECT count(DISTINCT uid) = count(*) FROM (SELECT uid FROM letters UNION ALL SELECT uid FROM organizations UNION ALL SELECT uid FROM events)
SELECT group_concat(action, ' ') FROM (SELECT action FROM events WHERE entity = 'letter' AND entity_id = $L1 ORDER BY id)
SELECT group_concat(action, ' ') FROM (SELECT action FROM events WHERE entity = 'letter' AND entity_id = $L2 ORDER BY id)
SELECT count(*) FROM events WHERE entity = 'organization' AND action = 'insert'
SELECT group_concat(DISTINCT who) FROM events
SELECT group_concat(DISTINCT substr(at, 1, 19)) FROM events
SELECT coalesce(json_extract(before, '\$.handler'), '') || '|' || json_extract(after, '\$.handler') FROM events WHERE action = 'update' AND entity_id = $L1
SELECT json_extract(before, '\$.subject') || '|' || (after IS NULL) FROM events WHERE action = 'delete'
SELECT count(*) FROM events WHERE entity = 'letter' AND entity_uid = (SELECT uid FROM letters WHERE id = $L1)
SELECT max(last) FROM counters WHERE series LIKE 'out/%'
EOF
)
check 1 wal "t1300.1 the journal mode is WAL"
check 2 3 "t1300.2 the schema version (user_version) is 3"
check 3 ok "t1300.3 the database passes integrity_check"
check 4 0 "t1300.4 no foreign key is broken"
check 5 1 "t1300.5 the file has an application_id"
check 6 0 "t1300.6 every letter has a uid of 32 lower-case hex digits"
check 7 1 "t1300.7 (one letter is left to check)"
check 8 0 "t1300.8 every organization has a uid of 32 hex digits"
check 9 0 "t1300.9 every event has a uid of 32 hex digits"
check 10 1 "t1300.10 no two uids are the same"
check 11 'insert update' "t1300.11 the edited letter has an insert and an update event"
check 12 'insert delete' "t1300.12 the deleted letter has an insert and a delete event"
check 13 2 "t1300.13 our unit and the issuer have an insert event each"
check 14 "$(id -un)" "t1300.14 every event names who did it: $(id -un)"
check 15 '2026-11-20T09:00:00' "t1300.15 events are stamped with the (pinned) clock"
check 16 '|Trần Thị Bình' "t1300.16 the update event holds the letter before and after"
check 17 'V/v báo cáo công tác tháng 11|1' \
    "t1300.17 the delete event holds the letter before, no after"
check 18 2 "t1300.18 events name the letter by its uid too"
check 19 1 "t1300.19 the outgoing counter is at 1 after one letter (since deleted)"

# ---- numbers and ids are not given again
L3=$(ph letter add --direction out --date 19/11/2026 --to "$CA" \
    --subject 'V/v báo cáo công tác tháng 11' 2>/dev/null)
is "$(ph letter show "$L3" --format tsv | sed -n 2p | cut -f4)" '02-CV/ĐU' \
    "t1300.20 the number of the deleted letter is not given again"
[ "$L3" -gt "$L2" ]
ok $? "t1300.21 nor is its id ($L3 > $L2)"

# ---- init on an SQLite file with no tables
if [ $have_py -eq 1 ]; then
	"$PY" -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE t (x)")
c.execute("DROP TABLE t")
c.commit()
c.close()' empty-schema.db
	ans=$(printf '%s\n' 'PRAGMA user_version' \
	    'SELECT count(*) FROM sqlite_schema' | ask empty-schema.db)
	check 1 0 "t1300.22 (an SQLite file at user_version 0 ...)"
	check 2 0 "t1300.23 (... with no tables)"
	cp empty-schema.db empty-schema.copy
	run --db empty-schema.db letter list
	is "$rc" 1 "t1300.24 letter list on it exits 1: not yet a phoihop database"
	cmp -s empty-schema.db empty-schema.copy
	ok $? "t1300.25 ... and leaves it alone"
	run --db empty-schema.db init --unit 'Đảng ủy xã Tân Tiến' --code 'ĐU'
	is "$rc" 0 "t1300.26 init on it exits 0"
	ans=$(printf '%s\n' 'PRAGMA user_version' \
	    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('letters', 'organizations', 'events', 'counters', 'attachments', 'letter_recipients')" |
	    ask empty-schema.db)
	check 1 3 "t1300.27 init brings it to schema 3"
	check 2 6 "t1300.28 init created the tables"
	run --db empty-schema.db letter add --direction in --date 15/11/2026 \
	    --from "$CA" --subject "$SUBJ"
	is "$rc" 0 "t1300.29 the new database takes a letter"
else
	for c in 22 23 24 25 26 27 28 29; do
		skip "t1300.$c init on an SQLite file with no tables" \
		    "no python3 with sqlite3"
	done
fi

# ---- init on a file of 0 bytes
: >zero.db
run --db zero.db init
is "$rc" 0 "t1300.30 init on a file of 0 bytes exits 0"
ans=$(echo 'PRAGMA user_version' | ask zero.db)
check 1 3 "t1300.31 ... and makes it a database of schema 3"
run --db zero.db letter add --direction in --date 15/11/2026 --from "$CA" \
    --subject "$SUBJ"
is "$rc" 0 "t1300.32 ... which takes a letter"

# ---- reopening does not migrate again
SCHEMA='SELECT group_concat(type || name || coalesce(sql, ""), ";") FROM (SELECT * FROM sqlite_schema ORDER BY name)'
schema=$(echo "$SCHEMA" | ask "$DB")
run init
is "$rc" 0 "t1300.33 init on an existing database exits 0"
like "$out" "(schema 3)" "t1300.34 ... and says schema 3"
ans=$(printf '%s\n' "$SCHEMA" 'PRAGMA user_version' | ask "$DB")
check 1 "$schema" "t1300.35 ... and leaves the schema as it was (no second migration)"
check 2 3 "t1300.36 user_version is still 3"
is "$(ph letter list --format tsv | sed 1d | wc -l | tr -d ' ')" 2 \
    "t1300.37 the letters are still there"

done_testing
