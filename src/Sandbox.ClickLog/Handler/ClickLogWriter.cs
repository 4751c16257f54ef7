using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Sandbox.ClickLog.Handler;

/// <summary>
/// Writes click items with BatchWriteItem (25 per request), resending UnprocessedItems with
/// backoff until every item is stored. Keys are deterministic, so a rewrite changes nothing.
/// </summary>
public sealed class ClickLogWriter(IAmazonDynamoDB dynamo, string table)
{
    private const int MaxBatch = 25, MaxRounds = 10;

    public string Table => table;

    public async Task WriteAsync(IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        // BatchWriteItem refuses two puts of one key in a request: the same event twice in a batch is one item anyway.
        var unique = items
            .GroupBy(item => (item[ClickLogItem.UserId].S, item[ClickLogItem.EventKey].S))
            .Select(group => group.Last())
            .ToList();
        foreach (var chunk in unique.Chunk(MaxBatch)) await WriteChunkAsync(chunk, cancellationToken);
    }

    private async Task WriteChunkAsync(IEnumerable<Dictionary<string, AttributeValue>> chunk, CancellationToken cancellationToken)
    {
        List<WriteRequest> pending = [.. chunk.Select(item => new WriteRequest(new PutRequest(item)))];
        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > MaxRounds)
                throw new InvalidOperationException($"DynamoDB table '{table}' left {pending.Count} click items unprocessed after {MaxRounds} rounds");
            if (round > 1) await Task.Delay(TimeSpan.FromMilliseconds(50 << Math.Min(round, 6)), cancellationToken);
            BatchWriteItemResponse response;
            try
            {
                response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = pending } }, cancellationToken);
            }
            catch (ResourceNotFoundException error)
            {
                throw new InvalidOperationException($"the click-log table '{table}' does not exist: run `sandbox bootstrap`", error);
            }
            // An emulator may leave UnprocessedItems out (null in the SDK) when everything was written.
            pending = response.UnprocessedItems is { } left && left.TryGetValue(table, out var again) ? again : [];
        }
    }
}
