using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Bench;

/// <summary><c>edgesentiment bench [--model PATH] [--seconds N] [--threads N] [--json]</c>: how fast and lean the window path runs here.</summary>
public static class BenchCommand
{
    private const double MinSeconds = 2;
    private const double MaxSeconds = 604_800;
    private const int MaxThreads = 64;

    public static Command Create(CliConsole console)
    {
        var model = ModelOption.Create();
        var seconds = new Option<double>("--seconds")
        {
            Description = $"Seconds of audio to push through the pipeline ({MinSeconds} to {MaxSeconds}).",
            DefaultValueFactory = _ => 60,
        };
        seconds.Between(MinSeconds, MaxSeconds, " (at least one analysis window)");
        var threads = new Option<int>("--threads")
        {
            Description = "Intra-op threads of ONNX Runtime (the agent uses 1).",
            DefaultValueFactory = _ => 1,
        };
        threads.Between(1, MaxThreads);
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a report." };

        var command = new Command("bench", "Run the full window path on synthetic speech as fast as possible and report speed, latency, allocation and memory.")
        {
            model,
            seconds,
            threads,
            json,
            AuditoriumCommand.Create(console),
        }.WithExamples(
            "edgesentiment bench                                # full window path on 60 s of synthetic speech",
            "edgesentiment bench --model models/sentiment-fp32.onnx --seconds 300 --json");
        command.SetAction(parseResult => Run(
            ModelOption.PathOf(parseResult.GetValue(model)),
            parseResult.GetValue(seconds),
            parseResult.GetValue(threads),
            parseResult.GetValue(json),
            console));
        return command;
    }

    private static int Run(string modelPath, double seconds, int threads, bool json, CliConsole console)
    {
        BenchReport report;
        try
        {
            report = PipelineBench.Run(modelPath, seconds, threads);
        }
        catch (ModelLoadException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }

        if (json)
        {
            BenchJson.Write(console.Out, report);
        }
        else
        {
            BenchTable.Write(console.Out, report);
        }

        return ExitCodes.Ok;
    }
}
