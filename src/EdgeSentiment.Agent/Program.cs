using EdgeSentiment.Agent.Hosting;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

try
{
    using var host = AgentHost.CreateBuilder(args).Build();
    DeviceServices.Prepare(host.Services);
    await host.RunAsync().ConfigureAwait(false);
    return Environment.ExitCode;
}
catch (OptionsValidationException e)
{
    foreach (var failure in e.Failures)
    {
        await Console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync($"Fix appsettings.json or {DeviceConfiguration.DefaultConfigurationDirectory}/*.json and start again.").ConfigureAwait(false);
    return AgentHost.ConfigurationErrorExitCode;
}
catch (SettingsFileException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
    return AgentHost.ConfigurationErrorExitCode;
}
catch (Exception e) when (e is StoreKeyException or StoreOpenException)
{
    await Console.Error.WriteLineAsync($"error: result store: {e.Message}").ConfigureAwait(false);
    return AgentHost.ConfigurationErrorExitCode;
}
catch (Exception e) when (e is ModelLoadException or AudioFormatException or CaptureDeviceException or PortAudioException
    or InvalidOperationException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
{
    // InvalidOperationException: a configuration value of the wrong type, or GPIO/PWM that is not there.
    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
    return AgentHost.ConfigurationErrorExitCode;
}
