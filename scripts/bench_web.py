#!/usr/bin/env python3
"""Load benchmark of the web application with wrk: p50/p99 latency and requests/s of the
article, actor and search pages at 100 concurrent connections.

    python3 scripts/bench_web.py --demo                         # the demo (sample corpus)
    python3 scripts/bench_web.py --data /tmp/bc-bench-100k      # an existing store (e.g. bench_store.py --keep)

Starts `backchannel serve` (or `demo`) from the release build on a free loopback port, picks
the pages to request through the JSON API (a spread of articles; the actors named in the
most articles, which are the heaviest pages, and a spread of others; search words common
and rare), warms up, then runs wrk once per page kind, cycling through its URLs. Needs
Debian's `wrk` package. Prints one line per page kind.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from local_server import free_port


def wait_ready(server, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line and server.poll() is not None:
            sys.exit(f"bench_web: the server exited with status {server.returncode}")
        m = re.search(r"(http://\S+/)", line)
        if m:
            return m.group(1).rstrip("/")
    sys.exit("bench_web: the server did not say it was ready")


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=120) as r:
        return json.load(r)


def wrk(base, paths, connections, threads, duration):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write("paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
    script.write("i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
    script.close()
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency", "--timeout", "10s",
                          "-s", script.name, base], capture_output=True, text=True).stdout
    os.unlink(script.name)

    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {"p50": ms("50"), "p99": ms("99"), "rps": float(rps.group(1)) if rps else float("nan"),
            "non2xx": int(errors.group(1)) if errors else 0, "timeouts": int(timeouts.group(1)) if timeouts else 0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=".build/release/backchannel")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--demo", action="store_true", help="serve the demo on a fresh data folder")
    where.add_argument("--data", help="serve this existing data folder")
    ap.add_argument("--connections", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--duration", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default="article,actor,search")
    ap.add_argument("--no-cache", action="store_true", help="serve with --cache-megabytes 0: every request computed")
    ap.add_argument("--readers", type=int, default=2, help="database connections serving pages")
    a = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench_web: wrk is not installed (apt-get install wrk)")
    rng = random.Random(a.seed)
    port = free_port()
    data = tempfile.mkdtemp(prefix="bc-web-bench-") if a.demo else a.data
    cmd = [a.binary, "demo" if a.demo else "serve", "--data", data, "--port", str(port), "--readers", str(a.readers)]
    if a.no_cache:
        cmd += ["--cache-megabytes", "0"]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = wait_ready(server)
        home = get(base, "/api/v1/home")
        total = home["article_count"]
        latest = [x["id"] for x in get(base, "/api/v1/articles?limit=100")["items"]]
        top = max(latest) if latest else total
        articles = sorted({rng.randint(1, top) for _ in range(300)})
        busiest = [x["id"] for x in get(base, "/api/v1/actors?limit=10")["items"]]
        others = [x["id"] for x in get(base, f"/api/v1/actors?limit=100&offset={min(200, max(0, total // 100))}")["items"]]
        actors = busiest + others
        words = ["ceasefire", "talks", "sanctions", "envoy", "Kremlin", "Oman", "pledged", "prisoner exchange", "drone", "Witkoff",
                 "nuclear", "\"energy infrastructure\"", "Black Sea", "Hague", "Geneva"]
        searches = [f"/search?q={urllib.parse.quote(w)}" for w in words]
        searches += [f"/search?q={urllib.parse.quote(w)}&type=CONSULT" for w in words[:5]]
        kinds = {
            "article": [f"/articles/{i}" for i in articles],
            "actor": [f"/actors/{i}" for i in actors],
            "search": searches,
        }
        print(f"bench_web: {total} articles; {a.connections} connections, {a.threads} wrk threads, {a.duration} s per kind; "
              f"{'no cache' if a.no_cache else 'page cache'}, {a.readers} readers")
        for kind in a.kinds.split(","):
            paths = kinds[kind]
            # Warm up: each URL once, as a reader's first visit would.
            for p in paths:
                urllib.request.urlopen(base + p, timeout=120).read()
            r = wrk(base, paths, a.connections, a.threads, a.duration)
            print(f"{kind:8} urls {len(paths):4}  p50 {r['p50']:8.1f} ms  p99 {r['p99']:8.1f} ms  {r['rps']:8.1f} req/s"
                  f"  non-2xx {r['non2xx']}  timeouts {r['timeouts']}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if a.demo:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
