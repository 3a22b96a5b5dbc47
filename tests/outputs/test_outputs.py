#!/usr/bin/python3
"""All or none: the outputs of `dyad extract -o`, `dyad merge -o` and
`dyad diff -o` are replaced as a set, under faults injected with
LD_PRELOAD (fault.c: a rename that fails halfway, a full disk at flush, a
slow write to signal into), a target that is a directory, a read-only
folder, SIGINT, SIGTERM and SIGKILL while writing, and two writers of one
prefix.  After each, the folder holds the old set or the new set whole,
and no temporary (SIGKILL's are swept by the next run).  Prints TAP.

Usage: test_outputs.py FAULT_SO   (env DYAD)"""
import os
import signal
import subprocess
import sys
import tempfile
import time

DYAD = os.environ["DYAD"]
FAULT = os.path.abspath(sys.argv[1])
EXTS = (".json", ".dot", ".svg")
TEXT_A = "Pakistan urged the Afghan Taliban to act against the TTP.\n"
TEXT_B = "China met Pakistani officials. India accused Pakistan.\n"
n_test = 0
failures = 0


def report(ok, what, detail="", skip=None):
    global n_test, failures
    n_test += 1
    if skip:
        print("ok %d - %s # SKIP %s" % (n_test, what, skip))
        return
    if not ok:
        failures += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n_test, what))
    if not ok and detail:
        print("#   " + str(detail).replace("\n", "\n#   "))


def env_with(**faults):
    env = dict(os.environ)
    env["LD_PRELOAD"] = FAULT
    # the sanitizer runtime need not come first for a test preload
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") +
                           ":verify_asan_link_order=0").lstrip(":")
    env.update({k: str(v) for k, v in faults.items()})
    return env


def run(args, **faults):
    return subprocess.run([DYAD] + args, capture_output=True,
                          env=env_with(**faults), timeout=120)


def snapshot(prefix):
    """The set's bytes by extension (None: absent)."""
    out = {}
    for e in EXTS:
        try:
            with open(prefix + e, "rb") as f:
                out[e] = f.read()
        except FileNotFoundError:
            out[e] = None
        except IsADirectoryError:
            out[e] = "dir"
    return out


def hidden(folder):
    return sorted(f for f in os.listdir(folder) if f.startswith("."))


def setup(tmp):
    for name, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B)):
        with open(os.path.join(tmp, name), "w") as f:
            f.write(text)
    sets = {}
    for name in ("a", "b"):
        prefix = os.path.join(tmp, "ref-" + name)
        r = run(["extract", os.path.join(tmp, name + ".txt"), "-o", prefix])
        assert r.returncode == 0, r.stderr
        sets[name] = snapshot(prefix)
    assert sets["a"][".json"] != sets["b"][".json"]
    return sets


def fresh_set(tmp, name, sets, which="a"):
    """A folder holding the old set `which` under PREFIX."""
    folder = os.path.join(tmp, name)
    os.mkdir(folder)
    prefix = os.path.join(folder, "g")
    r = run(["extract", os.path.join(tmp, which + ".txt"), "-o", prefix])
    assert r.returncode == 0 and snapshot(prefix) == sets[which], r.stderr
    return folder, prefix


def test_rename_fails(tmp, sets):
    for ext in EXTS:
        folder, prefix = fresh_set(tmp, "rename" + ext, sets)
        r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix],
                DYAD_FAULT_RENAME=ext)
        err = r.stderr.decode(errors="replace")
        report(r.returncode == 1 and "cannot rename into place" in err
               and (prefix + ext) in err,
               "rename of %s fails: exit 1, named" % ext, err)
        report(snapshot(prefix) == sets["a"],
               "rename of %s fails: the old set is whole" % ext)
        report(hidden(folder) == [], "rename of %s fails: no temporary"
               % ext, hidden(folder))
    folder = os.path.join(tmp, "rename-new")
    os.mkdir(folder)
    prefix = os.path.join(folder, "g")
    r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix],
            DYAD_FAULT_RENAME=".svg")
    report(r.returncode == 1 and os.listdir(folder) == [],
           "rename fails with no old set: nothing is left", os.listdir(folder))


def test_full_disk(tmp, sets):
    folder, prefix = fresh_set(tmp, "full", sets)
    r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix],
            DYAD_FAULT_FSYNC=".svg.")
    err = r.stderr.decode(errors="replace")
    report(r.returncode == 1 and "No space left" in err
           and (prefix + ".svg") in err, "full disk: exit 1, named", err)
    report(snapshot(prefix) == sets["a"] and hidden(folder) == [],
           "full disk: the old set is whole, no temporary", hidden(folder))


def test_directory_target(tmp, sets):
    folder, prefix = fresh_set(tmp, "dirtarget", sets)
    os.remove(prefix + ".dot")
    os.mkdir(prefix + ".dot")
    before = snapshot(prefix)
    r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix])
    err = r.stderr.decode(errors="replace")
    report(r.returncode == 1 and (prefix + ".dot") in err
           and "Is a directory" in err,
           "a target that is a directory: refused, named", err)
    report(snapshot(prefix) == before and hidden(folder) == [],
           "a target that is a directory: nothing replaced, no temporary",
           hidden(folder))


def test_read_only(tmp, sets):
    if os.geteuid() == 0:
        report(True, "read-only folder: refused before extraction",
               skip="root writes anywhere")
        return
    folder, prefix = fresh_set(tmp, "readonly", sets)
    os.chmod(folder, 0o555)
    try:
        r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix])
    finally:
        os.chmod(folder, 0o755)
    err = r.stderr.decode(errors="replace")
    report(r.returncode == 1 and "cannot write there" in err
           and snapshot(prefix) == sets["a"],
           "read-only folder: refused before extraction", err)


def wait_for_temps(folder, n, proc):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len([f for f in hidden(folder) if ".svg." in f]) >= n:
            return True
        time.sleep(0.05)
    return False


def test_signals(tmp, sets):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        name = signal.Signals(sig).name
        folder, prefix = fresh_set(tmp, "sig-" + name, sets)
        proc = subprocess.Popen(
            [DYAD, "extract", os.path.join(tmp, "b.txt"), "-o", prefix],
            env=env_with(DYAD_FAULT_FSYNC=".svg.", DYAD_FAULT_SLEEP=30),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        ready = wait_for_temps(folder, 1, proc)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        left = hidden(folder)
        report(ready and proc.returncode == -sig,
               "%s while writing: the process dies of it" % name,
               "ready %s, status %s" % (ready, proc.returncode))
        report(snapshot(prefix) == sets["a"],
               "%s while writing: the old set is whole" % name)
        if sig != signal.SIGKILL:
            report(left == [], "%s: no temporary left" % name, left)
            continue
        report(len(left) >= 1, "SIGKILL leaves temporaries", left)
        r = run(["extract", os.path.join(tmp, "b.txt"), "-o", prefix])
        report(r.returncode == 0 and hidden(folder) == []
               and snapshot(prefix) == sets["b"],
               "the next run sweeps what SIGKILL left", hidden(folder))


def test_two_writers(tmp, sets):
    folder = os.path.join(tmp, "two")
    os.mkdir(folder)
    prefix = os.path.join(folder, "g")
    mixed = 0
    rounds = 30
    for i in range(rounds):
        procs = [subprocess.Popen(
            [DYAD, "extract", os.path.join(tmp, w + ".txt"), "-o", prefix],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for w in ("a", "b")]
        codes = [p.wait(timeout=120) for p in procs]
        got = snapshot(prefix)
        if codes != [0, 0] or got not in (sets["a"], sets["b"]):
            mixed += 1
    report(mixed == 0, "two writers of one prefix, %d rounds: always one "
           "whole set" % rounds, "%d mixed or failed" % mixed)
    report(hidden(folder) == [], "two writers: no temporary", hidden(folder))


def test_diff_and_merge(tmp, sets):
    a = os.path.join(tmp, "ref-a.json")
    b = os.path.join(tmp, "ref-b.json")
    folder = os.path.join(tmp, "diff")
    os.mkdir(folder)
    prefix = os.path.join(folder, "d")
    r = run(["diff", a, b, "-o", prefix])
    report(r.returncode == 0, "diff -o writes", r.stderr)
    old = snapshot(prefix)
    r = run(["diff", b, a, "-o", prefix], DYAD_FAULT_RENAME=".svg")
    report(r.returncode == 1 and snapshot(prefix) == old
           and hidden(folder) == [],
           "diff -o: a failed rename leaves the old set whole",
           r.stderr.decode(errors="replace"))
    r = run(["diff", b, a, "-o", prefix], DYAD_FAULT_FSYNC=".dot.")
    report(r.returncode == 1 and snapshot(prefix) == old
           and hidden(folder) == [],
           "diff -o: a full disk leaves the old set whole",
           r.stderr.decode(errors="replace"))
    folder, prefix = fresh_set(tmp, "merge", sets)
    r = run(["merge", b, "-o", prefix], DYAD_FAULT_RENAME=".dot")
    report(r.returncode == 1 and snapshot(prefix) == sets["a"]
           and hidden(folder) == [],
           "merge -o: a failed rename leaves the old set whole",
           r.stderr.decode(errors="replace"))
    missing = os.path.join(tmp, "no-such-dir", "g")
    r = run(["merge", b, "-o", missing])
    report(r.returncode == 1 and b"no such directory" in r.stderr,
           "merge -o into a missing folder: refused", r.stderr)


def main():
    with tempfile.TemporaryDirectory(prefix="dyad-out-") as tmp:
        sets = setup(tmp)
        for t in (test_rename_fails, test_full_disk, test_directory_target,
                  test_read_only, test_signals, test_two_writers,
                  test_diff_and_merge):
            print("# " + t.__name__)
            t(tmp, sets)
    print("1..%d" % n_test)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
