namespace EdgeSentiment.Core.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Build_runs() => Assert.True(true);
}
