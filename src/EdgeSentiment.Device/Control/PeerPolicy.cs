using System.Globalization;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// Who may use the control socket: root, the agent's own user, and members of the allowed group,
/// by the peer's group, its supplementary groups (from <c>/proc/PID/status</c> when visible) or its
/// user name in the group's member list (<c>/etc/group</c>). Read afresh for every connection, so
/// adding a user to the group takes effect without restarting the agent.
/// </summary>
public sealed class PeerPolicy
{
    private readonly string _group;
    private readonly uint _ownUserId;
    private readonly Func<string?> _groupFile;
    private readonly Func<string?> _passwdFile;
    private readonly Func<int, string?> _processStatus;

    public PeerPolicy(string group, uint ownUserId, Func<string?> groupFile, Func<string?> passwdFile, Func<int, string?> processStatus)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(groupFile);
        ArgumentNullException.ThrowIfNull(passwdFile);
        ArgumentNullException.ThrowIfNull(processStatus);
        _group = group;
        _ownUserId = ownUserId;
        _groupFile = groupFile;
        _passwdFile = passwdFile;
        _processStatus = processStatus;
    }

    /// <summary>The group whose members may use the socket.</summary>
    public string Group => _group;

    /// <summary>The policy on this machine's account files, for a process running as <paramref name="ownUserId"/>.</summary>
    public static PeerPolicy ForSystem(string group, uint ownUserId) => new(
        group,
        ownUserId,
        () => ReadOrNull("/etc/group"),
        () => ReadOrNull("/etc/passwd"),
        pid => ReadOrNull($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"));

    public PeerDecision Decide(PeerCredentials peer)
    {
        if (peer.UserId == 0)
        {
            return new PeerDecision(true, "root");
        }

        if (peer.UserId == _ownUserId)
        {
            return new PeerDecision(true, "the agent's own user");
        }

        var refused = new PeerDecision(false, $"uid {peer.UserId} is not root, the agent's user or a member of the group '{_group}'");
        if (FindGroup(_groupFile(), _group) is not { } group)
        {
            return refused;
        }

        if (peer.GroupId == group.Id)
        {
            return new PeerDecision(true, $"primary group {_group}");
        }

        if (SupplementaryGroups(_processStatus(peer.ProcessId)).Contains(group.Id))
        {
            return new PeerDecision(true, $"member of {_group}");
        }

        if (UserName(_passwdFile(), peer.UserId) is { } name && group.Members.Contains(name, StringComparer.Ordinal))
        {
            return new PeerDecision(true, $"{name} is listed in {_group}");
        }

        return refused;
    }

    private static (uint Id, string[] Members)? FindGroup(string? groupFile, string name)
    {
        foreach (var line in Lines(groupFile))
        {
            // name:password:gid:member,member
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0] == name && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var members = fields.Length > 3 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                return (id, members);
            }
        }

        return null;
    }

    private static string? UserName(string? passwdFile, uint userId)
    {
        foreach (var line in Lines(passwdFile))
        {
            // name:password:uid:gid:gecos:home:shell
            var fields = line.Split(':');
            if (fields.Length >= 3 && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid == userId)
            {
                return fields[0];
            }
        }

        return null;
    }

    private static HashSet<uint> SupplementaryGroups(string? processStatus)
    {
        var groups = new HashSet<uint>();
        foreach (var line in Lines(processStatus))
        {
            if (!line.StartsWith("Groups:", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var item in line["Groups:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (uint.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
                {
                    groups.Add(gid);
                }
            }
        }

        return groups;
    }

    private static string[] Lines(string? text) => text?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Under systemd's ProtectProc=invisible other users' /proc entries are hidden: fall back to /etc/group.
            return null;
        }
    }
}
