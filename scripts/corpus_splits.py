"""The corpus's article splits, in one place for the scripts that check, render and score it.

``beyond`` is the held-out split (the fourteenth, written in the fourteenth session after ``later``
was scored once at 7153812): score it once, at the end of a piece of work. ``onward``, the
fifteenth, was written in the fifteenth session by a helper in a separate clone and is held out
too, until the lead engineer has scored ``beyond``. ``later``, the
thirteenth, was scored once at 7153812 in the fourteenth session and is spent. ``--split all`` in
the scoring scripts leaves the splits of ``HELD_OUT`` out. Every other split is development data;
"Splits" in Corpus/README.md tells when each was written, scored and spent. Adding a split means
adding it here (and, for training data, to ``DEVELOPMENT`` in probe_event_types.py).
"""

SPLITS = ("dev", "test", "final", "holdout", "sealed", "vault", "reserve", "safe", "locked", "unseen",
          "train", "train2", "train3", "train4", "train5", "train6", "train7", "train8", "blind", "hidden", "fresh", "ahead",
          "later", "beyond", "onward")
HELD_OUT = ("beyond", "onward")
