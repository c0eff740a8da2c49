#!/bin/sh
# t1400-i18n.sh -- the language of messages.
#
# Vietnamese by default, even with no vi_VN locale (a fresh Debian has only
# C.UTF-8); English on request: --lang, then the config file's "language",
# then LANGUAGE, LC_ALL, LC_MESSAGES, LANG.  Only messages are translated:
# user data, tsv/json keys and dates stay as they are.
#
# t1400.2 and t1400.5 need po/vi.po translated and built into
# $PHOIHOP_LOCALEDIR (make builds locale/vi/LC_MESSAGES/phoihop.mo).
. "$PH_SRCDIR/tests/lib-cli.sh"

CA='Đảng ủy Công an tỉnh'
SUBJ='V/v lấy ý kiến về công tác bảo vệ chính trị nội bộ'
ph_help () { "$PHOIHOP" "$@" --help 2>&1; }

EN=$(ph_help --lang en)
VI=$(ph_help --lang vi)

# ---- Vietnamese
run --lang vi --help
is "$rc" 0 "t1400.1 --lang vi --help exits 0"
like "$out" 'Cách dùng' "t1400.2 --lang vi --help is in Vietnamese (Cách dùng)"
fresh_db
ph letter add --direction in --number '47-BC/ĐUCA' --date 15/11/2026 \
    --from "$CA" --subject "$SUBJ" --reply-required --due 30/11/2026 \
    >/dev/null 2>&1
out=$(phv letter show 999 2>"$TMPROOT/stderr")
rc=$?
err=$(cat "$TMPROOT/stderr")
is "$rc" 1 "t1400.3 an unknown letter id in Vietnamese exits 1"
like "$err" 'phoihop: ' "t1400.4 the message starts with phoihop:"
like "$err" 'không có văn bản' "t1400.5 the message is in Vietnamese (không có văn bản)"
like "$err" '999' "t1400.6 the message names the id"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "t1400.7 the message is one line"

# ---- English
like "$EN" 'Usage: phoihop' "t1400.8 --lang en --help is in English"
unlike "$EN" 'Cách dùng' "t1400.9 ... with no Vietnamese in it"
run --lang en letter show 999
like "$err" 'no letter with id 999' "t1400.10 --lang en messages are in English"

# ---- choosing the language
is "$("$PHOIHOP" --help 2>&1)" "$VI" \
    "t1400.11 with LC_ALL=C.UTF-8 and nothing else, messages are Vietnamese"
is "$(LANGUAGE=en "$PHOIHOP" --help 2>&1)" "$EN" "t1400.12 LANGUAGE=en gives English"
is "$(LANGUAGE=fr:en "$PHOIHOP" --help 2>&1)" "$EN" \
    "t1400.13 LANGUAGE=fr:en: a list is read past an unknown language"
is "$(LANG=en_US.UTF-8 "$PHOIHOP" --help 2>&1)" "$EN" \
    "t1400.14 LANG=en_US.UTF-8 gives English (LC_ALL=C.UTF-8 names no language)"
is "$(LC_ALL=vi_VN.UTF-8 LANG=en_US.UTF-8 "$PHOIHOP" --help 2>&1)" "$VI" \
    "t1400.15 LC_ALL=vi_VN.UTF-8 gives Vietnamese, locale installed or not"
is "$(LANGUAGE=en "$PHOIHOP" --lang vi --help 2>&1)" "$VI" \
    "t1400.16 --lang vi beats LANGUAGE=en"
mkdir -p "$XDG_CONFIG_HOME/phoihop"
printf '# cấu hình\nlanguage = en\n' >"$XDG_CONFIG_HOME/phoihop/config"
is "$("$PHOIHOP" --help 2>&1)" "$EN" "t1400.17 language = en in the config file gives English"
is "$(LANGUAGE=vi "$PHOIHOP" --help 2>&1)" "$EN" \
    "t1400.18 the config file beats LANGUAGE"
is "$("$PHOIHOP" --lang vi --help 2>&1)" "$VI" "t1400.19 --lang vi beats the config file"
rm -f "$XDG_CONFIG_HOME/phoihop/config"
run --lang fr --help
is "$rc" 2 "t1400.20 --lang fr exits 2"
like "$err" 'fr' "t1400.21 the message names the language"
out=$(phv lam-gi 2>&1)
is "$?" 2 "t1400.22 an unknown command exits 2 in Vietnamese too"
like "$out" 'lam-gi' "t1400.23 ... and the message names it"

# ---- what is not translated
is "$(phv letter list --format tsv 2>&1)" "$(ph letter list --format tsv 2>&1)" \
    "t1400.24 tsv output is the same in both languages"
is "$(phv letter list --format json 2>&1)" "$(ph letter list --format json 2>&1)" \
    "t1400.25 json output is the same in both languages"
like "$(phv letter show 1)" "$SUBJ" "t1400.26 the subject is shown as typed in Vietnamese"
like "$(phv letter show 1)" '15/11/2026' "t1400.27 dates are dd/mm/yyyy in Vietnamese"
like "$(phv letter show 1)" "$CA" "t1400.28 the issuer is shown as typed"
vi_head=$(phv letter list 2>/dev/null | sed -n 1p)
en_head=$(ph letter list 2>/dev/null | sed -n 1p)
[ -n "$vi_head" ] && [ "$vi_head" != "$en_head" ]
ok $? "t1400.29 the table header is translated ($vi_head)"
R1=$(ph letter reply 1 2>/dev/null)
R2=$(phv letter reply 1 2>/dev/null)
is "$(phv letter show "$R2" --format tsv | sed -n 2p | cut -f10)" \
    "$(ph letter show "$R1" --format tsv | sed -n 2p | cut -f10)" \
    "t1400.30 a reply's default subject (a document, not a message) is the same in both languages"

done_testing
