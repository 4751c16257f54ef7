using System.Text;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Aws.Manifests;
using Sandbox.Core.TrackingPlan;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Destinations;

/// <summary>
/// The to-warehouse loader: Redshift's COPY ... MANIFEST over the wire to the stack's endpoint on 5439 (the
/// front reads S3 itself), exactly-once on event_id, what Redshift would load loaded.
/// </summary>
[Collection(FirehoseCollection.Name)]
public class RedshiftCopyLoaderTests(FirehoseFixture fixture)
{
    private readonly RedshiftCopyLoader _loader = new(fixture.Warehouse);
    private readonly TrackingPlanCheck _plan = new(TrackingPlanLoader.LoadEmbedded());

    [Fact]
    public async Task New_events_go_straight_into_events_once_and_a_repeat_load_changes_nothing()
    {
        var (bucket, delivery) = (await fixture.CreateBucketAsync(), FirehoseFixture.UniqueName("rscopy"));
        var events = Enumerable.Range(0, 20).Select(_ => TestEvents.Valid()).ToList();

        var result = await LoadAsync(bucket, delivery, "1", events.Select(e => e.Line));

        Assert.True(result.CopiedDirectly);
        Assert.Equal((20L, 20L, 0L, 0L, 0L), (result.Lines, result.Inserted, result.Duplicates, result.Bad, result.Violations));
        Assert.Equal(20L, await ScalarAsync("select count(*) from events where event_id = any($1)", events.Select(e => e.Id).ToArray()));
        Assert.True((await LoadAsync(bucket, delivery, "1", events.Select(e => e.Line))).AlreadyLoaded);
        Assert.Equal(1L, await ScalarAsync("select count(*) from load_commits where delivery = $1 and rows_inserted = 20", delivery));
    }

    [Fact]
    public async Task Redelivered_and_repeated_events_fall_back_to_the_merge_and_bad_lines_are_accounted()
    {
        var (bucket, delivery) = (await fixture.CreateBucketAsync(), FirehoseFixture.UniqueName("rscopy"));
        var events = Enumerable.Range(0, 30).Select(_ => TestEvents.Valid()).ToList();
        // One event is already in the warehouse (a redelivery): counted as a duplicate, not inserted again.
        Assert.Equal(1, (await LoadAsync(bucket, delivery, "0", [events[1].Line])).Inserted);
        var lines = events.Select(e => e.Line).Append(events[0].Line).Append("not json at all").Append("{\"event_name\":\"logout\"}");

        var result = await LoadAsync(bucket, delivery, "1", lines);

        Assert.False(result.CopiedDirectly);
        Assert.Equal((33L, 29L, 2L, 2L), (result.Lines, result.Inserted, result.Duplicates, result.Bad));
        Assert.True(result.Reconciles);
        Assert.Equal(30L, await ScalarAsync("select count(*) from events where event_id = any($1)", events.Select(e => e.Id).ToArray()));
        Assert.Equal(2L, await ScalarAsync("select count(*) from bad_events where line_ref like $1", $"s3://{bucket}/stage/part-1:%"));
    }

    /// <summary>Issue #12 item 5: a release that drops a required property still has its events loaded; the violation is recorded beside each.</summary>
    [Fact]
    public async Task An_event_breaking_the_tracking_plan_is_loaded_with_its_violation_recorded()
    {
        var (bucket, delivery) = (await fixture.CreateBucketAsync(), FirehoseFixture.UniqueName("rscopy"));
        var good = TestEvents.Valid();
        var (brokenId, brokenLine) = TestEvents.Valid();
        brokenLine = brokenLine.Replace("\"event_name\":\"logout\"", "\"event_name\":\"search\"");

        var result = await LoadAsync(bucket, delivery, "1", [good.Line, brokenLine]);

        Assert.Equal((2L, 2L, 0L), (result.Lines, result.Inserted, result.Bad));
        Assert.Equal(3L, result.Violations); // search without query, search_type, result_count
        Assert.Equal(2L, await ScalarAsync("select count(*) from events where event_id = any($1)", new[] { good.Id, brokenId }));
        Assert.Equal(1L, await ScalarAsync(
            "select count(*) from event_violations where event_id = $1 and type = 'required_property_missing' and path = '$.properties.query'", brokenId));
        Assert.Equal(0L, await ScalarAsync("select count(*) from event_violations where event_id = $1", good.Id));
    }

    /// <summary>
    /// An event with a usable envelope but no properties object is loaded with '{}' (events.properties' default), its
    /// missing-envelope-field violation recorded beside it, straight into events and through the merge alike.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_event_without_properties_is_loaded_with_an_empty_object_and_its_violation(bool redelivered)
    {
        var (bucket, delivery) = (await fixture.CreateBucketAsync(), FirehoseFixture.UniqueName("rscopy"));
        var (id, line) = TestEvents.Valid();
        var withoutProperties = line.Replace(",\"properties\":{}", "");
        Assert.NotEqual(line, withoutProperties);
        var other = TestEvents.Valid();
        if (redelivered) await LoadAsync(bucket, delivery, "0", [other.Line]);

        var result = await LoadAsync(bucket, delivery, "1", [other.Line, withoutProperties]);

        Assert.Equal(!redelivered, result.CopiedDirectly);
        Assert.Equal((2L, 0L, 1L), (result.Lines, result.Bad, result.Violations));
        Assert.Equal(1L, await ScalarAsync("select count(*) from events where event_id = $1 and properties = '{}'::jsonb", id));
        Assert.Equal(1L, await ScalarAsync(
            "select count(*) from event_violations where event_id = $1 and type = 'bad_envelope' and path = '$.properties'", id));
        Assert.Equal(0L, await ScalarAsync("select count(*) from bad_events where raw like '%' || $1 || '%'", id));
    }

    [Fact]
    public async Task A_missing_manifest_cannot_be_loaded_and_says_so()
    {
        var bucket = await fixture.CreateBucketAsync();
        var load = new ManifestLoad("rscopy", bucket, "stage/none", new CopyManifest([]), Task.FromResult(new List<EventViolation>()));

        var error = await Assert.ThrowsAsync<UnloadableManifestException>(() => _loader.LoadAsync(load, CancellationToken.None));

        Assert.Contains($"s3://{bucket}/stage/none", error.Message);
    }

    private async Task<ManifestLoadResult> LoadAsync(string bucket, string delivery, string part, IEnumerable<string> lines)
    {
        var records = lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)).ToList();
        var body = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        await fixture.S3.PutBytesAsync(bucket, $"stage/part-{part}", body);
        var manifest = CopyManifest.Of(bucket, $"stage/part-{part}", body.Length);
        await fixture.S3.PutBytesAsync(bucket, $"stage/manifest-{part}", manifest.ToJson());
        return await _loader.LoadAsync(new ManifestLoad(delivery, bucket, $"stage/manifest-{part}", manifest, Task.FromResult(_plan.CheckAll(records))), CancellationToken.None);
    }

    private async Task<long> ScalarAsync(string sql, object parameter)
    {
        await using var command = fixture.Warehouse.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
