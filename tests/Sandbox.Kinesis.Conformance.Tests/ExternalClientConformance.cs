using System.Text.Json;
using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Testing;

namespace Sandbox.Kinesis.Conformance.Tests;

/// <summary>Clients Sandbox does not control, from the image: boto3 and the awscli (both botocore, JSON 1.1).</summary>
public abstract partial class KinesisConformance
{
    private Dictionary<string, string> AwsClientEnvironment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = KinesisTarget.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = KinesisTarget.SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = KinesisTarget.Region,
        // Never pick up a developer's real profile or instance credentials.
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PAGER"] = "",
    };

    private async Task<JsonDocument> RunJsonAsync(string fileName, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, AwsClientEnvironment(), TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"{Target}: {fileName} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
        return JsonDocument.Parse(result.StandardOutput);
    }

    [SkippableFact]
    public async Task Boto3_and_the_awscli_interoperate_with_this_client()
    {
        var name = await CreateActiveStreamAsync("external");
        var mine = await Client.PutRecordAsync(new() { StreamName = name, PartitionKey = "from-dotnet", Data = "dotnet"u8.ToArray() });

        using var boto = await RunJsonAsync("python3",
            Path.Combine(AppContext.BaseDirectory, "ExternalClients", "boto3_roundtrip.py"),
            Target.Endpoint.ToString(), KinesisTarget.Region, name, "from-python", "python");

        var seen = boto.RootElement.GetProperty("Records").EnumerateArray()
            .Select(r => (r.GetProperty("PartitionKey").GetString(), r.GetProperty("Data").GetString(), r.GetProperty("SequenceNumber").GetString()))
            .ToList();
        var pythonSequence = boto.RootElement.GetProperty("SequenceNumber").GetString();
        Assert.Equal([("from-dotnet", "dotnet", mine.SequenceNumber), ("from-python", "python", pythonSequence)], seen);

        using var cli = await RunJsonAsync("aws", "--endpoint-url", Target.Endpoint.ToString(), "--output", "json",
            "kinesis", "describe-stream-summary", "--stream-name", name);
        var summary = cli.RootElement.GetProperty("StreamDescriptionSummary");
        Assert.Equal("ACTIVE", summary.GetProperty("StreamStatus").GetString());
        Assert.Equal(1, summary.GetProperty("OpenShardCount").GetInt32());
    }
}
