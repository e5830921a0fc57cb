#!/usr/bin/env python3
"""Store benchmark: ingest rate, database size per article, memory while ingesting, and
search latency, on a synthetic corpus (scripts/make_synthetic_corpus.py).

    python3 scripts/bench_store.py --count 10000                      # SQLite
    python3 scripts/bench_store.py --count 10000 --backend postgres   # a throwaway PostgreSQL
    python3 scripts/bench_store.py --count 100000 --keep /tmp/bc-100k # keep the store for later runs

Ingest runs pinned to one core (taskset -c 0). Memory is the ingest process's resident set,
sampled twice a second: flat means the last samples are no higher than the middle ones.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None


def folder_size(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/backchannel"))
    ap.add_argument("--corpus", help="folder of the synthetic corpus (made if missing)")
    ap.add_argument("--keep", help="keep the SQLite store in this folder")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--search-only", action="store_true", help="only time searches on an existing --keep store")
    args = ap.parse_args()

    corpus = args.corpus or f"/tmp/bc-synth-{args.count}"
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/make_synthetic_corpus.py"), "--count", str(args.count), "--out", corpus], check=True)

    pg_dir = None
    if args.backend == "postgres":
        out = subprocess.run(["bash", os.path.join(ROOT, "scripts/pg-throwaway.sh"), "start"], capture_output=True, text=True, check=True).stdout
        env = dict(part.split("=", 1) for line in out.splitlines() for part in line.replace("export ", "").split())
        pg_dir, url = env["PGTEST_DIR"], env["BACKCHANNEL_TEST_DATABASE_URL"]
        where = ["--database", url]
        data = None
    else:
        data = args.keep or tempfile.mkdtemp(prefix="bc-bench-store-")
        where = ["--data", data]

    result = {"backend": args.backend, "articles": args.count}
    try:
        if not args.search_only:
            cmd = ["taskset", "-c", "0", args.binary, "ingest", "--quiet"] + where + [corpus]
            start = time.time()
            proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
            samples = []
            while proc.poll() is None:
                kb = rss_kb(proc.pid)
                if kb:
                    samples.append(kb)
                time.sleep(0.5)
            err = proc.stderr.read()
            wall = time.time() - start
            if proc.returncode not in (0, 1):
                sys.exit(f"ingest failed ({proc.returncode}): {err}")
            summary = [l for l in err.splitlines() if l.startswith("ingest:")]
            result["ingest_summary"] = summary[-1] if summary else err[-300:]
            result["ingest_seconds"] = round(wall, 1)
            result["articles_per_second"] = round(args.count / wall, 1)
            if samples:
                n = len(samples)
                result["rss_mb"] = {"10%": round(samples[n // 10] / 1024, 1), "50%": round(samples[n // 2] / 1024, 1),
                                    "90%": round(samples[(9 * n) // 10] / 1024, 1), "max": round(max(samples) / 1024, 1)}
            if args.backend == "sqlite":
                subprocess.run(["sqlite3", os.path.join(data, "backchannel.sqlite"), "PRAGMA wal_checkpoint(TRUNCATE);"], capture_output=True)
                size = folder_size(data)
            else:
                port = url.split(":")[-1].split("/")[0]
                size = int(subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-tAc",
                                           "SELECT pg_database_size('backchannel_test')"], capture_output=True, text=True, check=True).stdout.strip())
            result["database_mb"] = round(size / 1e6, 1)
            result["bytes_per_article"] = round(size / args.count)
        search = subprocess.run([args.binary, "bench-search", "--rounds", str(args.rounds)] + where, capture_output=True, text=True)
        if search.returncode != 0:
            sys.exit("bench-search failed: " + search.stderr)
        result["search"] = json.loads(search.stdout)
    finally:
        if pg_dir:
            subprocess.run(["bash", os.path.join(ROOT, "scripts/pg-throwaway.sh"), "stop", pg_dir])
        if data and not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
