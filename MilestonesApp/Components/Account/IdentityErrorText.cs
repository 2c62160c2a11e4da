using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Account;

internal static class IdentityErrorText
{
    /// <summary>Identity's errors in the reader's language, else Identity's own English text.</summary>
    public static string Describe(this IStringLocalizer<AppStrings> strings, IEnumerable<IdentityError> errors) =>
        string.Join(" ", errors.Select(error => KeyFor(error.Code) is { } key ? strings[key].Value : error.Description));

    private static string? KeyFor(string code) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) => Key.Identity_DuplicateEmail,
        nameof(IdentityErrorDescriber.DuplicateUserName) => Key.Identity_DuplicateUserName,
        nameof(IdentityErrorDescriber.InvalidEmail) => Key.Identity_InvalidEmail,
        nameof(IdentityErrorDescriber.InvalidToken) => Key.Identity_InvalidToken,
        nameof(IdentityErrorDescriber.LoginAlreadyAssociated) => Key.Identity_LoginAlreadyAssociated,
        nameof(IdentityErrorDescriber.PasswordMismatch) => Key.Identity_PasswordMismatch,
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => Key.Identity_PasswordRequiresDigit,
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => Key.Identity_PasswordRequiresLower,
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => Key.Identity_PasswordRequiresNonAlphanumeric,
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => Key.Identity_PasswordRequiresUpper,
        nameof(IdentityErrorDescriber.PasswordTooShort) => Key.Identity_PasswordTooShort,
        _ => null,
    };
}
