using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record UpdateShardCountRequest(string? StreamName, string? StreamARN, int? TargetShardCount, string? ScalingType);

public sealed record UpdateShardCountResponse(string StreamName, int CurrentShardCount, int TargetShardCount, string StreamARN);

/// <summary>UNIFORM_SCALING: closes the open shards and opens TargetShardCount children (at most double, at least half).</summary>
public static class UpdateShardCount
{
    public const string Name = "UpdateShardCount";

    public static UpdateShardCountResponse Execute(UpdateShardCountRequest request, OperationContext context)
    {
        var target = Validate.Range(Validate.Required(request.TargetShardCount, "targetShardCount"), 1, 100_000, "targetShardCount");
        Validate.OneOf(request.ScalingType, "scalingType", "UNIFORM_SCALING");
        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        var name = stream.State.Info.Name;
        var current = stream.State.OpenShards.Length;
        if (stream.State.Info.StreamMode == Storage.StreamInfo.OnDemand)
            throw KinesisException.InvalidArgument($"Stream {name} is ON_DEMAND: UpdateShardCount applies to PROVISIONED streams only.");
        if (target > current * 2)
            throw KinesisException.InvalidArgument($"UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: {current} Target shard count: {target}");
        if (target * 2 < current)
            throw KinesisException.InvalidArgument($"UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: {current} Target shard count: {target}");
        if (target != current) // the same count is accepted and changes nothing
        {
            CreateStream.EnsureShardQuota(context, target - current);
            context.Store.Reshard(stream, target);
        }
        return new UpdateShardCountResponse(name, current, target, context.StreamArn(name));
    }
}
