#!/usr/bin/python3
"""dyad diff from the command line: results, exit codes, error messages and
the all-or-nothing -o.  TAP on stdout.  Needs $DYAD and $DYAD_SOURCE_ROOT.

Checks on article sets need extraction; while `dyad extract` does not work
they are reported as skipped."""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

DYAD = os.environ["DYAD"]
ROOT = os.environ["DYAD_SOURCE_ROOT"]
DATA = os.path.join(ROOT, "tests", "diff", "data")
SEEDS = os.path.join(ROOT, "seeds")

n = 0
failed = 0


def point(ok, what, detail=""):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(f"{'' if ok else 'not '}ok {n} - {what}")
    if not ok and detail:
        for line in detail.rstrip().splitlines()[:30]:
            print(f"#   {line}")


def skip(what, why):
    global n
    n += 1
    print(f"ok {n} - {what} # SKIP {why}")


def dyad(*args, cwd=None, stdin=None):
    return subprocess.run([DYAD, *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=300)


def data(name):
    return os.path.join(DATA, name)


def show(r):
    return f"exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"


def extraction_works():
    r = dyad("extract", "--format", "json", os.path.join(SEEDS, sorted(
        os.listdir(SEEDS))[0]))
    return r.returncode == 0


# ---- graphs (JSON) ----

def test_graphs():
    r = dyad("diff", data("june.json"), data("june.json"))
    point(r.returncode == 0, "self-diff of a graph exits 0", show(r))
    point("No differences" in r.stdout, "self-diff says no differences",
          show(r))
    point(r.stdout.startswith("dyad diff: june -> june\n"),
          "default labels: base name without extension", show(r))
    for name in ("node Jaccard      1.000", "edge Jaccard      1.000",
                 "weighted Jaccard  1.000", "mean tone shift   +0.00"):
        point(name in r.stdout, f"self-diff: {name}", show(r))

    r = dyad("diff", "-f", "json", data("june.json"), data("june.json"))
    try:
        j = json.loads(r.stdout)
        ok = (j["identical"] is True and j["similarity"]["nodes"] == 1.0
              and j["similarity"]["edges"] == 1.0
              and j["similarity"]["weighted"] == 1.0
              and all(j["edges"][k] == [] for k in ("added", "removed",
                                                     "changed")))
    except (ValueError, KeyError) as e:
        ok, r.stderr = False, r.stderr + f"\n{e!r}"
    point(ok, "self-diff as JSON: identical, similarity 1.0", show(r))

    r = dyad("diff", "-f", "json", "--label-a", "june", "--label-b", "july",
             data("june.json"), data("july.json"))
    try:
        j = json.loads(r.stdout)
        s = j["similarity"]
        ok = (s["nodes"] == 0.0 and s["edges"] == 0.0
              and s["weighted"] == 0.0 and j["a"]["label"] == "june"
              and len(j["nodes"]["added"]) == 2
              and len(j["nodes"]["removed"]) == 3
              and len(j["edges"]["added"]) == 1
              and len(j["edges"]["removed"]) == 2)
    except (ValueError, KeyError) as e:
        ok, r.stderr = False, r.stderr + f"\n{e!r}"
    point(ok, "disjoint graphs: similarity 0.0, everything added/removed",
          show(r))

    r = dyad("diff", data("june.json"), data("july.json"))
    point(r.returncode == 0 and "node Jaccard      0.000" in r.stdout
          and "Edges removed (2)" in r.stdout
          and "urge -2, accuse -1" in r.stdout,
          "disjoint graphs: text report", show(r))


# ---- bad input: exit 1 ----

def test_bad_input():
    r = dyad("diff", data("syntax-error.json"), data("june.json"))
    point(r.returncode == 1, "JSON syntax error exits 1", show(r))
    point(re.search(r"syntax-error\.json:3:\d+: ", r.stderr) is not None,
          "JSON syntax error names file:line:column", show(r))

    r = dyad("diff", data("june.json"), data("schema2.json"))
    point(r.returncode == 1, "schema 2 exits 1", show(r))
    point("schema2.json" in r.stderr and "schema" in
          r.stderr.replace("schema2.json", ""),
          "schema 2: a clear message naming the file", show(r))

    r = dyad("diff", data("not-a-graph.json"), data("june.json"))
    point(r.returncode == 1 and "not-a-graph.json" in r.stderr,
          "a JSON file that is not a dyad graph exits 1", show(r))

    r = dyad("diff", data("june.json"), data("no-such-file.json"))
    point(r.returncode == 1 and "no-such-file.json" in r.stderr,
          "missing graph file exits 1 and names it", show(r))

    r = dyad("diff", data("june.json"), data("no-such-folder"))
    point(r.returncode == 1 and "no-such-folder" in r.stderr,
          "missing article folder exits 1 and names it", show(r))


# ---- bad usage: exit 2 ----

def test_usage():
    r = dyad("diff", "--no-such-option", data("june.json"), data("june.json"))
    point(r.returncode == 2 and "dyad diff --help" in r.stderr,
          "unknown option exits 2 with a hint", show(r))
    r = dyad("diff", data("june.json"))
    point(r.returncode == 2 and "two inputs" in r.stderr,
          "one input exits 2", show(r))
    r = dyad("diff", "-f", "pdf", data("june.json"), data("june.json"))
    point(r.returncode == 2, "unknown format exits 2", show(r))
    r = dyad("diff", "--jobs", "zero", data("june.json"), data("june.json"))
    point(r.returncode == 2, "bad --jobs exits 2", show(r))
    r = dyad("diff", "--label-a", data("june.json"), data("june.json"))
    point(r.returncode == 2, "option eating an input: exits 2", show(r))
    r = dyad("diff", "--help")
    point(r.returncode == 0 and "Usage: dyad diff" in r.stdout
          and "weighted Jaccard" in r.stdout and "Examples" in r.stdout,
          "--help teaches", show(r))


# ---- -o: all or nothing ----

def test_output():
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "cmp")
        r = dyad("diff", "-o", prefix, data("june.json"), data("july.json"))
        files = sorted(os.listdir(tmp))
        point(r.returncode == 0 and files == ["cmp.dot", "cmp.json",
                                              "cmp.svg"],
              "-o writes PREFIX.json, .dot, .svg and nothing else",
              show(r) + f"\nfiles: {files}")
        if r.returncode == 0 and len(files) == 3:
            with open(prefix + ".json") as f:
                point(json.load(f)["format"] == "dyad-diff",
                      "-o: the JSON is the diff object")
            with open(prefix + ".dot") as f:
                dot = f.read()
            point(dot.startswith("strict digraph dyad_diff"),
                  "-o: the DOT is the named union graph", dot[:200])
            try:
                svg = ET.parse(prefix + ".svg").getroot()
                ok = svg.tag.endswith("svg")
            except ET.ParseError as e:
                ok, svg = False, e
            point(ok, "-o: the SVG is well-formed XML", str(svg))
            with open(prefix + ".svg") as f:
                text = f.read()
            point("Afghan Taliban" in text and "China" in text
                  and "#0072b2" in text.lower() and "#d55e00" in text.lower(),
                  "-o: the SVG draws both sides in the diff colours")
        point("dyad diff: june -> july" in r.stdout,
              "-o: the report still goes to stdout", show(r))

        r = dyad("diff", "-o", prefix + "2", data("june.json"),
                 data("schema2.json"))
        point(r.returncode == 1 and sorted(os.listdir(tmp)) == files,
              "-o with a bad input writes nothing", show(r))

        missing = os.path.join(tmp, "no-such-dir", "cmp")
        r = dyad("diff", "-o", missing, data("june.json"), data("july.json"))
        point(r.returncode == 1 and sorted(os.listdir(tmp)) == files
              and r.stdout == "",
              "-o into a missing folder exits 1, leaves nothing, prints "
              "no report", show(r))

        r = dyad("diff", "-f", "svg", data("june.json"), data("july.json"))
        point(r.returncode == 0 and "<svg" in r.stdout,
              "--format svg to stdout", show(r)[:500])


# ---- article sets ----

def test_articles():
    if not extraction_works():
        skip("self-diff of the seeds folder", "dyad extract not available")
        skip("graph against its own articles", "dyad extract not available")
        return
    r = dyad("diff", SEEDS, SEEDS)
    point(r.returncode == 0 and "No differences" in r.stdout
          and "weighted Jaccard  1.000" in r.stdout,
          "self-diff of the seeds folder: empty, similarity 1.0", show(r))
    r = dyad("diff", "-f", "json", "--jobs", "2", SEEDS, SEEDS)
    try:
        ok = json.loads(r.stdout)["identical"] is True
    except (ValueError, KeyError):
        ok = False
    point(ok, "self-diff of the seeds folder as JSON, 2 jobs", show(r))
    with tempfile.TemporaryDirectory() as tmp:
        g = os.path.join(tmp, "seeds.json")
        e = dyad("extract", "--format", "json", SEEDS)
        with open(g, "w") as f:
            f.write(e.stdout)
        r = dyad("diff", g, SEEDS)
        point(r.returncode == 0 and "No differences" in r.stdout,
              "a graph against its own articles: no differences", show(r))


def main():
    if not os.access(DYAD, os.X_OK):
        print(f"1..0 # SKIP no dyad binary at {DYAD}")
        return 0
    test_graphs()
    test_bad_input()
    test_usage()
    test_output()
    test_articles()
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
