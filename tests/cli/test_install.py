#!/usr/bin/python3
"""meson install puts the binary, the man page and the bash completion in
place: installed into a scratch DESTDIR, the page is in man1 and the
completion in bash-completion's completions directory.  Prints TAP.

Usage: test_install.py MESON BUILD_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    meson, build = sys.argv[1:3]
    dest = tempfile.mkdtemp(prefix="dyad-install-")
    n = failed = 0

    def check(cond, what, detail=""):
        nonlocal n, failed
        n += 1
        failed += not cond
        print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
        if not cond and detail:
            print("#   " + str(detail)[:2000].replace("\n", "\n#   "))

    try:
        p = subprocess.run([meson, "install", "-C", build, "--no-rebuild",
                            "--destdir", dest], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=120)
        check(p.returncode == 0, "meson install --destdir", p.stdout)
        found = {}
        for top, _, files in os.walk(dest):
            for f in files:
                found.setdefault(f, []).append(os.path.relpath(top, dest))
        check(any(d.endswith("bin") for d in found.get("dyad", [])),
              "the binary in bin/", found.get("dyad"))
        check(any(d.endswith("share/man/man1") for d in found.get("dyad.1",
                                                                   [])),
              "dyad.1 in share/man/man1", found.get("dyad.1"))
        check(any(d.endswith("share/bash-completion/completions")
                  for d in found.get("dyad", [])),
              "the completion in share/bash-completion/completions",
              found.get("dyad"))
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    print("1..%d" % n)
    return 1 if failed else 0


sys.exit(main())
