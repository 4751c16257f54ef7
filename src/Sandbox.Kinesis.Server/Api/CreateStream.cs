using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record CreateStreamRequest(string? StreamName, int? ShardCount, StreamModeDetailsJson? StreamModeDetails, Dictionary<string, string>? Tags);

/// <summary>
/// Creates a stream with evenly split shards; ACTIVE at once (AWS takes a few seconds). Without a
/// ShardCount (or with StreamMode ON_DEMAND) it is an on-demand stream with AWS' initial 4 shards,
/// which this engine does not scale by itself.
/// </summary>
public static class CreateStream
{
    public const string Name = "CreateStream";
    public const int AccountShardLimit = 500;
    public const int OnDemandShards = 4;

    public static void Execute(CreateStreamRequest request, OperationContext context)
    {
        var name = Validate.StreamName(request.StreamName);
        var mode = request.StreamModeDetails is { } details
            ? Validate.OneOf(details.StreamMode, "streamModeDetails.streamMode", StreamInfo.Provisioned, StreamInfo.OnDemand)
            : request.ShardCount is null ? StreamInfo.OnDemand : StreamInfo.Provisioned;
        if (mode == StreamInfo.OnDemand && request.ShardCount is not null)
            throw KinesisException.InvalidArgument("ShardCount must not be given for an ON_DEMAND stream.");
        var shardCount = mode == StreamInfo.OnDemand
            ? OnDemandShards
            : Validate.Range(Validate.Required(request.ShardCount, "shardCount"), 1, 100_000, "shardCount");
        var tags = StreamTags.Validated(request.Tags);
        EnsureShardQuota(context, shardCount);
        if (context.Store.Create(name, shardCount, tags, mode) is null)
            throw KinesisException.ResourceInUse($"Stream {name} under account {OperationContext.AccountId} already exists.");
    }

    /// <summary>LimitExceededException when <paramref name="additional"/> more open shards would pass the account quota.</summary>
    public static void EnsureShardQuota(OperationContext context, int additional)
    {
        var current = context.Store.OpenShardCount();
        if (current + additional > AccountShardLimit)
            throw KinesisException.LimitExceeded(
                $"This request would exceed the shard limit for the account {OperationContext.AccountId} in {context.Region}. " +
                $"Current limit of shards is {AccountShardLimit}. Number of additional shards that would have resulted from this request is {additional}.");
    }
}
