using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class WindowPlannerTests
{
    private readonly WindowPlanner _planner = new(AnalysisWindowSettings.Default, 16000);

    [Fact]
    public void Plan_2point39Seconds_GivesOneRegularWindowAndOneAlignedToTheEnd()
    {
        var windows = _planner.Plan(38240);

        Assert.Equal([new PlannedWindow(0, 32000), new PlannedWindow(6240, 32000)], windows);
        Assert.Equal(TimeSpan.FromSeconds(0.39), _planner.StartTime(windows[1]));
    }

    [Fact]
    public void Plan_EndOnTheHopGrid_AddsNoExtraWindow()
    {
        var windows = _planner.Plan(40000);

        Assert.Equal([new PlannedWindow(0, 32000), new PlannedWindow(8000, 32000)], windows);
    }

    [Fact]
    public void Plan_ExactlyOneWindow_GivesOneWindow() =>
        Assert.Equal([new PlannedWindow(0, 32000)], _planner.Plan(32000));

    [Fact]
    public void Plan_FiveSeconds_CoversTheTailWithAnEndAlignedWindow()
    {
        var windows = _planner.Plan(80000);

        Assert.Equal(7, windows.Count);
        Assert.Equal(new PlannedWindow(48000, 32000), windows[^1]);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(i * 8000, windows[i].Start);
        }
    }

    [Fact]
    public void Plan_5point1Seconds_LastWindowEndsAtTheEnd()
    {
        var windows = _planner.Plan(81600);

        Assert.Equal(8, windows.Count);
        Assert.Equal(new PlannedWindow(49600, 32000), windows[^1]);
        Assert.Equal(new PlannedWindow(48000, 32000), windows[^2]);
    }

    [Fact]
    public void Plan_ShorterThanOneWindow_GivesOnePaddedWindow() =>
        Assert.Equal([new PlannedWindow(0, 12000)], _planner.Plan(12000));

    [Fact]
    public void Plan_Empty_GivesNoWindow() => Assert.Empty(_planner.Plan(0));

    [Fact]
    public void Fill_ShortRecording_CopiesAudioAndZeroPads()
    {
        var recording = new float[100];
        Array.Fill(recording, 0.5f);
        var destination = new float[32000];
        Array.Fill(destination, 9f);

        _planner.Fill(recording, _planner.Plan(100)[0], destination);

        Assert.All(destination[..100], value => Assert.Equal(0.5f, value));
        Assert.All(destination[100..], value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Constructor_ZeroHop_ThrowsNamingTheSettings()
    {
        var settings = AnalysisWindowSettings.Default with { HopSeconds = 0 };

        var error = Assert.Throws<ArgumentException>(() => new WindowPlanner(settings, 16000));

        Assert.Equal("settings", error.ParamName);
    }
}
