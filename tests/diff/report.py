#!/usr/bin/python3
"""The diff's HTML page (dyad diff -f html) in headless chromium, with the
helpers of tests/formats/test_report.py: no script error; clicking a row of
the edge table marks that edge in the drawing, clicking an edge in the
drawing marks its row; ids that the drawing renames ('%1') still match.
A screenshot is left at SCREENSHOT to look at.

Usage: report.py SCREENSHOT   (env DYAD, DYAD_SOURCE_ROOT)
Exit 77 (skip) without chromium, chromium-driver or python3-selenium."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "formats"))
import tap  # noqa: E402
from tap import check  # noqa: E402
from test_report import By, browser, click, svg_group  # noqa: E402  (77 if no browser)

DYAD = os.environ["DYAD"]
ROOT = os.environ["DYAD_SOURCE_ROOT"]


def page(tmp, name, args):
    r = subprocess.run([DYAD, "diff", "-f", "html", *args], cwd=tmp,
                       capture_output=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit("dyad diff -f html: " + r.stderr.decode())
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(r.stdout)
    return path


def selected_rows(d):
    return [r.get_attribute("data-key") for r in
            d.find_elements(By.CSS_SELECTOR, "#edges tbody tr.selected")]


def selected_edges(d):
    return [g.find_element(By.TAG_NAME, "title").get_attribute("textContent")
            for g in d.find_elements(By.CSS_SELECTOR, "g.edge.selected")]


def interact(d, what):
    errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, what + ": no script errors", errors)
    rows = d.find_elements(By.CSS_SELECTOR, "#edges tbody tr")
    check(len(rows) > 0, what + ": the table of changed edges")
    if not rows:
        return
    key = rows[0].get_attribute("data-key")
    click(d, rows[0])
    check(selected_edges(d) == [key] and selected_rows(d) == [key],
          what + ": a click on a row marks its edge in the drawing",
          (key, selected_edges(d)))
    last = rows[-1].get_attribute("data-key")
    g = svg_group(d, "edge", last)
    check(g is not None, what + ": the drawing has the edge " + last)
    if g is not None:
        click(d, g.find_element(By.TAG_NAME, "path"))
        check(selected_rows(d) == [last] and selected_edges(d) == [last],
              what + ": a click on an edge marks its row", selected_rows(d))


def odd_ids(tmp):
    actors = os.path.join(tmp, "pct.json")
    with open(actors, "w") as f:
        json.dump({"actors": [
            {"id": "%1", "label": "Pakistan", "kind": "state",
             "names": ["Pakistan"]},
            {"id": "%2", "label": "China", "kind": "state",
             "names": ["China"]}]}, f)
    with open(os.path.join(tmp, "x.txt"), "w") as f:
        f.write("Pakistan urged China to act.\n")
    with open(os.path.join(tmp, "y.txt"), "w") as f:
        f.write("China attacked Pakistan.\n")
    return page(tmp, "pct.html", ["--actors", actors, "x.txt", "y.txt"])


def main():
    shot = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "0*.txt")))
        for name, files in (("a", seeds[:2]), ("b", seeds[2:5])):
            os.mkdir(os.path.join(tmp, name))
            for f in files:
                shutil.copy(f, os.path.join(tmp, name))
        seeds_page = page(tmp, "cmp.html", ["a", "b"])
        pct_page = odd_ids(tmp)
        d = browser()
        try:
            d.get("file://" + pct_page)
            time.sleep(0.3)
            interact(d, "ids starting with %")
            d.get("file://" + seeds_page)
            time.sleep(0.5)
            interact(d, "seeds")
            d.save_screenshot(shot)
            print("# screenshot: " + shot)
        finally:
            d.quit()
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
