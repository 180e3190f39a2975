using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// The settings the agent runs with, for <c>edgesentiment config show</c> and <c>doctor</c>: a shell
/// cannot see the agent's command line, environment or configuration folder, so it asks. Built once:
/// the settings are read at start and never reloaded.
/// </summary>
public sealed class SettingsReport
{
    private readonly Lazy<ConfigReply> _reply;

    public SettingsReport(
        IConfiguration configuration,
        IOptions<CaptureOptions> capture,
        IOptions<IndicatorOptions> indicator,
        IOptions<PipelineOptions> pipeline,
        IOptions<StoreOptions> store,
        IOptions<MqttOptions> mqtt,
        IOptions<ControlOptions> control)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(control);
        var root = configuration as IConfigurationRoot ?? throw new ArgumentException("the agent's configuration has no providers to name", nameof(configuration));
        _reply = new Lazy<ConfigReply>(() => new ConfigReply(
            ControlApi.Version,
            Environment.ProcessId,
            DeviceConfiguration.DirectoryOf(configuration),
            ConfigEntries.From(root,
            [
                (CaptureOptions.SectionName, capture.Value),
                (IndicatorOptions.SectionName, indicator.Value),
                (PipelineOptions.SectionName, pipeline.Value),
                (StoreOptions.SectionName, store.Value),
                (MqttOptions.SectionName, mqtt.Value),
                (ControlOptions.SectionName, control.Value),
            ])));
    }

    public ConfigReply Build() => _reply.Value;
}
