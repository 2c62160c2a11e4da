using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: a live key signs the request in as that key. Without one, the challenge
/// answers 401 as a problem, never the cookie scheme's redirect to the sign-in page. An address past its allowance of
/// wrong keys is answered 429 without its key being looked up.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    FailedAuthentications failures,
    ApiProblems problems,
    IProblemDetailsService problemWriter)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The key's id: what the rate limit partitions by.</summary>
    public const string KeyIdClaim = "api_key_id";

    private const string BearerPrefix = "Bearer ";

    // Set when this request's address had used its allowance; the challenge, on this same handler, answers 429.
    private TimeSpan? throttledFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        throttledFor = failures.WaitFor(address);
        if (throttledFor is not null)
        {
            return AuthenticateResult.Fail("Too many wrong API keys from this address.");
        }

        var key = await keys.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            failures.Count(address);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, key.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (throttledFor is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RetryAfter.Seconds(wait);
            await problemWriter.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problems.TooManyFailedAuthentications(wait) });
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemWriter.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problems.Unauthorized() });
    }
}
