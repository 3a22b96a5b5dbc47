#!/usr/bin/python3
"""dyad diff -o PREFIX --formats: the union graph as GraphML (read by
NetworkX's read_graphml and igraph) and GEXF 1.3 (read by NetworkX's
read_gexf) with a change attribute per node and edge that agrees with the
diff's JSON, the HTML page (self-contained, one row per edge that
changed), the text report as PREFIX.txt; the same bytes run to run; all
or none when one file cannot be written; the usage errors.  The browser
half of the HTML check is report.py.

Usage: outputs.py   (env DYAD, DYAD_SOURCE_ROOT)"""
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "formats"))
import tap  # noqa: E402
from tap import check  # noqa: E402
from test_formats import gexf_reader_13  # noqa: E402

DYAD = os.environ["DYAD"]
ROOT = os.environ["DYAD_SOURCE_ROOT"]
ALL = "json,dot,svg,graphml,gexf,html,text"
EXTS = [".json", ".dot", ".svg", ".graphml", ".gexf", ".html", ".txt"]


def run(*args, cwd):
    return subprocess.run([DYAD, *args], capture_output=True, cwd=cwd,
                          timeout=300)


def sides(tmp):
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "0*.txt")))
    for name, files in (("a", seeds[:2]), ("b", seeds[2:5])):
        os.mkdir(os.path.join(tmp, name))
        for f in files:
            shutil.copy(f, os.path.join(tmp, name))


def want_changes(diff):
    """{id: change} and {(source, target): change} from the diff's JSON,
    whose lists hold the nodes and edges that are not unchanged."""
    nodes, edges = {}, {}
    for kind in ("added", "removed", "changed"):
        for n in diff["nodes"][kind]:
            nodes[n["id"]] = kind
        for e in diff["edges"][kind]:
            edges[(e["source"], e["target"])] = kind
    return nodes, edges


def check_graph(g, diff, name):
    nodes, edges = want_changes(diff)
    counts = diff["counts"]
    n_nodes = sum(counts["nodes"].values())
    n_edges = sum(counts["edges"].values())
    check(g.number_of_nodes() == n_nodes and g.number_of_edges() == n_edges,
          name + ": every node and edge of A and B", (g.number_of_nodes(),
                                                      g.number_of_edges(),
                                                      counts))
    got_n = {n: d["change"] for n, d in g.nodes(data=True)
             if d["change"] != "unchanged"}
    got_e = {(u, v): d["change"] for u, v, d in g.edges(data=True)
             if d["change"] != "unchanged"}
    check(got_n == nodes, name + ": node change as in the diff's JSON")
    check(got_e == edges, name + ": edge change as in the diff's JSON")
    same = sum(d["change"] == "unchanged" for _, _, d in g.edges(data=True))
    check(same == counts["edges"]["unchanged"],
          name + ": the unchanged edges too", same)
    by_pair = {(e["source"], e["target"]): e
               for kind in ("added", "removed", "changed")
               for e in diff["edges"][kind]}
    bad = [k for k, e in by_pair.items()
           if (g.edges[k]["weight_a"], g.edges[k]["weight_b"]) !=
           (e["weight_a"], e["weight_b"])]
    check(not bad, name + ": weights of both sides", bad[:3])


def graphml(tmp, diff):
    data = open(os.path.join(tmp, "cmp.graphml"), "rb").read()
    g = nx.read_graphml(io.BytesIO(data))
    check(isinstance(g, nx.DiGraph), "GraphML: NetworkX reads a DiGraph")
    check_graph(g, diff, "GraphML")
    sim = diff["similarity"]
    check(abs(g.graph["similarity_weighted"] - sim["weighted"]) < 1e-3 and
          g.graph["label_a"] == "a" and g.graph["label_b"] == "b",
          "GraphML: the graph's similarity and labels", g.graph)
    try:
        import igraph
    except ImportError:
        print("# python3-igraph not installed: igraph check skipped")
        return
    ig = igraph.Graph.Read_GraphML(os.path.join(tmp, "cmp.graphml"))
    check(ig.is_directed() and ig.vcount() == g.number_of_nodes() and
          ig.ecount() == g.number_of_edges() and
          sorted(set(ig.es["change"])) <= ["added", "changed", "removed",
                                           "unchanged"],
          "GraphML: igraph reads it", (ig.vcount(), ig.ecount()))


def gexf(tmp, diff):
    gexf_reader_13()
    path = os.path.join(tmp, "cmp.gexf")
    ET.parse(path)
    g = nx.read_gexf(path)
    check(isinstance(g, nx.DiGraph), "GEXF: NetworkX reads a DiGraph")
    check_graph(g, diff, "GEXF")
    bad = [(u, v) for u, v, d in g.edges(data=True)
           if d["weight"] != (d["weight_b"] or d["weight_a"])]
    check(not bad, "GEXF: edge weight is B's, or A's for a removed edge",
          bad[:3])


def html(tmp, diff):
    page = open(os.path.join(tmp, "cmp.html"), encoding="utf-8").read()
    check(page.startswith("<!DOCTYPE html>") and "<svg" in page,
          "HTML: a page with the drawing inline")
    check(not re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)=",
                        page, re.I), "HTML: no external script or style")
    rows = re.findall(r'<tr class="(added|removed|changed)" data-key=', page)
    n = sum(len(diff["edges"][k]) for k in ("added", "removed", "changed"))
    check(len(rows) == n, "HTML: a row per edge that changed", (len(rows), n))
    ET.fromstring(page[page.index("<svg"):page.index("</svg>") + 6])


def written(tmp, diff):
    r = run("diff", "a", "b", "-o", "cmp", "--formats", ALL, cwd=tmp)
    check(r.returncode == 0, "-o cmp --formats " + ALL, r.stderr)
    check(all(os.path.exists(os.path.join(tmp, "cmp" + e)) for e in EXTS),
          "every file of the list is written")
    txt = open(os.path.join(tmp, "cmp.txt"), "rb").read()
    check(txt == run("diff", "a", "b", cwd=tmp).stdout,
          "cmp.txt is the text report")
    got = json.load(open(os.path.join(tmp, "cmp.json")))
    check(got == diff, "cmp.json is the diff's JSON")
    for fmt in ("graphml", "gexf", "html"):
        once = run("diff", "-f", fmt, "a", "b", cwd=tmp).stdout
        check(once == run("diff", "-f", fmt, "a", "b", cwd=tmp).stdout and
              once == open(os.path.join(tmp, "cmp." + ("html" if fmt ==
                                                       "html" else fmt)),
                           "rb").read(),
              "-f %s: the same bytes twice, and as -o writes it" % fmt)


def all_or_none(tmp):
    d = os.path.join(tmp, "set")
    os.mkdir(d)
    r = run("diff", "a", "b", "-o", "set/x", cwd=tmp)
    check(r.returncode == 0 and sorted(os.listdir(d)) ==
          ["x.dot", "x.json", "x.svg"],
          "-o without --formats: json, dot and svg as before",
          sorted(os.listdir(d)))
    before = {n: open(os.path.join(d, n), "rb").read() for n in os.listdir(d)}
    os.mkdir(os.path.join(d, "x.gexf"))  # cannot be replaced
    r = run("diff", "--label-a", "other", "a", "b", "-o", "set/x",
            "--formats", "json,svg,graphml,gexf", cwd=tmp)
    check(r.returncode == 1 and b"x.gexf" in r.stderr,
          "a file that cannot be replaced: exit 1, named", r.stderr)
    after = {n: open(os.path.join(d, n), "rb").read()
             for n in os.listdir(d) if n != "x.gexf"}
    check(after == before, "and none of the set is replaced or added",
          sorted(after))


def usage(tmp):
    for args, what in ((["--formats", "json", "a", "b"],
                        "--formats without -o"),
                       (["-o", "p", "--formats", "json,csv", "a", "b"],
                        "--formats csv"),
                       (["-f", "csv", "a", "b"], "-f csv")):
        r = run("diff", *args, cwd=tmp)
        check(r.returncode == 2, "usage: " + what + " is refused", r.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sides(tmp)
        r = run("diff", "-f", "json", "a", "b", cwd=tmp)
        if r.returncode != 0:
            print("# dyad diff does not work: " + r.stderr.decode())
            return 1
        diff = json.loads(r.stdout)
        written(tmp, diff)
        graphml(tmp, diff)
        gexf(tmp, diff)
        html(tmp, diff)
        all_or_none(tmp)
        usage(tmp)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
