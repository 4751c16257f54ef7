using System.Text.Json;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record AttributeDefinition(string? AttributeName, string? AttributeType);
public sealed record KeySchemaElement(string? AttributeName, string? KeyType);
public sealed record ProvisionedThroughput(long? ReadCapacityUnits, long? WriteCapacityUnits);
public sealed record ProvisionedThroughputDescription(long NumberOfDecreasesToday, long ReadCapacityUnits, long WriteCapacityUnits);
public sealed record BillingModeSummary(string BillingMode, double LastUpdateToPayPerRequestDateTime);

public sealed record TableDescription(
    string TableName, string TableStatus, string TableArn, string TableId, double CreationDateTime, long ItemCount, long TableSizeBytes,
    List<AttributeDefinition> AttributeDefinitions, List<KeySchemaElement> KeySchema,
    ProvisionedThroughputDescription ProvisionedThroughput, BillingModeSummary? BillingModeSummary, bool DeletionProtectionEnabled = false)
{
    public static TableDescription Of(Table table, OperationContext context, string status = "ACTIVE")
    {
        var schema = table.Schema;
        List<KeyAttribute> keys = schema.Range is null ? [schema.Hash] : [schema.Hash, schema.Range];
        var created = schema.CreatedAt.ToUnixTimeMilliseconds() / 1000.0;
        return new TableDescription(schema.Name, status, context.TableArn(schema.Name), schema.TableId, created, table.ItemCount, table.SizeBytes,
            [.. keys.Select(k => new AttributeDefinition(k.Name, k.Type.ToString()))],
            [.. keys.Select((k, i) => new KeySchemaElement(k.Name, i == 0 ? "HASH" : "RANGE"))],
            new ProvisionedThroughputDescription(0, schema.ReadCapacityUnits, schema.WriteCapacityUnits),
            schema.BillingMode == "PAY_PER_REQUEST" ? new BillingModeSummary(schema.BillingMode, created) : null);
    }
}

public sealed record TableNameRequest(string? TableName);
public sealed record TableDescriptionResponse(TableDescription TableDescription);
public sealed record DescribeTableResponse(TableDescription Table);

/// <summary>Request members that name features this engine refuses rather than ignores.</summary>
internal static class Unsupported
{
    public static void Refuse(JsonElement? member, string what)
    {
        if (member is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) }) throw Errors.DynamoDbException.NotSupported(what);
    }

    public static string TableName(string? name)
    {
        if (string.IsNullOrEmpty(name))
            throw Errors.DynamoDbException.Validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        if (name.Length is < 3 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            throw Errors.DynamoDbException.Validation($"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        return name;
    }
}
