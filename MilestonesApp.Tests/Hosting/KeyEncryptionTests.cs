using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>
/// The Data Protection keys in the database are encrypted with the configured certificate; after a rotation the old
/// keys still decrypt while the old certificate is kept; without one, Production warns at start-up.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Purpose = "key-encryption-test";
    private readonly string folder = Directory.CreateTempSubdirectory("milestones-keys-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted()
    {
        using var database = new TemporarySqliteDatabase();
        await using var app = OnCertificates(database, Certificate("current"));

        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("cookie");

        var stored = string.Concat(await StoredKeysAsync(app));
        Assert.Contains("EncryptedData", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_old_keys_decrypt_while_the_old_certificate_is_kept()
    {
        using var database = new TemporarySqliteDatabase();
        var old = Certificate("old");
        string protectedText;
        await using (var before = OnCertificates(database, old))
        {
            protectedText = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("cookie");
        }

        await using (var withoutOld = OnCertificates(database, Certificate("new")))
        {
            var protector = withoutOld.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedText));
        }

        await using var rotated = OnCertificates(database, Certificate("newer"), old);
        Assert.Equal("cookie", rotated.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedText));
    }

    [Fact]
    public async Task Without_a_certificate_Production_warns_naming_the_settings()
    {
        var logs = new CollectingLoggerProvider();
        await using var app = new ProductionAppFactory();
        app.TestServices.Add(services => services.AddSingleton<ILoggerProvider>(logs));

        using var client = app.CreateClient();

        var warning = Assert.Single(logs.Messages, m => m.Contains("Data Protection keys are stored unencrypted", StringComparison.Ordinal));
        Assert.Contains("Milestones:DataProtection:CertificatePath", warning, StringComparison.Ordinal);
        Assert.Contains("Milestones:DataProtection:CertificatePassword", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting()
    {
        await using var app = new ProductionAppFactory();
        app.Settings["Milestones:DataProtection:CertificatePath"] = Path.Combine(folder, "absent.pfx");

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.StartsWith("Milestones:DataProtection:CertificatePath names", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static MilestonesAppFactory OnCertificates(TemporarySqliteDatabase database, (string Path, string Password) current, (string Path, string Password)? previous = null)
    {
        var app = MilestonesAppFactory.OnDatabase(database, "Production");
        app.Settings["Milestones:DataProtection:CertificatePath"] = current.Path;
        app.Settings["Milestones:DataProtection:CertificatePassword"] = current.Password;
        if (previous is { } kept)
        {
            app.Settings["Milestones:DataProtection:PreviousCertificates:0:Path"] = kept.Path;
            app.Settings["Milestones:DataProtection:PreviousCertificates:0:Password"] = kept.Password;
        }

        return app;
    }

    private static async Task<List<string>> StoredKeysAsync(MilestonesAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
    }

    /// <summary>A self-signed RSA certificate with its key, exported as an operator would make one: PKCS#12 with a password.</summary>
    private (string Path, string Password) Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=milestones-{name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = $"pw-{name}-{Guid.NewGuid():N}";
        var path = Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}
