using System.Text.RegularExpressions;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Architecture.Tests;

/// <summary>One naming style across the suite: Method_Condition_Expected, each part in PascalCase.</summary>
public sealed partial class TestNamingTests
{
    [Fact]
    public void TestMethods_InEveryTestProject_AreNamedMethodConditionExpected()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var names = new List<string>();
        var wrong = new List<string>();
        foreach (var file in files)
        {
            foreach (Match match in TestMethod().Matches(File.ReadAllText(file)))
            {
                var name = match.Groups["name"].Value;
                names.Add(name);
                if (!WellNamed().IsMatch(name))
                {
                    wrong.Add($"{Path.GetFileName(file)}: {name}");
                }
            }
        }

        Assert.True(names.Count > 300, $"only {names.Count} test methods found: the pattern no longer finds them");
        Assert.True(wrong.Count == 0, "not Method_Condition_Expected:\n" + string.Join("\n", wrong));
    }

    // A test attribute (Fact, Theory, or ours ending in Fact), any further attribute lines, then the method.
    [GeneratedRegex(@"\[\w*(?:Fact|Theory)(?:\([^\]]*\))?\]\s*(?:\[[^\n]*\]\s*)*public (?:async Task|void) (?<name>\w+)\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(?:_[A-Z0-9][A-Za-z0-9]*){1,4}$")]
    private static partial Regex WellNamed();
}
