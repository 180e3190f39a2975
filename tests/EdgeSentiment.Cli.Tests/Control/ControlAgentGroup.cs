namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>The control tests share one running agent (loading the model once) and take turns with it.</summary>
[CollectionDefinition(Name)]
public sealed class ControlAgentGroup : ICollectionFixture<ControlAgent>
{
    public const string Name = "control agent";
}
