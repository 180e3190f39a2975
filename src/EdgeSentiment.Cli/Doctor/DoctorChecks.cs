
namespace EdgeSentiment.Cli.Doctor;

/// <summary>The checks <c>edgesentiment doctor</c> runs, in the order they are printed.</summary>
public static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> All() =>
    [
        new ConfigurationCheck(),
        new ServiceCheck(),
        new AgentCheck(),
        new ModelCheck(),
        new AudioInputCheck(),
        new KeyFileCheck(),
        new DatabaseCheck(),
        new DiskSpaceCheck(),
        new ClockCheck(),
        new GpioAccessCheck(),
        new BrokerCheck(),
    ];
}
