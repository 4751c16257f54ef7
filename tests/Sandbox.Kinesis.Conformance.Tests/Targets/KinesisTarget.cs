using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>
/// One Kinesis implementation the conformance suite runs against: started by the fixture on a
/// 127.0.0.1 port, or unavailable with a reason the tests skip with.
/// </summary>
public abstract class KinesisTarget : IAsyncLifetime
{
    public const string Region = "ap-northeast-1";
    public const string AccessKeyId = "conformance";   // dummy keys: emulators check the form, not the signature
    public const string SecretAccessKey = "conformance-secret";

    private Uri? _endpoint;
    private KinesisClient? _client;

    public abstract string Name { get; }
    public abstract Deviation Deviations { get; }

    /// <summary>Set when the target cannot run on this machine (e.g. no Docker engine).</summary>
    public string? UnavailableReason { get; protected set; }

    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException($"{Name} is not started");
    public KinesisClient Client => _client ?? throw new InvalidOperationException($"{Name} is not started");

    public bool Deviates(Deviation deviation) => (Deviations & deviation) != 0;

    /// <summary>Starts the target and returns its endpoint, or null after setting <see cref="UnavailableReason"/>.</summary>
    protected abstract Task<Uri?> StartAsync();

    protected abstract Task StopAsync();

    public async Task InitializeAsync()
    {
        _endpoint = await StartAsync();
        if (_endpoint is null) return;
        _client = KinesisClient.Create(new KinesisClientOptions(_endpoint, Region, Credentials) { Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await StopAsync();
    }

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    /// <summary>A signed HttpClient for hand-made (malformed) requests.</summary>
    public HttpClient RawHttpClient() => new(new SigV4SigningHandler(
        Credentials, RegionEndpoint.GetBySystemName(Region), KinesisClient.ServiceName, new SocketsHttpHandler()))
    { BaseAddress = Endpoint };

    public override string ToString() => Name;
}
