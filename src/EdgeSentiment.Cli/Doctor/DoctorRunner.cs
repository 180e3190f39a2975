namespace EdgeSentiment.Cli.Doctor;

/// <summary>Runs checks one after another; a check that throws becomes a failure of its own, the others still run.</summary>
public static class DoctorRunner
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(IReadOnlyList<IDoctorCheck> checks, DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(context);
        context.AgentStatus = await AskAgentAsync(context, cancellationToken);
        if (context.AgentStatus?.Settings is { } settings)
        {
            context.UseAgentSettings(settings);
        }

        var results = new List<CheckResult>(checks.Count);
        foreach (var check in checks)
        {
            try
            {
                results.Add(await check.RunAsync(context, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results.Add(CheckResult.Fail(check.Name, $"the check itself failed: {e.GetType().Name}: {e.Message}", "run doctor again; if it repeats, report it with this line"));
            }
        }

        return results;
    }

    private static async Task<AgentStatusSnapshot?> AskAgentAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.AgentStatusSource is not { } source)
        {
            return null;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(context.AgentStatusLimit);
        try
        {
            return await source(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.AgentStatusFailure = new TimeoutException($"the agent did not answer within {context.AgentStatusLimit.TotalSeconds:0.#} s");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An agent that does not answer is judged from outside, like one without a status source;
            // the agent check says why.
            context.AgentStatusFailure = e;
            return null;
        }
    }
}
