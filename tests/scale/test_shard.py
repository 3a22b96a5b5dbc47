#!/usr/bin/python3
"""dyad extract --shard K/N: N shard graphs merged in any order or grouping
give the bytes of one local run (JSON, and the DOT drawn from it), for
N = 1..4, over a folder and a .jsonl corpus, with and without
--max-evidence; a document is in exactly one shard.  Prints TAP."""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from scale_util import DICT, dyad, make_corpus, merge_orders, merge_tree  # noqa: E402,E501


def docs_of(graph_bytes):
    g = json.loads(graph_bytes)
    return {e["doc"] for link in g["links"] for e in link["evidence"]}


def check_n(tmp, inputs, n, cap):
    extra = ["--max-evidence", str(cap)] if cap else []
    local = dyad(["extract"] + inputs + DICT + extra)
    parts = []
    seen = []
    for k in range(1, n + 1):
        out = os.path.join(tmp, "part-%d-of-%d.json" % (k, n))
        data = dyad(["extract", "--shard", "%d/%d" % (k, n), "-j", "2"]
                    + inputs + DICT + extra)
        with open(out, "wb") as f:
            f.write(data)
        parts.append(out)
        seen.append(json.loads(data)["graph"]["documents"])
    total = json.loads(local)["graph"]["documents"]
    what = "N=%d%s" % (n, " --max-evidence %d" % cap if cap else "")
    tap.check(sum(seen) == total, "%s: each document in one shard" % what,
              "%r vs %d" % (seen, total))
    if cap == 0:
        d = [docs_of(open(p, "rb").read()) for p in parts]
        tap.check(all(not (d[i] & d[j]) for i in range(n)
                      for j in range(i)), "%s: shards share no document"
                  % what)
    for name, order in merge_orders(parts, seed=n):
        if order == "tree":
            got = merge_tree(parts, tmp, extra)
        else:
            got = dyad(["merge"] + extra + order[0])
        tap.check(got == local, "%s: merge (%s) is byte-identical to one "
                  "run" % (what, name), "%d vs %d bytes" % (len(got),
                                                            len(local)))
    dot = dyad(["merge", "--format", "dot"] + extra + parts[::-1])
    want = dyad(["extract", "--format", "dot"] + inputs + DICT + extra)
    tap.check(dot == want, "%s: the DOT of the merge is that of one run"
              % what)


def recipes_documented():
    """docs/scale.md shows each recipe script as it is."""
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.environ.get("DYAD_SOURCE_ROOT", os.path.join(here, "..", ".."))
    doc = open(os.path.join(root, "docs", "scale.md")).read()
    for name in sorted(os.listdir(os.path.join(here, "recipes"))):
        text = open(os.path.join(here, "recipes", name)).read()
        tap.check("```sh\n" + text + "```" in doc,
                  "docs/scale.md shows recipes/%s verbatim" % name)


def main():
    recipes_documented()
    tmp = tempfile.mkdtemp(prefix="dyad-shard-")
    try:
        inputs = make_corpus(tmp)
        tap.check(json.loads(dyad(["extract"] + inputs + DICT))["links"],
                  "the corpus gives links (else the checks are empty)")
        for n in range(1, 5):
            check_n(tmp, inputs, n, 0)
        check_n(tmp, inputs, 3, 1)
        # a shard of a folder lists only its files; an empty shard is an
        # empty graph, and merges as nothing
        one = [os.path.join(inputs[0], "a001.txt")]
        empty = [dyad(["extract", "--shard", "%d/3" % k] + one + DICT)
                 for k in (1, 2, 3)]
        full = [g for g in empty if json.loads(g)["graph"]["documents"]]
        tap.check(len(full) == 1, "one file: in exactly one of 3 shards")
        zero = [g for g in empty if not json.loads(g)["graph"]["documents"]]
        path = os.path.join(tmp, "empty.json")
        with open(path, "wb") as f:
            f.write(zero[0])
        tap.check(dyad(["merge", path, path]) == zero[0],
                  "an empty shard graph merges as nothing")
        # the shares are fixed: the same names give the same shards
        # whatever else is in the run (FNV-1a 64 of the name, modulo N)
        two = os.path.join(inputs[0], "a002.txt")
        tap.check(docs_of(dyad(["extract", two] + DICT)) == {"a002.txt"},
                  "a002.txt gives evidence (else the next check is empty)")
        for k in range(1, 5):
            a = dyad(["extract", "--shard", "%d/4" % k, two] + DICT)
            b = dyad(["extract", "--shard", "%d/4" % k, inputs[0]] + DICT)
            tap.check(("a002.txt" in docs_of(b)) == bool(
                json.loads(a)["graph"]["documents"]),
                "shard %d/4: a document's shard does not depend on the "
                "other inputs" % k)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
