"""What the trainers of the event stage's learned revisions share (train_modality.py,
train_event_dates.py, train_event_places.py): running the binary with the rules' answers and
matching its events to the gold, the words as the Swift side finds them, the comparison of the
rules and a model on splits it did not train on, the linear candidate scorers of dates and
places, and the command line (`--check`, `--measure`, `--selftest`).

Each model revises one answer of the rules and takes that answer as a feature, so it is
trained on what `backchannel extract --rule-…` gives: the events of every split but the
held-out one (`TRAINING`: the development splits of `probe_event_types.DEVELOPMENT` and, since
the twenty-fifth session, the spent held-out splits), each matched to a gold event of the same
type in the same sentence as `eval_events.py` matches them. `--measure` leaves each split out in
turn; on the spent splits the events revised were typed by an event-type model that saw their
gold (`train_event_types.py --measure` gives the fair event figure there).
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_eval as ce  # noqa: E402
import corpus_splits  # noqa: E402
import eval_events as ev  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "BackchannelEvents", "Resources")
TOKEN = re.compile(r"(?u)\b\w\w+\b")
# The spent held-out splits, and what the event stage's models train on since the twenty-fifth
# session: every split but the held-out one (--measure leaves each out in turn).
SPENT = [s for s in corpus_splits.SPLITS if s not in DEVELOPMENT and s not in corpus_splits.HELD_OUT]
TRAINING = DEVELOPMENT + SPENT


def words(text):
    """Runs of two or more word characters, lower-cased (scikit-learn's default token pattern;
    `EventTypeModel.words` and `SentenceWords` in Swift)."""
    return [w.lower() for w in TOKEN.findall(text)]


def bucket(n):
    """A count of words as the candidate scorers bucket it (`EventDateModel.bucket` in Swift)."""
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def entity_context(mentions, event, text):
    """Where an entity stands from an event's trigger, read at its mention nearest the trigger:
    (side, bucket of the words between, [w1=, w2=, a1=, bw= features]) — what the place and
    target models read of each candidate entity (`EventPlaceModel.context` in Swift)."""
    s, t = event["sentence"], event["trigger"]
    m = min(mentions, key=lambda m: abs(m["start"] - t["start"]))
    side = "after" if m["start"] >= t["end"] else "before"
    between = words(text[m["end"]:t["start"]]) if side == "before" else words(text[t["end"]:m["start"]])
    before, after = words(text[s["start"]:m["start"]]), words(text[m["end"]:s["end"]])
    f = []
    if before:
        f.append("w1=" + before[-1])
    if len(before) > 1:
        f.append("w2=" + before[-2])
    if after:
        f.append("a1=" + after[0])
    f += ["bw=" + w for w in between[:8]]
    return side, bucket(len(between)), f


def trigger_in_sentence(event):
    """Whether the event's trigger lies in its sentence (a quotation's act has the quotation as
    its trigger: the models leave it as the rules give it)."""
    s, t = event.get("sentence") or {}, event.get("trigger") or {}
    return s.get("start", 0) <= t.get("start", -1) <= t.get("end", -1) <= s.get("end", -1)


def matched_events(binary, splits, flag):
    """Runs `binary extract --format jsonl FLAG` over the articles of `splits` and yields, for
    each predicted event matched to a gold event (type only, one to one, as eval_events.py
    matches): (split, predicted event, gold event, matched with actors too, the article's output,
    the article's gold entities)."""
    articles, slugs, golds = {}, [], {}
    for split in splits:
        a, s, g = ce.load(split, lambda m: None, "events")
        articles.update(a)
        slugs += s
        golds.update(g)
    paths = [os.path.join("Corpus", "html", slug + ".html") for slug in slugs]
    proc = subprocess.run([binary, "extract", "--format", "jsonl", flag] + paths, cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit("%s exited with %d: %s" % (binary, proc.returncode, proc.stderr.decode("utf-8", "replace")[:300]))
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        out[os.path.basename(d["source"])[:-5]] = d
    for slug in slugs:
        d = out.get(slug)
        if d is None:
            print("warning: %s: no output" % slug, file=sys.stderr)
            continue
        pred = d.get("events") or []
        pents = {e["id"]: e for e in d.get("entities") or []}
        gold, gents = golds[slug]["events"], golds[slug]["entities"]
        with_actors, _ = ev.match(gold, pred, gents, pents, True)
        type_only, _ = ev.match(gold, pred, gents, pents, False)
        for gi, pi in sorted(type_only.items()):
            yield articles[slug]["split"], pred[pi], gold[gi], with_actors.get(gi) == pi, d, gents


def compare(binary, examples, fit, rules_right, model_right, what):
    """Prints `what` right among the type + actors matches, the rules against the model, leaving
    one split out at a time (the model trained on every other split, as the shipped one is
    trained on all of them): each development split, then each spent held-out split, where the
    model trained on the development splits alone (as shipped before the twenty-fifth session)
    is scored beside it. `examples(binary, splits)` gives rows whose first member is the split
    and last whether the event matched with actors too."""
    rows = examples(binary, TRAINING)
    dev = [r for r in rows if r[0] in DEVELOPMENT]
    total = collections.Counter()

    def score(model, test):
        by_rule = sum(1 for r in test if rules_right(r))
        by_model = sum(1 for r in test if model_right(model, r))
        return by_rule, by_model

    print("leave one development split out (%s right among type + actors matches; quotations' acts left out):" % what)
    for held in DEVELOPMENT:
        test = [r for r in dev if r[0] == held and r[-1]]
        if not test:
            continue
        by_rule, by_model = score(fit([r for r in rows if r[0] != held]), test)
        total.update(rules=by_rule, model=by_model, n=len(test))
        print("  %-8s rules %.3f  model %.3f  (%d)" % (held, by_rule / len(test), by_model / len(test), len(test)))
    print("  all      rules %.3f  model %.3f  (%d)" % (total["rules"] / total["n"], total["model"] / total["n"], total["n"]))
    test = [r for r in rows if r[0] in SPENT and r[-1]]
    by_rule, by_development = score(fit(dev), test)
    by_others = 0
    for held in SPENT:
        left_out = [r for r in test if r[0] == held]
        if left_out:
            by_others += score(fit([r for r in rows if r[0] != held]), left_out)[1]
    print("spent held-out splits (%s), each left out:" % ", ".join(SPENT))
    print("  rules %.3f  model trained on every other split %.3f  (on the development splits alone %.3f)  (%d)"
          % (by_rule / len(test), by_others / len(test), by_development / len(test), len(test)))


# ---------------------------------------------------------------- candidate scorers

C = 1.0
MINIMUM_WEIGHT = 0.01


def fit_candidates(groups):
    """A logistic regression over candidates: `groups` is a list of (candidates, right) where
    candidates are (key, [features]) and right the set of keys that are the gold answer; a
    group with no right candidate teaches nothing and is left out. Weights under MINIMUM_WEIGHT
    are dropped (so what is measured is what is shipped)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    x, y = [], []
    for cands, right in groups:
        if not right:
            continue
        for key, f in cands:
            x.append(dict.fromkeys(f, 1))
            y.append(int(key in right))
    vectors = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(vectors.fit_transform(x), y)
    model.coef_[:, abs(model.coef_[0]) < MINIMUM_WEIGHT] = 0
    return vectors, model


def choose(fitted, cands):
    """The key of the best-scoring candidate (the first of equal scores)."""
    import numpy
    vectors, model = fitted
    scores = model.decision_function(vectors.transform([dict.fromkeys(f, 1) for _, f in cands]))
    return cands[int(numpy.argmax(scores))][0]


def render_candidates(fitted, header):
    """The resource of a candidate scorer (`LinearScorer` in Swift reads it)."""
    vectors, model = fitted
    lines = header + ["intercept\t%.4f" % model.intercept_[0]]
    names = vectors.get_feature_names_out()
    for j in sorted(range(len(names)), key=lambda j: names[j]):
        if model.coef_[0][j] != 0:
            lines.append("%s\t%.4f" % (names[j], model.coef_[0][j]))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- command line

def main(doc, output, selftest, measure, render):
    """The trainers' command line: rewrite the resource at `output` (default), `--check` it,
    `--measure` the model against the rules, or run the `--selftest`."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=None, help="backchannel binary (default: .build/release/backchannel)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the resource differs from a fresh training")
    ap.add_argument("--measure", action="store_true", help="measure the model against the rules")
    ap.add_argument("--selftest", action="store_true")
    args = ap.parse_args()
    if args.selftest:
        selftest()
        return
    binary = ce.find_binary(args.binary)
    if args.measure:
        measure(binary)
        return
    text = render(binary)
    name = os.path.basename(output)
    if args.check:
        with open(output, encoding="utf-8") as f:
            same = f.read() == text
        print("%s is %s" % (name, "up to date" if same else "out of date"))
        sys.exit(0 if same else 1)
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d lines)" % (output, text.count("\n")))
