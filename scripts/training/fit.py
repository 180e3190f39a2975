"""Training one network: class-balanced loss, random window crops, the shipped augmentations,
SpecAugment and early stopping on validation UAR. Options the shipped recipe never used run as
extensions (experiments.py) at fixed points of the loop."""

import copy
import time

import numpy as np
import torch
from torch import nn

from . import experiments, metrics
from .augment_features import add_noise_floor, band_limit_curve, channel_curve, crop
from .corpus import EMOTION_TO_SENTIMENT, LABELS
from .model import SentimentNet, SpecAugment


def clip_windows(frames, length, floor):
    """The windows the device cuts from a clip, in frames: from the start every 50 frames (0.5 s),
    plus one aligned to the end. Frame-aligned, so it approximates the sample-exact windows."""
    if len(frames) <= length:
        # A clip of exactly one window (a short clip the decoding padded) is that window.
        return [frames] if len(frames) == length else [
            np.concatenate([frames, np.full((length - len(frames), frames.shape[1]), floor, np.float32)])]
    windows = [frames[s:s + length] for s in range(0, len(frames) - length + 1, 50)]
    if (len(frames) - length) % 50:
        windows.append(frames[len(frames) - length:])
    return windows


def predict_clips(model, clips, length, floor):
    """Clip verdicts as the device makes them: the mean of its windows' probabilities."""
    model.eval()
    windows, owner = [], []
    for i, frames in enumerate(clips):
        for w in clip_windows(frames, length, floor):
            windows.append(w)
            owner.append(i)
    with torch.no_grad():
        probs = []
        for s in range(0, len(windows), 128):
            batch = torch.from_numpy(np.stack(windows[s:s + 128]))
            probs.append(model(batch).numpy())
        probs = np.concatenate(probs) if probs else np.zeros((0, 3))
    owner = np.array(owner)
    result = np.zeros((len(clips), 3))
    for i in range(len(clips)):
        result[i] = probs[owner == i].mean(axis=0)
    return result


def evaluate(model, clips, labels, length, floor):
    probs = predict_clips(model, clips, length, floor)
    return metrics.summary(labels, probs.argmax(axis=1))



def emotion_grouping():
    """[8, 3]: row e-1 has a 1 in the column of the sentiment of corpus emotion e."""
    grouping = np.zeros((len(EMOTION_TO_SENTIMENT), len(LABELS)), dtype=np.float32)
    for emotion, sentiment in EMOTION_TO_SENTIMENT.items():
        grouping[emotion - 1, LABELS.index(sentiment)] = 1.0
    return grouping


def objective_for(config, model, labels, train_emotions):
    """The loss of a batch (logits, sentiments y, emotions e) and the emotion indices of the
    training clips. The class-weighted sentiment loss; with targets "emotion", the sentiment loss
    on the summed emotion probabilities plus emotion_loss times the class-weighted emotion loss."""
    counts = np.bincount(labels, minlength=3).astype(float)
    weights = torch.tensor(len(labels) / (3.0 * np.maximum(counts, 1.0)), dtype=torch.float32)
    loss_fn = nn.CrossEntropyLoss(weight=weights, label_smoothing=config.fit.label_smoothing)
    if model.grouping is None:
        return (lambda logits, y, e: loss_fn(logits, y)), np.zeros(len(labels), dtype=np.int64)
    emotions = np.asarray(train_emotions) - 1
    emotion_counts = np.bincount(emotions, minlength=model.grouping.shape[0]).astype(float)
    emotion_loss = nn.CrossEntropyLoss(
        weight=torch.tensor(len(emotions) / (len(emotion_counts) * np.maximum(emotion_counts, 1.0)),
                            dtype=torch.float32),
        label_smoothing=config.fit.label_smoothing)
    sentiment_loss = nn.NLLLoss(weight=weights)

    def objective(logits, y, e):
        grouped = torch.softmax(logits, dim=1) @ model.grouping
        return sentiment_loss(torch.log(grouped.clamp(min=1e-7)), y) + config.fit.emotion_loss * emotion_loss(logits, e)
    return objective, emotions


def add_floor(config, x, rng, templates):
    """The shipped recipe's quiet noise floor under a share of the batch's windows (in place)."""
    if templates and config.fit.noise_floor > 0:
        for j in range(len(x)):
            if rng.random() < config.fit.noise_floor:
                x[j] = add_noise_floor(x[j], templates, rng)
    return x


def add_channel(config, x, rng, centres):
    """The shipped recipe's channels: a band-limited one for a share of the batch's windows, then
    a random microphone response for every window."""
    if config.fit.band_limit > 0 and centres is not None:
        for j in range(len(x)):
            if rng.random() < config.fit.band_limit:
                x[j] = x[j] + band_limit_curve(rng, centres)[None, :]
    if config.fit.channel_eq:
        x = x + np.stack([channel_curve(rng, x.shape[2]) for _ in range(len(x))])[:, None, :]
    return x


def epoch_passes(fit, corpora, manifest=None):
    """How many random crops of each clip an epoch takes: --passes for RAVDESS, --manifest-passes
    (when set) or manifest for the clips of a --manifest corpus."""
    manifest = (fit.manifest_passes or fit.passes) if manifest is None else manifest
    return np.array([fit.passes if c == "ravdess" else manifest for c in corpora], dtype=np.int64)


def epoch_order(passes, rng):
    """One epoch's clip indices, each clip passes[i] times, in a random order."""
    return rng.permutation(np.repeat(np.arange(len(passes)), passes))


def train(config, data, validation_sets, log=print, keep_last=False, extensions=None):
    """Trains one network of config on data (a TrainingData: every version of each training
    clip, its label, emotion and speaker; the window length and silence floor; noise templates and
    band centres for the augmentations). validation_sets maps a name to (clips, labels); the first
    one chooses the epoch, unless keep_last, when the last epoch is kept and the sets are only
    watched. extensions: those of experiments.build(config, ...) unless given.
    Returns (model, best epoch, history)."""
    fit = config.fit
    torch.manual_seed(fit.seed)
    rng = np.random.default_rng(fit.seed)
    generator = torch.Generator().manual_seed(fit.seed)
    spec = SpecAugment(generator, fit.freq_masks, fit.freq_width, fit.time_masks, fit.time_width) \
        if fit.spec_augment else None
    length, floor = data.length, data.floor
    model = SentimentNet(config.net, bands=data.versions[0][0].shape[1], frames=length,
                         grouping=emotion_grouping() if config.net.targets == "emotion" else None)
    labels = np.asarray(data.labels)
    objective, emotions = objective_for(config, model, labels, data.emotions)
    batch = fit.batch
    passes = epoch_passes(fit, data.corpora)
    steps_per_epoch = (int(passes.sum()) + batch - 1) // batch
    total_steps = fit.epochs * steps_per_epoch
    current = {"idx": np.zeros(0, dtype=np.int64)}
    speakers = sorted(set(data.speakers), key=speaker_key)
    speaker_of = np.array([speakers.index(a) for a in data.speakers])
    if extensions is None:
        extensions = experiments.build(config, {
            "model": model, "rng": rng, "versions": data.versions, "templates": data.templates,
            "length": length, "floor": floor, "speaker_count": len(speakers), "total_steps": total_steps,
            "batch_speakers": lambda: torch.from_numpy(speaker_of[current["idx"]])})
    parameters = list(model.parameters())
    for extension in extensions:
        parameters += extension.parameters()
    optimizer = torch.optim.AdamW(parameters, lr=fit.lr, weight_decay=fit.weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=fit.lr, total_steps=total_steps, pct_start=0.15)
    model.spec_augment = spec  # after the extensions: a copy of the network never augments
    step = 0

    selector = next(iter(validation_sets))
    best, best_score, best_epoch, history = None, -1.0, 0, []
    tune = epoch_passes(fit, data.corpora, manifest=0)
    for epoch in range(1, fit.epochs + fit.finetune_epochs + 1):
        started = time.time()
        model.train()
        tuning = epoch > fit.epochs
        order = epoch_order(tune if tuning else passes, rng)
        if tuning and len(order) == 0:
            log("no RAVDESS clips to fine-tune on: stopping")
            break
        if tuning and epoch == fit.epochs + 1:
            # After the one-cycle schedule: RAVDESS alone, at a constant fraction of the peak rate.
            for group in optimizer.param_groups:
                group["lr"] = fit.lr * fit.finetune_lr
        total = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            current["idx"] = idx
            x = np.stack([crop(data.versions[i][rng.integers(len(data.versions[i]))], length, rng, floor)
                          for i in idx])
            x = add_floor(config, x, rng, data.templates)
            for extension in extensions:
                x = extension.augment(x, rng)
            x = torch.from_numpy(add_channel(config, x, rng, data.centres))
            y = torch.from_numpy(labels[idx])
            e = torch.from_numpy(emotions[idx])
            loss = None
            for extension in extensions:
                loss = extension.loss(model, x, y, e, objective, step)
                if loss is not None:
                    break
            if loss is None:
                loss = objective(model.logits(x), y, e)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if not tuning:
                scheduler.step()
            step += 1
            for extension in extensions:
                extension.after_step(model, step)
            total += float(loss) * len(idx)
            done = step - (epoch - 1) * steps_per_epoch
            if not tuning and steps_per_epoch >= 100 and done % (steps_per_epoch // 4) == 0 and done < steps_per_epoch:
                # A long epoch (minutes on a shared machine) shows it is moving.
                log(f"epoch {epoch:3d}  {done}/{steps_per_epoch} steps  ({time.time() - started:.0f} s)")
        scored = model
        for extension in extensions:
            scored = extension.scored(scored)
        figures = {name: evaluate(scored, clips, lab, length, floor) for name, (clips, lab) in validation_sets.items()}
        score = figures[selector]["uar"]
        history.append({"epoch": epoch, "loss": round(total / len(order), 4),
                        **{f"{n}_uar": f["uar"] for n, f in figures.items()}})
        log(f"epoch {epoch:3d}  loss {total / len(order):.4f}  "
            + "  ".join(f"{n} UAR {f['uar']:.3f} F1 {f['macro_f1']:.3f}" for n, f in figures.items())
            + f"  ({time.time() - started:.1f} s)")
        if keep_last or score > best_score:
            best, best_score, best_epoch = copy.deepcopy(scored.state_dict()), score, epoch
        elif epoch - best_epoch >= fit.patience:
            log(f"no better {selector} UAR for {fit.patience} epochs: stopping")
            break
    model.load_state_dict(best)
    model.spec_augment = None
    model.eval()
    return model, best_epoch, history


def speaker_key(speaker):
    """Sorts RAVDESS's numbered actors first, in numeric order, then the manifests' speaker ids."""
    return (0, speaker, "") if isinstance(speaker, int) else (1, 0, str(speaker))
