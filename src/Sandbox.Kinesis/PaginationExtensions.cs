using System.Runtime.CompilerServices;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis;

/// <summary>Follows NextToken so callers see every shard or stream, however many pages the service uses.</summary>
public static class PaginationExtensions
{
    public static async IAsyncEnumerable<Shard> ListAllShardsAsync(
        this IKinesisClient client, string streamName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        // AWS refuses StreamName together with NextToken: later pages carry the token only.
        var request = new ListShardsRequest { StreamName = streamName };
        while (true)
        {
            var page = await client.ListShardsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var shard in page.Shards) yield return shard;
            if (page.NextToken is null) yield break;
            request = new ListShardsRequest { NextToken = page.NextToken };
        }
    }

    public static async IAsyncEnumerable<string> ListAllStreamNamesAsync(
        this IKinesisClient client, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListStreamsRequest();
        while (true)
        {
            var page = await client.ListStreamsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var name in page.StreamNames) yield return name;
            if (!page.HasMoreStreams || page.StreamNames.Count == 0) yield break;
            request = page.NextToken is { } token
                ? new ListStreamsRequest { NextToken = token }
                : new ListStreamsRequest { ExclusiveStartStreamName = page.StreamNames[^1] };
        }
    }
}
