using Sandbox.Kinesis.Server.Limits;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>What every operation works with: the store, the quotas, the iterator codec, the caller's region.</summary>
public sealed record OperationContext(Engine Engine, string Region)
{
    public const string AccountId = "000000000000";

    public StreamStore Store => Engine.Store;
    public ThroughputLimiter Limiter => Engine.Limiter;
    public long NowMs => Engine.Store.Time.GetUtcNow().ToUnixTimeMilliseconds();

    public string StreamArn(string streamName) => $"arn:aws:kinesis:{Region}:{AccountId}:stream/{streamName}";
}

/// <summary>The engine's shared state: one per server.</summary>
public sealed record Engine(StreamStore Store, ThroughputLimiter Limiter, ShardIteratorCodec Iterators);
