namespace Sandbox.Kinesis.Server.Api;

public sealed record DeleteStreamRequest(string? StreamName, string? StreamARN, bool? EnforceConsumerDeletion);

/// <summary>Deletes a stream and its data at once (AWS shows DELETING for a while).</summary>
public static class DeleteStream
{
    public const string Name = "DeleteStream";

    public static void Execute(DeleteStreamRequest request, OperationContext context)
    {
        var name = StreamLookup.NameFrom(request.StreamName, request.StreamARN);
        if (!context.Store.Delete(name)) throw StreamLookup.NotFound(context, name);
    }
}
