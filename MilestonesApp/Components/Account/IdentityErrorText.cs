using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Account;

internal static class IdentityErrorText
{
    /// <summary>Identity's errors in the reader's language (key <c>Identity.{Code}</c>), else Identity's own English text.</summary>
    public static string Describe(this IStringLocalizer<AppStrings> strings, IEnumerable<IdentityError> errors) =>
        string.Join(" ", errors.Select(error => strings[$"Identity.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : error.Description));
}
