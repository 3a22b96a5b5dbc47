#!/usr/bin/env python3
"""--open-actors through the command line ($DYAD): a capitalised name in no
dictionary that stands as subject or object of a relation verb becomes a node
"unknown:SLUG" labelled as written, kind "unknown" in the outputs that carry
kinds; without the option nothing changes; variants stay apart; merge keeps
the nodes; a dictionary may not use the prefix.  --suggest --format actors
prints the names as a dictionary that loads."""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, summary  # noqa: E402

DYAD = os.environ["DYAD"]
TEXT = ("The Freedonian Guard shelled Pakistan on Monday. "
        "Pakistan condemned the Freedonian Guard. "
        "FG fighters later attacked the Sylvanian Army.\n")


def run(*args, stdin=None):
    return subprocess.run([DYAD, *args], input=stdin, capture_output=True, text=True)


def edges(g):
    return {(l["source"], l["target"]) for l in g["links"]}


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "a.txt")
    open(doc, "w").write(TEXT)

    p = run("extract", "--format", "json", doc)
    g = json.loads(p.stdout)
    check(p.returncode == 0 and not any(n["id"].startswith("unknown:") for n in g["nodes"]),
          "without --open-actors no open node", p.stderr)

    p = run("extract", "--open-actors", "--format", "json", doc)
    g = json.loads(p.stdout) if p.returncode == 0 else {"nodes": [], "links": []}
    nodes = {n["id"]: n for n in g["nodes"]}
    check("unknown:freedonian-guard" in nodes and nodes["unknown:freedonian-guard"]["label"] == "Freedonian Guard",
          "the name is a node unknown:freedonian-guard, labelled as written", sorted(nodes))
    check(("unknown:freedonian-guard", "pakistan") in edges(g) and ("pakistan", "unknown:freedonian-guard") in edges(g),
          "as subject and as object", sorted(edges(g)))
    check(nodes.get("unknown:freedonian-guard", {}).get("kind") == "unknown",
          "JSON: kind unknown on open nodes", nodes.get("unknown:freedonian-guard"))
    check("kind" not in nodes.get("pakistan", {"kind": 1}),
          "JSON: dictionary nodes keep their form (no kind)", nodes.get("pakistan"))
    check(not any("sylvanian" in i and "freedonian" in i for i in nodes),
          "variants are not joined", sorted(nodes))

    p = run("extract", "--open-actors", "--format", "graphml", doc)
    kinds = {}
    if p.returncode == 0:
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.fromstring(p.stdout)
        keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
        for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
            for d in n.findall("g:data", ns):
                if keys.get(d.get("key")) == "kind":
                    kinds[n.get("id")] = d.text
    check(kinds.get("unknown:freedonian-guard") == "unknown" and kinds.get("pakistan") == "state",
          "GraphML: kind unknown next to the dictionary's kinds", kinds)

    p = run("explain", "--open-actors", "Pakistan condemned the Freedonian Guard.")
    check(p.returncode == 0 and "rule: open-actor > agent-object" in p.stdout,
          "explain names the rule open-actor", p.stdout)

    p = run("extract", "--open-actors", "--suggest", doc)
    check(p.returncode == 0 and "Freedonian Guard" in p.stdout,
          "--suggest still lists the names", p.stdout)

    p = run("extract", "--suggest", "--format", "actors", doc)
    sug = os.path.join(tmp, "suggested.json")
    open(sug, "w").write(p.stdout)
    d = json.loads(p.stdout) if p.returncode == 0 else {"actors": []}
    ids = [x["id"] for x in d["actors"]]
    check("freedonian-guard" in ids and len(ids) == len(set(ids)),
          "--suggest --format actors: one actor entry a name", p.stdout[:500])
    q = run("extract", "--actors", sug, "--format", "json", doc)
    g = json.loads(q.stdout) if q.returncode == 0 else {"nodes": []}
    check(q.returncode == 0 and "freedonian-guard" in {n["id"] for n in g["nodes"]},
          "... which loads as a dictionary as it is", q.stderr)
    p = run("extract", "--format", "actors", doc)
    check(p.returncode == 2 and "unknown format 'actors'" in p.stderr,
          "--format actors needs --suggest", p.stderr)

    a = os.path.join(tmp, "a")
    b = os.path.join(tmp, "b")
    open(os.path.join(tmp, "b.txt"), "w").write("Pakistan condemned the Freedonian Guard again.\n")
    r1 = run("extract", "--open-actors", "-o", a, "--formats", "json", doc)
    r2 = run("extract", "--open-actors", "-o", b, "--formats", "json", os.path.join(tmp, "b.txt"))
    m = run("merge", a + ".json", b + ".json")
    mg = json.loads(m.stdout) if m.returncode == 0 else {"links": []}
    w = {(l["source"], l["target"]): l["weight"] for l in mg["links"]}
    check(w.get(("pakistan", "unknown:freedonian-guard")) == 2,
          "merge adds up the open node's edges", (r1.stderr, r2.stderr, m.stderr, w))

    bad = os.path.join(tmp, "actors.json")
    json.dump({"actors": [{"id": "unknown:x", "label": "X", "names": ["Xland"]}]}, open(bad, "w"))
    p = run("extract", "--actors", bad, doc)
    check(p.returncode == 1 and "kept for open actors" in p.stderr, "a dictionary may not use the prefix",
          p.stderr)
sys.exit(summary())
