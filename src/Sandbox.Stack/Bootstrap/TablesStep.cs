using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Bootstrap;

/// <summary>DynamoDB tables: click logs (with TTL) and consumer leases; waits until each is ACTIVE.</summary>
public sealed class TablesStep(IAmazonDynamoDB dynamoDb, ResourceNames names) : IBootstrapStep
{
    public string Service => "dynamodb";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var existing = (await dynamoDb.ListTablesAsync(new ListTablesRequest(), cancellationToken)).TableNames?.ToHashSet() ?? [];
        foreach (var definition in TableDefinitions.All(names))
        {
            var state = ResourceState.Existed;
            if (!existing.Contains(definition.TableName))
            {
                try
                {
                    await dynamoDb.CreateTableAsync(definition, cancellationToken);
                    state = ResourceState.Created;
                }
                catch (ResourceInUseException) { } // created meanwhile by a concurrent bootstrap
            }
            await WaitUntilActiveAsync(definition.TableName, cancellationToken);
            yield return new(Service, definition.TableName, state);
            if (TableDefinitions.TimeToLiveAttribute(definition.TableName, names) is { } ttl)
                yield return new(Service, $"{definition.TableName} TTL on {ttl}",
                    await EnableTimeToLiveAsync(definition.TableName, ttl, cancellationToken));
        }
    }

    private async Task WaitUntilActiveAsync(string table, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await dynamoDb.DescribeTableAsync(table, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"DynamoDB table '{table}' did not become ACTIVE within 60 s");
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<ResourceState> EnableTimeToLiveAsync(string table, string attribute, CancellationToken cancellationToken)
    {
        var current = await dynamoDb.DescribeTimeToLiveAsync(table, cancellationToken);
        if (current.TimeToLiveDescription?.AttributeName == attribute) return ResourceState.Existed;
        try
        {
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = table,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true },
            }, cancellationToken);
            return ResourceState.Created;
        }
        catch (AmazonDynamoDBException error) when (error.ErrorCode == "UnknownOperationException")
        {
            // dynalite: items still carry the attribute; they just never expire in the sandbox.
            return ResourceState.Unsupported;
        }
    }
}
