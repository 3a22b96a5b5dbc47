#!/usr/bin/python3
"""The library's layers, read from its #include lines: the core (the
graph, extraction, the reader, diff, dictionaries, text, and their public
headers) knows no writer; Graphviz is included only by the adapter
(src/lib/write/gv_util.*); every writer (dyad_write_*, dyad_diff_write_*)
is defined under src/lib/write/, one format a file (GraphML, GEXF and
HTML of a graph and of a diff share their format's file).

Usage: test_layers.py   (env DYAD_SOURCE_ROOT)"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

ROOT = os.environ["DYAD_SOURCE_ROOT"]
LIB = os.path.join(ROOT, "src", "lib")
INC = os.path.join(ROOT, "include", "dyad")
WRITER_HEADERS = {"dyad/write.h", "gv_util.h", "draw.h", "export.h",
                  "diff_util.h"}
GRAPHVIZ = {"cgraph.h", "gvc.h", "gvplugin.h"}


def includes(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]',
                              f.read(), re.M))


def rel(path):
    return os.path.relpath(path, ROOT)


lib_files = sorted(glob.glob(os.path.join(LIB, "**", "*.[ch]"),
                             recursive=True))
write_dir = os.path.join(LIB, "write") + os.sep
core = [p for p in lib_files if not p.startswith(write_dir)]
core += [p for p in sorted(glob.glob(os.path.join(INC, "*.h")))
         if os.path.basename(p) not in ("write.h", "dyad.h")]
check(len(core) > 20, "the core files are found", len(core))
for p in core:
    bad = includes(p) & (WRITER_HEADERS | GRAPHVIZ)
    check(not bad, "%s includes no writer" % rel(p), sorted(bad))

adapter = {os.path.join(LIB, "write", "gv_util.c"),
           os.path.join(LIB, "write", "gv_util.h")}
for p in lib_files:
    if p not in adapter and includes(p) & GRAPHVIZ:
        check(False, "%s includes Graphviz only through gv_util.h" % rel(p),
              sorted(includes(p) & GRAPHVIZ))
check(all(includes(p) & GRAPHVIZ for p in adapter),
      "the adapter includes Graphviz")

# dyad_write_json in json.c, dyad_diff_write_text in diff_text.c, ...
definition = re.compile(r'^dyad_status\s+(dyad_(?:diff_)?write_(\w+))\s*\(',
                        re.M)
seen = {}
for p in lib_files:
    with open(p, encoding="utf-8") as f:
        for name, fmt in definition.findall(f.read()):
            seen.setdefault(name, []).append(p)
            check(p.startswith(write_dir), "%s is defined under "
                  "src/lib/write/" % name, rel(p))
with open(os.path.join(INC, "write.h"), encoding="utf-8") as f:
    declared = set(re.findall(r'\b(dyad_(?:diff_)?write_\w+)\s*\(', f.read()))
check(declared and declared == set(seen),
      "every writer of write.h is defined once",
      sorted(declared ^ set(seen)))
files_of = {}
for name, paths in seen.items():
    check(len(paths) == 1, "%s is defined once" % name, paths)
    # a format's file writes it for the graph and for the diff's union
    # graph alike (graphml.c: dyad_write_graphml, dyad_diff_write_graphml)
    m = re.match(r"dyad_(diff_)?write_([a-z]+)", name)
    fmt = m.group(2) if m.group(2) in ("graphml", "gexf", "html") \
        else (m.group(1) or "") + m.group(2)
    files_of.setdefault(os.path.basename(paths[0]), set()).add(fmt)
for base, fmts in sorted(files_of.items()):
    ok = len(fmts) == 1 or base == "diff_draw.c" and fmts == {"diff_dot",
                                                               "diff_svg"}
    check(ok, "%s writes one format" % base, sorted(fmts))

sys.exit(tap.summary())
