using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Puts the device's stages together: each stage's options (bound, validated at start), the
/// pipeline's parts, the store, the publisher and the control socket, in the order they must start
/// and stop. The agent hosts them; the technician's tool binds the same options through them.
/// </summary>
public static class DeviceServices
{
    /// <summary>Registers every stage's options, the pipeline's parts and the hosted services.</summary>
    public static void AddDevice(IServiceCollection services, IConfiguration configuration)
    {
        // First, so the store's service stops after the pipeline has drained into it.
        services.AddResultStore(configuration);
        // Off unless Mqtt:Enabled: the publisher drains the store's outbox and sends the mood.
        services.AddMqttPublishing(configuration);
        services.AddOptions<CaptureOptions>().Bind(configuration.GetSection(CaptureOptions.SectionName)).ValidateOnStart();
        services.AddOptions<IndicatorOptions>().Bind(configuration.GetSection(IndicatorOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaptureOptions>, CaptureOptionsValidator>();
        services.AddSingleton<IValidateOptions<IndicatorOptions>, IndicatorOptionsValidator>();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton(sp => new PipelineHeartbeat(sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var capture = sp.GetRequiredService<IOptions<CaptureOptions>>().Value;
            var path = options.ModelPath();
            sp.GetRequiredService<ILogger<PipelineService>>().AgentStarting(path);
            try
            {
                return WindowClassifier.Load(path, speech: AudioSourceFactory.SpeechDetector(capture), threads: options.InferenceThreads);
            }
            catch (ModelLoadException e)
            {
                throw SettingFailures.ForModel(path, e);
            }
        });
        services.TryAddSingleton<ClassifyWindow>(sp => sp.GetRequiredService<WindowClassifier>().Classify);
        // The microphone's device opener is a service of its own: the seam where PortAudio is reached.
        services.TryAddSingleton(sp => AudioSourceFactory.CreateOpener(sp.GetRequiredService<IOptions<CaptureOptions>>().Value));
        services.TryAddSingleton(sp => AudioSourceFactory.Create(
            sp.GetRequiredService<IOptions<CaptureOptions>>().Value,
            sp.GetRequiredService<ICaptureDeviceOpener>,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => IndicatorFactory.Create(
            sp.GetRequiredService<IOptions<IndicatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IndicatorSink>>()));
        services.TryAddSingleton<IndicatorSink>();
        services.AddSingleton<IMoodSink>(sp => sp.GetRequiredService<IndicatorSink>());

        // Off unless Transcription:Enabled: the recogniser's worker, before the pipeline so it stops after it.
        services.AddLiveTranscription(configuration);

        // Off unless Booth:Enabled: the review booth taps the audio and reads the windows.
        services.AddReviewBooth(configuration);

        services.AddSingleton<PipelineService>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineService>());
        services.AddBoothButton(configuration);

        // Last, so it starts after the pipeline and stops before it.
        services.AddControlSocket(configuration);
    }

    /// <summary>
    /// Validates every options class and builds the pipeline's parts (model, recording, indicator)
    /// before the host starts, so a bad configuration ends in one clear line instead of a host failure.
    /// </summary>
    /// <exception cref="OptionsValidationException">A configuration value is out of range or unknown.</exception>
    /// <exception cref="StoreKeyException">The store's key is missing, unsafe or not the database's.</exception>
    /// <exception cref="StoreOpenException">The database is held by another process or is not a result database.</exception>
    /// <exception cref="TranscriptionException">Transcription is on and the recogniser or its models are not installed.</exception>
    public static void Prepare(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Every section is checked before failing, so one start shows every mistake.
        var failures = new List<string>();
        Check<CaptureOptions>(services, failures);
        Check<IndicatorOptions>(services, failures);
        Check<PipelineOptions>(services, failures);
        Check<StoreOptions>(services, failures);
        Check<MqttOptions>(services, failures);
        Check<ControlOptions>(services, failures);
        failures.AddRange(UnknownSettings.Find(services.GetRequiredService<IConfiguration>()));
        Check<BoothOptions>(services, failures);
        Check<TranscriptionOptions>(services, failures);
        if (failures.Count == 0)
        {
            failures.AddRange(SharedPins(
                services.GetRequiredService<IOptions<BoothOptions>>().Value,
                services.GetRequiredService<IOptions<IndicatorOptions>>().Value));
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DeviceServices), failures);
        }

        // The store first (quick), so a missing or wrong key or a busy database stops the start
        // with its reason before the model is loaded.
        _ = services.GetRequiredService<IResultWriter>();
        _ = services.GetService<ReviewBooth>();
        _ = services.GetService<TranscriptionWorker>();
        _ = services.GetRequiredService<PipelineService>();
    }

    /// <summary>The booth's button on a line the LEDs drive: the LEDs would read as presses, or the button short an output.</summary>
    internal static IEnumerable<string> SharedPins(BoothOptions booth, IndicatorOptions indicator)
    {
        if (!booth.Enabled || booth.ButtonPin < 0)
        {
            yield break;
        }

        var leds = indicator.IndicatorKind switch
        {
            IndicatorKind.GpioLeds => (int[])[indicator.RedPin, indicator.AmberPin, indicator.GreenPin],
            IndicatorKind.RgbPwm when indicator.SoftwarePwm => [indicator.RgbRedPin, indicator.RgbGreenPin, indicator.RgbBluePin],
            _ => [],
        };
        if (Array.IndexOf(leds, booth.ButtonPin) >= 0)
        {
            yield return $"Booth:ButtonPin is {booth.ButtonPin}, a line the LEDs use (Indicator:*Pin); wire the button to a free GPIO line (e.g. 23) and set Booth:ButtonPin to it";
        }
    }

    private static void Check<TOptions>(IServiceProvider services, List<string> failures)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
    }
}
