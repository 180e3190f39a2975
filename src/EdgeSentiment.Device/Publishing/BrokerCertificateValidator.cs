using System.Security.Cryptography.X509Certificates;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// Accepts the broker's certificate only when it chains to the configured CA (no system roots), is
/// valid now and names the host the device connected to. Says why when it refuses.
/// </summary>
public sealed class BrokerCertificateValidator
{
    private readonly X509Certificate2Collection _trusted;
    private readonly string _host;
    private readonly TimeProvider _time;

    public BrokerCertificateValidator(X509Certificate2Collection trusted, string host, TimeProvider time)
    {
        _trusted = trusted;
        _host = host;
        _time = time;
    }

    /// <summary>Null when <paramref name="certificate"/> is acceptable, otherwise a sentence saying what is wrong.</summary>
    public string? Check(X509Certificate? certificate, X509Chain? presentedChain)
    {
        if (certificate is null)
        {
            return "the broker presented no certificate";
        }

        using var leaf = certificate as X509Certificate2 is { } given
            ? X509CertificateLoader.LoadCertificate(given.RawData)
            : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trusted);
        // A cinema network rarely reaches a CRL or OCSP responder; the CA is ours, pinned by file.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetLocalNow().DateTime;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(leaf))
        {
            return Describe(chain, leaf);
        }

        if (!leaf.MatchesHostname(_host))
        {
            return $"the certificate ({leaf.Subject}) is not issued for '{_host}' (Mqtt:Host); connect by a name or address in its subject alternative names";
        }

        return null;
    }

    private static string Describe(X509Chain chain, X509Certificate2 leaf)
    {
        var flags = X509ChainStatusFlags.NoError;
        foreach (var status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return $"the certificate ({leaf.Subject}) is expired or not yet valid (valid {leaf.NotBefore:u} to {leaf.NotAfter:u}); check the broker's certificate and the device clock";
        }

        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return $"the certificate ({leaf.Subject}, issued by {leaf.Issuer}) is not issued by the CA in Mqtt:CaFile";
        }

        var parts = new List<string>();
        foreach (var status in chain.ChainStatus)
        {
            parts.Add(status.StatusInformation.Trim());
        }

        return $"the certificate ({leaf.Subject}) failed validation: {string.Join("; ", parts)}";
    }
}
