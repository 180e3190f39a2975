using System.Text.Json;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;

namespace EdgeSentiment.Core.Tests.Text;

public sealed class TextTrainingSmokeTests : IClassFixture<TextTrainingSmokeRun>
{
    private readonly TextTrainingSmokeRun _run;

    public TextTrainingSmokeTests(TextTrainingSmokeRun run) => _run = run;

    [Fact]
    public void TrainText_Smoke_WritesAModelTheDeviceLoads_ThatTellsPraiseFromScorn()
    {
        AssertRan();
        using var classifier = TextSentimentClassifier.Load(Path.Combine(_run.OutputFolder, TextModelFiles.DefaultFileName));

        Assert.Equal(SentimentLabel.Positive, classifier.Classify("a wonderful and brilliant film").Top);
        Assert.Equal(SentimentLabel.Negative, classifier.Classify("the acting was wooden and the plot tedious").Top);
    }

    [Fact]
    public void TrainText_Smoke_ItsOnnxModelGivesTheScoresOfTheTrainedModel()
    {
        AssertRan();
        TextReference.AssertMatches(_run.OutputFolder);
    }

    [Fact]
    public void TrainText_Smoke_LogsTheDevChoiceAndTheFiguresAtEachSimulatedErrorRate()
    {
        AssertRan();
        using var log = JsonDocument.Parse(File.ReadLines(Path.Combine(_run.OutputFolder, "text-training-log.jsonl")).Last());
        var dev = log.RootElement.GetProperty("figures").GetProperty("dev");

        Assert.Equal(["wer0", "wer15", "wer30", "wer50"], dev.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, log.RootElement.GetProperty("tried").GetArrayLength());
        Assert.True(log.RootElement.GetProperty("bytes").GetInt64() < 10_000_000);
    }

    private void AssertRan() =>
        Assert.True(_run.Script.ExitCode == 0, $"scripts/train-text --smoke exited with {_run.Script.ExitCode}:\n{_run.Script.Error}");
}
