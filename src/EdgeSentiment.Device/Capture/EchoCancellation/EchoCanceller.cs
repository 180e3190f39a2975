namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>
/// Removes what the loudspeakers play (the reference) from what the microphone hears, with
/// SpeexDSP's adaptive multi-delay filter and, optionally, its residual echo suppressor.
/// </summary>
/// <remarks>
/// SpeexDSP works on whole frames; samples that do not fill a frame wait for the next call, so
/// the residual lags the input by less than one frame and <see cref="Process"/> may return fewer
/// or more samples than it was given. Every buffer is allocated in the constructor: a call
/// allocates nothing. One instance serves one thread at a time.
/// </remarks>
public sealed unsafe class EchoCanceller : IDisposable
{
    private const float Scale = 32767f;

    private readonly SpeexEchoStateHandle _echo;
    private readonly SpeexPreprocessStateHandle? _preprocess;
    private readonly float[] _pendingMicrophone;
    private readonly float[] _pendingReference;
    private readonly short[] _recorded;
    private readonly short[] _played;
    private readonly short[] _output;
    private int _pending;

    /// <exception cref="EchoCancellerException">libspeexdsp is missing or refused the settings.</exception>
    public EchoCanceller(EchoCancellerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        FrameSamples = settings.FrameSamples;
        TailSamples = settings.TailSamples;
        _pendingMicrophone = new float[FrameSamples];
        _pendingReference = new float[FrameSamples];
        _recorded = new short[FrameSamples];
        _played = new short[FrameSamples];
        _output = new short[FrameSamples];
        try
        {
            _echo = SpeexDspNative.EchoStateInit(FrameSamples, TailSamples);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new EchoCancellerException($"SpeexDSP is not available: {e.Message} (install libspeexdsp1)", e);
        }

        if (_echo.IsInvalid)
        {
            throw new EchoCancellerException($"SpeexDSP refused an echo canceller of {FrameSamples} samples per frame and a {TailSamples}-sample tail");
        }

        var rate = settings.SampleRate;
        SpeexDspNative.EchoControl(_echo, SpeexDspNative.EchoSetSamplingRate, &rate);
        if (settings.SuppressResidual)
        {
            _preprocess = SpeexDspNative.PreprocessStateInit(FrameSamples, rate);
            if (_preprocess.IsInvalid)
            {
                _echo.Dispose();
                throw new EchoCancellerException("SpeexDSP refused a residual echo suppressor");
            }

            // The echo state pointer is borrowed for as long as the preprocessor lives; both are
            // released together in Dispose. Noise suppression stays off: steady noise is the
            // speech detector's job, and it must see the room as it is.
            var off = 0;
            var suppress = settings.ResidualSuppressionDb;
            var suppressActive = settings.ResidualSuppressionDb / 2;
            SpeexDspNative.PreprocessControl(_preprocess, SpeexDspNative.PreprocessSetDenoise, &off);
            SpeexDspNative.PreprocessControl(_preprocess, SpeexDspNative.PreprocessSetEchoSuppress, &suppress);
            SpeexDspNative.PreprocessControl(_preprocess, SpeexDspNative.PreprocessSetEchoSuppressActive, &suppressActive);
            var added = false;
            _echo.DangerousAddRef(ref added);
            SpeexDspNative.PreprocessControl(_preprocess, SpeexDspNative.PreprocessSetEchoState, (void*)_echo.DangerousGetHandle());
        }
    }

    public EchoCancellerSettings Settings { get; }

    /// <summary>Samples SpeexDSP processes at a time.</summary>
    public int FrameSamples { get; }

    /// <summary>Length of the echo the filter models, in samples.</summary>
    public int TailSamples { get; }

    /// <summary>The most samples <see cref="Process"/> can write for <paramref name="inputLength"/> input samples.</summary>
    public int MaxOutputLength(int inputLength) => (inputLength / FrameSamples + 1) * FrameSamples;

    /// <summary>
    /// Cancels <paramref name="reference"/> (what is played, sample for sample in step with the
    /// microphone) from <paramref name="microphone"/> and writes what remains to
    /// <paramref name="residual"/>, and what was taken away to <paramref name="removed"/>.
    /// </summary>
    /// <returns>Samples written to each of <paramref name="residual"/> and <paramref name="removed"/>.</returns>
    public int Process(ReadOnlySpan<float> microphone, ReadOnlySpan<float> reference, Span<float> residual, Span<float> removed)
    {
        if (microphone.Length != reference.Length)
        {
            throw new ArgumentException($"microphone and reference must be as long, got {microphone.Length} and {reference.Length} samples", nameof(reference));
        }

        var room = MaxOutputLength(microphone.Length);
        if (residual.Length < room || removed.Length < room)
        {
            throw new ArgumentException($"room for {room} samples is needed", nameof(residual));
        }

        var written = 0;
        var offset = 0;
        while (offset < microphone.Length)
        {
            var take = Math.Min(FrameSamples - _pending, microphone.Length - offset);
            microphone.Slice(offset, take).CopyTo(_pendingMicrophone.AsSpan(_pending));
            reference.Slice(offset, take).CopyTo(_pendingReference.AsSpan(_pending));
            _pending += take;
            offset += take;
            if (_pending == FrameSamples)
            {
                CancelFrame(residual.Slice(written, FrameSamples), removed.Slice(written, FrameSamples));
                written += FrameSamples;
                _pending = 0;
            }
        }

        return written;
    }

    /// <summary>Forgets the learned room and any pending samples, e.g. after the capture device was opened again.</summary>
    public void Reset()
    {
        SpeexDspNative.EchoStateReset(_echo);
        _pending = 0;
    }

    public void Dispose()
    {
        if (_preprocess is not null && !_preprocess.IsClosed)
        {
            _preprocess.Dispose();
            _echo.DangerousRelease();
        }

        _echo.Dispose();
    }

    private void CancelFrame(Span<float> residual, Span<float> removed)
    {
        ToPcm(_pendingMicrophone, _recorded);
        ToPcm(_pendingReference, _played);
        fixed (short* recorded = _recorded)
        fixed (short* played = _played)
        fixed (short* output = _output)
        {
            SpeexDspNative.EchoCancellation(_echo, recorded, played, output);

            // What was removed is the filter's estimate of the echo, taken before the suppressor:
            // the suppressor also trims the audience's voice where it overlaps the film, and
            // that must not count as the film.
            for (var i = 0; i < FrameSamples; i++)
            {
                removed[i] = _pendingMicrophone[i] - (_output[i] / Scale);
            }

            if (_preprocess is not null)
            {
                SpeexDspNative.PreprocessRun(_preprocess, output);
            }
        }

        for (var i = 0; i < FrameSamples; i++)
        {
            residual[i] = _output[i] / Scale;
        }
    }

    private static void ToPcm(ReadOnlySpan<float> samples, Span<short> pcm)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * Scale), short.MinValue, short.MaxValue);
        }
    }
}
