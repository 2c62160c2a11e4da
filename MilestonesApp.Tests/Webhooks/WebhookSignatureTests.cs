using System.Net;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>The Standard Webhooks signature and the address rule.</summary>
public sealed class WebhookSignatureTests
{
    // The specification's published example (standard-webhooks, spec/standard-webhooks.md).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = """{"test": 2432232314}""";

    [Fact]
    public void The_signature_matches_the_specification_s_example()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign(WebhookSecret.KeyOf(SpecSecret), SpecId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void An_independent_implementation_verifies_signatures_of_new_secrets_and_refuses_a_changed_body()
    {
        var secret = WebhookSecret.Generate();
        const string body = """{"type":"milestone.awarded","data":{"title":"Première victoire ✨"}}""";

        var signature = WebhookSignature.Sign(WebhookSecret.KeyOf(secret), "msg_1", 1700000000, body);

        Assert.StartsWith(WebhookSecret.Marker, secret, StringComparison.Ordinal);
        Assert.True(StandardWebhooksVerifier.Verifies(secret, "msg_1", "1700000000", body, signature));
        Assert.True(StandardWebhooksVerifier.Verifies(SpecSecret, SpecId, "1614265330", SpecBody, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.False(StandardWebhooksVerifier.Verifies(secret, "msg_1", "1700000000", body + " ", signature));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void Internal_addresses_are_not_public(string address) => Assert.False(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string address) => Assert.True(WebhookAddresses.IsPublic(IPAddress.Parse(address)));
}
