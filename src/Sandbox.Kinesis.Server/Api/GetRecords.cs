using System.Text.Json;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record GetRecordsRequest(string? ShardIterator, int? Limit, string? StreamARN);

/// <summary>
/// Reads up to Limit records (10,000 / 10 MiB) from an iterator. Written straight to JSON from the
/// segment buffers, so record data is never copied into objects.
/// </summary>
public static class GetRecords
{
    public const string Name = "GetRecords";
    public const int MaxRecords = 10_000;
    public const long MaxResponseBytes = 10L * 1024 * 1024;

    public static void Handle(ReadOnlySpan<byte> body, OperationContext context, Utf8JsonWriter writer)
    {
        var request = Operation.Parse(body, KinesisJson.Default.GetRecordsRequest);
        var iterator = Validate.Required(request.ShardIterator, "shardIterator");
        Validate.Length(iterator, 1, 512, "shardIterator");
        var limit = Validate.OptionalRange(request.Limit, 1, MaxRecords, "limit") ?? MaxRecords;
        var at = context.Engine.Iterators.Decode(iterator);
        var stream = context.Store.Find(at.StreamName);
        if (stream is null || stream.State.Info.CreatedMs != at.StreamCreatedMs) throw StreamLookup.NotFound(context, at.StreamName);
        var state = stream.State;
        var shard = state.FindShard(ShardInfo.IdFor(at.ShardIndex)) ?? throw GetShardIterator.ShardNotFound(at.StreamName, ShardInfo.IdFor(at.ShardIndex));

        var throttle = context.Limiter.For(state.Info, shard.Info);
        if (throttle is not null && !throttle.TryStartRead())
            throw KinesisException.Throughput(RecordWriter.ThroughputMessage(state.Info.Name, shard.Info.ShardId));

        using var result = shard.Log.Read(at.Position, limit, MaxResponseBytes);
        throttle?.ChargeRead(result.Records.Sum(r => (long)r.DataLength));
        WriteResponse(writer, context, state, shard, result);
    }

    private static void WriteResponse(Utf8JsonWriter writer, OperationContext context, StreamState state, StreamShard shard, ReadResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("Records");
        Span<byte> sequence = stackalloc byte[SequenceNumber.Length];
        foreach (var record in result.Records)
        {
            writer.WriteStartObject();
            SequenceNumber.FormatUtf8(shard.Info.Index, record.Position, sequence);
            writer.WriteString("SequenceNumber"u8, sequence);
            writer.WriteNumber("ApproximateArrivalTimestamp"u8, Timestamps.EpochSeconds(record.ArrivalMs));
            writer.WriteBase64String("Data"u8, record.Data);
            writer.WriteString("PartitionKey"u8, record.PartitionKeyUtf8);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        var tip = shard.Log.TipPosition;
        var caughtUp = result.NextPosition >= tip;
        writer.WriteNumber("MillisBehindLatest", caughtUp || result.Records.Count == 0 ? 0 : Math.Max(0, context.NowMs - result.Records[^1].ArrivalMs));
        if (shard.Info.EndingPosition is { } end && result.NextPosition >= end)
        {
            WriteChildShards(writer, state, shard.Info.ShardId); // fully read closed shard: no NextShardIterator
        }
        else
        {
            writer.WriteString("NextShardIterator", context.Engine.Iterators.Encode(state.Info.Name, state.Info.CreatedMs, shard.Info.Index, result.NextPosition));
        }
        writer.WriteEndObject();
    }

    private static void WriteChildShards(Utf8JsonWriter writer, StreamState state, string parentId)
    {
        writer.WriteStartArray("ChildShards");
        foreach (var child in state.Shards.Select(s => s.Info).Where(s => s.ParentShardId == parentId || s.AdjacentParentShardId == parentId))
        {
            var json = new ChildShardJson(child.ShardId, new[] { child.ParentShardId, child.AdjacentParentShardId }.OfType<string>().ToList(), ShardJson.HashRangeOf(child));
            JsonSerializer.Serialize(writer, json, KinesisJson.Default.ChildShardJson);
        }
        writer.WriteEndArray();
    }
}
