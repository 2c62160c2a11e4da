using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// A real HTTP receiver on Kestrel at 127.0.0.1 and a random port: records every webhook it gets and answers each with
/// the next scripted status, or <see cref="Status"/> once the script is used up.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>A scripted answer that never comes: the request is held until the sender goes away.</summary>
    public const int Hang = -1;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly WebApplication app;
    private readonly Channel<ReceivedWebhook> received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentQueue<int> script = new();
    private volatile int status = 204;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    /// <summary>The answer once the script is used up.</summary>
    public int Status
    {
        get => status;
        set => status = value;
    }

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        foreach (var answer in answers)
        {
            receiver.script.Enqueue(answer);
        }

        receiver.app.MapPost("/hook", receiver.ReceiveAsync);
        await receiver.app.StartAsync(TestContext.Current.CancellationToken);
        receiver.Url = receiver.app.Urls.Single() + "/hook";
        return receiver;
    }

    /// <summary>The next webhook received; fails the test after a generous patience.</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        return await received.Reader.ReadAsync(timeout.Token);
    }

    public async Task<List<ReceivedWebhook>> NextAsync(int count)
    {
        var all = new List<ReceivedWebhook>();
        while (all.Count < count)
        {
            all.Add(await NextAsync());
        }

        return all;
    }

    public bool TryTakeMore(out ReceivedWebhook? webhook) => received.Reader.TryRead(out webhook);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var answer = script.TryDequeue(out var scripted) ? scripted : status;
        received.Writer.TryWrite(new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(),
            request.ContentType ?? "",
            body,
            answer));
        if (answer == Hang)
        {
            await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted);
        }

        return Results.StatusCode(answer);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, int AnsweredWith);
