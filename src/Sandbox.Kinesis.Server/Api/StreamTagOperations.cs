using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record AddTagsToStreamRequest(string? StreamName, string? StreamARN, Dictionary<string, string>? Tags);

public sealed record RemoveTagsFromStreamRequest(string? StreamName, string? StreamARN, List<string>? TagKeys);

public sealed record ListTagsForStreamRequest(string? StreamName, string? StreamARN, string? ExclusiveStartTagKey, int? Limit);

public sealed record TagJson(string Key, string Value);

public sealed record ListTagsForStreamResponse(List<TagJson> Tags, bool HasMoreTags);

/// <summary>AddTagsToStream: also how a stream's quotas are switched (tag sandbox:limits = on|off).</summary>
public static class AddTagsToStream
{
    public const string Name = "AddTagsToStream";

    public static void Execute(AddTagsToStreamRequest request, OperationContext context)
    {
        var tags = StreamTags.Validated(Validate.Required(request.Tags, "tags"));
        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        context.Store.Update(stream, info =>
        {
            var merged = info.Tags.SetItems(tags);
            if (merged.Count > StreamTags.MaxTagsPerStream)
                throw KinesisException.LimitExceeded($"Stream {info.Name} would have {merged.Count} tags; the limit is {StreamTags.MaxTagsPerStream}.");
            return info with { Tags = merged };
        });
    }
}

public static class RemoveTagsFromStream
{
    public const string Name = "RemoveTagsFromStream";

    public static void Execute(RemoveTagsFromStreamRequest request, OperationContext context)
    {
        var keys = Validate.Required(request.TagKeys, "tagKeys");
        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        context.Store.Update(stream, info => info with { Tags = info.Tags.RemoveRange(keys) });
    }
}

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
