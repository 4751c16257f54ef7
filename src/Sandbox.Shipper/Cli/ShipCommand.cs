using System.CommandLine;
using Microsoft.Extensions.Logging;
using Sandbox.Core.Endpoints;
using Sandbox.Core.Logging;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Errors;

namespace Sandbox.Shipper.Cli;

/// <summary>
/// <c>sandbox ship --from &lt;dir&gt; [--glob ...] [--state &lt;dir&gt;] [--once]</c>: tails app-server
/// logs into the Kinesis stream of the endpoints contract. --once ships what is there and stops
/// when the buffer is drained; otherwise it keeps tailing until Ctrl+C / SIGTERM.
/// </summary>
public static class ShipCommand
{
    public const string DefaultStateDirectory = ".sandbox/shipper";

    public static Command Build()
    {
        var from = new Option<string>("--from") { Description = "Folder holding the app-server logs (the generator's --out)", Required = true };
        var globs = new Option<string[]>("--glob")
        {
            Description = $"Files to tail, relative to --from; repeatable (default: {string.Join(" ", ShipperOptions.DefaultGlobs)})",
            AllowMultipleArgumentsPerToken = true,
        };
        var state = new Option<string>("--state") { Description = "Position file, disk buffer and bad-lines file", DefaultValueFactory = _ => DefaultStateDirectory };
        var once = new Option<bool>("--once") { Description = "Ship every line present, then stop when drained" };
        var stream = new Option<string?>("--stream") { Description = "Kinesis stream (default: the endpoints contract's, app-events)" };
        var flushInterval = new Option<double>("--flush-interval") { Description = "Seconds before a chunk is sent, full or not", DefaultValueFactory = _ => 1.0 };
        var chunkLimit = new Option<int>("--chunk-limit-kb") { Description = "Chunk size limit in KiB", DefaultValueFactory = _ => 1024 };
        var threads = new Option<int>("--flush-threads") { Description = "Chunks sent concurrently", DefaultValueFactory = _ => 4 };
        var verbose = new Option<bool>("--verbose") { Description = "Log file discovery and rotation too" };

        var command = new Command("ship", "Tail app-server logs into Kinesis like fluentd in_tail + kinesis_streams (pos file, disk buffer, retries)")
        {
            from, globs, state, once, stream, flushInterval, chunkLimit, threads, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            SandboxEndpoints endpoints;
            ShipperOptions options;
            try
            {
                endpoints = EndpointsLoader.Load();
                var patterns = parse.GetValue(globs) is { Length: > 0 } given ? given : ShipperOptions.DefaultGlobs;
                options = new ShipperOptions
                {
                    SourceDirectory = Path.GetFullPath(parse.GetValue(from)!),
                    StateDirectory = Path.GetFullPath(parse.GetValue(state)!),
                    StreamName = parse.GetValue(stream) ?? endpoints.Resources.Stream,
                    Globs = patterns.ToList(),
                    Once = parse.GetValue(once),
                    FlushInterval = TimeSpan.FromSeconds(parse.GetValue(flushInterval)),
                    ChunkLimitBytes = parse.GetValue(chunkLimit) * 1024,
                    FlushThreads = parse.GetValue(threads),
                };
                options.Validate();
                foreach (var pattern in options.Globs) _ = new Tailing.GlobPattern(pattern);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine($"ship: {e.Message}");
                return 2;
            }
            KinesisClient client;
            try
            {
                client = KinesisClient.Create(endpoints);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"ship: {e.Message}");
                return 2;
            }
            using var ownedClient = client;
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var log = loggers.CreateLogger<ShipperWorker>();
            if (!await StreamIsUsableAsync(client, options.StreamName, cancellationToken)) return 2;
            return await ShipRun.RunAsync(new ShipperWorker(options, client, log), cancellationToken);
        });
        return command;
    }

    /// <summary>A missing stream is a setup error; an unreachable Kinesis is not: lines wait in the disk buffer.</summary>
    private static async Task<bool> StreamIsUsableAsync(IKinesisClient client, string stream, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeStreamSummaryAsync(new() { StreamName = stream }, cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            Console.Error.WriteLine($"ship: stream '{stream}' does not exist at {((KinesisClient)client).ServiceUrl}: run `sandbox bootstrap` first");
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or KinesisException { IsTransient: true })
        {
            Console.Error.WriteLine($"ship: Kinesis at {((KinesisClient)client).ServiceUrl} does not answer ({e.Message}); lines are buffered on disk until it does");
            return true;
        }
    }
}
