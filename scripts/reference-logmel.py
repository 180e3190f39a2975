#!/usr/bin/python3
"""Reference log-mel features, written from docs/features.md with numpy only (no NWaves).

Reads a 16 kHz mono 16-bit WAV and writes its features as little-endian float32, frame after
frame, 64 values per frame. The C# golden-file test compares LogMelExtractor against this output.

Usage: scripts/reference-logmel.py IN.wav OUT.f32
"""
import sys
import wave

import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 400
HOP_LENGTH = 160
FFT_SIZE = 512
MEL_BANDS = 64
FMIN = 50.0
FMAX = 8000.0
LOG_FLOOR = 1e-10


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"{path}: need 16 kHz mono 16-bit PCM")
        data = w.readframes(w.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0


def hz_to_mel(f):
    return 1127.0 * np.log1p(np.asarray(f, dtype=np.float64) / 700.0)


def mel_to_hz(m):
    return 700.0 * np.expm1(np.asarray(m, dtype=np.float64) / 1127.0)


def mel_filterbank():
    # MEL_BANDS + 2 edges equally spaced in HTK mel; band b spans edges b..b+2, peak 1 at b+1,
    # weights linear in mel (not in Hz), no area normalisation.
    edges = hz_to_mel(mel_to_hz(np.linspace(hz_to_mel(FMIN), hz_to_mel(FMAX), MEL_BANDS + 2)))
    bins = hz_to_mel(np.arange(FFT_SIZE // 2 + 1) * SAMPLE_RATE / FFT_SIZE)
    bank = np.zeros((MEL_BANDS, FFT_SIZE // 2 + 1))
    for b in range(MEL_BANDS):
        left, centre, right = edges[b], edges[b + 1], edges[b + 2]
        rising = (bins > left) & (bins <= centre)
        falling = (bins > centre) & (bins < right)
        bank[b, rising] = (bins[rising] - left) / (centre - left)
        bank[b, falling] = (right - bins[falling]) / (right - centre)
    return bank


def logmel(samples):
    frames = 0 if len(samples) < FRAME_LENGTH else 1 + (len(samples) - FRAME_LENGTH) // HOP_LENGTH
    n = np.arange(FRAME_LENGTH)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * n / (FRAME_LENGTH - 1))  # symmetric Hann
    bank = mel_filterbank()
    out = np.empty((frames, MEL_BANDS))
    for i in range(frames):
        frame = samples[i * HOP_LENGTH:i * HOP_LENGTH + FRAME_LENGTH] * window
        power = np.abs(np.fft.rfft(frame, FFT_SIZE)) ** 2
        out[i] = np.log(np.maximum(bank @ power, LOG_FLOOR))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    features = logmel(read_wav(sys.argv[1]))
    features.astype("<f4").tofile(sys.argv[2])
    print(f"{sys.argv[2]}: {features.shape[0]} frames x {features.shape[1]} bands")


if __name__ == "__main__":
    main()
