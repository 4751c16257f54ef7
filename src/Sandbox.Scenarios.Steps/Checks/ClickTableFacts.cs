using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>Every item of a click_logs table: as a list (scenario tables are small), or streamed page by page (a load test's table).</summary>
public static class ClickTableFacts
{
    public static async Task<IReadOnlyList<(string UserId, string EventId, string ProductId)>> ScanAsync(IAmazonDynamoDB dynamo, string table)
    {
        var items = new List<(string, string, string)>();
        await ForEachPageAsync(dynamo, new ScanRequest { TableName = table }, item =>
            items.Add((item[ClickLogItem.UserId].S, item[ClickLogItem.EventId].S, item.TryGetValue(ClickLogItem.ProductId, out var p) ? p.S : "")),
            CancellationToken.None);
        return items;
    }

    /// <summary>Each item's event id, one page in memory at a time (only that attribute is read).</summary>
    public static Task ForEachEventIdAsync(IAmazonDynamoDB dynamo, string table, Action<string> eventId, CancellationToken cancellationToken = default) =>
        ForEachPageAsync(dynamo, new ScanRequest { TableName = table, ProjectionExpression = ClickLogItem.EventId },
            item => eventId(item[ClickLogItem.EventId].S), cancellationToken);

    private static async Task ForEachPageAsync(IAmazonDynamoDB dynamo, ScanRequest scan, Action<Dictionary<string, AttributeValue>> item,
        CancellationToken cancellationToken)
    {
        do
        {
            var page = await dynamo.ScanAsync(scan, cancellationToken);
            foreach (var each in page.Items ?? []) item(each);
            scan.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (scan.ExclusiveStartKey is not null);
    }
}
