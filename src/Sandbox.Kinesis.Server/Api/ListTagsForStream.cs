namespace Sandbox.Kinesis.Server.Api;

public sealed record ListTagsForStreamRequest(string? StreamName, string? StreamARN, string? ExclusiveStartTagKey, int? Limit);

public sealed record TagJson(string Key, string Value);

public sealed record ListTagsForStreamResponse(List<TagJson> Tags, bool HasMoreTags);

/// <summary>A stream's tags in key order, paged by ExclusiveStartTagKey.</summary>
public static class ListTagsForStream
{
    public const string Name = "ListTagsForStream";

    public static ListTagsForStreamResponse Execute(ListTagsForStreamRequest request, OperationContext context)
    {
        var limit = Validate.OptionalRange(request.Limit, 1, 50, "limit") ?? 50;
        var tags = StreamLookup.Find(context, request.StreamName, request.StreamARN).State.Info.Tags
            .Where(t => request.ExclusiveStartTagKey is null || string.CompareOrdinal(t.Key, request.ExclusiveStartTagKey) > 0)
            .ToList();
        return new ListTagsForStreamResponse(tags.Take(limit).Select(t => new TagJson(t.Key, t.Value)).ToList(), tags.Count > limit);
    }
}
