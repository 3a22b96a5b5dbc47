#!/usr/bin/python3
"""Pathological inputs against the CLI ($DYAD).

    pathological.py CASE     run one case (see CASES below)
    pathological.py --list   name the cases

Each case writes its input to a temporary folder and runs
`$DYAD extract --format json ...` on it.  It passes when dyad finishes
within the time limit (60 s, times $DYAD_TIMEOUT_SCALE under valgrind) with
exit status 0 or 1 and no sanitizer report; a signal, an exit status above
1, a time-out or a sanitizer report is a failure.
"""
import os
import subprocess
import sys
import tempfile

LIMIT = 60


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def long_sentence(tmp):
    """A 1 MB sentence with no full stop."""
    words = b"Pakistan urged the Taliban and China warned Afghanistan and "
    data = (words * (1024 * 1024 // len(words) + 1))[: 1024 * 1024]
    return [write(os.path.join(tmp, "long.txt"), data)]


def many_aliases(tmp):
    """10,000 aliases of one actor in an --actors file."""
    aliases = ", ".join('"Alias Number %d"' % i for i in range(10000))
    actors = ('{"actors": [{"id": "many", "label": "Many", "names": [%s]},'
              ' {"id": "pakistan", "label": "Pakistan",'
              ' "names": ["Pakistan"]}]}\n' % aliases)
    text = " ".join("Alias Number %d urged Pakistan to act." % i
                    for i in range(0, 10000, 97))
    return ["--actors", write(os.path.join(tmp, "actors.json"),
                              actors.encode()),
            write(os.path.join(tmp, "aliases.txt"), text.encode())]


def deep_quotes(tmp):
    """10,000 nested curly quotes around a sentence."""
    inner = "Pakistan urged the Taliban to act, the minister said."
    data = ("\u201c" * 10000 + inner + "\u201d" * 10000 + "\n").encode()
    return [write(os.path.join(tmp, "quotes.txt"), data)]


def unbalanced_quotes(tmp):
    """10,000 opening quotes that never close, then plain quotes."""
    data = ("\u201cPakistan said " * 10000 + '"' * 10000 + "\n").encode()
    return [write(os.path.join(tmp, "open-quotes.txt"), data)]


def one_word(tmp):
    """5 MB of a single repeated word."""
    data = b"Pakistan " * (5 * 1024 * 1024 // 9)
    return [write(os.path.join(tmp, "word.txt"), data)]


def nul_and_controls(tmp):
    """NUL bytes and control characters, alone and inside sentences."""
    junk = bytes(range(0, 32)) + b"\x7f"
    data = (b"\0" * 65536 + junk * 1000 +
            b"Pakistan\0urged\x01the\x1bTaliban\x0b to act.\r\n" * 1000)
    return [write(os.path.join(tmp, "nul.txt"), data)]


def many_sentences(tmp):
    """200,000 one-word sentences."""
    return [write(os.path.join(tmp, "dots.txt"), b"Pakistan. " * 200000)]


CASES = {
    "long-sentence": long_sentence,
    "many-aliases": many_aliases,
    "deep-quotes": deep_quotes,
    "unbalanced-quotes": unbalanced_quotes,
    "one-word-5mb": one_word,
    "nul-and-controls": nul_and_controls,
    "many-sentences": many_sentences,
}

SANITIZER_MARKS = (b"ERROR: AddressSanitizer", b"ERROR: LeakSanitizer",
                   b"runtime error:", b"SUMMARY: UndefinedBehaviorSanitizer",
                   b"==ERROR", b"Invalid read", b"Invalid write")


def run(name):
    dyad = os.environ.get("DYAD")
    if not dyad:
        print("DYAD is not set (run through meson test)")
        return 99
    limit = LIMIT * float(os.environ.get("DYAD_TIMEOUT_SCALE", "1"))
    with tempfile.TemporaryDirectory(prefix="dyad-patho-") as tmp:
        args = CASES[name](tmp)
        cmd = [dyad, "extract", "--format", "json"] + args
        print("case %s: %s" % (name, CASES[name].__doc__))
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=limit)
        except subprocess.TimeoutExpired:
            print("FAIL: did not finish in %.0f s" % limit)
            return 1
    err = p.stderr
    print("exit %d, %d bytes of output" % (p.returncode, len(p.stdout)))
    if err:
        sys.stdout.write(err[-4000:].decode("utf-8", "replace") + "\n")
    if p.returncode < 0 or p.returncode >= 128:
        print("FAIL: killed by a signal or crashed (status %d)"
              % p.returncode)
        return 1
    if p.returncode not in (0, 1):
        print("FAIL: exit status %d (want 0 or 1)" % p.returncode)
        return 1
    if any(m in err for m in SANITIZER_MARKS):
        print("FAIL: sanitizer or valgrind report")
        return 1
    return 0


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        print(__doc__)
        return 99
    return run(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
