using EdgeSentiment.Cli;

return CliApp.Run(args, CliConsole.System);
