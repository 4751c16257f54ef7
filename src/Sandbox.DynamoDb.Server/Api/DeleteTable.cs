namespace Sandbox.DynamoDb.Server.Api;

/// <summary>Drops the table and its data at once; the answer says DELETING as DynamoDB's does.</summary>
public static class DeleteTable
{
    public static TableDescriptionResponse Execute(TableNameRequest request, OperationContext context)
    {
        var name = Unsupported.TableName(request.TableName);
        if (context.Store.Find(name) is null) throw Errors.DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {name} not found");
        var description = TableDescription.Of(context.Store.Get(name), context, "DELETING");
        context.Store.Delete(name);
        return new(description);
    }
}
