#!/usr/bin/env python3
"""Every actor of the tables under every one of its forms, in news-shaped
sentences, through the built dyad ($DYAD): the right edge, and one node per
actor whatever the form.

For each actor of data/states.tsv, organisations.tsv and groups.tsv (and
aliases.tsv, people.tsv), one document a sentence:
  NAME condemned PARTNER.                          (11)  every name
  ADJECTIVE officials held talks with PARTNER.     (04)  every state adjective
  CAPITAL accused PARTNER of supporting militants. (11)  every capital
  PERSON condemned PARTNER.                        (11)  every person (--people)
PARTNER is the next state of the table, by its label.  A document passes
when its graph has exactly the edge expected (source, target, root) and the
source node has the actor's id.  Exit 1 if any fails or fewer than 150
states pass under all their forms.

usage: test_actors.py [--people] [--show] [--only ID]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.environ.get("DYAD_SOURCE_ROOT") or os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")

# Forms left out, with the reason: each is a limitation of the reader
# (src/lib/extract.c, text.c), not of the tables.
def skip(form, kind):
    words = form.replace("\u2019", "'").split()
    if any(w.endswith("'s") or w.endswith("s'") for w in words):
        return "a possessive 's or s' inside a name never matches: the reader splits it off"
    if words[-1].lower().endswith("ly"):
        return "a subject ending in -ly before a verb is read as an adverb (Italy, General Assembly, Madbouly)"
    if form == "Pakistani state":
        return "'state' after an adjective is read as a noun phrase, not a subject"
    return None


def table(name):
    rows = []
    header = None
    for line in open(os.path.join(DATA, name), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\n").split("\t")]
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def kept(cell):
    return [i.strip() for i in cell.split("|") if i.strip() and not i.strip().startswith("-")]


def role_day(cell, end):
    """A since or until cell of people.tsv (YYYY-MM-DD, YYYY-MM, YYYY) as a
    day it covers; None if empty."""
    if not cell:
        return None
    if len(cell) == 4:
        return cell + ("-12-31" if end else "-01-01")
    if len(cell) == 7:
        return cell + ("-28" if end else "-01")
    return cell


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", action="store_true", help="also every person of people.tsv")
    ap.add_argument("--show", action="store_true", help="print every failing sentence")
    ap.add_argument("--only", help="only this actor id")
    a = ap.parse_args()
    dyad = os.environ.get("DYAD")
    if not dyad:
        print("DYAD is not set", file=sys.stderr)
        return 99

    states = table("states.tsv")
    actors = {}
    for t in ("states.tsv", "organisations.tsv", "groups.tsv"):
        for r in table(t):
            actors[r["id"]] = {"kind": t.split(".")[0], "names": kept(r["names"]),
                               "capitals": kept(r.get("capitals", "")),
                               "adjectives": kept(r.get("adjectives", "")) if t == "states.tsv" else [],
                               "people": []}
    for r in table("aliases.tsv"):
        if r["field"] == "name":
            actors[r["actor"]]["names"] += kept(r["alias"])
        elif r["actor"] in actors and actors[r["actor"]]["kind"] == "states":
            actors[r["actor"]]["adjectives"] += kept(r["alias"])
    for r in table("people.tsv"):
        # a dated role is tried on a day it covers: its first, else its last
        when = role_day(r.get("since", ""), False) or role_day(r.get("until", ""), True)
        actors[r["actor"]]["people"] += [(n, when) for n in kept(r["names"])]

    # the partner of an actor: the next state (by table order), named by its label
    order = [r["id"] for r in states]
    label = {r["id"]: r["label"] for r in states}

    def partner(aid):
        i = order.index(aid) if aid in order else -1
        for k in range(1, len(order)):
            p = order[(i + k) % len(order)]
            if p != aid:
                return p

    docs = []  # (doc id, actor id, form, text, (src, dst, root))
    skipped = []
    for aid, act in actors.items():
        if a.only and aid != a.only:
            continue
        p = partner(aid)
        forms = [("name", n, f"{n} condemned {label[p]}.", "11") for n in act["names"]]
        forms += [("adjective", n, f"{n} officials held talks with {label[p]}.", "04")
                  for n in act["adjectives"]]
        forms += [("capital", n, f"{n} accused {label[p]} of supporting militants.", "11")
                  for n in act["capitals"]]
        if a.people:
            forms += [("person", n, f"{n} condemned {label[p]}.", "11", when)
                      for n, when in act["people"]]
        for kind, form, text, root, *when in forms:
            why = skip(form, kind)
            if why:
                skipped.append((aid, form, why))
                continue
            text = text[0].upper() + text[1:]
            docs.append((f"d{len(docs):05d}", aid, kind, form, text, (aid, p, root),
                         when[0] if when else None))

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in docs:
            doc = {"id": d[0], "text": d[4]}
            if d[6]:
                doc["date"] = d[6]
            f.write(json.dumps(doc) + "\n")
        corpus = f.name
    try:
        pr = subprocess.run([dyad, "extract", "--format", "json", corpus],
                            capture_output=True, text=True)
    finally:
        os.unlink(corpus)
    if pr.returncode != 0:
        print(f"dyad failed: {pr.stderr.strip()}")
        return 1
    g = json.loads(pr.stdout)
    got = {}
    for l in g["links"]:
        for e in l["evidence"]:
            got.setdefault(e["doc"], set()).add((l["source"], l["target"], e["cameo"][:2]))

    failed = {}
    for doc, aid, kind, form, text, want, _ in docs:
        have = got.get(doc, set())
        if have != {want}:
            failed.setdefault(aid, []).append((kind, form, text, have))
    state_ids = set(order)
    tested = {d[1] for d in docs}
    ok_states = sorted(s for s in state_ids & tested if s not in failed)
    for aid, fs in sorted(failed.items()):
        for kind, form, text, have in fs:
            print(f"FAIL {aid} ({kind} \"{form}\"): {text!r} gave {sorted(have) or 'nothing'}")
    if a.show:
        for aid, form, why in skipped:
            print(f"skip {aid} \"{form}\": {why}")
    n_forms = len(docs)
    n_bad = sum(len(v) for v in failed.values())
    print(f"{n_forms - n_bad} of {n_forms} sentences right; "
          f"{len(ok_states)} of {len(state_ids & tested)} states right under every form; "
          f"{len(tested - state_ids) - len(set(failed) - state_ids)} of {len(tested - state_ids)} "
          "organisations and groups right; "
          f"{len(skipped)} forms skipped (--show lists them)")
    if a.only:
        return 1 if failed else 0
    return 1 if failed or len(ok_states) < 150 else 0


if __name__ == "__main__":
    sys.exit(main())
