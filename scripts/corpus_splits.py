"""The corpus's article splits, in one place for the scripts that check, render and score it.

``ahead`` is the held-out split (the twelfth, written on 2026-11-27 before ``fresh`` was scored
once at 98d8f1a): score it once, at the end of a piece of work. ``--split all`` in the scoring
scripts leaves the splits of ``HELD_OUT`` out. Every other split is development data;
"Splits" in Corpus/README.md tells when each was written, scored and spent. Adding a split means
adding it here (and, for training data, to ``DEVELOPMENT`` in probe_event_types.py).
"""

SPLITS = ("dev", "test", "final", "holdout", "sealed", "vault", "reserve", "safe", "locked", "unseen",
          "train", "train2", "train3", "train4", "train5", "train6", "train7", "train8", "blind", "hidden", "fresh", "ahead")
HELD_OUT = ("ahead",)
