using System.CommandLine;
using Sandbox.Stack;

namespace Sandbox.Cli.Commands;

/// <summary>`sandbox bootstrap`: idempotently creates the stream, buckets, tables and warehouse schema.</summary>
public static class BootstrapCommand
{
    public static Command Build()
    {
        var command = new Command("bootstrap", "Create the Kinesis stream, S3 buckets, DynamoDB tables and warehouse schema (idempotent)");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var stack = SandboxStack.FromContract();
            // Compose starts services in parallel: wait for every one to answer before creating anything.
            var probes = await stack.Probe().WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
            if (probes.FirstOrDefault(p => !p.Ready) is { } down)
            {
                Console.Error.WriteLine($"bootstrap: {down.Service} at {down.Endpoint} does not answer: {down.Detail}");
                return 1;
            }
            var created = 0;
            foreach (var step in stack.BootstrapSteps())
            {
                await foreach (var outcome in step.RunAsync(cancellationToken))
                {
                    Console.WriteLine($"bootstrap: {outcome}");
                    if (outcome.State == Core.Bootstrap.ResourceState.Created) created++;
                }
            }
            Console.WriteLine($"bootstrap: done, {created} created");
            return 0;
        });
        return command;
    }
}
