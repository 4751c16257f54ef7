using System.Text;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record ListStreamsRequest(int? Limit, string? ExclusiveStartStreamName, string? NextToken);

public sealed record StreamSummaryJson(string StreamName, string StreamARN, string StreamStatus, StreamModeDetailsJson StreamModeDetails, decimal StreamCreationTimestamp);

public sealed record ListStreamsResponse(List<string> StreamNames, bool HasMoreStreams, string? NextToken, List<StreamSummaryJson> StreamSummaries);

/// <summary>Stream names in order, paged by ExclusiveStartStreamName or NextToken.</summary>
public static class ListStreams
{
    public const string Name = "ListStreams";

    public static ListStreamsResponse Execute(ListStreamsRequest request, OperationContext context)
    {
        var limit = Validate.OptionalRange(request.Limit, 1, 10_000, "limit") ?? 100;
        var after = request.NextToken is { } token ? DecodeToken(token) : request.ExclusiveStartStreamName;
        var names = context.Store.Names().Where(n => after is null || string.CompareOrdinal(n, after) > 0).ToList();
        var page = names.Take(limit).ToList();
        var hasMore = names.Count > page.Count;
        var summaries = page
            .Select(n => context.Store.Find(n))
            .OfType<KinesisStream>()
            .Select(s => Summary(s.State.Info, context))
            .ToList();
        return new ListStreamsResponse(page, hasMore, hasMore ? EncodeToken(page[^1]) : null, summaries);
    }

    private static StreamSummaryJson Summary(StreamInfo info, OperationContext context) =>
        new(info.Name, context.StreamArn(info.Name), "ACTIVE", new StreamModeDetailsJson(info.StreamMode), Timestamps.EpochSeconds(info.CreatedMs));

    private static string EncodeToken(string lastName) => Convert.ToBase64String(Encoding.UTF8.GetBytes("streams:" + lastName));

    private static string DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("streams:", StringComparison.Ordinal)) return text["streams:".Length..];
        }
        catch (FormatException) { }
        throw KinesisException.InvalidArgument($"NextToken '{token}' is not a token ListStreams issued.");
    }
}
