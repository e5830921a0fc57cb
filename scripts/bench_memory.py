#!/usr/bin/env python3
"""Peak memory and time of `backchannel extract` on synthetic pages of growing size.

Memory must stay proportional to the page: this prints, for each size, the wall time,
the peak resident set size of the extractor process, and RSS divided by page size.

    swift build -c release
    python3 scripts/bench_memory.py                 # 1, 5, 20 and 50 MB pages
    python3 scripts/bench_memory.py --sizes 1 100   # other sizes, in MB
    python3 scripts/bench_memory.py --no-analysis   # extraction only

The pages are generated (our own filler text inside a realistic page skeleton with
navigation, scripts, ads and comments), written to a temporary folder and deleted.
"""
import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS = ("envoy talks ceasefire officials said on Friday the delegation Kyiv Moscow Geneva "
         "proposal aid pledge minister spokesman statement agreement negotiators".split())


def page(size_bytes, seed=1):
    rng = random.Random(seed)
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long page - Test Site</title>'
            '<script>var config = {"a": 1};</script><style>body{margin:0}</style></head><body>'
            '<nav><a href="/">Home</a><a href="/world">World</a></nav><article class="article-body"><h1>Long page</h1>')
    parts = [head]
    size = len(head)
    n = 0
    while size < size_bytes:
        n += 1
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90)))
        chunk = "<p>%s, a sentence %d.</p>\n" % (words.capitalize(), n)
        if n % 25 == 0:
            chunk += '<div class="ad-slot">Advertisement</div><!-- ad %d --><script>track(%d)</script>\n' % (n, n)
        parts.append(chunk)
        size += len(chunk)
    parts.append('</article><footer>© 2025 Test Site</footer></body></html>')
    return "".join(parts).encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "backchannel")
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20, 50], help="page sizes in MB")
    ap.add_argument("--no-analysis", action="store_true", help="extraction only (extract --no-analysis)")
    args = ap.parse_args()
    if not args.binary.exists():
        sys.exit("binary not found: %s (swift build -c release)" % args.binary)
    print("%8s %10s %12s %10s" % ("page MB", "seconds", "peak RSS MB", "RSS/page"))
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            path = Path(tmp) / ("page-%g.html" % mb)
            path.write_bytes(page(int(mb * 1024 * 1024)))
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 1)
                    extra = ["--no-analysis"] if args.no_analysis else []
                    os.execv(str(args.binary), [str(args.binary), "extract", "--format", "jsonl"] + extra + [str(path)])
            _, status, usage = os.wait4(pid, 0)
            seconds = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("extract failed on a %g MB page" % mb)
            rss_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
            print("%8g %10.2f %12.0f %10.1f" % (mb, seconds, rss_mb, rss_mb / mb))
            path.unlink()


if __name__ == "__main__":
    main()
