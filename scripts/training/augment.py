"""Waveform augmentation for a cinema: far-field room, crowd and film sound, unknown gain.

Everything is drawn from a numpy Generator the caller seeds, so a run is repeatable.
"""

import numpy as np
import scipy.signal

SAMPLE_RATE = 16000


def coloured_noise(rng, length, exponent):
    """Noise whose power falls as 1/f**exponent (0 white, 1 pink, 2 brown)."""
    spectrum = rng.standard_normal(length // 2 + 1) + 1j * rng.standard_normal(length // 2 + 1)
    freqs = np.fft.rfftfreq(length, 1.0 / SAMPLE_RATE)
    freqs[0] = freqs[1]
    spectrum *= freqs ** (-exponent / 2.0)
    noise = np.fft.irfft(spectrum, n=length)
    return (noise / (np.std(noise) + 1e-12)).astype(np.float32)


def rumble(rng, length):
    """Low-frequency rumble: low-passed brown noise plus a mains or projector hum."""
    cutoff = rng.uniform(60.0, 200.0)
    sos = scipy.signal.butter(4, cutoff, btype="low", fs=SAMPLE_RATE, output="sos")
    noise = scipy.signal.sosfilt(sos, coloured_noise(rng, length, 2.0))
    t = np.arange(length) / SAMPLE_RATE
    hum_freq = rng.choice([50.0, 60.0]) * rng.uniform(0.98, 1.02)
    hum = sum(np.sin(2 * np.pi * hum_freq * k * t + rng.uniform(0, 2 * np.pi)) / k for k in (1, 2, 3))
    noise = noise / (np.std(noise) + 1e-12) + rng.uniform(0.0, 1.0) * hum / (np.std(hum) + 1e-12)
    return (noise / (np.std(noise) + 1e-12)).astype(np.float32)


def film_sound(rng, length):
    """A stand-in for a soundtrack: chords of harmonic tones with swells, over a noise bed."""
    t = np.arange(length) / SAMPLE_RATE
    out = np.zeros(length)
    position = 0
    while position < length:
        span = int(rng.uniform(0.3, 1.5) * SAMPLE_RATE)
        end = min(length, position + span)
        seg = t[position:end] - t[position]
        envelope = np.sqrt(np.clip(np.sin(np.pi * seg / max(seg[-1], 1e-3)), 0.0, None))
        for _ in range(rng.integers(1, 4)):
            f0 = 55.0 * 2 ** (rng.integers(0, 48) / 12.0)
            for k in range(1, 6):
                if f0 * k < SAMPLE_RATE / 2:
                    out[position:end] += envelope * np.sin(2 * np.pi * f0 * k * seg) / k ** 1.5
        position = end
    out = out / (np.std(out) + 1e-12) + 0.3 * coloured_noise(rng, length, 1.0)
    return (out / (np.std(out) + 1e-12)).astype(np.float32)


def babble(rng, length, pool):
    """Crowd babble: several other training clips at random offsets, summed."""
    out = np.zeros(length, dtype=np.float32)
    for _ in range(rng.integers(3, 8)):
        other = pool[rng.integers(len(pool))]
        other = other / (np.std(other) + 1e-9)
        start = rng.integers(-len(other) // 2, length)
        a, b = max(0, start), min(length, start + len(other))
        if b > a:
            out[a:b] += other[a - start:b - start]
    return out / (np.std(out) + 1e-9)


def room_impulse_response(rng, rt60):
    """Exponentially decaying noise with the given RT60, after a direct path and early reflections."""
    length = int(rt60 * 1.2 * SAMPLE_RATE)
    t = np.arange(length) / SAMPLE_RATE
    tail = rng.standard_normal(length) * np.exp(-6.9078 * t / rt60)
    # Air and walls absorb the highs faster: soften the tail.
    sos = scipy.signal.butter(2, rng.uniform(3000.0, 7500.0), btype="low", fs=SAMPLE_RATE, output="sos")
    tail = scipy.signal.sosfilt(sos, tail)
    pre_delay = int(rng.uniform(0.002, 0.02) * SAMPLE_RATE)
    tail[:pre_delay] = 0.0
    rir = tail / (np.sqrt(np.sum(tail ** 2)) + 1e-12)
    # Direct-to-reverberant ratio: far-field microphones sit between -5 and +10 dB.
    drr = 10 ** (rng.uniform(-5.0, 10.0) / 20.0)
    rir[0] += drr
    return rir


def speed(samples, factor):
    """Resamples by factor (0.9-1.1): speed and pitch change together."""
    up = 100
    down = int(round(100 * factor))
    return scipy.signal.resample_poly(samples, up, down).astype(np.float32)


def add_at_snr(signal, noise, snr_db):
    """signal + noise scaled so the speech-to-noise ratio is snr_db (over the active speech)."""
    power = np.mean(signal ** 2) + 1e-12
    noise_power = np.mean(noise ** 2) + 1e-12
    return signal + noise * np.sqrt(power / (noise_power * 10 ** (snr_db / 10.0)))


def telephone(samples):
    """A telephone-band channel (300-3400 Hz, 4th-order Butterworth) at the same RMS: far harsher
    than the smooth responses the training adds, a stand-in for a cheap or distant microphone."""
    sos = scipy.signal.butter(4, (300.0, 3400.0), btype="band", fs=SAMPLE_RATE, output="sos")
    filtered = scipy.signal.sosfilt(sos, samples)
    return (filtered * np.sqrt(np.mean(samples ** 2) / (np.mean(filtered ** 2) + 1e-12))).astype(np.float32)


def ventilation(rng, length):
    """Ventilation: white noise band-passed to 100-1500 Hz. Never mixed in during training."""
    sos = scipy.signal.butter(4, (100.0, 1500.0), btype="band", fs=SAMPLE_RATE, output="sos")
    noise = scipy.signal.sosfilt(sos, rng.standard_normal(length))
    return (noise / (np.std(noise) + 1e-12)).astype(np.float32)


def unseen_babble(rng, length, clips, own_actor, read):
    """Babble of six clips of `clips` spoken by actors other than own_actor: with clips of actors
    a network never heard, voices it has not learned from. read(path) loads a clip."""
    others = [c for c in clips if c.actor != own_actor]
    pool = [read(others[i].path) for i in rng.choice(len(others), size=6, replace=False)]
    return babble(rng, length, pool)


def make_noise(rng, kind, length, pool):
    if kind == "white":
        return coloured_noise(rng, length, 0.0)
    if kind == "pink":
        return coloured_noise(rng, length, 1.0)
    if kind == "brown":
        return coloured_noise(rng, length, 2.0)
    if kind == "rumble":
        return rumble(rng, length)
    if kind == "babble":
        return babble(rng, length, pool)
    if kind == "film":
        return film_sound(rng, length)
    raise ValueError(kind)


NOISE_KINDS = ("white", "pink", "brown", "rumble", "babble", "babble", "film")


def augment(rng, samples, pool):
    """One randomly degraded copy of samples (float32 mono at 16 kHz), about as long as the input."""
    x = samples.astype(np.float32)
    if rng.random() < 0.8:
        x = speed(x, rng.uniform(0.9, 1.1))
    # Random time shift: up to 0.3 s of silence before the speech, or a later start.
    shift = int(rng.uniform(-0.15, 0.3) * SAMPLE_RATE)
    if shift > 0:
        x = np.concatenate([np.zeros(shift, dtype=np.float32), x])
    elif shift < 0:
        x = x[-shift:]
    if rng.random() < 0.7:
        rir = room_impulse_response(rng, rng.uniform(0.2, 1.0))
        x = scipy.signal.fftconvolve(x, rir)[: len(x)].astype(np.float32)
    if rng.random() < 0.85:
        kind = NOISE_KINDS[rng.integers(len(NOISE_KINDS))]
        x = add_at_snr(x, make_noise(rng, kind, len(x), pool), rng.uniform(0.0, 30.0))
    x = x / (np.sqrt(np.mean(x ** 2)) + 1e-9) * np.sqrt(np.mean(samples ** 2))
    x = x * 10 ** (rng.uniform(-20.0, 20.0) / 20.0)
    peak = np.max(np.abs(x))
    if peak > 0.99:
        # A real input stage clips; mostly keep the level but let a few peaks saturate.
        x = np.clip(x * (0.99 / peak) ** 0.8, -1.0, 1.0)
    return x.astype(np.float32)
