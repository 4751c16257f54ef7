using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;

namespace Sandbox.Aws;

/// <summary>On-demand tables keyed by string attributes: the shape every sandbox table has.</summary>
public static class DynamoDbTables
{
    public static CreateTableRequest OnDemand(string table, string hashKey, string? rangeKey = null)
    {
        var request = new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(hashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
        };
        if (rangeKey is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(rangeKey, ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(rangeKey, KeyType.RANGE));
        }
        return request;
    }
}
