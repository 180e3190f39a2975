namespace EdgeSentiment.Integration.Tests.Training;

/// <summary>
/// <c>scripts/train --smoke</c> with the options the model card's runs 34-39 tried (off by default):
/// noise mixed into the log-mel, the speaker adversary and the in-graph noise-floor removal as a
/// second input channel, so those runs stay reproducible.
/// </summary>
public sealed class TrainingOptionsSmokeRun : TrainingSmokeRun
{
    public TrainingOptionsSmokeRun()
        : base(["--mix-noise", "0.5", "--adversary", "0.3", "--floor-channel", "true"])
    {
    }
}
