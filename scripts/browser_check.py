#!/usr/bin/env python3
"""Open the demo's main pages in headless Chromium, check their content through the DOM
the browser built, and save a screenshot of each.

    python3 scripts/browser_check.py [--binary .build/debug/backchannel] [--out DIR]

Starts `backchannel demo` on a free loopback port with a fresh data folder (so the sample
corpus is ingested as on a first start), waits for its "ready" line, then for each page runs
`chromium --headless --dump-dom` and `--screenshot`. Exits 1 with one line per failed check.
Needs Debian's `chromium` package.
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from local_server import free_port


class DOM(html.parser.HTMLParser):
    """Elements with their classes and text, enough for the checks below."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.elements = []  # (tag, attrs, text-list)
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs), [])
        self.elements.append(element)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "circle", "line", "rect", "path"):
            self.stack.append(element)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        for element in self.stack:
            element[2].append(data)

    def select(self, tag, cls=None):
        return [e for e in self.elements if e[0] == tag and (cls is None or cls in e[1].get("class", "").split())]

    def text(self, element):
        return " ".join("".join(element[2]).split())


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser_check: chromium is not installed (apt-get install chromium)")


def browser(args, url, timeout=90):
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"] + args + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=".build/debug/backchannel")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "backchannel-screenshots"))
    ap.add_argument("--keep-data", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    data = tempfile.mkdtemp(prefix="bc-browser-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([a.binary, "demo", "--data", data, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    failures = []

    def check(ok, message):
        if not ok:
            failures.append(message)

    try:
        deadline = time.time() + 600
        line = ""
        while time.time() < deadline:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                sys.exit(f"browser_check: the demo exited with status {server.returncode} before it was ready")
            if "ready" in line:
                break
        check(base in line, f"the demo's ready line names its address: {line.strip()!r}")

        def api(path):
            with urllib.request.urlopen(base + path, timeout=30) as r:
                return json.load(r)

        home = api("/api/v1/home")
        check(home["article_count"] >= 40, f"the demo holds at least 40 articles (has {home['article_count']})")
        witkoff = api("/api/v1/actors?type=PERSON&limit=100")["items"]
        witkoff = next((x["id"] for x in witkoff if x["name"] == "Steve Witkoff"), None)
        check(witkoff is not None, "Steve Witkoff is an actor of the demo")
        article = api("/api/v1/articles?limit=1")["items"][0]["id"]
        event = home["latest_events"][0]["id"]
        pair = ",".join(str(x["id"]) for x in home["storylines"][0]["actors"])
        speaker = home["most_quoted"][0]["actor"]["name"] if home["most_quoted"] else "Trump"

        pages = [
            ("home", "/", lambda d: [
                (d.title.startswith("Today"), "home: title"),
                (len(d.select("li", "event")) >= 5, "home: at least five latest events"),
                (len(d.select("svg", "chart")) >= 1, "home: the events-per-month picture"),
                (any("Most quoted" in d.text(h) for h in d.select("h2")), "home: most quoted actors"),
            ]),
            ("article", f"/articles/{article}", lambda d: [
                (len(d.select("article", "reader")) == 1, "article: the reader"),
                (len(d.select("a", "m")) >= 5, "article: entity mentions linked"),
                (any("min read" in d.text(s) for s in d.select("p", "meta")), "article: reading time"),
                (not d.select("script"), "article: no scripts"),
            ]),
            ("actor", f"/actors/{witkoff}", lambda d: [
                (any(d.text(h) == "Steve Witkoff" for h in d.select("h1")), "actor: name"),
                (any("envoy" in d.text(t).lower() for t in d.select("td")), "actor: an envoy role in the roles table"),
                (len(d.select("svg", "timeline")) == 1 and len(d.select("svg", "network")) == 1, "actor: timeline and network pictures"),
                (len(d.select("circle")) >= 3, "actor: dots and nodes drawn"),
            ]),
            ("event", f"/events/{event}", lambda d: [
                (len(d.select("dl", "facts")) == 1, "event: facts"),
                (len(d.select("blockquote", "evidence")) >= 1, "event: a source sentence"),
                (len(d.select("strong")) >= 1, "event: the trigger words marked"),
            ]),
            ("storyline", f"/storyline?actors={pair}", lambda d: [
                (len(d.select("li", "event")) >= 1, "storyline: events"),
                (len(d.select("svg", "timeline")) == 1, "storyline: timeline"),
            ]),
            ("tracker", f"/tracker?actors={pair}", lambda d: [
                (len(d.select("h1")) == 1 and d.text(d.select("h1")[0]).startswith("Positions"), "tracker: heading"),
            ]),
            ("search", "/search?q=ceasefire&type=DEMAND", lambda d: [
                (len(d.select("li", "hit")) >= 1, "search: hits for ceasefire with a DEMAND"),
                (len(d.select("form", "facets")) == 1, "search: the facets form"),
            ]),
            ("quotes", "/search?scope=quotes&actor=" + urllib.parse.quote(speaker), lambda d: [
                (len(d.select("li", "hit")) >= 1, f"quote search: {speaker}'s quotes"),
            ]),
        ]
        for name, path, checks in pages:
            result = browser(["--dump-dom"], base + path)
            check(result.returncode == 0, f"{name}: chromium exited with {result.returncode}")
            dom = DOM()
            dom.feed(result.stdout)
            for ok, message in checks(dom):
                check(ok, message)
            shot = os.path.join(a.out, f"{name}.png")
            browser([f"--screenshot={shot}", "--window-size=1280,1600"], base + path)
            check(os.path.exists(shot) and os.path.getsize(shot) > 10_000, f"{name}: screenshot saved")
            print(f"browser_check: {name:9} {path}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if not a.keep_data:
            shutil.rmtree(data, ignore_errors=True)
    for f in failures:
        print(f"browser_check: FAILED {f}", file=sys.stderr)
    if failures:
        sys.exit(1)
    print(f"browser_check: OK, screenshots in {a.out}")


if __name__ == "__main__":
    main()
