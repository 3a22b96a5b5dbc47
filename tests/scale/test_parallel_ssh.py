#!/usr/bin/python3
"""The GNU parallel recipe (recipes/parallel-shards.sh, docs/scale.md) for
real: an sshd on 127.0.0.1 with a throwaway host key and user key, two
logins to it, 4 shards run through ssh on both, merged; the graph must be
byte-identical to one local run.  Skipped (a TAP plan "1..0 # SKIP")
without sshd, ssh or GNU parallel.  Prints TAP."""
import json
import os
import shutil
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

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd"
                                 if os.path.exists("/usr/sbin/sshd") else None)
NEEDED = {"sshd": SSHD, "ssh": shutil.which("ssh"),
          "ssh-keygen": shutil.which("ssh-keygen"),
          "parallel": shutil.which("parallel")}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def start_sshd(tmp, port):
    for key in ("host", "user"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                        "-f", os.path.join(tmp, key)], check=True)
    shutil.copy(os.path.join(tmp, "user.pub"),
                os.path.join(tmp, "authorized_keys"))
    conf = write(os.path.join(tmp, "sshd_config"), """\
Port %d
ListenAddress 127.0.0.1
HostKey %s/host
PidFile %s/sshd.pid
AuthorizedKeysFile %s/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
""" % (port, tmp, tmp, tmp))
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", exist_ok=True)  # privilege separation
    log = open(os.path.join(tmp, "sshd.log"), "w")
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", conf], stderr=log,
                            preexec_fn=die_with_parent)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("sshd did not start:\n" + open(log.name).read())


def ssh_config(tmp, port):
    import pwd
    user = pwd.getpwuid(os.getuid()).pw_name
    return write(os.path.join(tmp, "ssh_config"), """\
Host login-a login-b
  HostName 127.0.0.1
  Port %d
  User %s
  IdentityFile %s/user
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile %s/known_hosts
  BatchMode yes
  LogLevel ERROR
""" % (port, user, tmp, tmp))


def main():
    missing = [k for k, v in NEEDED.items() if not v]
    if missing:
        print("1..0 # SKIP not installed: %s" % " ".join(missing))
        return 0  # the "1..0 # SKIP" plan: meson counts a skip
    exit_on_sigterm()
    tmp = tempfile.mkdtemp(prefix="dyad-ssh-")
    sshd = None
    try:
        port = free_port()
        sshd = start_sshd(tmp, port)
        cfg = ssh_config(tmp, port)
        ssh = ["ssh", "-F", cfg]
        who = subprocess.run(ssh + ["login-a", "echo", "hello"],
                             capture_output=True, text=True, timeout=60)
        tap.check(who.stdout.strip() == "hello", "ssh to login-a works",
                  who.stderr)
        inputs = make_corpus(tmp)
        local = dyad(["extract"] + inputs + DICT)
        env = dict(os.environ, LOGINS=write(os.path.join(tmp, "logins"),
                                            "login-a\nlogin-b\n"),
                   DYAD=os.path.abspath(DYAD), PARALLEL_SSH=" ".join(ssh),
                   PARTS=os.path.join(tmp, "parts"), HOME=tmp)
        prefix = os.path.join(tmp, "merged")
        run = subprocess.run(
            ["sh", os.path.join(HERE, "recipes", "parallel-shards.sh"), "4",
             prefix] + inputs + DICT, env=env, capture_output=True,
            text=True, timeout=240)
        tap.check(run.returncode == 0, "the recipe succeeds",
                  run.stdout + run.stderr)
        got = open(prefix + ".json", "rb").read() if run.returncode == 0 \
            else b""
        tap.check(got == local, "the merged graph is byte-identical to one "
                  "local run", "%d vs %d bytes" % (len(got), len(local)))
        tap.check(json.loads(local)["links"], "the graph has links")
        joblog = os.path.join(tmp, "parts", "joblog")
        rows = [l.split("\t") for l in open(joblog).read().splitlines()[1:]]
        hosts = {r[1] for r in rows}
        tap.check(len(rows) == 4 and all(r[6] == "0" for r in rows),
                  "4 shard jobs, all exit 0", rows)
        tap.check(hosts == {"login-a", "login-b"},
                  "shards ran through ssh on both logins", hosts)
    finally:
        if sshd:
            sshd.terminate()
            sshd.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
