using EdgeSentiment.Device.Control;

namespace EdgeSentiment.Device.Tests.Control;

public sealed class PeerPolicyTests
{
    private const uint AgentUid = 998;
    private const uint TechnicianUid = 1000;
    private const uint StrangerUid = 1001;

    private const string GroupFile =
        "root:x:0:\n"
        + "audio:x:29:edgesentiment\n"
        + "edgesentiment:x:997:anna\n"
        + "staff:x:50:bob\n";

    private const string PasswdFile =
        "root:x:0:0:root:/root:/bin/bash\n"
        + "anna:x:1000:1000:Anna:/home/anna:/bin/bash\n"
        + "bob:x:1001:1001:Bob:/home/bob:/bin/bash\n"
        + "edgesentiment:x:998:997::/var/lib/edgesentiment:/usr/sbin/nologin\n";

    [Fact]
    public void Root_IsAllowed() =>
        Assert.True(Policy().Decide(new PeerCredentials(10, 0, 0)).Allowed);

    [Fact]
    public void TheAgentsOwnUser_IsAllowed() =>
        Assert.True(Policy().Decide(new PeerCredentials(10, AgentUid, 12345)).Allowed);

    [Fact]
    public void APeerWhosePrimaryGroupIsTheAllowedGroup_IsAllowed() =>
        Assert.True(Policy().Decide(new PeerCredentials(10, StrangerUid, 997)).Allowed);

    [Fact]
    public void APeerWithTheAllowedGroupAmongItsProcessGroups_IsAllowed()
    {
        var policy = Policy(status: pid => pid == 42 ? "Name:\tedgesentiment\nUid:\t1001\t1001\t1001\t1001\nGroups:\t4 24 997 \n" : null);

        Assert.True(policy.Decide(new PeerCredentials(42, StrangerUid, 1001)).Allowed);
        Assert.False(policy.Decide(new PeerCredentials(43, StrangerUid, 1001)).Allowed);
    }

    [Fact]
    public void AUserListedInTheGroupFile_IsAllowedEvenWhenItsProcessIsHidden()
    {
        // Under ProtectProc=invisible the agent cannot read other users' /proc entries.
        var decision = Policy(status: _ => null).Decide(new PeerCredentials(10, TechnicianUid, 1000));

        Assert.True(decision.Allowed);
        Assert.Contains("anna", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyoneElse_IsRefusedWithTheGroupNamed()
    {
        var decision = Policy().Decide(new PeerCredentials(10, StrangerUid, 50));

        Assert.False(decision.Allowed);
        Assert.Equal("uid 1001 is not root, the agent's user or a member of the group 'edgesentiment'", decision.Reason);
    }

    [Fact]
    public void WithoutTheGroupOnTheSystem_OnlyRootAndTheAgentAreAllowed()
    {
        var policy = new PeerPolicy("edgesentiment", AgentUid, () => "root:x:0:\n", () => PasswdFile, _ => null);

        Assert.False(policy.Decide(new PeerCredentials(10, TechnicianUid, 997)).Allowed);
        Assert.True(policy.Decide(new PeerCredentials(10, 0, 0)).Allowed);
        Assert.True(policy.Decide(new PeerCredentials(10, AgentUid, 0)).Allowed);
    }

    [Fact]
    public void AGroupNamedLikeAPrefix_DoesNotCount()
    {
        var policy = new PeerPolicy("edgesentiment", AgentUid, () => "edgesentiment-old:x:997:bob\n", () => PasswdFile, _ => null);

        Assert.False(policy.Decide(new PeerCredentials(10, StrangerUid, 997)).Allowed);
    }

    private static PeerPolicy Policy(Func<int, string?>? status = null) =>
        new("edgesentiment", AgentUid, () => GroupFile, () => PasswdFile, status ?? (_ => null));
}
