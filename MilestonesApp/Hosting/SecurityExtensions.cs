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

        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Behind a TLS proxy the app may see plain HTTP, yet its cookies must never travel without TLS. Development
        // runs on plain http://localhost, where a cookie marked Secure would not come back to every client.
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = secure);
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = secure);
        return builder;
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then the security headers on every response.</summary>
    public static WebApplication UseMilestonesSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(SecurityHeaders.Policy());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
