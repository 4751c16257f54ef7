using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Bootstrap;

/// <summary>The DynamoDB tables the pipeline reads and writes.</summary>
public static class TableDefinitions
{
    /// <summary>Click logs keyed for the service's read: a user's clicks, newest last (sk = event_time#event_id).</summary>
    public static CreateTableRequest ClickLogs(string table) => KeyedTable(table, ("user_id", "event_key"));

    /// <summary>Kinesis consumer leases and checkpoints, one item per shard per consumer (as KCL keeps them).</summary>
    public static CreateTableRequest Leases(string table) => KeyedTable(table, ("lease_key", null));

    public static IEnumerable<CreateTableRequest> All(ResourceNames names) =>
        [ClickLogs(names.ClickLogTable), Leases(names.LeaseTable)];

    /// <summary>The attribute holding the expiry epoch seconds, for tables that have a TTL.</summary>
    public static string? TimeToLiveAttribute(string table, ResourceNames names) =>
        table == names.ClickLogTable ? "expires_at" : null;

    private static CreateTableRequest KeyedTable(string table, (string Hash, string? Range) key)
    {
        var request = new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(key.Hash, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(key.Hash, KeyType.HASH)],
        };
        if (key.Range is { } range)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(range, ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(range, KeyType.RANGE));
        }
        return request;
    }
}
