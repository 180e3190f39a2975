"""Training with class-balanced loss, random window crops, SpecAugment and early stopping on
validation UAR."""

import copy
import time

import numpy as np
import torch
from torch import nn

from . import metrics
from .corpus import EMOTION_TO_SENTIMENT, LABELS
from .model import GradientReversal, SentimentNet, SpecAugment


def crop(frames, length, rng, floor):
    """A random `length`-frame crop; shorter clips are padded with silence (the log floor)."""
    if len(frames) >= length:
        start = rng.integers(0, len(frames) - length + 1)
        return frames[start:start + length]
    out = np.full((length, frames.shape[1]), floor, dtype=np.float32)
    out[:len(frames)] = frames
    return out


def channel_curve(rng, bands):
    """A random microphone/loudspeaker response in the log-mel domain: a smooth offset per band
    (a tilt of up to +-6 dB across the range plus a few gentle bumps). A linear filter adds a
    constant per band to log-mel, so this is what another microphone or room does to the features."""
    position = np.linspace(-0.5, 0.5, bands)
    curve = rng.uniform(-1.4, 1.4) * position
    for k in range(1, 4):
        curve += rng.uniform(-0.35, 0.35) * np.cos(np.pi * k * (position + 0.5) + rng.uniform(0, np.pi))
    return curve.astype(np.float32)


def band_centres(settings):
    """Centre frequency (Hz) of each mel band, as docs/features.md defines the filters (HTK mel,
    bands + 2 edges equally spaced in mel from fmin to fmax; band b peaks at edge b + 1)."""
    bands, low, high = int(settings["mel_bands"]), float(settings["fmin"]), float(settings["fmax"])
    mel = np.linspace(1127.0 * np.log1p(low / 700.0), 1127.0 * np.log1p(high / 700.0), bands + 2)
    return 700.0 * np.expm1(mel[1:-1] / 1127.0)


def band_limit_curve(rng, centres):
    """A band-limited microphone or loudspeaker in the log-mel domain: below a random low edge
    (100-500 Hz) and above a random high edge (2.8-7 kHz) the bands fall off at 12-36 dB per
    octave, down to 60 dB (a telephone line, a cheap capsule, a small loudspeaker)."""
    low, high = rng.uniform(100.0, 500.0), rng.uniform(2800.0, 7000.0)
    slope = rng.uniform(12.0, 36.0)
    octaves = np.maximum(np.log2(low / centres), 0.0) + np.maximum(np.log2(centres / high), 0.0)
    return (-np.minimum(slope * octaves, 60.0) * np.log(10.0) / 10.0).astype(np.float32)


def warp_bands(window, factor):
    """Stretches a log-mel window along its bands by factor (vocal tract length perturbation: a
    longer or shorter vocal tract moves the formants together), by linear interpolation between
    neighbouring bands; bands beyond the top repeat the last one."""
    bands = window.shape[1]
    source = np.clip(np.arange(bands) / factor, 0.0, bands - 1.0)
    low = np.floor(source).astype(int)
    high = np.minimum(low + 1, bands - 1)
    weight = (source - low).astype(np.float32)
    return window[:, low] * (1.0 - weight) + window[:, high] * weight


def add_noise_floor(window, templates, rng):
    """Adds the power of a random stretch of a noise template to a window's log-mel, 25 to 50 dB
    below the window's loud frames (8-bit audio puts its floor about 30 dB under the speech, 16-bit
    dither far lower): powers of independent signals add, so log(exp(x) + exp(n)) is the log-mel
    of the sum. Relative to the speech, not in dBFS, because the corpus' own levels vary by 30 dB."""
    noise = templates[rng.integers(len(templates))]
    start = rng.integers(0, len(noise) - len(window) + 1)
    noise = noise[start:start + len(window)]
    speech_level = np.percentile(np.log(np.exp(window).sum(axis=1)), 95)
    noise_level = np.log(np.exp(noise).sum(axis=1)).mean()
    shift = np.float32(speech_level - noise_level - rng.uniform(25.0, 50.0) * np.log(10.0) / 10.0)
    return np.logaddexp(window, noise + shift)


def window_power(window):
    """Mean over frames of the summed mel power: the window's level, in the log-mel's own units."""
    return np.exp(window.astype(np.float64)).sum(axis=1).mean()


def feature_babble(rng, versions, length, floor):
    """Crowd babble in the log-mel domain: 2-6 random training windows at equal power, summed."""
    total = np.zeros((length, versions[0][0].shape[1]))
    for _ in range(rng.integers(2, 7)):
        other = versions[rng.integers(len(versions))]
        window = crop(other[rng.integers(len(other))], length, rng, floor)
        total += np.exp(window.astype(np.float64)) / window_power(window)
    return np.log(total + 1e-30).astype(np.float32)


def add_noise_at_snr(window, noise, snr_db):
    """Adds noise (log-mel) to window (log-mel) in the power domain, scaled so the window's power
    is snr_db above the noise's: the log-mel of speech plus independent noise at that SNR."""
    shift = np.log(window_power(window) / window_power(noise)) - snr_db * np.log(10.0) / 10.0
    return np.logaddexp(window, noise + np.float32(shift)).astype(np.float32)


def clip_windows(frames, length, floor):
    """The windows the device cuts from a clip, in frames: from the start every 50 frames (0.5 s),
    plus one aligned to the end. Frame-aligned, so it approximates the sample-exact windows."""
    if len(frames) <= length:
        return [crop(frames, length, None, floor)] if len(frames) == length else [
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


def update_average(average, model, decay):
    """average <- decay * average + (1 - decay) * model, over weights and batch-norm statistics."""
    with torch.no_grad():
        for kept, current in zip(average.state_dict().values(), model.state_dict().values()):
            if kept.dtype.is_floating_point:
                kept.mul_(decay).add_(current, alpha=1.0 - decay)
            else:
                kept.copy_(current)


def emotion_grouping():
    """[8, 3]: row e-1 has a 1 in the column of the sentiment of corpus emotion e."""
    grouping = np.zeros((len(EMOTION_TO_SENTIMENT), len(LABELS)), dtype=np.float32)
    for emotion, sentiment in EMOTION_TO_SENTIMENT.items():
        grouping[emotion - 1, LABELS.index(sentiment)] = 1.0
    return grouping


def train(settings, train_versions, train_labels, validation_sets, length, floor, log=print,
          noise_templates=None, keep_last=False, train_emotions=None, centres=None, train_actors=None):
    """train_versions[i] lists the feature arrays of every version of training clip i.
    With settings["targets"] "emotion" the network learns the corpus' eight emotions
    (train_emotions) and its output sums them into the three sentiments; the loss is the
    class-weighted sentiment loss on those sums plus settings["emotion_loss"] times the emotion loss.
    validation_sets maps a name to (clips, labels); the first one chooses the epoch, unless
    keep_last, when the last epoch is kept and the sets are only watched.
    With settings["adversary"] > 0 a small speaker classifier learns which training actor speaks
    from the pooled statistics, through a gradient reversal: the network is pushed towards what
    all voices share (its weight ramps up from 0 to settings["adversary"]; the classifier is not
    exported). Returns (best model, history)."""
    seed = settings["seed"]
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    generator = torch.Generator().manual_seed(seed)
    spec = SpecAugment(generator, settings["freq_masks"], settings["freq_width"],
                       settings["time_masks"], settings["time_width"]) if settings["spec_augment"] else None
    blocks = tuple((int(b[0]), int(b[1])) for b in settings["blocks"].split(","))
    model = SentimentNet(width=settings["width"], stem=settings["stem"], blocks=blocks, dropout=settings["dropout"],
                         scale=settings["scale"], per_band=settings["norm"] == "band",
                         stats=settings["pool"] == "stats",
                         grouping=emotion_grouping() if settings["targets"] == "emotion" else None,
                         band_groups=settings["band_groups"], bands=train_versions[0][0].shape[1],
                         floor_removal=settings["floor_removal"], frames=length,
                         floor_over=settings["floor_over"], floor_limit_db=settings["floor_limit_db"],
                         floor_channel=settings["floor_channel"], rfn=settings["rfn"])
    labels = np.asarray(train_labels)
    counts = np.bincount(labels, minlength=3).astype(float)
    weights = torch.tensor(len(labels) / (3.0 * np.maximum(counts, 1.0)), dtype=torch.float32)
    loss_fn = nn.CrossEntropyLoss(weight=weights, label_smoothing=settings["label_smoothing"])
    objective = lambda logits, y, e: loss_fn(logits, y)  # noqa: E731
    if model.grouping is not None:
        emotions = np.asarray(train_emotions) - 1
        emotion_counts = np.bincount(emotions, minlength=model.grouping.shape[0]).astype(float)
        emotion_loss = nn.CrossEntropyLoss(
            weight=torch.tensor(len(emotions) / (len(emotion_counts) * np.maximum(emotion_counts, 1.0)),
                                dtype=torch.float32),
            label_smoothing=settings["label_smoothing"])
        sentiment_loss = nn.NLLLoss(weight=weights)

        def objective(logits, y, e):
            grouped = torch.softmax(logits, dim=1) @ model.grouping
            return sentiment_loss(torch.log(grouped.clamp(min=1e-7)), y) + \
                settings["emotion_loss"] * emotion_loss(logits, e)
    else:
        emotions = np.zeros(len(labels), dtype=np.int64)
    parameters = list(model.parameters())
    adversary = None
    if settings["adversary"] > 0:
        speakers = sorted(set(train_actors))
        speaker_of = np.array([speakers.index(a) for a in train_actors])
        adversary = nn.Sequential(nn.Linear(model.head.in_features, 64), nn.ReLU(), nn.Linear(64, len(speakers)))
        parameters += list(adversary.parameters())
    optimizer = torch.optim.AdamW(parameters, lr=settings["lr"], weight_decay=settings["weight_decay"])
    batch = settings["batch"]
    steps_per_epoch = (len(labels) * settings["passes"] + batch - 1) // batch
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=settings["lr"], total_steps=settings["epochs"] * steps_per_epoch, pct_start=0.15)

    # An exponential moving average of the weights (and batch-norm statistics): the network the
    # epoch ends with is one noisy point of the last few hundred steps; their average is steadier
    # on voices it has not heard, and it makes "keep the last epoch" a fair choice.
    average = copy.deepcopy(model) if settings["ema"] > 0 else None
    model.spec_augment = spec  # after the copy: the average never augments (and a generator cannot be copied)
    step = 0

    selector = next(iter(validation_sets))
    best, best_score, best_epoch, history = None, -1.0, 0, []
    for epoch in range(1, settings["epochs"] + 1):
        started = time.time()
        model.train()
        order = np.concatenate([rng.permutation(len(labels)) for _ in range(settings["passes"])])
        total = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            x = np.stack([crop(train_versions[i][rng.integers(len(train_versions[i]))], length, rng, floor)
                          for i in idx])
            if settings["warp"] > 0:
                for j in range(len(idx)):
                    if rng.random() < settings["warp"]:
                        x[j] = warp_bands(x[j], rng.uniform(0.9, 1.1))
            if noise_templates and settings["noise_floor"] > 0:
                for j in range(len(idx)):
                    if rng.random() < settings["noise_floor"]:
                        x[j] = add_noise_floor(x[j], noise_templates, rng)
            if settings["mix_noise"] > 0:
                # Noise mixed in at speech-level SNR on top of the waveform copies' own: a fresh draw
                # every time (babble of other training voices, or white, pink or brown noise).
                low, high = (float(v) for v in settings["mix_snr"].split(","))
                for j in range(len(idx)):
                    if rng.random() < settings["mix_noise"]:
                        if noise_templates and rng.random() < 0.5:
                            source = noise_templates[rng.integers(len(noise_templates))]
                            noise = crop(source, length, rng, floor)
                        else:
                            noise = feature_babble(rng, train_versions, length, floor)
                        x[j] = add_noise_at_snr(x[j], noise, rng.uniform(low, high))
            if settings["band_limit"] > 0 and centres is not None:
                for j in range(len(idx)):
                    if rng.random() < settings["band_limit"]:
                        x[j] = x[j] + band_limit_curve(rng, centres)[None, :]
            if settings["channel_eq"]:
                x = x + np.stack([channel_curve(rng, x.shape[2]) for _ in idx])[:, None, :]
            y = torch.from_numpy(labels[idx])
            e = torch.from_numpy(emotions[idx])
            x = torch.from_numpy(x)
            if settings["mixup"] > 0:
                lam = float(rng.beta(settings["mixup"], settings["mixup"]))
                perm = torch.from_numpy(rng.permutation(len(idx)))
                # Mix the log-mel of two windows after normalisation would need the graph's internals;
                # mixing the raw log-mel is close enough for a regulariser.
                logits = model.logits(lam * x + (1 - lam) * x[perm])
                loss = lam * objective(logits, y, e) + (1 - lam) * objective(logits, y[perm], e[perm])
            elif adversary is not None:
                embedding = model.embedding(x)
                progress = step / (settings["epochs"] * steps_per_epoch)
                weight = settings["adversary"] * (2.0 / (1.0 + np.exp(-10.0 * progress)) - 1.0)
                speaker = torch.from_numpy(speaker_of[idx])
                loss = objective(model.head(model.dropout(embedding)), y, e) + nn.functional.cross_entropy(
                    adversary(GradientReversal.apply(embedding, weight)), speaker)
            else:
                loss = objective(model.logits(x), y, e)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            step += 1
            if average is not None:
                update_average(average, model, min(settings["ema"], (1.0 + step) / (10.0 + step)))
            total += float(loss) * len(idx)
        scored = average if average is not None else model
        figures = {name: evaluate(scored, clips, lab, length, floor) for name, (clips, lab) in validation_sets.items()}
        score = figures[selector]["uar"]
        history.append({"epoch": epoch, "loss": round(total / len(order), 4),
                        **{f"{n}_uar": f["uar"] for n, f in figures.items()}})
        log(f"epoch {epoch:3d}  loss {total / len(order):.4f}  "
            + "  ".join(f"{n} UAR {f['uar']:.3f} F1 {f['macro_f1']:.3f}" for n, f in figures.items())
            + f"  ({time.time() - started:.1f} s)")
        if keep_last or score > best_score:
            best, best_score, best_epoch = copy.deepcopy(scored.state_dict()), score, epoch
        elif epoch - best_epoch >= settings["patience"]:
            log(f"no better {selector} UAR for {settings['patience']} epochs: stopping")
            break
    model.load_state_dict(best)
    model.spec_augment = None
    model.eval()
    return model, best_epoch, history
