#!/bin/sh
# t0001-layering.sh -- the core knows nothing of the terminal and never
# prints or exits; the front ends never touch SQLite or PCRE2; no shell
# with user data, no unbounded string copies.
. "$PH_SRCDIR/tests/lib-cli.sh"
cd "$PH_SRCDIR" || exit 1
plan 5

bad=$(grep -lE '#include *[<"](n?curses|ncursesw/)' src/core/*.[ch])
is "$bad" "" "t0001.1 no curses in the core"

bad=$(grep -nE '(^|[^a-z_])(printf|fprintf|puts|fputs|putchar|exit|abort)[[:space:]]*\(' \
    src/core/*.c | grep -vE 'snprintf|vsnprintf|asprintf|util\.c:.*abort')
is "$bad" "" "t0001.2 the core does not print or exit (util.c may abort on OOM)"

bad=$(grep -lE '#include *[<"](sqlite3|pcre2)\.h' src/cli/*.[ch] src/main.c \
    $(ls src/tui/*.[ch] 2>/dev/null))
is "$bad" "" "t0001.3 front ends do not include sqlite3.h or pcre2.h"

bad=$(grep -lE 'sqlite3_' src/core/*.c | grep -v '/store')
is "$bad" "" "t0001.4 SQLite is used only in store*.c"

bad=$(grep -rnE '(^|[^a-z_])(system|popen|gets|sprintf|strcpy|strcat)[[:space:]]*\(' \
    src --include='*.c' | grep -vE 'snprintf|vsnprintf|asprintf')
is "$bad" "" "t0001.5 no system/popen/gets/sprintf/strcpy/strcat"
done_testing
