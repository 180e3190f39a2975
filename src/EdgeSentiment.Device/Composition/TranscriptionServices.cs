using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Device.Transcription.PocketSphinx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Composition;

/// <summary>Registers the live transcription with the host when <c>Transcription:Enabled</c>.</summary>
public static class TranscriptionServices
{
    /// <summary>
    /// Binds and validates <c>Transcription</c> and, when enabled, registers the recogniser's worker and
    /// <see cref="LiveTranscription"/> as an audio tap, a sink of the windows and a hosted service
    /// (registered before the pipeline, so it stops after the pipeline has handed it the last windows).
    /// In a review booth (<c>Booth:Enabled</c>) only the worker is registered: the booth hands it the
    /// utterances of its reviews and nothing else, and the words go back to the reviews' sealed documents.
    /// Nothing that could transcribe is registered while it is off.
    /// </summary>
    public static IServiceCollection AddLiveTranscription(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TranscriptionOptions>().Bind(configuration.GetSection(TranscriptionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranscriptionOptions>, TranscriptionOptionsValidator>());
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var booth = BoothServices.IsEnabled(configuration);
        services.TryAddSingleton(sp => new TranscriptionMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranscriptionOptions>>().Value;
            var text = OpenTextModel(options.TextModelPath());
            try
            {
                return new TranscriptionWorker(
                    OpenRecogniser(options),
                    text,
                    new LateFusion(),
                    sp.GetRequiredService<ITranscriptStore>(),
                    sp.GetRequiredService<TranscriptionMetrics>(),
                    options.MaxQueuedSeconds,
                    DrainTimeout(sp.GetRequiredService<IOptions<PipelineOptions>>().Value),
                    sp.GetRequiredService<ILogger<TranscriptionWorker>>(),
                    booth ? "the booth's review documents" : "the result store");
            }
            catch
            {
                text.Dispose();
                throw;
            }
        });
        if (booth)
        {
            services.AddHostedService(sp => sp.GetRequiredService<TranscriptionWorker>());
            return services;
        }

        services.TryAddSingleton(sp => new LiveTranscription(sp.GetRequiredService<TranscriptionWorker>()));
        services.AddHostedService(sp => sp.GetRequiredService<LiveTranscription>());
        services.AddSingleton<IAudioTap>(sp => sp.GetRequiredService<LiveTranscription>());
        services.AddSingleton<IMoodSink>(sp => sp.GetRequiredService<LiveTranscription>());
        return services;
    }

    /// <summary>
    /// What the recogniser gets on stop for the utterances queued: the sinks' <c>Pipeline:DrainSeconds</c>,
    /// but at least 5 s, time to decode one utterance on a board; both stay within systemd's 10 s stop timeout.
    /// </summary>
    internal static TimeSpan DrainTimeout(PipelineOptions pipeline) => TimeSpan.FromSeconds(Math.Max(5, pipeline.DrainSeconds));

    internal static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(TranscriptionOptions.SectionName).GetValue<bool>(nameof(TranscriptionOptions.Enabled));

    private static PocketSphinxTranscriber OpenRecogniser(TranscriptionOptions options)
    {
        try
        {
            return PocketSphinxTranscriber.Open(PocketSphinxSettings.Default with
            {
                ReviewLanguageModel = options.ReviewLanguageModelPath(),
                ReviewWeight = (float)options.ReviewWeight,
            });
        }
        catch (TranscriptionException e)
        {
            throw SettingFailures.ForRecogniser(e);
        }
    }

    private static TextModelWords OpenTextModel(string path)
    {
        try
        {
            return new TextModelWords(TextSentimentClassifier.Load(path));
        }
        catch (ModelLoadException e)
        {
            throw SettingFailures.ForTextModel(path, e);
        }
    }
}
