using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>HTTP level, through the whole app: anonymous visitors are sent to sign in, users are denied, admins get the page.</summary>
public sealed partial class AdminHttpAuthorizationTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    public static TheoryData<string> AdminPaths => ["/admin", "/admin/users", "/admin/milestones/new", "/admin/milestones/first_win/edit", "/admin/api-keys", "/admin/webhooks"];

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task An_anonymous_visitor_is_redirected_to_sign_in(string path)
    {
        using var client = NewClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task A_signed_in_user_gets_access_denied(string path)
    {
        using var client = await SignedInClientAsync(DevelopmentAccounts.DemoEmail);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task An_admin_gets_the_page(string path)
    {
        using var client = await SignedInClientAsync(DevelopmentAccounts.AdminEmail);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form, antiforgery token and all, and keeps the cookie.</summary>
    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        var cancellationToken = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync("/Account/Login", cancellationToken);
        var fields = HiddenInput().Matches(form).ToDictionary(match => WebUtility.HtmlDecode(match.Groups["name"].Value), match => WebUtility.HtmlDecode(match.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = DevelopmentAccounts.Password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields), cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
