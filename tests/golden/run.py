#!/usr/bin/python3
"""Golden tests: text in, expected JSON and DOT out, byte for byte.

    run.py [CASE...]      run the named cases (folders under cases/), or all
    run.py --list         name the cases

Each case is a folder cases/<name>/ holding
  input.txt or input/     the text; input/ may be a folder of .txt files or a
                          symlink to one (cases/seeds/input -> the seeds)
  args                    extra arguments of `dyad extract`, one a line
                          (may be empty); paths are relative to the case
  expected.json           `dyad extract --format json ARGS INPUT` output
  expected.dot            `dyad extract --format dot ARGS INPUT` output
                          (optional: only the formats present are checked)
or, for a case that must fail,
  expected.status         the exit status
  expected.stderr         a text that must appear in standard error

dyad runs inside the case folder with the input named relatively, so the
document names in the output do not depend on where the tree is.

DYAD_UPDATE_GOLDEN=1 rewrites the expected files a case has (both for a
new case, and the status of error cases) from what dyad prints now: review `git diff` before
committing.  A case with no expected files is skipped (exit 77 when every
case run is skipped).
"""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
SKIP = 77
TIMEOUT = 120


def case_names():
    return sorted(n for n in os.listdir(CASES)
                  if os.path.isdir(os.path.join(CASES, n)))


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def case_args(case):
    path = os.path.join(case, "args")
    if not os.path.exists(path):
        return []
    return [a for a in read(path).splitlines() if a.strip()]


def case_input(case):
    if os.path.exists(os.path.join(case, "input.txt")):
        return "input.txt"
    if os.path.isdir(os.path.join(case, "input")):
        return "input"
    raise SystemExit("%s: no input.txt or input/" % case)


def run_dyad(case, fmt):
    cmd = [os.environ["DYAD"], "extract", "--format", fmt]
    cmd += case_args(case) + [case_input(case)]
    p = subprocess.run(cmd, cwd=case, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def show_diff(name, want, got):
    a = want.decode("utf-8", "replace").splitlines(True)
    b = got.decode("utf-8", "replace").splitlines(True)
    lines = list(difflib.unified_diff(a, b, "expected/" + name, "got/" + name))
    sys.stdout.writelines(lines[:80])
    if len(lines) > 80:
        print("... (%d more diff lines)" % (len(lines) - 80))
    if not lines:
        print("(outputs differ only in line endings or a final newline)")


def check_error_case(name, case, update):
    want_status = int(read(os.path.join(case, "expected.status")).strip())
    status, _, err = run_dyad(case, "json")
    print("%s: exit %d, stderr: %s" % (name, status, err.strip()[:300]))
    problems = []
    if update and status != want_status and 0 < status < 128:
        with open(os.path.join(case, "expected.status"), "w") as f:
            f.write("%d\n" % status)
        print("%s: updated expected.status to %d" % (name, status))
        want_status = status
    if status != want_status:
        problems.append("exit status %d, want %d" % (status, want_status))
    spath = os.path.join(case, "expected.stderr")
    if os.path.exists(spath):
        want_err = read(spath).strip()
        if want_err not in err:
            problems.append("stderr lacks %r" % want_err)
    for p in problems:
        print("%s: %s\n  stderr: %s" % (name, p, err.strip()[:500]))
    return not problems


def check_output_case(name, case, update):
    ok = True
    formats = [f for f in ("json", "dot")
               if os.path.exists(os.path.join(case, "expected." + f))]
    for fmt in formats or ["json", "dot"]:
        path = os.path.join(case, "expected." + fmt)
        status, out, err = run_dyad(case, fmt)
        if status != 0:
            print("%s: --format %s exited %d\n  stderr: %s"
                  % (name, fmt, status, err.strip()[:500]))
            ok = False
            continue
        if update:
            if not os.path.exists(path) or read(path, "rb") != out:
                with open(path, "wb") as f:
                    f.write(out)
                print("%s: updated expected.%s" % (name, fmt))
            continue
        if not os.path.exists(path):
            print("%s: expected.%s is missing" % (name, fmt))
            ok = False
            continue
        want = read(path, "rb")
        if want != out:
            print("%s: --format %s differs from expected.%s" % (name, fmt, fmt))
            show_diff("expected." + fmt, want, out)
            ok = False
    return ok


def run_case(name, update):
    """Returns True (pass), False (fail) or None (skipped)."""
    case = os.path.join(CASES, name)
    if not os.path.isdir(case):
        print("%s: no such case" % name)
        return False
    if os.path.exists(os.path.join(case, "expected.status")):
        return check_error_case(name, case, update)
    has_expected = any(os.path.exists(os.path.join(case, "expected." + f))
                       for f in ("json", "dot"))
    if not has_expected and not update:
        print("%s: SKIP (no expected files yet; DYAD_UPDATE_GOLDEN=1 makes "
              "them)" % name)
        return None
    return check_output_case(name, case, update)


def main():
    args = sys.argv[1:]
    if args == ["--list"]:
        print("\n".join(case_names()))
        return 0
    if "DYAD" not in os.environ:
        print("DYAD is not set: run through `meson test --suite golden`")
        return 99
    update = os.environ.get("DYAD_UPDATE_GOLDEN") == "1"
    results = {}
    for name in args or case_names():
        try:
            results[name] = run_case(name, update)
        except subprocess.TimeoutExpired:
            print("%s: dyad did not finish in %d s" % (name, TIMEOUT))
            results[name] = False
        print("%s: %s" % (name, {True: "ok", False: "FAIL",
                                 None: "skip"}[results[name]]))
    failed = [n for n, r in results.items() if r is False]
    if failed:
        print("failed: " + " ".join(failed))
        return 1
    if all(r is None for r in results.values()):
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
