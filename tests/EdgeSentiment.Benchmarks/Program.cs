using BenchmarkDotNet.Running;
using EdgeSentiment.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(LogMelBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
