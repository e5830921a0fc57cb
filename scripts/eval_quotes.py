#!/usr/bin/env python3
"""Quote-level evaluation of Backchannel's quotation stage on the team's own corpus.

Gold: the ``quotes`` member of ``Corpus/gold/<slug>.json`` (see ``scripts/check_gold.py``):
``[{"text", "speaker", "cue", "kind"}]`` where ``text`` is the body text between the quotation
marks, ``speaker`` the ``name`` of an entity of the same file (or null), ``kind`` one of
``full``, ``partial``, ``scare``. Articles: ``Corpus/articles/<slug>.json``; ``--split`` picks which (default ``dev``). Which split
is held out, and how often it may be scored, is in Corpus/README.md ("Splits").

System under test. The binary is run once over all the selected pages:

    BINARY extract --format jsonl Corpus/html/<slug>.html ...

Each output line has ``source``, ``article`` (with ``text``), ``entities`` (``[{"id", "name",
…, "mentions": [{"text", …}]}]``) and ``quotes``: ``[{"id", "text", "start", "end", "speaker":
"E3" | null, "cue", "sentence": {"start", "end", "text"}}]``. Offsets are checked against
``article.text`` (warnings only). If no output line has a ``quotes`` member the stage does not
exist yet: the script says so, prints the gold counts and exits 0.

Scoring:

* Text match. Both texts are first stripped of outer white space and punctuation (Unicode
  category P*, so quotation marks, commas, full stops and dashes at either end go).
  *exact*: the stripped texts are equal. *overlap*: exact, or one contains the other and the
  shorter is at least 80% of the longer (in characters). Pairs are taken one-to-one, greedily:
  exact pairs first, then by decreasing length ratio, then in gold and prediction order.
* Scare quotes (gold ``kind == "scare"``) are left out of recall; a prediction matched to one
  is neither a true nor a false positive (it is left out of precision too).
  recall = matched gold / gold (non-scare); precision = matched predicted / (predicted minus
  those matched to scare quotes). Recall is also given per kind (full / partial).
* Speaker attribution, over the *overlap* matches whose gold speaker is not null. Correct when
  the predicted speaker entity's ``name`` or one of its mention texts equals the gold speaker
  name or one of that gold entity's ``mentions`` (compared ignoring case, runs of white
  space, curly versus straight apostrophes and a leading "the "). A null prediction, or an id
  that is not an entity of the output line, is wrong. Matched quotes whose gold speaker is
  null but which got a speaker are counted and listed separately (not in the accuracy).
* Cue agreement (information only, no target): over the overlap matches whose gold cue is not
  null, the predicted cue equals the gold cue, or one contains the other as whole words,
  ignoring case.
* Targets (from the issue): quote recall >= 0.95, speaker attribution >= 0.92; printed beside
  the figures.

Usage:
    python3 scripts/eval_quotes.py                 # dev split
    python3 scripts/eval_quotes.py --errors 10     # plus per-article errors (up to 10 of each list)
    python3 scripts/eval_quotes.py --split test    # the older held-out split (already looked at)
    python3 scripts/eval_quotes.py --split cairn  # the held-out split: once, at the end
    python3 scripts/eval_quotes.py --split wharf  # the previous held-out split (spent: scored once at 190af60)
    python3 scripts/eval_quotes.py --split vista  # spent: scored once at 05b9f2e
    python3 scripts/eval_quotes.py --split ridge  # spent: scored once at f0af0fa
    python3 scripts/eval_quotes.py --split crest  # spent: scored once at df0eafe
    python3 scripts/eval_quotes.py --split apex   # spent: scored once at c5748e5
    python3 scripts/eval_quotes.py --split further  # the previous held-out split (spent: scored once at 76dbfe6)
    python3 scripts/eval_quotes.py --split onward   # spent: scored once at d594e73
    python3 scripts/eval_quotes.py --split beyond  # the previous held-out split (spent: scored at 8cf9972)
    python3 scripts/eval_quotes.py --split later  # the previous held-out split (spent: scored at 7153812)
    python3 scripts/eval_quotes.py --split ahead  # the previous held-out split (spent: scored at 1be9ea9)
    python3 scripts/eval_quotes.py --split unseen  # the previous held-out split (spent: scored at 6233de9)
    python3 scripts/eval_quotes.py --split vault   # spent: development data
    python3 scripts/eval_quotes.py --json
    python3 scripts/eval_quotes.py --selftest

Python standard library only.
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_eval as ce  # noqa: E402  (shared corpus loading, binary run, report helpers)
from corpus_eval import ratio  # noqa: E402

KINDS = ("full", "partial", "scare")
TARGETS = {"quote_recall": 0.95, "speaker_accuracy": 0.92}
OVERLAP_MIN = 0.8


# ---------------------------------------------------------------- normalisation

def strip_outer(s):
    """Strip outer white space and punctuation (Unicode P*)."""
    s = s or ""
    i, j = 0, len(s)
    while i < j and (s[i].isspace() or unicodedata.category(s[i]).startswith("P")):
        i += 1
    while j > i and (s[j - 1].isspace() or unicodedata.category(s[j - 1]).startswith("P")):
        j -= 1
    return s[i:j]


def text_match(g, p):
    """Compare two stripped texts: 'exact', 'overlap' (with the ratio) or None."""
    if not g or not p:
        return None, 0.0
    if g == p:
        return "exact", 1.0
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    r = len(short) / len(long_)
    if short in long_ and r >= OVERLAP_MIN:
        return "overlap", r
    return None, r


def match(gold_texts, pred_texts, mode):
    """Greedy one-to-one matching of stripped texts. mode 'exact' or 'overlap'.
    Returns (g2p, p2g) dicts of indices."""
    cands = []
    for gi, g in enumerate(gold_texts):
        for pi, p in enumerate(pred_texts):
            how, r = text_match(g, p)
            if how is None or (mode == "exact" and how != "exact"):
                continue
            cands.append((0 if how == "exact" else 1, -r, gi, pi))
    return ce.one_to_one(cands)


# ---------------------------------------------------------------- scoring

def new_counts():
    c = {"gold": 0, "gold_scare": 0, "pred": 0}
    for mode in ("exact", "overlap"):
        c[mode] = {"tp_gold": 0, "tp_pred": 0, "pred_scare": 0,
                   "by_kind": {k: [0, 0] for k in ("full", "partial")}}
    c.update({"spk_total": 0, "spk_correct": 0, "spk_missing": 0, "spk_wrong": 0,
              "spk_null_gold": 0, "spk_null_gold_predicted": 0,
              "cue_total": 0, "cue_correct": 0})
    return c


def add_counts(total, c):
    for k, v in c.items():
        if isinstance(v, dict):
            for mk, mv in v.items():
                if mk == "by_kind":
                    for kind, (a, b) in mv.items():
                        total[k]["by_kind"][kind][0] += a
                        total[k]["by_kind"][kind][1] += b
                else:
                    total[k][mk] += mv
        else:
            total[k] += v


def speaker_ok(gold_speaker, gold_entities, pred_speaker, pred_entities):
    """(ok, predicted description) for one matched quote with a non-null gold speaker."""
    if pred_speaker is None:
        return False, None
    ent = next((e for e in pred_entities if e.get("id") == pred_speaker), None)
    if ent is None:
        return False, "%s (no such entity)" % pred_speaker
    ge = next((e for e in gold_entities if e.get("name") == gold_speaker), None)
    gset = ce.name_set(gold_speaker, (ge.get("mentions") or []) if ge else [])
    pset = ce.name_set(ent.get("name"), ce.mention_texts(ent))
    return bool(gset & pset), ent.get("name")


def cue_ok(gold_cue, pred_cue):
    g = " %s " % re.sub(r"\s+", " ", gold_cue.lower()).strip()
    p = " %s " % re.sub(r"\s+", " ", (pred_cue or "").lower()).strip()
    return bool(p.strip()) and (g in p or p in g)


def score_article(gold, gold_entities, pred, pred_entities):
    """gold: gold quotes; pred: predicted quote objects. Returns (counts, details)."""
    c = new_counts()
    gtexts = [strip_outer(q.get("text")) for q in gold]
    ptexts = [strip_outer(q.get("text")) for q in pred]
    c["gold"] = sum(1 for q in gold if q.get("kind") != "scare")
    c["gold_scare"] = len(gold) - c["gold"]
    c["pred"] = len(pred)
    det = {}
    for mode in ("exact", "overlap"):
        g2p, p2g = match(gtexts, ptexts, mode)
        m = c[mode]
        for gi, q in enumerate(gold):
            kind = q.get("kind")
            if kind == "scare":
                continue
            bk = m["by_kind"].setdefault(kind, [0, 0])
            bk[1] += 1
            if gi in g2p:
                m["tp_gold"] += 1
                bk[0] += 1
        for pi, gi in p2g.items():
            if gold[gi].get("kind") == "scare":
                m["pred_scare"] += 1
            else:
                m["tp_pred"] += 1
        if mode == "exact":
            continue
        det["missed"] = [gold[gi]["text"] for gi in range(len(gold))
                         if gi not in g2p and gold[gi].get("kind") != "scare"]
        det["spurious"] = [pred[pi].get("text") for pi in range(len(pred)) if pi not in p2g]
        det["overlap_only"] = []
        det["speaker_errors"] = []
        det["speaker_on_null_gold"] = []
        det["cue_errors"] = []
        for gi, pi in sorted(g2p.items()):
            g, p = gold[gi], pred[pi]
            if gtexts[gi] != ptexts[pi]:
                det["overlap_only"].append({"gold": g["text"], "pred": p.get("text")})
            if g.get("speaker") is None:
                c["spk_null_gold"] += 1
                if p.get("speaker") is not None:
                    c["spk_null_gold_predicted"] += 1
                    _, desc = speaker_ok("", [], p.get("speaker"), pred_entities)
                    det["speaker_on_null_gold"].append({"text": g["text"], "pred": desc})
            else:
                c["spk_total"] += 1
                ok, desc = speaker_ok(g["speaker"], gold_entities, p.get("speaker"), pred_entities)
                if ok:
                    c["spk_correct"] += 1
                else:
                    c["spk_missing" if p.get("speaker") is None else "spk_wrong"] += 1
                    det["speaker_errors"].append({"text": g["text"], "gold": g["speaker"], "pred": desc})
            if g.get("cue"):
                c["cue_total"] += 1
                if cue_ok(g["cue"], p.get("cue")):
                    c["cue_correct"] += 1
                else:
                    det["cue_errors"].append({"text": g["text"], "gold": g["cue"], "pred": p.get("cue")})
    return c, det


# ---------------------------------------------------------------- offsets

def check_offsets(slug, text, quotes, warn):
    bad_q = bad_s = 0
    for q in quotes:
        s, e = q.get("start"), q.get("end")
        if not ce.span_ok(text, s, e, q.get("text")):
            bad_q += 1
        sent = q.get("sentence")
        if isinstance(sent, dict):
            ss, se = sent.get("start"), sent.get("end")
            if not ce.span_ok(text, ss, se, sent.get("text")):
                bad_s += 1
    if bad_q:
        warn("%s: %d quote offset(s) do not match article.text" % (slug, bad_q))
    if bad_s:
        warn("%s: %d quote sentence offset(s) do not match article.text" % (slug, bad_s))


# ---------------------------------------------------------------- report

def summarize(t):
    s = {}
    for mode in ("exact", "overlap"):
        m = t[mode]
        s[mode] = {
            "quote_recall": ratio(m["tp_gold"], t["gold"]),
            "quote_precision": ratio(m["tp_pred"], t["pred"] - m["pred_scare"]),
            "recall_by_kind": {k: ratio(a, b) for k, (a, b) in m["by_kind"].items()},
        }
        p, r = s[mode]["quote_precision"], s[mode]["quote_recall"]
        s[mode]["quote_f1"] = ce.f1(p, r)
    s["speaker_accuracy"] = ratio(t["spk_correct"], t["spk_total"])
    s["cue_agreement"] = ratio(t["cue_correct"], t["cue_total"])
    return s


def target_mark(key, value):
    return ce.target_mark(TARGETS, key, value)


def gold_counts(golds, articles):
    per = {}
    for slug, g in golds.items():
        sp = articles[slug].get("split")
        for q in g["quotes"]:
            key = (sp, q.get("kind"))
            per[key] = per.get(key, 0) + 1
    return per


def print_gold_counts(split, slugs, golds, articles):
    per = gold_counts(golds, articles)
    n_spk = sum(1 for s in slugs for q in golds[s]["quotes"] if q.get("speaker") is not None)
    total = sum(per.values())
    print("split: %s  articles: %d  gold quotes: %d  (with a speaker: %d)" % (split, len(slugs), total, n_spk))
    for sp in sorted({k[0] for k in per}):
        print("  %-5s  " % sp + "  ".join("%s %d" % (k, per.get((sp, k), 0)) for k in KINDS))


def print_report(split, slugs, golds, articles, t, s, warnings, details, n_errors):
    print_gold_counts(split, slugs, golds, articles)
    print("predicted quotes: %d" % t["pred"])
    for mode in ("exact", "overlap"):
        m, sm = t[mode], s[mode]
        print("%s matching:" % mode)
        print("  quote recall     %.3f  (%d/%d)%s" % (sm["quote_recall"], m["tp_gold"], t["gold"],
                                                     target_mark("quote_recall", sm["quote_recall"])))
        print("  quote precision  %.3f  (%d/%d; %d matched to scare quotes left out)" % (
            sm["quote_precision"], m["tp_pred"], t["pred"] - m["pred_scare"], m["pred_scare"]))
        print("  quote F1         %.3f" % sm["quote_f1"])
        print("  recall by kind   " + "  ".join("%s %.3f (%d/%d)" % (k, sm["recall_by_kind"][k], a, b)
                                                for k, (a, b) in m["by_kind"].items()))
    print("speaker attribution (overlap matches, gold speaker not null):")
    print("  accuracy         %.3f  (%d/%d; wrong entity %d, no speaker %d)%s" % (
        s["speaker_accuracy"], t["spk_correct"], t["spk_total"], t["spk_wrong"], t["spk_missing"],
        target_mark("speaker_accuracy", s["speaker_accuracy"])))
    print("  gold speaker null but a speaker predicted: %d of %d" % (
        t["spk_null_gold_predicted"], t["spk_null_gold"]))
    print("cue agreement (information only): %.3f  (%d/%d)" % (s["cue_agreement"], t["cue_correct"], t["cue_total"]))
    ce.print_warnings(warnings)
    if n_errors:
        labels = [("missed", "missed gold"), ("spurious", "unmatched predicted"),
                  ("overlap_only", "overlap, not exact"), ("speaker_errors", "speaker wrong"),
                  ("speaker_on_null_gold", "speaker on a null-speaker gold quote"),
                  ("cue_errors", "cue differs")]
        ce.print_error_lists(slugs, details, labels, n_errors, 36)


# ---------------------------------------------------------------- main

def evaluate(binary, split):
    warnings = []
    warn = warnings.append
    articles, slugs, golds = ce.load(split, warn, "quotes")
    out = ce.run_binary(binary, slugs, warn)
    has_quotes = any("quotes" in d for d in out.values())
    total = new_counts()
    details = {}
    if not has_quotes:
        return articles, slugs, golds, total, warnings, details, False
    for slug in slugs:
        d, text = ce.output_for(slug, out, articles[slug], warn, member="quotes")
        if d is None:
            pred, pents = [], []
        else:
            pred = d.get("quotes") or []
            pents = d.get("entities") or []
            check_offsets(slug, text, pred, warn)
        c, det = score_article(golds[slug]["quotes"], golds[slug]["entities"], pred, pents)
        add_counts(total, c)
        details[slug] = det
    return articles, slugs, golds, total, warnings, details, True


def selftest():
    check = ce.Checks()

    check("strip", strip_outer(" “Hello, world,” "), "Hello, world")
    check("strip dash", strip_outer("— not weakness”."), "not weakness")
    check("exact", text_match("abc def", "abc def")[0], "exact")
    check("overlap 80%", text_match("abcdefgh", "abcdefghij")[0], "overlap")
    check("overlap <80%", text_match("abcdefg", "abcdefghij")[0], None)
    check("no containment", text_match("abcdefghiX", "abcdefghij")[0], None)

    gents = [{"name": "Dmitry Peskov", "mentions": ["Dmitry Peskov", "Peskov"]},
             {"name": "Kremlin", "mentions": ["Kremlin"]},
             {"name": "Marco Rubio", "mentions": ["Marco Rubio", "Rubio"]}]
    gold = [{"text": "useful", "speaker": "Dmitry Peskov", "cue": "described", "kind": "partial"},
            {"text": "It is now up to Russia", "speaker": "Marco Rubio", "cue": "told", "kind": "full"},
            {"text": "special military operation", "speaker": None, "cue": None, "kind": "scare"},
            {"text": "very good", "speaker": None, "cue": "described", "kind": "partial"},
            {"text": "We will not stop until the job is done", "speaker": "Kremlin", "cue": "said", "kind": "full"}]
    pents = [{"id": "E1", "name": "Peskov", "mentions": [{"text": "Peskov"}]},
             {"id": "E2", "name": "Rubio", "mentions": [{"text": "Secretary of State Marco Rubio"}, {"text": "Rubio"}]},
             {"id": "E3", "name": "U.S.", "mentions": [{"text": "U.S."}]}]
    pred = [{"text": "useful", "speaker": "E1", "cue": "described the talks as"},
            {"text": "It is now up to Russia,", "speaker": "E2", "cue": "told"},
            {"text": "special military operation", "speaker": None, "cue": None},
            {"text": "very good", "speaker": "E3", "cue": "described"},
            {"text": "We will not stop until the job is", "speaker": "E9", "cue": "said"},
            {"text": "something else entirely", "speaker": None, "cue": None}]
    c, det = score_article(gold, gents, pred, pents)
    check("gold non-scare", c["gold"], 4)
    check("exact tp_gold", c["exact"]["tp_gold"], 3)
    check("overlap tp_gold", c["overlap"]["tp_gold"], 4)
    check("pred matched to scare", c["overlap"]["pred_scare"], 1)
    check("overlap tp_pred", c["overlap"]["tp_pred"], 4)
    s = summarize(c)
    check("overlap precision", round(s["overlap"]["quote_precision"], 3), 0.8)   # 4 / (6 - 1)
    check("exact precision", round(s["exact"]["quote_precision"], 3), 0.6)       # 3 / (6 - 1)
    check("overlap recall", s["overlap"]["quote_recall"], 1.0)
    check("exact recall", s["exact"]["quote_recall"], 0.75)
    check("speaker total", c["spk_total"], 3)
    check("speaker correct", c["spk_correct"], 2)          # Peskov, Rubio; E9 is no entity
    check("speaker wrong", c["spk_wrong"], 1)
    check("null gold with speaker", c["spk_null_gold_predicted"], 1)
    check("cue", (c["cue_correct"], c["cue_total"]), (4, 4))
    check("missed", det["missed"], [])
    check("spurious", det["spurious"], ["something else entirely"])
    check("overlap only", len(det["overlap_only"]), 1)

    # one-to-one: two predictions of one gold quote -> one match, one spurious
    c2, det2 = score_article(gold[:1], gents, [{"text": "useful", "speaker": None}] * 2, [])
    check("one-to-one tp", (c2["overlap"]["tp_gold"], c2["overlap"]["tp_pred"], c2["pred"]), (1, 1, 2))
    check("missing speaker", c2["spk_missing"], 1)
    # exact pairs win over overlap pairs
    g3 = [{"text": "abcdefghij", "speaker": None, "cue": None, "kind": "full"},
          {"text": "abcdefghi", "speaker": None, "cue": None, "kind": "full"}]
    p3 = [{"text": "abcdefghi"}, {"text": "abcdefghij"}]
    check("exact first", match([strip_outer(q["text"]) for q in g3], [strip_outer(q["text"]) for q in p3], "overlap"),
          ({0: 1, 1: 0}, {1: 0, 0: 1}))
    # speaker via gold mentions and normalisation
    check("speaker by mention", speaker_ok("Marco Rubio", gents, "E2", pents)[0], True)
    check("speaker other", speaker_ok("Kremlin", gents, "E3", pents)[0], False)

    return check.report()


def main(argv=None):
    args = ce.parse_args("Quote-level evaluation of Backchannel on Corpus/gold (see docstring).",
                         "per article, print up to N items of each error list", argv)
    if args.selftest:
        return selftest()
    binary = ce.find_binary(args.binary)
    articles, slugs, golds, total, warnings, details, has_quotes = evaluate(binary, args.split)
    if not has_quotes:
        msg = "the binary's output has no quotes member yet: nothing to score"
        return ce.report_no_stage(args, slugs, binary, msg, warnings,
                                  {"gold": ce.keyed_counts(gold_counts(golds, articles))},
                                  lambda: print_gold_counts(args.split, slugs, golds, articles))
    s = summarize(total)
    if args.json:
        ce.dump_results(args, slugs, binary, TARGETS, s, total, warnings, details)
    else:
        print_report(args.split, slugs, golds, articles, total, s, warnings, details, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
