namespace Sandbox.Kinesis.Server.Api;

public sealed record RemoveTagsFromStreamRequest(string? StreamName, string? StreamARN, List<string>? TagKeys);

/// <summary>Removes tags by key; keys the stream does not have are ignored, as on AWS.</summary>
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
