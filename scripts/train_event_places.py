#!/usr/bin/env python3
"""Trains the event-place chooser shipped as Sources/BackchannelEvents/Resources/event-places.tsv.

The event stage's rules place an event at a place its sentence names after "in", "at" or
"near". The model revises the choice: for each event it scores the candidates — no place, each
place (GPE, LOC or FAC entity) with a mention in the sentence, and the rules' place when it is
none of those — and the best is the event's place. The score is a logistic regression (C = 1)
over binary features of each candidate, which `EventPlaceModel.candidates` in Swift computes
the same way:

    no place    k=none  ty=<type>  rule_none (when the rules gave no place)
    a place     k=ent  et=<entity type>  side=before|after the trigger  dist=<bucket of the words
                between them>  sd=<side>_<bucket>  m_ty=<type>  w1=, w2= the two words before the
                place  a1= the word after it  bw= each of the first eight words between the place
                and the trigger  is_actor (an actor or target of the event); read at the place's
                mention nearest the trigger
    other       k=ruleonly (the rules' place, not one the sentence names)
    is_rule     on the candidate the rules chose

Words are found as scikit-learn's default token pattern finds them, lower-cased (`event_models.words`;
see train_modality.py). Training data, fitting and output are those of train_event_dates.py: the
events `backchannel extract --rule-places` finds on the articles of every split but the held-out one, matched to
gold events (type only); the label of a candidate is whether it is the gold place (an entity
whose name or mention matches it as eval_events.py matches places, or no place for none).

Usage:
    pip install scikit-learn
    swift build -c release --product backchannel
    python3 scripts/train_event_places.py             # rewrites the resource
    python3 scripts/train_event_places.py --check     # exit 1 if the resource differs
    python3 scripts/train_event_places.py --measure   # leave one split out, and the spent held-out splits
    python3 scripts/train_event_places.py --selftest  # the candidates of a written example
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_events as ev  # noqa: E402
import event_models as em  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402

OUTPUT = os.path.join(em.RESOURCES, "event-places.tsv")
PLACE_TYPES = ("GPE", "LOC", "FAC")


def candidates(event, entities, text):
    """[(entity id or None, [features])] for one event of `extract`'s output (the same as
    EventPlaceModel.candidates in Swift)."""
    s = event["sentence"]
    kind, rule = event["type"], event.get("place")
    result = [(None, ["k=none", "ty=" + kind])]
    if rule is None:
        result[0][1].append("rule_none")
    parties = set(event.get("actors") or []) | set(event.get("targets") or [])
    for e in entities:
        if e["type"] not in PLACE_TYPES:
            continue
        inside = [m for m in e["mentions"] if s["start"] <= m["start"] and m["end"] <= s["end"]]
        if not inside:
            continue
        side, distance, context = em.entity_context(inside, event, text)
        f = ["k=ent", "et=" + e["type"], "side=" + side, "dist=" + distance, "sd=%s_%s" % (side, distance), "m_ty=" + kind] + context
        if e["id"] in parties:
            f.append("is_actor")
        result.append((e["id"], f))
    if rule is not None and all(c != rule for c, _ in result):
        result.append((rule, ["k=ruleonly"]))
    for c, f in result:
        if c == rule:
            f.append("is_rule")
            break
    return result


def examples(binary, splits):
    """(split, candidates, the candidates that match the gold place, whether the rules' place
    is right, matched with actors) per matched event. A candidate matches as eval_events.py
    matches places: an entity whose name or mention matches the gold place, or no place for none."""
    rows = []
    for split, event, gold, with_actors, output, gents in em.matched_events(binary, splits, "--rule-places"):
        if not em.trigger_in_sentence(event):
            continue  # a quotation's act: Swift keeps its place too
        pents = {e["id"]: e for e in output.get("entities") or []}
        cands = candidates(event, output.get("entities") or [], output["article"]["text"])
        place = gold.get("place")

        def right(c):
            return (place is None and c is None) or (place is not None and c is not None
                                                     and ev.refs_match(place, c, gents, pents))
        rows.append((split, cands, {c for c, _ in cands if right(c)}, right(event.get("place")), with_actors))
    return rows


def fit(rows):
    return em.fit_candidates([(r[1], r[2]) for r in rows])


def measure(binary):
    em.compare(binary, examples, fit, lambda r: r[3], lambda m, r: em.choose(m, r[1]) in r[2], "place")


def render(binary):
    rows = examples(binary, em.TRAINING)
    return em.render_candidates(fit(rows), [
        "# Backchannel event-place model: logistic regression (C = %g) over the place candidates of %d events" % (em.C, len(rows)),
        "# of the development and spent splits (scripts/train_event_places.py). Features: see EventPlaceModel.swift."])


def selftest():
    # The same example as EventPlaceModelTests in Swift.
    text = "Ukraine's foreign minister met his Turkish counterpart in Ankara before flying to Brussels."
    event = {"type": "CONSULT", "sentence": {"start": 0, "end": len(text)}, "trigger": {"start": 27, "end": 30},
             "actors": ["E1"], "targets": [], "place": "E3"}
    entities = [{"id": "E1", "type": "GPE", "mentions": [{"start": 0, "end": 7}]},
                {"id": "E2", "type": "NORP", "mentions": [{"start": 35, "end": 42}]},
                {"id": "E3", "type": "GPE", "mentions": [{"start": 58, "end": 64}]},
                {"id": "E4", "type": "GPE", "mentions": [{"start": 82, "end": 90}]}]
    got = candidates(event, entities, text)
    want = [(None, ["k=none", "ty=CONSULT"]),
            ("E1", ["k=ent", "et=GPE", "side=before", "dist=2", "sd=before_2", "m_ty=CONSULT", "a1=foreign",
                    "bw=foreign", "bw=minister", "is_actor"]),
            ("E3", ["k=ent", "et=GPE", "side=after", "dist=4-7", "sd=after_4-7", "m_ty=CONSULT", "w1=in", "w2=counterpart",
                    "a1=before", "bw=his", "bw=turkish", "bw=counterpart", "bw=in", "is_rule"]),
            ("E4", ["k=ent", "et=GPE", "side=after", "dist=8-15", "sd=after_8-15", "m_ty=CONSULT", "w1=to", "w2=flying",
                    "bw=his", "bw=turkish", "bw=counterpart", "bw=in", "bw=ankara", "bw=before", "bw=flying", "bw=to"])]
    assert got == want, got
    print("selftest ok")


if __name__ == "__main__":
    em.main(__doc__, OUTPUT, selftest, measure, render)
