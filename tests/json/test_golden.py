#!/usr/bin/python3
"""The JSON writer byte for byte: json_fixture's graphs against the files
in golden/.  After an intended change of the format, rerun with
DYAD_UPDATE_GOLDEN=1 and review the diff before committing it.

Usage: test_golden.py JSON_FIXTURE GOLDEN_DIR"""
import difflib
import os
import subprocess
import sys

CASES = {
    "sample.json": ["sample"],
    "docs-all-cap2.json": ["docs", "all", "2"],
}


def main():
    fixture, golden = sys.argv[1], sys.argv[2]
    update = os.environ.get("DYAD_UPDATE_GOLDEN") == "1"
    failures = 0
    for name, args in CASES.items():
        got = subprocess.run([fixture, *args], check=True,
                             capture_output=True).stdout
        path = os.path.join(golden, name)
        if update:
            with open(path, "wb") as f:
                f.write(got)
            print("ok - %s updated" % name)
            continue
        with open(path, "rb") as f:
            want = f.read()
        if got == want:
            print("ok - %s" % name)
            continue
        failures += 1
        print("not ok - %s differs" % name)
        diff = difflib.unified_diff(
            want.decode().splitlines(), got.decode().splitlines(),
            "golden/" + name, "written", lineterm="", n=2)
        for line in list(diff)[:40]:
            print("#   " + line)
    return 1 if failures else 0


sys.exit(main())
