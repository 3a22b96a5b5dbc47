#!/usr/bin/python3
"""Error paths, exit codes and contracts of `dyad`, `dyad extract` and
`dyad explain`.  Prints TAP; run as `test_cli.py GROUP` with GROUP one of
main, extract, explain, suggest (meson runs one test per group).

The group "suggest" holds the checks of a feature the library may not have
shipped yet; meson shows it as SKIP until it has.

Environment: DYAD (the binary), DYAD_SOURCE_ROOT.  Every check runs the
binary in a fresh temporary directory.  A check that needs a feature the
library has not shipped yet (e.g. UNKNOWN trace events for --suggest) is
reported as a TAP skip, never as a pass."""

import gzip
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

DYAD = os.environ.get("DYAD", "dyad")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

# Small dictionaries of our own (never the shipped ones): with them the
# graphs below have links, so determinism and naming are checked on real
# evidence.
DICT = ["--actors", os.path.join(DATA, "actors.json"),
        "--verbs", os.path.join(DATA, "verbs.json")]

TESTS = {}


def test(group):
    def register(fn):
        TESTS.setdefault(group, []).append(fn)
        return fn
    return register


class Skip(Exception):
    pass


class Failure(Exception):
    pass


def run(args, stdin=None, cwd=None, stdout=None):
    """Runs dyad with args; returns (exit code, stdout, stderr) as text
    (stdout as bytes when stdout is given a file)."""
    proc = subprocess.run(
        [DYAD] + args, cwd=cwd,
        input=stdin if isinstance(stdin, (bytes, type(None))) else stdin.encode(),
        stdin=None if stdin is not None else subprocess.DEVNULL,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE, timeout=120)
    out = proc.stdout.decode("utf-8", "replace") if proc.stdout is not None else ""
    return proc.returncode, out, proc.stderr.decode("utf-8", "replace")


def check(cond, what, *ctx):
    if not cond:
        raise Failure(what + "".join("\n" + str(c) for c in ctx))


def expect(args, code, err_re=None, out_re=None, **kw):
    rc, out, err = run(args, **kw)
    ctx = ("args: %r" % (args,), "exit: %d" % rc, "stdout: %s" % out[:2000],
           "stderr: %s" % err[:2000])
    check(rc == code, "expected exit %d" % code, *ctx)
    if err_re:
        check(re.search(err_re, err, re.M), "stderr should match %r" % err_re,
              *ctx)
    if out_re:
        check(re.search(out_re, out, re.M), "stdout should match %r" % out_re,
              *ctx)
    return out, err


def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)
    return path


def all_files(root):
    found = []
    for d, dirs, files in os.walk(root):
        found += [os.path.relpath(os.path.join(d, f), root) for f in files]
    return sorted(found)


ARTICLE = ("Pakistan urged the Afghan Taliban to act against the TTP. "
           "China met Pakistani officials in Islamabad on Monday.\n")
SENTENCES = [
    "Pakistan urged the Afghan Taliban to act against the TTP.",
    "China met Pakistani officials in Islamabad.",
    "The TTP attacked Pakistani forces near the border.",
    "Russia criticised the United States over sanctions.",
    "Iran and India agreed to work together on trade.",
    "The United Nations condemned the attack by ISKP.",
    "Pakistan accused the Taliban of sheltering TTP leaders.",
]


def corpus(root, n=20):
    """n small deterministic documents, some in subdirectories."""
    for i in range(n):
        sub = "" if i % 3 else "part%d/" % (i % 2)
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)]
                        for k in range(1 + i % 4))
        write(os.path.join(root, "%sdoc%02d.txt" % (sub, i)), body + "\n")
    return root


def graph_of(out):
    try:
        return json.loads(out)
    except ValueError as e:
        raise Failure("stdout is not JSON: %s\n%s" % (e, out[:1000]))


# ------------------------------------------------------------------ main

@test("main")
def no_arguments(tmp):
    expect([], 2, err_re=r"^dyad: .*try 'dyad --help'")


@test("main")
def unknown_command(tmp):
    _, err = expect(["frobnicate"], 2)
    check(err == "dyad: unknown command 'frobnicate'; try 'dyad --help'\n",
          "exact message", err)


@test("main")
def unknown_global_option(tmp):
    expect(["--frobnicate"], 2, err_re=r"--frobnicate")


@test("main")
def help_lists_commands(tmp):
    for flag in ["--help", "-h", "help"]:
        out, _ = expect([flag], 0)
        for word in ["extract", "explain", "diff", "merge", "Exit status",
                     "graphs/", ".svg"]:
            check(word in out, "%s should mention %s" % (flag, word), out)


@test("main")
def version(tmp):
    out, _ = expect(["--version"], 0)
    check(out == "dyad 0.1.0\n", "version line", out)
    out, _ = expect(["-V"], 0)
    check(out == "dyad 0.1.0\n", "version line (-V)", out)


@test("main")
def help_command_equals_command_help(tmp):
    for cmd in ["extract", "explain"]:
        a, _ = expect(["help", cmd], 0)
        b, _ = expect([cmd, "--help"], 0)
        check(a == b and a, "'dyad help %s' == 'dyad %s --help'" % (cmd, cmd))


@test("main")
def help_unknown_command(tmp):
    expect(["help", "frobnicate"], 2, err_re=r"unknown command 'frobnicate'")


@test("main")
def write_error_on_stdout(tmp):
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full")
    for args in [["--help"], ["--version"], ["extract", "--help"],
                 ["explain", "--help"]]:
        with open("/dev/full", "wb") as full:
            rc, _, err = run(args, stdout=full)
        check(rc == 1, "%r >/dev/full should exit 1" % args, rc, err)
        check(re.search(r"^dyad: .*standard output", err, re.M),
              "message about stdout", err)


# --------------------------------------------------------------- extract

@test("extract")
def extract_help(tmp):
    out, _ = expect(["extract", "--help"], 0)
    for word in ["-o", "--format", "--actors", "--verbs", "--jobs",
                 "--max-evidence", "--keep-going", "--suggest", "--progress",
                 "dyad extract seeds -o graphs/seeds",
                 "dyad extract --format svg article.txt > a.svg",
                 "cat a.txt | dyad extract -", "base name", "stdin",
                 "Exit status"]:
        check(word in out, "extract --help should mention %r" % word, out)


@test("extract")
def extract_no_paths(tmp):
    expect(["extract"], 2, err_re=r"^dyad extract: .*try 'dyad extract --help'")


@test("extract")
def extract_unknown_option(tmp):
    expect(["extract", "--frobnicate", "x.txt"], 2, err_re=r"'--frobnicate'")
    expect(["extract", "-Z", "x.txt"], 2, err_re=r"'-Z'")


@test("extract")
def extract_missing_values(tmp):
    for opt, name in [("-o", "output"), ("--output", "output"),
                      ("--format", "format"), ("--actors", "actors"),
                      ("--verbs", "verbs"), ("-j", "jobs"),
                      ("--max-evidence", "max-evidence"),
                      ("--engine", "engine"), ("--title", "title"),
                      ("--min-weight", "min-weight")]:
        expect(["extract", opt], 2, err_re=r"--%s' needs a value" % name)


@test("extract")
def extract_bad_values(tmp):
    path = write(os.path.join(tmp, "a.txt"), ARTICLE)
    for args, msg in [(["--format", "xml"], "unknown format 'xml'"),
                      (["--jobs", "abc"], "--jobs"),
                      (["--jobs", "-1"], "--jobs"),
                      (["-j", "2x"], "--jobs"),
                      (["--max-evidence", "many"], "--max-evidence"),
                      (["--max-evidence", "-5"], "--max-evidence"),
                      (["--min-weight", "1.5"], "--min-weight"),
                      (["--engine", "crayon"], "engine 'crayon'")]:
        expect(["extract"] + args + [path], 2, err_re=re.escape(msg))


@test("extract")
def extract_output_and_format(tmp):
    path = write(os.path.join(tmp, "a.txt"), ARTICLE)
    expect(["extract", "-o", os.path.join(tmp, "g"), "--format", "dot", path],
           2, err_re=r"--format")
    check(all_files(tmp) == ["a.txt"], "nothing written", all_files(tmp))


@test("extract")
def extract_nonexistent_file(tmp):
    missing = os.path.join(tmp, "no-such-article.txt")
    expect(["extract", missing], 1,
           err_re=r"^dyad: .*no-such-article\.txt: .*No such file")


@test("extract")
def extract_directory_without_txt(tmp):
    d = os.path.join(tmp, "empty")
    write(os.path.join(d, "notes.md"), "Pakistan urged China.\n")
    write(os.path.join(d, ".hidden.txt"), "Pakistan urged China.\n")
    expect(["extract", d], 1,
           err_re=r"^dyad: no \*\.txt files under .*empty$")


@test("extract")
def extract_invalid_utf8(tmp):
    bad = write(os.path.join(tmp, "bad.txt"),
                b"Pakistan urged China.\nSecond line \xff\xfe here.\n")
    expect(["extract", bad], 1, err_re=r"^dyad: .*bad\.txt:2:\d+: ")
    # In a directory the message still names the file's path.
    d = os.path.join(tmp, "corpus")
    write(os.path.join(d, "good.txt"), ARTICLE)
    shutil.copy(bad, os.path.join(d, "worse.txt"))
    expect(["extract", d], 1, err_re=r"corpus/worse\.txt:2:\d+: ")


@test("extract")
def extract_keep_going(tmp):
    d = os.path.join(tmp, "corpus")
    write(os.path.join(d, "good.txt"), ARTICLE)
    write(os.path.join(d, "worse.txt"), b"Bad \xc3\x28 byte.\n")
    out, err = expect(["extract", "--keep-going", "--no-progress", d,
                       os.path.join(tmp, "missing.txt")], 0)
    check(re.search(r"warning: .*corpus/worse\.txt:1:\d+: .*skipped", err),
          "warns naming the invalid file", err)
    check(re.search(r"warning: .*missing\.txt.*skipped", err),
          "warns naming the missing file", err)
    g = graph_of(out)
    check(g["graph"]["documents"] == 1, "only the good document counted",
          g["graph"])


@test("extract")
def extract_bad_actors_file(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    syn = write(os.path.join(tmp, "syntax.json"),
                '{"actors": [\n  {"id": "x",, }\n')
    expect(["extract", "--actors", syn, art], 1,
           err_re=r"^dyad: .*syntax\.json:\d+:\d+: ")
    for i, shape in enumerate(['[1, 2, 3]\n', '{"actors": 5}\n',
                               '"just a string"\n']):
        f = write(os.path.join(tmp, "shape%d.json" % i), shape)
        expect(["extract", "--actors", f, art], 1,
               err_re=r"^dyad: .*shape%d\.json" % i)
    expect(["extract", "--actors", os.path.join(tmp, "nope.json"), art], 1,
           err_re=r"nope\.json")
    syn = write(os.path.join(tmp, "verbs.json"), '{"verbs": [}')
    expect(["extract", "--verbs", syn, art], 1,
           err_re=r"^dyad: .*verbs\.json:\d+:\d+: ")


@test("extract")
def extract_output_nonexistent_dir(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    before = all_files(tmp)
    expect(["extract", "-o", os.path.join(tmp, "no", "dir", "g"), art], 1,
           err_re=r"no/dir")
    check(all_files(tmp) == before, "nothing left behind", all_files(tmp))
    check(not os.path.exists(os.path.join(tmp, "no")), "no directory made")
    # Relative prefix, run from tmp: nothing in the cwd either.
    expect(["extract", "-o", "missing/g", "a.txt"], 1, cwd=tmp)
    check(all_files(tmp) == before, "nothing left behind (cwd)",
          all_files(tmp))


@test("extract")
def extract_output_all_or_nothing(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    os.mkdir(os.path.join(tmp, "g.svg"))  # the last file cannot be renamed
    expect(["extract", "-o", os.path.join(tmp, "g"), art], 1,
           err_re=r"g\.svg")
    check(all_files(tmp) == ["a.txt"], "no JSON or DOT without the SVG, no "
          "temporary files", all_files(tmp))
    expect(["extract", "-o", os.path.join(tmp, "graphs") + "/", art], 2,
           err_re=r"prefix")


@test("extract")
def extract_output_files(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    os.mkdir(os.path.join(tmp, "graphs"))
    expect(["extract", "-o", "graphs/a", "a.txt"], 0, cwd=tmp)
    files = all_files(os.path.join(tmp, "graphs"))
    check(files == ["a.dot", "a.json", "a.svg"], "three files, no temps",
          files)
    with open(os.path.join(tmp, "graphs", "a.json")) as f:
        g = json.load(f)
    check(g.get("directed") is True and "links" in g, "a node-link graph", g)
    with open(os.path.join(tmp, "graphs", "a.dot")) as f:
        check("digraph" in f.read(), "DOT is a digraph")
    with open(os.path.join(tmp, "graphs", "a.svg")) as f:
        check("<svg" in f.read(), "SVG has <svg")
    mode = os.stat(os.path.join(tmp, "graphs", "a.json")).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    check(mode == 0o666 & ~umask, "mode follows the umask, not mkstemp's "
          "0600", oct(mode), oct(umask))
    # -o replaces old files whole.
    write(os.path.join(tmp, "graphs", "a.json"), "old")
    expect(["extract", "-o", "graphs/a", "a.txt"], 0, cwd=tmp)
    with open(os.path.join(tmp, "graphs", "a.json")) as f:
        check(f.read() != "old", "replaced")


@test("extract")
def extract_formats_to_stdout(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    out, _ = expect(["extract", art], 0)
    graph_of(out)
    out, _ = expect(["extract", "--format", "dot", art], 0)
    check("digraph" in out, "DOT on stdout", out[:300])
    out, _ = expect(["extract", "--format", "svg", art], 0)
    check("<svg" in out, "SVG on stdout", out[:300])


@test("extract")
def extract_stdout_full(tmp):
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full")
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    for fmt in ["json", "dot", "svg"]:
        with open("/dev/full", "wb") as full:
            rc, _, err = run(["extract", "--format", fmt, art], stdout=full)
        check(rc == 1, "extract --format %s >/dev/full exits 1" % fmt, rc, err)
        check(err.startswith("dyad: "), "with a message", err)


@test("extract")
def extract_stdin(tmp):
    out, _ = expect(["extract"] + DICT + ["-"], 0, stdin=ARTICLE)
    g = graph_of(out)
    check(g["graph"]["documents"] == 1, "one document from stdin", g["graph"])
    docs = {e["doc"] for l in g["links"] for e in l["evidence"]}
    check(docs <= {"stdin"}, "stdin is named 'stdin'", docs)


@test("extract")
def extract_document_names(tmp):
    d = corpus(os.path.join(tmp, "seeds"), 6)
    out, err = expect(["extract", "--no-progress", "seeds"] + DICT, 0,
                      cwd=tmp)
    check("duplicate" not in err, "no duplicate names in one directory", err)
    g = graph_of(out)
    check(g["graph"]["documents"] == 6, "six documents", g["graph"])
    docs = {e["doc"] for l in g["links"] for e in l["evidence"]}
    expected = set(all_files(d))
    check(docs <= expected, "names are paths below the directory",
          docs, expected)
    # A file argument is named by its base name: "doc03.txt", which does
    # not clash with the directory's "part1/doc03.txt"...
    _, err = expect(["extract", "--no-progress", "seeds",
                     "seeds/part1/doc03.txt"], 0, cwd=tmp)
    check("duplicate" not in err, "base name vs relative path", err)
    # ... but "seeds/doc01.txt" clashes with the directory's "doc01.txt".
    _, err = expect(["extract", "--no-progress", "seeds",
                     "seeds/doc01.txt"], 0, cwd=tmp)
    check(re.search(r"warning: .*duplicate document name 'doc01\.txt'", err),
          "duplicate name warned", err)


@test("extract")
def extract_hidden_and_other_files_skipped(tmp):
    d = os.path.join(tmp, "c")
    write(os.path.join(d, "a.txt"), ARTICLE)
    write(os.path.join(d, ".hidden.txt"), b"\xff invalid\n")
    write(os.path.join(d, ".git", "x.txt"), b"\xff invalid\n")
    write(os.path.join(d, "notes.md"), b"\xff invalid\n")
    os.symlink(d, os.path.join(d, "loop"))  # a directory symlink: not followed
    out, _ = expect(["extract", d], 0)
    check(graph_of(out)["graph"]["documents"] == 1, "only a.txt read")


@test("extract")
def extract_jsonl(tmp):
    lines = [json.dumps({"id": "art-%d" % i, "text": s})
             for i, s in enumerate(SENTENCES)]
    good = write(os.path.join(tmp, "corpus.jsonl"),
                 "\n".join(lines) + "\n\n")
    out, _ = expect(["extract", good] + DICT, 0)
    g = graph_of(out)
    check(g["graph"]["documents"] == len(SENTENCES), "one document a line",
          g["graph"])
    docs = {e["doc"] for l in g["links"] for e in l["evidence"]}
    check(docs <= {"art-%d" % i for i in range(len(SENTENCES))},
          "named by id", docs)
    # a bad line is named by file and line, and the message says which
    # field is wrong (or, for bad JSON, the column too)
    for bad_line, why in [
            ('{"id": "x"}', r': "text" is missing$'),
            ('{"id": 3, "text": "t"}', r': "id" is a number, not a string$'),
            ('{"id": "", "text": "t"}', r': "id" is empty$'),
            ('{"id": "x", "text": null}', r': "text" is null, not a string$'),
            ('[1, 2]', r': the line is an array, not an object$'),
            ('{"id": "x", "text": "unterminated', None)]:
        bad = write(os.path.join(tmp, "bad.jsonl"),
                    lines[0] + "\n" + bad_line + "\n" + lines[1] + "\n")
        want = (r'^dyad: .*bad\.jsonl:2: expected \{"id","text"\}' + why
                if why else r'^dyad: .*bad\.jsonl:2:33: invalid JSON in '
                r'"text": premature end of input')
        expect(["extract", bad], 1, err_re=want)
        expect(["extract", "-j", "3", bad], 1, err_re=want)


@test("extract")
def extract_jsonl_rules(tmp):
    """The JSONL rules as docs/cli.md states them (issue 11, item 6)."""
    doc = '{"id": "%s", "text": "Pakistan urged the Taliban to act."}'
    # blank lines, including white space only, are allowed
    f = write(os.path.join(tmp, "blank.jsonl"),
              doc % "a" + "\n   \t \n\r\n\n" + doc % "b" + "\n")
    out, _ = expect(["extract", f] + DICT, 0)
    check(graph_of(out)["graph"]["documents"] == 2, "blank lines skipped")
    # a UTF-8 byte order mark is accepted, as in a .txt file
    f = write(os.path.join(tmp, "bom.jsonl"),
              b"\xef\xbb\xbf" + (doc % "a").encode() + b"\n\xef\xbb\xbf"
              + (doc % "b").encode() + b"\n")
    out, _ = expect(["extract", f] + DICT, 0)
    check(graph_of(out)["graph"]["documents"] == 2, "BOM lines read")
    # duplicate keys are refused with line and column, as graphs and
    # dictionaries refuse them (the last one was kept silently)
    f = write(os.path.join(tmp, "dup.jsonl"),
              doc % "a" + '\n{"id": "a", "id": "b", "text": "t"}\n')
    expect(["extract", f], 1,
           err_re=r'^dyad: .*dup\.jsonl:2:16: invalid JSON: duplicate '
                  r'object key')
    f = write(os.path.join(tmp, "dup-bom.jsonl"),
              b'\xef\xbb\xbf{"text": "t", "text": "u", "id": "a"}\n')
    expect(["extract", f], 1, err_re=r'^dyad: .*dup-bom\.jsonl:1:20: ')
    # numbers in keys dyad ignores are not read, however big
    f = write(os.path.join(tmp, "big.jsonl"),
              '{"id": "a", "n": 123456789012345678901234567890, '
              '"r": -1.5e999, "x": [1e400, {"y": 99999999999999999999}], '
              '"text": "Pakistan urged the Taliban to act."}\n')
    out, _ = expect(["extract", f] + DICT, 0)
    check(graph_of(out)["graph"]["documents"] == 1, "huge numbers ignored")
    f = write(os.path.join(tmp, "big-id.jsonl"),
              '{"id": 123456789012345678901234567890, "text": "t"}\n')
    expect(["extract", f], 1,
           err_re=r'^dyad: .*big-id\.jsonl:1: expected \{"id","text"\}: '
                  r'"id" is a number')
    # what is not a number stays an error
    f = write(os.path.join(tmp, "lead0.jsonl"),
              '{"id": "a", "n": 01, "text": "t"}\n')
    expect(["extract", f], 1,
           err_re=r'^dyad: .*lead0\.jsonl:1:18: invalid JSON in "n": ')
    f = write(os.path.join(tmp, "numstr.jsonl"),
              '{"id": "12\\" 3", "text": "45"}\n')
    out, _ = expect(["extract", f] + DICT, 0)
    check(graph_of(out)["graph"]["documents"] == 1,
          "digits inside strings untouched")


# The JSONL scanner's messages: Jansson's text and column (it read these
# lines before), with the field named when the error is inside a value.
JSONL_ERRORS = [
    (b'{"id": "a" "text": "t"}',
     r""":1:17: invalid JSON: '}' expected near '"text"'$"""),
    (b'{"id": "a", "text": "t",}',
     r""":1:25: invalid JSON: string or '}' expected near '}'$"""),
    (b'{"id": "a", "text": "t"} x',
     r""":1:26: invalid JSON: end of file expected near 'x'$"""),
    (b'"just"', r""":1:6: invalid JSON: '\[' or '\{' expected near '"just"'$"""),
    (b'{"id": "a", "text": "bad \\q"}',
     r""":1:27: invalid JSON in "text": invalid escape near '"bad \\q'$"""),
    (b'{"id": "a", "text": "x \\ud800 y"}',
     r""":1:32: invalid JSON in "text": invalid Unicode '\\uD800'"""),
    (b'{"id": "a", "text": "ctl \x01"}',
     r""":1:25: invalid JSON in "text": control character 0x1 near '"ctl '$"""),
    (b'{"id": "a", "text": "bad \xff"}',
     r""":1:25: invalid JSON in "text": unable to decode byte 0xff"""),
    (b'{"id": "a", "text": tru}',
     r""":1:23: invalid JSON in "text": invalid token near 'tru'$"""),
    (b'{"id": "a", "text": ',
     r""":1:20: invalid JSON in "text": unexpected token near end of file$"""),
    (b'{"id": "a", "x": [1, {"y": }], "text": "t"}',
     r""":1:28: invalid JSON in "x": unexpected token near '}'$"""),
    (b'{"id": "a", "x": 1.e5, "text": "t"}',
     r""":1:19: invalid JSON in "x": invalid token near '1\.'$"""),
    (b'{"id": "\xc3\xa9", "x": -, "text": "t"}',
     r""":1:18: invalid JSON in "x": invalid token near '-'$"""),
    (b'{"a": {"b": 1, "b": 2}, "id": "a", "text": "t"}',
     r""":1:18: invalid JSON in "a": duplicate object key near '"b"'$"""),
    (b'{"id": "a", "x": ' + b'[' * 3000 + b']' * 3000 + b', "text": "t"}',
     r""":1:2065: invalid JSON in "x": maximum parsing depth reached"""),
    (b'{"id": "a\\u0000b", "text": "t"}',
     r""":1: expected \{"id","text"\}: "id" holds a NUL character"""),
    (b'{"id": {}, "text": "t"}',
     r""":1: expected \{"id","text"\}: "id" is an object, not a string$"""),
    (b'{"id": "a", "text": true}',
     r""":1: expected \{"id","text"\}: "text" is a boolean, not a string$"""),
]


@test("extract")
def extract_jsonl_scanner_errors(tmp):
    """Every message names file, line, column and, inside a value, the
    field (issue 11 item 6); the scanner builds no JSON tree (issue 10)."""
    f = os.path.join(tmp, "c.jsonl")
    for line, want in JSONL_ERRORS:
        write(f, b'{"id": "ok", "text": "t"}\n' + line.replace(b":1", b"")
              + b"\n")
        expect(["extract", f], 1,
               err_re=r"^dyad: .*c\.jsonl" + want.replace(":1", ":2", 1))


@test("extract")
def extract_jsonl_scanner_values(tmp):
    """Escapes, surrogate pairs and a date decode as Jansson decoded them."""
    f = write(os.path.join(tmp, "e.jsonl"), json.dumps({
        "id": "caf\u00e9 \U0001F600 \"q\"", "date": "2024-03-18T10:00:00Z",
        "skip": {"a": [1, 2.5e300, "x\\y", None, True]},
        "text": "Pakistan urged the Afghan Taliban\tto act\u2014now."},
        ensure_ascii=True) + "\n")
    out, err = expect(["extract", f, "--format", "graphml"] + DICT, 0)
    check("caf\u00e9 \U0001F600 &quot;q&quot;" in out
          or 'caf\u00e9 \U0001F600 "q"' in out, "id decoded", out[:3000])
    check("2024-03-18" in out, "the date is read", out[:3000])
    g = graph_of(expect(["extract", f] + DICT, 0)[0])
    texts = [e["text"] for l in g["links"] for e in l["evidence"]]
    check(any("to act\u2014now." in t for t in texts),
          "text decoded (\\t, \\u2014)", texts)


@test("extract")
def extract_names_escaped_in_messages(tmp):
    """An id with control characters (a terminal escape) is shown with
    them as \\xNN in messages, never raw (issue 11 item 8)."""
    evil = "red\u001b[31m\u0007\u009b2J"
    f = write(os.path.join(tmp, "e.jsonl"),
              json.dumps({"id": evil, "text": "Pakistan urged China."})
              + "\n" + json.dumps({"id": evil, "text": "China met Iran.",
                                   "date": "soon"}) + "\n")
    _, err = expect(["extract", f], 0)
    check("\x1b" not in err and "\x07" not in err and "\u009b" not in err,
          "no raw control character on stderr", repr(err))
    check("duplicate document name 'red\\x1b[31m\\x07\\u009b2J'" in err,
          "the name shown escaped", repr(err))
    check("document 'red\\x1b[31m\\x07\\u009b2J' has none" in err,
          "the date warning too", repr(err))


@test("extract")
def extract_duplicate_names_warned_once(tmp):
    """A name given to several documents is warned once, in byte order of
    the names, when extraction ends (from the graph's sorted list of
    documents, docs/cli.md): the same warnings with -j1 and -j2, and with
    the list spilled to disk (DYAD_DOCS_SPILL_BYTES)."""
    lines = [{"id": i, "text": "Pakistan urged China."}
             for i in ["b", "a", "c", "b", "z", "a", "b", "d"]]
    f = write(os.path.join(tmp, "d.jsonl"),
              "".join(json.dumps(l) + "\n" for l in lines))
    want = ("dyad: warning: duplicate document name 'a'\n"
            "dyad: warning: duplicate document name 'b'\n")
    seen = []
    for spill in (None, "64"):
        if spill:
            os.environ["DYAD_DOCS_SPILL_BYTES"] = spill
        try:
            for j in ("-j1", "-j2"):
                out, err = expect(["extract", "--no-progress", j, f,
                                   "--format", "json"], 0)
                check(err == want, "once a name, sorted (%s, spill %s)"
                      % (j, spill), repr(err))
                seen.append(out)
        finally:
            os.environ.pop("DYAD_DOCS_SPILL_BYTES", None)
    check(all(o == seen[0] for o in seen), "the same graph each way")


@test("extract")
def extract_suggest_escapes_controls(tmp):
    """--suggest's table shows an article's control characters as \\xNN
    (an ESC in an example sentence would clear the terminal)."""
    f = write(os.path.join(tmp, "esc.txt"),
              "Pakistan attacked Zorland \u001b[2J now.\n")
    out, _ = expect(["extract", "--suggest", f], 0)
    check("\x1b" not in out, "no raw ESC in the table", repr(out))
    check("Zorland \\x1b[2J now." in out, "the ESC shown as \\x1b", repr(out))


@test("extract")
def extract_nul_bytes(tmp):
    """A NUL byte is read as a space, with a warning naming the first; the
    evidence sentence goes on past it (it was cut there)."""
    f = write(os.path.join(tmp, "nul.txt"),
              b"Intro line.\nPakistan urged\0the Afghan Taliban to act "
              b"against the TTP.\0\n")
    out, err = expect(["extract", f] + DICT, 0)
    check(re.search(r"warning: .*nul\.txt:2:15: 2 NUL bytes read as spaces",
                    err), "warns with line and column", err)
    texts = [e["text"] for l in graph_of(out)["links"] for e in l["evidence"]]
    check(any(t.startswith("Pakistan urged the Afghan Taliban to act")
              for t in texts), "the sentence is whole", texts)
    j = write(os.path.join(tmp, "nul.jsonl"), json.dumps(
        {"id": "n", "text": "Pakistan urged\u0000the Afghan Taliban to act."})
        + "\n")
    out, err = expect(["extract", j] + DICT, 0)
    check(re.search(r"nul\.jsonl:1: document 'n' \(text line 1, column 15\):"
                    r" 1 NUL character", err), "jsonl: warned", err)
    texts = [e["text"] for l in graph_of(out)["links"] for e in l["evidence"]]
    check(any("urged the Afghan" in t for t in texts), "jsonl: whole", texts)


@test("extract")
def extract_unstatable_files(tmp):
    """A *.txt in a directory that cannot be stat'ed is an error naming it
    (--keep-going: a warning), never a silent skip (issue 11 item 5)."""
    d = os.path.join(tmp, "c")
    write(os.path.join(d, "good.txt"), ARTICLE)
    os.symlink("missing-target.txt", os.path.join(d, "dangling.txt"))
    expect(["extract", d], 1,
           err_re=r"^dyad: .*c/dangling\.txt: cannot open: No such file")
    out, err = expect(["extract", "-k", "--no-progress", d], 0)
    check(re.search(r"warning: .*dangling\.txt: .*\(skipped\)", err),
          "keep-going warns", err)
    check(graph_of(out)["graph"]["documents"] == 1, "the good file read")
    os.remove(os.path.join(d, "dangling.txt"))
    os.symlink("loop.txt", os.path.join(d, "loop.txt"))
    expect(["extract", d], 1,
           err_re=r"^dyad: .*c/loop\.txt: cannot open: Too many levels")
    os.remove(os.path.join(d, "loop.txt"))
    # a FIFO or a link to a directory named *.txt is not read, with a word
    os.mkfifo(os.path.join(d, "pipe.txt"))
    os.symlink(tmp, os.path.join(d, "dir.txt"))
    out, err = expect(["extract", "--no-progress", d], 0)
    check(re.search(r"warning: .*c/pipe\.txt: not a regular file \(skipped\)",
                    err) and re.search(r"c/dir\.txt: not a regular file",
                                       err), "warned, not read", err)
    os.remove(os.path.join(d, "pipe.txt"))
    os.remove(os.path.join(d, "dir.txt"))
    # a path past PATH_MAX (4096): made with relative mkdirs
    fd = os.open(d, os.O_RDONLY)
    depth = 0
    while depth < 4200 // 101:
        os.mkdir("x" * 100, dir_fd=fd)
        nfd = os.open("x" * 100, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nfd
        depth += 1
    with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644,
                      dir_fd=fd), "w") as f:
        f.write(ARTICLE)
    os.close(fd)
    expect(["extract", d], 1, err_re=r"^dyad: .*xxxx.*: File name too long")
    _, err = expect(["extract", "-k", "--no-progress", d], 0)
    check("File name too long" in err and "skipped" in err, "warned", err)
    shutil.rmtree(os.path.join(d, "x" * 100), ignore_errors=True)


@test("extract")
def extract_max_document_bytes(tmp):
    """--max-document-bytes refuses a longer document by name before it is
    read whole; the default (64M) stops `yes |` (issue 11 item 8)."""
    f = write(os.path.join(tmp, "big.txt"), b"Pakistan urged China. " * 100)
    expect(["extract", "--max-document-bytes", "1K", f], 1,
           err_re=r"^dyad: .*big\.txt: 2200 bytes, over the limit of 1024 "
                  r"\(--max-document-bytes\); not read$")
    expect(["extract", "--max-document-bytes", "3000", f], 0)
    expect(["extract", "--max-document-bytes", "0", f], 0)
    for bad in ["-1", "1T", "K", "12x", ""]:
        expect(["extract", "--max-document-bytes", bad, f], 2,
               err_re=r"--max-document-bytes wants a size")
    # over the limit in a directory and with --keep-going
    d = os.path.join(tmp, "d")
    write(os.path.join(d, "a.txt"), ARTICLE)
    shutil.copy(f, os.path.join(d, "big.txt"))
    out, err = expect(["extract", "-k", "--no-progress",
                       "--max-document-bytes", "1k", d], 0)
    check(re.search(r"warning: .*d/big\.txt: 2200 bytes.*\(skipped\)", err),
          "skipped with a warning", err)
    check(graph_of(out)["graph"]["documents"] == 1, "one document")
    # a stream is cut as it is read: gzip, and stdin
    gz = os.path.join(tmp, "big.txt.gz")
    with gzip.open(gz, "wb") as g:
        g.write(b"Pakistan urged China. " * 100)
    expect(["extract", "--max-document-bytes", "1k", gz], 1,
           err_re=r"big\.txt\.gz: longer than 1024 bytes")
    # JSONL: the line is the document; the others are read
    j = write(os.path.join(tmp, "c.jsonl"),
              json.dumps({"id": "a", "text": ARTICLE}) + "\n"
              + json.dumps({"id": "b", "text": "x" * 5000}) + "\n"
              + json.dumps({"id": "c", "text": ARTICLE}) + "\n")
    expect(["extract", "--max-document-bytes", "4k", j], 1,
           err_re=r"^dyad: .*c\.jsonl:2: the line is over the limit of "
                  r"4096 bytes")
    out, _ = expect(["extract", "-k", "--no-progress",
                     "--max-document-bytes", "4k", j], 0)
    check(graph_of(out)["graph"]["documents"] == 2, "two lines read")
    # `yes | dyad extract -`: a clear error at the default limit, soon
    proc = subprocess.Popen("yes | %s extract -" % DYAD, shell=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise Failure("yes | dyad extract - did not end in 60 s")
    check(proc.returncode == 1, "exit 1", proc.returncode, err)
    check(re.search(rb"^dyad: stdin: longer than 67108864 bytes", err, re.M),
          "names stdin and the limit", err)


@test("extract")
def extract_shard_values(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    for bad in ["0/3", "4/3", "3", "/3", "a/b", "1/0", "1/100001", "-1/2"]:
        expect(["extract", "--shard", bad, art], 2,
               err_re=r"--shard wants K/N with 1 <= K <= N")
    docs = [graph_of(expect(["extract", "--shard", "%d/2" % k, art], 0)[0])
            ["graph"]["documents"] for k in (1, 2)]
    check(sorted(docs) == [0, 1], "one of two shards has the file", docs)
    # progress counts this shard's documents, not the lines it passes by
    lines = "".join(json.dumps({"id": "d%d" % i, "text": "t"}) + "\n"
                    for i in range(50))
    j = write(os.path.join(tmp, "c.jsonl"), lines)
    total = 0
    for k in (1, 2, 3):
        out, err = expect(["extract", "--progress", "--shard", "%d/3" % k,
                           j], 0)
        n = graph_of(out)["graph"]["documents"]
        total += n
        check(re.search(r"^dyad: %d documents, " % n, err, re.M),
              "shard %d/3: the summary counts its %d documents" % (k, n),
              err)
    check(total == 50, "the three shards have the 50 lines", total)


def compress(path, data, how):
    if how == "gz":
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        subprocess.run(["zstd", "-q", "-f", "-o", path], input=data,
                       check=True)
    return path


@test("extract")
def extract_compressed(tmp):
    """.txt.gz and .txt.zst in directories, .jsonl.gz and .jsonl.zst give
    the graph of the plain files, byte for byte."""
    if not shutil.which("zstd"):
        raise Skip("no zstd program to make the fixtures")
    plain = corpus(os.path.join(tmp, "plain"), 12)
    want = expect(["extract", "plain"] + DICT, 0, cwd=tmp)[0]
    check(graph_of(want)["links"], "the corpus gives links")
    for i, rel in enumerate(all_files(plain)):
        data = open(os.path.join(plain, rel), "rb").read()
        how = "gz" if i % 2 else "zst"
        dest = os.path.join(tmp, "packed", rel + "." + how)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        compress(dest, data, how)
    got = expect(["extract", "packed"] + DICT, 0, cwd=tmp)[0]
    check(got == want, "compressed folder: same bytes", got[:500], want[:500])
    lines = "".join(json.dumps({"id": "d%d" % i, "text": s}) + "\n"
                    for i, s in enumerate(SENTENCES * 20)).encode()
    write(os.path.join(tmp, "c.jsonl"), lines)
    want = expect(["extract", "c.jsonl", "-j", "2"] + DICT, 0, cwd=tmp)[0]
    for how in ["gz", "zst"]:
        compress(os.path.join(tmp, "c.jsonl." + how), lines, how)
        got = expect(["extract", "c.jsonl." + how, "-j", "2"] + DICT, 0,
                     cwd=tmp)[0]
        check(got == want, "jsonl.%s: same bytes" % how)
    # corrupt and truncated files are errors naming them
    write(os.path.join(tmp, "bad.jsonl.gz"),
          open(os.path.join(tmp, "c.jsonl.gz"), "rb").read()[:200])
    expect(["extract", "bad.jsonl.gz"], 1, cwd=tmp,
           err_re=r"^dyad: bad\.jsonl\.gz: cannot decompress \(gzip\)")
    zst = open(os.path.join(tmp, "c.jsonl.zst"), "rb").read()
    write(os.path.join(tmp, "cut.jsonl.zst"), zst[:len(zst) // 2])
    expect(["extract", "cut.jsonl.zst"], 1, cwd=tmp,
           err_re=r"^dyad: cut\.jsonl\.zst: cannot decompress \(zstd\)")
    write(os.path.join(tmp, "junk.txt.zst"), b"not zstd at all\n")
    expect(["extract", "junk.txt.zst"], 1, cwd=tmp,
           err_re=r"^dyad: junk\.txt\.zst: cannot decompress \(zstd\): "
                  r"Unknown frame descriptor")


@test("extract")
def extract_deterministic(tmp):
    corpus(os.path.join(tmp, "c"), 20)
    runs = {}
    for jobs in ["1", "2", "4"]:
        for fmt in ["json", "dot"]:
            a = run(["extract", "-j", jobs, "--format", fmt, "c"] + DICT,
                    cwd=tmp)
            b = run(["extract", "-j", jobs, "--format", fmt, "c"] + DICT,
                    cwd=tmp)
            check(a[0] == 0 and b[0] == 0, "runs succeed", a[2], b[2])
            check(a[1] == b[1], "two -j%s runs byte-identical (%s)"
                  % (jobs, fmt))
            runs.setdefault(fmt, set()).add(a[1])
    for fmt, outs in runs.items():
        check(len(outs) == 1, "-j1, -j2, -j4 byte-identical (%s)" % fmt)
    g = graph_of(next(iter(runs["json"])))
    check(g["graph"]["documents"] == 20, "20 documents", g["graph"])
    check(g["links"], "the corpus gives links (else the check is empty)")
    # With an evidence cap, the evidence kept must not depend on -j either.
    capped = {run(["extract", "-j", j, "--max-evidence", "1", "c"] + DICT,
                  cwd=tmp)[1] for j in ["1", "2", "3"]}
    check(len(capped) == 1, "--max-evidence 1: -j1, -j2, -j3 identical")
    # The same over a .jsonl corpus.
    lines = [json.dumps({"id": "d%02d" % i, "text": SENTENCES[i % 7] + " "
                         + SENTENCES[(i * 3) % 7]}) for i in range(40)]
    write(os.path.join(tmp, "c.jsonl"), "\n".join(lines) + "\n")
    a = run(["extract", "-j", "1", "c.jsonl"] + DICT, cwd=tmp)
    b = run(["extract", "-j", "3", "c.jsonl"] + DICT, cwd=tmp)
    check(a[0] == 0 and a[1] == b[1], "jsonl: -j1 and -j3 identical", a[2])
    # Workers merge their graphs with each other as they finish (pool.c):
    # more workers than documents, and several rounds, change nothing.
    for jobs in ["16", "64"]:
        for cap in ([], ["--max-evidence", "1"]):
            x = run(["extract", "-j", "1", "c.jsonl"] + DICT + cap, cwd=tmp)
            y = run(["extract", "-j", jobs, "c.jsonl"] + DICT + cap, cwd=tmp)
            check(y[0] == 0 and x[1] == y[1],
                  "jsonl: -j1 and -j%s identical %s" % (jobs, cap), y[2])


@test("extract")
def extract_max_evidence(tmp):
    corpus(os.path.join(tmp, "c"), 20)
    out, _ = expect(["extract", "--max-evidence", "1", "c"] + DICT, 0,
                    cwd=tmp)
    g = graph_of(out)
    if not g["links"]:
        raise Skip("extraction gives no links yet")
    check(all(len(l["evidence"]) <= 1 for l in g["links"]),
          "at most one evidence item per link")
    full = graph_of(expect(["extract", "c"] + DICT, 0, cwd=tmp)[0])
    check([l["weight"] for l in full["links"]]
          == [l["weight"] for l in g["links"]], "weights stay exact")


@test("extract")
def extract_progress(tmp):
    corpus(os.path.join(tmp, "c"), 5)
    _, err = expect(["extract", "--progress", "c"], 0, cwd=tmp)
    check(re.search(r"^dyad: 5 documents, [\d.]+ MB in [\d.]+ s", err, re.M),
          "final progress summary", err)
    _, err = expect(["extract", "--no-progress", "c"], 0, cwd=tmp)
    check(err == "", "no progress, nothing on stderr", err)


@test("suggest")
def extract_suggest(tmp):
    text = ("The European Union urged Pakistan to reopen the border. "
            "Later the European Union met Chinese officials.\n")
    art = write(os.path.join(tmp, "eu.txt"), text)
    out, err = expect(["extract", "--suggest", art] + DICT, 0)
    if not out.strip():
        raise Skip("extraction emits no DYAD_TRACE_UNKNOWN events yet")
    lines = out.splitlines()
    check(re.match(r"^\s*count\s+name\s+example", lines[0]), "header", out)
    row = [l for l in lines if "European Union" in l]
    check(row, "lists European Union", out)
    check(re.match(r"^\s*2\s+European Union\s+eu\.txt: .*European Union",
                   row[0]), "count, name, doc and example", row[0])
    out, _ = expect(["extract", "--suggest", "--format", "json", art]
                    + DICT, 0)
    items = graph_of(out)
    eu = [i for i in items if i["name"] == "European Union"]
    check(eu and eu[0]["count"] == 2 and eu[0]["doc"] == "eu.txt"
          and "European Union" in eu[0]["example"], "JSON entry", items)
    check(items == sorted(items, key=lambda i: (-i["count"], i["name"])),
          "sorted by count, then name", items)
    # With -o the graph is written as well.
    expect(["extract", "--suggest", "-o", os.path.join(tmp, "g"), art]
           + DICT, 0,
           out_re=r"European Union")
    check(os.path.exists(os.path.join(tmp, "g.json")), "graph written too")


@test("extract")
def extract_suggest_format_checked(tmp):
    art = write(os.path.join(tmp, "a.txt"), ARTICLE)
    expect(["extract", "--suggest", "--format", "svg", art], 2,
           err_re=r"unknown format 'svg'")


# --------------------------------------------------------------- explain

@test("explain")
def explain_help(tmp):
    out, _ = expect(["explain", "--help"], 0)
    for word in ["--actors", "--verbs", "--format", "-f", "actor", "verb",
                 "triple", "drop", "dictionary", "Exit status"]:
        check(word in out, "explain --help should mention %r" % word, out)


@test("explain")
def explain_text(tmp):
    out, _ = expect(["explain", "Pakistan", "urged", "the", "Afghan",
                     "Taliban", "to", "act."], 0)
    check(re.search(r"^\[1\] 0-\d+ Pakistan urged the Afghan Taliban to act\.",
                    out, re.M), "the sentence with its offsets", out)
    check(re.search(r"^1 sentence, \d+ triples? on \d+ edges?", out, re.M),
          "the summary", out)


@test("explain")
def explain_sections(tmp):
    text = "Pakistan urged the Afghan Taliban to act against the TTP.\n"
    graph = graph_of(expect(["extract", "-"] + DICT, 0, stdin=text)[0])
    out, _ = expect(["explain", "-"] + DICT, 0, stdin=text)
    if not graph["links"]:
        raise Skip("extraction gives no links yet")
    for section in [r"^  actor +Pakistan +\d+-\d+ +-> Pakistan",
                    r"^  verb +urged +\d+-\d+ +urge 02",
                    r"^  triple +Pakistan -> Afghan Taliban +02 urge +\[rule: "]:
        check(re.search(section, out, re.M), "has %r" % section, out)
    for link in graph["links"]:
        check(re.search(r"^  \S.* -> .*weight %d" % link["weight"], out, re.M),
              "summary lists each edge", out)


@test("explain")
def explain_json(tmp):
    out, _ = expect(["explain", "--format", "json",
                     "Pakistan urged China. China met Russia."], 0)
    items = graph_of(out)
    check(isinstance(items, list) and len(items) == 2, "two sentences", items)
    for s in items:
        check({"sentence", "start", "end", "text", "events"} <= set(s),
              "sentence keys", s)
    check(items[1]["text"].startswith("China met"), "second sentence", items)


@test("explain")
def explain_inputs(tmp):
    f = write(os.path.join(tmp, "one.txt"), "Pakistan urged China.\n")
    expect(["explain", "-f", f], 0, out_re=r"^\[1\] 0-\d+ Pakistan urged")
    expect(["explain", "-"], 0, stdin="China met Russia.\n",
           out_re=r"^\[1\] 0-\d+ China met Russia")
    expect(["explain"], 0, stdin="China met Russia.\n",
           out_re=r"^\[1\] 0-\d+ China met Russia")
    expect(["explain"], 0, stdin="", out_re=r"^0 sentences")


@test("explain")
def explain_rules(tmp):
    out, _ = expect(["explain", "--rules"], 0)
    rows = [l.split() for l in out.splitlines() if l.strip()]
    names = [r[0] for r in rows]
    check(len(names) == len(set(names)), "rule names are unique", out)
    for name in ["agent-object", "requested-act", "including-list"]:
        check(name in names, "--rules lists %r" % name, out)
    check(all(r[1] in ("keep", "drop", "via") for r in rows), "every kind is keep/drop/via", out)
    js = graph_of(expect(["explain", "--rules", "--format", "json"], 0)[0])
    check([r["name"] for r in js] == names, "the JSON lists the same rules in order", js)
    # every rule a triple or a drop names is in the registry
    text = ("Several groups, including the TTP, attacked Pakistani posts. "
            "Pakistan urged the Afghan Taliban to act against the TTP.")
    ev = graph_of(expect(["explain", "--format", "json", text], 0)[0])
    seen = {step for s in ev for e in s["events"] if e.get("rule")
            for step in e["rule"].split(" > ")}
    check(seen and seen <= set(names), "triples and drops name registered rules", seen)
    check("including-list" in seen, "the path shows the step that found the subject", ev)


@test("explain")
def explain_errors(tmp):
    expect(["explain", "--rules", "Pakistan urged China."], 2, err_re=r"--rules takes no text")
    expect(["explain", "--rules", "-f", "x.txt"], 2, err_re=r"--rules takes no text")
    expect(["explain", "--frobnicate", "x"], 2, err_re=r"'--frobnicate'")
    expect(["explain", "--format", "xml", "x"], 2,
           err_re=r"unknown format 'xml'")
    expect(["explain", "-f"], 2, err_re=r"needs a value")
    expect(["explain", "--actors"], 2, err_re=r"needs a value")
    f = write(os.path.join(tmp, "one.txt"), "Pakistan urged China.\n")
    expect(["explain", "-f", f, "more", "words"], 2, err_re=r"not both")
    expect(["explain", "-f", os.path.join(tmp, "missing.txt")], 1,
           err_re=r"^dyad: .*missing\.txt: .*No such file")
    bad = write(os.path.join(tmp, "bad.txt"), b"One.\nTwo \xff.\n")
    expect(["explain", "-f", bad], 1, err_re=r"^dyad: .*bad\.txt:2:\d+: ")
    syn = write(os.path.join(tmp, "actors.json"), '{"actors": [,]}')
    expect(["explain", "--actors", syn, "Pakistan urged China."], 1,
           err_re=r"actors\.json:\d+:\d+: ")


@test("explain")
def explain_file_argument(tmp):
    f = write(os.path.join(tmp, "one.txt"), "Pakistan urged China.\n")
    out, err = expect(["explain", f], 0, out_re=r"^\[1\] 0-21 Pakistan urged")
    check(err == "", "a path is read quietly", err)
    check(out == expect(["explain", "-f", f], 0)[0], "FILE reads as -f FILE")
    out, _ = expect(["explain", "--format", "json", f], 0)
    check(graph_of(out)[0]["text"] == "Pakistan urged China.",
          "the file's sentence, not its name", out)
    # a word that names a file: the file, with a warning; --text: the word
    write(os.path.join(tmp, "China"), "China met Russia.\n")
    out, err = expect(["explain", "China"], 0, cwd=tmp,
                      out_re=r"^\[1\] 0-17 China met Russia\.",
                      err_re=r"^dyad: warning: explaining the file 'China' "
                             r"\(--text explains the word\)$")
    out, err = expect(["explain", "--text", "China"], 0, cwd=tmp,
                      out_re=r"^\[1\] 0-5 China$")
    check(err == "", "--text: no warning", err)
    # several words are text, even when one of them names a file
    expect(["explain", "China", "met", "Russia."], 0, cwd=tmp,
           out_re=r"^\[1\] 0-17 China met Russia\.")
    # a name with no file is text, as before
    expect(["explain", "Pakistan"], 0, cwd=tmp, out_re=r"^\[1\] 0-8 Pakistan")
    # the file's errors name the file
    bad = write(os.path.join(tmp, "bad.txt"), b"One.\nTwo \xff.\n")
    expect(["explain", bad], 1, err_re=r"^dyad: .*bad\.txt:2:\d+: ")
    expect(["explain", "--text", bad], 0, out_re=r"^\[1\] 0-\d+ /")


@test("explain")
def explain_file_argument_errors(tmp):
    f = write(os.path.join(tmp, "one.txt"), "Pakistan urged China.\n")
    g = write(os.path.join(tmp, "two.txt"), "China met Russia.\n")
    expect(["explain", tmp], 2, err_re=r"^dyad explain: .* is a directory: "
           r"explain reads one text \(dyad extract reads directories\); try "
           r"'dyad explain --help'$")
    expect(["explain", f, g], 2, err_re=r"^dyad explain: explain reads one "
           r"file \(dyad extract reads several\)")
    expect(["explain", "-f", f, "--text"], 2,
           err_re=r"give -f FILE or --text, not both")
    expect(["explain", "--rules", "--text", f], 2, err_re=r"--rules takes no text")
    unreadable = write(os.path.join(tmp, "locked.txt"), "China met Russia.\n")
    os.chmod(unreadable, 0)
    if os.access(unreadable, os.R_OK):
        return  # root reads it anyway
    expect(["explain", unreadable], 1, err_re=r"locked\.txt: cannot open")


def run_with_tty(args, fd_name):
    """Runs dyad with stdin or stderr (fd_name) on a pseudo-terminal;
    returns (exit code, what the terminal received)."""
    master, slave = pty.openpty()
    kw = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE,
          "stderr": subprocess.PIPE}
    kw[fd_name] = slave
    proc = subprocess.Popen([DYAD] + args, **kw)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    proc.communicate(timeout=60)
    os.close(master)
    return proc.returncode, got.decode("utf-8", "replace")


@test("explain")
def explain_stdin_terminal(tmp):
    rc, _ = run_with_tty(["explain"], "stdin")
    check(rc == 2, "no text and stdin a terminal: a usage error", rc)


@test("extract")
def extract_progress_on_terminal(tmp):
    corpus(os.path.join(tmp, "c"), 5)
    rc, got = run_with_tty(["extract", os.path.join(tmp, "c")], "stderr")
    check(rc == 0, "runs", rc, got)
    check(re.search(r"\r\x1b\[Kdyad: 5 documents, [\d.]+ MB in", got),
          "progress on by default on a terminal, rewritten in place", repr(got))


@test("extract")
def extract_summary_on_terminal(tmp):
    corpus(os.path.join(tmp, "c"), 5)
    out = os.path.join(tmp, "g")
    rc, got = run_with_tty(["extract", os.path.join(tmp, "c"), "-o", out,
                            "--no-progress"] + DICT, "stderr")
    check(rc == 0, "runs", rc, got)
    g = graph_of(open(out + ".json").read())
    line = "dyad: 5 documents, %d sentences, %d actors, %d edges -> %s.{json," \
        "dot,svg}\r\n" % (g["graph"]["sentences"], len(g["nodes"]),
                          len(g["links"]), out)
    check(got == line, "one summary line on the terminal", repr(got), line)
    rc, got = run_with_tty(["extract", os.path.join(tmp, "c"), "-o", out,
                            "--no-progress", "--formats", "csv,json"] + DICT,
                           "stderr")
    check(got.endswith(" -> %s.{nodes.csv,edges.csv,evidence.csv,json}\r\n"
                       % out), "CSV's three files, then JSON", repr(got))
    rc, got = run_with_tty(["extract", os.path.join(tmp, "c"), "-o", out,
                            "--no-progress", "--formats", "gexf"] + DICT,
                           "stderr")
    check(got.endswith(" edges -> %s.gexf\r\n" % out), "one format: no "
          "braces", repr(got))
    rc, got = run_with_tty(["extract", os.path.join(tmp, "c"), "--no-progress"]
                           + DICT, "stderr")
    check(rc == 0 and got == "", "no summary without -o", repr(got))
    rc, got = run_with_tty(["extract", os.path.join(tmp, "missing"), "-o", out,
                            "--no-progress"], "stderr")
    check(rc == 1 and "->" not in got, "no summary after a failure", repr(got))
    _, err = expect(["extract", os.path.join(tmp, "c"), "-o", out], 0)
    check(err == "", "nothing on stderr when it is not a terminal", err)


@test("explain")
def explain_stdout_full(tmp):
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        rc, _, err = run(["explain", "Pakistan urged China."], stdout=full)
    check(rc == 1 and "standard output" in err, "write error reported",
          rc, err)


def main():
    groups = sys.argv[1:] or sorted(TESTS)
    n = failed = 0
    for group in groups:
        for fn in TESTS[group]:
            n += 1
            tmp = tempfile.mkdtemp(prefix="dyad-cli-")
            name = "%s: %s" % (group, fn.__name__)
            try:
                fn(tmp)
                print("ok %d - %s" % (n, name))
            except Skip as e:
                print("ok %d - %s # SKIP %s" % (n, name, e))
            except Failure as e:
                failed += 1
                print("not ok %d - %s" % (n, name))
                for line in str(e).splitlines():
                    print("# " + line)
            except Exception as e:  # a crash of the test itself
                failed += 1
                print("not ok %d - %s" % (n, name))
                print("# %s: %s" % (type(e).__name__, e))
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            sys.stdout.flush()
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
