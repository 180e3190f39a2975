using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Outbox;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class AddResultStoreTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Host_WithAGoodKey_StartsRecordsTheStartAndStops()
    {
        using (var host = Build(_bed.KeyPath))
        {
            await host.StartAsync();
            var sink = host.Services.GetRequiredService<ResultStoreSink>();
            await sink.WriteAsync(StoreTestBed.Window(0.1f, 0.1f, 0.8f), Core.Mood.AudienceMood.Positive, CancellationToken.None);
            await host.StopAsync();
        }

        using var store = _bed.Open();
        var kinds = store.ReadEvents(DateTime.MinValue, DateTime.MaxValue).Select(e => e.Value.Kind).ToList();
        Assert.Equal([DeviceEventKind.Started, DeviceEventKind.Stopped], kinds);
        Assert.Single(store.ReadWindows(DateTime.MinValue, DateTime.MaxValue));
        Assert.Single(store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue));
    }

    [Fact]
    public void Host_RegistersOneStore_UnderTheWriterReaderOutboxAndMaintenance()
    {
        using var host = Build(_bed.KeyPath);

        var writer = host.Services.GetRequiredService<IResultWriter>();
        Assert.Same(writer, host.Services.GetRequiredService<IResultReader>());
        Assert.Same(writer, host.Services.GetRequiredService<IOutbox>());
        Assert.Same(writer, host.Services.GetRequiredService<IStoreMaintenance>());

        Assert.NotNull(writer.AppendMinute(StoreTestBed.Minute(0)));
        Assert.Equal(1, host.Services.GetRequiredService<IOutbox>().Count());
        Assert.Single(host.Services.GetRequiredService<IResultReader>().ReadMinutes(DateTime.MinValue, DateTime.MaxValue));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Host_WithAWorldReadableKey_RefusesToStart_SayingHowToFixIt()
    {
        File.SetUnixFileMode(_bed.KeyPath, (UnixFileMode)0b110_100_100);
        using var host = Build(_bed.KeyPath);

        var e = await Assert.ThrowsAsync<StoreKeyException>(() => host.StartAsync());

        Assert.Contains($"chmod 600 {_bed.KeyPath}", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_bed.DatabasePath));
    }

    [Fact]
    public async Task Host_WithoutAKey_RefusesToStart_NamingThePathAndTheFix()
    {
        var missing = Path.Combine(_bed.Folder, "missing.key");
        using var host = Build(missing);

        var e = await Assert.ThrowsAsync<StoreKeyException>(() => host.StartAsync());

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("edgesentiment key generate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_WithABadSetting_RefusesToStart_NamingTheKeyAndTheAllowedValues()
    {
        using var host = Build(_bed.KeyPath, ("Store:RetentionDays", "0"));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Store:RetentionDays is 0; allowed: a whole number of days from 1 to 3650", e.Message, StringComparison.Ordinal);
    }

    private IHost Build(string keyPath, params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Store:DatabasePath"] = _bed.DatabasePath,
            ["Store:KeyFile"] = keyPath,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddResultStore(builder.Configuration);
        return builder.Build();
    }
}
