#!/usr/bin/python3
"""Golden files of the exports: GraphML, GEXF and the three CSV tables of
small cases, byte for byte.

    golden.py [CASE...]     run the named cases (folders under golden/), or all

A case is a folder golden/<name>/ with input/ (the articles), an optional
args file (extra arguments of `dyad extract`, one a line) and the expected
outputs expected.graphml, expected.gexf, expected.nodes.csv,
expected.edges.csv, expected.evidence.csv of
`dyad extract -o OUT --formats graphml,gexf,csv ARGS input`, run inside the
case folder.  DYAD_UPDATE_GOLDEN=1 rewrites them from what dyad writes now:
review `git diff` before committing."""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
EXTS = ["graphml", "gexf", "nodes.csv", "edges.csv", "evidence.csv"]


def case_args(case):
    path = os.path.join(case, "args")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [a for a in f.read().splitlines() if a.strip()]


def run_case(name, update):
    case = os.path.join(HERE, name)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "out")
        cmd = [os.environ["DYAD"], "extract", "-o", prefix, "--formats",
               "graphml,gexf,csv"] + case_args(case) + ["input"]
        p = subprocess.run(cmd, cwd=case, stderr=subprocess.PIPE, timeout=60)
        if p.returncode != 0:
            print("not ok - %s: exit %d: %s" % (name, p.returncode,
                                                p.stderr.decode()))
            return 1
        for ext in EXTS:
            with open(prefix + "." + ext, "rb") as f:
                got = f.read()
            path = os.path.join(case, "expected." + ext)
            if update:
                with open(path, "wb") as f:
                    f.write(got)
            with open(path, "rb") as f:
                want = f.read()
            ok = got == want
            failed += not ok
            print("%s - %s: %s" % ("ok" if ok else "not ok", name, ext))
            if not ok:
                diff = difflib.unified_diff(
                    want.decode().splitlines(True),
                    got.decode().splitlines(True), "expected", "got")
                sys.stdout.writelines(list(diff)[:60])
    return failed


def main(argv):
    names = argv or sorted(os.listdir(HERE))
    update = os.environ.get("DYAD_UPDATE_GOLDEN") == "1"
    failed = sum(run_case(n, update) for n in names)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
