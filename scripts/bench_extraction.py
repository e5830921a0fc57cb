#!/usr/bin/env python3
"""Benchmark Backchannel's article-body extractor on the development data set.

Data: a folder of pages ``ID.html`` with ground truth ``ID.json`` (member
``articleBody``, also ``url``); by default ../shared/data/article-extraction/dev
relative to the repository root. See that folder's README.md.

Scoring follows the data set README (the benchmark's own metric):

* tokens: runs of Unicode word characters, regex ``\\w+``, case kept;
* shingles: every run of 4 consecutive tokens, counted as a multiset;
* per page: TP = size of the multiset intersection of predicted and expected
  shingles, FP = predicted shingles left over, FN = expected shingles left
  over. The README then divides each of TP, FP, FN by TP+FP+FN; that only gives
  every page the same total weight and does not change the per-page ratios
  below, so the script keeps the normalised values (for --json) and computes
  precision = TP/(TP+FP), recall = TP/(TP+FN) from them;
* precision = mean of per-page precision over pages whose output is not empty;
  recall = mean of per-page recall over all pages (an empty output has recall
  0); F1 = 2PR/(P+R);
* also reported: mean of per-page F1, where an empty output counts as 0.

Short texts: a text with 1 to 3 tokens has no 4-token run; it is given a single
shingle made of all its tokens (so a 2-word output can still match a 2-word
expected text exactly, but never matches a 4-token shingle). A text with no
tokens at all has no shingles and counts as "empty output" (an output made only
of punctuation or white space is therefore empty too).

The extractor is run once over all pages:
    BINARY extract --format jsonl FILE1 FILE2 ...
Each output line is a JSON object with ``source`` (the input path as given) and
``article.text``. An input that fails gives an error line on stderr and no JSON
line; it is scored as empty output. Wall time of that one run (process start
included) gives pages/s.

The scorer uses only the Python standard library; --trafilatura needs the
``trafilatura`` package (pip install trafilatura).
"""

import argparse
import json
import statistics
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "article-extraction" / "dev"
SHINGLE_SIZE = 4

# Options used for trafilatura.extract. Everything else is left at the
# library's defaults (include_tables=True, favor_precision=False,
# favor_recall=False, no_fallback=False, fast=False, deduplicate=False,
# output_format="txt", no url). include_comments defaults to True in
# trafilatura; it is turned off here, as in the benchmark's own trafilatura
# run, because the ground truth never contains reader comments.
TRAFILATURA_OPTIONS = {"include_comments": False}

# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\w+")  # str patterns are Unicode-aware in Python 3


def tokenize(text):
    return _TOKEN_RE.findall(text or "")


def shingles(text, n=SHINGLE_SIZE):
    """Multiset of n-token shingles; 1..n-1 tokens give one shorter shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score_page(expected, predicted):
    """Return a dict with raw and normalised TP/FP/FN and P, R, F1 for a page.

    P is None when the output is empty (no shingles): such a page is left out
    of the precision mean. R is 0 for an empty output. F1 is 0 when P+R is 0
    or the output is empty.
    """
    gold = shingles(expected)
    pred = shingles(predicted)
    tp = sum((gold & pred).values())
    fp = sum(pred.values()) - tp
    fn = sum(gold.values()) - tp
    total = tp + fp + fn
    ntp, nfp, nfn = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    empty = not pred
    if empty:
        precision = None
    else:
        precision = ntp / (ntp + nfp)
    if gold:
        recall = ntp / (ntp + nfn)
    else:
        # No expected text (does not happen in the dev set): an empty output
        # is then a perfect recall; anything is.
        recall = 1.0
    if precision is None or precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {
        "tp": tp, "fp": fp, "fn": fn,
        "tp_norm": ntp, "fp_norm": nfp, "fn_norm": nfn,
        "precision": precision, "recall": recall, "f1": f1,
        "empty": empty,
    }


def aggregate(page_scores):
    """Corpus figures from a list of score_page results."""
    precisions = [s["precision"] for s in page_scores if s["precision"] is not None]
    recalls = [s["recall"] for s in page_scores]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    mean_f1 = sum(s["f1"] for s in page_scores) / len(page_scores) if page_scores else 0.0
    return {
        "precision": p, "recall": r, "f1": f1, "mean_page_f1": mean_f1,
        "pages": len(page_scores),
        "empty_outputs": sum(1 for s in page_scores if s["empty"]),
    }


# ---------------------------------------------------------------------------
# Self-test of the scorer
# ---------------------------------------------------------------------------

def selftest():
    checks = 0

    def close(a, b):
        return a is not None and abs(a - b) < 1e-9

    def check(cond, what):
        nonlocal checks
        if not cond:
            raise AssertionError("selftest failed: " + what)
        checks += 1

    text = "The quick brown fox jumps over the lazy dog near the river bank."
    s = score_page(text, text)
    check(close(s["precision"], 1) and close(s["recall"], 1) and close(s["f1"], 1),
          "identical texts score 1.0")
    s = score_page(text, "  The quick,\nbrown fox -- jumps over the lazy dog near the river bank!")
    check(close(s["f1"], 1), "punctuation and white space do not matter")
    s = score_page(text, text.lower())
    check(s["f1"] < 1, "case is kept")

    s = score_page(text, "Completely different words appear in this other sentence here.")
    check(close(s["precision"], 0) and close(s["recall"], 0) and close(s["f1"], 0),
          "disjoint texts score 0")

    s = score_page(text, "")
    check(s["empty"] and s["precision"] is None and close(s["recall"], 0) and close(s["f1"], 0),
          "empty output: no precision, recall 0")
    s2 = score_page(text, " ... !! ")
    check(s2["empty"], "output without any word is empty")
    agg = aggregate([score_page(text, text), score_page(text, "")])
    check(close(agg["precision"], 1.0), "empty output does not lower precision")
    check(close(agg["recall"], 0.5), "empty output lowers recall")
    check(close(agg["mean_page_f1"], 0.5), "empty output counts as 0 in mean page F1")
    check(close(agg["f1"], 2 * 1 * 0.5 / 1.5), "F1 = 2PR/(P+R)")
    check(agg["empty_outputs"] == 1, "empty outputs are counted")

    # Multiset counting: "a b c d" repeated gives shingles with counts.
    gold = "a b c d a b c d"          # abcd, bcda, cdab, dabc, abcd -> abcd x2
    pred = "a b c d"                  # abcd x1
    s = score_page(gold, pred)
    check(s["tp"] == 1 and s["fp"] == 0 and s["fn"] == 4, "multiset: one of two copies matched")
    check(close(s["precision"], 1) and close(s["recall"], 0.2), "multiset P/R")
    s = score_page(pred, gold)
    check(s["tp"] == 1 and s["fp"] == 4 and s["fn"] == 0, "multiset: repeated output is FP")
    s = score_page("x y z w x y z w x y z w", "x y z w x y z w")
    # gold: xyzw x3, yzwx x2, zwxy x2, wxyz x2 (9); pred: xyzw x2, yzwx, zwxy, wxyz (5)
    check(s["tp"] == 5 and s["fp"] == 0 and s["fn"] == 4, "multiset intersection takes the minimum count")
    check(close(s["tp_norm"] + s["fp_norm"] + s["fn_norm"], 1), "normalised counts sum to 1")

    # Short texts (fewer than 4 tokens).
    s = score_page("Hello world", "Hello world")
    check(close(s["f1"], 1), "short identical texts score 1")
    s = score_page(text, "quick brown")
    check(close(s["precision"], 0) and close(s["recall"], 0), "short output never matches 4-token shingles")

    # Unicode word characters.
    s = score_page("Привет мир это тест на юникод", "Привет мир это тест на юникод")
    check(close(s["f1"], 1) and len(tokenize("Привет мир")) == 2, "Unicode tokens")
    check(tokenize("日本語のテキスト、です") == ["日本語のテキスト", "です"], "CJK runs are single tokens")

    print("selftest: %d checks passed" % checks)


# ---------------------------------------------------------------------------
# Data and extractors
# ---------------------------------------------------------------------------

def load_dataset(data_dir):
    pages = []
    for html_path in sorted(data_dir.glob("*.html")):
        page_id = html_path.stem
        json_path = data_dir / (page_id + ".json")
        if not json_path.exists():
            continue
        with json_path.open(encoding="utf-8") as f:
            truth = json.load(f)
        pages.append({
            "id": page_id,
            "url": truth.get("url", ""),
            "expected": truth.get("articleBody") or "",
            "html_path": html_path,
        })
    return pages


def default_binary():
    release = REPO_ROOT / ".build" / "release" / "backchannel"
    if release.exists():
        return release
    return REPO_ROOT / ".build" / "debug" / "backchannel"


def run_binary(binary, pages, one_core):
    """Run BINARY once over all pages; return (texts by id, seconds, info)."""
    paths = [str(p["html_path"]) for p in pages]
    by_path = {str(p["html_path"]): p["id"] for p in pages}
    ids = {p["id"] for p in pages}
    # Extraction only: the language stages are measured by bench_language.py.
    prefix = [str(binary), "extract", "--no-analysis", "--format", "jsonl"]
    if one_core:
        prefix = ["taskset", "-c", "0"] + prefix
    cmd = prefix + paths
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start

    texts = {}
    bad_lines = 0
    for line in proc.stdout.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            bad_lines += 1
            continue
        source = obj.get("source") if isinstance(obj, dict) else None
        page_id = by_path.get(source)
        if page_id is None and isinstance(source, str):
            stem = Path(source).name
            stem = stem[:-5] if stem.endswith(".html") else stem
            page_id = stem if stem in ids else None
        if page_id is None:
            bad_lines += 1
            continue
        article = obj.get("article") or {}
        text = article.get("text") if isinstance(article, dict) else None
        texts[page_id] = text or ""
    stderr_lines = [l for l in proc.stderr.decode("utf-8", errors="replace").splitlines() if l.strip()]
    info = {
        "command": " ".join(prefix) + " FILE...",
        "exit_status": proc.returncode,
        "pages_with_json": len(texts),
        "failed_pages": len(pages) - len(texts),
        "unparsed_lines": bad_lines,
        "stderr_lines": stderr_lines,
    }
    return texts, seconds, info


def trafilatura_worker(paths):
    """Child process: pin to core 0, extract every page, print JSON on stdout."""
    pinned = False
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
            pinned = True
        except OSError:
            pass
    import trafilatura  # imported after pinning; import time is not measured
    try:
        from importlib.metadata import version
        tversion = version("trafilatura")
    except Exception:
        tversion = getattr(trafilatura, "__version__", "unknown")
    texts = {}
    start = time.perf_counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            html = f.read()
        texts[path] = trafilatura.extract(html, **TRAFILATURA_OPTIONS) or ""
    seconds = time.perf_counter() - start
    json.dump({"version": tversion, "seconds": seconds, "pinned": pinned, "texts": texts},
              sys.stdout)


def run_trafilatura(pages):
    paths = [str(p["html_path"]) for p in pages]
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_trafilatura-worker"] + paths
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", errors="replace"))
        raise SystemExit("trafilatura run failed (is it installed? pip install trafilatura)")
    out = json.loads(proc.stdout.decode("utf-8"))
    by_path = {str(p["html_path"]): p["id"] for p in pages}
    texts = {by_path[k]: v for k, v in out["texts"].items()}
    return texts, out["seconds"], {"version": out["version"], "pinned_to_core_0": out["pinned"],
                                   "options": TRAFILATURA_OPTIONS}


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------

def evaluate(pages, texts):
    per_page = []
    for p in pages:
        s = score_page(p["expected"], texts.get(p["id"], ""))
        s.update({"id": p["id"], "url": p["url"]})
        per_page.append(s)
    return aggregate(per_page), per_page


def fmt(x):
    return "  -  " if x is None else "%.3f" % x


def print_result(name, summary, seconds, n_pages, extra, per_page, worst):
    print("== %s ==" % name)
    for k, v in extra.items():
        if k != "stderr_lines":
            print("  %-18s %s" % (k + ":", v))
    print("  precision          %.3f" % summary["precision"])
    print("  recall             %.3f" % summary["recall"])
    print("  F1                 %.3f" % summary["f1"])
    print("  mean page F1       %.3f" % summary["mean_page_f1"])
    print("  empty outputs      %d of %d" % (summary["empty_outputs"], summary["pages"]))
    print("  time               %.3f s  (%.1f pages/s)" % (seconds, n_pages / seconds if seconds > 0 else float("inf")))
    if worst:
        print("  worst %d pages by F1:" % worst)
        print("    %-5s %-5s %-5s  %-16s %s" % ("F1", "P", "R", "id", "url"))
        for s in sorted(per_page, key=lambda s: (s["f1"], s["id"]))[:worst]:
            print("    %s %s %s  %-16s %s" % (fmt(s["f1"]), fmt(s["precision"]), fmt(s["recall"]),
                                            s["id"][:16], s["url"]))


def dump_texts(directory, pages, texts):
    directory.mkdir(parents=True, exist_ok=True)
    for p in pages:
        (directory / (p["id"] + ".txt")).write_text(texts.get(p["id"], ""), encoding="utf-8")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_trafilatura-worker"]:
        trafilatura_worker(argv[1:])
        return 0

    ap = argparse.ArgumentParser(description="Benchmark the article extractor (see docs/benchmarks.md).")
    ap.add_argument("--binary", type=Path, default=None,
                    help="extractor binary (default .build/release/backchannel if it exists, else .build/debug/backchannel)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="data set folder (default %(default)s)")
    ap.add_argument("--one-core", action="store_true", help="run the binary under taskset -c 0")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="time each tool N times and report the median (the output of the first run is scored)")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst pages by F1")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    ap.add_argument("--dump", type=Path, metavar="DIR",
                    help="write predicted text to DIR/ID.txt (trafilatura's to DIR/trafilatura/ID.txt)")
    ap.add_argument("--trafilatura", action="store_true",
                    help="also measure trafilatura in-process on core 0 and print the speed ratio")
    ap.add_argument("--no-binary", action="store_true", help="do not run the binary (e.g. with --trafilatura only)")
    ap.add_argument("--selftest", action="store_true", help="check the scorer on hand-made cases and exit")
    args = ap.parse_args(argv)

    if args.selftest:
        selftest()
        return 0

    if not args.data.is_dir():
        print("skipped: dataset not found (%s)" % args.data)
        return 0
    pages = load_dataset(args.data)
    if not pages:
        print("skipped: dataset not found (no ID.html/ID.json pairs in %s)" % args.data)
        return 0

    results = {"data": str(args.data), "pages": len(pages), "tools": {}}
    outputs = {}

    if not args.no_binary:
        binary = args.binary or default_binary()
        if not binary.exists():
            sys.stderr.write("binary not found: %s (build it, pass --binary, or use --no-binary)\n" % binary)
            return 2
        texts, seconds, info = run_binary(binary, pages, args.one_core)
        runs = [seconds] + [run_binary(binary, pages, args.one_core)[1] for _ in range(max(0, args.repeat - 1))]
        seconds = statistics.median(runs)
        info["runs_seconds"] = runs
        info["one_core"] = args.one_core
        summary, per_page = evaluate(pages, texts)
        outputs["backchannel"] = (summary, seconds, info, per_page)
        if args.dump:
            dump_texts(args.dump, pages, texts)
        if info["stderr_lines"] and not args.json:
            sys.stderr.write("extractor stderr (%d lines):\n" % len(info["stderr_lines"]))
            for line in info["stderr_lines"][:5]:
                sys.stderr.write("  " + line + "\n")

    if args.trafilatura:
        texts, seconds, info = run_trafilatura(pages)
        runs = [seconds] + [run_trafilatura(pages)[1] for _ in range(max(0, args.repeat - 1))]
        seconds = statistics.median(runs)
        info["runs_seconds"] = runs
        summary, per_page = evaluate(pages, texts)
        outputs["trafilatura"] = (summary, seconds, info, per_page)
        if args.dump:
            dump_texts(args.dump / "trafilatura", pages, texts)

    for name, (summary, seconds, info, per_page) in outputs.items():
        entry = dict(summary)
        entry.update({
            "seconds": seconds,
            "pages_per_second": len(pages) / seconds if seconds > 0 else None,
            "run": info,
            "per_page": per_page,
        })
        results["tools"][name] = entry

    if "backchannel" in outputs and "trafilatura" in outputs:
        b = results["tools"]["backchannel"]["pages_per_second"]
        t = results["tools"]["trafilatura"]["pages_per_second"]
        results["speed_ratio_backchannel_over_trafilatura"] = b / t if b and t else None

    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0

    print("data: %s (%d pages)" % (args.data, len(pages)))
    for name, (summary, seconds, info, per_page) in outputs.items():
        print_result(name, summary, seconds, len(pages), info, per_page, args.worst)
    ratio = results.get("speed_ratio_backchannel_over_trafilatura")
    if ratio is not None:
        note = "" if args.one_core else "  (binary not pinned: add --one-core for a like-for-like figure)"
        print("speed ratio backchannel / trafilatura: %.2fx%s" % (ratio, note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
