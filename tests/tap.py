"""TAP-style checks shared by the Python tests.

check() prints "ok - WHAT" or "not ok - WHAT" (with DETAIL, indented, on a
failure) and counts the failures; summary() prints the count and returns
the exit status.  A test script finds this module with
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
"""

failures = 0


def check(ok, what, detail=""):
    global failures
    if not ok:
        failures += 1
    print(("ok" if ok else "not ok") + " - " + what)
    if not ok and detail:
        print("#   " + str(detail)[:2000].replace("\n", "\n#   "))
    return ok


def summary():
    print("# %d failed" % failures)
    return 1 if failures else 0
