using System.Text;
using System.Text.Json;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record ShardFilterJson(string? Type, string? ShardId, JsonElement? Timestamp);

public sealed record ListShardsRequest(
    string? StreamName, string? StreamARN, string? NextToken, string? ExclusiveStartShardId, int? MaxResults,
    JsonElement? StreamCreationTimestamp, ShardFilterJson? ShardFilter);

public sealed record ListShardsResponse(List<ShardJson> Shards, string? NextToken);

/// <summary>Shards of a stream, paged by NextToken (which already names the stream).</summary>
public static class ListShards
{
    public const string Name = "ListShards";
    private static readonly string[] FilterTypes =
        ["AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP"];

    public static ListShardsResponse Execute(ListShardsRequest request, OperationContext context)
    {
        var maxResults = Validate.OptionalRange(request.MaxResults, 1, 10_000, "maxResults") ?? 1000;
        string streamName;
        string? after;
        if (request.NextToken is { } token)
        {
            if (request.StreamName is not null || request.StreamARN is not null || request.ExclusiveStartShardId is not null || request.ShardFilter is not null)
                throw KinesisException.InvalidArgument("NextToken and StreamName/StreamARN/ExclusiveStartShardId/ShardFilter cannot be provided together.");
            (streamName, after) = DecodeToken(token);
        }
        else
        {
            streamName = StreamLookup.NameFrom(request.StreamName, request.StreamARN);
            after = request.ExclusiveStartShardId;
        }
        var stream = context.Store.Find(streamName) ?? throw StreamLookup.NotFound(context, streamName);
        var shards = Filter(stream.State.Info.Shards, request.ShardFilter)
            .Where(s => after is null || string.CompareOrdinal(s.ShardId, after) > 0)
            .ToList();
        var page = shards.Take(maxResults).ToList();
        var next = shards.Count > page.Count ? EncodeToken(streamName, page[^1].ShardId) : null;
        return new ListShardsResponse(page.Select(ShardJson.From).ToList(), next);
    }

    private static IEnumerable<ShardInfo> Filter(IEnumerable<ShardInfo> shards, ShardFilterJson? filter)
    {
        if (filter is null) return shards;
        var type = Validate.OneOf(filter.Type, "shardFilter.type", FilterTypes);
        return type switch
        {
            "AT_LATEST" => shards.Where(s => s.IsOpen),
            "AFTER_SHARD_ID" => shards.Where(s => string.CompareOrdinal(s.ShardId,
                filter.ShardId ?? throw KinesisException.InvalidArgument("ShardFilter AFTER_SHARD_ID needs a ShardId.")) > 0),
            _ => shards, // every stored shard still holds data within the retention period
        };
    }

    private static string EncodeToken(string stream, string lastShardId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"shards:{lastShardId}:{stream}"));

    private static (string Stream, string After) DecodeToken(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':', 3);
            if (parts is ["shards", var after, var stream]) return (stream, after);
        }
        catch (FormatException) { }
        throw KinesisException.InvalidArgument($"NextToken '{token}' is not a token ListShards issued.");
    }
}
