using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.Stack.Bootstrap;

/// <summary>The DynamoDB tables the pipeline reads and writes, each defined by the box that owns it.</summary>
public static class TableDefinitions
{
    public static IEnumerable<CreateTableRequest> All(ResourceNames names) =>
        [ClickLogTable.Definition(names.ClickLogTable), LeaseTable.Definition(names.LeaseTable)];

    /// <summary>The attribute holding the expiry epoch seconds, for tables that have a TTL.</summary>
    public static string? TimeToLiveAttribute(string table, ResourceNames names) =>
        table == names.ClickLogTable ? ClickLogTable.TimeToLiveAttribute : null;
}
