#!/usr/bin/env python3
"""Strings that used to break a drawn output (issue 11, item 4), through
the command line: a DOT token over 16,384 bytes (a long document id in a
tooltip, a long actor label, a long --title) that Graphviz's own dot could
not read; an id with a control character that made the SVG invalid XML;
ids starting with '%' that dot read back as anonymous nodes; a --title
that is not UTF-8, which dropped the legend; a file name that is not UTF-8,
refused by some formats and written raw by others.

Usage: test_strings.py   (env DYAD: the dyad program)"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

DYAD = os.environ["DYAD"]
DOT = shutil.which("dot")
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
TEXT = "Pakistan urged China to act.\n"
ELLIPSIS = "\u2026"


def run(*args, cwd=None, stdin=None):
    return subprocess.run([DYAD, *args], capture_output=True, cwd=cwd,
                          input=stdin, timeout=120)


def dot_reads(dot_bytes, fmt="svg"):
    """dot -T fmt of the DOT: (exit code, output, stderr)."""
    r = subprocess.run([DOT, "-T" + fmt], input=dot_bytes,
                       capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace")


def xml_ok(data):
    try:
        return ET.fromstring(data), ""
    except ET.ParseError as e:
        return None, str(e)


def titles(root, cls):
    return sorted(g.find(SVG + "title").text for g in root.iter(SVG + "g")
                  if g.get("class") == cls)


def actors(tmp, name, entries):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"actors": [{"id": i, "label": lab, "kind": "state",
                               "names": [alias]}
                              for i, lab, alias in entries]}, f)
    return path


def drawn_by_dot(what, args, cwd):
    """extract --format dot: dot must read it back."""
    r = run("extract", "--format", "dot", *args, cwd=cwd)
    if not check(r.returncode == 0, what + ": extract --format dot",
                 r.stderr):
        return None
    if DOT:
        rc, out, err = dot_reads(r.stdout)
        check(rc == 0, what + ": Graphviz's dot reads the DOT", err[:300])
        root, e = xml_ok(out)
        check(root is not None, what + ": dot's SVG is XML", e)
    check(max(len(line) for line in r.stdout.split(b"\n")) < 16384,
          what + ": no DOT line of 16,384 bytes or more")
    try:
        r.stdout.decode("utf-8")
        check(True, what + ": the DOT is UTF-8 (cut on a boundary)")
    except UnicodeDecodeError as e:
        check(False, what + ": the DOT is UTF-8 (cut on a boundary)", e)
    return r.stdout.decode("utf-8", errors="replace")


def long_tokens(tmp):
    # a JSONL id of 3-byte characters, so that a byte cut can land inside one
    doc = "\u20ac" * 7000
    with open(os.path.join(tmp, "long.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": doc, "text": TEXT}) + "\n")
    dot = drawn_by_dot("a 21 KB document id", ["long.jsonl"], tmp)
    if dot is not None:
        check(("\u20ac" * 30 + ELLIPSIS) in dot,
              "a 21 KB document id: cut in the tooltip, with an ellipsis")
    a = actors(tmp, "long_label.json",
               [("pakistan", "\u00e9" * 12000, "Pakistan"),
                ("china", "China", "China")])
    dot = drawn_by_dot("a 24 KB actor label", ["--actors", a, "t.txt"], tmp)
    if dot is not None:
        check(("\u00e9" * 50 + ELLIPSIS) in dot,
              "a 24 KB actor label: cut, with an ellipsis")
    title = "Title " + "\u0416" * 10000
    dot = drawn_by_dot("a 20 KB --title", ["--title", title, "t.txt"], tmp)
    if dot is not None:
        check("Title \u0416\u0416" in dot and "Colour = tone" in dot,
              "a 20 KB --title: title cut, legend kept")


def svg_of(args, cwd):
    r = run("extract", "--format", "svg", *args, cwd=cwd)
    check(r.returncode == 0, "extract --format svg " + " ".join(args),
          r.stderr)
    return r.stdout


def control_ids(tmp):
    a = actors(tmp, "ctl.json", [("pak\x1bistan\x01", "Pak\x07istan",
                                  "Pakistan"), ("china", "China", "China")])
    root, e = xml_ok(svg_of(["--actors", a, "t.txt"], tmp))
    check(root is not None, "an id with control characters: the SVG is XML",
          e)
    if root is not None:
        nodes = titles(root, "node")
        check(len(nodes) == 2 and all(
            not any(ord(ch) < 32 for ch in t) for t in nodes),
            "an id with control characters: two nodes, renamed", nodes)
    drawn_by_dot("an id with control characters", ["--actors", a, "t.txt"],
                 tmp)


def percent_ids(tmp):
    a = actors(tmp, "pct.json", [("%1", "Pakistan", "Pakistan"),
                                 ("%2", "China", "China")])
    root, _ = xml_ok(svg_of(["--actors", a, "t.txt"], tmp))
    r = run("extract", "--format", "dot", "--actors", a, "t.txt", cwd=tmp)
    if root is None or not DOT:
        check(root is not None, "ids starting with %: the SVG is XML")
        return
    rc, out, err = dot_reads(r.stdout)
    back, _ = xml_ok(out)
    check(rc == 0 and back is not None, "ids starting with %: dot reads it",
          err)
    if back is not None:
        mine, theirs = titles(root, "node"), titles(back, "node")
        check(mine == theirs and len(mine) == 2 and
              not any(t.startswith("%") for t in mine),
              "ids starting with %: dot reads back the names dyad drew",
              (mine, theirs))
        check(titles(root, "edge") == titles(back, "edge"),
              "ids starting with %: and the edge between them")
    r = run("extract", "--format", "html", "--actors", a, "t.txt", cwd=tmp)
    page = r.stdout.decode()
    check(r.returncode == 0 and '"names":{"%1":"_1~0","%2":"_2~1"}' in page,
          "ids starting with %: the HTML report maps the drawn names back",
          page[-400:] if r.returncode == 0 else r.stderr)


def bad_title(tmp):
    r = run("extract", "-o", "out", "--title", b"caf\xe9", "t.txt", cwd=tmp)
    err = r.stderr.decode(errors="replace")
    check(r.returncode in (1, 2) and "title" in err and "UTF-8" in err,
          "a --title that is not UTF-8: refused, saying so", (r.returncode,
                                                            err))
    check(not any(n.startswith("out.") for n in os.listdir(tmp)),
          "a --title that is not UTF-8: no output written")
    for fmt in ("dot", "svg", "html"):
        r = run("extract", "--format", fmt, "--title", b"\xff", "t.txt",
                cwd=tmp)
        check(r.returncode in (1, 2) and not r.stdout,
              "a --title that is not UTF-8: --format %s refuses it" % fmt,
              r.stderr)
    r = run("diff", "--title", b"\xfe", "t.txt", "t.txt", cwd=tmp)
    check(r.returncode == 2 and b"UTF-8" in r.stderr,
          "a --title that is not UTF-8: diff refuses it as bad usage",
          r.stderr)


def bad_file_name(tmp):
    """Every format refuses a graph with a document name that is not
    UTF-8, with one message that names the document."""
    d = os.path.join(tmp.encode(), b"latin1")
    os.mkdir(d)
    with open(os.path.join(d, b"caf\xe9.txt"), "w") as f:
        f.write(TEXT)
    msgs = set()
    for fmt in ("json", "dot", "svg", "graphml", "gexf", "html"):
        r = run("extract", "--format", fmt, d)
        check(r.returncode == 1 and not r.stdout,
              "a file name that is not UTF-8: --format %s refuses it" % fmt,
              (r.returncode, r.stderr, r.stdout[:200]))
        if fmt != "json":  # the JSON writer says it its own way
            msgs.add(r.stderr)
    # (the writers' message, or the inputs' if they refuse it first)
    check(len(msgs) == 1 and b'"caf\\xe9.txt"' in next(iter(msgs)) and
          b"not valid UTF-8" in next(iter(msgs)),
          "a file name that is not UTF-8: one message, naming the document",
          msgs)


def diff_strings(tmp):
    a = actors(tmp, "dpct.json", [("%1", "P" * 20000, "Pakistan"),
                                  ("c\x1b[31m", "China", "China")])
    with open(os.path.join(tmp, "b.txt"), "w") as f:
        f.write("China urged Pakistan to act. Pakistan urged China to act.\n")
    for fmt in ("dot", "svg"):
        r = run("diff", "--actors", a, "--format", fmt, "--title",
                "T" * 20000, "t.txt", "b.txt", cwd=tmp)
        if not check(r.returncode == 0, "diff --format %s of odd ids" % fmt,
                     r.stderr):
            continue
        if fmt == "svg":
            root, e = xml_ok(r.stdout)
            check(root is not None, "diff of odd ids: the SVG is XML", e)
        elif DOT:
            rc, out, err = dot_reads(r.stdout)
            back, _ = xml_ok(out)
            check(rc == 0 and back is not None and
                  not any(t.startswith("%") for t in titles(back, "node")),
                  "diff of odd ids: dot reads the DOT, names kept", err[:300])


def main():
    if not DOT:
        print("# dot not installed: the read-back checks are skipped")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "t.txt"), "w") as f:
            f.write(TEXT)
        long_tokens(tmp)
        control_ids(tmp)
        percent_ids(tmp)
        bad_title(tmp)
        bad_file_name(tmp)
        diff_strings(tmp)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
