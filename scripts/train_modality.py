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

Training data: the events `backchannel extract --rule-modality` finds on the articles of every
split but the held-out one (`event_models.TRAINING`: the development splits and, since the
twenty-fifth session, the spent held-out splits), each matched to a gold event of the same type
in the same sentence as `eval_events.py` matches them (type only, one to one); the label is the
gold event's modality. `--measure` leaves each split out in turn.

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

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import event_models as em  # noqa: E402
from event_models import words  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402

OUTPUT = os.path.join(em.RESOURCES, "modality.tsv")
LABELS = ["asserted", "denied", "planned", "hypothetical", "reported"]
NEAR_BEFORE, NEAR_AFTER = 6, 4
C = 1.0
MINIMUM_WEIGHT = 0.1


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
    """Features of one event of `extract`'s output; None for a quotation's act (its trigger is
    not in its sentence), which keeps the rules' modality."""
    if not em.trigger_in_sentence(event):
        return None
    s, t = event["sentence"], event["trigger"]
    text, start, a, b = s["text"], s["start"], t["start"], t["end"]
    in_quote = any(q["start"] <= a < q["end"] for q in quotes)
    return features(event["modality"], event["type"], text[:a - start], text[a - start:b - start], text[b - start:], in_quote)


def examples(binary, splits):
    """(split, features, gold modality, matched with actors) for each matched event."""
    rows = []
    for split, event, gold, with_actors, output, _ in em.matched_events(binary, splits, "--rule-modality"):
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


def predicted(fitted, row):
    vectors, model = fitted
    return model.predict(vectors.transform([dict.fromkeys(row[1], 1)]))[0]


def measure(binary):
    em.compare(binary, examples, fit, lambda r: r[1][0][2:] == r[2], lambda m, r: predicted(m, r) == r[2], "modality")


def render(binary):
    rows = examples(binary, em.TRAINING)
    vectors, model = fit(rows)
    classes = list(model.classes_)
    order = [classes.index(label) for label in LABELS if label in classes]
    lines = ["# Backchannel modality model: multinomial logistic regression (C = %g) over %d events of the" % (C, len(rows)),
             "# development and spent splits (scripts/train_modality.py). Features: see ModalityModel.swift.",
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


if __name__ == "__main__":
    em.main(__doc__, OUTPUT, selftest, measure, render)
