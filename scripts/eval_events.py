#!/usr/bin/env python3
"""Event-level evaluation of Backchannel's event stage on the team's own corpus.

Gold: the ``events`` member of ``Corpus/gold/<slug>.json`` (see ``scripts/check_gold.py`` and
"Gold events" in ``Corpus/README.md``): ``[{"type", "mode", "actors", "targets", "place", "date",
"modality", "sentence", "position"?, "casualties"?, "amounts"?}]`` where actors / targets / place
are entity ``name``s of the same file and ``date`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or null.
``--split`` picks the articles (default ``dev``). Which split is held out, and how often it
may be scored, is in Corpus/README.md ("Splits").

System under test. The binary is run once over all the selected pages:

    BINARY extract --format jsonl Corpus/html/<slug>.html ...

Each output line has ``source``, ``article`` (with ``text``), ``entities`` (``[{"id", "name", …,
"mentions": [{"text", …}]}]``) and ``events``: ``[{"id", "type", "mode", "modality", "actors":
[entity ids], "targets": [entity ids], "place": entity id | null, "date": {"value",
"granularity"} | null, "amounts", "casualties", "position", "sentence": {"start", "end", "text"},
"confidence", "trigger": {"start", "end", "text"}}]``. Sentence and trigger offsets are checked
against ``article.text`` (warnings only). If no output line has a non-empty ``events`` list the
stage does not exist yet: the script says so, prints the gold counts and exits 0.

Matching (per article, greedy and one-to-one):

* Sentences are compared after collapsing runs of white space: they match when equal or when
  one contains the other.
* An entity reference matches a gold name when the predicted entity's ``name`` or any of its
  mention texts equals the gold name or any of the gold entity's ``mentions`` (ignoring case,
  runs of white space, curly versus straight apostrophes and a leading "the ").
* *type + actors*: same type, matching sentences, and the actor sets intersect (some predicted
  actor matches some gold actor). A gold event with no actors needs no actor match.
* *type only*: same type and matching sentences.
* Candidate pairs are taken best first: equal sentences before containment, then more matched
  actors, then gold and prediction order.

Figures, over the *type + actors* matches:

* targets right: the predicted targets map one-to-one onto the gold targets (both may be empty);
* place right: both null, or the predicted place entity matches the gold place;
* date right: both null, or the predicted ``date.value`` equals the gold date;
* modality right, mode right (null equals null);
* positions, where the gold event has one: stance right, holder right (the predicted holder is
  an entity id, or a name, that matches the gold holder), and how close the predicted issue is to
  the gold issue: the F1 of their content words (lower case, a short stop list left out, a
  plural "s", an "ing" or "ed" ending and then a final "e" cut), averaged over the gold positions (a missing
  predicted position scores 0), and the share of gold positions whose issue scores 0.5 or more.

Targets (from the issue), printed beside the figures: precision and recall on type + actors
>= 0.80; place right and date right >= 0.80 of the matched events; modality right >= 0.90.

Usage:
    python3 scripts/eval_events.py                 # dev split
    python3 scripts/eval_events.py --errors 10     # plus per-article errors (up to 10 of each list)
    python3 scripts/eval_events.py --split test    # the older held-out split (already looked at)
    python3 scripts/eval_events.py --split cairn  # the held-out split: once, at the end
    python3 scripts/eval_events.py --split wharf  # the previous held-out split (spent: scored once at 190af60)
    python3 scripts/eval_events.py --split vista  # spent: scored once at 05b9f2e
    python3 scripts/eval_events.py --split ridge  # spent: scored once at f0af0fa
    python3 scripts/eval_events.py --split crest  # spent: scored once at df0eafe
    python3 scripts/eval_events.py --split apex   # spent: scored once at c5748e5
    python3 scripts/eval_events.py --split further  # the previous held-out split (spent: scored once at 76dbfe6)
    python3 scripts/eval_events.py --split onward   # spent: scored once at d594e73
    python3 scripts/eval_events.py --split beyond  # the previous held-out split (spent: scored at 8cf9972)
    python3 scripts/eval_events.py --split later  # the previous held-out split (spent: scored at 7153812)
    python3 scripts/eval_events.py --split ahead  # the previous held-out split (spent: scored at 1be9ea9)
    python3 scripts/eval_events.py --split unseen  # the previous held-out split (spent: scored at 6233de9)
    python3 scripts/eval_events.py --split vault   # spent: development data
    python3 scripts/eval_events.py --json
    python3 scripts/eval_events.py --selftest

Python standard library only.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_eval as ce  # noqa: E402  (shared corpus loading, binary run, report helpers)
from corpus_eval import ratio  # noqa: E402

MODALITIES = ("asserted", "denied", "planned", "hypothetical", "reported")
TARGETS = {"precision": 0.80, "recall": 0.80, "place_right": 0.80, "date_right": 0.80,
           "modality_right": 0.90}
ATTRS = ("targets", "place", "date", "modality", "mode")


# ---------------------------------------------------------------- normalisation

def norm_space(s):
    return re.sub(r"\s+", " ", s or "").strip()


def sentence_match(g, p):
    """0 = equal, 1 = one contains the other, None = no match (texts already normalised)."""
    if not g or not p:
        return None
    if g == p:
        return 0
    if g in p or p in g:
        return 1
    return None


def gold_name_set(name, gold_entities):
    """Normalised gold *name* and the mentions of every gold entity of that name."""
    return ce.name_set(name, [m for e in gold_entities if e.get("name") == name
                              for m in e.get("mentions") or []])


def pred_name_set(ref, pents):
    """Names of a predicted entity reference: an id of pents, or (fallback) a plain name."""
    if ref is None:
        return set()
    e = pents.get(ref) if isinstance(ref, str) else None
    if e is None:
        return {ce.norm_text(ref)} if isinstance(ref, str) and ref.strip() else set()
    s = ce.name_set(e.get("name"), [m.get("text") for m in e.get("mentions") or []
                                    if isinstance(m, dict) and m.get("text")])
    s.discard("")
    return s


def ref_label(ref, pents):
    e = pents.get(ref) if isinstance(ref, str) else None
    return e.get("name") if e else ref


def refs_match(gold_name, ref, gents, pents):
    return bool(gold_name_set(gold_name, gents) & pred_name_set(ref, pents))


def actor_overlap(gold_actors, pred_actors, gents, pents):
    """Number of gold actors matched by some predicted actor."""
    return sum(1 for g in gold_actors if any(refs_match(g, p, gents, pents) for p in pred_actors))


def targets_equal(gold_targets, pred_targets, gents, pents):
    """True when the predicted targets map one-to-one onto the gold targets."""
    if len(gold_targets) != len(pred_targets):
        return False
    # small sets: bipartite matching by augmenting paths
    adj = [[j for j, p in enumerate(pred_targets) if refs_match(g, p, gents, pents)] for g in gold_targets]
    owner = {}

    def augment(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return all(augment(i, set()) for i in range(len(gold_targets)))


def pred_date_value(d):
    if d is None:
        return None
    if isinstance(d, dict):
        return d.get("value")
    return d if isinstance(d, str) else None


def as_list(v):
    return v if isinstance(v, list) else []


# ---------------------------------------------------------------- matching and scoring

def match(gold, pred, gents, pents, with_actors):
    """Greedy one-to-one matching. Returns (g2p, p2g)."""
    gs = [norm_space(g.get("sentence")) for g in gold]
    ps = [norm_space((p.get("sentence") or {}).get("text") if isinstance(p.get("sentence"), dict)
                     else p.get("sentence")) for p in pred]
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.get("type") != p.get("type"):
                continue
            how = sentence_match(gs[gi], ps[pi])
            if how is None:
                continue
            ov = actor_overlap(g.get("actors") or [], as_list(p.get("actors")), gents, pents)
            if with_actors and g.get("actors") and ov == 0:
                continue
            cands.append((how, -ov, gi, pi))
    return ce.one_to_one(cands)


def new_counts():
    c = {"gold": 0, "pred": 0, "tp_actors": 0, "tp_type": 0,
         "by_type": {}, "by_modality": {}}
    for a in ATTRS:
        c[a] = [0, 0]          # right, total
    c["stance"] = [0, 0]
    c["holder"] = [0, 0]
    c["issue_f1"] = [0.0, 0]       # sum of per-position F1, gold positions
    c["issue_close"] = [0, 0]      # positions with issue F1 >= 0.5
    return c


ISSUE_STOP = frozenset("""a an the of to on in for and or with by from at as into over about its his her
their our your my this that these those which who whom be is are was were been being it they he she
we any all some no not than then there what when where while would will shall should can could may
might must do does did has have had""".split())


def issue_words(issue):
    """The content words of an issue phrase, lower-cased and lightly stemmed."""
    words = set()
    for w in re.findall(r"[a-z0-9]+", (issue or "").lower().replace("’", "'").replace("'s", "")):
        if w in ISSUE_STOP:
            continue
        for suffix in ("ing", "ed", "s"):
            if len(w) > len(suffix) + 2 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        if len(w) > 3 and w.endswith("e"):     # "move", "moving" and "moved" alike
            w = w[:-1]
        words.add(w)
    return words


def issue_f1(gold_issue, pred_issue):
    g, p = issue_words(gold_issue), issue_words(pred_issue)
    common = len(g & p)
    if not common:
        return 0.0
    return 2.0 * common / (len(g) + len(p))


def add_counts(total, c):
    for k, v in c.items():
        if isinstance(v, list):
            total[k][0] += v[0]
            total[k][1] += v[1]
        elif isinstance(v, dict):
            for kk, (a, b, n) in v.items():
                t = total[k].setdefault(kk, [0, 0, 0])
                t[0] += a
                t[1] += b
                t[2] += n
        else:
            total[k] += v


def describe_pred(p, pents):
    sent = p.get("sentence")
    text = sent.get("text") if isinstance(sent, dict) else sent
    return {"type": p.get("type"), "actors": [ref_label(r, pents) for r in as_list(p.get("actors"))],
            "targets": [ref_label(r, pents) for r in as_list(p.get("targets"))],
            "sentence": norm_space(text)[:160]}


def describe_gold(g):
    return {"type": g.get("type"), "actors": g.get("actors"), "targets": g.get("targets"),
            "sentence": g.get("sentence", "")[:160]}


def score_article(gold, gents, pred, pents_list):
    """gold: gold events; pred: predicted events; pents_list: predicted entities.
    Returns (counts, details)."""
    pents = {e.get("id"): e for e in pents_list or [] if isinstance(e, dict)}
    c = new_counts()
    c["gold"] = len(gold)
    c["pred"] = len(pred)
    g2p, p2g = match(gold, pred, gents, pents, True)
    t2p, tp2g = match(gold, pred, gents, pents, False)
    c["tp_actors"] = len(g2p)
    c["tp_type"] = len(t2p)
    for gi, g in enumerate(gold):
        bt = c["by_type"].setdefault(g.get("type"), [0, 0, 0])   # found, gold, predicted
        bt[1] += 1
        if gi in g2p:
            bt[0] += 1
        bm = c["by_modality"].setdefault(g.get("modality"), [0, 0, 0])  # modality right, found, gold
        bm[2] += 1
    for p in pred:
        c["by_type"].setdefault(p.get("type"), [0, 0, 0])[2] += 1
    det = {"missed": [describe_gold(gold[gi]) for gi in range(len(gold)) if gi not in g2p],
           "spurious": [describe_pred(pred[pi], pents) for pi in range(len(pred)) if pi not in p2g],
           "attribute_errors": []}
    for gi, pi in sorted(g2p.items()):
        g, p = gold[gi], pred[pi]
        wrong = {}
        ok = targets_equal(g.get("targets") or [], as_list(p.get("targets")), gents, pents)
        if not ok:
            wrong["targets"] = (g.get("targets"), [ref_label(r, pents) for r in as_list(p.get("targets"))])
        res = {"targets": ok}
        gp, pp = g.get("place"), p.get("place")
        res["place"] = (gp is None and pp is None) or (gp is not None and pp is not None
                                                       and refs_match(gp, pp, gents, pents))
        if not res["place"]:
            wrong["place"] = (gp, ref_label(pp, pents))
        gd, pd = g.get("date"), pred_date_value(p.get("date"))
        res["date"] = gd == pd
        if not res["date"]:
            wrong["date"] = (gd, pd)
        res["modality"] = g.get("modality") == p.get("modality")
        if not res["modality"]:
            wrong["modality"] = (g.get("modality"), p.get("modality"))
        res["mode"] = g.get("mode") == p.get("mode")
        if not res["mode"]:
            wrong["mode"] = (g.get("mode"), p.get("mode"))
        for a in ATTRS:
            c[a][1] += 1
            c[a][0] += 1 if res[a] else 0
        bm = c["by_modality"][g.get("modality")]
        bm[1] += 1
        bm[0] += 1 if res["modality"] else 0
        gpos = g.get("position")
        if gpos:
            ppos = p.get("position") if isinstance(p.get("position"), dict) else {}
            c["stance"][1] += 1
            if ppos.get("stance") == gpos.get("stance"):
                c["stance"][0] += 1
            else:
                wrong["stance"] = (gpos.get("stance"), ppos.get("stance"))
            if gpos.get("holder") is not None:
                c["holder"][1] += 1
                if ppos.get("holder") is not None and refs_match(gpos["holder"], ppos.get("holder"), gents, pents):
                    c["holder"][0] += 1
                else:
                    wrong["holder"] = (gpos.get("holder"), ref_label(ppos.get("holder"), pents))
            f = issue_f1(gpos.get("issue"), ppos.get("issue"))
            c["issue_f1"][0] += f
            c["issue_f1"][1] += 1
            c["issue_close"][1] += 1
            if f >= 0.5:
                c["issue_close"][0] += 1
            else:
                wrong["issue"] = (gpos.get("issue"), ppos.get("issue"))
        if wrong:
            det["attribute_errors"].append({"type": g.get("type"), "actors": g.get("actors"),
                                            "sentence": g.get("sentence", "")[:100],
                                            "wrong": {k: {"gold": v[0], "pred": v[1]} for k, v in wrong.items()}})
    return c, det


# ---------------------------------------------------------------- offsets

def check_offsets(slug, text, events, warn):
    bad = {"sentence": 0, "trigger": 0}
    for ev in events:
        for key in bad:
            span = ev.get(key)
            if span is None and key == "trigger":
                continue
            if not isinstance(span, dict):
                bad[key] += 1
                continue
            if not ce.span_ok(text, span.get("start"), span.get("end"), span.get("text")):
                bad[key] += 1
    for key, n in bad.items():
        if n:
            warn("%s: %d event %s offset(s) do not match article.text" % (slug, n, key))


# ---------------------------------------------------------------- report

def summarize(t):
    s = {"precision": ratio(t["tp_actors"], t["pred"]), "recall": ratio(t["tp_actors"], t["gold"]),
         "type_precision": ratio(t["tp_type"], t["pred"]), "type_recall": ratio(t["tp_type"], t["gold"])}
    for pre in ("", "type_"):
        p, r = s[pre + "precision"], s[pre + "recall"]
        s[pre + "f1"] = ce.f1(p, r)
    for a in ATTRS:
        s[a + "_right"] = ratio(*t[a])
    s["stance_right"] = ratio(*t["stance"])
    s["holder_right"] = ratio(*t["holder"])
    s["issue_f1"] = ratio(*t["issue_f1"])
    s["issue_close"] = ratio(*t["issue_close"])
    s["recall_by_type"] = {k: ratio(v[0], v[1]) for k, v in sorted(t["by_type"].items()) if v[1]}
    return s


def target_mark(key, value):
    return ce.target_mark(TARGETS, key, value)


def gold_counts(slugs, golds, articles):
    types, mods = {}, {}
    for slug in slugs:
        sp = articles[slug].get("split")
        for ev in golds[slug]["events"]:
            types[(sp, ev.get("type"))] = types.get((sp, ev.get("type")), 0) + 1
            mods[(sp, ev.get("modality"))] = mods.get((sp, ev.get("modality")), 0) + 1
    return types, mods


def print_gold_counts(split, slugs, golds, articles):
    types, mods = gold_counts(slugs, golds, articles)
    print("split: %s  articles: %d  gold events: %d" % (split, len(slugs), sum(types.values())))
    for sp in sorted({k[0] for k in types}):
        print("  %-5s  " % sp + "  ".join("%s %d" % (k[1], n) for k, n in sorted(types.items()) if k[0] == sp))
        print("         modality  " + "  ".join("%s %d" % (m, mods.get((sp, m), 0)) for m in MODALITIES))


def print_report(split, slugs, golds, articles, t, s, warnings, details, n_errors):
    print_gold_counts(split, slugs, golds, articles)
    print("predicted events: %d" % t["pred"])
    print("type + actors (same sentence):")
    print("  precision  %.3f  (%d/%d)%s" % (s["precision"], t["tp_actors"], t["pred"], target_mark("precision", s["precision"])))
    print("  recall     %.3f  (%d/%d)%s" % (s["recall"], t["tp_actors"], t["gold"], target_mark("recall", s["recall"])))
    print("  F1         %.3f" % s["f1"])
    print("type only (same sentence):")
    print("  precision  %.3f  (%d/%d)" % (s["type_precision"], t["tp_type"], t["pred"]))
    print("  recall     %.3f  (%d/%d)" % (s["type_recall"], t["tp_type"], t["gold"]))
    print("  F1         %.3f" % s["type_f1"])
    print("among the %d type + actors matches:" % t["tp_actors"])
    for a in ATTRS:
        key = a + "_right"
        print("  %-15s %.3f  (%d/%d)%s" % (a + " right", s[key], t[a][0], t[a][1], target_mark(key, s[key])))
    print("  %-15s %.3f  (%d/%d)" % ("stance right", s["stance_right"], t["stance"][0], t["stance"][1]))
    print("  %-15s %.3f  (%d/%d)" % ("holder right", s["holder_right"], t["holder"][0], t["holder"][1]))
    print("  %-15s %.3f  (mean content-word F1 over %d gold positions)" % ("issue words", s["issue_f1"], t["issue_f1"][1]))
    print("  %-15s %.3f  (%d/%d with F1 >= 0.5)" % ("issue close", s["issue_close"], t["issue_close"][0], t["issue_close"][1]))
    print("recall by type (type + actors; found/gold, predicted):")
    print("  " + "  ".join("%s %d/%d,%d" % (k, v[0], v[1], v[2]) for k, v in sorted(t["by_type"].items())))
    print("modality right by gold modality (right/found of gold):")
    print("  " + "  ".join("%s %d/%d of %d" % (k, v[0], v[1], v[2]) for k, v in sorted(t["by_modality"].items())))
    ce.print_warnings(warnings)
    if n_errors:
        labels = [("missed", "missed gold"), ("spurious", "unmatched predicted"),
                  ("attribute_errors", "attribute wrong")]
        ce.print_error_lists(slugs, details, labels, n_errors, 22)


# ---------------------------------------------------------------- main

def evaluate(binary, split):
    warnings = []
    warn = warnings.append
    articles, slugs, golds = ce.load(split, warn, "events")
    out = ce.run_binary(binary, slugs, warn)
    has_events = any(d.get("events") for d in out.values())
    total = new_counts()
    details = {}
    if not has_events:
        return articles, slugs, golds, total, warnings, details, False
    for slug in slugs:
        d, text = ce.output_for(slug, out, articles[slug], warn, member="events")
        if d is None:
            pred, pents = [], []
        else:
            pred = [e for e in d.get("events") or [] if isinstance(e, dict)]
            pents = d.get("entities") or []
            check_offsets(slug, text, pred, warn)
        c, det = score_article(golds[slug]["events"], golds[slug]["entities"], pred, pents)
        add_counts(total, c)
        details[slug] = det
    return articles, slugs, golds, total, warnings, details, True


def selftest():
    check = ce.Checks()

    S1 = "U.S. Special Envoy Steve Witkoff spent more than four hours with Russian President Vladimir Putin in St. Petersburg on Friday, April 11."
    S2 = "Kremlin spokesman Dmitry Peskov described the talks as “useful”."
    S3 = "He wrote that Russia had to start moving."
    S4 = "Fighting has continued in parts of North and South Kivu."
    gents = [{"name": "Steve Witkoff", "mentions": ["Steve Witkoff", "Witkoff"]},
             {"name": "Vladimir Putin", "mentions": ["Vladimir Putin", "Putin"]},
             {"name": "St. Petersburg", "mentions": ["St. Petersburg"]},
             {"name": "Dmitry Peskov", "mentions": ["Dmitry Peskov"]},
             {"name": "Donald Trump", "mentions": ["Donald Trump", "Trump"]},
             {"name": "Russia", "mentions": ["Russia"]},
             {"name": "Kremlin", "mentions": ["Kremlin"]}]
    gold = [
        {"type": "CONSULT", "mode": "visit", "actors": ["Steve Witkoff"], "targets": ["Vladimir Putin"],
         "place": "St. Petersburg", "date": "2025-04-11", "modality": "asserted", "sentence": S1},
        {"type": "STATEMENT", "mode": None, "actors": ["Dmitry Peskov"], "targets": [], "place": None,
         "date": None, "modality": "asserted", "sentence": S2},
        {"type": "DEMAND", "mode": None, "actors": ["Donald Trump"], "targets": ["Russia"], "place": None,
         "date": None, "modality": "asserted", "sentence": S3,
         "position": {"issue": "x", "stance": "demands", "holder": "Donald Trump", "addressee": "Russia"}},
        {"type": "FIGHT", "mode": None, "actors": [], "targets": [], "place": None, "date": None,
         "modality": "asserted", "sentence": S4},
    ]
    pents = [{"id": "E1", "name": "Witkoff", "mentions": [{"text": "Steve Witkoff"}, {"text": "Witkoff"}]},
             {"id": "E2", "name": "Putin", "mentions": [{"text": "Vladimir Putin"}]},
             {"id": "E3", "name": "St. Petersburg", "mentions": [{"text": "St. Petersburg"}]},
             {"id": "E4", "name": "Kremlin", "mentions": [{"text": "Kremlin"}]},
             {"id": "E5", "name": "Trump", "mentions": [{"text": "Trump"}]},
             {"id": "E6", "name": "Russia", "mentions": [{"text": "Russia"}]},
             {"id": "E7", "name": "Dmitry Peskov", "mentions": [{"text": "Dmitry Peskov"}]}]

    def sent(t):
        return {"start": 0, "end": len(t), "text": t}

    pred = [
        # right type, sentence contained, actor by mention, everything right; but the duplicate
        # below has the equal sentence and wins the pair, so this one ends up unmatched
        {"type": "CONSULT", "mode": "visit", "actors": ["E1"], "targets": ["E2"], "place": "E3",
         "date": {"value": "2025-04-11", "granularity": "day"}, "modality": "asserted",
         "sentence": sent(S1[:60])},
        # right type and sentence, wrong actor -> type-only match
        {"type": "STATEMENT", "mode": None, "actors": ["E4"], "targets": [], "place": None, "date": None,
         "modality": "asserted", "sentence": sent(S2)},
        # right, but modality, date and target wrong; position holder right, stance wrong
        {"type": "DEMAND", "mode": None, "actors": ["E5"], "targets": [], "place": None,
         "date": {"value": "2025-04-11", "granularity": "day"}, "modality": "reported", "sentence": sent(S3),
         "position": {"issue": "y", "stance": "offers", "holder": "E5", "addressee": None}},
        # empty gold actors: any actor is fine
        {"type": "FIGHT", "mode": None, "actors": ["E6"], "targets": [], "place": None, "date": None,
         "modality": "asserted", "sentence": sent("  Fighting has continued in parts of North and\nSouth Kivu. ")},
        # same event with the equal sentence -> matched (mode, place and date wrong)
        {"type": "CONSULT", "mode": "meeting", "actors": ["E1"], "targets": ["E2"], "place": None,
         "date": None, "modality": "asserted", "sentence": sent(S1)},
        # wrong type
        {"type": "ASSAULT", "mode": None, "actors": ["E6"], "targets": [], "place": None, "date": None,
         "modality": "asserted", "sentence": sent(S4)},
    ]
    c, det = score_article(gold, gents, pred, pents)
    check("gold", c["gold"], 4)
    check("pred", c["pred"], 6)
    check("tp type+actors", c["tp_actors"], 3)
    check("tp type only", c["tp_type"], 4)
    check("missed", [m["type"] for m in det["missed"]], ["STATEMENT"])
    check("spurious", sorted(m["type"] for m in det["spurious"]), ["ASSAULT", "CONSULT", "STATEMENT"])
    check("targets", c["targets"], [2, 3])
    check("place", c["place"], [2, 3])
    check("date", c["date"], [1, 3])
    check("modality", c["modality"], [2, 3])
    check("mode", c["mode"], [2, 3])
    check("stance", c["stance"], [0, 1])
    check("holder", c["holder"], [1, 1])
    check("issue counted", c["issue_f1"][1], 1)
    check("issue x vs y", c["issue_close"], [0, 1])
    check("issue words", sorted(issue_words("Iran's halting enrichment of uranium")), ["enrichment", "halt", "iran", "uranium"])
    check("issue stems", issue_words("moving troops") == issue_words("move troop"), True)
    check("issue f1", round(issue_f1("a 30-day ceasefire", "30-day ceasefires in the Black Sea"), 3), 0.75)
    check("issue none", issue_f1("a 30-day ceasefire", None), 0.0)
    s = summarize(c)
    check("precision", round(s["precision"], 3), 0.5)
    check("recall", s["recall"], 0.75)
    check("type recall", s["type_recall"], 1.0)
    # the better pair wins: an exact-sentence candidate over a containment one
    g2p, _ = match(gold[:1], [pred[0], pred[4]], gents, {e["id"]: e for e in pents}, True)
    check("exact sentence first", g2p, {0: 1})
    # targets: one-to-one, order-free; an extra or a missing target is wrong
    pe = {e["id"]: e for e in pents}
    check("targets equal", targets_equal(["Vladimir Putin", "Russia"], ["E6", "E2"], gents, pe), True)
    check("targets extra", targets_equal(["Vladimir Putin"], ["E2", "E6"], gents, pe), False)
    check("targets both empty", targets_equal([], [], gents, pe), True)
    # name normalisation and the plain-name fallback
    check("name fallback", refs_match("Donald Trump", "trump", gents, pe), True)
    check("no match", refs_match("Kremlin", "E6", gents, pe), False)
    check("date string", pred_date_value("2025-04"), "2025-04")
    return check.report()


def main(argv=None):
    args = ce.parse_args("Event-level evaluation of Backchannel on Corpus/gold (see docstring).",
                         "per article, print up to N items of each error list", argv)
    if args.selftest:
        return selftest()
    binary = ce.find_binary(args.binary)
    articles, slugs, golds, total, warnings, details, has_events = evaluate(binary, args.split)
    if not has_events:
        msg = "the binary's output has no events (missing or all empty): nothing to score"
        types, mods = gold_counts(slugs, golds, articles)
        return ce.report_no_stage(args, slugs, binary, msg, warnings,
                                  {"gold": ce.keyed_counts(types), "gold_modality": ce.keyed_counts(mods)},
                                  lambda: print_gold_counts(args.split, slugs, golds, articles))
    s = summarize(total)
    if args.json:
        ce.dump_results(args, slugs, binary, TARGETS, s, total, warnings, details)
    else:
        print_report(args.split, slugs, golds, articles, total, s, warnings, details, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
