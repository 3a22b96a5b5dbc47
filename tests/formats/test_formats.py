#!/usr/bin/python3
"""The exports read back by real readers: GraphML by NetworkX (read_graphml)
and igraph, GEXF 1.3 by NetworkX (read_gexf), the CSV tables by Python's
csv module with neo4j-admin's header names; the same graph comes back as
the JSON's (nodes, edges, weights, attributes).  Also: byte-identical runs
(and -j1 against -j4), document dates (.jsonl "date", a "date YYYY-MM-DD"
first line) in GEXF's dynamic mode, -o with --formats all or none, and the
usage errors.

Usage: test_formats.py   (env DYAD, DYAD_SOURCE_ROOT)"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

DYAD = os.environ["DYAD"]
SEEDS = os.path.join(os.environ["DYAD_SOURCE_ROOT"], "seeds")


def run(args, cwd=None):
    p = subprocess.run([DYAD] + args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def out(args, cwd=None):
    rc, o, e = run(args, cwd)
    if rc != 0:
        raise SystemExit("dyad %s: exit %d: %s" % (" ".join(args), rc, e))
    return o


def gexf_reader_13():
    """NetworkX 3 reads GEXF 1.3; Debian 12's 2.8 knows 1.2draft at most:
    register 1.3's namespace, as later NetworkX does."""
    versions = nx.readwrite.gexf.GEXF.versions
    if "1.3" not in versions:
        d = dict(versions["1.2draft"])
        d.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
                 SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                 VERSION="1.3")
        versions["1.3"] = d


def summary(rels, key):
    sums = {}
    for r in rels:
        sums[r[key]] = sums.get(r[key], 0) + r["count"]
    items = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
    return ";".join("%s:%d" % kv for kv in items)


# ---- GraphML ----

def check_graphml(data, xml, name):
    g = nx.read_graphml(io.BytesIO(xml))
    check(isinstance(g, nx.DiGraph) and not g.is_multigraph(),
          name + ": GraphML is a DiGraph")
    check(sorted(g.nodes) == [n["id"] for n in data["nodes"]],
          name + ": GraphML nodes")
    check(g.graph.get("documents") == data["graph"]["documents"] and
          g.graph.get("sentences") == data["graph"]["sentences"],
          name + ": GraphML graph attributes", g.graph)
    bad = [n["id"] for n in data["nodes"]
           if g.nodes[n["id"]].get("label") != n["label"] or
           g.nodes[n["id"]].get("mentions") != n["mentions"] or
           g.nodes[n["id"]].get("kind") not in ("state", "group",
                                                "organisation")]
    check(not bad, name + ": GraphML node label, mentions, kind", bad)
    want = {(l["source"], l["target"]): l for l in data["links"]}
    check(set(g.edges) == set(want), name + ": GraphML edges")
    bad = []
    for (s, t), l in want.items():
        e = g.edges[s, t] if g.has_edge(s, t) else {}
        ok = (e.get("weight") == l["weight"] and e.get("acts") == l["acts"]
              and abs(e.get("goldstein", 99) - l["goldstein"]) < 1e-9
              and e.get("verbs") == summary(l["relations"], "verb")
              and e.get("roots") == summary(l["relations"], "cameo")
              and e.get("verb") == e["verbs"].split(":")[0]
              and len(e.get("evidence", "").split("\n"))
              == len(l["evidence"]))
        if not ok:
            bad.append((s, t, e))
    check(not bad, name + ": GraphML edge attributes", bad[:2])
    check(isinstance(next(iter(g.edges(data="weight")))[2], int),
          name + ": GraphML weight is an integer")


def check_igraph(data, xml, name):
    try:
        import igraph
    except ImportError:
        print("# igraph (python3-igraph) not installed: igraph checks skipped")
        return
    with tempfile.NamedTemporaryFile(suffix=".graphml") as f:
        f.write(xml)
        f.flush()
        g = igraph.Graph.Read_GraphML(f.name)
    check(g.is_directed(), name + ": igraph reads a directed graph")
    ids = g.vs["id"]
    check(ids == [n["id"] for n in data["nodes"]], name + ": igraph nodes")
    check(g.vs["label"] == [n["label"] for n in data["nodes"]] and
          g.vs["mentions"] == [n["mentions"] for n in data["nodes"]],
          name + ": igraph node attributes")
    got = sorted((ids[e.source], ids[e.target], e["weight"], e["acts"])
                 for e in g.es)
    want = sorted((l["source"], l["target"], l["weight"], l["acts"])
                  for l in data["links"])
    check(got == want, name + ": igraph edges and weights", got[:3])


# ---- GEXF ----

def check_gexf(data, xml, name, dates=None):
    gexf_reader_13()
    g = nx.read_gexf(io.BytesIO(xml), version="1.3")
    check(g.is_directed(), name + ": GEXF is directed")
    check(sorted(g.nodes) == [n["id"] for n in data["nodes"]],
          name + ": GEXF nodes")
    bad = [n["id"] for n in data["nodes"]
           if g.nodes[n["id"]].get("label") != n["label"] or
           g.nodes[n["id"]].get("mentions") != n["mentions"]]
    check(not bad, name + ": GEXF node label and mentions", bad)
    got = sorted((s, t, d["weight"], d["acts"], round(d["goldstein"], 3),
                  d["verbs"]) for s, t, d in g.edges(data=True))
    want = sorted((l["source"], l["target"], float(l["weight"]), l["acts"],
                   l["goldstein"], summary(l["relations"], "verb"))
                  for l in data["links"])
    check(got == want, name + ": GEXF edges, weights, attributes",
          (got[:2], want[:2]))
    mode = g.graph.get("mode")
    if dates is None:
        check(mode == "static" and
              not any("start" in d for _, _, d in g.edges(data=True)),
              name + ": GEXF without dates is static", mode)
        return
    check(mode == "dynamic", name + ": GEXF with dates is dynamic", mode)
    bad = []
    for s, t, d in g.edges(data=True):
        l = next(l for l in data["links"]
                 if (l["source"], l["target"]) == (s, t))
        known = [dates[e["doc"]] for e in l["evidence"] if e["doc"] in dates]
        if d.get("start") != (min(known) if known else None):
            bad.append((s, t, d.get("start"), known))
    check(not bad, name + ": GEXF edge start is the earliest date", bad)


# ---- CSV ----

NODES = ["id:ID", "label", "kind", "mentions:long", ":LABEL"]
EDGES = [":START_ID", ":END_ID", ":TYPE", "weight:long", "acts:long",
         "goldstein:double", "verb", "cameo", "verbs:string[]",
         "roots:string[]", "first_date", "last_date"]
EVIDENCE = [":START_ID", ":END_ID", ":TYPE", "doc", "sentence:long",
            "offset:long", "verb", "cameo", "code", "date", "text"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
    return raw, rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def check_csv(data, prefix, name):
    raw, head, nodes = read_csv(prefix + ".nodes.csv")
    check(head == NODES, name + ": nodes.csv header", head)
    check(raw.count("\r\n") == raw.count("\n") and raw.endswith("\r\n"),
          name + ": CSV lines end in CRLF (RFC 4180)")
    check([(n["id:ID"], n["label"], int(n["mentions:long"]), n[":LABEL"])
           for n in nodes] ==
          [(n["id"], n["label"], n["mentions"], "Actor")
           for n in data["nodes"]], name + ": nodes.csv rows")
    _, head, edges = read_csv(prefix + ".edges.csv")
    check(head == EDGES, name + ": edges.csv header", head)
    got = [(e[":START_ID"], e[":END_ID"], e[":TYPE"], int(e["weight:long"]),
            int(e["acts:long"]), float(e["goldstein:double"]),
            e["verbs:string[]"]) for e in edges]
    want = [(l["source"], l["target"], "ACTS_ON", l["weight"], l["acts"],
             l["goldstein"], summary(l["relations"], "verb"))
            for l in data["links"]]
    check(got == want, name + ": edges.csv rows", (got[:2], want[:2]))
    _, head, ev = read_csv(prefix + ".evidence.csv")
    check(head == EVIDENCE, name + ": evidence.csv header", head)
    got = [(e[":START_ID"], e[":END_ID"], e["doc"], int(e["sentence:long"]),
            int(e["offset:long"]), e["verb"], e["code"], e["text"])
           for e in ev]
    want = [(l["source"], l["target"], x["doc"], x["sentence"], x["offset"],
             x["verb"], x["code"], x["text"])
            for l in data["links"] for x in l["evidence"]]
    check(got == want, name + ": evidence.csv rows (texts included)",
          (got[:1], want[:1]))
    return ev


# ---- the cases ----

def seeds(tmp):
    data = json.loads(out(["extract", "--format", "json", SEEDS]))
    xml = out(["extract", "--format", "graphml", SEEDS])
    check_graphml(data, xml, "seeds")
    check_igraph(data, xml, "seeds")
    check_gexf(data, out(["extract", "--format", "gexf", SEEDS]), "seeds")
    prefix = os.path.join(tmp, "seeds")
    out(["extract", SEEDS, "-o", prefix, "--formats", "csv"])
    check_csv(data, prefix, "seeds")
    capped = json.loads(out(["extract", "--format", "json",
                             "--max-evidence", "1", SEEDS]))
    g = nx.read_graphml(io.BytesIO(out(["extract", "--format", "graphml",
                                        "--max-evidence", "1", SEEDS])))
    check(all("\n" not in d["evidence"] for _, _, d in g.edges(data=True))
          and sorted(d["weight"] for _, _, d in g.edges(data=True)) ==
          sorted(l["weight"] for l in capped["links"]),
          "--max-evidence 1 caps GraphML's evidence, weights stay exact")


def deterministic():
    for fmt in ["graphml", "gexf"]:
        a = out(["extract", "-j", "1", "--format", fmt, SEEDS])
        b = out(["extract", "-j", "4", "--format", fmt, SEEDS])
        c = out(["extract", "-j", "4", "--format", fmt, SEEDS])
        check(a == b == c, fmt + ": byte-identical runs, -j1 and -j4")


def dated_corpus(tmp):
    d = os.path.join(tmp, "dated")
    os.mkdir(d)
    with open(os.path.join(d, "a.txt"), "w") as f:
        f.write(" date 2024-03-18\nPakistan urged the Afghan Taliban to act "
                "against the TTP. China met Pakistani officials.\n")
    with open(os.path.join(d, "b.txt"), "w") as f:
        f.write("Date: 2024-01-05\nPakistan urged the Afghan Taliban to act."
                "\n")
    with open(os.path.join(d, "c.txt"), "w") as f:
        f.write("China met Pakistani officials again.\n")
    lines = [{"id": "j1", "date": "2024-02-10T08:00:00Z",
              "text": "The United States accused Iran of attacks."},
             {"id": "j2", "date": "10 Feb 2024",
              "text": "Iran accused the United States of lying."},
             {"id": "j3", "text": "China met Pakistani officials."}]
    corpus = os.path.join(tmp, "corpus.jsonl")
    with open(corpus, "w") as f:
        f.write("\n".join(json.dumps(l) for l in lines) + "\n")
    return d, corpus


def dates(tmp):
    d, corpus = dated_corpus(tmp)
    args = [d, corpus]
    data = json.loads(out(["extract", "--format", "json"] + args))
    rc, xml, err = run(["extract", "--format", "gexf"] + args)
    check(rc == 0 and "j2" in err and "not a date" in err,
          "a .jsonl date that is not a date: a warning", err)
    known = {"a.txt": "2024-03-18", "b.txt": "2024-01-05",
             "j1": "2024-02-10"}
    check_gexf(data, xml, "dated", known)
    check_graphml(data, out(["extract", "--format", "graphml"] + args),
                  "dated")
    g = nx.read_graphml(io.BytesIO(out(["extract", "--format", "graphml"]
                                       + args)))
    e = g.edges["pakistan", "afghan-taliban"]
    check(e.get("first_date") == "2024-01-05" and
          e.get("last_date") == "2024-03-18",
          "GraphML first_date and last_date", e)
    prefix = os.path.join(tmp, "dated")
    out(["extract", "-o", prefix, "--formats", "csv"] + args)
    ev = check_csv(data, prefix, "dated")
    check(sorted({(x["doc"], x["date"]) for x in ev}) ==
          [("a.txt", "2024-03-18"), ("b.txt", "2024-01-05"), ("c.txt", ""),
           ("j1", "2024-02-10"), ("j2", ""), ("j3", "")],
          "evidence.csv dates by document", ev)
    a = [x for l in data["links"] for x in l["evidence"] if x["doc"] == "a.txt"]
    check(data["graph"]["sentences"] == 7 and
          min(x["sentence"] for x in a) == 1 and
          min(x["offset"] for x in a) == 17,
          "a date line is no sentence; offsets stay the file's",
          (data["graph"], a))


def outputs(tmp):
    d = os.path.join(tmp, "out")
    os.mkdir(d)
    prefix = os.path.join(d, "g")
    out(["extract", SEEDS, "-o", prefix, "--formats", "json,svg,graphml"])
    check(sorted(os.listdir(d)) == ["g.graphml", "g.json", "g.svg"],
          "--formats json,svg,graphml writes those three", os.listdir(d))
    out(["extract", SEEDS, "-o", prefix, "--formats",
         "gexf,csv,json,dot,json"])
    check(sorted(os.listdir(d)) ==
          ["g.dot", "g.edges.csv", "g.evidence.csv", "g.gexf", "g.graphml",
           "g.json", "g.nodes.csv", "g.svg"], "--formats with csv and gexf",
          os.listdir(d))
    out(["extract", SEEDS, "-o", prefix + "4", "--formats", "html,json"])
    check(sorted(n for n in os.listdir(d) if n.startswith("g4")) ==
          ["g4.html", "g4.json"], "--formats html,json")
    out(["extract", SEEDS, "-o", prefix + "2", "--format", "csv"])
    check(os.path.exists(prefix + "2.evidence.csv") and
          not os.path.exists(prefix + "2.json"),
          "-o PREFIX --format csv writes the three CSV files only")
    # all or none: a directory where g3.gexf would go fails the set
    os.mkdir(prefix + "3.gexf")
    rc, _, err = run(["extract", SEEDS, "-o", prefix + "3", "--formats",
                      "json,graphml,gexf,csv"])
    left = sorted(n for n in os.listdir(d) if n.startswith("g3"))
    check(rc == 1 and left == ["g3.gexf"],
          "a failed file of the set leaves none of the others", (rc, left, err))


def merge(tmp):
    part = os.path.join(tmp, "part.json")
    with open(part, "wb") as f:
        f.write(out(["extract", "--format", "json", SEEDS]))
    d = os.path.join(tmp, "merged")
    os.mkdir(d)
    out(["merge", part, "-o", os.path.join(d, "m"), "--formats",
         "graphml,csv"])
    check(sorted(os.listdir(d)) == ["m.edges.csv", "m.evidence.csv",
                                    "m.graphml", "m.nodes.csv"],
          "merge -o --formats graphml,csv", os.listdir(d))
    with open(part, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.read_graphml(os.path.join(d, "m.graphml"))
    check(sorted(g.edges(data="weight")) ==
          sorted((l["source"], l["target"], l["weight"])
                 for l in data["links"]),
          "merge's GraphML has the graph's edges and weights")
    for args, msg in [(["--format", "csv"], "unknown format 'csv'"),
                      (["--formats", "json"], "--formats is for --output")]:
        rc, _, err = run(["merge"] + args + [part])
        check(rc == 2 and msg in err, "merge usage: %s" % " ".join(args),
              err)


def markup(tmp):
    """Ids, labels and texts with markup, commas, quotes, line ends and
    control characters (a graph read by merge) survive every format; the
    characters XML cannot hold become a space (controls) or U+FFFD."""
    src = os.path.join(os.environ["DYAD_SOURCE_ROOT"], "tests", "fuzz",
                       "corpus", "read_json", "markup-ids.json")
    ids = ['a&<b>"c"', "d\ufffd"]
    g = nx.read_graphml(io.BytesIO(out(["merge", src, "--format",
                                        "graphml"])))
    check(sorted(g.nodes) == ids and
          g.nodes[ids[0]]["label"] == 'A, \t"x"\n' and
          g.nodes[ids[1]]["label"] == "D\r\n",
          "markup: GraphML ids and labels", list(g.nodes(data=True)))
    gexf_reader_13()
    g = nx.read_gexf(io.BytesIO(out(["merge", src, "--format", "gexf"])),
                     version="1.3")
    check(sorted(g.nodes) == ids and
          g.nodes[ids[0]]["label"] == 'A, \t"x"\n',
          "markup: GEXF ids and labels", list(g.nodes(data=True)))
    prefix = os.path.join(tmp, "markup")
    out(["merge", src, "-o", prefix, "--formats", "csv"])
    _, _, nodes = read_csv(prefix + ".nodes.csv")
    _, _, ev = read_csv(prefix + ".evidence.csv")
    check([n["label"] for n in nodes] == ['A,\x01\t"x"\n', "D\r\n"] and
          ev[0]["doc"] == 'x,"y".txt' and
          ev[0]["text"] == 'He said "no" & <left>\x02.',
          "markup: CSV fields as they are, quoted", (nodes, ev))


def clashing_ids(tmp):
    """Ids that differ only in characters XML cannot hold (controls,
    U+FFFE) stay distinct nodes: the one XML keeps whole keeps its id, the
    others are renamed ('a_b~0') rather than merged into it."""
    ids = ["a\x01b", "a\x02b", "a b", "c\ufffe", "c\uffff"]
    links = [{"source": s, "target": t, "weight": 1, "acts": 1,
              "goldstein": 1.0,
              "relations": [{"verb": "urge", "cameo": "02", "code": "020",
                             "goldstein": 1.0, "count": 1}],
              "evidence": [{"doc": "d.txt", "sentence": 1, "offset": 0,
                            "verb": "urge", "cameo": "02", "code": "020",
                            "text": "x"}]}
             for s, t in [(ids[0], ids[1]), (ids[1], ids[2]),
                          (ids[3], ids[4])]]
    graph = {"directed": True, "multigraph": False,
             "graph": {"generator": "dyad 0.1.0", "schema": 1,
                       "documents": 1, "sentences": 1},
             "nodes": [{"id": i, "label": "L", "mentions": 1} for i in ids],
             "links": links}
    src = os.path.join(tmp, "clash.json")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(graph, f)
    want = ["a b", "a_b~0", "a_b~1", "c_~3", "c_~4"]
    g = nx.read_graphml(io.BytesIO(out(["merge", src, "--format",
                                        "graphml"])))
    check(sorted(g.nodes) == want and g.number_of_edges() == 3,
          "clashing ids: GraphML keeps five nodes and three edges",
          (sorted(g.nodes), g.number_of_edges()))
    gexf_reader_13()
    g = nx.read_gexf(io.BytesIO(out(["merge", src, "--format", "gexf"])),
                     version="1.3")
    check(sorted(g.nodes) == want and g.number_of_edges() == 3,
          "clashing ids: GEXF keeps five nodes and three edges",
          (sorted(g.nodes), g.number_of_edges()))


def usage():
    for args, msg in [
            (["--format", "csv"], "give -o PREFIX"),
            (["--formats", "json,gexf"], "--formats is for -o"),
            (["-o", "x", "--formats", "json,xml"], "unknown format 'xml'"),
            (["-o", "x", "--formats", "json,"], "unknown format ''"),
            (["-o", "x", "--format", "graphml"], "--format is for stdout"),
            (["-o", "x", "--format", "csv", "--formats", "json"],
             "one or the other"),
            (["--format", "xml"], "graphml, gexf, csv")]:
        rc, _, err = run(["extract"] + args + [SEEDS])
        check(rc == 2 and msg in err, "usage: %s" % " ".join(args), err)
    if os.path.exists("/dev/full"):
        for fmt in ["graphml", "gexf"]:
            with open("/dev/full", "wb") as full:
                p = subprocess.run([DYAD, "extract", "--format", fmt, SEEDS],
                                   stdout=full, stderr=subprocess.PIPE)
            check(p.returncode == 1, "--format %s >/dev/full exits 1" % fmt)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        seeds(tmp)
        deterministic()
        dates(tmp)
        outputs(tmp)
        merge(tmp)
        markup(tmp)
        clashing_ids(tmp)
        usage()
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
