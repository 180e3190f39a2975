using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Capture;

/// <summary>Tests that use the real PortAudio: one ALSA configuration per process, never in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortAudioTestGroup : ICollectionFixture<AlsaFileDevice>
{
    public const string Name = "PortAudio on an ALSA file device";
}
