using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.Core.Bootstrap;

namespace Sandbox.Aws.Bootstrap;

/// <summary>
/// A DynamoDB table as the box that owns it defines it (its keys spelled there only), with its TTL
/// attribute if it has one; waits until the table is ACTIVE.
/// </summary>
public sealed class TableStep(IAmazonDynamoDB dynamoDb, CreateTableRequest definition, string? timeToLiveAttribute = null) : IBootstrapStep
{
    public string Service => "dynamodb";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = definition.TableName;
        var existing = (await dynamoDb.ListTablesAsync(new ListTablesRequest(), cancellationToken)).TableNames?.ToHashSet() ?? [];
        var state = ResourceState.Existed;
        if (!existing.Contains(table))
        {
            try
            {
                await dynamoDb.CreateTableAsync(definition, cancellationToken);
                state = ResourceState.Created;
            }
            catch (ResourceInUseException) { } // created meanwhile by a concurrent bootstrap
        }
        await WaitUntilActiveAsync(table, cancellationToken);
        yield return new(Service, table, state);
        if (timeToLiveAttribute is { } ttl)
            yield return new(Service, $"{table} TTL on {ttl}", await EnableTimeToLiveAsync(table, ttl, cancellationToken));
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
            // an emulator without TTL (dynalite, the DynamoDB bench baseline, has none): items still carry the attribute; they just never expire.
            return ResourceState.Unsupported;
        }
    }
}
