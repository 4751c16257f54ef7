using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record AddTagsToStreamRequest(string? StreamName, string? StreamARN, Dictionary<string, string>? Tags);

/// <summary>Adds or replaces tags; also how a stream's quotas are switched (tag sandbox:limits = on|off).</summary>
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
