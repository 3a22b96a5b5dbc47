#!/usr/bin/env python3
"""tests/world articles: short news articles about other regions (Gaza,
Ukraine, Sudan, the Korean peninsula) run through dyad ($DYAD) with the
built-in dictionary alone, against articles/gold.jsonl (annotated to
../shared/eval/GUIDE.md before dyad was run on them, every actor scored).

Prints the missed and spurious triples and pair/typed precision and recall;
fails below the floors (FLOORS), which are the figures when the set was
written: a drop is a regression, a rise is welcome (raise the floor)."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
FLOORS = {"pair P": 0.90, "pair R": 0.85, "typed P": 0.85, "typed R": 0.75}


def norm(s):
    return " ".join(s.casefold().split())


def prf(gold, got):
    tp = len(gold & got)
    p = tp / len(got) if got else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r


def main():
    dyad = os.environ.get("DYAD")
    if not dyad:
        print("DYAD is not set", file=sys.stderr)
        return 99
    gold = set()
    for line in open(os.path.join(ART, "gold.jsonl"), encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            gold.add((g["doc"], norm(g["source"]), norm(g["target"]), g["cameo"]))
    p = subprocess.run([dyad, "extract", "--format", "json", ART], capture_output=True, text=True)
    if p.returncode:
        print(p.stderr)
        return 1
    graph = json.loads(p.stdout)
    lab = {n["id"]: n["label"] for n in graph["nodes"]}
    got = {(e["doc"], norm(lab[l["source"]]), norm(lab[l["target"]]), e["cameo"][:2])
           for l in graph["links"] for e in l["evidence"]}
    for t in sorted(gold - got):
        print("missed   %s: %s -> %s [%s]" % t)
    for t in sorted(got - gold):
        print("spurious %s: %s -> %s [%s]" % t)
    fig = {}
    fig["pair P"], fig["pair R"] = prf({t[:3] for t in gold}, {t[:3] for t in got})
    fig["typed P"], fig["typed R"] = prf(gold, got)
    print("  ".join(f"{k} {v:.3f}" for k, v in fig.items()))
    low = [k for k, v in fig.items() if v + 1e-9 < FLOORS[k]]
    if low:
        print("below the floor: " + ", ".join(f"{k} {fig[k]:.3f} < {FLOORS[k]}" for k in low))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
