namespace EdgeSentiment.Cli.Doctor;

/// <summary>How a test connection to the broker ended.</summary>
public enum BrokerOutcomeKind
{
    /// <summary>TLS handshake and MQTT CONNECT succeeded.</summary>
    Connected = 0,

    /// <summary>Nothing listens on the port (TCP connection refused).</summary>
    Refused,

    /// <summary>The host name does not resolve, or the network cannot reach it.</summary>
    Unreachable,

    /// <summary>No answer within the time limit.</summary>
    TimedOut,

    /// <summary>The broker's certificate was refused (wrong CA, expired, another host).</summary>
    Certificate,

    /// <summary>The TLS handshake failed for another reason (no TLS on that port, a client certificate refused).</summary>
    Tls,

    /// <summary>The broker refused the user name, password or client certificate.</summary>
    NotAuthorized,

    /// <summary>The broker refused the connection for another reason.</summary>
    Rejected,
}
