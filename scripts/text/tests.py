"""Tests of the text training code that need no data: `cd scripts && python3 -m text.tests` prints
one line per test and exits 1 on a failure. The suite runs it
(tests/EdgeSentiment.Cli.Tests/Training/TrainingPythonTests.cs)."""

import sys

import numpy as np
import torch

import selftest
from .featurize import Featurizer, Settings
from .model import Batches, HashedLinear, class_spread, fit, idf_weights, predict, tfidf_values

BUCKETS = 1 << 12
TEXTS = ["a good film", "the the the plot", "", "not good , not bad", "a wonderful film"]


def featurized(texts):
    featurizer = Featurizer(Settings(BUCKETS))
    return Batches([featurizer.features(t) for t in texts])


def test_idf_is_zero_only_for_buckets_no_text_has():
    batches = featurized(TEXTS)
    idf = idf_weights(batches, BUCKETS)
    seen = np.zeros(BUCKETS, dtype=bool)
    seen[batches.ids] = True
    assert np.all(idf[~seen] == 0)
    # Every other bucket: ln((1 + n) / (1 + df)), plus 1, df counting a text once however often it
    # repeats the bucket.
    starts = np.concatenate([[0], np.cumsum(batches.lengths)])
    df = np.zeros(BUCKETS)
    for start, end in zip(starts[:-1], starts[1:]):
        df[list(set(batches.ids[start:end].tolist()))] += 1
    assert np.allclose(idf[seen], np.log((1 + len(TEXTS)) / (1 + df[seen])) + 1, atol=1e-6)


def test_tfidf_values_have_unit_length_per_text():
    batches = featurized(TEXTS)
    values = tfidf_values(batches.ids, batches.values, batches.lengths, idf_weights(batches, BUCKETS))
    texts = np.repeat(np.arange(len(batches)), batches.lengths)
    lengths = np.sqrt(np.bincount(texts, weights=values.astype(np.float64) ** 2, minlength=len(batches)))
    assert np.allclose(lengths[batches.lengths > 0], 1.0, atol=1e-5), lengths
    assert lengths[2] == 0  # the empty text stays empty


def test_class_spread_is_large_for_words_that_take_sides_and_zero_for_unheard_buckets():
    featurizer = Featurizer(Settings(BUCKETS))
    texts = ["good film", "great good", "bad film", "awful bad", "the film", "a film"]
    labels = np.array([2, 2, 0, 0, 1, 1])
    spread = class_spread(Batches([featurizer.features(t) for t in texts]), labels, BUCKETS)
    good, film = featurizer.features("good")[0][0], featurizer.features("film")[0][0]
    assert spread[good] > spread[film] > 0, (spread[good], spread[film])
    heard = np.zeros(BUCKETS, dtype=bool)
    for t in texts:
        heard[featurizer.features(t)[0]] = True
    assert np.all(spread[~heard] == 0)


def test_model_with_idf_scores_as_the_plain_model_on_tfidf_values():
    # Training solves on tfidf_values (NumPy); the exported graph and predict() use the model's
    # own weighting (PyTorch): both must give the same scores.
    batches = featurized(TEXTS)
    idf = idf_weights(batches, BUCKETS)
    weighted = Batches.from_arrays(batches.ids, tfidf_values(batches.ids, batches.values, batches.lengths, idf),
                                   batches.lengths)
    torch.manual_seed(0)
    weights, bias = torch.randn(BUCKETS, 3), torch.randn(3)
    with_idf, plain = HashedLinear(BUCKETS, idf=idf), HashedLinear(BUCKETS)
    with torch.no_grad():
        for model in (with_idf, plain):
            model.weight.weight.copy_(weights)
            model.bias.copy_(bias)
    assert np.allclose(predict(with_idf, batches), predict(plain, weighted), atol=1e-5)


def test_lbfgs_learns_which_words_are_praise_and_which_scorn():
    texts = ["good", "great good", "bad", "awful bad", "film", "a film"] * 4
    labels = np.array([2, 2, 0, 0, 1, 1] * 4)
    batches = featurized(texts)
    model = HashedLinear(BUCKETS, idf=idf_weights(batches, BUCKETS))
    settings = {"optimizer": "lbfgs", "c": 16.0, "iterations": 200, "class_weights": [1.0, 1.0, 1.0]}
    epochs = list(fit(model, batches, labels, np.ones(len(texts)), settings, lambda message: None))
    assert epochs == [1]
    decided = predict(model, featurized(["good", "bad", "film"])).argmax(axis=1)
    assert list(decided) == [2, 0, 1], decided


def main():
    torch.set_num_threads(1)
    return selftest.run([f for name, f in sorted(globals().items()) if name.startswith("test_")])


if __name__ == "__main__":
    sys.exit(main())
