#!/bin/sh
# t1010-org.sh -- "phoihop org add|list|show|edit".
#
# An organization is found by its id, its name (whatever the case and
# Unicode form it is typed in), its short name or its code; two
# organizations cannot have the same name.
. "$PH_SRCDIR/tests/lib-cli.sh"

# The interpreter itself, not a shim in front of it.
json_ok () { printf '%s\n' "$1" |
    "$PY" -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; }
# The id of the organization that KEY finds, or "none".
find_id () {
	ph org show "$1" --format tsv 2>/dev/null | sed -n 2p | cut -f1 |
	    grep . || echo none
}

CA='Đảng ủy Công an tỉnh'
# The same name in NFD: a + U+0309, u + U+0309, o + U+0302, i + U+0309.
CA_NFD=$(printf '\304\220a\314\211ng u\314\211y Co\314\202ng an ti\314\211nh')

fresh_db

# ---- add
run org add "$CA" --short 'ĐU Công an' --code 'ĐUCA' --level 'cấp tỉnh' \
    --contact 'Số 1 đường Hoàng Đình Giong'
is "$rc" 0 "t1010.1 org add exits 0"
case $out in
''|*[!0-9]*) r=1 ;;
*) r=0 ;;
esac
ok $r "t1010.2 org add prints only the new id on stdout ($out)"
CA_ID=$out
run org add 'Công an xã Tân Tiến' --superior 'ĐUCA'
is "$rc" 0 "t1010.3 org add --superior exits 0"
XA_ID=$out
run org add 'Ban Tổ chức Huyện ủy'
BTC_ID=$out

# ---- show and the formats
run org show "$CA_ID" --format tsv
is "$(printf '%s\n' "$out" | sed -n 1p)" \
    "id	name	short_name	code	level	superior	contact	is_self	letters" \
    "t1010.4 org show tsv header, in order"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "$CA_ID	$CA	ĐU Công an	ĐUCA	cấp tỉnh		Số 1 đường Hoàng Đình Giong	0	0" \
    "t1010.5 every field is stored and shown in tsv"
run org show "$XA_ID"
like "$out" "$CA" "t1010.6 org show table names the superior"
like "$(printf '%s\n' "$out" | grep '^Superior:')" "$CA" \
    "t1010.7 ... on the Superior: line"
run org show "$CA_ID"
like "$out" 'Số 1 đường Hoàng Đình Giong' "t1010.8 org show table shows the contact"
run org show "$CA_ID" --format json
if [ $have_py -eq 1 ]; then
	json_ok "$out"
	ok $? "t1010.9 org show --format json is valid JSON"
else
	skip "t1010.9 org show --format json is valid JSON" "no python3"
fi
like "$out" "\"name\":\"$CA\"" "t1010.10 org show json has the name as UTF-8"
like "$out" '"code":"ĐUCA"' "t1010.11 org show json has the code"

# ---- list
run org list --format tsv
is "$(nlines "$out")" 5 "t1010.12 org list tsv: a header and 4 rows (our unit too)"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -f2,8)" \
    "Đảng ủy xã Tân Tiến	1" "t1010.13 our own unit comes first, is_self 1"
run org list --format json
if [ $have_py -eq 1 ]; then
	n=$(printf '%s\n' "$out" | "$PY" -c \
	    'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null)
	is "$n" 4 "t1010.14 org list --format json is a JSON array of 4"
else
	skip "t1010.14 org list --format json is a JSON array of 4" "no python3"
fi
run org list
is "$rc" 0 "t1010.15 org list (table) exits 0"
like "$out" 'Ban Tổ chức Huyện ủy' "t1010.16 the table lists the organizations"
run org list --format xml
is "$rc" 1 "t1010.17 an unknown --format is a bad value: exit 1"
like "$err" 'xml' "t1010.18 the message names the format"

# ---- finding an organization
is "$(find_id "$CA")" "$CA_ID" "t1010.19 found by its name"
is "$(find_id 'ĐU Công an')" "$CA_ID" "t1010.20 found by its short name"
is "$(find_id 'ĐUCA')" "$CA_ID" "t1010.21 found by its code"
is "$(find_id 'đuca')" "$CA_ID" "t1010.22 found by its code in lower case"
is "$(find_id 'ĐẢNG ỦY CÔNG AN TỈNH')" "$CA_ID" "t1010.23 found by its name in upper case"
is "$(find_id 'đảng ủy công an tỉnh')" "$CA_ID" "t1010.24 found by its name in lower case"
is "$(find_id "$CA_NFD")" "$CA_ID" "t1010.25 found by its name typed in NFD"
is "$(find_id 'Đảng  ủy  Công an tỉnh')" "$CA_ID" "t1010.26 found despite doubled spaces"
is "$(find_id "$BTC_ID")" "$BTC_ID" "t1010.27 found by its id"
run org show 'Ban Dân vận Huyện ủy'
is "$rc" 1 "t1010.28 an unknown organization exits 1"
like "$err" 'Ban Dân vận Huyện ủy' "t1010.29 the message names it"
is "$(nlines "$err")" 1 "t1010.30 the message is one line"
run org show 999
is "$rc" 1 "t1010.31 an unknown id exits 1"
like "$err" '999' "t1010.32 the message names the id"

# ---- names are unique, whatever their form
before=$(dbsum)
run org add "$CA"
is "$rc" 1 "t1010.33 a duplicate name exits 1"
like "$err" "$CA" "t1010.34 the message names the duplicate"
run org add 'ĐẢNG ỦY CÔNG AN TỈNH'
is "$rc" 1 "t1010.35 a duplicate name in another case exits 1"
run org add "$CA_NFD"
is "$rc" 1 "t1010.36 a duplicate name in NFD exits 1"
run org add 'Ban Dân vận Huyện ủy' --superior 'Huyện ủy Hòa An'
is "$rc" 1 "t1010.37 an unknown --superior exits 1"
like "$err" 'Huyện ủy Hòa An' "t1010.38 the message names the superior"
is "$(dbsum)" "$before" "t1010.39 the refused adds changed nothing"

# ---- NFD names are stored as NFC
run org add "$(printf 'Ban Tuye\314\202n gia\314\201o Huye\314\243\314\202n u\314\211y')"
TG_ID=$out
is "$(ph org show "$TG_ID" --format tsv | sed -n 2p | cut -f2)" \
    'Ban Tuyên giáo Huyện ủy' "t1010.40 a name typed in NFD is stored in NFC"

# ---- edit
run org edit 'ĐUCA' --name 'Đảng ủy Công an tỉnh Cao Bằng'
is "$rc" 0 "t1010.41 org edit --name exits 0"
is "$out" "" "t1010.42 org edit prints nothing on stdout"
is "$(ph org show "$CA_ID" --format tsv | sed -n 2p)" \
    "$CA_ID	Đảng ủy Công an tỉnh Cao Bằng	ĐU Công an	ĐUCA	cấp tỉnh		Số 1 đường Hoàng Đình Giong	0	0" \
    "t1010.43 edit --name changes the name only"
is "$(find_id "$CA")" none "t1010.44 the old name no longer finds it"
is "$(ph org show "$XA_ID" --format tsv | sed -n 2p | cut -f6)" \
    'Đảng ủy Công an tỉnh Cao Bằng' "t1010.45 the superior of another shows the new name"
before=$(dbsum)
run org edit "$CA_ID" --name 'ban tổ chức huyện ủy'
is "$rc" 1 "t1010.46 edit --name to a name taken exits 1"
like "$err" 'ban tổ chức huyện ủy' "t1010.47 the message names it"
is "$(dbsum)" "$before" "t1010.48 the refused edit changed nothing"
run org edit 'Ban Dân vận Huyện ủy' --level 'cấp huyện'
is "$rc" 1 "t1010.49 edit of an unknown organization exits 1"
like "$err" 'Ban Dân vận Huyện ủy' "t1010.50 the message names it"

# Edits without --name must change only what they name.
run org edit "$TG_ID" --level 'cấp huyện'
is "$rc" 0 "t1010.51 org edit --level alone exits 0"
is "$(ph org show "$TG_ID" --format tsv | sed -n 2p | cut -f2,5)" \
    'Ban Tuyên giáo Huyện ủy	cấp huyện' "t1010.52 edit --level sets the level, keeps the name"
run org edit "$TG_ID" --superior "$BTC_ID"
is "$rc" 0 "t1010.53 org edit --superior alone exits 0"
is "$(ph org show "$TG_ID" --format tsv | sed -n 2p | cut -f6)" \
    'Ban Tổ chức Huyện ủy' "t1010.54 edit --superior sets the superior"
run org edit "$TG_ID" --short 'BTG' --code 'BTGHU'
is "$(find_id 'btghu')" "$TG_ID" "t1010.55 edit --code makes it findable by the new code"
before=$(dbsum)
run org edit "$TG_ID" --name 'Ban Tuyên giáo Huyện ủy' --superior "$TG_ID"
is "$rc" 1 "t1010.56 an organization cannot be its own superior"
like "$err" 'superior' "t1010.57 the message says why"
is "$(dbsum)" "$before" "t1010.58 ... and nothing changed"

# ---- usage errors
run org add 'Ban Dân vận Huyện ủy' --name 'Ban Dân vận'
is "$rc" 2 "t1010.59 org add --name exits 2 (the name is the argument)"
run org add
is "$rc" 2 "t1010.60 org add without a name exits 2"
run org show
is "$rc" 2 "t1010.61 org show without an organization exits 2"
run org
is "$rc" 2 "t1010.62 org without a subcommand exits 2"
run org xoa "$CA_ID"
is "$rc" 2 "t1010.63 an unknown subcommand exits 2"
like "$err" 'xoa' "t1010.64 the message names it"

# ---- the letters column counts letters from the organization
ph letter add --direction in --date 15/11/2026 --from 'ĐUCA' \
    --subject 'V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ' \
    >/dev/null 2>&1
is "$(ph org show "$CA_ID" --format tsv | sed -n 2p | cut -f9)" 1 \
    "t1010.65 a letter --from the code counts for that organization"
is "$(ph org list --format tsv | wc -l | tr -d ' ')" 6 \
    "t1010.66 --from by code made no new organization"

done_testing
