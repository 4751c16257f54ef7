using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;

namespace Sandbox.ClickLog.Reading;

/// <summary>One stored click as the service reads it back.</summary>
public sealed record StoredClick(string UserId, string EventTime, string EventId, string ProductId, string? ShopName, long? Price, string? Source);

/// <summary>The service's read: a user's latest clicks, newest first (Query on the user, sort key descending).</summary>
public sealed class ClickLogReader(IAmazonDynamoDB dynamo, string table)
{
    public async Task<IReadOnlyList<StoredClick>> LatestAsync(string userId, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var clicks = new List<StoredClick>(count);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "#user = :user",
                ExpressionAttributeNames = new() { ["#user"] = ClickLogItem.UserId },
                ExpressionAttributeValues = new() { [":user"] = new AttributeValue { S = userId } },
                ScanIndexForward = false,
                Limit = count - clicks.Count,
                ExclusiveStartKey = start,
            }, cancellationToken);
            clicks.AddRange((page.Items ?? []).Select(ToClick));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null; // the last page has no key (null in the SDK); AWS may send an empty map
        } while (start is not null && clicks.Count < count);
        return clicks;
    }

    private static StoredClick ToClick(Dictionary<string, AttributeValue> item)
    {
        string? Text(string name) => item.TryGetValue(name, out var value) ? value.S : null;
        return new StoredClick(
            item[ClickLogItem.UserId].S, Text(ClickLogItem.EventTime) ?? "", Text(ClickLogItem.EventId) ?? "", Text(ClickLogItem.ProductId) ?? "",
            Text(ClickLogItem.ShopName), item.TryGetValue(ClickLogItem.Price, out var price) ? long.Parse(price.N) : null, Text(ClickLogItem.Source));
    }
}
