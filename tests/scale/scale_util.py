"""What the tests/scale scripts share: a corpus with links (our own small
dictionaries, never the shipped ones), dyad runs, and merge orders."""
import ctypes
import itertools
import json
import os
import random
import signal
import subprocess

DYAD = os.environ.get("DYAD", "dyad")
ROOT = os.environ.get("DYAD_SOURCE_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "tests", "cli", "data")
DICT = ["--actors", os.path.join(DATA, "actors.json"),
        "--verbs", os.path.join(DATA, "verbs.json")]

SENTENCES = [
    "Pakistan urged the Afghan Taliban to act against the TTP.",
    "China met Pakistani officials in Islamabad.",
    "The TTP attacked Pakistani forces near the border.",
    "Russia criticised the United States over sanctions.",
    "Iran and India agreed to work together on trade.",
    "The United Nations condemned the attack by ISKP.",
    "Pakistan accused the Taliban of sheltering TTP leaders.",
]


def text(i):
    return " ".join(SENTENCES[(i * 3 + k) % len(SENTENCES)]
                    for k in range(1 + i % 5)) + "\n"


def make_corpus(root, n_txt=40, n_jsonl=60):
    """A folder of n_txt articles (some in subfolders, some dated) and a
    .jsonl of n_jsonl more; returns the paths to give dyad."""
    folder = os.path.join(root, "articles")
    for i in range(n_txt):
        sub = "" if i % 4 else "2024-%02d/" % (1 + i % 3)
        path = os.path.join(folder, "%sa%03d.txt" % (sub, i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        head = "date 2024-03-%02d\n" % (1 + i % 28) if i % 3 == 0 else ""
        with open(path, "w") as f:
            f.write(head + text(i))
    jsonl = os.path.join(root, "more.jsonl")
    with open(jsonl, "w") as f:
        for i in range(n_jsonl):
            f.write(json.dumps({"id": "j%03d" % i, "text": text(i + 7),
                                "date": "2024-04-%02d" % (1 + i % 28)}) + "\n")
    return [folder, jsonl]


def dyad(args, **kw):
    """Runs dyad; returns stdout as bytes, raising on a non-zero exit."""
    p = subprocess.run([DYAD] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, **kw)
    if p.returncode != 0:
        raise RuntimeError("dyad %s: exit %d\n%s" % (
            " ".join(args), p.returncode, p.stderr.decode("utf-8", "replace")))
    return p.stdout


def merge_orders(parts, seed=1):
    """Several orders and groupings of the shard graphs: as given,
    reversed, two shuffles, and a pairwise tree (as a reduce would)."""
    rnd = random.Random(seed)
    orders = [("forward", [parts]), ("reverse", [parts[::-1]])]
    for k in range(2):
        p = parts[:]
        rnd.shuffle(p)
        orders.append(("shuffle%d" % k, [p]))
    orders.append(("tree", "tree"))
    return orders


def merge_tree(parts, tmp, extra=()):
    """Merges pairwise, level by level, until one graph is left."""
    level = list(parts)
    n = 0
    while len(level) > 1:
        nxt = []
        for a, b in itertools.zip_longest(level[0::2], level[1::2]):
            if b is None:
                nxt.append(a)
                continue
            out = os.path.join(tmp, "tree%d.json" % n)
            n += 1
            with open(out, "wb") as f:
                f.write(dyad(["merge"] + list(extra) + [a, b]))
            nxt.append(out)
        level = nxt
    with open(level[0], "rb") as f:
        return f.read()


def die_with_parent():
    """preexec_fn for the daemons a test starts: the kernel sends them
    SIGTERM when the test process dies, even by SIGKILL (a meson time-out),
    so no sshd or slurmd outlives its test."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def exit_on_sigterm():
    """SIGTERM (meson's first word on a time-out) ends the test through its
    finally blocks, which stop the daemons and remove the temporaries."""
    def handler(signum, frame):
        raise SystemExit(1)
    signal.signal(signal.SIGTERM, handler)
