#!/usr/bin/python3
"""The man page dyad.1 (made by tools/make-man from docs/cli.md, diff.md
and json.md): man -l renders it without a groff warning, with its
sections, the version, and every option each command's --help lists.
Prints TAP.

Usage: test_man.py PAGE   (env DYAD)"""
import os
import re
import shutil
import subprocess
import sys

DYAD = os.environ.get("DYAD", "dyad")
n = failed = 0


def check(cond, what, detail=""):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
    if not cond and detail:
        print("#   " + str(detail)[:3000].replace("\n", "\n#   "))


def main():
    page = sys.argv[1]
    if not shutil.which("man"):
        print("1..0 # SKIP no man (apt-get install man-db)")
        return 0
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MANPAGER="cat",
               PAGER="cat")
    env.pop("MAN_KEEP_FORMATTING", None)
    p = subprocess.run(["man", "--warnings", "-l", page], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 0, "man -l renders the page", err)
    check(err == "", "no groff warnings", err)
    # hyphens and minus signs as typed
    text = re.sub("[\u2010\u2011\u2212]", "-", out)
    for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "DYAD EXTRACT",
                    "DYAD EXPLAIN", "DYAD DIFF", "DYAD MERGE", "EXIT STATUS",
                    "SEE ALSO"]:
        check(re.search(r"^%s$" % heading, text, re.M),
              "section %s" % heading)
    version = subprocess.run([DYAD, "--version"], stdout=subprocess.PIPE,
                             text=True).stdout.strip()
    check(version and version in text, "the footer names %s" % version,
          text[-300:])
    check("dyad explain [OPTIONS] [FILE | TEXT... | -f FILE | -]" in text,
          "the synopsis is docs/cli.md's", text[:800])
    flat = re.sub(r"\s+", " ", text)
    for cmd in ["extract", "explain", "diff", "merge"]:
        helptext = subprocess.run([DYAD, cmd, "--help"],
                                  stdout=subprocess.PIPE, text=True).stdout
        opts = sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", helptext))
                      - {"--help"})
        missing = [o for o in opts if o not in flat]
        check(opts and not missing,
              "every option of dyad %s --help is in the page" % cmd, missing)
    print("1..%d" % n)
    return 1 if failed else 0


sys.exit(main())
