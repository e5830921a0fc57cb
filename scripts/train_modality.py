#!/usr/bin/env python3
"""Trains the modality classifier shipped as Sources/BackchannelEvents/Resources/modality.tsv.

The event stage's rules give each event a modality (asserted, denied, planned, hypothetical or
reported) from a few cue words before its trigger. The model revises it: a multinomial logistic
regression (C = 1) over binary features of the event, which `ModalityModel.features` in Swift
computes the same way:

    r=<the rules' modality>   ty=<event type>   t=<the trigger's words>
    b=<w>  each of the six words before the trigger    b1=<w>, b2=<w>  the last and the one before it
    a=<w>  each of the four words after the trigger    a1=<w>  the first
    B=<w>  every word before the trigger               A=<w>  every word after it
    inquote                   the trigger is inside a quotation

Words are found as scikit-learn's default token pattern finds them (runs of two or more
letters, digits or underscores, lower-cased), in the sentence's text before the trigger, the
trigger's own text and the text after it.

Training data: the events `backchannel extract --rule-modality` finds on the articles of the
development splits (`probe_event_types.DEVELOPMENT`), each matched to a gold event of the same
type in the same sentence as `eval_events.py` matches them (type only, one to one); the label is
the gold event's modality. The spent held-out splits are not trained on: `--measure` scores them.

Output (UTF-8, tab-separated, deterministic for a given scikit-learn version):

    # comment lines
    labels <TAB> asserted <TAB> denied …
    intercept <TAB> w1 <TAB> w2 …
    <feature> <TAB> w1 <TAB> w2 …      one line per feature with a weight of |w| >= 0.1

Usage:
    pip install scikit-learn
    swift build -c release --product backchannel
    python3 scripts/train_modality.py             # rewrites the resource
    python3 scripts/train_modality.py --check     # exit 1 if the resource differs
    python3 scripts/train_modality.py --measure   # leave one split out, and the spent held-out splits
    python3 scripts/train_modality.py --selftest  # the feature names of a written example
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
OUTPUT = os.path.join(ROOT, "Sources", "BackchannelEvents", "Resources", "modality.tsv")
LABELS = ["asserted", "denied", "planned", "hypothetical", "reported"]
TOKEN = re.compile(r"(?u)\b\w\w+\b")
NEAR_BEFORE, NEAR_AFTER = 6, 4
C = 1.0
MINIMUM_WEIGHT = 0.1
# The spent held-out splits: scored by --measure with a model trained on DEVELOPMENT only.
SPENT = [s for s in corpus_splits.SPLITS if s not in DEVELOPMENT and s not in corpus_splits.HELD_OUT]


def words(text):
    return [w.lower() for w in TOKEN.findall(text)]


def features(rule, kind, before, trigger, after, in_quote):
    """The feature names of one event (the same as ModalityModel.features in Swift)."""
    before, after = words(before), words(after)
    result = ["r=" + rule, "ty=" + kind, "t=" + " ".join(words(trigger))]
    for n, w in enumerate(reversed(before[-NEAR_BEFORE:])):
        result.append("b=" + w)
        if n < 2:
            result.append("b%d=%s" % (n + 1, w))
    for n, w in enumerate(after[:NEAR_AFTER]):
        result.append("a=" + w)
        if n == 0:
            result.append("a1=" + w)
    result += ["B=" + w for w in before]
    result += ["A=" + w for w in after]
    if in_quote:
        result.append("inquote")
    return result


def event_features(event, quotes):
    """Features of one event of `extract`'s output; None when its spans do not nest."""
    sentence, trigger = event.get("sentence") or {}, event.get("trigger") or {}
    try:
        s, t, u = sentence["start"], trigger["start"], trigger["end"]
        text = sentence["text"]
    except (KeyError, TypeError):
        return None
    if not (s <= t <= u <= s + len(text)):
        return None
    in_quote = any(q["start"] <= t < q["end"] for q in quotes)
    return features(event["modality"], event["type"], text[:t - s], text[t - s:u - s], text[u - s:], in_quote)


def matched_events(binary, splits, flag):
    """Runs `binary extract --format jsonl FLAG` over the articles of `splits` and yields, for
    each predicted event matched to a gold event (type only, one to one, as eval_events.py
    matches): (split, predicted event, gold event, matched with actors too, the article's output)."""
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
            yield articles[slug]["split"], pred[pi], gold[gi], with_actors.get(gi) == pi, d


def examples(binary, splits):
    """(split, features, gold modality, matched with actors) for each matched event."""
    rows = []
    for split, event, gold, with_actors, output in matched_events(binary, splits, "--rule-modality"):
        f = event_features(event, output.get("quotes") or [])
        if f is not None and gold.get("modality") in LABELS:
            rows.append((split, f, gold["modality"], with_actors))
    return rows


def fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vectors = DictVectorizer()
    x = vectors.fit_transform([dict.fromkeys(f, 1) for _, f, _, _ in rows])
    model = LogisticRegression(C=C, max_iter=5000).fit(x, [label for _, _, label, _ in rows])
    # Features whose every weight is small are left out of the resource, and so of what is measured.
    model.coef_[:, abs(model.coef_).max(axis=0) < MINIMUM_WEIGHT] = 0
    return vectors, model


def predict(vectors, model, rows):
    return list(model.predict(vectors.transform([dict.fromkeys(f, 1) for _, f, _, _ in rows])))


def rule(f):
    return f[0][2:]


def measure(binary):
    """Modality right among the type + actors matches (what eval_events.py reports): the rules
    against the model, leaving one development split out at a time, then on the spent held-out
    splits with a model trained on all development splits."""
    rows = examples(binary, DEVELOPMENT + SPENT)
    dev = [r for r in rows if r[0] in DEVELOPMENT]
    total = collections.Counter()
    print("leave one development split out (modality right among type + actors matches):")
    for held in DEVELOPMENT:
        test = [r for r in dev if r[0] == held and r[3]]
        if not test:
            continue
        vectors, model = fit([r for r in dev if r[0] != held])
        got = predict(vectors, model, test)
        by_rule = sum(rule(f) == label for _, f, label, _ in test)
        by_model = sum(g == label for g, (_, _, label, _) in zip(got, test))
        total.update(rules=by_rule, model=by_model, n=len(test))
        print("  %-8s rules %.3f  model %.3f  (%d)" % (held, by_rule / len(test), by_model / len(test), len(test)))
    print("  all      rules %.3f  model %.3f  (%d)" % (total["rules"] / total["n"], total["model"] / total["n"], total["n"]))
    vectors, model = fit(dev)
    test = [r for r in rows if r[0] in SPENT and r[3]]
    got = predict(vectors, model, test)
    by_rule = sum(rule(f) == label for _, f, label, _ in test)
    by_model = sum(g == label for g, (_, _, label, _) in zip(got, test))
    print("spent held-out splits (%s), trained on the development splits:" % ", ".join(SPENT))
    print("  rules %.3f  model %.3f  (%d)" % (by_rule / len(test), by_model / len(test), len(test)))


def render(binary):
    rows = examples(binary, DEVELOPMENT)
    vectors, model = fit(rows)
    classes = list(model.classes_)
    order = [classes.index(label) for label in LABELS if label in classes]
    lines = ["# Backchannel modality model: multinomial logistic regression (C = %g) over %d events of the" % (C, len(rows)),
             "# development splits (scripts/train_modality.py). Features: see ModalityModel.swift.",
             "labels\t" + "\t".join(classes[k] for k in order),
             "intercept\t" + "\t".join("%.4f" % model.intercept_[k] for k in order)]
    names = vectors.get_feature_names_out()
    for j in sorted(range(len(names)), key=lambda j: names[j]):
        column = [model.coef_[k][j] for k in order]
        if any(w != 0 for w in column):
            lines.append(names[j] + "\t" + "\t".join("%.4f" % w for w in column))
    return "\n".join(lines) + "\n"


def selftest():
    # The same example and names as ModalityModelTests in Swift.
    got = features("asserted", "CONSULT", "Officials said the two envoys are expected to ", "meet",
                   " in Doha, according to a diplomat.", False)
    want = ["r=asserted", "ty=CONSULT", "t=meet",
            "b=to", "b1=to", "b=expected", "b2=expected", "b=are", "b=envoys", "b=two", "b=the",
            "a=in", "a1=in", "a=doha", "a=according", "a=to",
            "B=officials", "B=said", "B=the", "B=two", "B=envoys", "B=are", "B=expected", "B=to",
            "A=in", "A=doha", "A=according", "A=to", "A=diplomat"]
    assert got == want, got
    assert features("reported", "FIGHT", "", "Struck", "", True) == ["r=reported", "ty=FIGHT", "t=struck", "inquote"]
    print("selftest ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            same = f.read() == text
        print("modality.tsv is %s" % ("up to date" if same else "out of date"))
        sys.exit(0 if same else 1)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d lines)" % (OUTPUT, text.count("\n")))


if __name__ == "__main__":
    main()
