using Sandbox.Testing;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

[Collection(StackCollection.Name)]
public class WarehouseLoaderTests(StackFixture stack)
{
    [Fact]
    public async Task Valid_lines_from_plain_and_gzip_objects_become_typed_event_rows()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();

        var result = await bed.LoadAsync("m/typed", [EventLines.Line(id), EventLines.Line()], [EventLines.Line(), EventLines.Line()]);

        Assert.Equal((2, 4L, 4L, 4L, 0L, 0L), (result.Objects, result.Lines, result.Staged, result.Inserted, result.Duplicates, result.Bad));
        Assert.True(result.Reconciles);
        Assert.Equal(4L, await bed.CountAsync("events"));
        Assert.Equal("like_post|u_1|2026-11-30 12:34:56.789|ios|p_1", await bed.Database.ScalarAsync<string>(
            $"select concat_ws('|', event_name, user_id, to_char(event_time at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), platform, properties->>'post_id') from events where event_id = '{id}'"));
    }

    [Fact]
    public async Task Escaped_and_non_ascii_values_are_stored_decoded_and_nulls_stay_null()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();
        // JsonNode writes the quote, backslash and non-ASCII characters as \u escapes: the loader must decode them.
        var line = EventLines.With(e =>
        {
            e["event_id"] = id;
            e["user_id"] = null;
            e["anonymous_id"] = "a_\"quoted\"\\日本";
            e["properties"]!["post_id"] = "p_化粧水";
        });
        Assert.Contains("\\u", line);

        var result = await bed.LoadAsync("m/escaped", [line]);

        Assert.Equal(1L, result.Inserted);
        Assert.Equal("null|a_\"quoted\"\\日本|p_化粧水|2026-11-30 12:34:57.001", await bed.Database.ScalarAsync<string>(
            $"select concat_ws('|', coalesce(user_id, 'null'), anonymous_id, properties->>'post_id', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')) from events where event_id = '{id}'"));
    }

    [Fact]
    public async Task Surrogate_pairs_and_an_escaped_backslash_before_u0000_are_storable_text()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();
        // 💄 as a surrogate pair, then the six characters \u0000 (the backslash itself escaped).
        var line = EventLines.Line(id).Replace("\"p_1\"", "\"p_\\ud83d\\udc84 \\\\u0000\"");

        var result = await bed.LoadAsync("m/storable", [line]);

        Assert.Equal((1L, 0L), (result.Inserted, result.Bad));
        Assert.Equal("p_\U0001F484 \\u0000", await bed.Database.ScalarAsync<string>($"select properties->>'post_id' from events where event_id = '{id}'"));
    }

    [Fact]
    public async Task Reading_and_writing_on_one_thread_loads_the_same_rows()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();
        var part = await bed.Bucket.PutLinesAsync("one/part-0", [EventLines.Line(id), EventLines.Line(id), "bad", EventLines.Line()], gzip: true);
        await bed.Bucket.PutManifestAsync("one/manifest", (part, true));
        var loader = new WarehouseLoader(bed.Database.DataSource, bed.Bucket.S3, Core.TrackingPlan.TrackingPlanLoader.LoadEmbedded()) { OverlapReadingAndWriting = false };

        var result = await loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "one/manifest");

        Assert.Equal((4L, 3L, 2L, 1L, 1L), (result.Lines, result.Staged, result.Inserted, result.Duplicates, result.Bad));
        Assert.Equal((2L, 1L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events")));
    }

    [Fact]
    public async Task A_noload_check_counts_and_names_what_a_load_would_do_and_writes_nothing()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();
        var part = await bed.Bucket.PutLinesAsync("check/part-0", [EventLines.Line(id), EventLines.Line(id), "bad", EventLines.Line()], gzip: true);
        await bed.Bucket.PutManifestAsync("check/manifest", (part, true), ($"s3://{bed.Bucket.Name}/check/gone", false));

        var check = await bed.Loader.CheckAsync(bed.Bucket.Name, "check/manifest");

        Assert.Equal((1, 4L, 3L, 1L), (check.Objects, check.Lines, check.Staged, check.RepeatedIds));
        Assert.Equal($"{part}:3", Assert.Single(check.BadLines).Where);
        Assert.Equal([$"s3://{bed.Bucket.Name}/check/gone"], check.MissingOptionalObjects);
        Assert.False(check.LoadsCleanly);
        Assert.Equal((0L, 0L, 0L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events"), await bed.CountAsync("load_commits")));
        // The same batch then loads as the check said.
        var result = await bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "check/manifest");
        Assert.Equal((check.Lines, check.Staged, check.RepeatedIds, (long)check.BadLines.Count), (result.Lines, result.Staged, result.Duplicates, result.Bad));
    }

    [Fact]
    public async Task Duplicate_event_ids_within_a_load_are_inserted_once()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();

        var result = await bed.LoadAsync("m/dup-within", [EventLines.Line(id), EventLines.Line(id)], [EventLines.Line(id), EventLines.Line()]);

        Assert.Equal((4L, 4L, 2L, 2L), (result.Lines, result.Staged, result.Inserted, result.Duplicates));
        Assert.True(result.CopiedDirectly);
        Assert.True(result.Reconciles);
        Assert.Equal(2L, await bed.CountAsync("events"));
    }

    [Fact]
    public async Task Event_ids_loaded_by_an_earlier_manifest_count_as_duplicates()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var (first, second) = (EventLines.NewEventId(), EventLines.NewEventId());
        await bed.LoadAsync("m/first", [EventLines.Line(first), EventLines.Line(second)]);

        // A Firehose retry re-sends the same records in a new batch: same event_ids, new manifest.
        var result = await bed.LoadAsync("m/second", [EventLines.Line(second), EventLines.Line(first), EventLines.Line()]);

        Assert.Equal((3L, 1L, 2L), (result.Lines, result.Inserted, result.Duplicates));
        Assert.False(result.AlreadyLoaded);
        Assert.False(result.CopiedDirectly); // the direct COPY hit the unique key and fell back to staging
        Assert.Equal(3L, await bed.CountAsync("events"));
        Assert.Equal(2L, await bed.CountAsync("load_commits"));
    }

    [Fact]
    public async Task Same_manifest_twice_inserts_nothing_the_second_time_and_says_so()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var first = await bed.LoadAsync("m/twice", [EventLines.Line(), "not json"]);

        var again = await bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "m/twice");

        Assert.True(again.AlreadyLoaded);
        Assert.Equal((0L, 0L, 0L), (again.Lines, again.Inserted, again.Bad));
        Assert.Equal((first.Lines, first.Inserted, first.Bad), (again.PreviousCommit!.Lines, again.PreviousCommit.RowsInserted, again.PreviousCommit.RowsBad));
        Assert.Contains("already loaded", again.ToString());
        Assert.Equal((1L, 1L, 1L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events"), await bed.CountAsync("load_commits")));
    }

    [Fact]
    public async Task Concurrent_loads_of_one_manifest_commit_it_once()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var key = await bed.Bucket.PutLinesAsync("race/part-0", Enumerable.Range(0, 200).Select(_ => EventLines.Line()).Append("bad"));
        await bed.Bucket.PutManifestAsync("race/manifest", (key, true));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "race/manifest")));

        Assert.Single(results, r => !r.AlreadyLoaded);
        Assert.Equal(200L, results.Sum(r => r.Inserted));
        Assert.Equal((200L, 1L, 1L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events"), await bed.CountAsync("load_commits")));
    }

    [Fact]
    public async Task Missing_mandatory_object_names_the_key_and_loads_nothing()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var present = await bed.Bucket.PutLinesAsync("gone/part-0", [EventLines.Line(), "bad line"]);
        await bed.Bucket.PutManifestAsync("gone/manifest", (present, true), ($"s3://{bed.Bucket.Name}/gone/part-1", true));

        var error = await Assert.ThrowsAsync<LoadManifestException>(() => bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "gone/manifest"));

        Assert.Contains($"s3://{bed.Bucket.Name}/gone/part-1", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Equal((0L, 0L, 0L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events"), await bed.CountAsync("load_commits")));
    }

    [Fact]
    public async Task Missing_optional_object_is_skipped_and_reported()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var present = await bed.Bucket.PutLinesAsync("opt/part-0", [EventLines.Line()]);
        var absent = $"s3://{bed.Bucket.Name}/opt/part-1";
        await bed.Bucket.PutManifestAsync("opt/manifest", (present, true), (absent, false));

        var result = await bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "opt/manifest");

        Assert.Equal((1, 1L), (result.Objects, result.Inserted));
        Assert.Equal([absent], result.MissingOptionalObjects);
    }

    [Fact]
    public async Task Missing_manifest_is_a_clear_error()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);

        var error = await Assert.ThrowsAsync<LoadManifestException>(() => bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "no/such/manifest"));

        Assert.Equal($"manifest s3://{bed.Bucket.Name}/no/such/manifest does not exist", error.Message);
    }

    [Fact]
    public async Task Replay_of_an_error_manifest_adds_only_what_is_missing_and_is_logged_as_replay()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var part = await bed.Bucket.PutLinesAsync("replay/part-0", [EventLines.Line(), EventLines.Line(), "{broken"]);
        await bed.Bucket.PutManifestAsync("manifests/original", (part, true));
        await bed.Bucket.PutManifestAsync("errors/manifests/original", (part, true));
        await bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "manifests/original");

        // Firehose gave up waiting although the first COPY did commit: the replay must not double anything.
        var replay = await bed.Loader.ReplayAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "errors/manifests/original");

        Assert.Equal((3L, 0L, 2L, 1L), (replay.Lines, replay.Inserted, replay.Duplicates, replay.Bad));
        Assert.Equal((2L, 1L), (await bed.CountAsync("events"), await bed.CountAsync("bad_events")));
        Assert.Equal("load,replay", await bed.Database.ScalarAsync<string>("select string_agg(kind, ',' order by id) from load_commits"));
    }

    [Fact]
    public async Task Load_commit_records_the_reconciled_counts()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var id = EventLines.NewEventId();

        await bed.LoadAsync("m/log", [EventLines.Line(id), EventLines.Line(id), "[]", EventLines.Line()]);

        Assert.Equal($"to-warehouse|s3://{bed.Bucket.Name}/m/log|load|4|3|2|1|1", await bed.Database.ScalarAsync<string>(
            "select concat_ws('|', delivery, manifest_key, kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad) from load_commits"));
    }

    [SkippableFact]
    public async Task An_object_named_while_its_put_is_held_fails_the_load_by_name_and_loads_once_whole()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var body = StagingBucket.Encode(string.Concat(Enumerable.Range(0, 2_000).Select(_ => EventLines.Line() + "\n")), gzip: true);
        await using (var put = await GatedPut.StartOnNativeAsync(stack.Endpoints, bed.Bucket.Name, "held/part-0", body, sendFirst: body.Length / 2))
        {
            await put.ListedShortAsync(bed.Bucket.S3);
            await bed.Bucket.PutManifestAsync("held/manifest", ($"s3://{bed.Bucket.Name}/held/part-0", true));

            var error = await Assert.ThrowsAsync<IOException>(() => bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "held/manifest"));

            Assert.StartsWith($"staged object s3://{bed.Bucket.Name}/held/part-0 read short: {body.Length / 2:N0} bytes that do not end with the gzip trailer", error.Message);
            Assert.Equal((0L, 0L), (await bed.CountAsync("events"), await bed.CountAsync("load_commits")));
            put.Release();
            await put.Completion;
        }

        var result = await bed.Loader.LoadAsync(LoaderTestBed.Delivery, bed.Bucket.Name, "held/manifest");
        Assert.Equal((2_000L, 2_000L), (result.Inserted, await bed.CountAsync("events")));
    }
}
