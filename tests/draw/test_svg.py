#!/usr/bin/env python3
"""SVG of the drawn writer: well-formed XML, every node label, the legend,
evidence escaped (& < > " and backslashes), the same bytes twice; and the
DOT drawn by Graphviz's own dot program, when installed, says the same.

Usage: test_svg.py DRAW_SAMPLE (the program built from draw_sample.c)."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
failed = 0
n = 0


def check(ok, what):
    global failed, n
    n += 1
    if not ok:
        failed += 1
    print(("ok" if ok else "not ok") + f" {n} - {what}")


def run(*args):
    return subprocess.run([sys.argv[1], *args], check=True,
                          capture_output=True, timeout=60).stdout


def parse(data, what):
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        check(False, f"{what}: well-formed XML ({e})")
        return None
    check(root.tag == SVG + "svg", f"{what}: well-formed SVG")
    return root


def texts(root):
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def tooltips(root):
    return [a.get(XLINK + "title", "") for a in root.iter(SVG + "a")]


def check_small():
    data = run("small", "svg")
    root = parse(data, "small")
    if root is None:
        return
    t = texts(root)
    for label in ["A & Co", 'B "Land"', "C\\Land"]:
        check(label in t, f"small: node label {label!r}")
    check('Small & <odd> "title"' in t, "small: title, escaped")
    check(any("conflict" in x for x in t) and
          any("cooperation" in x for x in t), "small: colour legend")
    check(any("number of sentences" in x for x in t), "small: width legend")
    check(" urge \u00d72, meet " in t, "small: edge label with counts")
    tips = "\n".join(tooltips(root))
    check('A urged B to "talk" & <listen>, said C\\D.' in tips,
          "small: evidence with & < > \" and a backslash")
    check("A & Co \u2192 B \"Land\": weight 3, Goldstein +2.3" in tips,
          "small: tooltip head")
    check("lying\\" in tips, "small: trailing backslash kept")
    check(b"\\\\" not in data, "small: no doubled backslashes left in SVG")
    check(data == run("small", "svg"), "small: same bytes twice")


def check_sample():
    data = run("sample", "svg")
    root = parse(data, "sample")
    if root is None:
        return
    t = texts(root)
    for label in ["Pakistan", "Afghan Taliban", "TTP", "China", "Russia",
                  "United States", "al-Qaeda", "United Nations"]:
        check(label in t, f"sample: node label {label!r}")
    check(any("8 actors" in x and "16 links" in x for x in t),
          "sample: counts line")
    edges = [g for g in root.iter(SVG + "g") if g.get("class") == "edge"]
    check(len(edges) == 16, f"sample: 16 edges drawn ({len(edges)})")
    tips = tooltips(root)
    check(any(x.startswith("Pakistan \u2192 Afghan Taliban: weight 9")
              for x in tips), "sample: edge tooltip")
    check(all(len(line) < 300 for x in tips for line in x.split("\n")),
          "sample: long sentences truncated")
    for engine in ["neato", "sfdp"]:
        parse(run("sample", "svg", engine), f"sample with {engine}")


def check_empty():
    root = parse(run("empty", "svg"), "empty")
    check(root is not None and any("0 actors" in x for x in texts(root)),
          "empty: legend only")


def check_dot_program():
    dot = shutil.which("dot")
    if not dot:
        print("# dot not installed: skipping the DOT round trip")
        return
    src = run("sample", "dot")
    out = subprocess.run([dot, "-Tsvg"], input=src, capture_output=True,
                         check=True, timeout=60).stdout
    root = parse(out, "sample DOT drawn by dot")
    if root is not None:
        ours = parse(run("sample", "svg"), "sample")
        check(sorted(texts(root)) == sorted(texts(ours)),
              "sample: dot -Tsvg of our DOT has the same texts")


check_small()
check_sample()
check_empty()
check_dot_program()
print(f"1..{n}")
sys.exit(1 if failed else 0)
