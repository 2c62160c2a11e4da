using MilestonesApp.Admin;
using MilestonesApp.Celebrations;
using MilestonesApp.Components;
using MilestonesApp.Components.Account;
using MilestonesApp.Data;
using MilestonesApp.Engine;

var builder = WebApplication.CreateBuilder(args);
builder.AddMilestonesData();
builder.AddMilestoneEngine();
builder.AddMilestonesIdentity();
builder.AddMilestonesWeb();
builder.AddCelebrations();
builder.AddMilestonesAdmin();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseMilestonesWeb();
app.Run();

public partial class Program;
