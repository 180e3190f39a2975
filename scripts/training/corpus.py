"""RAVDESS file names, the three-class sentiment mapping and the split by actor."""

import os
import re

LABELS = ("negative", "neutral", "positive")

# RAVDESS emotion code -> sentiment (see the dataset README and models/README.md).
EMOTION_TO_SENTIMENT = {
    1: "neutral", 2: "neutral",
    3: "positive", 8: "positive",
    4: "negative", 5: "negative", 6: "negative", 7: "negative",
}

TRAIN_ACTORS = tuple(range(1, 19))
VALIDATION_ACTORS = (19, 20)
TEST_ACTORS = (21, 22, 23, 24)

_NAME = re.compile(r"^03-01-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)\.wav$")


class Clip:
    """One labelled recording: of RAVDESS (actor 1-24, emotion code 1-8, the label follows from
    it) or of a manifest's corpus (speaker id and emotion as the manifest names them, and its label)."""

    __slots__ = ("path", "actor", "emotion", "label", "corpus")

    def __init__(self, path, actor, emotion, label=None, corpus="ravdess"):
        self.path = path
        self.actor = actor
        self.emotion = emotion
        self.label = EMOTION_TO_SENTIMENT[emotion] if label is None else label
        self.corpus = corpus

    @property
    def label_index(self):
        return LABELS.index(self.label)


def scan(root):
    """Every speech clip under root (Actor_XX/03-01-EE-II-SS-RR-AA.wav), sorted by path."""
    if not os.path.isdir(root):
        raise SystemExit(f"error: data folder {root} does not exist; pass --data with the RAVDESS speech folder")
    clips = []
    for folder in sorted(os.listdir(root)):
        sub = os.path.join(root, folder)
        if not (folder.startswith("Actor_") and os.path.isdir(sub)):
            continue
        for name in sorted(os.listdir(sub)):
            match = _NAME.match(name)
            if match is None:
                continue
            emotion, actor = int(match.group(1)), int(match.group(5))
            if emotion in EMOTION_TO_SENTIMENT:
                clips.append(Clip(os.path.join(sub, name), actor, emotion))
    if not clips:
        raise SystemExit(
            f"error: no RAVDESS speech clips (Actor_XX/03-01-EE-II-SS-RR-AA.wav) found under {root}; "
            "pass --data with the RAVDESS speech folder")
    return clips


def split(clips):
    """(train, validation, test) by actor: 01-18, 19-20, 21-24."""
    train = [c for c in clips if c.actor in TRAIN_ACTORS]
    validation = [c for c in clips if c.actor in VALIDATION_ACTORS]
    test = [c for c in clips if c.actor in TEST_ACTORS]
    return train, validation, test
