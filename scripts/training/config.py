"""The settings of a training run, typed and grouped by what they shape. Every field is also a
`scripts/train` option (`--field-name value`); the defaults are the shipped recipe."""

import argparse
import dataclasses
from dataclasses import dataclass, field


def _option(default, help_text, parse=None):
    """A field with its one-line help and, when the command line spells it differently from the
    type (e.g. "22,22,11,12" for block strides), the parser of that spelling."""
    return field(default=default, metadata={"help": help_text, "parse": parse})


def parse_blocks(text):
    """"22,22,11,12" -> ((2, 2), (2, 2), (1, 1), (1, 2)): each block's stride over time and bands."""
    try:
        blocks = tuple((int(b[0]), int(b[1])) for b in text.split(","))
    except (IndexError, ValueError):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of two-digit strides such as 22,22,11,12")
    if any(len(b) != 2 for b in text.split(",")):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of two-digit strides such as 22,22,11,12")
    return blocks


def parse_range(text):
    """"0,20" -> (0.0, 20.0)."""
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a range such as 0,20")
    return low, high


def parse_bool(text):
    if text.lower() in ("1", "true", "yes"):
        return True
    if text.lower() in ("0", "false", "no"):
        return False
    raise argparse.ArgumentTypeError(f"'{text}' is not true or false")


@dataclass(frozen=True)
class NetConfig:
    """The network: widths, strides, normalisation, pooling (model.SentimentNet)."""
    width: int = _option(76, "channels of the first two blocks (x1.5 after)")
    stem: int = _option(24, "channels of the 5x5 stem")
    blocks: tuple = _option(((2, 2), (2, 2), (1, 1), (1, 2)), "stride (time, bands) of each separable block",
                            parse_blocks)
    band_groups: int = _option(1, "groups of remaining mel bands pooled apart")
    dropout: float = _option(0.2, "dropout before the head")
    scale: bool = _option(True, "divide each window by its standard deviation")
    norm: str = _option("global", "window normalisation: global (level only) or band (each band's mean)")
    pool: str = _option("stats", "attention pooling: stats (mean and spread) or mean")
    targets: str = _option("sentiment", "what the head learns: sentiment, or emotion (the corpus' eight, summed)")
    # Never shipped (runs 37, 39, 45); kept so those runs stay reproducible.
    floor_removal: bool = _option(False, "experiment: remove a stationary noise floor in the graph")
    floor_over: float = _option(1.5, "experiment: over-subtraction of the floor removal")
    floor_limit_db: float = _option(10.0, "experiment: the most the floor removal takes off a band (dB)")
    floor_channel: bool = _option(False, "experiment: the floor-removed window as a second input channel")
    rfn: float = _option(0.0, "experiment: weight of relaxed frequency-wise normalisation")


@dataclass(frozen=True)
class FitConfig:
    """One network's training: optimiser, schedule, the shipped augmentations."""
    seed: int = _option(20261125, "seed of the data order, augmentation and initial weights")
    epochs: int = _option(25, "epochs at most")
    patience: int = _option(15, "epochs without a better selection UAR before stopping")
    batch: int = _option(32, "windows per step")
    passes: int = _option(3, "random crops of each clip per epoch")
    manifest_passes: int = _option(0, "random crops of each --manifest clip per epoch (0: as --passes)")
    finetune_epochs: int = _option(0, "epochs on RAVDESS alone after the others (--passes crops of each clip)")
    finetune_lr: float = _option(0.1, "learning rate of --finetune-epochs, times the peak --lr (constant)")
    lr: float = _option(3e-3, "peak learning rate (one-cycle)")
    weight_decay: float = _option(1e-3, "AdamW weight decay")
    label_smoothing: float = _option(0.05, "label smoothing of the class-weighted loss")
    emotion_loss: float = _option(0.5, "weight of the emotion loss with --targets emotion")
    spec_augment: bool = _option(True, "time and frequency masks")
    freq_masks: int = _option(2, "frequency masks per window")
    freq_width: int = _option(8, "widest frequency mask (bands)")
    time_masks: int = _option(2, "time masks per window")
    time_width: int = _option(20, "widest time mask (frames)")
    channel_eq: bool = _option(True, "a random microphone response on every window")
    noise_floor: float = _option(0.5, "share of windows over a quiet noise floor")
    band_limit: float = _option(0.3, "share of windows through a band-limited channel")


@dataclass(frozen=True)
class ExperimentConfig:
    """Options the shipped recipe never used (runs 34-42 of the model card's history); each one
    that is on adds an extension to the training loop (experiments.py)."""
    mixup: float = _option(0.0, "experiment: mixup of windows, Beta(a, a)")
    ema: float = _option(0.0, "experiment: keep an exponential moving average of the weights")
    mix_noise: float = _option(0.0, "experiment: share of windows with noise mixed in at speech-level SNR")
    mix_snr: tuple = _option((0.0, 20.0), "experiment: SNR range of --mix-noise (dB)", parse_range)
    adversary: float = _option(0.0, "experiment: weight of a speaker adversary through gradient reversal")
    warp: float = _option(0.0, "experiment: share of windows stretched along the bands by x0.9-1.1")


@dataclass(frozen=True)
class EnsembleConfig:
    """How many networks, and which speakers each learns from."""
    members: int = _option(4, "networks in the exported ensemble")
    member_folds: bool = _option(True, "member m does not learn fold m of the training speakers")
    member_last: bool = _option(True, "without folds: keep the last epoch (else the best on validation)")
    fold_stop: bool = _option(False, "with folds: keep the best epoch on the held-out fold")
    train_folds: int = _option(0, "learn from only this many folds (learning curve); 0: all but the held-out one")


@dataclass(frozen=True)
class DataConfig:
    """The training material: augmented copies and the extractor's frames."""
    copies: int = _option(4, "augmented waveform copies of every RAVDESS training clip")
    manifest_copies: int = _option(1, "augmented copies of every clip of a --manifest corpus")
    frame_length: int = _option(0, "extractor frame length in samples (0: the device's)")
    fft_size: int = _option(0, "extractor FFT size (0: the device's)")


@dataclass(frozen=True)
class TrainConfig:
    net: NetConfig = NetConfig()
    fit: FitConfig = FitConfig()
    experiments: ExperimentConfig = ExperimentConfig()
    ensemble: EnsembleConfig = EnsembleConfig()
    data: DataConfig = DataConfig()

    def replace(self, **changes):
        """A copy with some fields changed, named without their group: replace(epochs=1, width=16)."""
        groups = {}
        for name, value in changes.items():
            group = _group_of(name)
            groups.setdefault(group, {})[name] = value
        return dataclasses.replace(self, **{g: dataclasses.replace(getattr(self, g), **v) for g, v in groups.items()})

    def flat(self):
        """Every field by name, as the training log records a run's settings."""
        result = {}
        for group in dataclasses.fields(self):
            for f in dataclasses.fields(getattr(self, group.name)):
                value = getattr(getattr(self, group.name), f.name)
                result[f.name] = _spell(value) if isinstance(value, tuple) else value
        return result


def _group_of(name):
    for group in dataclasses.fields(TrainConfig):
        if name in {f.name for f in dataclasses.fields(group.type)}:
            return group.name
    raise KeyError(f"no training setting is called {name}")


def _spell(value):
    """A tuple setting as the command line spells it."""
    if value and isinstance(value[0], tuple):
        return ",".join(f"{a}{b}" for a, b in value)
    return ",".join(f"{v:g}" for v in value)


def add_arguments(parser):
    """One option per field, defaulting to the shipped recipe."""
    for group in dataclasses.fields(TrainConfig):
        section = parser.add_argument_group(group.type.__doc__.split(":")[0].rstrip("."))
        for f in dataclasses.fields(group.type):
            parse = f.metadata["parse"] or (parse_bool if f.type is bool else f.type)
            default = _spell(f.default) if isinstance(f.default, tuple) else f.default
            section.add_argument("--" + f.name.replace("_", "-"), dest=f.name, type=parse, default=f.default,
                                 metavar="true|false" if f.type is bool else None,
                                 help=f"{f.metadata['help']} (default {default})")


def from_arguments(args):
    """The TrainConfig of parsed options."""
    return TrainConfig(**{group.name: group.type(**{f.name: getattr(args, f.name)
                                                      for f in dataclasses.fields(group.type)})
                          for group in dataclasses.fields(TrainConfig)})
