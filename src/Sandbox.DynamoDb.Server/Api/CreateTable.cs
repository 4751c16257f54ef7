using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record CreateTableRequest(
    string? TableName, List<AttributeDefinition>? AttributeDefinitions, List<KeySchemaElement>? KeySchema, string? BillingMode,
    ProvisionedThroughput? ProvisionedThroughput, JsonElement? GlobalSecondaryIndexes, JsonElement? LocalSecondaryIndexes,
    JsonElement? StreamSpecification, JsonElement? SSESpecification, JsonElement? Tags, string? TableClass, bool? DeletionProtectionEnabled);

/// <summary>A table with a partition key and an optional sort key; ACTIVE at once. No indexes, streams or encryption settings.</summary>
public static class CreateTable
{
    public static TableDescriptionResponse Execute(CreateTableRequest request, OperationContext context)
    {
        var name = Unsupported.TableName(request.TableName);
        Unsupported.Refuse(request.GlobalSecondaryIndexes, "GlobalSecondaryIndexes");
        Unsupported.Refuse(request.LocalSecondaryIndexes, "LocalSecondaryIndexes");
        if (request.StreamSpecification is { ValueKind: JsonValueKind.Object } streams && streams.TryGetProperty("StreamEnabled", out var enabled) && enabled.ValueKind == JsonValueKind.True)
            throw DynamoDbException.NotSupported("StreamSpecification (DynamoDB Streams)");
        if (request.DeletionProtectionEnabled == true) throw DynamoDbException.NotSupported("DeletionProtectionEnabled");
        var keySchema = request.KeySchema ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        var definitions = request.AttributeDefinitions ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        if (keySchema.Count is < 1 or > 2 || keySchema[0].KeyType != "HASH" || (keySchema.Count == 2 && keySchema[1].KeyType != "RANGE"))
            throw DynamoDbException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type, or there are more than one HASH / RANGE keys");
        if (keySchema.Count == 2 && keySchema[0].AttributeName == keySchema[1].AttributeName)
            throw DynamoDbException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        var types = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (definition.AttributeName is not { Length: > 0 } attribute || definition.AttributeType is not ("S" or "N" or "B"))
                throw DynamoDbException.Validation($"1 validation error detected: Value '{definition.AttributeType}' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            if (!types.TryAdd(attribute, Enum.Parse<AttributeType>(definition.AttributeType)))
                throw DynamoDbException.Validation($"Cannot have two attributes with the same name; attribute name: {attribute}");
        }
        KeyAttribute Key(KeySchemaElement element) => types.TryGetValue(element.AttributeName ?? "", out var type)
            ? new KeyAttribute(element.AttributeName!, type)
            : throw DynamoDbException.Validation($"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{element.AttributeName}], AttributeDefinitions: [{string.Join(", ", types.Keys)}]");
        var keys = keySchema.Select(Key).ToList();
        if (types.Count != keys.Count)
            throw DynamoDbException.Validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        var billing = request.BillingMode ?? "PROVISIONED";
        if (billing is not ("PROVISIONED" or "PAY_PER_REQUEST"))
            throw DynamoDbException.Validation($"1 validation error detected: Value '{billing}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        if (billing == "PROVISIONED" && request.ProvisionedThroughput is not { ReadCapacityUnits: >= 1, WriteCapacityUnits: >= 1 })
            throw DynamoDbException.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        if (billing == "PAY_PER_REQUEST" && request.ProvisionedThroughput is not null)
            throw DynamoDbException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        var schema = new TableSchema(name, keys[0], keys.Count > 1 ? keys[1] : null, DateTimeOffset.UtcNow, Guid.NewGuid().ToString())
        {
            BillingMode = billing,
            ReadCapacityUnits = request.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
            WriteCapacityUnits = request.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
        };
        return new(TableDescription.Of(context.Store.Create(schema), context));
    }
}
