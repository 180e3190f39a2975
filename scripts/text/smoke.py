"""A tiny generated corpus for `scripts/train-text --smoke`: no dataset needed, the pipeline runs end to end."""

import random

_GOOD = ["great", "wonderful", "moving", "funny", "brilliant", "warm"]
_BAD = ["boring", "awful", "dull", "wooden", "messy", "tedious"]
_PLAIN = ["the", "movie", "film", "plot", "acting", "story", "was", "is", "a", "and"]


def _sentence(rng, label):
    words = [rng.choice(_PLAIN) for _ in range(rng.randint(3, 8))]
    if label != 1:
        pool = _BAD if label == 0 else _GOOD
        for _ in range(rng.randint(1, 2)):
            words.insert(rng.randint(0, len(words)), rng.choice(pool))
    return words


def corpus(seed):
    """(train [(tokens, class, is_sentence)], dev [(tokens, class)], test [(tokens, class)])."""
    rng = random.Random(seed)
    train = []
    for i in range(300):
        label = i % 3
        words = _sentence(rng, label)
        train.append((words, label, True))
        train.append((words[:2], 1, False))
    dev = [(_sentence(rng, i % 3), i % 3) for i in range(60)]
    test = [(_sentence(rng, i % 3), i % 3) for i in range(60)]
    return train, dev, test
