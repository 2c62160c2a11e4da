using Microsoft.Extensions.Options;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Webhooks;

public static class WebhookServiceExtensions
{
    /// <summary>
    /// Webhook endpoints, the outbox's dispatcher on this node, its named HTTP client (10 s timeout, public addresses
    /// only unless <see cref="WebhookOptions.AllowPrivateNetworks"/>) and, on PostgreSQL, the listener that wakes the
    /// dispatcher when any node's award commits. Call after the data and engine registrations.
    /// </summary>
    public static IHostApplicationBuilder AddMilestonesWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddMetrics();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = WebhookConnections.Connect(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
                // A redirect is an answer that is not 2xx: retried, never followed to wherever it points.
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
            });
        WakeOnLocalAwards(services);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)!;
            services.AddHostedService(provider => new PostgreSqlWebhookListener(
                connectionString,
                provider.GetRequiredService<WebhookSignal>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetRequiredService<ILogger<PostgreSqlWebhookListener>>()));
        }

        return builder;
    }

    // Wraps whichever award notifier the data and engine layers registered, so that every published award also wakes
    // the dispatcher, without the engine knowing of webhooks.
    private static void WakeOnLocalAwards(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAwardNotifier))
            ?? throw new InvalidOperationException("AddMilestonesWebhooks needs the engine's registrations first (AddMilestoneEngine).");
        services.Remove(registered);
        services.AddSingleton<IAwardNotifier>(provider => new WakingAwardNotifier(Resolve(registered, provider), provider.GetRequiredService<WebhookSignal>()));
    }

    private static IAwardNotifier Resolve(ServiceDescriptor registered, IServiceProvider provider) => (IAwardNotifier)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(provider, registered.ImplementationType!));
}
