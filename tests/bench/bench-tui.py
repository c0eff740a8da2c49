#!/usr/bin/env python3
#
# bench-tui.py -- what a terminal UI costs the clerk: time to the first
# full screen, peak memory, and the bytes written to the terminal for the
# first screen, one line down in a list, a page down and a resize.  Runs
# phoihop (on a register made by gen-letters) and calcurse (1,000
# appointments of today, made here) through the same pseudo-terminal
# harness, several times, and prints the medians.  Run by bench.sh
# ("make bench").  Measures, never judges: it prints figures and exits 0
# whatever they are; a program that cannot be run is reported as n/a.
#
# Usage:
#   bench-tui.py phoihop BINARY DB   [--runs N]
#   bench-tui.py calcurse SCRATCHDIR [--runs N] [--items N]
# The environment is passed on (bench.sh pins PHOIHOP_NOW, the data and
# config directories); TERM and LC_ALL are set here.
#
# Definitions (all in a pseudo-terminal of 80x24, TERM=xterm-256color,
# LC_ALL=C.UTF-8; every byte the program writes is read with its time):
#
# - First screen: the clock starts just before fork(); the program is
#   sent nothing.  The first screen is complete at the last byte it writes
#   before it stays silent for SETTLE_MS (1000 ms): a pause shorter than
#   that in the middle of the start (curses set-up written, then the data
#   read) counts as part of the start.  "first ms" is the time of that
#   last byte; "first B" all the bytes written until then.
# - A key: the bytes written in answer, from the key until the program is
#   silent for QUIET_MS (300 ms) after its first byte (a program that
#   writes nothing for 3 s has written 0 bytes).  Keys are sent as the
#   terminfo entry of xterm-256color says the terminal sends them (both
#   programs set keypad mode).
# - Line down: the Down arrow in a list, LINE_DOWNS times from the top of
#   the list; the median of those.  phoihop: F3 opens the incoming
#   register first (the bytes of F3 are not a figure).  calcurse: its
#   appointment panel, selected at start (appearance.defaultpanel).
# - Page down: PgDn after the Downs.  calcurse 4.7 binds no key to a page
#   down in a list (its keys file is read to see): n/a.
# - Resize: the window set to 100x30 with TIOCSWINSZ on the master side;
#   the kernel then sends SIGWINCH to the terminal's foreground process
#   group, which is the program (it is the session leader of the pty), so
#   no second signal is sent: one more would make a second, spurious
#   redraw.  Then back to 80x24, counted apart.
# - Peak RSS: VmHWM of /proc/PID/status, the high-water mark of the
#   program's own memory since exec(), read after the last action and
#   again while it quits (the last value read).  Not wait4()'s ru_maxrss:
#   Linux carries into it the memory of the process before exec(), here a
#   fork of this Python interpreter (some 10 MiB; /bin/true "peaks" at
#   9.9 MiB that way).  ru_maxrss is printed too, in the RESULT line, as
#   rss_wait4_kib, with that floor under it.  rss_file_kib: RssFile
#   after the last action, the part of it that is file pages mapped
#   (libraries, a memory-mapped database): shared with the page cache,
#   but counted in RSS all the same.
#
# Output: a table per program (each run and the medians), then one line
# "RESULT NAME key=value ..." that bench.sh reads.

import curses
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROWS, COLS = 24, 80
BIG_ROWS, BIG_COLS = 30, 100
SETTLE_MS = 1000
QUIET_MS = 300
FIRST_BYTE_MS = 3000
LINE_DOWNS = 5
TERM = "xterm-256color"

# What xterm sends, if the terminfo entry cannot be read.
FALLBACK_KEYS = {"kcud1": b"\x1bOB", "knp": b"\x1b[6~", "kf3": b"\x1bOR"}


def keyseq(cap):
    try:
        curses.setupterm(TERM, sys.stderr.fileno())
        s = curses.tigetstr(cap)
        if s:
            return s
    except (curses.error, OSError, ValueError):
        pass
    return FALLBACK_KEYS[cap]


def winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols,
                                                     0, 0))


def proc_status(pid, field):
    """FIELD of /proc/PID/status in KiB, or None once it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


class Tty:
    """A program in a pseudo-terminal; every byte it writes, timed."""

    def __init__(self, argv, env):
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                winsize(0, ROWS, COLS)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.eof = False
        self.status = None
        self.rusage = None
        self.rss_file = None

    def read(self, timeout):
        """Bytes written within TIMEOUT seconds (b"" if none), with the
        time the last of them arrived."""
        if self.eof:
            return b"", None
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return b"", None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        now = time.monotonic()
        if not data:
            self.eof = True
            return b"", None
        return data, now

    def settle(self, quiet_ms, first_ms=None):
        """Read until the program is silent for QUIET_MS; with FIRST_MS,
        give up at once if nothing comes within FIRST_MS.  Returns
        (bytes, time of the last byte or None)."""
        out, last = b"", None
        start = time.monotonic()
        while not self.eof:
            if last is None and first_ms is not None:
                wait = start + first_ms / 1000 - time.monotonic()
                if wait <= 0:
                    break
            else:
                wait = (last if last is not None else start) + \
                    quiet_ms / 1000 - time.monotonic()
                if wait <= 0:
                    break
            data, at = self.read(wait)
            if data:
                out += data
                last = at
        return out, last

    def send(self, seq):
        try:
            os.write(self.fd, seq)
        except OSError:
            self.eof = True

    def key(self, seq):
        """Send SEQ; the bytes written in answer and the ms it took."""
        sent = time.monotonic()
        self.send(seq)
        out, last = self.settle(QUIET_MS, FIRST_BYTE_MS)
        return len(out), (last - sent) * 1000 if last else None

    def resize(self, rows, cols):
        sent = time.monotonic()
        winsize(self.fd, rows, cols)
        out, last = self.settle(QUIET_MS, FIRST_BYTE_MS)
        return len(out), (last - sent) * 1000 if last else None

    def finish(self, quit_keys):
        """Quit with QUIT_KEYS (SIGTERM, then SIGKILL, if it stays);
        returns the last VmHWM read."""
        hwm = proc_status(self.pid, "VmHWM")
        self.rss_file = proc_status(self.pid, "RssFile")
        for k in quit_keys:
            self.send(k)
            self.settle(QUIET_MS, QUIET_MS)
            h = proc_status(self.pid, "VmHWM")
            if h is not None:
                hwm = max(hwm or 0, h)
        deadline = time.monotonic() + 5
        sent_term = False
        while True:
            h = proc_status(self.pid, "VmHWM")
            if h is not None:
                hwm = max(hwm or 0, h)
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status, self.rusage = status, ru
                break
            if time.monotonic() > deadline:
                if sent_term:
                    os.kill(self.pid, signal.SIGKILL)
                    _, self.status, self.rusage = os.wait4(self.pid, 0)
                    break
                os.kill(self.pid, signal.SIGTERM)
                sent_term = True
                deadline = time.monotonic() + 2
            self.read(0.005)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return hwm


def tty_env(env):
    """ENV with the terminal of the bench; no COLUMNS or LINES to
    override the window size."""
    env = dict(env, TERM=TERM, LC_ALL="C.UTF-8")
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


def one_run(argv, env, before_down, down, page, quit_keys):
    """One start, the actions, the quit; a dict of figures."""
    t = Tty(argv, tty_env(env))
    r = {}
    out, last = t.settle(SETTLE_MS)
    r["first_ms"] = (last - t.t0) * 1000 if last else None
    r["first_bytes"] = len(out)
    if t.eof:
        t.finish([])
        r["error"] = "the program ended before its first screen: %s" % \
            out[-300:].decode("utf-8", "replace")
        r["exit"] = (os.waitstatus_to_exitcode(t.status)
                     if t.status is not None else None)
        return r
    for k in before_down:
        t.key(k)
    downs = [t.key(down) for _ in range(LINE_DOWNS)]
    r["down_bytes"] = statistics.median(d[0] for d in downs)
    r["down_ms"] = median_or_none([d[1] for d in downs])
    if page is not None:
        r["pgdn_bytes"], r["pgdn_ms"] = t.key(page)
    else:
        r["pgdn_bytes"] = r["pgdn_ms"] = None
    r["resize_bytes"], r["resize_ms"] = t.resize(BIG_ROWS, BIG_COLS)
    r["back_bytes"], r["back_ms"] = t.resize(ROWS, COLS)
    if t.eof:
        r["error"] = "the program ended before the last action"
        for k in ("down", "pgdn", "resize", "back"):
            r[k + "_bytes"] = r[k + "_ms"] = None
    r["rss_kib"] = t.finish(quit_keys)
    r["rss_file_kib"] = t.rss_file
    r["rss_wait4_kib"] = t.rusage.ru_maxrss if t.rusage else None
    r["exit"] = (os.waitstatus_to_exitcode(t.status)
                 if t.status is not None else None)
    return r


def median_or_none(v):
    v = [x for x in v if x is not None]
    return statistics.median(v) if v else None


FIELDS = [
    ("first_ms", "first ms", "%.1f"),
    ("rss_kib", "RSS KiB", "%d"),
    ("first_bytes", "first B", "%d"),
    ("down_bytes", "down B", "%g"),
    ("pgdn_bytes", "PgDn B", "%d"),
    ("resize_bytes", "100x30 B", "%d"),
    ("back_bytes", "80x24 B", "%d"),
    ("down_ms", "down ms", "%.1f"),
    ("pgdn_ms", "PgDn ms", "%.1f"),
    ("resize_ms", "resize ms", "%.1f"),
    ("rss_file_kib", "file KiB", "%d"),
    ("rss_wait4_kib", "wait4 KiB", "%d"),
]


def fmt(key, v):
    if v is None:
        return "n/a"
    for k, _, f in FIELDS:
        if k == key:
            return f % v
    return str(v)


def report(name, what, runs, notes):
    print("== %s: %s" % (name, what))
    for n in notes:
        print("   " + n)
    print("%-7s" % "run" + "".join("%11s" % h for _, h, _ in FIELDS))
    for i, r in enumerate(runs):
        print("%-7s" % (i + 1) + "".join("%11s" % fmt(k, r.get(k))
                                        for k, _, _ in FIELDS))
    med = {}
    for k, _, _ in FIELDS:
        med[k] = median_or_none([r.get(k) for r in runs])
    print("%-7s" % "median" + "".join("%11s" % fmt(k, med[k])
                                     for k, _, _ in FIELDS))
    errors = [r["error"] for r in runs if "error" in r]
    for e in errors[:1]:
        print("   error: " + e)
    exits = sorted(set(str(r.get("exit")) for r in runs))
    print("   exit status: %s" % ", ".join(exits))
    print("RESULT %s runs=%d %s" % (name, len(runs), " ".join(
        "%s=%s" % (k, fmt(k, med[k])) for k, _, _ in FIELDS)))
    print()


def na(name, why):
    print("== %s: not measured: %s" % (name, why))
    print("RESULT %s runs=0 %s why=%s" % (name, " ".join(
        "%s=n/a" % k for k, _, _ in FIELDS), why.replace(" ", "_")))
    print()


# ------------------------------------------------------------ phoihop

def bench_phoihop(binary, db, nruns):
    if not os.access(binary, os.X_OK):
        return na("phoihop", "%s is not built" % binary)
    if not os.path.exists(db):
        return na("phoihop", "no database %s" % db)
    argv = [binary, "--db", db, "--lang", "en"]
    # F3: the incoming register; q closes it, q on the start screen quits.
    runs = [one_run(argv, os.environ, [keyseq("kf3")], keyseq("kcud1"),
                    keyseq("knp"), [b"q", b"q"]) for _ in range(nruns)]
    size = os.path.getsize(db)
    report("phoihop", "%s --db %s --lang en (%d MB); F3, then Down x%d, "
           "PgDn, resize" % (binary, db, size // 1000000, LINE_DOWNS),
           runs, [])


# ------------------------------------------------------------ calcurse

def calcurse_data(scratch, items):
    """SCRATCH/data (apts: ITEMS appointments of today, one a minute from
    00:00, one minute long) and SCRATCH/conf (the appointment panel
    selected at start, no quit question, no notify bar: its clock would
    write every second, which is not an answer to a key)."""
    data, conf = os.path.join(scratch, "data"), os.path.join(scratch, "conf")
    for d in (data, conf):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    day = time.strftime("%m/%d/%Y")
    with open(os.path.join(data, "apts"), "w") as f:
        for i in range(items):
            h, m = divmod(i, 60)
            h2, m2 = divmod(i + 1, 60)
            if h2 >= 24:
                h2, m2 = 23, 59
            f.write("%s @ %02d:%02d -> %s @ %02d:%02d |Appointment %d of "
                    "the bench\n" % (day, h, m, day, h2, m2, i + 1))
    open(os.path.join(data, "todo"), "w").close()
    with open(os.path.join(conf, "conf"), "w") as f:
        f.write("appearance.defaultpanel=appointments\n"
                "appearance.notifybar=no\n"
                "general.confirmquit=no\n"
                "general.autosave=no\n"
                "general.progressbar=no\n"
                "general.systemdialogs=no\n")
    return data, conf


def calcurse_keys(binary, conf):
    """The default keys file calcurse writes: run it once, read it."""
    t = Tty([binary, "-D", os.path.join(os.path.dirname(conf), "data"),
             "-C", conf], tty_env(os.environ))
    t.settle(SETTLE_MS)
    t.finish([b"q"])
    keys = {}
    try:
        with open(os.path.join(conf, "keys")) as f:
            for line in f:
                w = line.split()
                if w and not w[0].startswith("#"):
                    keys[w[0]] = w[1:]
    except OSError:
        pass
    return keys


def bench_calcurse(scratch, nruns, items):
    binary = shutil.which("calcurse")
    if binary is None:
        return na("calcurse", "calcurse is not installed")
    try:
        version = subprocess.run([binary, "--version"], capture_output=True,
                                 text=True, timeout=10).stdout.split(
                                     "\n")[0].strip()
    except (OSError, subprocess.SubprocessError):
        version = "calcurse"
    data, conf = calcurse_data(scratch, items)
    keys = calcurse_keys(binary, conf)
    notes = []
    # The items calcurse itself reads for today.
    try:
        q = subprocess.run([binary, "-D", data, "-C", conf, "--read-only",
                            "-Q", "--filter-type", "apt",
                            "--format-apt", "x\n"], capture_output=True,
                           text=True, timeout=30)
        notes.append("%s; %d appointments of today read back by "
                     "calcurse -Q" % (version, q.stdout.count("x\n")))
    except (OSError, subprocess.SubprocessError):
        notes.append(version)
    down = keyseq("kcud1")
    if "DWN" not in keys.get("move-down", ["DWN"]):
        down = b"j"
    page = None
    for action, bound in keys.items():
        if any(k in ("PgDn", "NPAGE", "PGDN") for k in bound):
            page = keyseq("knp")
            notes.append("page down: PgDn (%s)" % action)
    if page is None:
        notes.append("page down: n/a, no key of this calcurse is bound to "
                     "a page down (keys file)")
    notes.append("line down: %s (move-down); quit: q "
                 "(general.confirmquit=no)" %
                 ("Down" if down != b"j" else "j"))
    argv = [binary, "-D", data, "-C", conf, "--read-only"]
    runs = [one_run(argv, os.environ, [], down, page, [b"q"])
            for _ in range(nruns)]
    report("calcurse", "%s -D %s -C %s --read-only; %d appointments of "
           "today, appointment panel" % (binary, data, conf, items), runs,
           notes)


def main(argv):
    nruns, items, args = 5, 1000, []
    i = 0
    while i < len(argv):
        if argv[i] == "--runs" and i + 1 < len(argv):
            nruns = int(argv[i + 1])
            i += 2
        elif argv[i] == "--items" and i + 1 < len(argv):
            items = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) == 3 and args[0] == "phoihop":
        bench_phoihop(args[1], args[2], nruns)
    elif len(args) == 2 and args[0] == "calcurse":
        bench_calcurse(args[1], nruns, items)
    else:
        sys.stderr.write("usage: bench-tui.py phoihop BINARY DB [--runs N]\n"
                         "       bench-tui.py calcurse SCRATCHDIR [--runs N]"
                         " [--items N]\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
