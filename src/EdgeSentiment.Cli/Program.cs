using System.CommandLine;

var root = new RootCommand("EdgeSentiment: on-device speech sentiment.");
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
