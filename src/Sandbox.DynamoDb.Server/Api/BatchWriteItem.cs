using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record PutRequest(Dictionary<string, AttributeValue>? Item);
public sealed record DeleteRequest(Dictionary<string, AttributeValue>? Key);
public sealed record WriteRequest(PutRequest? PutRequest, DeleteRequest? DeleteRequest);

public sealed record BatchWriteItemRequest(Dictionary<string, List<WriteRequest>>? RequestItems, string? ReturnConsumedCapacity, string? ReturnItemCollectionMetrics);

public sealed record BatchWriteItemResponse(Dictionary<string, List<WriteRequest>> UnprocessedItems);

/// <summary>
/// Up to 25 puts and deletes over one or more tables. Everything is validated first, then each
/// table's share is one log write; nothing is ever left unprocessed (no throughput limits here).
/// </summary>
public static class BatchWriteItem
{
    public const int MaxRequests = 25;

    public static BatchWriteItemResponse Execute(BatchWriteItemRequest request, OperationContext context)
    {
        var requestItems = request.RequestItems;
        if (requestItems is null || requestItems.Count == 0 || requestItems.Values.Any(r => r is null || r.Count == 0))
            throw DynamoDbException.Validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (requestItems.Values.Sum(r => r.Count) > MaxRequests)
            throw DynamoDbException.Validation($"Too many items requested for the BatchWriteItem call (at most {MaxRequests} put or delete requests, over all tables)");
        var work = new List<(Table Table, List<Change> Changes)>();
        foreach (var (name, writes) in requestItems)
        {
            var table = context.Store.Get(Unsupported.TableName(name));
            var changes = new List<Change>(writes.Count);
            var keys = new HashSet<ItemKey>(new ItemKeyEquality());
            foreach (var write in writes)
            {
                if ((write?.PutRequest is null) == (write?.DeleteRequest is null))
                    throw DynamoDbException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes: a WriteRequest needs exactly one of PutRequest or DeleteRequest");
                Change change;
                if (write!.PutRequest is { } put)
                {
                    var item = put.Item ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'requestItems.member.putRequest.item' failed to satisfy constraint: Member must not be null");
                    ItemWrites.RequireWithinSize(item);
                    change = new Change(table.Schema.KeyOfItem(item), item);
                }
                else change = new Change(table.Schema.KeyOfKey(write.DeleteRequest!.Key), null);
                if (!keys.Add(change.Key)) throw DynamoDbException.Validation("Provided list of item keys contains duplicates");
                changes.Add(change);
            }
            work.Add((table, changes));
        }
        foreach (var (table, changes) in work) ItemWrites.Locked(table, () => { table.Apply(changes); return 0; });
        return new([]);
    }
}

/// <summary>Key equality by value (numbers by value), for duplicate checks.</summary>
internal sealed class ItemKeyEquality : IEqualityComparer<ItemKey>
{
    public bool Equals(ItemKey x, ItemKey y) => ItemKeyComparer.Instance.Compare(x, y) == 0;

    public int GetHashCode(ItemKey key) => HashCode.Combine(Hash(key.Hash), key.Range is null ? 0 : Hash(key.Range));

    private static int Hash(AttributeValue value) => value.Type switch
    {
        AttributeType.N => Numbers.Canonical(value.Text!).GetHashCode(),
        AttributeType.B => Convert.ToBase64String(value.Binary!).GetHashCode(),
        _ => value.Text!.GetHashCode(),
    };
}
