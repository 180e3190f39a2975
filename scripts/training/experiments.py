"""Options the shipped recipe never used, as extensions of the training loop (fit.train).

An extension sees the loop at four points and changes nothing else: it may augment a batch of
windows after the shipped noise floor, replace the loss, learn parameters of its own, and follow
the weights after each step (and say which network is scored). The loop itself only knows the
shipped recipe, so a reader of fit.train reads what the device's model learned.
"""

import copy

import numpy as np
import torch
from torch import nn

from . import augment_features
from .model import GradientReversal


class Extension:
    """Does nothing at every point; an experiment overrides the points it uses."""

    def parameters(self):
        """Parameters the optimiser learns besides the network's."""
        return []

    def augment(self, x, rng):
        """x: [N, frames, bands] log-mel windows after the shipped noise floor; returns x."""
        return x

    def loss(self, model, x, y, e, objective, step):
        """The batch's loss, or None for the shipped one (objective(model.logits(x), y, e))."""
        return None

    def after_step(self, model, step):
        """Called after every optimiser step."""

    def scored(self, model):
        """The network the epoch's figures are measured on (and that is kept)."""
        return model


class BandWarp(Extension):
    """A share of windows stretched along the bands by x0.9-1.1 (vocal tract length perturbation)."""

    def __init__(self, share):
        self.share = share

    def augment(self, x, rng):
        for j in range(len(x)):
            if rng.random() < self.share:
                x[j] = augment_features.warp_bands(x[j], rng.uniform(0.9, 1.1))
        return x


class NoiseMixing(Extension):
    """A share of windows with noise mixed in at speech-level SNR: a fresh draw every time (babble
    of other training voices, or white, pink or brown noise)."""

    def __init__(self, share, snr, versions, templates, length, floor):
        self.share, (self.low, self.high) = share, snr
        self.versions, self.templates, self.length, self.floor = versions, templates, length, floor

    def augment(self, x, rng):
        for j in range(len(x)):
            if rng.random() < self.share:
                if self.templates and rng.random() < 0.5:
                    source = self.templates[rng.integers(len(self.templates))]
                    noise = augment_features.crop(source, self.length, rng, self.floor)
                else:
                    noise = augment_features.feature_babble(rng, self.versions, self.length, self.floor)
                x[j] = augment_features.add_noise_at_snr(x[j], noise, rng.uniform(self.low, self.high))
        return x


class Mixup(Extension):
    """Two windows' log-mel mixed with a Beta(a, a) weight, and their losses alike."""

    def __init__(self, alpha, rng):
        self.alpha, self.rng = alpha, rng

    def loss(self, model, x, y, e, objective, step):
        lam = float(self.rng.beta(self.alpha, self.alpha))
        perm = torch.from_numpy(self.rng.permutation(len(y)))
        # Mixing after normalisation would need the graph's internals; mixing the raw log-mel is
        # close enough for a regulariser.
        logits = model.logits(lam * x + (1 - lam) * x[perm])
        return lam * objective(logits, y, e) + (1 - lam) * objective(logits, y[perm], e[perm])


class SpeakerAdversary(Extension):
    """A small speaker classifier learns which training speaker talks from the pooled statistics,
    through a gradient reversal whose weight ramps from 0 to `weight`: the network is pushed
    towards what all voices share. The classifier is not exported."""

    def __init__(self, weight, model, speakers_of_batch, speaker_count, total_steps):
        self.weight, self.total_steps = weight, total_steps
        self.speakers_of_batch = speakers_of_batch
        self.classifier = nn.Sequential(nn.Linear(model.head.in_features, 64), nn.ReLU(),
                                        nn.Linear(64, speaker_count))

    def parameters(self):
        return list(self.classifier.parameters())

    def loss(self, model, x, y, e, objective, step):
        embedding = model.embedding(x)
        progress = step / self.total_steps
        weight = self.weight * (2.0 / (1.0 + np.exp(-10.0 * progress)) - 1.0)
        return objective(model.head(model.dropout(embedding)), y, e) + nn.functional.cross_entropy(
            self.classifier(GradientReversal.apply(embedding, weight)), self.speakers_of_batch())


class WeightAverage(Extension):
    """An exponential moving average of the weights and batch-norm statistics, which is scored and
    kept instead of the network the epoch ends with."""

    def __init__(self, decay, model):
        self.decay = decay
        self.average = copy.deepcopy(model)  # before SpecAugment is attached: a generator cannot be copied

    def after_step(self, model, step):
        decay = min(self.decay, (1.0 + step) / (10.0 + step))
        with torch.no_grad():
            for kept, current in zip(self.average.state_dict().values(), model.state_dict().values()):
                if kept.dtype.is_floating_point:
                    kept.mul_(decay).add_(current, alpha=1.0 - decay)
                else:
                    kept.copy_(current)

    def scored(self, model):
        return self.average


def build(config, context):
    """The extensions the ExperimentConfig turns on, in the order their hooks run.
    context: model, rng, versions, templates, length, floor, speakers (of the training clips),
    batch_speakers (a function returning the current batch's speaker indices), total_steps."""
    experiments = config.experiments
    extensions = []
    if experiments.ema > 0:
        extensions.append(WeightAverage(experiments.ema, context["model"]))
    if experiments.warp > 0:
        extensions.append(BandWarp(experiments.warp))
    if experiments.mix_noise > 0:
        extensions.append(NoiseMixing(experiments.mix_noise, experiments.mix_snr, context["versions"],
                                      context["templates"], context["length"], context["floor"]))
    if experiments.mixup > 0:
        extensions.append(Mixup(experiments.mixup, context["rng"]))
    if experiments.adversary > 0:
        extensions.append(SpeakerAdversary(experiments.adversary, context["model"], context["batch_speakers"],
                                           context["speaker_count"], context["total_steps"]))
    return extensions
