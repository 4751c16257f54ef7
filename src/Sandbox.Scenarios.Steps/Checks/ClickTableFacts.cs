using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>Every item of a click_logs table (a scan: scenario tables are small).</summary>
public static class ClickTableFacts
{
    public static async Task<IReadOnlyList<(string UserId, string EventId, string ProductId)>> ScanAsync(IAmazonDynamoDB dynamo, string table)
    {
        var items = new List<(string, string, string)>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            foreach (var item in page.Items ?? [])
                items.Add((item[ClickLogItem.UserId].S, item[ClickLogItem.EventId].S, item.TryGetValue(ClickLogItem.ProductId, out var p) ? p.S : ""));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);
        return items;
    }
}
