"""The corpus's article splits, in one place for the scripts that check, render and score it.

``cairn`` is the held-out split (the twenty-fifth, written in the twenty-fifth session by a
helper in a separate clone): score it once, at the end of a piece of work. ``quarry``, the
twenty-fourth, was scored once at 490c86d in the twenty-fifth session and is spent, as are
``wharf`` (190af60, twenty-fourth session), ``vista`` (05b9f2e, twenty-third session), ``ridge`` (f0af0fa, twenty-second session), ``crest`` (df0eafe, twenty-first session), ``apex``
(c5748e5, twentieth session), ``zenith`` (db04c10,
nineteenth session), ``yonder`` (30fd0dd,
eighteenth session), ``further`` (76dbfe6, seventeenth), ``onward`` (d594e73, sixteenth),
``beyond`` (8cf9972, fifteenth) and ``later`` (7153812, fourteenth). ``--split all`` in
the scoring scripts leaves the splits of ``HELD_OUT`` out. Every other split is development data;
"Splits" in Corpus/README.md tells when each was written, scored and spent. Adding a split means
adding it here; the event stage's models train on every split but the held-out one
(``TRAINING`` in event_models.py).
"""

SPLITS = ("dev", "test", "final", "holdout", "sealed", "vault", "reserve", "safe", "locked", "unseen",
          "train", "train2", "train3", "train4", "train5", "train6", "train7", "train8", "blind", "hidden", "fresh", "ahead",
          "later", "beyond", "onward", "further", "yonder", "zenith", "apex", "crest", "ridge", "vista", "wharf", "quarry", "cairn")
HELD_OUT = ("cairn",)
