namespace Sandbox.DynamoDb.Server.Api;

/// <summary>The table's keys, status (always ACTIVE), item count and size (exact, not the 6-hourly estimate).</summary>
public static class DescribeTable
{
    public static DescribeTableResponse Execute(TableNameRequest request, OperationContext context)
    {
        var name = Unsupported.TableName(request.TableName);
        var table = context.Store.Find(name) ?? throw Errors.DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {name} not found");
        return new(TableDescription.Of(table, context));
    }
}
