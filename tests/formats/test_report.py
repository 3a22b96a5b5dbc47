#!/usr/bin/python3
"""The HTML report in a real browser: Debian's chromium, headless, driven
by chromium-driver through python3-selenium.  The report of the seeds is
self-contained (no network: no external script, style or image), the same
bytes run to run; clicking an edge lists its sentences, clicking an actor
its edges; the search, CAMEO root, tone and weight filters and the table's
sorting work; the zoom changes the view.  A screenshot is left at
SCREENSHOT for a person to look at.

Usage: test_report.py SCREENSHOT   (env DYAD, DYAD_SOURCE_ROOT)
Exit 77 (skip) without chromium, chromium-driver or python3-selenium."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402
from tap import check  # noqa: E402

DYAD = os.environ["DYAD"]
SEEDS = os.path.join(os.environ["DYAD_SOURCE_ROOT"], "seeds")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError:
    print("# python3-selenium not installed: skip")
    sys.exit(77)
if not os.path.exists(DRIVER) or not shutil.which("chromium"):
    print("# chromium or chromium-driver not installed: skip")
    sys.exit(77)


def dyad(args):
    return subprocess.run([DYAD] + args, check=True,
                          stdout=subprocess.PIPE).stdout


def static_checks(html):
    text = html.decode("utf-8")
    check(dyad(["extract", "--format", "html", "--title", "Seeds", SEEDS])
          == html, "report: byte-identical runs")
    check(not re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)=",
                        text, re.I), "report: no external script or style")
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    check(urls <= {"http://www.w3.org/2000/svg",
                   "http://www.w3.org/1999/xlink"},
          "report: no URL but the SVG namespaces", urls)
    check("<title>Seeds</title>" in text, "report: --title titles the page")


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--window-size=1400,1000",
              "--disable-background-networking"]:
        o.add_argument(a)
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def click(d, el):
    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', "
                     "{bubbles: true, view: window}))", el)
    time.sleep(0.1)


def svg_group(d, kind, title):
    for g in d.find_elements(By.CSS_SELECTOR, "g." + kind):
        t = g.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        if t == title:
            return g
    return None


def rows(d):
    return [r for r in d.find_elements(By.CSS_SELECTOR, "#edges tbody tr")
            if r.is_displayed()]


def interact(d, data):
    errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, "report: no script errors", errors)
    top = max(data["links"], key=lambda l: l["weight"])
    key = top["source"] + "->" + top["target"]
    g = svg_group(d, "edge", key)
    check(g is not None, "report: the SVG has the edge " + key)
    click(d, g.find_element(By.TAG_NAME, "path"))
    panel = d.find_element(By.ID, "panel").text
    texts = [e["text"] for e in top["evidence"]]
    missing = [t for t in texts if t not in panel.replace("\n", " ")]
    check(not missing, "click on an edge: its %d sentences in the panel"
          % len(texts), missing[:2])
    check(d.find_elements(By.CSS_SELECTOR, "#panel mark.verb") and
          d.find_elements(By.CSS_SELECTOR, "#panel mark.actor"),
          "the sentences have the actors and the verb highlighted")
    ev = top["evidence"][0]
    check("%s, sentence %d" % (ev["doc"], ev["sentence"]) in panel and
          ev["code"] in panel, "evidence names document, sentence, code")
    n = svg_group(d, "node", "ttp")
    click(d, n.find_element(By.TAG_NAME, "text"))
    panel = d.find_element(By.ID, "panel").text
    ttp = [l for l in data["links"] if "ttp" in (l["source"], l["target"])]
    check(panel.startswith("TTP") and
          all(l["evidence"][0]["text"] in panel.replace("\n", " ")
              for l in ttp), "click on an actor: the sentences of its edges")
    # the table: sorted by weight, then by tone on a click
    weights = [int(r.find_elements(By.TAG_NAME, "td")[2].text)
               for r in rows(d)]
    check(len(weights) == len(data["links"]) and
          weights == sorted(weights, reverse=True),
          "table: every edge, heaviest first", weights)
    click(d, d.find_element(By.CSS_SELECTOR, 'th[data-key="goldstein"]'))
    tones = [float(r.find_elements(By.TAG_NAME, "td")[4].text
                   .replace("\u2212", "-")) for r in rows(d)]
    check(tones == sorted(tones, reverse=True), "table: sorted by tone",
          tones)
    click(d, rows(d)[-1])
    check(d.find_element(By.ID, "panel").text.split("\n")[0].count("\u2192")
          == 1, "click on a row: its edge in the panel")
    # filters
    box = d.find_element(By.ID, "search")
    box.send_keys("TTP")
    time.sleep(0.2)
    shown = rows(d)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    want = [l for l in data["links"]
            if "ttp" in "\n".join([labels[l["source"]], labels[l["target"]],
                                   l["source"], l["target"]] +
                                  [r["verb"] for r in l["relations"]] +
                                  [e["text"] for e in l["evidence"]]).lower()]
    check(0 < len(shown) == len(want) < len(data["links"]),
          "search (actors, verbs, sentences) narrows the table",
          ([r.text for r in shown], len(want)))
    off = d.find_elements(By.CSS_SELECTOR, "g.edge.off")
    check(len(off) == len(data["links"]) - len(shown),
          "search dims the other edges in the drawing")
    box.clear()
    d.execute_script("document.getElementById('search')"
                     ".dispatchEvent(new Event('input'))")
    Select(d.find_element(By.ID, "root")).select_by_value("19")
    want = sum(any(r["cameo"] == "19" for r in l["relations"])
               for l in data["links"])
    check(len(rows(d)) == want, "CAMEO root filter (19 fight)",
          (len(rows(d)), want))
    Select(d.find_element(By.ID, "root")).select_by_value("")
    Select(d.find_element(By.ID, "tone")).select_by_value("cooperation")
    want = sum(l["goldstein"] > 1 for l in data["links"])
    check(len(rows(d)) == want, "tone filter (cooperation)")
    Select(d.find_element(By.ID, "tone")).select_by_value("")
    w = d.find_element(By.ID, "minw")
    w.clear()
    w.send_keys("3")
    time.sleep(0.2)
    want = sum(l["weight"] >= 3 for l in data["links"])
    check(len(rows(d)) == want, "minimum weight filter")
    w.clear()
    w.send_keys("1")
    view = ("return document.querySelector('#view svg')"
            ".getAttribute('viewBox')")
    before = d.execute_script(view)
    click(d, d.find_element(By.ID, "zin"))
    after = d.execute_script(view)
    check(before and after and after != before and
          float(after.split()[2]) < float(before.split()[2]),
          "zoom in narrows the view", (before, after))
    click(d, d.find_element(By.ID, "zfit"))


def renamed_ids(d, tmp):
    """Ids the drawing renames ('%1' is drawn as '_1~0'): a click on the
    edge and on an actor still finds their evidence."""
    actors = os.path.join(tmp, "pct.json")
    with open(actors, "w") as f:
        json.dump({"actors": [
            {"id": "%1", "label": "Pakistan", "kind": "state",
             "names": ["Pakistan"]},
            {"id": "%2", "label": "China", "kind": "state",
             "names": ["China"]}]}, f)
    text = os.path.join(tmp, "pct.txt")
    with open(text, "w") as f:
        f.write("Pakistan urged China to act.\n")
    path = os.path.join(tmp, "pct.html")
    with open(path, "wb") as f:
        f.write(dyad(["extract", "--format", "html", "--actors", actors,
                      text]))
    d.get("file://" + path)
    time.sleep(0.3)
    g = svg_group(d, "edge", "_1~0->_2~1")
    check(g is not None, "renamed ids: the edge %1 -> %2 is drawn")
    if g is None:
        return
    click(d, g.find_element(By.TAG_NAME, "path"))
    panel = d.find_element(By.ID, "panel").text
    check("Pakistan urged China to act." in panel,
          "renamed ids: a click on the edge lists its sentence", panel)
    click(d, svg_group(d, "node", "_2~1").find_element(By.TAG_NAME, "text"))
    panel = d.find_element(By.ID, "panel").text
    check(panel.startswith("China") and "Pakistan urged China" in panel,
          "renamed ids: a click on an actor lists its edges", panel)
    check(len(rows(d)) == 1, "renamed ids: the table has the edge")


def main():
    shot = sys.argv[1]
    html = dyad(["extract", "--format", "html", "--title", "Seeds", SEEDS])
    data = json.loads(dyad(["extract", "--format", "json", SEEDS]))
    static_checks(html)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "seeds.html")
        with open(path, "wb") as f:
            f.write(html)
        d = browser()
        try:
            d.get("file://" + path)
            time.sleep(0.5)
            interact(d, data)
            top = max(data["links"], key=lambda l: l["weight"])
            click(d, svg_group(d, "edge", top["source"] + "->" +
                               top["target"]).find_element(By.TAG_NAME,
                                                           "path"))
            d.save_screenshot(shot)
            print("# screenshot: " + shot)
            renamed_ids(d, tmp)
        finally:
            d.quit()
    return tap.summary()


if __name__ == "__main__":
    sys.exit(main())
