#!/bin/sh
# t2010-search-cli.sh -- "phoihop search" as a command: flags and their
# errors, output formats, and the index kept in step with every change to
# a letter's text (edit, delete, reply, organization rename, rollback),
# plus "phoihop text" and "letter add --encoding".  The quality of the
# ranking is t2000's business.

. "$PH_SRCDIR/tests/lib-cli.sh"

fresh_db
add () {	# add SUBJECT [FLAGS...]: an incoming letter, prints its id
	_s=$1
	shift
	ph letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
	    --subject "$_s" "$@" 2>/dev/null
}
ids () {	# ids QUERY...: the ids found, one line, best first
	ph search --format tsv "$@" | sed 1d | cut -f 1 | tr '\n' ' ' |
	    sed 's/ $//'
}

a=$(add 'V/v bảo đảm an ninh trật tự dịp Tết')
b=$(add 'V/v tổng kết công tác dân vận' --number '12-CV/ĐUCA' --type CV)
c=$(add 'V/v hướng dẫn chuyển đổi số')

# ---- formats
run search --format tsv 'an ninh'
is "$rc" 0 "t2010.1 search exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "$(printf 'id\tnumber\tdate\tissuer\tsubject\tscore\tsnippet')" \
    "t2010.2 the tsv header is id number date issuer subject score snippet"
is "$(printf '%s\n' "$out" | sed 1d | cut -f 1)" "$a" \
    "t2010.3 the hit is the letter with the words"
like "$(printf '%s\n' "$out" | sed 1d | cut -f 7)" '[an] [ninh]' \
    "t2010.4 the snippet marks the matched words"
like "$(printf '%s\n' "$out" | sed 1d | cut -f 4)" 'Công an tỉnh' \
    "t2010.5 the issuer is shown"
run search 'an ninh'
like "$out" "1 of 1 letter found" "t2010.6 the table ends with the count"
run search 'khong co chu nay'
is "$rc" 0 "t2010.7 no hit is not an error"
like "$out" "No letter matches" "t2010.8 ... and says so"
if [ "$have_py" = 1 ]; then
	ph search --format json 'V/v' >out.json
	"$PY" -c 'import json, sys
d = json.load(open("out.json"))
assert isinstance(d, list) and len(d) == 3, d
assert set(d[0]) == {"id", "number", "date", "issuer", "subject", "score", "snippet"}, d[0]
' 2>py.err
	ok $? "t2010.9 json: a list of hits with the seven keys"
else
	skip "t2010.9 json: a list of hits with the seven keys" "no python3"
fi
is "$(ids --limit 2 'V/v' | wc -w | tr -d ' ')" 2 "t2010.10 --limit 2 gives two hits"
is "$(ids --limit 2 --offset 2 'V/v' | wc -w | tr -d ' ')" 1 \
    "t2010.11 --offset 2 gives the third"
is "$(ids 'so:12-CV')" "$b" "t2010.12 so: finds by document number"
is "$(ids 'loai:cv')" "$b" "t2010.63 loai: finds by type, in any case"
is "$(ids 'loai:CV V/v')" "$b" "t2010.64 ... beside words too"
is "$(ids -- '-loai:CV V/v' | wc -w | tr -d ' ')" 2 "t2010.65 -loai: leaves that type out"
run search --explain 'an ninh'
like "$err" '"an" AND "ninh"' "t2010.13 --explain shows the index query"

# ---- flag errors change nothing and name the value
before=$(dbsum)
run search --limit 0 'an'
is "$rc" 1 "t2010.14 --limit 0 exits 1"
like "$err" '0' "t2010.15 ... naming the value"
run search --limit abc 'an'
is "$rc" 1 "t2010.16 --limit abc exits 1"
run search
is "$rc" 2 "t2010.17 no query exits 2"
run search --exact --regex 'an'
is "$rc" 2 "t2010.18 --exact with --regex exits 2"
run search --format xml 'an'
is "$rc" 1 "t2010.19 an unknown format exits 1"
like "$err" 'xml' "t2010.20 ... naming it"
run search 'ngay:2026-13'
is "$rc" 1 "t2010.21 a bad date in ngay: exits 1"
like "$err" '2026-13' "t2010.22 ... naming it"
run search 'tt:bay-gio'
is "$rc" 1 "t2010.23 an unknown status exits 1"
run search --regex 'a{2,1}'
is "$rc" 1 "t2010.24 a bad regex exits 1"
like "$err" 'offset' "t2010.25 ... with the offset PCRE2 gives"
is "$(dbsum)" "$before" "t2010.26 failed searches changed nothing"
run --lang vi search 'ngay:2026-13'
like "$err" 'vị trí' "t2010.27 the position is told in Vietnamese too"

# ---- the index follows the letters
ph letter edit "$a" --subject 'V/v bảo đảm trật tự giao thông' >/dev/null 2>&1
# (A word of three letters: a longer one that no letter has any more
# would still meet its neighbours one edit away, as a typo would.)
is "$(ids 'dip tet')" "" "t2010.28 after an edit the old words are gone"
is "$(ids 'giao thong')" "$a" "t2010.29 ... and the new ones found"
ph letter edit "$c" --note 'đã chuyển đồng chí Hùng' >/dev/null 2>&1
is "$(ids 'dong chi hung')" "$c" "t2010.30 notes are searched"
ph org edit 'Công an tỉnh' --name 'Công an tỉnh Bình Dương' >/dev/null 2>&1
is "$(ids 'tu:"binh duong"' | wc -w | tr -d ' ')" 3 \
    "t2010.31 a renamed issuer is found under its new name"
is "$(ids 'tu:"cong an tinh" -binh' | wc -w | tr -d ' ')" 0 \
    "t2010.32 ... and no letter keeps the old name alone"
ph letter delete "$b" >/dev/null 2>&1
is "$(ids 'dan van')" "" "t2010.33 a deleted letter is not found"
r=$(ph letter reply "$c" --date 12/11/2026 --to 'Công an tỉnh Bình Dương' \
    --subject 'V/v trả lời về chuyển đổi số' 2>/dev/null)
is "$(ids 'tra loi chuyen doi so')" "$r" "t2010.34 a reply is found"
# A command that fails leaves the index as the letters are.
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v thử nghiệm hoàn tác' --type KHONGCO
is "$rc" 1 "t2010.35 a letter add with a bad type fails"
is "$(ids 'thu nghiem hoan tac')" "" "t2010.36 ... and nothing of it is found"
if [ "$have_py" = 1 ]; then
	"$PY" - "$DB" <<'EOF' 2>py.err
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
terms = {r[0] for r in db.execute("SELECT term FROM search_terms")}
# Words of the letters are listed; those of the failed add are not.
assert {"giao", "thong", "hung", "binh", "duong"} <= terms, terms
assert not {"hoan", "nghiem"} & terms, terms
EOF
	ok $? "t2010.37 the term list holds the letters' words, not a failed add's"
else
	skip "t2010.37 the term list holds the letters' words, not a failed add's" "no python3"
fi

# ---- filters on open cases (they start from the open cases, not the words)
ph letter edit "$a" --reply-required --due 16/11/2026 >/dev/null 2>&1
is "$(ids 'giao thong tt:qua-han')" "$a" "t2010.66 tt:qua-han with words finds the overdue case"
is "$(ids 'giao thong tt:cho-tra-loi')" "$a" "t2010.67 tt:cho-tra-loi too"
is "$(ids 'giao thong tt:dang-mo')" "$a" "t2010.68 tt:dang-mo too"
is "$(ids 'chuyen doi so tt:qua-han')" "" "t2010.69 ... and not a letter without a case"
is "$(ids 'giao thong -tt:qua-han')" "" "t2010.70 -tt:qua-han leaves it out"
run search 'giao thong tt:qua-han'
like "$out" "1 of 1 letter found" "t2010.71 ... and the count agrees"

# ---- the index made again
run search --rebuild
is "$rc" 0 "t2010.60 search --rebuild exits 0"
is "$(ids 'giao thong')" "$a" "t2010.61 ... and the letters are found as before"
run search --rebuild 'an'
is "$rc" 2 "t2010.62 --rebuild with a query exits 2"

# ---- a closed register (no write bits) is searched read-only
cp "$DB" closed.db
chmod 444 closed.db
is "$("$PHOIHOP" --db closed.db --lang en search --format tsv 'giao thong' |
    sed 1d | cut -f 1)" "$a" "t2010.38 a read-only register is searched"

# ---- text
is "$(ph text telex 'Ddangr uyr xax Taan Tieens')" 'Đảng ủy xã Tân Tiến' \
    "t2010.39 text telex"
is "$(ph text telex --style new 'hoaf thuyr')" 'hoà thuỷ' \
    "t2010.40 text telex --style new"
is "$(ph text vni 'Vie65t Nam')" 'Việt Nam' "t2010.41 text vni"
is "$(ph text fold 'Đảng ỦY Hòa')" 'dang uy hoa' "t2010.42 text fold"
is "$(ph text style new 'Hòa bình, thủy lợi, quý')" 'Hoà bình, thuỷ lợi, quý' \
    "t2010.43 text style new"
run text style mới 'hoà'
is "$out" 'hoà' "t2010.44 text style takes the Vietnamese name"
run text style sai 'hoà'
is "$rc" 1 "t2010.45 an unknown style exits 1"
run text
is "$rc" 2 "t2010.46 text without a subcommand exits 2"
run text encode tcvn3.txt
is "$rc" 2 "t2010.47 text encode without --encoding exits 2"

# ---- letter add --encoding
printf 'Kính gửi: Đảng ủy xã Tân Tiến về việc bảo đảm an ninh.\n' >u8.txt
ph text encode --encoding tcvn3 u8.txt >tcvn3.txt
ph text encode --encoding vni u8.txt >vni.txt
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v văn bản TCVN3' --body-file tcvn3.txt
is "$rc" 0 "t2010.48 a TCVN3 body is taken"
like "$err" 'tcvn3' "t2010.49 ... and the encoding found is reported"
t=$out
is "$(ph letter show "$t" --format json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["body"])' 2>/dev/null)" \
    "$(cat u8.txt)" "t2010.50 ... stored as UTF-8"
is "$(ids 'tu:"cong an" TCVN3 dang uy')" "$t" "t2010.51 ... and found"
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v văn bản VNI' --body-file vni.txt --encoding vni
is "$rc" 0 "t2010.52 --encoding vni is taken"
unlike "$err" 'confidence' "t2010.53 ... with no guess to report"
before=$(dbsum)
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v sai' --body-file tcvn3.txt --encoding utf-8
is "$rc" 1 "t2010.54 a TCVN3 file read as utf-8 is refused"
like "$err" 'offset' "t2010.55 ... naming the offset"
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v sai' --encoding tcvn3
is "$rc" 2 "t2010.56 --encoding without --body-file exits 2"
run letter add --direction in --date 10/11/2026 --from 'Công an tỉnh' \
    --subject 'V/v sai' --body-file u8.txt --encoding koi8
is "$rc" 1 "t2010.57 an unknown encoding exits 1"
like "$err" 'koi8' "t2010.58 ... naming it"
is "$(dbsum)" "$before" "t2010.59 the refused letters changed nothing"

done_testing
