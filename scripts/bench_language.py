#!/usr/bin/env python3
"""Words per second of the analysis stages.

Runs `backchannel extract --body-only` on one core over the bodies of the team's corpus
(Corpus/articles, repeated to make the run long enough; the held-out split's articles are left
out, so that nothing of them is read before they are scored) three ways: `--analysis none`
(extraction only), `--analysis language` (sentences, tokens, entities, dates and money:
issue 3's stages) and `--analysis full` (with quotes and events: the whole pipeline of
issue 4). It reports words per second end to end and of the analysis alone (the time
beyond extraction's). Runs of the three modes are interleaved, so that a machine whose
speed drifts during the run weighs on each alike. Words = whitespace-separated tokens, as
spaCy benchmarks count them.

    swift build -c release
    python3 scripts/bench_language.py [--copies 40] [--repeat 5]
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from corpus_splits import HELD_OUT  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "backchannel")
    ap.add_argument("--copies", type=int, default=40, help="how many times each article body is used")
    ap.add_argument("--repeat", type=int, default=5, help="runs per mode; the median is reported")
    args = ap.parse_args()
    if not args.binary.exists():
        sys.exit("binary not found: %s (swift build -c release)" % args.binary)
    bodies = []
    for path in sorted((REPO / "Corpus" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article.get("split") in HELD_OUT:
            continue
        bodies.append("\n\n".join(block["text"] for block in article["blocks"]))
    words = sum(len(b.split()) for b in bodies) * args.copies
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for c in range(args.copies):
            for i, body in enumerate(bodies):
                path = Path(tmp) / ("a%03d-%02d.txt" % (c, i))
                path.write_text(body, encoding="utf-8")
                files.append(str(path))

        def run(mode):
            cmd = ["taskset", "-c", "0", str(args.binary), "extract", "--body-only", "--published", "2025-04-11",
                   "--format", "jsonl", "--analysis", mode] + files
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            return time.perf_counter() - start

        modes = ["none", "language", "full"]
        times = {mode: [] for mode in modes}
        for _ in range(args.repeat):
            for mode in modes:
                times[mode].append(run(mode))
    print("documents        %d (%d articles x %d)" % (len(files), len(bodies), args.copies))
    print("words            %d" % words)
    # The median of the runs, and the best: on a shared machine whose speed drifts by a
    # fifth from minute to minute, the best run is the one least slowed by its neighbours.
    for summary, pick in (("median", statistics.median), ("best", min)):
        base, language, full = (pick(times[mode]) for mode in modes)
        print("%s of %d runs:" % (summary, args.repeat))
        print("  extraction only  %.3f s" % base)
        for name, seconds in (("language stages", language), ("full pipeline", full)):
            alone = max(seconds - base, 1e-9)
            print("  %-16s %.3f s  (%.0f words/s end to end; analysis alone %.3f s, %.0f words/s)"
                  % (name, seconds, words / seconds, alone, words / alone))
    print("spaCy en_core_web_sm: about 4,500 words/s here; target 50x = 225,000 words/s")


if __name__ == "__main__":
    main()
