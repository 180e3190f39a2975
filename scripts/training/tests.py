"""Tests of the training code that need neither data nor the C# extractor. Plain asserts, no test
framework: `cd scripts && python3 -m training.tests` prints one line per test and exits 1 on a failure.
The suite runs it (tests/EdgeSentiment.Cli.Tests/Training/TrainingPythonTests.cs)."""

import argparse
import contextlib
import dataclasses
import io
import os
import sys
import tempfile

import numpy as np
import torch

import selftest
from . import config as configuration
from . import dataset, ensemble, experiments, fit, manifest, wavfile
from .model import SentimentNet

TESTS = []


def test(function):
    TESTS.append(function)
    return function


def parse(argv):
    parser = argparse.ArgumentParser()
    configuration.add_arguments(parser)
    return configuration.from_arguments(parser.parse_args(argv))


def tiny_data(clips=12, frames=60, bands=16, seed=0):
    rng = np.random.default_rng(seed)
    versions = [[rng.normal(-5.0, 1.0, (frames, bands)).astype(np.float32)] for _ in range(clips)]
    labels = [i % 3 for i in range(clips)]
    return dataset.TrainingData(versions, labels, [1] * clips, [1 + i % 2 for i in range(clips)],
                                ["ravdess"] * clips, 40, -20.0)


TINY = {"width": 8, "stem": 4, "batch": 4, "passes": 1, "epochs": 1, "members": 2, "noise_floor": 0.0,
        "band_limit": 0.0}


@test
def defaults_are_the_shipped_recipe():
    flat = configuration.TrainConfig().flat()
    assert flat["blocks"] == "22,22,11,12", flat["blocks"]
    assert flat["mix_snr"] == "0,20", flat["mix_snr"]
    assert (flat["members"], flat["copies"], flat["epochs"], flat["width"], flat["stem"]) == (4, 4, 25, 76, 24)
    assert parse([]) == configuration.TrainConfig()


@test
def options_are_typed_when_parsed():
    config = parse(["--blocks", "22,11", "--warp", "0.5", "--member-folds", "false", "--mix-snr", "5,10"])
    assert config.net.blocks == ((2, 2), (1, 1))
    assert config.experiments.warp == 0.5 and config.experiments.mix_snr == (5.0, 10.0)
    assert config.ensemble.member_folds is False


@test
def a_bad_option_value_is_refused_naming_it():
    for argv in (["--blocks", "2x"], ["--member-folds", "maybe"], ["--mix-snr", "5"]):
        message = io.StringIO()
        try:
            with contextlib.redirect_stderr(message):
                parse(argv)
        except SystemExit:
            assert argv[1] in message.getvalue(), message.getvalue()
            continue
        raise AssertionError(f"{argv} was accepted")


@test
def replace_changes_fields_of_any_group():
    config = configuration.TrainConfig().replace(epochs=1, width=16, members=2, copies=1)
    assert (config.fit.epochs, config.net.width, config.ensemble.members, config.data.copies) == (1, 16, 2, 1)
    assert configuration.TrainConfig().fit.epochs == 25
    try:
        configuration.TrainConfig().replace(epoch=1)
    except KeyError:
        return
    raise AssertionError("an unknown setting was accepted")


@test
def the_shipped_recipe_has_no_extensions():
    config = configuration.TrainConfig()
    assert experiments.build(config, {}) == []


@test
def each_experiment_option_adds_its_extension():
    model = SentimentNet(configuration.NetConfig(width=8, stem=4), bands=16, frames=40)
    context = {"model": model, "rng": np.random.default_rng(0), "versions": [], "templates": None,
               "length": 40, "floor": -20.0, "speaker_count": 2, "total_steps": 10, "batch_speakers": None}
    config = configuration.TrainConfig().replace(ema=0.9, warp=0.5, mix_noise=0.5, mixup=0.2, adversary=0.3)
    kinds = [type(e) for e in experiments.build(config, context)]
    assert kinds == [experiments.WeightAverage, experiments.BandWarp, experiments.NoiseMixing,
                     experiments.Mixup, experiments.SpeakerAdversary], kinds


@test
def the_loop_calls_an_extension_at_each_point():
    class Recorder(experiments.Extension):
        def __init__(self):
            self.calls = {"augment": 0, "loss": 0, "after_step": 0, "scored": 0}

        def augment(self, x, rng):
            self.calls["augment"] += 1
            assert x.shape == (4, 40, 16)
            return x

        def loss(self, model, x, y, e, objective, step):
            self.calls["loss"] += 1
            return None

        def after_step(self, model, step):
            self.calls["after_step"] += 1

        def scored(self, model):
            self.calls["scored"] += 1
            return model

    recorder = Recorder()
    data = tiny_data()
    config = configuration.TrainConfig().replace(**TINY)
    validation = ([v[0] for v in data.versions[:3]], np.array(data.labels[:3]))
    fit.train(config, data, {"validation": validation}, log=lambda line: None, extensions=[recorder])
    assert recorder.calls == {"augment": 3, "loss": 3, "after_step": 3, "scored": 1}, recorder.calls


@test
def a_loss_extension_replaces_the_shipped_loss():
    class Zero(experiments.Extension):
        def loss(self, model, x, y, e, objective, step):
            return (model.logits(x) * 0.0).sum()

    data = tiny_data()
    config = configuration.TrainConfig().replace(**TINY)
    validation = ([v[0] for v in data.versions[:3]], np.array(data.labels[:3]))
    _, _, history = fit.train(config, data, {"validation": validation}, log=lambda line: None, extensions=[Zero()])
    assert history[0]["loss"] == 0.0, history


@test
def weight_average_follows_the_weights():
    model = SentimentNet(configuration.NetConfig(width=8, stem=4), bands=16, frames=40)
    average = experiments.WeightAverage(0.5, model)
    with torch.no_grad():
        model.head.bias.fill_(1.0)
        average.average.head.bias.fill_(0.0)
    for step in range(1, 30):
        average.after_step(model, step)
    assert torch.allclose(average.scored(model).head.bias, torch.ones(3), atol=1e-3)


@test
def folds_spread_every_speaker_of_every_corpus_once():
    speakers = list(range(1, 19)) + [f"ased_{i:02d}" for i in range(1, 9)] + ["nemo_a", "nemo_b"]
    folds = ensemble.speaker_folds(speakers * 2, 4)
    flat = [s for f in folds for s in f]
    assert sorted(map(str, flat)) == sorted(map(str, speakers))
    assert folds[0][:2] == [1, 8], folds[0]  # RAVDESS first, in numeric order, snake over the folds
    assert all(sum(isinstance(s, str) for s in f) == 2 or sum(isinstance(s, str) for s in f) == 3 for f in folds)


def _square(job, m):
    return job * m


def _fail(job, m):
    raise ValueError("member failed")


@test
def forked_members_return_in_order_and_report_a_failure():
    assert ensemble.run_forked(_square, 3, 4, jobs=2) == [0, 3, 6, 9]
    try:
        ensemble.run_forked(_fail, 3, 2, jobs=2)
    except SystemExit as e:
        # Both members fail at once; whichever the parent hears first is the one it names.
        assert ("member 1 failed" in str(e) or "member 2 failed" in str(e)) and "member failed" in str(e), e
        return
    raise AssertionError("a failing member went unnoticed")


@test
def training_data_subset_keeps_clips_together():
    data = tiny_data()
    part = data.subset([1, 4])
    assert part.labels == [1, 1] and part.speakers == [2, 1] and part.versions[1] is data.versions[4]
    assert part.length == data.length


@test
def a_manifest_with_a_bad_label_is_refused_naming_the_line():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.csv")
        with open(path, "w") as handle:
            handle.write("path,label,speaker\na.opus,neutral,s1\nb.opus,happy,s2\n")
        try:
            manifest.read(path)
        except SystemExit as e:
            assert "line 3" in str(e) and "happy" in str(e), e
            return
    raise AssertionError("a bad label was accepted")


@test
def a_short_clip_is_zero_padded_to_one_window_at_its_end():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "short.wav")
        wavfile.write_pcm16(path, np.full(8000, 0.25, np.float32))
        with open(os.path.join(folder, "m.csv"), "w") as handle:
            handle.write("path,label,speaker,corpus\nshort.wav,negative,x_1,x\n")
        clips = manifest.decode(manifest.read(os.path.join(folder, "m.csv")), os.path.join(folder, "work"), 32000)
        samples = wavfile.read(clips[0].path)
        assert len(samples) == 32000, len(samples)
        assert abs(samples[7999] - 0.25) < 1e-3 and samples[8000:].max() == 0.0
        assert clips[0].actor == "x_1" and clips[0].label == "negative" and clips[0].corpus == "x"


@test
def a_clip_of_exactly_one_window_is_scored_as_that_window():
    frames = np.arange(40 * 16, dtype=np.float32).reshape(40, 16)
    windows = fit.clip_windows(frames, 40, -20.0)
    assert len(windows) == 1 and np.array_equal(windows[0], frames)


@test
def selection_figures_are_given_per_corpus_and_pooled():
    from .pipeline import corpus_figures
    labels = [0, 1, 2, 0, 1]
    corpora = ["ravdess", "ravdess", "nemo", "baved", "baved"]
    probs = np.eye(3)[[0, 1, 2, 1, 1]]
    figures = corpus_figures(labels, corpora, probs, np.array([2]), np.eye(3)[[2]])
    assert figures["ravdess"]["clips"] == 3 and figures["ravdess"]["uar"] == 1.0, figures["ravdess"]
    assert figures["manifests"]["clips"] == 3 and figures["all"]["clips"] == 6
    assert figures["baved"]["uar_present"] == 0.5 and figures["baved"]["uar"] == round(1 / 3, 4), figures["baved"]


@test
def manifest_passes_set_how_often_each_corpus_is_seen_per_epoch():
    from .fit import epoch_order, epoch_passes
    corpora = ["ravdess", "ravdess", "nemo", "aesdd"]
    fit = configuration.TrainConfig().replace(passes=3, manifest_passes=1).fit
    order = epoch_order(epoch_passes(fit, corpora), np.random.default_rng(0))
    assert np.bincount(order).tolist() == [3, 3, 1, 1], order
    unset = configuration.TrainConfig().replace(passes=2).fit
    assert epoch_passes(unset, corpora).tolist() == [2, 2, 2, 2]
    # Fine-tuning epochs take RAVDESS alone.
    assert epoch_passes(fit, corpora, manifest=0).tolist() == [3, 3, 0, 0]


@test
def finetune_epochs_follow_the_schedule_on_ravdess_alone():
    data = tiny_data()
    data = dataclasses.replace(data, corpora=["ravdess"] * 6 + ["nemo"] * 6)
    config = configuration.TrainConfig().replace(**TINY, finetune_epochs=1)
    validation = ([v[0] for v in data.versions[:3]], np.array(data.labels[:3]))
    steps = []

    class Counter(experiments.Extension):
        def after_step(self, model, step):
            steps.append(step)

    _, _, history = fit.train(config, data, {"validation": validation}, log=lambda line: None,
                              keep_last=True, extensions=[Counter()])
    # Epoch 1: all 12 clips in batches of 4; epoch 2: the 6 RAVDESS clips only.
    assert [h["epoch"] for h in history] == [1, 2] and len(steps) == 3 + 2, (history, steps)


def main():
    torch.set_num_threads(1)
    return selftest.run(TESTS)


if __name__ == "__main__":
    sys.exit(main())
