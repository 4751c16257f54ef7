using System.CommandLine;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Core.Logging;
using Sandbox.Core.Pipeline;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Core.TrackingPlan;
using Npgsql;

namespace Sandbox.Firehose.Cli;

/// <summary>`sandbox firehose run|replay`: the delivery streams alone, and reloading manifests the warehouse stream gave up on.</summary>
public static class FirehoseCommand
{
    public static Command Build() => new("firehose", "Firehose delivery streams: to-archive (S3) and to-warehouse (Redshift COPY)")
    {
        BuildRun(),
        BuildReplay(),
    };

    private static Command BuildReplay()
    {
        var delivery = new Option<string>("--delivery") { Description = "Delivery stream whose failed manifests to load", DefaultValueFactory = _ => FirehoseOptions.WarehouseStreamName };
        var bucket = new Option<string?>("--error-bucket") { Description = "Bucket holding the failed manifests (default: the contract's error bucket)" };
        var command = new Command("replay", "Load the manifests to-warehouse routed to the error bucket after its retry duration, then remove them") { delivery, bucket };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoints = EndpointsLoader.Load();
            using var s3 = AwsClients.S3(endpoints);
            await using var warehouse = NpgsqlDataSource.Create(endpoints.WarehouseConnectionString);
            var options = DeliveryStreams.WarehouseOptionsFor(endpoints, new FirehoseOptions());
            if (parse.GetValue(bucket) is { Length: > 0 } errorBucket) options = options with { ErrorBucket = errorBucket };
            var replayer = new ManifestReplayer(s3, new RedshiftCopyLoader(warehouse), options, TrackingPlanLoader.LoadEmbedded());
            var report = await replayer.ReplayAsync(parse.GetValue(delivery)!, new Progress<string>(line => Console.WriteLine($"replay: {line}")), cancellationToken);
            Console.WriteLine($"replay: {report.Loaded} of {report.Found} manifests loaded, {report.Failures.Count} failed");
            foreach (var (key, error) in report.Failures) Console.Error.WriteLine($"replay: s3://{options.ErrorBucket}/{key}: {error}");
            return report.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command BuildRun()
    {
        var sizeMb = PositiveOption("--buffer-mb", "Buffering hint: size in MB (AWS default 5)", BufferingHints.AwsDefaultSizeInMBs);
        var seconds = PositiveOption("--buffer-seconds", "Buffering hint: interval in seconds (AWS default 300)", BufferingHints.AwsDefaultIntervalInSeconds);
        var retry = PositiveOption("--retry-seconds", "to-warehouse retry duration while the warehouse is down (AWS default 3600)", 3600);
        var command = new Command("run", "Run both delivery streams until Ctrl+C (`sandbox run` hosts them with the shipper)") { sizeMb, seconds, retry };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hints = BufferingHints.FromAws(parse.GetValue(sizeMb), parse.GetValue(seconds));
            var options = new FirehoseOptions
            {
                ArchiveBuffering = hints, WarehouseBuffering = hints, WarehouseRetryDuration = TimeSpan.FromSeconds(parse.GetValue(retry)),
            };
            using var loggers = CliLogging.Create();
            await using var streams = DeliveryStreams.Create(EndpointsLoader.Load(), options, loggers);
            foreach (var worker in streams.Workers) await worker.StartAsync(cancellationToken);
            Console.WriteLine($"firehose: {string.Join(", ", streams.Workers.Select(w => w.Name))} running, buffering {hints}; Ctrl+C stops");
            var stopped = await WorkerSupervision.WaitUntilCancelledOrStoppedAsync([.. streams.Workers], cancellationToken);
            foreach (var worker in streams.Workers)
            {
                await worker.StopAsync(CancellationToken.None);
                Console.WriteLine($"firehose: {worker.Name} stopped: {worker.Counters}");
            }
            if (stopped is null) return 0;
            Console.Error.WriteLine($"firehose: {stopped.Name} stopped on its own: {WorkerSupervision.Why(stopped)}");
            return 1;
        });
        return command;
    }

    private static Option<double> PositiveOption(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && !(value > 0))
                result.AddError($"{name} must be a positive number, got {value}");
        });
        return option;
    }
}
