using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;

namespace EdgeSentiment.Cli.Eval;

/// <summary>
/// <c>edgesentiment eval-text --manifest FILE.csv [--model PATH] [--json]</c>: how well the text
/// model decides labelled texts (a CSV with the header <c>text,label</c>), with the figures of <c>eval</c>.
/// </summary>
public static class EvalTextCommand
{
    public static Command Create(CliConsole console)
    {
        var manifest = new Option<FileInfo>("--manifest")
        {
            Description = "CSV with the header 'text,label' (labels negative|neutral|positive; quote texts with commas the CSV way).",
            Required = true,
        };
        var model = new Option<FileInfo?>("--model")
        {
            Description = $"Text model to use (default: the shipped one, models/{TextModelFiles.DefaultFileName}).",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };

        var command = new Command("eval-text", "Evaluate the text model on labelled texts: macro-F1, accuracy, confusion matrix.")
        {
            manifest,
            model,
            json,
        }.WithExamples(
            "edgesentiment eval-text --manifest my-reviews.csv          # CSV with the header text,label",
            "edgesentiment eval-text --manifest sst-test.csv --json");
        command.SetAction(parseResult => Run(
            parseResult.GetValue(manifest)!,
            parseResult.GetValue(model)?.FullName ?? TextModelFiles.DefaultPath,
            parseResult.GetValue(json),
            console));
        return command;
    }

    private static int Run(FileInfo manifest, string modelPath, bool json, CliConsole console)
    {
        IReadOnlyList<LabelledText> texts;
        try
        {
            texts = TextManifest.Read(manifest.FullName);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }

        if (texts.Count == 0)
        {
            console.Fail($"{manifest.FullName}: no labelled texts after the header; add rows 'text,label'.");
            return ExitCodes.Failed;
        }

        TextSentimentClassifier classifier;
        try
        {
            classifier = TextSentimentClassifier.Load(modelPath);
        }
        catch (ModelLoadException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }

        using (classifier)
        {
            var matrix = new ConfusionMatrix();
            foreach (var text in texts)
            {
                matrix.Add(text.Label, classifier.Classify(text.Text).Top);
            }

            var report = new EvalReport($"{Path.GetFileNameWithoutExtension(modelPath)} {classifier.Version}", texts.Count, 0, matrix, "texts");
            if (json)
            {
                EvalJson.Write(console.Out, report);
            }
            else
            {
                EvalTable.Write(console.Out, report);
            }

            return ExitCodes.Ok;
        }
    }
}
