#!/usr/bin/env python3
"""Per-rule validation suite for dyad (see README.md and ../../../shared/eval/GUIDE.md).

Each case in cases/<rule>.jsonl is one short document with the exact set of
typed triples (source label, target label, CAMEO root) that the annotation
guide implies. The runner feeds every case to `$DYAD extract --format json -`
on stdin, reads the triples back from the graph's links (node labels and
evidence[].cameo[:2]) and compares the two sets: a case passes only if they
are equal.

usage: run.py [--rule R] [--show] [--markdown] [--min-rate X] [--jobs N]
              [--lint]

Exit status: 0 if the overall pass rate is at least --min-rate (default
0.95), 1 if it is below, 2 on a malformed case file, 99 if $DYAD is unset or
the binary fails on every case.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

LABELS = {
    "Pakistan", "Afghan Taliban", "TTP", "China", "United States", "Russia",
    "India", "Iran", "United Nations", "al-Qaeda", "ISKP",
}
ROOTS = {"%02d" % n for n in range(1, 21)}
# Rule files, in the order of the guide; the runner also accepts any other
# <rule>.jsonl found in cases/.
RULE_ORDER = [
    "agent-target", "passive", "joint", "nominal", "reported", "requested",
    "negation", "hypothetical", "threat", "planned", "ties-not-acts",
    "places", "people-not-actors", "persons", "speakers",
    "pronouns-and-short-forms", "names", "headlines",
    "self-loops-and-collectives", "classes",
]
CASE_TIMEOUT = 20  # seconds per dyad run


def norm(label):
    return " ".join(str(label).casefold().split())


CANON = {norm(l): l for l in LABELS}


class CaseError(Exception):
    pass


def load_cases(only_rule=None):
    """Read and check every case file; return a list of case dicts."""
    if not os.path.isdir(CASES):
        raise CaseError(f"no cases directory: {CASES}")
    files = sorted(f for f in os.listdir(CASES) if f.endswith(".jsonl"))
    order = {r: i for i, r in enumerate(RULE_ORDER)}
    files.sort(key=lambda f: (order.get(f[:-6], len(order)), f))
    cases, seen = [], {}
    for fname in files:
        rule = fname[:-6]
        if only_rule and rule != only_rule:
            continue
        path = os.path.join(CASES, fname)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{fname}:{n}"
                try:
                    c = json.loads(line)
                except ValueError as e:
                    raise CaseError(f"{where}: bad JSON: {e}")
                for key in ("id", "rule", "text", "triples"):
                    if key not in c:
                        raise CaseError(f"{where}: missing \"{key}\"")
                if c["rule"] != rule:
                    raise CaseError(f"{where}: rule \"{c['rule']}\" in file of rule \"{rule}\"")
                if c["id"] in seen:
                    raise CaseError(f"{where}: duplicate id {c['id']} (first at {seen[c['id']]})")
                seen[c["id"]] = where
                if not isinstance(c["text"], str) or not c["text"].strip():
                    raise CaseError(f"{where}: empty text")
                exp = set()
                if not isinstance(c["triples"], list):
                    raise CaseError(f"{where}: \"triples\" must be a list")
                for t in c["triples"]:
                    if not (isinstance(t, list) and len(t) == 3):
                        raise CaseError(f"{where}: triple {t!r} is not [source, target, root]")
                    s, d, r = t
                    if s not in LABELS or d not in LABELS:
                        raise CaseError(f"{where}: unknown actor label in {t!r}")
                    if s == d:
                        raise CaseError(f"{where}: self-loop {t!r}")
                    if r not in ROOTS:
                        raise CaseError(f"{where}: CAMEO root {r!r} is not 01..20")
                    if (s, d, r) in exp:
                        raise CaseError(f"{where}: duplicate triple {t!r}")
                    exp.add((s, d, r))
                c["expected"] = exp
                names = c.get("rules", [])
                if not (isinstance(names, list) and all(isinstance(x, str) for x in names)):
                    raise CaseError(f"{where}: \"rules\" must be a list of rule names")
                cases.append(c)
    if only_rule and not cases:
        raise CaseError(f"no cases for rule {only_rule!r} (files: {', '.join(files)})")
    return cases


def graph_triples(graph):
    """The typed triples of a node-link graph: (source, target, root)."""
    nodes = graph.get("nodes")
    links = graph.get("links", graph.get("edges"))
    if not isinstance(nodes, list) or not isinstance(links, list):
        raise ValueError("graph lacks 'nodes' and 'links' lists")
    label = {}
    for node in nodes:
        if isinstance(node, dict) and "id" in node:
            label[node["id"]] = node.get("label", node["id"])
    got = set()
    for link in links:
        s = label.get(link.get("source"), link.get("source"))
        t = label.get(link.get("target"), link.get("target"))
        s, t = CANON.get(norm(s), str(s)), CANON.get(norm(t), str(t))
        ev = link.get("evidence")
        roots = set()
        if isinstance(ev, list) and ev:
            for e in ev:
                if isinstance(e, dict) and e.get("cameo") is not None:
                    roots.add(str(e["cameo"])[:2])
        else:  # no evidence: fall back on the relations summary
            for r in link.get("relations") or []:
                if isinstance(r, dict) and r.get("cameo") is not None:
                    roots.add(str(r["cameo"])[:2])
        # only the guide's eleven labels are scored, as ../shared/eval/score
        # scores only the labels of its gold: the cases were written when
        # the dictionary had no other actors, and a triple about another
        # state or group ("Jaish al-Adl") is neither right nor wrong here
        if s not in LABELS or t not in LABELS:
            continue
        for r in roots:
            got.add((s, t, r))
    return got


def rule_names(dyad, case):
    """The rule names in the paths of the triples `dyad explain` keeps for
    the case's text ("including-list > agent-object" gives both)."""
    p = subprocess.run([dyad, "explain", "--format", "json", "-"],
                       input=case["text"].encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=CASE_TIMEOUT)
    names = set()
    if p.returncode != 0:
        return names
    for sent in json.loads(p.stdout.decode("utf-8")):
        for ev in sent["events"]:
            if ev["kind"] == "triple" and ev.get("rule"):
                names.update(ev["rule"].split(" > "))
    return names


def run_case(dyad, case):
    """Return (ok_run, got_set_or_error_message, rule names seen)."""
    ok, got = run_extract(dyad, case)
    names = rule_names(dyad, case) if ok and case.get("rules") else set()
    return ok, got, names


def run_extract(dyad, case):
    """Return (ok_run, got_set_or_error_message)."""
    try:
        p = subprocess.run([dyad, "extract", "--format", "json", "-"],
                           input=case["text"].encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=CASE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"timeout after {CASE_TIMEOUT}s"
    except OSError as e:
        return False, f"cannot run {dyad}: {e}"
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return False, f"exit {p.returncode}" + (f": {err[0]}" if err else "")
    try:
        graph = json.loads(p.stdout.decode("utf-8"))
        return True, graph_triples(graph)
    except (ValueError, UnicodeDecodeError, AttributeError) as e:
        return False, f"bad JSON output: {e}"


def fmt(triples):
    return "[" + ", ".join(f"({s} -> {t}, {r})" for s, t, r in sorted(triples)) + "]"


def main(argv=None):
    ap = argparse.ArgumentParser(description="dyad per-rule validation suite")
    ap.add_argument("--rule", help="run only the cases of this rule (file name without .jsonl)")
    ap.add_argument("--show", action="store_true", help="print every case, not only the failing ones")
    ap.add_argument("--markdown", action="store_true", help="print the per-rule table as markdown")
    ap.add_argument("--min-rate", type=float, default=0.95,
                    help="exit 1 if the overall pass rate is below this (default 0.95)")
    ap.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1),
                    help="dyad processes to run at once")
    ap.add_argument("--lint", action="store_true", help="only check the case files, run nothing")
    a = ap.parse_args(argv)

    try:
        cases = load_cases(a.rule)
    except CaseError as e:
        print(f"validation: {e}", file=sys.stderr)
        return 2
    if a.lint:
        counts = {}
        for c in cases:
            counts[c["rule"]] = counts.get(c["rule"], 0) + 1
        for r, n in counts.items():
            print(f"{r:28} {n:4}")
        print(f"{'total':28} {len(cases):4}")
        return 0

    dyad = os.environ.get("DYAD")
    if not dyad:
        print("validation: DYAD is not set (path of the dyad binary); "
              "run through meson test or set it by hand", file=sys.stderr)
        return 99
    if not os.path.isabs(dyad) and os.sep in dyad:
        dyad = os.path.abspath(dyad)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        results = list(ex.map(lambda c: run_case(dyad, c), cases))

    known = {r["name"] for r in json.loads(subprocess.run(
        [dyad, "explain", "--rules", "--format", "json"], check=True,
        stdout=subprocess.PIPE).stdout.decode("utf-8"))}
    for c in cases:
        for name in c.get("rules", []):
            if name not in known:
                print(f"validation: {c['id']}: unknown rule {name!r} (dyad explain --rules)",
                      file=sys.stderr)
                return 2

    if not any(ok for ok, _, _ in results):
        first = results[0][1] if results else "no cases"
        print(f"validation: {dyad} failed on every case (first: {first})", file=sys.stderr)
        return 99

    per_rule = {}
    failed_runs = 0
    for c, (ok, got, names) in zip(cases, results):
        unmet = [r for r in c.get("rules", []) if r not in names]
        passed = ok and got == c["expected"] and not unmet
        tot = per_rule.setdefault(c["rule"], [0, 0])
        tot[0] += 1
        tot[1] += passed
        if not ok:
            failed_runs += 1
        if (not passed and not a.markdown) or a.show:
            mark = "PASS" if passed else "FAIL"
            print(f"{mark} {c['id']}: {c['text']}")
            print(f"     expected: {fmt(c['expected'])}")
            print(f"     got:      {fmt(got) if ok else 'ERROR ' + got}")
            if not passed and ok:
                miss, extra = c["expected"] - got, got - c["expected"]
                if miss:
                    print(f"     missing:  {fmt(miss)}")
                if extra:
                    print(f"     spurious: {fmt(extra)}")
                if unmet:
                    print(f"     rules not in any triple's path: {', '.join(unmet)}")
    if not a.markdown:
        print()

    total = sum(v[0] for v in per_rule.values())
    passed = sum(v[1] for v in per_rule.values())
    rate = passed / total if total else 0.0
    if a.markdown:
        print("| rule | cases | passed | rate |")
        print("|---|---:|---:|---:|")
        for r, (n, p) in per_rule.items():
            print(f"| {r} | {n} | {p} | {p / n:.0%} |")
        print(f"| **total** | **{total}** | **{passed}** | **{rate:.0%}** |")
    else:
        print(f"{'rule':28} {'cases':>5} {'passed':>6} {'rate':>6}")
        for r, (n, p) in per_rule.items():
            print(f"{r:28} {n:5} {p:6} {p / n:6.0%}")
        print(f"{'total':28} {total:5} {passed:6} {rate:6.1%}")
    if failed_runs:
        print(f"validation: dyad failed to run on {failed_runs} case(s)", file=sys.stderr)
    if rate < a.min_rate:
        print(f"validation: pass rate {rate:.1%} is below --min-rate {a.min_rate:.0%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
