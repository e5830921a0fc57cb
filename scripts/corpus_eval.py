"""Shared parts of the corpus evaluation scripts (``eval_entities.py``, ``eval_quotes.py``,
``eval_events.py``).

Each of those scripts scores one stage of Backchannel against the team's own corpus:
articles in ``Corpus/articles/<slug>.json`` (each with a ``split``, see ``SPLIT_CHOICES``),
gold annotations in ``Corpus/gold/<slug>.json`` and rendered pages in
``Corpus/html/<slug>.html``. This module holds what they have in common: loading the corpus for
a split, running the binary once over the pages and reading its JSON lines, checking
``article.text`` against the gold body, the name normalisation used to compare entity names,
the command-line options, target marks, per-article error lists, JSON output and the little
self-test harness. The scoring itself stays in each script.

Splits: ``dev`` is the default. The held-out split is named in ``corpus_splits.HELD_OUT``
(with the splits already spent in its docstring): score it once, at the end of a piece of work,
and never use it for development, debugging, tuning or training. Every other split is
development data; "Splits" in ``Corpus/README.md`` tells when each was written, scored and spent. ``--split all`` takes every article of a development split (not the held-out
ones, ``corpus_splits.HELD_OUT``).

The scripts put their own folder on ``sys.path`` and ``import corpus_eval``, so they run as
``python3 scripts/eval_x.py`` from the repository root (or from anywhere else).

Python standard library only.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpus")
# The article splits, then "all" (every development article: the held-out splits are named
# only on purpose). Held-out splits are scored once, at the end of a piece of work; the others
# are development data (Corpus/README.md, "Splits").
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_splits import HELD_OUT, SPLITS  # noqa: E402
SPLIT_CHOICES = list(SPLITS) + ["all"]


# ---------------------------------------------------------------- normalisation

def norm_text(s):
    """Normalise a name, mention or role for comparison.

    Curly single quotes become straight apostrophes, runs of white space collapse to one
    space, the text is stripped and lower-cased, and a leading "the " is dropped. ``None``
    counts as the empty string.
    """
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip().lower()
    if s.startswith("the "):
        s = s[4:].lstrip()
    return s


def name_set(name, mentions):
    """The normalised (``norm_text``) forms of an entity's *name* and of its *mentions*
    (strings): two entity references match when their sets intersect."""
    s = {norm_text(name)}
    s |= {norm_text(m) for m in mentions}
    return s


def mention_texts(ent):
    """The non-empty ``text`` of each mention of a predicted entity (in order)."""
    return [m.get("text") for m in ent.get("mentions") or [] if m.get("text")]


# ---------------------------------------------------------------- matching

def one_to_one(cands):
    """Greedy one-to-one pairing. *cands* are tuples whose last two items are a gold index
    and a predicted index, the items before them the sort key (best first). Pairs are taken
    in sorted order, each index at most once. Returns (g2p, p2g) dicts of indices."""
    cands.sort()
    g2p, p2g = {}, {}
    for cand in cands:
        gi, pi = cand[-2], cand[-1]
        if gi in g2p or pi in p2g:
            continue
        g2p[gi] = pi
        p2g[pi] = gi
    return g2p, p2g


# ---------------------------------------------------------------- arithmetic

def ratio(a, b):
    """a / b, or 0.0 when b is 0."""
    return a / b if b else 0.0


def f1(p, r):
    """Harmonic mean of precision p and recall r (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- corpus

def body_text(article):
    """The gold body of an article: its block texts joined by a blank line."""
    return "\n\n".join(b["text"] for b in article["blocks"])


def first_diff(a, b):
    """Index of the first character where strings a and b differ (or the shorter length)."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def load_articles(split):
    """Articles of Corpus/articles whose ``split`` is *split* (every article of a development
    split for "all"), as a dict slug -> article."""
    articles = {}
    for p in sorted(glob.glob(os.path.join(CORPUS, "articles", "*.json"))):
        with open(p, encoding="utf-8") as f:
            a = json.load(f)
        if (split == "all" and a.get("split") not in HELD_OUT) or a.get("split") == split:
            articles[a["slug"]] = a
    return articles


def load(split, warn, member=None):
    """Load the articles of *split* and their gold files.

    Returns ``(articles, slugs, golds)``: every article of the split (slug -> article), the
    sorted slugs that have a gold file (and, when *member* is given, a gold file with that
    member), and slug -> the whole gold object. Skipped articles are reported through
    *warn*.
    """
    articles = load_articles(split)
    slugs, golds = [], {}
    for slug in sorted(articles):
        gp = os.path.join(CORPUS, "gold", slug + ".json")
        if not os.path.exists(gp):
            warn("%s: no gold file, skipped" % slug)
            continue
        with open(gp, encoding="utf-8") as f:
            g = json.load(f)
        if member is not None and member not in g:
            warn("%s: gold file has no %s, skipped" % (slug, member))
            continue
        golds[slug] = g
        slugs.append(slug)
    return articles, slugs, golds


# ---------------------------------------------------------------- the binary

def find_binary(given):
    """The binary to run: *given*, else .build/release/backchannel, else .build/debug/...;
    exits with a message when there is none."""
    if given:
        return given
    for kind in ("release", "debug"):
        p = os.path.join(ROOT, ".build", kind, "backchannel")
        if os.path.exists(p):
            return p
    sys.exit("no backchannel binary under .build/release or .build/debug; pass --binary")


def run_binary(binary, slugs, warn):
    """Run ``BINARY extract --format jsonl Corpus/html/<slug>.html ...`` once from the
    repository root and return slug -> parsed output line (keyed by the basename of each
    line's ``source``). A non-zero exit status and lines that are not JSON are reported
    through *warn*."""
    paths = [os.path.join("Corpus", "html", s + ".html") for s in slugs]
    proc = subprocess.run([binary, "extract", "--format", "jsonl"] + paths, cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        warn("binary exited with %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[:500]))
    out = {}
    for n, line in enumerate(proc.stdout.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            warn("output line %d is not JSON: %s" % (n, e))
            continue
        src = os.path.basename(d.get("source") or "")
        slug = src[:-5] if src.endswith(".html") else src
        out[slug] = d
    return out


def output_for(slug, out, article, warn, member=None, show_diff=False):
    """The binary's output line for *slug* and its ``article.text``, as ``(line, text)``.

    Warns (through *warn*) when there is no line (then returns ``(None, None)``: the caller
    scores the article as predicting nothing), when ``article.text`` differs from the gold
    body (with the place and both excerpts when *show_diff*), and, when *member* is given,
    when the line has no such member.
    """
    d = out.get(slug)
    if d is None:
        warn("%s: no output line; scored as predicting nothing" % slug)
        return None, None
    text = (d.get("article") or {}).get("text")
    body = body_text(article)
    if text != body:
        if show_diff:
            i = first_diff(text or "", body)
            warn("%s: article.text differs from the gold body at %d: got %r, want %r" % (
                slug, i, (text or "")[max(0, i - 20):i + 40], body[max(0, i - 20):i + 40]))
        else:
            warn("%s: article.text differs from the gold body" % slug)
    if member is not None and member not in d:
        warn("%s: output line has no %s member; scored as predicting nothing" % (slug, member))
    return d, text


def span_ok(text, start, end, want):
    """True when *start* and *end* are ints and ``text[start:end] == want``."""
    return not (text is None or not isinstance(start, int) or not isinstance(end, int)
                or text[start:end] != want)


# ---------------------------------------------------------------- command line

def parse_args(description, errors_help, argv=None):
    """The common options: --binary, --split (one of ``SPLIT_CHOICES``, default dev; the split
    in ``corpus_splits.HELD_OUT`` is held out: score it once, at the end of a piece of work), --errors N, --json and
    --selftest."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--binary", help="backchannel binary (default .build/release/backchannel, else debug)")
    ap.add_argument("--split", choices=SPLIT_CHOICES, default="dev",
                    help="articles to score (default dev; cairn is the held-out split: score it "
                         "once, at the end of a piece of work; the splits spent before it are named in "
                         "scripts/corpus_splits.py; all includes every split but the held-out one)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help=errors_help)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--selftest", action="store_true", help="check the scorer on hand-made cases")
    return ap.parse_args(argv)


# ---------------------------------------------------------------- report

def target_mark(targets, key, value, sep="   ", words=("ok", "BELOW"), slack=1e-12):
    """The text printed after a figure that has a target in *targets* ("" otherwise):
    ``<sep>target >= 0.95  ok`` when value >= target - slack, else with ``words[1]``."""
    if key not in targets:
        return ""
    goal = targets[key]
    return "%starget >= %.2f  %s" % (sep, goal, words[0] if value >= goal - slack else words[1])


def print_warnings(warnings, header="warnings:"):
    """Print the warnings indented under *header* (nothing when there are none; no header
    line when *header* is None)."""
    if not warnings:
        return
    if header is not None:
        print(header)
    for w in warnings:
        print("  " + w)


def print_error_lists(slugs, details, labels, n_errors, width):
    """Per article, print up to *n_errors* items of each error list.

    *labels* is a list of (key of the article's details, label); items are printed as JSON
    after the label padded to *width*, and a "… N more" line follows a cut list. Articles
    with no errors are left out."""
    for slug in slugs:
        det = details.get(slug) or {}
        if not any(det.get(k) for k, _ in labels):
            continue
        print("== %s" % slug)
        for key, label in labels:
            items = det.get(key) or []
            for it in items[:n_errors]:
                print("  %-*s %s" % (width, label + ":", json.dumps(it, ensure_ascii=False)))
            if len(items) > n_errors:
                print("  %-*s … %d more" % (width, label + ":", len(items) - n_errors))


def keyed_counts(per):
    """{(a, b): n} -> {"a/b": n}, sorted by key (for JSON)."""
    return {"%s/%s" % k: v for k, v in sorted(per.items())}


def dump_json(obj):
    """Print *obj* as indented JSON (non-ASCII kept) and a newline."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    print()


def dump_results(args, slugs, binary, targets, summary, counts, warnings, details):
    """Print the results of a run as JSON; the per-article details only with --errors."""
    dump_json({"split": args.split, "articles": slugs, "binary": binary, "targets": targets,
               "summary": summary, "counts": counts, "warnings": warnings,
               "details": details if args.errors else None})


def report_no_stage(args, slugs, binary, msg, warnings, gold_json, print_gold):
    """Report that the binary's output lacks the stage under test: as JSON (split, articles,
    binary, status *msg*, the members of *gold_json*, warnings) or as text (*print_gold*(),
    *msg*, the warnings). Returns exit status 0."""
    if args.json:
        obj = {"split": args.split, "articles": slugs, "binary": binary, "status": msg}
        obj.update(gold_json)
        obj["warnings"] = warnings
        dump_json(obj)
    else:
        print_gold()
        print(msg)
        print_warnings(warnings, header=None)
    return 0


# ---------------------------------------------------------------- self-test

class Checks:
    """A tiny self-test harness: ``check(name, got, want)`` records a failure when
    got != want; ``check.report()`` prints the failures or "selftest OK" and returns the
    exit status."""

    def __init__(self):
        self.fails = []

    def __call__(self, name, got, want):
        if got != want:
            self.fails.append("%s: got %r, want %r" % (name, got, want))

    def report(self):
        if self.fails:
            for f in self.fails:
                print("FAIL " + f)
            return 1
        print("selftest OK")
        return 0
