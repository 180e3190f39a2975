"""Augmentations of log-mel windows (the features the network reads): random crops, microphone and
channel responses, a quiet noise floor, band warping and noise mixed in the power domain."""

import numpy as np

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
