using Microsoft.AspNetCore.Identity;

namespace MilestonesApp.Data;

/// <summary>An account. The engine never sees this type: it knows users only by their id string.</summary>
public sealed class ApplicationUser : IdentityUser;
