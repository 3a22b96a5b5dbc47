#!/usr/bin/env python3
"""tools/build-dict finds the errors it promises, each with FILE:LINE, and the
generated dictionary loads in dyad ($DYAD) with every state the tables hold."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get("DYAD_SOURCE_ROOT") or os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "build-dict")
DATA = os.path.join(ROOT, "data")
failures = []


def run(data, *extra):
    out = os.path.join(data, "actors.json")
    p = subprocess.run([sys.executable, TOOL, "--data", data, "--out", out, *extra],
                       capture_output=True, text=True)
    return p.returncode, p.stderr


def case(name, table, append, want):
    """Copies the tables, appends lines to one, expects an error text."""
    with tempfile.TemporaryDirectory() as tmp:
        for f in os.listdir(DATA):
            if f.endswith(".tsv"):
                shutil.copy(os.path.join(DATA, f), tmp)
        path = os.path.join(tmp, table)
        n = sum(1 for _ in open(path, encoding="utf-8"))
        with open(path, "a", encoding="utf-8") as f:
            f.write(append)
        rc, err = run(tmp)
        want = want.replace("LINE", str(n + 1))
        if rc != 1 or want not in err:
            failures.append(f"{name}: expected status 1 and {want!r}, got {rc}: {err.strip()[:500]}")
        else:
            print(f"ok {name}")


case("alias owned twice", "states.tsv",
     "freedonia\tFreedonia\tQF\tQFR\tFreedonia | Islamabad\t\tFreedonian\n",
     "states.tsv:LINE: \"Islamabad\" (freedonia) already names Pakistan")
case("alias owned twice, other case and apostrophe", "aliases.tsv",
     "india\tname\tpeople\u2019s republic of CHINA\n",
     "aliases.tsv:LINE: \"people\u2019s republic of CHINA\" (india) already names China")
case("state without adjective", "states.tsv",
     "freedonia\tFreedonia\tQF\tQFR\tFreedonia\tFreedonia City\t\n",
     "states.tsv:LINE: freedonia: a state needs an adjective")
case("state without ISO code", "states.tsv",
     "freedonia\tFreedonia\t\t\tFreedonia\t\tFreedonian\n",
     "states.tsv:LINE: freedonia: iso2 \"\" is not 2 capital letters")
case("state without name", "states.tsv",
     "freedonia\tFreedonia\tQF\tQFR\t\t\tFreedonian\n",
     "states.tsv:LINE: freedonia: a state needs a name")
case("ISO code twice", "states.tsv",
     "freedonia\tFreedonia\tPK\tQFR\tFreedonia\t\tFreedonian\n",
     "states.tsv:LINE: freedonia: iso2 PK is used twice")
case("id twice", "groups.tsv", "ttp\tTTP again\tTTP2\n",
     "groups.tsv:LINE: id \"ttp\" is used twice")
case("person of an unknown actor", "people.tsv", "freedonia\tRufus T. Firefly\tpresident\n",
     "people.tsv:LINE: no actor \"freedonia\"")
case("person owned twice", "people.tsv", "china\tShehbaz Sharif\n",
     "people.tsv:LINE: \"Shehbaz Sharif\" (china) already names Pakistan at ")
case("person owned twice, undated", "people.tsv", "china\tAsim Munir\n",
     "people.tsv:LINE: \"Asim Munir\" (china) already names Pakistan")
case("dated roles that overlap", "people.tsv",
     "estonia\tMark Rutte\tenvoy\t2024-05\t2024-08\n",
     "people.tsv:LINE: \"Mark Rutte\" (estonia) already names Netherlands at ")
case("dated role of a name owned at all times", "people.tsv",
     "china\tShehbaz Sharif\tenvoy\t2030\n",
     "people.tsv:LINE: \"Shehbaz Sharif\" (china) already names Pakistan")
case("a since that is not a date", "people.tsv", "china\tXu Ling\tenvoy\t2024-13\n",
     "people.tsv:LINE: since \"2024-13\" or until \"\": a date")
case("since after until", "people.tsv", "china\tXu Ling\tenvoy\t2025\t2024\n",
     "people.tsv:LINE: since is after until")
case("bad noun class", "nouns.tsv", "agnet\tenvoys\n", "nouns.tsv:LINE: noun class \"agnet\"")
case("too many columns", "groups.tsv", "a\tb\tc\td\te\tf\n", "groups.tsv:LINE: 6 columns")

# a dropped alias (-X) is not emitted and may belong to another actor
with tempfile.TemporaryDirectory() as tmp:
    for f in os.listdir(DATA):
        if f.endswith(".tsv"):
            shutil.copy(os.path.join(DATA, f), tmp)
    with open(os.path.join(tmp, "states.tsv"), "a", encoding="utf-8") as f:
        f.write("freedonia\tFreedonia\tQF\tQFR\tFreedonia\t-Islamabad\t-Pakistani\tshared, dropped\n")
    rc, err = run(tmp)
    d = json.load(open(os.path.join(tmp, "actors.json"), encoding="utf-8")) if rc == 0 else None
    fr = [a for a in d["actors"] if a["id"] == "freedonia"] if d else []
    if rc != 0 or not fr or fr[0]["names"] != ["Freedonia"] or fr[0]["adjectives"] != []:
        failures.append(f"dropped aliases: status {rc}, {err.strip()[:300]}, {fr}")
    else:
        print("ok dropped aliases")

# the committed dictionary: every table row is an actor, and dyad loads it
tables = json.load(open(os.path.join(DATA, "actors.json"), encoding="utf-8"))
rows = 0
for t in ("states.tsv", "organisations.tsv", "groups.tsv"):
    lines = [l for l in open(os.path.join(DATA, t), encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    rows += len(lines) - 1
if rows != len(tables["actors"]):
    failures.append(f"{rows} table rows but {len(tables['actors'])} actors in data/actors.json")
dyad = os.environ.get("DYAD")
if dyad:
    p = subprocess.run([dyad, "extract", "--actors", os.path.join(DATA, "actors.json"),
                        "--format", "json", "-"], input="Pakistan urged China.",
                       capture_output=True, text=True)
    if p.returncode != 0:
        failures.append(f"dyad does not load data/actors.json: {p.stderr.strip()}")
    else:
        print("ok dyad loads data/actors.json")

for f in failures:
    print("FAIL " + f)
sys.exit(1 if failures else 0)
