using EdgeSentiment.Agent.Hosting;
using EdgeSentiment.Device.Composition;

return await AgentRunner.RunAsync(() => AgentHost.CreateBuilder(args).Build(), Console.Error).ConfigureAwait(false);
