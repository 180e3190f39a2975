using EdgeSentiment.Agent.Hosting;
using EdgeSentiment.Device.Composition;

if (AgentCommandLine.Check(args, Console.Out, Console.Error) is { } answered)
{
    return answered;
}

return await AgentRunner.RunAsync(() => AgentHost.CreateBuilder(args).Build(), Console.Error).ConfigureAwait(false);
