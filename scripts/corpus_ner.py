#!/usr/bin/env python3
"""The team corpus's gold entities as training data for the entity tagger.

The gold of an article (``Corpus/gold/<slug>.json``) lists each entity's type and the strings
it is mentioned by, not where. This script finds every occurrence of those strings in the
article's body (its block texts joined by blank lines, the text `extract` analyses) and writes
one JSON Lines record per article in the format of the NER data in ../shared/data/ner:
``{"text", "entities": [{"start", "end", "type"}]}`` with offsets in Unicode scalars (Python's
string indices), plus ``slug`` and ``split``. ``backchannel train-ner --corpus FILE`` trains
on it beside the shared data.

Occurrences are whole words only (no letter or digit on either side); where two overlap, the
longer wins (a country inside a ministry's name is part of the ministry). A string two gold
entities of different types both claim in one article is left unlabelled there, and so is
every token no gold mention covers: the gold annotates every named entity, so those are
taught as "no name".

The held-out splits (``HELD_OUT`` in corpus_splits.py) are never read. ``--leave-out SPLIT``
leaves more splits out.

``--measure`` tells what training on the corpus is worth on text the tagger has not seen: for
each development split it trains a tagger on the shared data and the corpus without that split
(``train-ner`` of the given binary), runs ``eval_entities.py`` on the split with it, and beside
it with the binary's own tagger and with one retrained on the shared data alone; it prints each
split's entity precision, recall and role recall and the totals over all splits. The binary is
copied with its resources to a temporary folder, whose tagger is replaced for each run.

    python3 scripts/corpus_ner.py --output /tmp/corpus-ner.jsonl [--leave-out ridge]
    python3 scripts/corpus_ner.py --measure [--corpus-weight W] [--gazetteer-dropout P] [--binary .build/release/backchannel]
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from corpus_splits import HELD_OUT  # noqa: E402


def body(article):
    return "\n\n".join(block["text"] for block in article["blocks"])


def spans(text, gold):
    """Non-overlapping (start, end, type) spans of the gold mentions in `text`."""
    types = {}
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            types.setdefault(mention, set()).add(entity["type"])
    found = []
    for mention, kinds in types.items():
        if len(kinds) != 1 or not mention.strip():
            continue
        kind = next(iter(kinds))
        for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text):
            found.append((m.start(), m.end(), kind))
    # Longest first, then leftmost; a span overlapping one already taken is dropped.
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken = []
    for start, end, kind in found:
        if all(end <= a or start >= b for a, b, _ in taken):
            taken.append((start, end, kind))
    return sorted(taken)


def records(leave_out=()):
    for path in sorted((REPO / "Corpus" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        split = article.get("split")
        if split in HELD_OUT or split in leave_out:
            continue
        gold = json.loads((REPO / "Corpus" / "gold" / path.name).read_text(encoding="utf-8"))
        text = body(article)
        entities = [{"start": a, "end": b, "type": t} for a, b, t in spans(text, gold)]
        yield {"slug": article["slug"], "split": split, "text": text, "entities": entities}


def write(path, leave_out=()):
    articles = mentions = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records(set(leave_out)):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            articles += 1
            mentions += len(record["entities"])
    return articles, mentions


COUNTS = ("pred", "gold", "tp_pred", "tp_gold", "role_gold", "role_found")


def scores(counts):
    return (counts["tp_pred"] / max(counts["pred"], 1), counts["tp_gold"] / max(counts["gold"], 1),
            counts["role_found"] / max(counts["role_gold"], 1))


def measure(binary, weight=None, dropout=None):
    splits = sorted({json.loads(p.read_text(encoding="utf-8")).get("split")
                     for p in (REPO / "Corpus" / "articles").glob("*.json")} - set(HELD_OUT))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copy = tmp / "bin"
        copy.mkdir()
        shutil.copy2(binary, copy / "backchannel")
        for resources in binary.parent.glob("*.resources"):
            shutil.copytree(resources, copy / resources.name)
        models = list(copy.glob("*Entities.resources/ner.model"))
        if not models:
            sys.exit("%s: no Entities resources with ner.model beside it" % binary)
        model = models[0]

        def train(out, corpus=None):
            cmd = [str(copy / "backchannel"), "train-ner", "--data", str(REPO.parent / "shared" / "data" / "ner"),
                   "--output", str(out)] + (["--corpus", str(corpus)] if corpus else [])
            if corpus and weight is not None:
                cmd += ["--corpus-weight", str(weight)]
            if corpus and dropout is not None:
                cmd += ["--corpus-gazetteer-dropout", str(dropout)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)

        def evaluate(split, tagger):
            shutil.copy2(tagger, model)
            out = subprocess.run([sys.executable, str(REPO / "scripts" / "eval_entities.py"), "--binary",
                                  str(copy / "backchannel"), "--split", split, "--json"],
                                 check=True, capture_output=True, text=True, cwd=REPO).stdout
            return json.loads(out)["counts"]

        shipped = tmp / "shipped.model"
        shutil.copy2(model, shipped)
        shared = tmp / "shared.model"
        train(shared)
        kinds = ("shipped", "shared only", "with corpus")
        totals = {kind: dict.fromkeys(COUNTS, 0) for kind in kinds}
        print("%-8s %s" % ("split", "   ".join("%-20s" % k for k in kinds)))
        for split in splits:
            corpus = tmp / "corpus.jsonl"
            write(corpus, leave_out=(split,))
            trained = tmp / "corpus.model"
            train(trained, corpus)
            row = []
            for kind, tagger in zip(kinds, (shipped, shared, trained)):
                counts = evaluate(split, tagger)
                for key in COUNTS:
                    totals[kind][key] += counts[key]
                row.append("%.3f %.3f %.3f" % scores(counts))
            print("%-8s %s" % (split, "   ".join("%-20s" % r for r in row)), flush=True)
        print("%-8s %s" % ("all", "   ".join("%-20s" % ("%.3f %.3f %.3f" % scores(totals[k])) for k in kinds)))
        print("(entity precision, entity recall, role recall; each split scored with a tagger that never saw it)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", type=Path, help="the JSON Lines file to write")
    ap.add_argument("--leave-out", action="append", default=[], metavar="SPLIT",
                    help="a split not to write (repeatable); the held-out splits are never written")
    ap.add_argument("--measure", action="store_true", help="score each split with a tagger trained without it")
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "backchannel")
    ap.add_argument("--corpus-weight", type=float, help="train-ner's --corpus-weight for --measure")
    ap.add_argument("--gazetteer-dropout", type=float, help="train-ner's --corpus-gazetteer-dropout for --measure")
    args = ap.parse_args()
    if args.measure:
        if not (REPO.parent / "shared" / "data" / "ner").is_dir():
            sys.exit("../shared/data/ner is not here: the tagger's shared training data is needed to measure")
        measure(args.binary, args.corpus_weight, args.gazetteer_dropout)
        return
    if not args.output:
        ap.error("--output or --measure is needed")
    articles, mentions = write(args.output, args.leave_out)
    print("%s: %d articles, %d mentions" % (args.output, articles, mentions))


if __name__ == "__main__":
    main()
