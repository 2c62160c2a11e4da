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
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

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

    /// <summary>First in the pipeline: the client's real address and scheme, then the security headers on every response.</summary>
    public static WebApplication UseMilestonesSecurity(this WebApplication app)
    {
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
