using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace MilestonesApp.Hosting;

/// <summary>
/// Bound from <c>Milestones:DataProtection</c>: the PKCS#12 certificate that encrypts the Data Protection keys in the
/// database, and the certificates it replaced, kept so that keys they encrypted still decrypt. Unset, the keys are
/// stored as plain XML, and whoever reads the database or a backup of it can forge any sign-in cookie.
/// </summary>
internal sealed class KeyEncryptionOptions
{
    public const string Section = "Milestones:DataProtection";
    public const string PathSetting = Section + ":" + nameof(CertificatePath);
    public const string PasswordSetting = Section + ":" + nameof(CertificatePassword);

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates used before this one: they decrypt the keys they encrypted, and encrypt nothing new.</summary>
    public List<CertificateFile> PreviousCertificates { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);

    public static KeyEncryptionOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();

    /// <summary>Encrypts new keys with the certificate and decrypts with it or any previous one; throws a sentence naming a setting that cannot be used.</summary>
    public void ApplyTo(IDataProtectionBuilder dataProtection)
    {
        if (!IsConfigured)
        {
            if (PreviousCertificates.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{Section}:PreviousCertificates is set but {PathSetting} is not: set the certificate that encrypts new keys too.");
            }

            return;
        }

        var current = Load(CertificatePath!, CertificatePassword, PathSetting);
        var previous = PreviousCertificates.Select((file, i) => Load(file.Path, file.Password, $"{Section}:PreviousCertificates:{i}:Path"));
        dataProtection.ProtectKeysWithCertificate(current);
        dataProtection.UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string? path, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path ?? "", password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{setting} names '{path}', which could not be read as a PKCS#12 certificate with its password: {unreadable.Message}", unreadable);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{setting} names '{path}', a certificate without its private key, which cannot decrypt the keys.");
    }

    internal sealed class CertificateFile
    {
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}
