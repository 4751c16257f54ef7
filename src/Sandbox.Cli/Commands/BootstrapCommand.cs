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
            var created = 0;
            foreach (var step in stack.BootstrapSteps())
            {
                await foreach (var outcome in step.RunAsync(cancellationToken))
                {
                    Console.WriteLine($"bootstrap: {outcome}");
                    if (outcome.State == Stack.Bootstrap.ResourceState.Created) created++;
                }
            }
            Console.WriteLine($"bootstrap: done, {created} created");
            return 0;
        });
        return command;
    }
}
