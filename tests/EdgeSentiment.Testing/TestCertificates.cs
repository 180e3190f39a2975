using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeSentiment.Testing;

/// <summary>
/// A CA with a server certificate for 127.0.0.1 and localhost and a client certificate, plus the
/// server certificates a device must refuse (another CA's, an expired one, one for another host),
/// written as PEM files into a temp folder.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempFolder _folder = new();

    public TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("EdgeSentiment Test CA", caKey, now);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherCa = CreateCa("Some Other CA", otherKey, now);

        CaFile = _folder.Write("ca.pem", ca.ExportCertificatePem());
        Server = WriteLeaf("server", ca, serverAuth: true, ["localhost"], now.AddDays(-1), now.AddDays(30));
        Client = WriteLeaf("client", ca, serverAuth: false, [], now.AddDays(-1), now.AddDays(30));
        OtherCaServer = WriteLeaf("other-ca-server", otherCa, serverAuth: true, ["localhost"], now.AddDays(-1), now.AddDays(30));
        ExpiredServer = WriteLeaf("expired-server", ca, serverAuth: true, ["localhost"], now.AddDays(-10), now.AddDays(-2));
        WrongHostServer = WriteLeaf("wrong-host-server", ca, serverAuth: true, ["broker.example.org"], now.AddDays(-1), now.AddDays(30), withLoopback: false);
    }

    public string CaFile { get; }

    public (string CertFile, string KeyFile) Server { get; }

    public (string CertFile, string KeyFile) Client { get; }

    public (string CertFile, string KeyFile) OtherCaServer { get; }

    public (string CertFile, string KeyFile) ExpiredServer { get; }

    public (string CertFile, string KeyFile) WrongHostServer { get; }

    public string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private static X509Certificate2 CreateCa(string name, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-30), now.AddDays(365));
    }

    private (string, string) WriteLeaf(string name, X509Certificate2 issuer, bool serverAuth, string[] dnsNames, DateTimeOffset from, DateTimeOffset to, bool withLoopback = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={(dnsNames.Length > 0 ? dnsNames[0] : name)}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var dns in dnsNames)
            {
                names.AddDnsName(dns);
            }

            if (withLoopback)
            {
                names.AddIpAddress(IPAddress.Loopback);
            }

            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.Create(issuer, from, to, RandomNumberGenerator.GetBytes(16));
        var certFile = _folder.Write($"{name}.pem", certificate.ExportCertificatePem());
        var keyFile = _folder.Write($"{name}.key", key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            // The device refuses a private key others can read, as it would be on a board.
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (certFile, keyFile);
    }
}
