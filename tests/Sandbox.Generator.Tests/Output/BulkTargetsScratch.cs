using Amazon.S3.Model;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Generator.Tests.Output;

/// <summary>Bulk targets nobody else uses: a migrated throwaway database on the stack's PostgreSQL and a fresh bucket on its s3rver.</summary>
public sealed class BulkTargetsScratch : IAsyncDisposable
{
    private readonly StackFixture _stack;
    private readonly string _database;

    private BulkTargetsScratch(StackFixture stack, string database, NpgsqlDataSource warehouse, IAmazonS3 s3, string bucket)
    {
        _stack = stack;
        _database = database;
        Targets = new BulkTargets(warehouse, s3, bucket);
    }

    public BulkTargets Targets { get; }
    public NpgsqlDataSource Warehouse => Targets.Warehouse!;
    public IAmazonS3 S3 => Targets.S3!;
    public string Bucket => Targets.ArchiveBucket;

    public static async Task<BulkTargetsScratch> CreateAsync(StackFixture stack)
    {
        var database = $"gen_bulk_{Guid.NewGuid():N}";
        await using (var create = stack.Stack.WarehouseAdmin.CreateCommand($"create database {database}"))
            await create.ExecuteNonQueryAsync();
        var connection = new NpgsqlConnectionStringBuilder(stack.Endpoints.WarehouseAdminConnectionString) { Database = database, Pooling = false };
        var warehouse = NpgsqlDataSource.Create(connection.ConnectionString);
        await new Migrator(warehouse).MigrateAsync();
        var s3 = AwsClients.S3(stack.Endpoints);
        var bucket = $"gen-bulk-{Guid.NewGuid():N}"[..30];
        await s3.PutBucketAsync(bucket);
        return new BulkTargetsScratch(stack, database, warehouse, s3, bucket);
    }

    /// <summary>The same database through a new data source whose connection string carries <paramref name="seconds"/> as its command timeout.</summary>
    public NpgsqlDataSource WithCommandTimeout(int seconds) => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(_stack.Endpoints.WarehouseAdminConnectionString) { Database = _database, Pooling = false, CommandTimeout = seconds }.ConnectionString);

    public async Task<long> ExecuteAsync(string sql)
    {
        await using var command = Warehouse.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Warehouse.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        await using (var drop = _stack.Stack.WarehouseAdmin.CreateCommand($"drop database if exists {_database} with (force)"))
            await drop.ExecuteNonQueryAsync();
        // Leave the shared s3rver as found: the bucket and everything in it go.
        ListObjectsV2Response page;
        do
        {
            page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
            foreach (var o in page.S3Objects ?? []) await S3.DeleteObjectAsync(Bucket, o.Key);
        } while (page.S3Objects is { Count: > 0 });
        await S3.DeleteBucketAsync(Bucket);
        S3.Dispose();
    }
}
