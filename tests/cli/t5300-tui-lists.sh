#!/bin/sh
# t5300-tui-lists.sh -- the lists of the terminal UI through tmux: the
# registers filtered by organization (the issuer of an incoming letter,
# any recipient of an outgoing one, picked as its name is typed), by
# status (every letter, open cases, overdue, each status) and by year,
# paged and sorted with the filters on; the search screen's cursor at the
# query while the hits move, its highlighted words, its so: and tu:
# filters; and the bytes a move on the dashboard and a page of a filtered
# register cost at 80x24.

. "$PH_SRCDIR/tests/lib-cli.sh"

. "$PH_SRCDIR/tests/lib-tui.sh"

# ---- a register of two years: 46 incoming letters from four
# organizations, 33 outgoing to two (one in three to both)
fresh_db
i=1
while [ $i -le 30 ]; do
	n=$(printf '%02d' $i)
	y=2026
	[ $i -le 15 ] && y=2025
	d=$(printf '%02d/%02d/%d' $(((i * 7) % 27 + 1)) $(((i * 5) % 10 + 1)) $y)
	ph letter add --direction in --date "$d" --received "$d" \
	    --number "$n-CV/HND" --from 'Hội Nông dân xã' \
	    --subject "Nông dân thư số $n" >/dev/null 2>&1
	i=$((i + 1))
done
i=1
while [ $i -le 10 ]; do
	n=$(printf '%02d' $i)
	d=$(printf '%02d/%02d/2026' $i $((i % 9 + 1)))
	case $i in
	1|2|3|4) due='--due 10/11/2026' ;;
	5|6) due='--due 30/11/2026' ;;
	*) due= ;;
	esac
	if [ -n "$due" ]; then
		# shellcheck disable=SC2086
		id=$(ph letter add --direction in --date "$d" --received "$d" \
		    --number "$n-CV/BTG" --from 'Ban Tuyên giáo Huyện ủy' \
		    --subject "Tuyên giáo số $n" --reply-required $due 2>/dev/null)
		case $i in
		1) ph letter edit "$id" --status escalated >/dev/null 2>&1 ;;
		2) ph letter edit "$id" --status replied >/dev/null 2>&1 ;;
		esac
	else
		ph letter add --direction in --date "$d" --received "$d" \
		    --number "$n-CV/BTG" --from 'Ban Tuyên giáo Huyện ủy' \
		    --subject "Tuyên giáo số $n" >/dev/null 2>&1
	fi
	i=$((i + 1))
done
i=1
while [ $i -le 5 ]; do
	d=$(printf '%02d/03/2025' $i)
	ph letter add --direction in --date "$d" --received "$d" \
	    --from 'Công an xã' --subject "Công an gửi số 0$i" >/dev/null 2>&1
	i=$((i + 1))
done
ph letter add --direction in --date 06/03/2025 --received 06/03/2025 \
    --from 'Đảng ủy Công an tỉnh' --subject 'Công an tỉnh gửi' \
    >/dev/null 2>&1
id=$(ph letter list --direction in --format tsv 2>/dev/null |
    awk -F '\t' '$10 == "Nông dân thư số 07" { print $1 }')
ph letter edit "$id" --status resolved >/dev/null 2>&1
i=1
while [ $i -le 25 ]; do
	n=$(printf '%02d' $i)
	d=$(printf '%02d/%02d/2026' $(((i * 3) % 27 + 1)) $((i % 10 + 1)))
	to='Công an xã'
	[ $((i % 3)) -eq 0 ] && to='Ban Tuyên giáo Huyện ủy;Công an xã'
	ph letter add --direction out --date "$d" --to "$to" \
	    --subject "Gửi công an số $n" >/dev/null 2>&1
	i=$((i + 1))
done
i=1
while [ $i -le 8 ]; do
	ph letter add --direction out --date "0$i/06/2025" \
	    --to 'Ban Tuyên giáo Huyện ủy' --subject "Gửi tuyên giáo số 0$i" \
	    >/dev/null 2>&1
	i=$((i + 1))
done

# wait_for TEXT: poll the pane until it shows TEXT (about 5 s at most),
# then print it.
wait_for () {
	_i=0
	until $TM capture-pane -p -t t | grep -qF -- "$1"; do
		_i=$((_i + 1))
		[ $_i -ge 50 ] && break
		sleep 0.1
	done
	sleep 0.2
	$TM capture-pane -p -t t
}
# wait_gone TEXT: poll until the pane no longer shows TEXT, then print it.
wait_gone () {
	_i=0
	while $TM capture-pane -p -t t | grep -qF -- "$1"; do
		_i=$((_i + 1))
		[ $_i -ge 50 ] && break
		sleep 0.1
	done
	sleep 0.2
	$TM capture-pane -p -t t
}
# cursor: "FLAG X Y" of the terminal cursor (FLAG 1 when it shows).
cursor () {
	$TM display -p -t t '#{cursor_flag} #{cursor_x} #{cursor_y}'
}
# rows: the rows of the list on the screen S (those with a date).
rows () {
	printf '%s\n' "$1" | grep -E '^[> ][0-9 ]{5} +[0-9]{2}/[0-9]{2}/[0-9]{4}'
}
# listed OPTIONS: the letters "letter list" gives for OPTIONS, as rows
# "date<TAB>id<TAB>subject".
listed () {
	ph letter list --format tsv "$@" 2>/dev/null |
	    awk -F '\t' 'NR > 1 { print $6 "\t" $1 "\t" $10 }'
}
# bytes_of KEY: the bytes pressing KEY writes to the terminal.
bytes_of () {
	$TM pipe-pane -o -t t "cat >>'$PWD/bytes.log'"
	sleep 0.5
	: >bytes.log
	keys "$1"
	sleep 1
	$TM pipe-pane -t t
	wc -c <bytes.log | tr -d ' '
}

start C.UTF-8 80 24
s=$(wait_for 'Overdue: ours to answer')
like "$s" "Tuyên giáo số 03" "t5300.1 the dashboard lists the overdue requests"
down=$(bytes_of Down)
echo "# the dashboard, one line down: $down bytes"
ok "$([ "$down" -gt 0 ] && [ "$down" -lt 100 ]; echo $?)" \
    "t5300.2 one line down on the dashboard writes fewer than 100 bytes ($down)"

# ---- the incoming register by organization
keys F3
s=$(wait_for 'Incoming register')
like "$s" ")  46 letters" "t5300.3 F3: the incoming register, 46 letters"
unlike "$s" "Only:" "t5300.4 ... no filter said to be on"
keys o
s=$(wait_for 'Letters from')
like "$s" "Enter filters" "t5300.5 o asks for the organization"
keys -l 'nong dan'
s=$(wait_for 'Hội Nông dân xã')
like "$(printf '%s\n' "$s" | sed -n 3p)" "Hội Nông dân xã" \
    "t5300.6 ... typed without marks, the known name is offered under it"
set -- $(cursor)
is "$1:$3" "1:1" "t5300.7 ... the cursor shows, in the field"
keys Enter
s=$(wait_for 'Only: from Hội Nông dân xã')
like "$s" "Only: from Hội Nông dân xã" "t5300.8 Enter filters: the header says from whom"
like "$s" ")  30 letters" "t5300.9 ... and counts that organization's 30 letters"
r=$(rows "$s")
is "$(printf '%s\n' "$r" | wc -l | tr -d ' ')" 18 \
    "t5300.10 ... a screenful of 18 rows"
is "$(printf '%s\n' "$r" | grep -vc 'Nông dân thư số')" 0 \
    "t5300.11 ... every row that organization's"
like "$(printf '%s\n' "$r" | head -n 1)" "Nông dân thư số 30" \
    "t5300.12 ... the newest first (số đến, descending)"
set -- $(cursor)
is "$1" 0 "t5300.13 the cursor is hidden again in the list"

pg=$(bytes_of NPage)
s=$($TM capture-pane -p -t t)
echo "# a page down, filtered: $pg bytes"
ok "$([ "$pg" -gt 0 ] && [ "$pg" -lt 4096 ]; echo $?)" \
    "t5300.14 a page down with the filter on writes fewer than 4096 bytes ($pg)"
r=$(rows "$s")
like "$(printf '%s\n' "$r" | tail -n 1)" "Nông dân thư số 01" \
    "t5300.15 PgDn pages through the organization's letters to the first"
is "$(printf '%s\n' "$r" | grep -vc 'Nông dân thư số')" 0 \
    "t5300.16 ... still only that organization's"
keys NPage
s=$(wait_for 'Nông dân thư số 01')
like "$(rows "$s" | tail -n 1)" "Nông dân thư số 01" \
    "t5300.17 ... and stays at the end"
keys PPage
s=$(wait_for 'Nông dân thư số 30')
like "$(rows "$s" | head -n 1)" "Nông dân thư số 30" \
    "t5300.18 PgUp goes back to the newest"

# Sorted by date with the filter on: the order the CLI's dates give.
want=$(listed --direction in --from 'Hội Nông dân xã' | sort -t '	' -k1,1r -k2,2nr |
    cut -f 3)
keys s
s=$(wait_for 'sorted by date')
like "$s" "Only: from Hội Nông dân xã" "t5300.19 s sorts by date, the filter kept"
is "$(rows "$s" | sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/' | tr '\n' ' ')" \
    "$(printf '%s\n' "$want" | head -n 18 | tr '\n' ' ')" \
    "t5300.20 ... the newest dates first"
keys NPage
s=$(wait_for "$(printf '%s\n' "$want" | tail -n 1)")
is "$(rows "$s" | sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/' | tr '\n' ' ')" \
    "$(printf '%s\n' "$want" | tail -n 18 | tr '\n' ' ')" \
    "t5300.21 ... PgDn: the last screenful in date order"
keys S
s=$(wait_for 'ascending')
is "$(rows "$s" | head -n 1 | sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/')" \
    "$(printf '%s\n' "$want" | tail -n 1)" \
    "t5300.22 S reverses: the oldest date first"
keys S
sleep 0.2
# Back to the book's order: number is the first of the seven sorts.
for k in 1 2 3 4 5 6; do keys s; sleep 0.1; done
s=$(wait_for 'sorted by number')
keys o
s=$(wait_for ')  46 letters')
unlike "$s" "Only:" "t5300.23 o again shows every organization's letters"
like "$s" ")  46 letters" "t5300.24 ... all 46 of them"

# ---- the status filters
keys f
s=$(wait_for 'Only: open cases')
like "$s" ")  5 letters" "t5300.25 f: the open cases (awaiting, escalated), 5 letters"
is "$(rows "$s" | grep -Ecv '[*!] *$')" 0 \
    "t5300.26 ... each marked open (*) or overdue (!)"
keys f
s=$(wait_for 'Only: overdue cases')
like "$s" ")  2 letters" "t5300.27 f: the overdue cases, 2 letters"
like "$(rows "$s" | tr '\n' ' ')" "Tuyên giáo số 04" "t5300.28 ... the requests past 10/11/2026"
is "$(rows "$s" | grep -Ecv '! *$')" 0 "t5300.29 ... each marked !"
keys f
s=$(wait_for 'Only: registered')
like "$s" ")  39 letters" "t5300.30 f: then each status: registered, 39 letters"
keys f f f f f f
s=$(wait_for 'Only: resolved')
like "$s" ")  1 letter" "t5300.31 ... resolved: 1 letter"
like "$(rows "$s")" "Nông dân thư số 07" "t5300.32 ... the one resolved"
keys F F F F F F F F
s=$(wait_for 'Only: open cases')
like "$s" ")  5 letters" "t5300.33 F goes back to the open cases"
keys o
wait_for 'Letters from' >/dev/null
keys -l 'tuyen giao'
wait_for 'Ban Tuyên giáo Huyện ủy' >/dev/null
keys Enter
s=$(wait_for 'Only: from Ban Tuyên giáo Huyện ủy; open cases')
like "$s" "Only: from Ban Tuyên giáo Huyện ủy; open cases" \
    "t5300.34 an organization and a status together, both said"
like "$s" ")  5 letters" "t5300.35 ... 5 letters"
keys y
s=$(wait_for 'year 2026')
like "$s" "Only: from Ban Tuyên giáo Huyện ủy; open cases; year 2026" \
    "t5300.36 y adds the year to what the header says"
keys y y y y y y y y y y y
s=$(wait_gone 'year 20')
unlike "$s" "year 20" "t5300.37 ... and after ten years back, every year again"
keys o
sleep 0.3
keys F
s=$(wait_for ')  46 letters')
unlike "$s" "Only:" "t5300.38 o and F: every letter again"
keys q
sleep 0.3

# ---- the outgoing register: the organization is any recipient
keys F4
s=$(wait_for 'Outgoing register')
like "$s" ")  33 letters" "t5300.39 F4: the outgoing register, 33 letters"
keys o
wait_for 'Letters to' >/dev/null
keys -l 'cong an'
s=$(wait_for 'Đảng ủy Công an tỉnh')
like "$s" "Công an xã" "t5300.40 two organizations match 'cong an': both offered"
keys Enter
s=$(wait_for 'Several organizations match')
like "$s" "Letters to" "t5300.41 ... Enter asks to choose one, the prompt stays"
keys -l ' xa'
wait_for 'Letters to' >/dev/null
keys Enter
s=$(wait_for 'Only: to Công an xã')
like "$s" ")  25 letters" "t5300.42 to Công an xã: 25 letters"
r=$(rows "$s")
is "$(printf '%s\n' "$r" | grep -vc 'Gửi công an số')" 0 \
    "t5300.43 ... every row one sent to it"
like "$r" "Ban Tuyên" \
    "t5300.44 ... those where it is the second recipient too"
pg=$(bytes_of NPage)
echo "# a page down, outgoing, filtered: $pg bytes"
s=$($TM capture-pane -p -t t)
like "$(rows "$s" | tail -n 1)" "Gửi công an số 01" \
    "t5300.45 PgDn pages to the first letter sent to it"
ok "$([ "$pg" -gt 0 ] && [ "$pg" -lt 4096 ]; echo $?)" \
    "t5300.46 ... writing fewer than 4096 bytes ($pg)"
keys s s s
s=$(wait_for 'sorted by organization')
like "$s" ")  25 letters" "t5300.47 sorted by organization (the first recipient), still 25"
like "$(rows "$s" | head -n 1)" "Công an xã" \
    "t5300.48 ... descending: Công an xã first"
keys S
s=$(wait_for 'organization (ascending)')
like "$(rows "$s" | head -n 1)" "Ban Tuyên" \
    "t5300.49 ... S: Ban Tuyên giáo, the first recipient of one in three, first"
keys o
keys o
wait_for 'Letters to' >/dev/null
keys -l 'xyz'
s=$(wait_for "No known organization's name has these letters.")
like "$s" "No known organization's name has these letters." \
    "t5300.50 a name no organization has is said at once"
keys Enter
s=$(wait_for 'No known organization has that name.')
like "$s" "Letters to  xyz" "t5300.51 ... Enter refuses it, the typing kept"
keys Escape
s=$(wait_for ')  33 letters')
unlike "$s" "Only:" "t5300.52 Esc leaves the register unfiltered"
keys q
sleep 0.3

# ---- search: the cursor at the query, the hits highlighted, filters
keys F5
wait_for 'Find:' >/dev/null
keys -l 'nong dan'
s=$(wait_for 'letters found')
like "$s" "30 letters found" "t5300.53 search as you type: 30 letters"
set -- $(cursor)
is "$*" "1 14 1" "t5300.54 the cursor shows at the end of the query (col 14, row 1)"
e=$(ecapture 0.2)
ESC=$(printf '\033')
printf '%s\n' "$e" | grep -Eq "$ESC\\[([0-9]*;)*4[;m][^$ESC]*N[ôo]ng"
ok $? \
    "t5300.55 the matched words are highlighted (underlined) in the snippets"
sel1=$(printf '%s\n' "$s" | sed -n 4p)
keys Down
s=$(wait_for 'letters found')
set -- $(cursor)
is "$*" "1 14 1" "t5300.56 Down moves the selection, the cursor stays at the query"
second=$(printf '%s\n' "$s" | sed -n 6p | sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/')
keys -l ' 2'
wait_for 'Find: nong dan 2' >/dev/null
keys BSpace BSpace
s=$(wait_for '30 letters found')
set -- $(cursor)
is "$*" "1 14 1" "t5300.57 typing still goes to the query"
keys Down
sleep 0.3
keys Enter
s=$(wait_for 'From:')
like "$s" "$second" "t5300.58 Enter opens the selected hit (the second)"
keys Escape
s=$(wait_for 'letters found')
set -- $(cursor)
is "$1:$3" "1:1" "t5300.59 back in the search, the cursor at the query again"
# Down past the screenful (9 hits at 80x24): the hits scroll, the
# selection stays in view, at the bottom, and Enter opens that one.
first=$($TM capture-pane -p -t t | sed -n 4p |
    sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/')
keys Down Down Down Down Down Down Down Down Down
sleep 0.5
s=$($TM capture-pane -p -t t)
last=$(printf '%s\n' "$s" | sed -n 20p | sed 's/.*\(Nông dân thư số [0-9]*\).*/\1/')
unlike "$(printf '%s\n' "$s" | sed -n 4p)" "$first" \
    "t5300.60 Down past the last hit shown scrolls the hits"
keys Enter
s=$(wait_for 'From:')
like "$s" "$last" "t5300.61 ... and Enter opens the one selected, shown last"
keys Escape
wait_for 'letters found' >/dev/null
keys C-u
wait_for 'Type words with' >/dev/null
keys -l 'tu:tuyen'
s=$(wait_for '10 letters found')
like "$s" "10 letters found" "t5300.62 tu: finds the letters from Ban Tuyên giáo only"
unlike "$s" "Gửi tuyên giáo" "t5300.63 ... not those sent to it"
keys C-u
wait_for 'Type words with' >/dev/null
keys -l 'so:btg'
s=$(wait_for 'letters found')
like "$s" "10 letters found" "t5300.64 so: finds by document number"
keys C-u
wait_for 'Type words with' >/dev/null
keys -l 'cong an tu:"cong an xa"'
s=$(wait_for 'letters found')
like "$s" "5 letters found" "t5300.65 tu:\"...\" with words: Công an xã's 5"
unlike "$s" "Công an tỉnh gửi" "t5300.66 ... not the other Công an"
keys Escape
sleep 0.3
set -- $(cursor)
is "$1" 0 "t5300.67 the dashboard again: no cursor"
keys q
is "$(wait_exit)" 0 "t5300.68 q quits with status 0"

done_testing
