using MilestonesApp.Admin;
using MilestonesApp.Api;
using MilestonesApp.Application;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Celebrations;
using MilestonesApp.Components;
using MilestonesApp.Components.Account;
using MilestonesApp.Components.Localization;
using MilestonesApp.Data;
using MilestonesApp.Engine;

var builder = WebApplication.CreateBuilder(args);
builder.AddMilestonesData();
builder.AddMilestoneEngine();
builder.AddMilestonesIdentity();
builder.AddMilestonesApplication();
builder.AddMilestonesLocalization();
builder.AddMilestonesWeb();
builder.AddCelebrations();
builder.AddMilestonesAdmin();
builder.AddEventsApi();

var app = builder.Build();
await app.InitializeDatabaseAsync();
await app.SeedDevelopmentAccountsAsync();
await app.GrantConfiguredAdminsAsync();
app.UseMilestonesLocalization();
app.UseEventsApi();
app.UseMilestonesWeb();
app.Run();

public partial class Program;
