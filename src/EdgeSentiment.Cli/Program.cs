using EdgeSentiment.Cli;
using EdgeSentiment.Cli.App;

return CliApp.Run(args, CliConsole.System);
