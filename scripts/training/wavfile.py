"""Reading and writing mono WAV files as float32 in [-1, 1]."""

import numpy as np
import scipy.io.wavfile
import scipy.signal


def read(path, sample_rate=16000):
    """Mono float32 samples of path at sample_rate (mixing channels, resampling when needed)."""
    rate, data = scipy.io.wavfile.read(path)
    if data.dtype == np.int16:
        samples = data.astype(np.float32) / 32768.0
    elif data.dtype == np.int32:
        samples = data.astype(np.float32) / 2147483648.0
    elif data.dtype == np.uint8:
        samples = (data.astype(np.float32) - 128.0) / 128.0
    else:
        samples = data.astype(np.float32)
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    if rate != sample_rate:
        divisor = np.gcd(rate, sample_rate)
        samples = scipy.signal.resample_poly(samples, sample_rate // divisor, rate // divisor).astype(np.float32)
    return samples


def write_pcm16(path, samples, sample_rate=16000):
    """Writes samples as 16-bit PCM, the format of the device's microphone."""
    pcm = np.clip(np.round(np.nan_to_num(samples) * 32767.0), -32768, 32767).astype(np.int16)
    scipy.io.wavfile.write(path, sample_rate, pcm)
