using System.IO.Compression;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests.Output;

[Collection(StackCollection.Name)]
public sealed partial class BulkSinkTests(StackFixture stack)
{
    private static readonly TrackingPlan Plan = TrackingPlanLoader.LoadEmbedded();

    private static readonly GeneratorConfig TwoDays = new()
    {
        From = new DateOnly(2026, 11, 5),
        To = new DateOnly(2026, 11, 6),
        Users = 800,
        EventsPerDay = 3_000,
        Seed = 23,
        Servers = 2,
        Faults = FaultPresets.Parse("malformed,duplicates"),
    };

    [Fact]
    public async Task Warehouse_holds_each_event_once_and_the_malformed_lines_in_bad_events()
    {
        await using var scratch = await BulkTargetsScratch.CreateAsync(stack);
        using var folder = new TempFolder();

        var (manifest, summary) = await BulkGeneration.RunAsync(TwoDays, folder.Path, 2, false, Plan, scratch.Targets with { S3 = null });

        var faults = manifest.Faults!;
        Assert.True(faults.MalformedLines > 0 && faults.DuplicateLines > 0, "the faults must be in the data under test");
        Assert.Equal(manifest.Totals!.Events, await scratch.CountAsync("select count(*) from events"));
        Assert.Equal(manifest.Totals.Events, await scratch.CountAsync("select count(distinct event_id) from events"));
        Assert.Equal(faults.MalformedLines, await scratch.CountAsync("select count(*) from bad_events where source = 'generator' and jsonb_array_length(violations) > 0"));
        var warehouse = summary.Warehouse!;
        Assert.Equal((manifest.Totals.Lines, manifest.Totals.Events, faults.DuplicateLines, faults.MalformedLines),
            (warehouse.Lines, warehouse.Inserted, warehouse.Duplicates, warehouse.Bad));
    }

    [Fact]
    public async Task A_bulk_insert_slower_than_the_connection_strings_command_timeout_still_loads()
    {
        await using var scratch = await BulkTargetsScratch.CreateAsync(stack);
        using var folder = new TempFolder();
        // The first insert into events on each connection takes 3 s: three times the 1 s the connection string allows.
        await scratch.ExecuteAsync("""
            create function slow_first_insert() returns trigger language plpgsql as $$
            begin
              if current_setting('bulk_test.slept', true) is null then
                perform set_config('bulk_test.slept', 'yes', false);
                perform pg_sleep(3);
              end if;
              return null;
            end $$;
            create trigger slow_first_insert after insert on events for each statement execute function slow_first_insert();
            """);
        await using var strict = scratch.WithCommandTimeout(1);
        var config = TwoDays with { To = TwoDays.From, Servers = 1, Faults = FaultConfig.None };

        var (manifest, summary) = await BulkGeneration.RunAsync(config, folder.Path, 1, false, Plan, new BulkTargets(strict, null, ""));

        Assert.Equal(manifest.Totals!.Events, summary.Warehouse!.Inserted);
        Assert.Equal(manifest.Totals.Events, await scratch.CountAsync("select count(*) from events"));
    }

    [Fact]
    public async Task A_range_already_loaded_is_refused_unless_overwritten()
    {
        await using var scratch = await BulkTargetsScratch.CreateAsync(stack);
        using var folder = new TempFolder();
        var targets = scratch.Targets with { S3 = null };
        var config = TwoDays with { To = TwoDays.From };
        var (first, _) = await BulkGeneration.RunAsync(config, folder.Sub("a"), 2, false, Plan, targets);

        var refused = await Assert.ThrowsAsync<OutputFolderException>(() => BulkGeneration.RunAsync(config with { Seed = 24 }, folder.Sub("b"), 2, false, Plan, targets));
        Assert.Contains("--overwrite", refused.Message);
        Assert.False(Directory.Exists(folder.Sub("b")), "nothing is written when the range is refused");

        var (second, _) = await BulkGeneration.RunAsync(config with { Seed = 24 }, folder.Sub("b"), 2, true, Plan, targets);
        Assert.Equal(second.Totals!.Events, await scratch.CountAsync("select count(*) from events"));
        Assert.Equal(second.Faults!.MalformedLines, await scratch.CountAsync("select count(*) from bad_events"));
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Archive_objects_are_named_like_firehose_by_received_at_hour_and_hold_every_line()
    {
        await using var scratch = await BulkTargetsScratch.CreateAsync(stack);
        using var folder = new TempFolder();

        var (manifest, summary) = await BulkGeneration.RunAsync(TwoDays, folder.Path, 2, false, Plan, scratch.Targets with { Warehouse = null });

        var objects = await ListAllAsync(scratch);
        var archive = objects.Where(o => !o.Key.StartsWith("processing-failed/", StringComparison.Ordinal)).ToList();
        var failed = objects.Except(archive).ToList();
        Assert.All(archive, o => Assert.Matches(ArchiveKey(), o.Key));
        Assert.All(failed, o => Assert.Matches(ErrorKey(), o.Key));

        long lines = 0;
        foreach (var o in archive)
        {
            var objectLines = await ReadLinesAsync(scratch, o.Key);
            lines += objectLines.Count;
            // The folder is the received_at hour of every line in it; the name's time is its oldest line's.
            var hour = $"{o.Key[..4]}-{o.Key[5..7]}-{o.Key[8..10]}T{o.Key[11..13]}:";
            Assert.All(objectLines, l => Assert.StartsWith(hour, ReceivedAt(l)));
        }
        long errorLines = 0;
        foreach (var o in failed) errorLines += (await ReadLinesAsync(scratch, o.Key)).Count;

        Assert.Equal(manifest.Totals!.Lines - manifest.Faults!.MalformedLines, lines);
        Assert.Equal(manifest.Faults.MalformedLines, errorLines);
        Assert.Equal((lines, errorLines), (summary.Archive!.Records, summary.Archive.ProcessingFailed));
    }

    private static string ReceivedAt(string line) => Regex.Match(line, "\"received_at\":\"([^\"]+)\"").Groups[1].Value;

    private static async Task<List<S3Object>> ListAllAsync(BulkTargetsScratch scratch)
    {
        var all = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = scratch.Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await scratch.S3.ListObjectsV2Async(request);
            all.AddRange(page.S3Objects ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return all;
    }

    private static async Task<List<string>> ReadLinesAsync(BulkTargetsScratch scratch, string key)
    {
        using var response = await scratch.S3.GetObjectAsync(scratch.Bucket, key);
        using var reader = new StreamReader(new GZipStream(response.ResponseStream, CompressionMode.Decompress));
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2}/\d{2}/to-archive-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.gz$")]
    private static partial Regex ArchiveKey();

    [GeneratedRegex(@"^processing-failed/\d{4}/\d{2}/\d{2}/\d{2}/to-archive-1-[0-9-]{19}-[0-9a-f-]{36}\.gz$")]
    private static partial Regex ErrorKey();
}
