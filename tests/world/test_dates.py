#!/usr/bin/env python3
"""Dated roles through the command line ($DYAD): a document's date comes from
its "date YYYY-MM-DD" first line, its .jsonl "date" or --date (for documents
without one), in extract and explain alike, and picks a person's role (Mark
Rutte: the Netherlands until 2024-07-02, NATO from 2024-10-01).  A bad
--date is a usage error."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, summary  # noqa: E402

DYAD = os.environ["DYAD"]
TEXT = "Mark Rutte urged Russia to end the war."


def extract(*args, stdin=None):
    p = subprocess.run([DYAD, "extract", "--format", "json", *args], input=stdin,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def sources(out):
    """The source label of every edge, by document."""
    g = json.loads(out)
    lab = {n["id"]: n["label"] for n in g["nodes"]}
    return {e["doc"]: lab[l["source"]] for l in g["links"] for e in l["evidence"]}


def explain_source(*args):
    p = subprocess.run([DYAD, "explain", *args], capture_output=True, text=True)
    for line in p.stdout.splitlines():
        if line.strip().startswith("triple"):
            return line.split()[1]
    return None


with tempfile.TemporaryDirectory() as tmp:
    old = os.path.join(tmp, "old.txt")
    new = os.path.join(tmp, "new.txt")
    plain = os.path.join(tmp, "plain.txt")
    open(old, "w").write("date 2023-05-10\n" + TEXT + "\n")
    open(new, "w").write("Date: 2025-02-01\n" + TEXT + "\n")
    open(plain, "w").write(TEXT + "\n")

    rc, out, err = extract(old, new, plain)
    s = sources(out) if rc == 0 else {}
    check(rc == 0 and s == {"old.txt": "Netherlands", "new.txt": "NATO", "plain.txt": "NATO"},
          "a date line picks the role; undated, the open-ended one", (rc, s, err))

    rc, out, err = extract("--date", "2023-01-01", old, new, plain)
    s = sources(out) if rc == 0 else {}
    check(rc == 0 and s == {"old.txt": "Netherlands", "new.txt": "NATO", "plain.txt": "Netherlands"},
          "--date dates only the documents without a date of their own", (rc, s, err))

    rc, out, err = extract("--date", "2024-08-01", plain)
    s = sources(out) if rc == 0 else {}
    check(rc == 0 and s == {}, "between two roles the name is no actor", (rc, s, err))

    corpus = os.path.join(tmp, "c.jsonl")
    with open(corpus, "w") as f:
        f.write(json.dumps({"id": "a", "date": "2023-05-10T08:00:00Z", "text": TEXT}) + "\n")
        f.write(json.dumps({"id": "b", "text": TEXT}) + "\n")
    rc, out, err = extract("--date", "2023-01-01", corpus)
    s = sources(out) if rc == 0 else {}
    check(rc == 0 and s == {"a": "Netherlands", "b": "Netherlands"},
          "a .jsonl date (a date-time too) and --date for lines without one", (rc, s, err))
    rc, out, err = extract(corpus)
    s = sources(out) if rc == 0 else {}
    check(rc == 0 and s == {"a": "Netherlands", "b": "NATO"}, ".jsonl without --date", (rc, s, err))

    check(explain_source(old) == "Netherlands", "explain FILE reads the date line")
    check(explain_source("--date", "2023-01-01", TEXT) == "Netherlands", "explain --date")
    check(explain_source(TEXT) == "NATO", "explain, undated")

    for cmd in (["extract", plain], ["explain", TEXT]):
        for bad in ("2024-02-30", "2024", "yesterday", "2024-01-01x"):
            p = subprocess.run([DYAD, cmd[0], "--date", bad, cmd[1]], capture_output=True, text=True)
            check(p.returncode == 2 and "--date wants a calendar date YYYY-MM-DD" in p.stderr
                  and bad in p.stderr, f"{cmd[0]} --date {bad}: a usage error", (p.returncode, p.stderr))

    bad_dict = os.path.join(tmp, "actors.json")
    json.dump({"actors": [{"id": "x", "label": "X", "people": [
        {"names": ["Xu Ling"], "since": "2024-13-01"}]}]}, open(bad_dict, "w"))
    rc, out, err = extract("--actors", bad_dict, plain)
    check(rc == 1 and "actors.json: actors[0].people[0].since: expected a date" in err,
          "a bad role date in a dictionary names the entry", (rc, err))
sys.exit(summary())
