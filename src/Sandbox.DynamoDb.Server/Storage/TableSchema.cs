using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>A key attribute: its name and scalar type (S, N or B).</summary>
public sealed record KeyAttribute(string Name, AttributeType Type);

/// <summary>What a table is: name, partition key, optional sort key, TTL setting, creation time. Stored as table.json.</summary>
public sealed record TableSchema(string Name, KeyAttribute Hash, KeyAttribute? Range, DateTimeOffset CreatedAt, string TableId)
{
    /// <summary>The TTL attribute once UpdateTimeToLive enabled it.</summary>
    public string? TimeToLiveAttribute { get; init; }

    /// <summary>PAY_PER_REQUEST or PROVISIONED (with its capacities), echoed by DescribeTable; never enforced.</summary>
    public string BillingMode { get; init; } = "PAY_PER_REQUEST";
    public long ReadCapacityUnits { get; init; }
    public long WriteCapacityUnits { get; init; }

    public const int MaxHashKeyBytes = 2048, MaxRangeKeyBytes = 1024;

    public bool IsKeyAttribute(string name) => name == Hash.Name || name == Range?.Name;

    /// <summary>The key of a full item; throws DynamoDB's ValidationException if a key attribute is missing or mistyped.</summary>
    public ItemKey KeyOfItem(IReadOnlyDictionary<string, AttributeValue> item) =>
        new(KeyPart(item, Hash, MaxHashKeyBytes, "item"), Range is null ? null : KeyPart(item, Range, MaxRangeKeyBytes, "item"));

    /// <summary>The key of a Key parameter: exactly the key attributes, nothing else.</summary>
    public ItemKey KeyOfKey(IReadOnlyDictionary<string, AttributeValue>? key)
    {
        if (key is null || key.Count != (Range is null ? 1 : 2) || !key.ContainsKey(Hash.Name) || (Range is not null && !key.ContainsKey(Range.Name)))
            throw DynamoDbException.Validation("The provided key element does not match the schema");
        return new(KeyPart(key, Hash, MaxHashKeyBytes, "key"), Range is null ? null : KeyPart(key, Range, MaxRangeKeyBytes, "key"));
    }

    private static AttributeValue KeyPart(IReadOnlyDictionary<string, AttributeValue> item, KeyAttribute attribute, int maxBytes, string what)
    {
        if (!item.TryGetValue(attribute.Name, out var value))
            throw DynamoDbException.Validation($"One or more parameter values were invalid: Missing the key {attribute.Name} in the {what}");
        if (value.Type != attribute.Type)
            throw DynamoDbException.Validation($"One or more parameter values were invalid: Type mismatch for key {attribute.Name} expected: {attribute.Type} actual: {value.Type}");
        if (ItemSize.Of(value) == 0)
            throw DynamoDbException.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. Key: {attribute.Name}");
        if (ItemSize.Of(value) > maxBytes)
            throw DynamoDbException.Validation($"One or more parameter values were invalid: Size of {(maxBytes == MaxHashKeyBytes ? "hashkey" : "rangekey")} has exceeded the maximum size limit of {maxBytes} bytes");
        return value;
    }

    /// <summary>The key as an attribute map (LastEvaluatedKey, UnprocessedKeys).</summary>
    public Dictionary<string, AttributeValue> KeyMap(ItemKey key)
    {
        var map = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [Hash.Name] = key.Hash };
        if (Range is not null) map[Range.Name] = key.Range!;
        return map;
    }
}

/// <summary>A primary key; <see cref="Bound"/> -1/+1 makes a probe below/above every sort key of its partition.</summary>
public readonly record struct ItemKey(AttributeValue Hash, AttributeValue? Range, sbyte Bound = 0);

/// <summary>Partition value order, then sort key order: what Query and Scan walk (the on-disk key bytes' order, exact for 38-digit numbers).</summary>
public sealed class ItemKeyComparer : IComparer<ItemKey>
{
    public static readonly ItemKeyComparer Instance = new();

    public int Compare(ItemKey x, ItemKey y) => KeyEncoding.Of(x).AsSpan().SequenceCompareTo(KeyEncoding.Of(y));
}
