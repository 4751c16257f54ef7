using System.Text.Json;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record GetShardIteratorRequest(
    string? StreamName, string? StreamARN, string? ShardId, string? ShardIteratorType, string? StartingSequenceNumber, JsonElement? Timestamp);

public sealed record GetShardIteratorResponse(string ShardIterator);

/// <summary>An iterator at TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP of one shard.</summary>
public static class GetShardIterator
{
    public const string Name = "GetShardIterator";
    private static readonly string[] Types = ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "AT_SHARD_ID"];

    public static GetShardIteratorResponse Execute(GetShardIteratorRequest request, OperationContext context)
    {
        var shardId = Validate.Required(request.ShardId, "shardId");
        Validate.Length(shardId, 1, 128, "shardId");
        var type = Validate.OneOf(request.ShardIteratorType, "shardIteratorType", Types);
        var state = StreamLookup.Find(context, request.StreamName, request.StreamARN).State;
        var shard = state.FindShard(shardId) ?? throw ShardNotFound(state.Info.Name, shardId);
        var position = type switch
        {
            "TRIM_HORIZON" => shard.Log.TrimHorizonPosition,
            "LATEST" => shard.Log.TipPosition,
            "AT_SEQUENCE_NUMBER" => SequencePosition(request, state.Info, shard),
            "AFTER_SEQUENCE_NUMBER" => SequencePosition(request, state.Info, shard) + 1,
            "AT_TIMESTAMP" => shard.Log.PositionAtTimestamp(Timestamps.ToEpochMs(
                request.Timestamp ?? throw KinesisException.InvalidArgument("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter."),
                "Timestamp")),
            _ => throw KinesisException.InvalidArgument($"ShardIteratorType {type} is not supported by this engine."),
        };
        return new GetShardIteratorResponse(context.Engine.Iterators.Encode(state.Info.Name, state.Info.CreatedMs, shard.Info.Index, position));
    }

    public static KinesisException ShardNotFound(string stream, string shardId) =>
        KinesisException.ResourceNotFound($"Shard {shardId} in stream {stream} under account {OperationContext.AccountId} does not exist");

    private static long SequencePosition(GetShardIteratorRequest request, StreamInfo stream, StreamShard shard)
    {
        var sequence = request.StartingSequenceNumber
            ?? throw KinesisException.InvalidArgument($"Must specify startingSequenceNumber for iterator of type {request.ShardIteratorType}.");
        if (!SequenceNumber.TryParse(sequence, out var shardIndex, out var position) || shardIndex != shard.Info.Index || position > shard.Log.TipPosition)
            throw KinesisException.InvalidArgument(
                $"StartingSequenceNumber {sequence} used in GetShardIterator on shard {shard.Info.ShardId} in stream {stream.Name} under account {OperationContext.AccountId} is invalid.");
        return position;
    }
}
