using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record CreateStreamRequest(string? StreamName, int? ShardCount, StreamModeDetailsJson? StreamModeDetails, Dictionary<string, string>? Tags);

/// <summary>Creates a provisioned stream with evenly split shards; ACTIVE at once (AWS takes a few seconds).</summary>
public static class CreateStream
{
    public const string Name = "CreateStream";
    public const int AccountShardLimit = 500;

    public static void Execute(CreateStreamRequest request, OperationContext context)
    {
        var name = Validate.StreamName(request.StreamName);
        var mode = request.StreamModeDetails?.StreamMode;
        if (mode is not null && mode != "PROVISIONED")
            throw KinesisException.InvalidArgument($"StreamMode {mode} is not supported by this engine: only PROVISIONED streams (with ShardCount).");
        var shardCount = Validate.Range(Validate.Required(request.ShardCount, "shardCount"), 1, 100_000, "shardCount");
        var tags = StreamTags.Validated(request.Tags);
        EnsureShardQuota(context, shardCount);
        if (context.Store.Create(name, shardCount, tags) is null)
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
