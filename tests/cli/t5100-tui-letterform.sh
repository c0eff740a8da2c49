#!/bin/sh
# t5100-tui-letterform.sh -- the letter's form in the terminal UI: a new
# outgoing letter with its number proposed for its type (and the next
# free one taken when another clerk took the one shown), an unknown type
# refused beside its field, a number typed by hand, a new organization
# added with its details (Ctrl-O), the change of a letter already
# registered, refused when another process changed it meanwhile (the
# typing kept), and the drafts of both kinds of form over a hang-up.

. "$PH_SRCDIR/tests/lib-cli.sh"
. "$PH_SRCDIR/tests/lib-tui.sh"

# count: how many letters the register holds.
count () {
	ph letter list --format tsv 2>/dev/null | tail -n +2 | wc -l | tr -d ' '
}
# col SUBJECT N: column N of the TSV row of the letter with that subject
# (1 id, 4 number, 5 type, 9 recipients, 10 subject, 15 status ...).
col () {
	ph letter list --format tsv 2>/dev/null | awk -F '\t' -v s="$1" \
	    -v n="$2" '$10 == s { print $n }'
}
# clear_field: the field with the focus emptied (Ctrl-E, Ctrl-U).
clear_field () {
	keys C-e C-u
}

fresh_db
ph letter add --direction out --date 02/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v trao đổi thông tin' >/dev/null 2>&1
ph letter add --direction in --date 03/11/2026 --from 'Đảng ủy Công an tỉnh' \
    --number '45-CV/ĐUCA' --subject 'V/v đề nghị phối hợp tuyên truyền' \
    >/dev/null 2>&1
is "$(col 'V/v trao đổi thông tin' 4)" "01-CV/ĐU" "t5100.1 the first công văn of the register is 01-CV/ĐU"

# ---- a new outgoing letter: the number proposed, following the type
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys N
s=$(screen)
like "$s" "New outgoing letter" "t5100.2 N opens the new outgoing letter's form"
like "$s" "02-CV/ĐU" "t5100.3 ... proposing the next công văn number"
keys Tab
s=$(screen)
like "$s" "proposed: the next of its type" "t5100.4 ... saying, on its field, it is a proposal"
keys BTab
clear_field
keys -l 'bc'
s=$(screen)
like "$s" "01-BC/ĐU" "t5100.5 the type changed to BC: the first báo cáo number proposed"
unlike "$s" "02-CV/ĐU" "t5100.6 ... in place of the công văn number"
keys Tab Tab Tab
keys -l 'Đảng ủy Công an tỉnh'
keys Tab
keys -l 'Ủy ban kiểm tra Huyện ủy; Văn phòng Huyện ủy'
keys Tab
keys -l 'V/v báo cáo sơ kết 6 tháng'
keys F10
s=$(screen)
like "$s" "registered as 01-BC/ĐU" "t5100.7 F10 registers it with the number proposed"
like "$s" "V/v báo cáo sơ kết 6 tháng" "t5100.8 ... and shows the letter"
is "$(col 'V/v báo cáo sơ kết 6 tháng' 4)|$(col 'V/v báo cáo sơ kết 6 tháng' 5)" \
    "01-BC/ĐU|BC" "t5100.9 the register holds it as 01-BC/ĐU, type BC"
like "$(col 'V/v báo cáo sơ kết 6 tháng' 9)" "Văn phòng Huyện ủy" \
    "t5100.10 ... sent to every recipient typed"
like "$s" "new organization added" "t5100.11 the recipients not yet known were added, and it says so"
keys q
sleep 0.3

# ---- the number shown taken by another clerk before saving
keys N
screen >/dev/null
keys Tab Tab Tab
keys -l 'Đảng ủy Công an tỉnh'
keys Tab Tab
keys -l 'V/v cử cán bộ dự họp'
ph letter add --direction out --date 20/11/2026 --to 'Đảng ủy Công an tỉnh' \
    --subject 'V/v của người khác' >/dev/null 2>&1
keys F10
s=$(screen)
like "$s" "registered as 03-CV/ĐU" "t5100.12 the number taken meanwhile: the next free one given"
is "$(col 'V/v của người khác' 4)|$(col 'V/v cử cán bộ dự họp' 4)" \
    "02-CV/ĐU|03-CV/ĐU" "t5100.13 ... no number given twice"
keys q
sleep 0.3

# ---- an unknown type: refused beside the field, the typing kept
n0=$(count)
keys N
screen >/dev/null
clear_field
keys -l 'XYZ'
keys Tab Tab Tab
keys -l 'Đảng ủy Công an tỉnh'
keys Tab Tab
keys -l 'V/v loại không có'
keys F10
s=$(screen)
like "$s" 'unknown document type "XYZ"' "t5100.14 an unknown type is refused, naming it"
like "$s" "Type (CV" "t5100.15 ... the form still open"
like "$s" "V/v loại không có" "t5100.16 ... the subject typed kept"
is "$(count)" "$n0" "t5100.17 ... and nothing stored"
# Corrected: saved.
clear_field
keys -l 'TB'
keys F10
s=$(screen)
like "$s" "registered as 01-TB/ĐU" "t5100.18 the type corrected, the same typing is saved"
keys q
sleep 0.3

# ---- a number typed by hand is kept; the next proposal passes it
keys N
screen >/dev/null
keys Tab
clear_field
keys -l '15-CV/ĐU'
keys Tab Tab
keys -l 'Đảng ủy Công an tỉnh'
keys Tab Tab
keys -l 'V/v số gõ tay'
keys F10
s=$(screen)
like "$s" "registered as 15-CV/ĐU" "t5100.19 a number typed by hand is kept as typed"
keys q
sleep 0.3
keys N
s=$(screen)
like "$s" "16-CV/ĐU" "t5100.20 ... and the next proposal comes after it"

# ---- a new organization, with its details (Ctrl-O)
keys Tab Tab Tab
keys -l 'Ban Dân vận Huyện ủy'
s=$(screen)
like "$s" 'new, will be added (Ctrl-O: its details)' \
    "t5100.21 a recipient not known is said to be new"
like "$s" "Ctrl-O" "t5100.22 ... with the key for its details"
keys C-o
s=$(screen)
like "$s" "New organization" "t5100.23 Ctrl-O opens the new organization's form"
like "$s" "Ban Dân vận Huyện ủy" "t5100.24 ... its name as typed"
keys -l 'Ban Dân vận'
keys Tab
keys -l 'BDV'
keys Tab
keys -l 'huyện'
keys F10
s=$(screen)
like "$s" "organization added: Ban Dân vận Huyện ủy" "t5100.25 F10 adds it"
like "$s" "New outgoing letter" "t5100.26 ... and goes back to the letter"
unlike "$s" "will be added" "t5100.27 ... where the name is now a known one"
like "$(ph org list --format tsv 2>/dev/null | grep 'Ban Dân vận Huyện ủy')" "BDV" \
    "t5100.28 the organization is stored with its code"
keys Tab Tab
keys -l 'V/v phối hợp dân vận'
keys F10
s=$(screen)
like "$s" "registered as 16-CV/ĐU" "t5100.29 the letter to it is registered"
unlike "$s" "new organization added" "t5100.30 ... adding no second organization"
keys q
sleep 0.3

# ---- a hang-up while typing an outgoing letter: the draft offered back
keys N
screen >/dev/null
keys Tab Tab Tab
keys -l 'Đảng ủy Công an tỉnh'
keys Tab Tab
keys -l 'V/v bản nháp gửi đi'
screen 0.3 >/dev/null
kill -HUP "$(cat pid)"
is "$(wait_exit)" 0 "t5100.31 SIGHUP during the form ends phoihop with status 0"
start C.UTF-8 80 24
s=$(screen 1.2)
like "$s" "An outgoing letter you were typing on" "t5100.32 the next start offers the outgoing draft"
keys y
s=$(screen)
like "$s" "New outgoing letter" "t5100.33 y reopens the form"
like "$s" "V/v bản nháp gửi đi" "t5100.34 ... with the subject typed"
like "$s" "17-CV/ĐU" "t5100.35 ... and the number proposed now"
keys F10
s=$(screen)
like "$s" "registered as 17-CV/ĐU" "t5100.36 the draft is saved as a letter"
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5100.37 quits"

# ---- changing a letter
id=$(ph letter list --format tsv 2>/dev/null | awk -F '\t' \
    '$10 == "V/v đề nghị phối hợp tuyên truyền" { print $1 }')
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys F3
screen >/dev/null
keys Enter
screen >/dev/null
keys c
s=$(screen)
like "$s" "Change a letter" "t5100.38 c on a letter opens its change form"
like "$s" "Incoming letter no. 1 of 2026" "t5100.39 ... saying which letter"
like "$s" "45-CV/ĐUCA" "t5100.40 ... its fields filled in"
keys Tab Tab Tab Tab
keys C-e
keys -l ' (bổ sung)'
keys F10
s=$(screen)
like "$s" "Saved." "t5100.41 F10 saves the change"
like "$s" "V/v đề nghị phối hợp tuyên truyền (bổ sung)" "t5100.42 ... the letter shown changed"
is "$(ph letter show "$id" 2>/dev/null | grep -c 'tuyên truyền (bổ sung)')" 1 \
    "t5100.43 ... and stored"

# A required field emptied: refused beside it, nothing stored.
keys c
screen >/dev/null
keys Tab Tab Tab Tab
clear_field
keys F10
s=$(screen)
like "$s" "required: this field cannot be empty" "t5100.44 an emptied subject is refused beside the field"
is "$(col 'V/v đề nghị phối hợp tuyên truyền (bổ sung)' 1)" "$id" \
    "t5100.45 ... the stored subject untouched"
keys -l 'V/v đề nghị phối hợp tuyên truyền, lần 2'

# Another process changes the letter meanwhile: refused, typing kept.
ph letter edit "$id" --note 'đã chuyển đồng chí Phó Bí thư' >/dev/null 2>&1
keys F10
s=$(screen)
like "$s" "Someone else changed this letter after you opened it" \
    "t5100.46 the letter changed by another process: the save asks first"
keys n
s=$(screen)
like "$s" "Not saved: the letter was changed by someone else" "t5100.47 n: not saved, said so"
like "$s" "tuyên truyền, lần 2" "t5100.48 ... the typing kept in the form"
is "$(ph letter show "$id" 2>/dev/null | grep -c 'lần 2')" 0 "t5100.49 ... nothing of it stored"
is "$(ph letter show "$id" 2>/dev/null | grep -c 'đã chuyển đồng chí Phó Bí thư')" \
    1 "t5100.50 ... the other change kept"
keys F10
screen >/dev/null
keys y
s=$(screen)
like "$s" "Saved." "t5100.51 y: the clerk's change saved over it, on her say"
is "$(col 'V/v đề nghị phối hợp tuyên truyền, lần 2' 1)" "$id" "t5100.52 ... stored"

# A hang-up while changing: the draft offered back on the same letter.
keys c
screen >/dev/null
keys Tab Tab Tab Tab
keys C-e
keys -l ' (nháp)'
screen 0.3 >/dev/null
kill -HUP "$(cat pid)"
is "$(wait_exit)" 0 "t5100.53 SIGHUP during a change ends phoihop with status 0"
start C.UTF-8 80 24
s=$(screen 1.2)
like "$s" "A change to letter #$id you were typing on" "t5100.54 the change is offered back"
keys y
s=$(screen)
like "$s" "Change a letter" "t5100.55 y reopens the change form"
like "$s" "lần 2 (nháp)" "t5100.56 ... with the typing"
keys F10
s=$(screen)
like "$s" "Saved." "t5100.57 ... which saves"
like "$s" "lần 2 (nháp)" "t5100.58 ... on the letter screen under it"
keys q
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5100.59 quits"

# ---- the content, written in the clerk's text editor
# The "editor": does what ed.mode says to the file it is given, and notes
# the file's name and mode.
cat >ed.sh <<EOS
#!/bin/sh
stat -c %a "\$1" >'$PWD/ed.perm'
echo "\$1" >'$PWD/ed.path'
case \$(cat '$PWD/ed.mode') in
write)	printf 'Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị phối hợp rà soát.\n' >"\$1" ;;
append)	printf 'Bổ sung: danh sách kèm theo.\n' >>"\$1" ;;
bad)	printf 'x\377y\n' >"\$1" ;;
fail)	exit 1 ;;
esac
EOS
chmod +x ed.sh
mkdir -p tmp
export EDITOR="$PWD/ed.sh" TMPDIR="$PWD/tmp"
echo write >ed.mode
start C.UTF-8 80 24
screen 1.0 >/dev/null
keys n
screen >/dev/null
keys -l '07-CV/ĐU'
keys Tab
keys -l '18/11/2026'
keys Tab Tab
keys -l 'Đảng ủy xã Tân Tiến'
keys Tab
keys -l 'V/v rà soát hồ sơ'
keys Tab
s=$(screen)
like "$s" "Enter writes it in the text editor" "t5100.60 the content field says how to write it"
keys Enter
s=$(screen 1.0)
like "$s" "Kính gửi: Đảng ủy xã" "t5100.61 Enter runs the editor; its first line shown"
nch=$(printf 'Kính gửi: Đảng ủy xã Tân Tiến\nĐề nghị phối hợp rà soát.\n' |
    LC_ALL=C.UTF-8 wc -m | tr -d ' ')
like "$s" "(2 lines, $nch characters)" "t5100.62 ... with how much there is"
is "$(cat ed.perm)" 600 "t5100.63 the editor's file is private (0600)"
is "$(ls tmp | wc -l | tr -d ' ')" 0 "t5100.64 ... and removed once read"
echo bad >ed.mode
keys Enter
s=$(screen 1.0)
like "$s" "not valid UTF-8 (bad byte 0xFF at offset 1)" "t5100.65 bytes not UTF-8 are refused beside the field"
like "$s" "Kính gửi: Đảng ủy xã" "t5100.66 ... the content as it was"
echo fail >ed.mode
keys Enter
s=$(screen 1.0)
like "$s" "the editor did not end normally" "t5100.67 an editor that fails changes nothing"
keys F10
s=$(screen)
like "$s" "registered as incoming number" "t5100.68 the letter with its content is registered"
id2=$(ph letter list --format tsv 2>/dev/null | awk -F '\t' \
    '$10 == "V/v rà soát hồ sơ" { print $1 }')
body=$(ph letter show "$id2" 2>/dev/null)
like "$body" "Đề nghị phối hợp rà soát." "t5100.69 ... stored whole"
echo append >ed.mode
keys c
screen >/dev/null
keys Tab Tab Tab Tab Tab
keys Enter
s=$(screen 1.0)
like "$s" "(3 lines" "t5100.70 in a change, the editor gets the content stored"
keys F10
screen >/dev/null
like "$(ph letter show "$id2" 2>/dev/null)" "Bổ sung: danh sách kèm theo." \
    "t5100.71 ... and the change is stored"
is "$(ls tmp | wc -l | tr -d ' ')" 0 "t5100.72 no temporary file left behind"
keys q
sleep 0.3
keys q
wait_exit >/dev/null
unset EDITOR

# ---- the outgoing form in Vietnamese
start_vi
screen 1.0 >/dev/null
keys N
s=$(screen)
like "$s" "Văn bản đi mới" "t5100.73 in Vietnamese the form is Văn bản đi mới"
like "$s" "18-CV/ĐU" "t5100.74 ... with the number proposed"
keys Escape
sleep 0.3
keys q
is "$(wait_exit)" 0 "t5100.75 Esc on an untouched form leaves without asking; q quits"

done_testing
