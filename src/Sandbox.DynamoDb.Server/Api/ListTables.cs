using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record ListTablesRequest(string? ExclusiveStartTableName, int? Limit);

public sealed record ListTablesResponse(List<string> TableNames, string? LastEvaluatedTableName);

/// <summary>Table names in order, at most 100 (or Limit) a page.</summary>
public static class ListTables
{
    public static ListTablesResponse Execute(ListTablesRequest request, OperationContext context)
    {
        var limit = request.Limit ?? 100;
        if (limit is < 1 or > 100)
            throw DynamoDbException.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")}");
        var names = context.Store.Names.Where(n => request.ExclusiveStartTableName is null || string.CompareOrdinal(n, request.ExclusiveStartTableName) > 0).ToList();
        var page = names.Take(limit).ToList();
        return new(page, names.Count > limit ? page[^1] : null);
    }
}
