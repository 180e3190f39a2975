using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Architecture.Tests;

public sealed class HouseRulesTests
{
    [Fact]
    public void Namespaces_OfEveryLibraryAndProgram_FormNoCycle()
    {
        var agent = new ProgramLoadContext(RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll"));
        var cli = new ProgramLoadContext(RepositoryPaths.Built("src/EdgeSentiment.Cli", "edgesentiment.dll"));
        try
        {
            var graph = new NamespaceGraph();
            graph.Add(typeof(ModelFiles).Assembly);
            graph.Add(typeof(DeviceServices).Assembly);
            graph.Add(agent.Program);
            graph.Add(cli.Program);

            // The graph reads what it should: a use through a parent namespace, one from a program, one in IL only.
            Assert.Contains("EdgeSentiment.Device", graph.Edges["EdgeSentiment.Device.Capture"]);
            Assert.Contains("EdgeSentiment.Device.Composition", graph.Edges["EdgeSentiment.Agent.Hosting"]);
            Assert.Contains("EdgeSentiment.Device.Storage", graph.Edges["EdgeSentiment.Cli.Keys"]);

            var cycles = graph.FindCycles();
            Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
        }
        finally
        {
            agent.Unload();
            cli.Unload();
        }
    }

    [Fact]
    public void NoProject_ReferencesAnExecutable_ExceptItsOwnTestProject()
    {
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.csproj", SearchOption.AllDirectories))
            .ToDictionary(Path.GetFullPath, XDocument.Load);
        Assert.True(projects.Count >= 8, $"{projects.Count} projects found");

        var wrong = new List<string>();
        foreach (var (path, project) in projects)
        {
            foreach (var reference in project.Descendants("ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                var assemblyReferenced = !string.Equals((string?)reference.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase);
                var ownTests = string.Equals(Path.GetFileNameWithoutExtension(path), Path.GetFileNameWithoutExtension(target) + ".Tests", StringComparison.Ordinal);
                if (assemblyReferenced && !ownTests && IsExecutable(projects[target]))
                {
                    wrong.Add($"{Path.GetFileName(path)} references {Path.GetFileName(target)}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    private static bool IsExecutable(XDocument project) =>
        project.Descendants("OutputType").Any(o => string.Equals(o.Value, "Exe", StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads a built program and what its deps.json names, apart from this process, to read its types.</summary>
    private sealed class ProgramLoadContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;

        public ProgramLoadContext(string path)
            : base(isCollectible: true)
        {
            Assert.True(File.Exists(path), $"{path} is not built");
            _resolver = new AssemblyDependencyResolver(path);
            Program = LoadFromAssemblyPath(path);
        }

        public Assembly Program { get; }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
