using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class DeviceServicesTests
{
    [Fact]
    public void Prepare_UnknownIndicatorKind_FailsNamingTheKeyAndTheAllowedValues()
    {
        using var config = new TempFolder();
        using var host = Build(config, "--Indicator:Kind", "Neopixel");

        var error = Assert.Throws<OptionsValidationException>(() => DeviceServices.Prepare(host.Services));

        var message = Assert.Single(error.Failures);
        Assert.Equal("Indicator:Kind is 'Neopixel'; allowed: one of Console, GpioLeds, RgbPwm.", message);
    }

    [Fact]
    public void Prepare_StudioPrivateKeyAsBoothRecipient_FailsWithoutRepeatingTheKey()
    {
        using var config = new TempFolder();
        using var studio = AgeIdentity.Generate();
        using var host = Build(config, "--Booth:Enabled", "true", "--Booth:Recipients:0", studio.ToSecretString());

        var error = Assert.Throws<OptionsValidationException>(() => DeviceServices.Prepare(host.Services));

        var message = Assert.Single(error.Failures);
        Assert.StartsWith("Booth:Recipients:0 is 'AGE-SECRET-KEY-...'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(studio.ToSecretString(), message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_BadValueInTheConfigurationDirectory_FailsNamingTheKey()
    {
        using var config = new TempFolder();
        config.Write("50-site.json", """{ "Pipeline": { "WindowQueueCapacity": 0 }, "Indicator": { "RedPin": 27 } }""");
        using var host = Build(config);

        var error = Assert.Throws<OptionsValidationException>(() => DeviceServices.Prepare(host.Services));

        Assert.Contains(error.Failures, f => f.StartsWith("Pipeline:WindowQueueCapacity is '0'; allowed: a number from 1 to 1000", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("three different GPIO lines", StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Prepare_MqttCredentialsOthersCanRead_FailsWithTheChmod_BeforeTheStoreIsOpened()
    {
        using var config = new TempFolder();
        var credentials = config.Write("mqtt.credentials", "device\nsecret\n");
        File.SetUnixFileMode(credentials, (UnixFileMode)0b110_100_100);
        using var host = Build(config, "--Mqtt:Enabled", "true", "--Mqtt:AllowInsecure", "true", "--Mqtt:CredentialsFile", credentials);

        var error = Assert.Throws<OptionsValidationException>(() => DeviceServices.Prepare(host.Services));

        var message = Assert.Single(error.Failures);
        Assert.Contains($"chmod 600 {credentials}", message, StringComparison.Ordinal);
        Assert.False(File.Exists(config.PathOf("state/results.db")), "the store must not be opened");
    }

    [Fact]
    public void Prepare_StoreKeyMissing_FailsNamingThePathAndHowToMakeIt()
    {
        using var config = new TempFolder();
        var missing = config.PathOf("missing.key");
        using var host = Build(config, "--Store:KeyFile", missing, "--Store:CreateKeyIfMissing", "false");

        var error = Assert.Throws<StoreKeyException>(() => DeviceServices.Prepare(host.Services));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("edgesentiment key generate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_KeyMissingButTheDatabaseExists_RefusesWithoutWritingAStrayKey()
    {
        using var config = new TempFolder();
        using var host = Build(config);
        DeviceServices.Prepare(host.Services);
        host.Dispose();
        var key = config.PathOf("state/edgesentiment.key");
        File.Delete(key);
        using var again = Build(config);

        var error = Assert.Throws<StoreKeyException>(() => DeviceServices.Prepare(again.Services));

        Assert.StartsWith($"no encryption key at {key}, but the result database {config.PathOf("state/results.db")} exists", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(key), "a new key was written that cannot read the database");
    }

    [Fact]
    public void Prepare_StoreKeyMissingOnALocalRun_WritesAKeyOnlyItsOwnerCanRead()
    {
        using var config = new TempFolder();
        using var host = Build(config);

        DeviceServices.Prepare(host.Services);

        var key = config.PathOf("state/edgesentiment.key");
        Assert.True(File.Exists(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void Prepare_ModelMissing_NamesTheSettingNotAToolOption()
    {
        using var config = new TempFolder();
        var missing = config.PathOf("models/none.onnx");
        using var host = Build(config, "--Pipeline:Model", missing);

        var error = Assert.Throws<ModelLoadException>(() => DeviceServices.Prepare(host.Services));

        Assert.StartsWith($"Pipeline:Model: {missing}: model file not found; set Pipeline:Model to the path", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_RecordingMissing_NamesTheSetting()
    {
        using var config = new TempFolder();
        var missing = config.PathOf("none.wav");
        using var host = Build(config, "--Capture:File", missing);

        var error = Assert.Throws<AudioFormatException>(() => DeviceServices.Prepare(host.Services));

        Assert.StartsWith($"Capture:File: {missing}: file not found; set Capture:File to a WAV file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_LaterSourcesOverrideEarlierOnes()
    {
        using var config = new TempFolder();
        config.Write("10-site.json", """{ "Capture": { "Device": "from-file", "BufferMilliseconds": 50 } }""");
        using var host = Build(config, "--Capture:Device", "from-command-line");

        var capture = host.Services.GetRequiredService<IOptions<CaptureOptions>>().Value;

        Assert.Equal("from-command-line", capture.Device);
        Assert.Equal(50, capture.BufferMilliseconds);
    }

    [Fact]
    public async Task StopAsync_RunningAgent_DrainsAndTurnsTheIndicatorOffWithinSeconds()
    {
        using var config = new TempFolder();
        var indicator = new RecordingIndicator();
        var sink = new RecordingSink();
        using var host = Build(
            config,
            services =>
            {
                services.AddSingleton<IAudioSource>(new ScriptedAudioSource(FakeWindows.Constant(0.5f, 5), isLive: true, keepRunning: true, pause: TimeSpan.FromMilliseconds(5)));
                services.AddSingleton<ClassifyWindow>(FakeWindows.BySign);
                services.AddSingleton<IMoodIndicator>(indicator);
                services.AddSingleton<IMoodSink>(sink);
            });
        DeviceServices.Prepare(host.Services);

        await host.StartAsync();
        Assert.True(await sink.WaitForAsync(u => u.Mood == AudienceMood.Positive, TimeSpan.FromSeconds(20)));
        var stopping = DateTime.UtcNow;
        await host.StopAsync();

        Assert.True(DateTime.UtcNow - stopping < TimeSpan.FromSeconds(4), "shutdown took too long");
        Assert.True(indicator.TurnedOff >= 1);
        Assert.Contains(LedPattern.Positive, indicator.Patterns);
    }

    private static IHost Build(TempFolder config, params string[] args) => Build(config, _ => { }, args);

    private static IHost Build(TempFolder config, Action<IServiceCollection> replace, params string[] args)
    {
        // A store of its own in the test's folder, with a key made on first use as scripts/run does.
        var store = config.PathOf("state");
        config.Write("00-store.json", $$"""{ "Store": { "DatabasePath": "{{store}}/results.db", "KeyFile": "{{store}}/edgesentiment.key", "CreateKeyIfMissing": true } }""");
        var builder = DeviceHost.CreateBuilder(args, config.Path);

        // Registered after the agent's own, so these win: the last registration of a service is the one resolved.
        replace(builder.Services);
        return builder.Build();
    }
}
