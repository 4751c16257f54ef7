using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Load.Chaos;
using Sandbox.Load.Day;
using Sandbox.Load.Integrity;
using Sandbox.Load.Monitoring;
using Sandbox.Load.Processes;
using Sandbox.Scenarios.Steps.Checks;
using Sandbox.Stack;
using Sandbox.Load.Cli;

namespace Sandbox.Load;

/// <summary>
/// One replay of the day (or a window of it: <see cref="LoadDay.Window"/>) at one shard count: the run's resources, the boxes as child processes
/// (Firehose host and click-log host first, then the shipper, fed by <see cref="LiveFeed"/> at
/// --speed K), the series sampled while it runs, chaos if asked, then the integrity check.
/// Ctrl+C ends it early: the children stop, the result says so and carries the series so far.
/// </summary>
public sealed class LoadRun(LoadOptions options, LoadDay day, int shards, SandboxEndpoints stack, StackState state, string folder, ILoadView view)
    : IRunHealth
{
    private const int WantedSamples = 2_000;
    private static readonly TimeSpan SlowPoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = new();
    private readonly ShipperProgress _shipper = new();
    private readonly ProcessStats _stats = new();
    private readonly List<LoadPoint> _points = [];
    private Dictionary<string, Dictionary<string, long>> _ages = [];
    private long _warehouseRows;
    private string? _archiveError;
    private LiveFeed? _feed;

    /// <summary>The app servers' logs of a --speed K run, written by the feed and tailed by the shipper.</summary>
    private string LiveFolder => Path.Combine(folder, "live");
    private ArchiveTail? _archive;
    private Dictionary<string, BoxProcess> _boxes = [];
    private NpgsqlDataSource? _warehouse;
    private KinesisClient? _kinesis;
    private ChaosMonkey? _chaos;
    private StagingLifecycle? _staging;

    public async Task<LoadRunResult> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var id = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{shards}";
        var resources = RunResources.For(id, stack, shards);
        view.Say($"load: run {id}: {day.Describe()} from {day.Folder}, {shards} shards, speed {options.SpeedText}, quotas {(options.Quotas ? "on" : "off")}{(options.Chaos ? ", chaos" : "")}");
        await resources.CreateAsync(stack, options.Quotas, Path.Combine(folder, "bootstrap.log"), cancellationToken);
        var endpoints = resources.Endpoints;
        BaselineResult? baseline = null;
        // Short timeouts: a monitor waiting on a killed engine would freeze the view and the series.
        _kinesis = KinesisClient.Create(KinesisClientOptions.FromEndpoints(endpoints) with { Timeout = StepTimeout });
        using var dynamo = AwsClients.DynamoDb(endpoints);
        using var s3 = AwsClients.S3(endpoints);
        _warehouse = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(endpoints.WarehouseAdminConnectionString) { Timeout = 5 }.ConnectionString);
        var samples = LatencySample.Pick(day, WantedSamples);
        var latency = new DeliveryLatency(samples, DueAt, _warehouse, dynamo, endpoints.Resources.ClickLogTable);
        // Every side's id hashes go to disk as they are read, the archive's during the run: the check's memory is not the day's size.
        var ids = IdBuckets.For(Path.Combine(folder, "integrity-ids"), day.Lines);
        _archive = new ArchiveTail(s3, endpoints.Resources.ArchiveBucket, latency, ids.Archive);
        // --keep leaves the run as it was, staged objects included.
        _staging = options.Keep ? null : new StagingLifecycle(s3, _warehouse, endpoints.Resources.StagingBucket);
        var ages = new IteratorAges(_kinesis, dynamo, endpoints.Resources.LeaseTable, endpoints.Resources.Stream);
        var cpuAtStart = new Dictionary<string, double>();
        TimeSpan? deliveredAfter = null;
        var stopped = false;
        Exception? failure = null;
        IntegrityResult? integrity = null;
        using var inputDone = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? chaosTask = null, feedTask = null, archiveTask = null;
        try
        {
            if (options.Speed is null && !options.Chaos)
            {
                view.Say("load: baseline: the shipper alone into a fresh stream (quotas off, no consumer)");
                baseline = await ShipperBaseline.RunAsync(id, day, shards, stack, folder, cancellationToken);
                view.Say($"load: baseline: {baseline.Shipped:N0} records in {baseline.Elapsed.TotalSeconds:N1} s ({baseline.EventsPerSecond:N0}/s)");
            }
            cpuAtStart = ReadProcesses().ToDictionary(kv => kv.Key, kv => kv.Value.CpuSeconds);
            _boxes = StartBoxes(resources);
            _clock.Start();
            if (options.Speed is { } speed)
            {
                // --keep keeps the live logs too (the shipper's input, for a look afterwards).
                _feed = new LiveFeed(day, LiveFolder, speed, options.Keep ? null : new LiveRotation(Path.Combine(folder, "shipper", "pos")));
                feedTask = _feed.RunAsync(_clock, abort.Token);
            }
            _boxes["shipper"].Start();
            // The archive is read in the background as objects arrive: a 5 MB object must not hold up the view.
            archiveTask = ReadArchiveAsync(abort.Token);
            if (options.Chaos)
            {
                var postgres = await PostgresOutage.FindAsync(options.PostgresPort);
                var servers = new ChaosServers(endpoints.KinesisUrl!.Port, postgres, state, folder);
                _chaos = new ChaosMonkey(new ChaosPlan(options.Seed, options.ChaosEvery, options.WarehouseOutage), _boxes, servers, this, _clock);
                chaosTask = _chaos.RunAsync(inputDone.Token, abort.Token);
            }
            await MonitorAsync(latency, ages, feedTask, inputDone, abort.Token);
            if (chaosTask is not null) await chaosTask;
            deliveredAfter = _clock.Elapsed; // the rate is to delivery; the integrity check is not the pipeline's time
            view.Say("load: every event delivered; checking integrity");
            var checking = Stopwatch.StartNew();
            var check = new IntegrityCheck(day, new WarehouseFacts(_warehouse), dynamo, endpoints.Resources.ClickLogTable, ids);
            await _archive.ReadNewAsync(CancellationToken.None);
            integrity = await check.RunAsync(CancellationToken.None);
            view.Say($"load: integrity checked in {checking.Elapsed.TotalSeconds:N1} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or TimeoutException)
        {
            failure = e;
        }
        finally
        {
            await abort.CancelAsync();
            if (feedTask is not null) await feedTask.ContinueWith(_ => { }, TaskScheduler.Default);
            if (chaosTask is not null) await chaosTask.ContinueWith(_ => { }, TaskScheduler.Default);
            // In parallel, and bounded: Ctrl+C leaves the process a minute for all of this and the report.
            await Task.WhenAll(_boxes.Values.Select(box => box.StopAsync(TimeSpan.FromSeconds(15))));
            foreach (var box in _boxes.Values) await box.DisposeAsync();
            if (archiveTask is not null) await archiveTask.ContinueWith(_ => { }, TaskScheduler.Default);
            _kinesis.Dispose();
            await _warehouse.DisposeAsync();
            if (stopped) view.Say($"load: interrupted: the run's resources are kept ({resources.Endpoints.Resources.Stream}, database {resources.Database})");
            else if (!options.Keep) await resources.DeleteAsync(stack, new ViewWriter(view));
            if (!options.Keep) ids.Delete();
            if (!options.Keep && Directory.Exists(LiveFolder)) Directory.Delete(LiveFolder, recursive: true);
        }
        return new LoadRunResult(id, shards, day.Describe(), _points, _chaos?.Faults ?? [], integrity, stopped, failure?.Message, deliveredAfter ?? _clock.Elapsed,
            _shipper.Shipped, _shipper.SeesThrottling ? _shipper.Throttled : null, latency.All().ToDictionary(kv => kv.Key, kv => LatencyFigures.Of(kv.Value)),
            _boxes.ToDictionary(kv => kv.Key, kv => kv.Value.Starts), baseline, CpuSecondsSince(cpuAtStart));
    }

    /// <summary>
    /// CPU seconds of each process over the run: its last reading (the --once shipper is gone before the
    /// last point) less the one before the boxes started. A box killed and restarted counts from its last start.
    /// </summary>
    private Dictionary<string, double> CpuSecondsSince(Dictionary<string, double> atStart) =>
        _points.SelectMany(p => p.Processes).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => Math.Max(0, g.Last().Value.CpuSeconds - atStart.GetValueOrDefault(g.Key)));

    private async Task ReadArchiveAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _archive!.ReadNewAsync(cancellationToken);
                await Task.Delay(SlowPoll, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                // Retried next round, never the end of the tail: an object listed while S3 still writes it reads as a
                // cut gzip (a JsonException or InvalidDataException), and a tail that stopped there left the run waiting
                // for records it had already delivered until the stall timeout. The final read before the check is strict.
                _archiveError = $"{e.GetType().Name}: {e.Message}";
                await Task.Delay(SlowPoll, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>When a sampled line was in an app log: its received_at on the replay's clock; at --speed max, the start.</summary>
    private DateTime DueAt(LatencySample sample) =>
        _feed is null ? DateTime.UtcNow - _clock.Elapsed : DateTime.UtcNow - _clock.Elapsed + _feed.DueAfter(sample.ReceivedAt);

    private Dictionary<string, BoxProcess> StartBoxes(RunResources resources)
    {
        string[] ship = options.Speed is null
            ? ["ship", "--from", day.Folder, "--state", Path.Combine(folder, "shipper"), "--once"]
            : ["ship", "--from", LiveFolder, "--state", Path.Combine(folder, "shipper")];
        var environment = BoxProcess.LongRunning(resources.Environment);
        var boxes = new Dictionary<string, BoxProcess>
        {
            ["firehose"] = new("firehose", ["firehose", "run", "--buffer-seconds", options.BufferSeconds.ToString()], environment, Path.Combine(folder, "firehose.log")),
            ["clicklog"] = new("clicklog", ["clicklog", "run"], environment, Path.Combine(folder, "clicklog.log")),
            ["shipper"] = new("shipper", ship, environment, Path.Combine(folder, "shipper.log")),
        };
        boxes["shipper"].LineReceived += _shipper.Read;
        boxes["shipper"].Started += _shipper.Restarted;
        boxes["firehose"].Start();
        boxes["clicklog"].Start();
        return boxes;
    }

    /// <summary>Until everything the day holds is delivered everywhere; a point every interval, the view every second.</summary>
    private async Task MonitorAsync(DeliveryLatency latency, IteratorAges ages, Task? feed, CancellationTokenSource inputDone, CancellationToken cancellationToken)
    {
        var lastPoint = TimeSpan.Zero;
        var lastSlow = TimeSpan.FromDays(-1);
        var lastPoll = TimeSpan.FromDays(-1);
        var (inputAtPoint, shippedAtPoint, throttledAtPoint) = (0L, 0L, 0L);
        var lastProgress = (Value: -1L, At: TimeSpan.Zero);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = _clock.Elapsed;
            ThrowIfABoxDied(_chaos);
            if (feed is { IsFaulted: true }) await feed; // the feed's own error (a full disk), as it is
            if (now - lastPoll >= DeliveryLatency.PollEvery)
            {
                await Quietly(latency.PollAsync, cancellationToken);
                lastPoll = now;
            }
            if (now - lastSlow >= SlowPoll)
            {
                await Quietly(async token => _ages = await ages.ReadAsync(token), cancellationToken);
                await Quietly(async token => _warehouseRows = await WarehouseRowsAsync(token), cancellationToken);
                if (_staging is not null) await Quietly(_staging.ExpireLoadedAsync, cancellationToken);
                lastSlow = now;
            }
            var input = Input;
            // The day is all in (the feed wrote its last line; at --speed max the --once shipper drained and exited 0).
            // Not the shipper's count: a SIGKILLed shipper's last records after its last progress line are never reported.
            var allIn = feed?.IsCompleted ?? _boxes["shipper"].ExitCode == 0;
            if (allIn && !inputDone.IsCancellationRequested) await inputDone.CancelAsync();
            var progress = input + _warehouseRows + _archive!.Records;
            if (progress != lastProgress.Value) lastProgress = (progress, now);
            else if (now - lastProgress.At > options.StallTimeout && !options.Chaos)
                throw new TimeoutException($"nothing moved for {options.StallTimeout.TotalMinutes:0.#} min: {Describe()}");
            var delivered = inputDone.IsCancellationRequested && _warehouseRows >= day.Events && _archive.Records >= day.Events
                            && latency.Pending(DeliveryLatency.Clicks) == 0 && _ages.Count > 0 && _ages.Values.All(s => s.Values.All(a => a == 0));
            if (now - lastPoint >= options.Interval || delivered)
            {
                var seconds = (now - lastPoint).TotalSeconds;
                var throttled = _shipper.SeesThrottling ? _shipper.Throttled : (long?)null;
                _points.Add(new LoadPoint
                {
                    AtSeconds = now.TotalSeconds, IntervalSeconds = seconds,
                    InputPerSecond = _feed is null ? null : (input - inputAtPoint) / seconds,
                    PutRecordsPerSecond = (_shipper.Shipped - shippedAtPoint) / seconds,
                    Throttled = throttled - throttledAtPoint,
                    ShipperBacklog = Math.Max(0, input - _shipper.Shipped), ShipperBuffered = _shipper.Buffered,
                    IteratorAgeMs = _ages, WarehouseRows = _warehouseRows, ArchiveRecords = _archive.Records,
                    Latency = latency.Drain().ToDictionary(kv => kv.Key, kv => LatencyFigures.Of(kv.Value)),
                    Processes = ReadProcesses(),
                });
                (inputAtPoint, shippedAtPoint, throttledAtPoint, lastPoint) = (input, _shipper.Shipped, throttled ?? 0, now);
                view.Point(_points[^1], this);
            }
            view.Update(this);
            if (delivered) return;
        }
    }

    /// <summary>Lines available to the shipper: written by the feed, or at --speed max the whole day at once.</summary>
    public long Input => _feed?.Written ?? day.Lines;
    public long Shipped => _shipper.Shipped;
    public long? Throttled => _shipper.SeesThrottling ? _shipper.Throttled : null;
    public long WarehouseRows => _warehouseRows;
    public long ArchiveRecords => _archive?.Records ?? 0;
    public LoadDay Day => day;
    public TimeSpan Elapsed => _clock.Elapsed;
    public IReadOnlyDictionary<string, Dictionary<string, long>> IteratorAges => _ages;
    public IReadOnlyList<LoadPoint> Points => _points;

    public string Describe() =>
        $"input {Input:N0} of {day.Lines:N0} lines, shipped {Shipped:N0}, warehouse {_warehouseRows:N0} rows, archive {ArchiveRecords:N0} records of {day.Events:N0} events"
        + (_archiveError is null ? "" : $" (last archive read failed: {_archiveError})");

    private Dictionary<string, ProcessStats.Reading> ReadProcesses()
    {
        var readings = new Dictionary<string, ProcessStats.Reading>();
        foreach (var (name, box) in _boxes)
            if (_stats.Read(box.Pid) is { } reading) readings[name] = reading;
        foreach (var service in new[] { "kinesis", "postgres", "warehouse", "s3", "dynamodb" })
            if (_stats.Read(state.PidOf(service), withChildren: service == "postgres") is { } reading) readings[service == "warehouse" ? "redshift-front" : service] = reading;
        if (_stats.Read(Environment.ProcessId) is { } self) readings["load"] = self;
        return readings;
    }

    /// <summary>
    /// A box that exits on its own (not the --once shipper done) fails the run with its last lines;
    /// under --chaos it is restarted as a supervisor would (a box started while Kinesis is down may
    /// give up) and the crash is listed with the faults.
    /// </summary>
    private void ThrowIfABoxDied(ChaosMonkey? chaos)
    {
        foreach (var (name, box) in _boxes)
        {
            if (box.Running || box.Starts == 0) continue;
            if (name == "shipper" && options.Speed is null && box.ExitCode == 0) continue;
            if (chaos is not null)
            {
                if (!chaos.IsRestarting(name)) chaos.Crashed(name, box);
                continue;
            }
            throw new InvalidOperationException($"`{box.CommandLine}` exited {box.ExitCode} on its own; its last lines:\n{box.Tail}");
        }
    }

    private async Task<long> WarehouseRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = _warehouse!.CreateCommand("select coalesce(sum(rows_inserted), 0)::bigint from load_commits");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A service down or slow (chaos, a restart) leaves the last reading in place; no reading waits longer than <see cref="StepTimeout"/>.</summary>
    private static async Task Quietly(Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        step.CancelAfter(StepTimeout);
        try
        {
            await read(step.Token).WaitAsync(StepTimeout * 2, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is NpgsqlException or HttpRequestException or AmazonS3Exception
                                       or AmazonDynamoDBException or Kinesis.Errors.KinesisException or TimeoutException or OperationCanceledException)) { }
    }

    async Task<bool> IRunHealth.KinesisAnswersAsync()
    {
        try
        {
            await _kinesis!.ListStreamsAsync(new ListStreamsRequest());
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or Kinesis.Errors.KinesisException or TaskCanceledException)
        {
            return false;
        }
    }

    async Task<bool> IRunHealth.WarehouseAnswersAsync()
    {
        try
        {
            await using var command = _warehouse!.CreateCommand("select 1");
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    object IRunHealth.Baseline() => (Age: _ages.Values.SelectMany(s => s.Values).DefaultIfEmpty(0).Max(), Backlog: Math.Max(0, Input - Shipped));

    bool IRunHealth.CaughtUpWith(object baseline)
    {
        var (age, backlog) = ((long, long))baseline;
        var ageNow = _ages.Values.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        return ageNow <= age + 5_000 && Math.Max(0, Input - Shipped) <= Math.Max(backlog * 3 / 2, 5_000);
    }
}

/// <summary>What one replay measured; <see cref="Elapsed"/> runs from the boxes' start until every event was delivered everywhere (the integrity check after it is not counted); <see cref="Replayed"/> what of the day it replayed (the whole day or which hours, how many events).</summary>
public sealed record LoadRunResult(
    string Id, int Shards, string Replayed, IReadOnlyList<LoadPoint> Points, IReadOnlyList<FaultRecord> Faults, IntegrityResult? Integrity,
    bool Interrupted, string? Failure, TimeSpan Elapsed, long Shipped, long? Throttled,
    IReadOnlyDictionary<string, LatencyFigures> Latency, IReadOnlyDictionary<string, int> ProcessStarts,
    BaselineResult? Baseline = null, IReadOnlyDictionary<string, double>? CpuSeconds = null)
{
    public double EventsPerSecond => Shipped / Math.Max(0.001, Elapsed.TotalSeconds);

    /// <summary>End to end against the shipper alone in the same run (--speed max).</summary>
    public double? VersusBaseline => Baseline is { EventsPerSecond: > 0 } b ? EventsPerSecond / b.EventsPerSecond : null;

    /// <summary>CPU seconds of each process per million events delivered.</summary>
    public IReadOnlyDictionary<string, double> CpuSecondsPerMillion =>
        (CpuSeconds ?? new Dictionary<string, double>()).ToDictionary(kv => kv.Key, kv => kv.Value * 1_000_000 / Math.Max(1, Shipped));

    public bool Succeeded => !Interrupted && Failure is null && Integrity?.Holds == true;
}
