"""The corpus's article splits, in one place for the scripts that check, render and score it.

``further`` is the held-out split (the sixteenth, written in the sixteenth session by a helper in a
separate clone): score it once, at the end of a piece of work. ``yonder``, the seventeenth, was written
by a helper in another separate clone and is in ``SPLITS`` but not yet in ``HELD_OUT``: nobody has
run Backchannel on it, and it is to replace ``further`` once that is scored (until ``HELD_OUT`` is
switched, ``--split all`` takes ``yonder`` in). ``onward``, the fifteenth, was scored
once at d594e73 in the sixteenth session and is spent. ``beyond``, the fourteenth, was scored once at 8cf9972
in the fifteenth session, and ``later``, the thirteenth, once at 7153812 in the fourteenth: both
are spent. ``--split all`` in
the scoring scripts leaves the splits of ``HELD_OUT`` out. Every other split is development data;
"Splits" in Corpus/README.md tells when each was written, scored and spent. Adding a split means
adding it here (and, for training data, to ``DEVELOPMENT`` in probe_event_types.py).
"""

SPLITS = ("dev", "test", "final", "holdout", "sealed", "vault", "reserve", "safe", "locked", "unseen",
          "train", "train2", "train3", "train4", "train5", "train6", "train7", "train8", "blind", "hidden", "fresh", "ahead",
          "later", "beyond", "onward", "further", "yonder")
HELD_OUT = ("further",)
