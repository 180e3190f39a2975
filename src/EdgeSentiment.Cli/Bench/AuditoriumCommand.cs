using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture.EchoCancellation;

namespace EdgeSentiment.Cli.Bench;

/// <summary>
/// <c>edgesentiment bench auditorium --ravdess DIR [--actors 21-24] [--clips N] [--tail S] [--model PATH]</c>:
/// the film is not the audience, measured in a synthetic auditorium.
/// </summary>
public static class AuditoriumCommand
{
    public static Command Create(CliConsole console)
    {
        var ravdess = new Option<DirectoryInfo>("--ravdess") { Description = "A RAVDESS speech folder: the audience's utterances and the film's dialogue.", Required = true };
        var actors = new Option<string>("--actors") { Description = "The actors to use, e.g. 21-24 (the test actors, never trained on).", DefaultValueFactory = _ => "21-24" };
        var clips = new Option<int>("--clips") { Description = "Use every n-th utterance up to this many (0: all).", DefaultValueFactory = _ => 0 };
        var tail = new Option<double>("--tail") { Description = "The echo canceller's tail in seconds (0.05 to 2).", DefaultValueFactory = _ => new EchoCancellerSettings().TailSeconds };
        var correlation = new Option<double>("--gate-correlation") { Description = "The film gate's least envelope correlation (-1 to 1).", DefaultValueFactory = _ => FilmGateSettings.Default.MinEnvelopeCorrelation };
        var echoToResidual = new Option<double>("--gate-echo-to-residual") { Description = "The film gate's least level of what was cancelled relative to what is left, in dB.", DefaultValueFactory = _ => FilmGateSettings.Default.MinEchoToResidualDb };
        var floor = new Option<double>("--speech-floor") { Description = "With a reference: the speech detector's least window level in dBFS (frames count from 10 dB under it).", DefaultValueFactory = _ => SpeechDetectorSettings.Auditorium.MinLevelDbfs };
        var suppress = new Option<bool>("--suppress-residual") { Description = "Also run SpeexDSP's residual echo suppressor." };
        var model = ModelOption.Create();
        var command = new Command("auditorium", "Play the audience's speech under a film through synthetic rooms and report what the canceller and the film gate change.")
        {
            ravdess,
            actors,
            clips,
            tail,
            correlation,
            echoToResidual,
            floor,
            suppress,
            model,
        }.WithExamples("edgesentiment bench auditorium --ravdess ../shared/datasets/ravdess-speech-16k --actors 21-24");
        command.SetAction(parseResult => Run(
            parseResult.GetValue(ravdess)!,
            parseResult.GetValue(actors)!,
            parseResult.GetValue(clips),
            parseResult.GetValue(tail),
            parseResult.GetValue(correlation),
            parseResult.GetValue(echoToResidual),
            parseResult.GetValue(floor),
            parseResult.GetValue(suppress),
            ModelOption.PathOf(parseResult.GetValue(model)),
            console));
        return command;
    }

    private static int Run(DirectoryInfo ravdess, string actors, int limit, double tail, double correlation, double echoToResidual, double floor, bool suppress, string modelPath, CliConsole console)
    {
        IReadOnlyList<LabelledClip> clips;
        try
        {
            clips = RavdessCorpus.List(ravdess.FullName, RavdessCorpus.ParseActors(actors));
        }
        catch (Exception e) when (e is FormatException or DirectoryNotFoundException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }

        if (clips.Count == 0)
        {
            console.Fail($"no RAVDESS clips of actors {actors} in {ravdess.FullName}; check the folder and --actors.");
            return ExitCodes.Failed;
        }

        var step = limit > 0 ? Math.Max(1, clips.Count / limit) : 1;
        var audience = new List<AudienceClip>();
        var dialogue = new List<float[]>();
        try
        {
            for (var i = 0; i < clips.Count; i++)
            {
                var samples = AudioLoader.LoadMono(clips[i].Path).Samples;
                dialogue.Add(samples);
                if (i % step == 0 && (limit <= 0 || audience.Count < limit))
                {
                    audience.Add(new AudienceClip(samples, clips[i].Label));
                }
            }

            var speech = SpeechDetectorSettings.Auditorium with { MinLevelDbfs = floor, MinActiveFrameDbfs = floor - 10 };
            using var classifier = WindowClassifier.Load(modelPath);
            using var referenced = WindowClassifier.Load(modelPath, speech: speech);
            var settings = new AuditoriumSettings { TailSeconds = tail, MinEnvelopeCorrelation = correlation, MinEchoToResidualDb = echoToResidual, Speech = speech, SuppressResidual = suppress };
            var report = AuditoriumBench.Run(classifier, referenced, audience, dialogue, settings);
            AuditoriumTable.Write(console.Out, report);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is AudioFormatException or ModelLoadException or EchoCancellerException or ArgumentException)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }
    }
}
