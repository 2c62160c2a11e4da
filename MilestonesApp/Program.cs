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
using MilestonesApp.Hosting;
using MilestonesApp.Operations;
using MilestonesApp.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMilestonesErrorHandling();
builder.AddMilestonesSecurity();
builder.AddMilestonesRateLimiting();
builder.AddMilestonesData();
builder.AddMilestoneEngine();
builder.AddMilestonesWebhooks();
builder.AddMilestonesIdentity();
builder.AddMilestonesApplication();
builder.AddMilestonesLocalization();
builder.AddMilestonesWeb();
builder.AddCelebrations();
builder.AddMilestonesAdmin();
builder.AddOperatorCommands();
builder.AddEventsApi();

var app = builder.Build();
await app.InitializeDatabaseAsync();
if (await app.TryRunOperatorCommandAsync(args))
{
    return;
}

await app.SeedDevelopmentAccountsAsync();
app.UseMilestonesErrorHandling();
app.UseMilestonesSecurity();
app.UseMilestonesLocalization();
app.UseEventsApi();
app.UseMilestonesWeb();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
