using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MilestonesApp.Webhooks;

/// <summary>
/// One attempt of one delivery: <c>POST</c> the stored body with the Standard Webhooks headers, signed at the attempt's
/// time. Never throws for the receiver's sake: a refusal, a timeout or an error answer is an unsuccessful attempt.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var key = WebhookSecret.KeyOf(secrets.Unprotect(delivery.ProtectedSecret));
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(key, delivery.MessageId, timestamp, delivery.Body));

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAttempt(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(false, $"timed out after {client.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException problem)
        {
            return new WebhookAttempt(false, $"no answer: {problem.Message}");
        }
    }
}
