#!/usr/bin/python3
"""dyad's node-link JSON read the way D3 and igraph read it.

D3: Debian's node-d3-force (the d3-force module itself) under node runs a
force simulation on the file's `nodes` and `links` with
forceLink(links).id(d => d.id), D3's loader convention for links that name
their nodes by id: every link's source and target must resolve to the node
object of that id (d3-force throws on an unknown id), and the simulation
must give every node a finite position.  A graph with a link to a missing
id is refused by it, so the check can fail.

igraph (python3-igraph) has no node-link file reader; it reads the two
lists as they are with Graph.DictList(nodes, links, directed=True,
vertex_name_attr="id", edge_foreign_keys=("source", "target")): the same
vertices, edges, labels and weights come back.

Usage: test_d3_igraph.py JSON_FIXTURE   (env DYAD, DYAD_SOURCE_ROOT)
Exits 77 (skip) when neither node with d3-force nor igraph is there."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

NODE_PATH = "/usr/share/nodejs:/usr/lib/nodejs"

D3_SCRIPT = r"""
const d3 = require("d3-force");
const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
const ids = data.nodes.map(d => d.id);
const sim = d3.forceSimulation(data.nodes)
    .force("link", d3.forceLink(data.links).id(d => d.id))
    .force("charge", d3.forceManyBody())
    .stop();
sim.tick(30);
console.log(JSON.stringify({
    ids: ids,
    links: data.links.map(l => [typeof l.source, typeof l.target,
                                l.source.id, l.target.id,
                                l.source === data.nodes[l.source.index],
                                l.weight]),
    finite: data.nodes.every(d => isFinite(d.x) && isFinite(d.y)),
}));
"""


def have_d3():
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        return None
    r = subprocess.run([node, "-e", "require('d3-force')"],
                       env=dict(os.environ, NODE_PATH=NODE_PATH),
                       capture_output=True)
    return node if r.returncode == 0 else None


def run_d3(node, data):
    return subprocess.run([node, "-e", D3_SCRIPT],
                          input=json.dumps(data).encode(),
                          env=dict(os.environ, NODE_PATH=NODE_PATH),
                          capture_output=True, timeout=60)


def pairs(data):
    return [(l["source"], l["target"], l["weight"]) for l in data["links"]]


def d3_reads(node, data, name):
    check("links" in data and "edges" not in data,
          name + ": the edges are D3's \"links\"")
    r = run_d3(node, data)
    check(r.returncode == 0, name + ": d3-force runs on nodes and links",
          r.stderr.decode(errors="replace"))
    if r.returncode != 0:
        return
    got = json.loads(r.stdout)
    check(got["ids"] == [n["id"] for n in data["nodes"]], name + ": nodes")
    check(all(a == "object" and b == "object" and same
              for a, b, _, _, same, _ in got["links"]),
          name + ": every link's ends resolved to node objects by id")
    check([(s, t, w) for _, _, s, t, _, w in got["links"]] == pairs(data),
          name + ": the same links, ends and weights")
    check(got["finite"], name + ": every node laid out")


def d3_refuses_unknown_id(node, data):
    bad = json.loads(json.dumps(data))
    bad["links"][0]["target"] = "no-such-actor"
    r = run_d3(node, bad)
    check(r.returncode != 0 and b"no-such-actor" in r.stderr,
          "d3-force refuses a link to an id no node has (the check bites)",
          r.stderr.decode(errors="replace"))


def igraph_reads(igraph, data, name):
    g = igraph.Graph.DictList(data["nodes"], data["links"], directed=True,
                              vertex_name_attr="id",
                              edge_foreign_keys=("source", "target"))
    check(g.is_directed(), name + ": igraph: directed")
    check(g.vs["id"] == [n["id"] for n in data["nodes"]],
          name + ": igraph: vertices in the file's order")
    check(g.vs["label"] == [n["label"] for n in data["nodes"]],
          name + ": igraph: labels")
    got = [(g.vs[e.source]["id"], g.vs[e.target]["id"], e["weight"])
           for e in g.es]
    check(got == pairs(data), name + ": igraph: edges and weights", got[:5])
    check(g.es[0]["relations"] == data["links"][0]["relations"],
          name + ": igraph: nested attributes as they are")


def graphs(fixture):
    out = subprocess.run([fixture, "sample"], check=True,
                         capture_output=True).stdout
    yield "sample", json.loads(out)
    seeds = os.path.join(os.environ.get("DYAD_SOURCE_ROOT", "."), "seeds")
    r = subprocess.run([os.environ["DYAD"], "extract", "--format", "json",
                        seeds], capture_output=True, check=True)
    yield "seeds", json.loads(r.stdout)


def main():
    node = have_d3()
    try:
        import igraph
    except ImportError:
        igraph = None
    if not node and not igraph:
        print("# neither node with d3-force (node-d3-force) nor "
              "python3-igraph: skip")
        return 77
    for name, data in graphs(sys.argv[1]):
        check(len(data["links"]) > 0, name + ": has links")
        if node:
            d3_reads(node, data, name)
        else:
            print("# node with d3-force not found (apt-get install nodejs "
                  "node-d3-force): D3 skipped")
        if igraph:
            igraph_reads(igraph, data, name)
        if node and name == "sample":
            d3_refuses_unknown_id(node, data)
    return tap.summary()


sys.exit(main())
