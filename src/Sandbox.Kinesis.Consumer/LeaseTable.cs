using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Sandbox.Aws;
using Sandbox.Aws.Bootstrap;
using Sandbox.Core.Bootstrap;

namespace Sandbox.Kinesis.Consumer;

/// <summary>
/// The DynamoDB lease table (pk lease_key = &lt;application&gt;:&lt;shardId&gt;). Every change is a
/// conditional write on the counter (and owner), so two workers can never both believe they hold
/// a shard, and a checkpoint from a worker that lost its lease is refused.
/// </summary>
public sealed class LeaseTable(IAmazonDynamoDB dynamo, string table, string application)
{
    private const string KeyAttr = "lease_key", AppAttr = "application", ShardAttr = "shard_id",
        CheckpointAttr = "checkpoint", OwnerAttr = "lease_owner", CounterAttr = "lease_counter", ParentsAttr = "parent_shard_ids";

    /// <summary>The table as KCL keeps it: one item per shard per consumer application.</summary>
    public static CreateTableRequest Definition(string table) => DynamoDbTables.OnDemand(table, KeyAttr);

    /// <summary>The consumers' part of `sandbox bootstrap`: the lease table every delivery stream and the mapping share.</summary>
    public static IBootstrapStep BootstrapStep(IAmazonDynamoDB dynamoDb, string table) => new TableStep(dynamoDb, Definition(table));

    private static readonly Dictionary<string, string> Names = new()
    {
        ["#cp"] = CheckpointAttr, ["#owner"] = OwnerAttr, ["#counter"] = CounterAttr, ["#app"] = AppAttr,
    };

    public string Application { get; } = application;

    public async Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken)
    {
        var leases = new List<Lease>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await NamingTableAsync(() => dynamo.ScanAsync(new ScanRequest
            {
                TableName = table,
                ConsistentRead = true,
                FilterExpression = "#app = :app",
                ExpressionAttributeNames = new() { ["#app"] = AppAttr },
                ExpressionAttributeValues = new() { [":app"] = new AttributeValue { S = Application } },
                ExclusiveStartKey = start,
            }, cancellationToken));
            leases.AddRange((page.Items ?? []).Select(FromItem));
            // The last page has no LastEvaluatedKey (null in the SDK); AWS may send an empty map.
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);
        return leases;
    }

    /// <summary>Creates the lease at TRIM_HORIZON unless another worker already did.</summary>
    public async Task CreateIfAbsentAsync(string shardId, IReadOnlyList<string> parents, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [KeyAttr] = new() { S = Lease.KeyOf(Application, shardId) },
            [AppAttr] = new() { S = Application },
            [ShardAttr] = new() { S = shardId },
            [CheckpointAttr] = new() { S = Checkpoints.TrimHorizon },
            [CounterAttr] = new() { N = "0" },
        };
        if (parents.Count > 0) item[ParentsAttr] = new() { SS = parents.ToList() };
        await WriteConditionallyAsync(() => dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = item,
            ConditionExpression = $"attribute_not_exists({KeyAttr})",
        }, cancellationToken));
    }

    /// <summary>Takes a lease last seen as <paramref name="seen"/>; null if anyone wrote it since.</summary>
    public Task<Lease?> TakeAsync(Lease seen, string owner, CancellationToken cancellationToken) =>
        UpdateAsync(seen, seen with { Owner = owner, Counter = seen.Counter + 1 },
            "SET #owner = :owner, #counter = :next", "#counter = :seen", cancellationToken);

    /// <summary>Proves the holder is alive; null if the lease was taken meanwhile.</summary>
    public Task<Lease?> RenewAsync(Lease held, CancellationToken cancellationToken) =>
        UpdateAsync(held, held with { Counter = held.Counter + 1 },
            "SET #counter = :next", "#owner = :owner AND #counter = :seen", cancellationToken);

    public Task<Lease?> CheckpointAsync(Lease held, string checkpoint, CancellationToken cancellationToken) =>
        UpdateAsync(held, held with { Checkpoint = checkpoint, Counter = held.Counter + 1 },
            "SET #cp = :cp, #counter = :next", "#owner = :owner AND #counter = :seen", cancellationToken);

    /// <summary>Graceful shutdown: leaves the lease ownerless so another worker takes it at once.</summary>
    public Task<Lease?> ReleaseAsync(Lease held, CancellationToken cancellationToken) =>
        UpdateAsync(held, held with { Owner = null, Counter = held.Counter + 1 },
            "REMOVE #owner SET #counter = :next", "#owner = :owner AND #counter = :seen", cancellationToken);

    private async Task<Lease?> UpdateAsync(Lease before, Lease after, string update, string condition, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":seen"] = new() { N = before.Counter.ToString() },
            [":next"] = new() { N = after.Counter.ToString() },
        };
        if ((after.Owner ?? before.Owner) is { } owner) values[":owner"] = new() { S = owner };
        if (update.Contains(":cp")) values[":cp"] = new() { S = after.Checkpoint };
        var names = Names.Where(n => update.Contains(n.Key) || condition.Contains(n.Key)).ToDictionary();
        var written = await WriteConditionallyAsync(() => dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new() { [KeyAttr] = new() { S = before.Key } },
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken));
        return written ? after : null;
    }

    private async Task<bool> WriteConditionallyAsync(Func<Task> write)
    {
        try
        {
            await NamingTableAsync(async () => { await write(); return true; });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<T> NamingTableAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ResourceNotFoundException error)
        {
            throw new InvalidOperationException($"the lease table '{table}' does not exist: run `sandbox bootstrap`", error);
        }
    }

    private static Lease FromItem(Dictionary<string, AttributeValue> item) => new(
        item[AppAttr].S,
        item[ShardAttr].S,
        item[CheckpointAttr].S,
        item.TryGetValue(OwnerAttr, out var owner) ? owner.S : null,
        long.Parse(item[CounterAttr].N),
        item.TryGetValue(ParentsAttr, out var parents) ? parents.SS ?? [] : []);
}
