#!/usr/bin/env python3
"""What dyad prints to a terminal passes no control character raw (issue
11, item 8): ids, labels and article text in explain, the diff report and
error messages, whatever the input holds, are shown with their control
characters escaped (\\x1b, \\u009b), so that an article or a dictionary
cannot clear the screen, retitle the window or hide text.

Usage: test_terminal.py   (env DYAD: the dyad program)"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

DYAD = os.environ["DYAD"]
ESC = "\x1b"
CSI = "\u009b"  # the 8-bit CSI, a control to some terminals


def run(*args, cwd=None):
    return subprocess.run([DYAD, *args], capture_output=True, cwd=cwd,
                          timeout=120)


def raw_controls(data):
    """The control characters in data but line ends: C0, DEL, C1."""
    text = data.decode("utf-8", errors="replace")
    return sorted({c for c in text if (ord(c) < 32 and c != "\n") or
                   0x7f <= ord(c) < 0xa0})


def clean(what, data, shown=None):
    bad = raw_controls(data)
    check(not bad, what + ": no raw control character", bad)
    if shown is not None:
        check(shown.encode() in data, what + ": shown as " + shown,
              data[-600:])


def explain():
    text = ("Pakistan urged China \x1b[2J to act. "
            "Zzyx Qwe\x1b]0;owned\x07 met Pakistan.")
    r = run("explain", text)
    check(r.returncode == 0, "explain of a text with escapes runs", r.stderr)
    clean("explain", r.stdout, "\\x1b[2J")
    r = run("explain", "--format", "json", text)
    check(r.returncode == 0 and ESC in json.loads(r.stdout)[0]["text"],
          "explain --format json keeps the text as it is (JSON escapes it)")


def diff(tmp):
    actors = os.path.join(tmp, "actors.json")
    with open(actors, "w", encoding="utf-8") as f:
        json.dump({"actors": [
            {"id": "pak\x1b[31m", "label": "Pak" + CSI + "2Jistan",
             "kind": "state", "names": ["Pakistan"]},
            {"id": "china", "label": "Chi\x1b]0;x\x07na", "kind": "state",
             "names": ["China"]}]}, f)
    a, b = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
    with open(a, "w") as f:
        f.write("Pakistan urged China to act.\n")
    with open(b, "w") as f:
        f.write("China attacked Pakistan. China urged Pakistan to act.\n")
    r = run("diff", "--actors", actors, a, b)
    check(r.returncode == 0, "diff with escapes in ids and labels runs",
          r.stderr)
    clean("diff text report", r.stdout, "pak\\x1b[31m")
    check("Pak\\u009b2Jistan".encode() in r.stdout,
          "diff text report: a C1 control shown as \\u009b")
    r = run("diff", "--label-a", "old\x1b[5m", "--label-b", "new", a, b)
    clean("diff text report, labels", r.stdout, "old\\x1b[5m")


def messages(tmp):
    r = run("extract", "no\x1b[31msuch.txt", cwd=tmp)
    check(r.returncode == 1, "a missing file with an escape in its name")
    clean("an error message", r.stderr, "no\\x1b[31msuch.txt")
    r = run("extract", "--format", "\x1b[2Jx", "a.txt", cwd=tmp)
    check(r.returncode == 2, "an unknown format with an escape in it")
    clean("a usage message", r.stderr, "\\x1b[2Jx")
    r = run("diff", "--min-weight", "\x07", "a.txt", "b.txt", cwd=tmp)
    clean("a diff usage message", r.stderr, "\\x07")
    r = run("extract", b"bad\x9bname\xff.txt", cwd=tmp)
    clean("a file name that is not UTF-8, in a message", r.stderr,
          "bad\\x9bname\\xff.txt")


def main():
    explain()
    with tempfile.TemporaryDirectory() as tmp:
        diff(tmp)
        messages(tmp)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
