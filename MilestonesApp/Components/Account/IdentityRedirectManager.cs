using Microsoft.AspNetCore.Components;

namespace MilestonesApp.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    /// <summary>Marks a status cookie as an error; <see cref="Shared.StatusMessage"/> shows it as one, without the marker.</summary>
    public const string ErrorMarker = "Error: ";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects: an address of this app is made relative, any other leads home (ToBaseRelativePath
        // throws for one outside the app, which showed the error page after a successful sign-in).
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)
            || uri.StartsWith("//", StringComparison.Ordinal))
        {
            uri = navigationManager.ToAbsoluteUri(uri).AbsoluteUri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
                ? navigationManager.ToBaseRelativePath(uri)
                : "";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToWithError(string uri, string message, HttpContext context)
        => RedirectToWithStatus(uri, ErrorMarker + message, context);

    public void RedirectToCurrentPageWithError(string message, HttpContext context)
        => RedirectToWithError(CurrentPath, message, context);

    /// <summary>The cookie names someone whose account no longer exists: that page says so and offers to sign out.</summary>
    public void RedirectToInvalidUser() => RedirectTo("Account/InvalidUser");
}
