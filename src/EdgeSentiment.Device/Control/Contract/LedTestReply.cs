using EdgeSentiment.Device.Indicators;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>What <c>leds test</c> showed, in order, on which indicator, and what it went back to.</summary>
public sealed record LedTestReply(int Version, string Indicator, IReadOnlyList<LedPattern> Patterns, int StepMilliseconds, LedPattern ShownAfter);
