#!/usr/bin/python3
"""Pathological inputs against the CLI ($DYAD).

    pathological.py CASE     run one case (see CASES below)
    pathological.py --list   name the cases

Each case writes its input to a temporary folder and runs dyad on it
(`$DYAD extract --format json ...` unless the case names another command).
It passes when dyad finishes within the case's time bound with exit status
0 or 1 and no sanitizer report; a signal, an exit status above 1, a time-out
or a sanitizer report is a failure.  The bound is 60 s unless the case sets
a tighter one (the cases that were quadratic: their bound is what a linear
dyad needs, with room), times 5 under sanitizers ($DYAD_SANITIZED, set by
meson) and times $DYAD_TIMEOUT_SCALE (valgrind).
"""
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

LIMIT = 60
SANITIZER_SCALE = 5


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


def dots(tmp):
    """10 MB of '.' (each stop scanned every stop after it: 273 s a MB)."""
    return [write(os.path.join(tmp, "dots.txt"), b"." * (10 << 20))]


def stops(tmp):
    """10 MB of '?!', ten million stops that stay separate tokens."""
    return [write(os.path.join(tmp, "stops.txt"), b"?!" * (5 << 20))]


def spaced_dots(tmp):
    """10 MB of '. ', five million stops with spaces between."""
    return [write(os.path.join(tmp, "spaced.txt"), b". " * (5 << 20))]


def explain_lines(tmp):
    """dyad explain on 1,000,000 one-word lines (one sentence each)."""
    path = write(os.path.join(tmp, "lines.txt"), b"Pakistan\n" * 1000000)
    return ["explain", "-f", path]


def letters(i, n=4):
    out = ""
    for _ in range(n):
        out += chr(ord("a") + i % 26)
        i //= 26
    return out


def suggest_names(tmp):
    """--suggest over 100,000 distinct unknown names."""
    text = "".join("Pakistan attacked Zor%s.\n" % letters(i)
                   for i in range(100000))
    path = write(os.path.join(tmp, "names.txt"), text.encode())
    return ["extract", "--suggest", path]


def many_actors(tmp):
    """100,000 actors in an --actors file (repeats were found by a scan of
    every earlier id: 24 s)."""
    actors = ", ".join('{"id": "actor-%d", "label": "Actor %d", '
                       '"names": ["Zor%s Land"]}' % (i, i, letters(i))
                       for i in range(100000))
    path = write(os.path.join(tmp, "actors.json"),
                 ('{"actors": [%s]}\n' % actors).encode())
    text = write(os.path.join(tmp, "a.txt"),
                 b"Zoraaaa Land urged Zorbaaa Land to act.\n")
    return ["--actors", path, text]


def endless_stdin(tmp):
    """`yes | dyad extract -`: an endless line on stdin (read whole, it
    ended in the out-of-memory abort)."""
    return [YES, "-"]


def huge_file(tmp):
    """A 100 MB document with --max-document-bytes 10M: refused by its size,
    not read."""
    path = os.path.join(tmp, "huge.txt")
    with open(path, "wb") as f:
        f.truncate(100 << 20)
    return ["--max-document-bytes", "10M", path]


def huge_jsonl_line(tmp):
    """A 100 MB .jsonl line between two short ones, --max-document-bytes
    10M: skipped without being held (-k), the others read."""
    doc = b'{"id": "%s", "text": "Pakistan urged the Taliban to act."}\n'
    path = os.path.join(tmp, "c.jsonl")
    with open(path, "wb") as f:
        f.write(doc % b"a")
        f.write(b'{"id": "big", "text": "' + b"x" * (100 << 20) + b'"}\n')
        f.write(doc % b"b")
    return ["-k", "--max-document-bytes", "10M", path]


def jsonl_many_keys(tmp):
    """A .jsonl line of 100,000 distinct keys (duplicates are looked up in
    a hash table, not by a scan of every earlier key)."""
    keys = ", ".join('"k%d": %d' % (i, i) for i in range(100000))
    line = '{%s, "id": "a", "text": "Pakistan urged China."}\n' % keys
    return [write(os.path.join(tmp, "keys.jsonl"), line.encode())]


def jsonl_deep(tmp):
    """2,000 nested arrays in an ignored key, in 10,000 lines (40 MB):
    checked as JSON, never built."""
    line = ('{"x": %s, "id": "a%%d", "text": "Pakistan urged China."}\n'
            % ("[" * 2000 + "]" * 2000))
    data = "".join(line % i for i in range(10000))
    return [write(os.path.join(tmp, "deep.jsonl"), data.encode())]


def prose_line(tmp):
    """10 MB of real sentences on one line (the seeds, spaces for
    newlines): a document's memory is its tokens, not a per-token memo
    kept for the whole document (issue 11: 2.36 GB for 100 MB)."""
    seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         "..", "..", "seeds")
    text = b" ".join(open(os.path.join(seeds, f), "rb").read()
                     for f in sorted(os.listdir(seeds)) if f.endswith(".txt"))
    text = text.replace(b"\n", b" ") + b" "
    data = (text * ((10 << 20) // len(text) + 1))[:10 << 20]
    data = data[:data.rindex(b" ")]  # no word cut in two
    return [write(os.path.join(tmp, "line.txt"), data)]


# Cases held to a peak RSS too, in MiB (plain builds only: the sanitizers'
# allocators and shadow memory change it, and under valgrind the peak is
# valgrind's): measured 83 MiB for
# prose-line-10mb, 129 MiB before the memo became sentence-sized.
MEMORY = {
    "prose-line-10mb": 110,
}

# Cases that must be refused, not merely survive: (exit status, a line of
# stderr that must be there).
REFUSED = {
    "endless-stdin": (1, rb"^dyad: stdin: longer than 67108864 bytes"),
    "huge-file": (1, rb"huge\.txt: 104857600 bytes, over the limit of "
                     rb"10485760 \(--max-document-bytes\); not read$"),
    "huge-jsonl-line": (0, rb"c\.jsonl:2: the line is over the limit"),
}

YES = "<yes>"

# name: (input maker, time bound in seconds)
CASES = {
    "long-sentence": (long_sentence, LIMIT),
    "many-aliases": (many_aliases, LIMIT),
    "deep-quotes": (deep_quotes, LIMIT),
    "unbalanced-quotes": (unbalanced_quotes, LIMIT),
    "one-word-5mb": (one_word, LIMIT),
    "nul-and-controls": (nul_and_controls, LIMIT),
    "many-sentences": (many_sentences, LIMIT),
    "dots-10mb": (dots, 1),
    "stops-10mb": (stops, 15),
    "spaced-dots-10mb": (spaced_dots, 10),
    "explain-1m-lines": (explain_lines, 10),
    "suggest-100k-names": (suggest_names, 5),
    "many-actors-100k": (many_actors, 5),
    "endless-stdin": (endless_stdin, 10),
    "huge-file": (huge_file, 5),
    "huge-jsonl-line": (huge_jsonl_line, 10),
    "jsonl-100k-keys": (jsonl_many_keys, 10),
    "jsonl-deep-10k-lines": (jsonl_deep, 10),
    "prose-line-10mb": (prose_line, 20),
}

COMMANDS = ("extract", "explain", "merge", "diff")

SANITIZER_MARKS = (b"ERROR: AddressSanitizer", b"ERROR: LeakSanitizer",
                   b"runtime error:", b"SUMMARY: UndefinedBehaviorSanitizer",
                   b"==ERROR", b"Invalid read", b"Invalid write")


def run(name):
    dyad = os.environ.get("DYAD")
    if not dyad:
        print("DYAD is not set (run through meson test)")
        return 99
    make, bound = CASES[name]
    limit = bound * float(os.environ.get("DYAD_TIMEOUT_SCALE", "1"))
    sanitized = os.environ.get("DYAD_SANITIZED", "none") != "none"
    if sanitized:
        limit *= SANITIZER_SCALE
    with tempfile.TemporaryDirectory(prefix="dyad-patho-") as tmp:
        args = make(tmp)
        feed = None
        if args[0] == YES:
            feed = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
            args = args[1:]
        if args[0] not in COMMANDS:
            args = ["extract", "--format", "json"] + args
        print("case %s: %s" % (name, make.__doc__))
        start = time.monotonic()
        try:
            p = subprocess.run([dyad] + args, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=limit,
                               stdin=feed.stdout if feed else None)
        except subprocess.TimeoutExpired:
            print("FAIL: did not finish in %.1f s" % limit)
            return 1
        finally:
            if feed:
                feed.kill()
                feed.wait()
        took = time.monotonic() - start
    err = p.stderr
    print("exit %d, %d bytes of output, %.2f s (bound %.1f s)"
          % (p.returncode, len(p.stdout), took, limit))
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
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >> 10
    wrapped = os.environ.get("DYAD_TIMEOUT_SCALE", "1") != "1"  # valgrind
    if name in MEMORY and not sanitized and not wrapped:
        print("peak RSS %d MiB (bound %d MiB)" % (peak, MEMORY[name]))
        if peak > MEMORY[name]:
            print("FAIL: peak RSS over its bound")
            return 1
    if name in REFUSED:
        status, line = REFUSED[name]
        if p.returncode != status or not re.search(line, err, re.M):
            print("FAIL: want exit %d and a line %r on stderr" % (status, line))
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
