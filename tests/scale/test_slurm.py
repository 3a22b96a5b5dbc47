#!/usr/bin/python3
"""The SLURM recipe (recipes/slurm-submit.sh, docs/scale.md) for real: a
one-node local cluster (munged, slurmctld and slurmd on 127.0.0.1 with a
throwaway key and configuration in a temporary folder), a job array of 3
shards and a merge job depending on it; the merged graph must be
byte-identical to one local run.  Skipped (a TAP plan "1..0 # SKIP")
without slurm-wlm and munge, or when not root (slurmd must be).  Prints TAP."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import tap  # noqa: E402
from scale_util import (DICT, DYAD, die_with_parent, dyad,  # noqa: E402
                        exit_on_sigterm, make_corpus)


def which(name):
    return shutil.which(name) or next(
        (p for p in ("/usr/sbin/" + name,) if os.path.exists(p)), None)


NEEDED = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slurm_conf(tmp, node):
    return """\
ClusterName=dyadtest
SlurmctldHost={node}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort={p1}
SlurmdPort={p2}
AuthType=auth/munge
AuthInfo=socket={t}/munge.sock
CredType=cred/munge
StateSaveLocation={t}/state
SlurmdSpoolDir={t}/spool
SlurmctldPidFile={t}/slurmctld.pid
SlurmdPidFile={t}/slurmd.pid
SlurmctldLogFile={t}/slurmctld.log
SlurmdLogFile={t}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName={node} NodeAddr=127.0.0.1 CPUs={cpus} State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
""".format(node=node, p1=free_port(), p2=free_port(), t=tmp,
           cpus=os.cpu_count() or 1)


def start(tmp, env):
    """munged, slurmctld, slurmd; returns their processes."""
    key = os.path.join(tmp, "munge.key")
    with open(key, "wb") as f:
        f.write(os.urandom(1024))
    os.chmod(key, 0o400)
    for d in ("state", "spool"):
        os.makedirs(os.path.join(tmp, d))
    procs = []
    log = open(os.path.join(tmp, "daemons.log"), "w")
    procs.append(subprocess.Popen(
        [which("munged"), "-F", "-f", "--socket=%s/munge.sock" % tmp,
         "--key-file=" + key, "--log-file=%s/munged.log" % tmp,
         "--pid-file=%s/munged.pid" % tmp,
         "--seed-file=%s/munged.seed" % tmp],
        stdout=log, stderr=log, preexec_fn=die_with_parent))
    for _ in range(50):
        if os.path.exists(os.path.join(tmp, "munge.sock")):
            break
        time.sleep(0.1)
    conf = env["SLURM_CONF"]
    for daemon in ("slurmctld", "slurmd"):
        procs.append(subprocess.Popen([which(daemon), "-D", "-f", conf],
                                      stdout=log, stderr=log, env=env,
                                      preexec_fn=die_with_parent))
    return procs


def wait_for(job, env, limit=240):
    """Waits until job leaves the queue; returns its last state."""
    end = time.monotonic() + limit
    state = "?"
    while time.monotonic() < end:
        p = subprocess.run(["scontrol", "show", "job", job], env=env,
                           capture_output=True, text=True)
        for word in p.stdout.split():
            if word.startswith("JobState="):
                state = word.split("=", 1)[1]
        if state in ("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT",
                     "NODE_FAIL", "OUT_OF_MEMORY") or (
                p.returncode and "Invalid job id" in p.stderr):
            return state
        time.sleep(0.5)
    return "still " + state


def main():
    missing = [n for n in NEEDED if not which(n)]
    if missing:
        print("1..0 # SKIP not installed: %s" % " ".join(missing))
        return 0  # the "1..0 # SKIP" plan: meson counts a skip
    if os.geteuid() != 0:
        print("1..0 # SKIP slurmd must run as root")
        return 0  # the "1..0 # SKIP" plan: meson counts a skip
    exit_on_sigterm()
    tmp = tempfile.mkdtemp(prefix="dyad-slurm-")
    os.chmod(tmp, 0o755)
    procs = []
    try:
        node = socket.gethostname().split(".")[0]
        conf = os.path.join(tmp, "slurm.conf")
        with open(conf, "w") as f:
            f.write(slurm_conf(tmp, node))
        env = dict(os.environ, SLURM_CONF=conf, DYAD=os.path.abspath(DYAD))
        procs = start(tmp, env)
        up = False
        for _ in range(120):
            p = subprocess.run(["sinfo", "-h", "-o", "%T"], env=env,
                               capture_output=True, text=True)
            if p.stdout.strip() in ("idle", "mixed", "allocated"):
                up = True
                break
            time.sleep(0.5)
        tap.check(up, "the one-node cluster is up", p.stdout + p.stderr)
        inputs = make_corpus(tmp)
        local = dyad(["extract"] + inputs + DICT)
        parts = os.path.join(tmp, "parts")
        prefix = os.path.join(tmp, "merged")
        sub = subprocess.run(
            ["sh", os.path.join(HERE, "recipes", "slurm-submit.sh"), "3",
             parts, prefix] + inputs + DICT, env=env, capture_output=True,
            text=True, timeout=60)
        tap.check(sub.returncode == 0, "sbatch takes the array and the merge",
                  sub.stdout + sub.stderr)
        job = sub.stdout.strip().split(";")[0]
        state = wait_for(job, env) if job else "not submitted"
        logs = "".join(open(os.path.join(parts, f)).read()
                       for f in sorted(os.listdir(parts))
                       if f.endswith(".log")) if os.path.isdir(parts) else ""
        tap.check(state == "COMPLETED", "the merge job completed", state
                  + "\n" + logs)
        tap.check(sorted(f for f in os.listdir(parts)
                         if f.endswith(".json")) ==
                  ["part-1.json", "part-2.json", "part-3.json"],
                  "the array wrote 3 shard graphs", os.listdir(parts))
        got = open(prefix + ".json", "rb").read() \
            if os.path.exists(prefix + ".json") else b""
        tap.check(got == local, "the merged graph is byte-identical to one "
                  "local run", "%d vs %d bytes" % (len(got), len(local)))
        tap.check(json.loads(local)["links"], "the graph has links")
    finally:
        for p in reversed(procs):
            p.send_signal(signal.SIGTERM)
        for p in reversed(procs):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
