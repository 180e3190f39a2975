namespace EdgeSentiment.Device.Booth.Opus;

/// <summary>
/// Encodes mono float audio to an Ogg Opus file (RFC 7845) written to a stream as pages are
/// finished, through Debian's libopusenc: the reference encoder and muxer, so any player opens it.
/// </summary>
/// <remarks>
/// libopusenc takes any input rate (the device's 16 kHz), resamples to Opus's 48 kHz and records the
/// input rate in the OpusHead, so decoders can give back the original rate. Only whole files are
/// valid: <see cref="Complete"/> writes the last page with its end-of-stream flag.
/// </remarks>
public sealed unsafe class OggOpusWriter : IDisposable
{
    private const int Mono = 1;

    private readonly Stream _output;
    private readonly OpusEncoderHandle _encoder;
    private bool _completed;

    /// <summary>Starts a file of <paramref name="sampleRate"/> Hz mono audio on <paramref name="output"/>;
    /// <paramref name="comments"/> become its Vorbis comments (e.g. TITLE).</summary>
    public OggOpusWriter(Stream output, int sampleRate, IReadOnlyDictionary<string, string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        try
        {
            using var tags = OpusEncNative.CommentsCreate();
            if (tags.IsInvalid)
            {
                throw new OpusEncoderException("libopusenc could not allocate the file's comments (out of memory?)");
            }

            foreach (var (tag, value) in comments ?? new Dictionary<string, string>())
            {
                _ = OpusEncNative.CommentsAdd(tags, tag, value);
            }

            _encoder = OpusEncNative.EncoderCreatePull(tags, sampleRate, Mono, OpusEncNative.MappingFamilyMonoStereo, out var error);
            if (_encoder.IsInvalid || error != OpusEncNative.Ok)
            {
                _encoder.Dispose();
                throw new OpusEncoderException($"libopusenc refused a {sampleRate} Hz mono encoder: {OpusEncNative.ErrorText(error)}");
            }
        }
        catch (DllNotFoundException e)
        {
            throw new OpusEncoderException($"{OpusEncNative.Library} is not installed: install it with 'sudo apt-get install libopusenc0'", e);
        }
    }

    /// <summary>Encodes <paramref name="samples"/> and writes whatever pages are finished.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_encoder.IsClosed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the Opus file is already complete");
        }

        if (samples.IsEmpty)
        {
            return;
        }

        fixed (float* pcm = samples)
        {
            Check(OpusEncNative.EncoderWriteFloat(_encoder, pcm, samples.Length), "encode");
        }

        WritePages(flush: false);
    }

    /// <summary>Encodes the buffered tail and writes the last pages: the file is whole after this.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_encoder.IsClosed, this);
        if (_completed)
        {
            return;
        }

        Check(OpusEncNative.EncoderDrain(_encoder), "finish");
        WritePages(flush: true);
        _completed = true;
    }

    public void Dispose() => _encoder.Dispose();

    private void WritePages(bool flush)
    {
        // A page pointer stays valid only until the next call into the encoder: copy it out at once.
        while (OpusEncNative.EncoderGetPage(_encoder, out var page, out var length, flush ? 1 : 0) != 0)
        {
            _output.Write(new ReadOnlySpan<byte>(page, length));
        }
    }

    private static void Check(int result, string what)
    {
        if (result != OpusEncNative.Ok)
        {
            throw new OpusEncoderException($"libopusenc could not {what} the audio: {OpusEncNative.ErrorText(result)}");
        }
    }
}
