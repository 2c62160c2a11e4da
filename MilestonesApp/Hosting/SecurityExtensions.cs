using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using MilestonesApp.Data;

namespace MilestonesApp.Hosting;

public static class SecurityExtensions
{
    /// <summary>The name every node and every deployment shares, so each reads the others' cookies and forms.</summary>
    public const string ApplicationName = "MilestonesApp";

    /// <summary>
    /// Data Protection keys in the app's database (a restart or another node keeps cookies and open forms valid),
    /// secure cookies, and forwarded headers from a TLS proxy when <c>Milestones:ForwardedHeaders</c> names it.
    /// </summary>
    public static IHostApplicationBuilder AddMilestonesSecurity(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        var keyEncryption = KeyEncryptionOptions.From(builder.Configuration);
        keyEncryption.ApplyTo(dataProtection);
        builder.Services.AddSingleton(keyEncryption);

        ProxyOptions.RefuseForwardedHeadersFromAnyone(builder.Configuration);
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .ValidateDataAnnotations()
            .Validate(ProxyOptions.AreAddresses, ProxyOptions.NotAnAddressMessage)
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxy) => proxy.Value.ApplyTo(forwarded));

        builder.Services.AddMilestonesSecurityHeaders();
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            // A subdomain reached over plain HTTP could set cookies for this one; the whole domain is HTTPS-only.
            options.IncludeSubDomains = true;
        });

        // The sign-in cookies are credentials: outside Development they never travel without TLS, even when a
        // misconfigured proxy makes a request look like plain HTTP. (Development runs on http://localhost.) The
        // antiforgery cookie follows the request (its default is never Secure): set to Always, antiforgery would
        // refuse every plain-HTTP form with an exception.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        return builder;
    }

    /// <summary>
    /// Early in the pipeline: the client's real address and scheme, then the security headers on every response. In
    /// Production, warns when the Data Protection keys are stored unencrypted.
    /// </summary>
    public static WebApplication UseMilestonesSecurity(this WebApplication app)
    {
        if (app.Environment.IsProduction() && !app.Services.GetRequiredService<KeyEncryptionOptions>().IsConfigured)
        {
            app.Logger.LogWarning(
                "The Data Protection keys are stored unencrypted in the database (data_protection_keys): whoever reads it or a " +
                "backup of it can forge any sign-in cookie. Set {PathSetting} to a PKCS#12 certificate and {PasswordSetting} to " +
                "its password to encrypt them.",
                KeyEncryptionOptions.PathSetting, KeyEncryptionOptions.PasswordSetting);
        }

        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
