using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// CMU PocketSphinx 0.8 from Debian through our binding: one decoder, one utterance at a time.
/// The audio goes in as 16-bit samples in chunks through a buffer allocated once. One instance
/// serves one thread at a time.
/// </summary>
public sealed unsafe class PocketSphinxTranscriber : ITranscriber
{
    private const int ChunkSamples = 4096;
    private const string MixSearch = "review-mix";

    private readonly NativeUtf8Strings _arguments;
    private readonly ConfigHandle _config;
    private readonly DecoderHandle _decoder;
    private readonly nint _logMath;
    private readonly short[] _chunk = new short[ChunkSamples];

    private PocketSphinxTranscriber(NativeUtf8Strings arguments, ConfigHandle config, DecoderHandle decoder, string description)
    {
        _arguments = arguments;
        _config = config;
        _decoder = decoder;
        _logMath = PocketSphinxNative.GetLogMath(decoder);
        Description = description;
    }

    public int SampleRate => PocketSphinxSettings.SampleRate;

    public string Description { get; }

    /// <summary>Checks the library and the model files, then starts a decoder with <paramref name="settings"/>.</summary>
    /// <exception cref="TranscriptionException">The library or a model file is missing or unusable; the message says which and what to do.</exception>
    public static PocketSphinxTranscriber Open(PocketSphinxSettings? settings = null)
    {
        settings ??= PocketSphinxSettings.Default;
        PocketSphinxLibrary.Require();
        RequireModelFiles(settings);

        var review = settings.ReviewLanguageModel;
        var reviewOnly = review is not null && settings.ReviewWeight >= 1f;
        if (review is not null && !(settings.ReviewWeight > 0f && settings.ReviewWeight <= 1f))
        {
            throw new TranscriptionException($"the review language model's weight must be in (0, 1], got {settings.ReviewWeight}.");
        }

        // argv[0] is skipped by cmd_ln_parse_r, like a program name. Without -lm the decoder starts
        // with no search; the interpolated one is added below. -logfn keeps its log off stderr.
        var argv = new List<string> { "pocketsphinx", "-hmm", settings.AcousticModel, "-dict", settings.Dictionary, "-logfn", "/dev/null" };
        argv.AddRange(settings.SearchArguments());
        if (review is null || reviewOnly)
        {
            argv.Add("-lm");
            argv.Add(reviewOnly ? review! : settings.LanguageModel);
        }

        var arguments = new NativeUtf8Strings(argv);
        ConfigHandle? config = null;
        DecoderHandle? decoder = null;
        try
        {
            config = PocketSphinxNative.ParseArguments(0, PocketSphinxNative.Arguments(), arguments.Count, arguments.Pointers, strict: 1);
            if (config.IsInvalid)
            {
                throw new TranscriptionException($"PocketSphinx refused its settings ({string.Join(' ', argv.Skip(1))}).");
            }

            decoder = PocketSphinxNative.Init(config);
            if (decoder.IsInvalid)
            {
                var lm = reviewOnly ? review : settings.LanguageModel;
                throw new TranscriptionException(
                    $"PocketSphinx could not load its models (acoustic model {settings.AcousticModel}, dictionary {settings.Dictionary}, language model {lm}): "
                    + "rebuild a language model of ours with scripts/build-review-lm, or reinstall Debian's (apt-get install --reinstall pocketsphinx-en-us).");
            }

            var description = $"pocketsphinx 0.8, {Path.GetFileName(settings.LanguageModel)}";
            if (review is not null && !reviewOnly)
            {
                Interpolate(config, decoder, settings.LanguageModel, review, settings.ReviewWeight);
                description += $" + {Path.GetFileName(review)} ({settings.ReviewWeight:0.##})";
            }
            else if (reviewOnly)
            {
                description = $"pocketsphinx 0.8, {Path.GetFileName(review)}";
            }

            return new PocketSphinxTranscriber(arguments, config, decoder, description);
        }
        catch
        {
            decoder?.Dispose();
            config?.Dispose();
            arguments.Dispose();
            throw;
        }
    }

    public Transcript Transcribe(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_decoder.IsClosed, this);
        Check(PocketSphinxNative.StartUtterance(_decoder), "ps_start_utt");
        try
        {
            for (var offset = 0; offset < samples.Length; offset += ChunkSamples)
            {
                var part = samples.Slice(offset, Math.Min(ChunkSamples, samples.Length - offset));
                for (var i = 0; i < part.Length; i++)
                {
                    _chunk[i] = (short)Math.Clamp(MathF.Round(part[i] * short.MaxValue), short.MinValue, short.MaxValue);
                }

                fixed (short* chunk = _chunk)
                {
                    Check(PocketSphinxNative.ProcessRaw(_decoder, chunk, (nuint)part.Length, noSearch: 0, fullUtterance: 0), "ps_process_raw");
                }
            }
        }
        finally
        {
            // Always close the utterance, so a failure leaves the decoder ready for the next one.
            _ = PocketSphinxNative.EndUtterance(_decoder);
        }

        // The string belongs to the decoder and is overwritten by its next call: copy it now.
        var hypothesis = Marshal.PtrToStringUTF8(PocketSphinxNative.GetHypothesis(_decoder, out _))?.Trim() ?? string.Empty;
        if (hypothesis.Length == 0)
        {
            return Transcript.Empty;
        }

        // ps_get_prob is the log posterior of the whole word sequence, which shrinks with every word;
        // its per-word share (a geometric mean of the words' posteriors) compares across lengths.
        var transcript = new Transcript(hypothesis, 0f);
        var logPosterior = PocketSphinxNative.GetProbability(_decoder);
        var perWord = PocketSphinxNative.LogMathExp(_logMath, logPosterior / Math.Max(1, transcript.WordCount));
        return transcript with { Confidence = (float)Math.Clamp(perWord, 0, 1) };
    }

    public void Dispose()
    {
        // The decoder holds a reference to the config, and the config points into the arguments.
        _decoder.Dispose();
        _config.Dispose();
        _arguments.Dispose();
    }

    private static void Interpolate(ConfigHandle config, DecoderHandle decoder, string general, string review, float reviewWeight)
    {
        var logMath = PocketSphinxNative.GetLogMath(decoder);
        using var strings = new NativeUtf8Strings([general, review, "general", "review", MixSearch]);
        using var generalModel = PocketSphinxNative.ReadNgramModel(config, strings[0], PocketSphinxNative.NgramAuto, logMath);
        using var reviewModel = PocketSphinxNative.ReadNgramModel(config, strings[1], PocketSphinxNative.NgramAuto, logMath);
        if (generalModel.IsInvalid || reviewModel.IsInvalid)
        {
            var bad = generalModel.IsInvalid ? general : review;
            throw new TranscriptionException($"could not read the language model {bad}: it is not an ARPA or Sphinx binary n-gram file.");
        }

        var models = stackalloc nint[2];
        var names = stackalloc byte*[2];
        var weights = stackalloc float[2];
        var addedGeneral = false;
        var addedReview = false;
        try
        {
            generalModel.DangerousAddRef(ref addedGeneral);
            reviewModel.DangerousAddRef(ref addedReview);
            models[0] = generalModel.DangerousGetHandle();
            models[1] = reviewModel.DangerousGetHandle();
            names[0] = strings[2];
            names[1] = strings[3];
            weights[0] = 1f - reviewWeight;
            weights[1] = reviewWeight;

            // The set and then the decoder each keep their own reference; ours go at the end of this method.
            using var set = PocketSphinxNative.InitNgramSet(config, models, names, weights, 2);
            if (set.IsInvalid)
            {
                throw new TranscriptionException($"could not interpolate {review} with {general}: the models differ in their log base.");
            }

            Check(PocketSphinxNative.SetLanguageModel(decoder, strings[4], set), "ps_set_lm");
            Check(PocketSphinxNative.SetSearch(decoder, strings[4]), "ps_set_search");
        }
        finally
        {
            if (addedReview)
            {
                reviewModel.DangerousRelease();
            }

            if (addedGeneral)
            {
                generalModel.DangerousRelease();
            }
        }
    }

    private static void RequireModelFiles(PocketSphinxSettings settings)
    {
        const string Reinstall = "install pocketsphinx-en-us (apt-get install pocketsphinx-en-us) or point the setting at the file";
        if (!File.Exists(Path.Combine(settings.AcousticModel, "mdef")))
        {
            throw new TranscriptionException($"the speech recognition acoustic model is missing ({settings.AcousticModel} has no mdef): {Reinstall}.");
        }

        foreach (var (what, path) in new[] { ("dictionary", settings.Dictionary), ("language model", settings.LanguageModel) })
        {
            if (!File.Exists(path))
            {
                throw new TranscriptionException($"the speech recognition {what} is missing ({path}): {Reinstall}.");
            }
        }

        if (settings.ReviewLanguageModel is { } review && !File.Exists(review))
        {
            throw new TranscriptionException($"the review language model is missing ({review}): build it with scripts/build-review-lm.");
        }
    }

    private static void Check(int status, string call)
    {
        if (status < 0)
        {
            throw new TranscriptionException($"PocketSphinx {call} failed ({status}).");
        }
    }
}
