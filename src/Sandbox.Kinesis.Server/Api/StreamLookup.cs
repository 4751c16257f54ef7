using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Finds the stream a request names by StreamName or StreamARN.</summary>
public static class StreamLookup
{
    public static string NameFrom(string? streamName, string? streamArn)
    {
        if (streamArn is not null)
        {
            var fromArn = ParseArn(streamArn);
            if (streamName is not null && streamName != fromArn)
                throw KinesisException.InvalidArgument($"StreamName {streamName} does not match the stream in StreamARN {streamArn}.");
            return fromArn;
        }
        if (streamName is null) throw KinesisException.InvalidArgument("Either StreamName or StreamARN must be provided.");
        return Validate.StreamName(streamName);
    }

    public static KinesisStream Find(OperationContext context, string? streamName, string? streamArn)
    {
        var name = NameFrom(streamName, streamArn);
        return context.Store.Find(name) ?? throw NotFound(context, name);
    }

    public static KinesisException NotFound(OperationContext context, string name) =>
        KinesisException.ResourceNotFound($"Stream {name} under account {OperationContext.AccountId} not found.");

    private static string ParseArn(string arn)
    {
        // arn:aws:kinesis:<region>:<account>:stream/<name>
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "kinesis" || !parts[5].StartsWith("stream/", StringComparison.Ordinal))
            throw KinesisException.InvalidArgument($"StreamARN {arn} is not a Kinesis stream ARN (arn:aws:kinesis:<region>:<account>:stream/<name>).");
        return Validate.StreamName(parts[5]["stream/".Length..], "streamARN");
    }
}
