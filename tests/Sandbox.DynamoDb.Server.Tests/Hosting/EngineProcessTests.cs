using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using Sandbox.Testing;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Hosting;

/// <summary>sandbox-dynamodb as a process: every acknowledged write survives kill -9; bad command lines and unusable table files are refused.</summary>
public sealed class EngineProcessTests : IDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sandbox-dynamodb.dll");
    private readonly TempFolder _data = new();

    private Task<EngineProcess> StartAsync() => EngineProcess.StartAsync(Dll, ["--host", "127.0.0.1", "--port", "0", "--data", _data.Path]);

    [Fact]
    public async Task Every_acknowledged_batch_survives_kill_9()
    {
        var acknowledged = new List<string>();
        string table;
        using (var engine = await StartAsync())
        {
            using var client = InProcessDynamoDb.ClientFor(engine.Url!);
            table = "clicks";
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = table, BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("pk", Amazon.DynamoDBv2.ScalarAttributeType.S), new("sk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
                KeySchema = [new("pk", Amazon.DynamoDBv2.KeyType.HASH), new("sk", Amazon.DynamoDBv2.KeyType.RANGE)],
            });
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                for (var batch = 0; ; batch++)
                {
                    var items = Enumerable.Range(0, 25).Select(n => Click($"w{w}", batch * 25 + n)).ToList();
                    try
                    {
                        await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = [.. items.Select(i => new WriteRequest(new PutRequest(i)))] } });
                        lock (acknowledged) acknowledged.AddRange(items.Select(i => $"{i["pk"].S}/{i["sk"].S}"));
                    }
                    catch (Exception) // the kill interrupts calls in flight: those were never acknowledged
                    {
                        return;
                    }
                }
            })).ToList();
            while (true)
            {
                await Task.Delay(50);
                lock (acknowledged) if (acknowledged.Count >= 1500) break;
            }
            engine.KillHard();
            await Task.WhenAll(writers);
        }

        using var restarted = await StartAsync();
        using var reader = InProcessDynamoDb.ClientFor(restarted.Url!);
        var stored = new HashSet<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await reader.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            foreach (var item in page.Items) stored.Add($"{item["pk"].S}/{item["sk"].S}");
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);
        Assert.DoesNotContain(acknowledged, key => !stored.Contains(key));
    }

    [Fact]
    public async Task A_table_file_that_is_not_a_database_exits_4_naming_it()
    {
        using (var engine = await StartAsync())
        {
            using var client = InProcessDynamoDb.ClientFor(engine.Url!);
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = "leases", BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)], KeySchema = [new("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            });
            await engine.StopAsync(TimeSpan.FromSeconds(10));
        }
        var file = Path.Combine(_data.Path, "tables", "leases", "items.db");
        await File.WriteAllTextAsync(file, new string('x', 8192));

        using var broken = EngineProcess.Launch(Dll, ["--host", "127.0.0.1", "--port", "0", "--data", _data.Path], onStderrLine: null);

        Assert.Equal(4, await broken.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains(file, broken.Stderr);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0", "loopback")]
    [InlineData("--port", "http", "not a port number")]
    public async Task Bad_command_lines_exit_2_naming_the_argument(string name, string value, string complaint)
    {
        string[] arguments = ["--host", "127.0.0.1", "--port", "0", "--data", _data.Path];
        arguments[Array.IndexOf(arguments, name) + 1] = value;
        using var engine = EngineProcess.Launch(Dll, arguments, onStderrLine: null);
        Assert.Equal(2, await engine.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains(complaint, engine.Stderr);
    }

    public void Dispose() => _data.Dispose();
}
