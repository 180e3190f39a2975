using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Composition;

/// <summary>Registers the review booth with the host when <c>Booth:Enabled</c>.</summary>
public static class BoothServices
{
    /// <summary>
    /// Binds and validates <c>Booth</c> (always: a studio's private key must never sit on the device,
    /// booth on or off) and, when enabled, registers the spool, the booth as the pipeline's audio tap
    /// and as a sink of its windows, with the transcription worker when <c>Transcription:Enabled</c>
    /// (registered before it). Nothing is registered that could record while the booth is off.
    /// </summary>
    public static IServiceCollection AddReviewBooth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BoothOptions>().Bind(configuration.GetSection(BoothOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoothOptions>, BoothOptionsValidator>());
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BoothOptions>>().Value;
            var recipients = options.Recipients.Select(AgeRecipient.Parse).ToList();
            return new ReviewSpool(Path.GetFullPath(options.SpoolFolder), options.SpoolLimitBytes, recipients);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BoothOptions>>().Value;
            var spool = sp.GetRequiredService<ReviewSpool>();
            try
            {
                return new ReviewBooth(
                    spool,
                    options,
                    sp.GetRequiredService<IOptions<MqttOptions>>().Value.DeviceId,
                    CaptureFormat.SampleRate,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<ReviewBooth>>(),
                    sp.GetRequiredService<IResultWriter>(),
                    Words(sp.GetService<TranscriptionWorker>()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OptionsValidationException(
                    BoothOptions.SectionName,
                    typeof(BoothOptions),
                    [$"Booth:SpoolFolder {spool.Folder} cannot be created or written ({e.Message}); create it for the agent's user, or choose another folder"]);
            }
        });
        services.AddSingleton<IAudioTap>(sp =>
        {
            var booth = sp.GetRequiredService<ReviewBooth>();

            // The LEDs say what the booth does: every LED on while it records, red blinking after a refusal.
            var indicator = sp.GetRequiredService<IndicatorSink>();
            booth.StateChanged += state => indicator.Overlay(state switch
            {
                BoothState.Recording => LedPattern.Recording,
                BoothState.SpoolFull => LedPattern.BoothRefused,
                _ => null,
            });
            return booth;
        });
        services.AddSingleton<IMoodSink, BoothSink>();
        return services;
    }

    /// <summary>With transcription on: the ring of the reviews' audio in RAM (the longest utterance and the windows' latency) and the way to the recogniser.</summary>
    private static UtteranceHandoff? Words(TranscriptionWorker? worker) =>
        worker is null
            ? null
            : new UtteranceHandoff(worker, new AudioHistory((int)((LiveTranscription.MaxUtteranceSeconds + LiveTranscription.LatencySeconds) * worker.SampleRate)));

    /// <summary>The button's loop; registered after the pipeline so it stops first and seals the review being recorded.</summary>
    public static IServiceCollection AddBoothButton(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddHostedService<BoothService>();
        }

        return services;
    }

    internal static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(BoothOptions.SectionName).GetValue<bool>(nameof(BoothOptions.Enabled));
}
