using EdgeSentiment.Core.Evaluation;

namespace EdgeSentiment.Cli.Eval;

/// <summary>
/// What <c>eval</c> or <c>eval-text</c> found: the model, how many clips (or texts: <paramref name="Unit"/>),
/// how many could not be read, the confusion.
/// </summary>
public sealed record EvalReport(string Model, int Clips, int Failed, ConfusionMatrix Confusion, string Unit = "clips");
