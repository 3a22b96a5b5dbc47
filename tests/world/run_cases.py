#!/usr/bin/env python3
"""tests/world cases: each line of cases/*.jsonl is one document
({"id", "text", "triples": [[source label, target label, root], ...], "why"},
and "date" for a dated document: dated roles of persons);
dyad ($DYAD) must give exactly that set of typed triples, over every actor
of the built-in dictionary (not only the guide's eleven)."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def triples(graph):
    lab = {n["id"]: n["label"] for n in graph["nodes"]}
    return {(lab[l["source"]], lab[l["target"]], e["cameo"][:2])
            for l in graph["links"] for e in l["evidence"]}


def main():
    dyad = os.environ.get("DYAD")
    if not dyad:
        print("DYAD is not set", file=sys.stderr)
        return 99
    cases = []
    folder = os.path.join(HERE, "cases")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".jsonl"):
            for n, line in enumerate(open(os.path.join(folder, name), encoding="utf-8"), 1):
                if line.strip():
                    c = json.loads(line)
                    c["where"] = f"{name}:{n}"
                    cases.append(c)
    # one run: a .jsonl corpus, one document a case
    corpus = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"dyad-world-cases-{os.getpid()}.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for i, c in enumerate(cases):
            doc = {"id": f"c{i:04d}", "text": c["text"]}
            if "date" in c:
                doc["date"] = c["date"]
            f.write(json.dumps(doc) + "\n")
    try:
        p = subprocess.run([dyad, "extract", "--format", "json", corpus], capture_output=True, text=True)
    finally:
        os.unlink(corpus)
    if p.returncode:
        print(p.stderr)
        return 1
    g = json.loads(p.stdout)
    lab = {n["id"]: n["label"] for n in g["nodes"]}
    got = {}
    for l in g["links"]:
        for e in l["evidence"]:
            got.setdefault(e["doc"], set()).add((lab[l["source"]], lab[l["target"]], e["cameo"][:2]))
    bad = 0
    for i, c in enumerate(cases):
        want = {tuple(t) for t in c["triples"]}
        have = got.get(f"c{i:04d}", set())
        if want != have:
            bad += 1
            print(f"FAIL {c['where']} {c['id']}: {c['text']}\n  expected {sorted(want)}\n  got      {sorted(have)}\n  ({c.get('why', '')})")
    print(f"{len(cases) - bad} of {len(cases)} cases right")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
