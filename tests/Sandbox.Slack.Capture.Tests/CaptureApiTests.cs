using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sandbox.Slack.Capture.Hosting;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Tests;

/// <summary>The capture's wire behaviour over raw HTTP, independent of any client.</summary>
public class CaptureApiTests
{
    private static string Blocks(int count) => "[" + string.Join(",", Enumerable.Repeat("""{"type":"divider"}""", count)) + "]";

    [Fact]
    public async Task Blocks_over_slacks_limits_are_refused_with_invalid_blocks_naming_the_limit()
    {
        await using var capture = await RunningCapture.StartAsync();

        var answer = await capture.CallAsync("chat.postMessage", ("channel", "kpi"), ("text", "t"), ("blocks", Blocks(51)));
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal("invalid_blocks", answer.GetProperty("error").GetString());
        Assert.Contains("51 blocks; Slack allows at most 50", answer.GetProperty("response_metadata").GetProperty("messages")[0].GetString());

        using var webhook = await RunningCapture.Http.PostAsync(new Uri(capture.Url, "/services/T/B/x"),
            new StringContent($$"""{"text":"t","blocks":{{Blocks(51)}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_blocks"), (webhook.StatusCode, await webhook.Content.ReadAsStringAsync()));
        Assert.Empty(capture.Server.Store.Channels());
    }

    [Theory]
    [InlineData("not json", "invalid_payload")]
    [InlineData("""{"blocks":[]}""", "no_text")]
    [InlineData("""{"text":"t","blocks":[{"type":"section"}]}""", "invalid_blocks")]
    public async Task A_bad_webhook_payload_gets_400_and_slacks_word(string payload, string word)
    {
        await using var capture = await RunningCapture.StartAsync();
        using var response = await RunningCapture.Http.PostAsync(new Uri(capture.Url, "/services/T/B/x"), new StringContent(payload, Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, word), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_image_naming_a_file_that_was_never_completed_is_invalid_blocks()
    {
        await using var capture = await RunningCapture.StartAsync();
        var ticket = await capture.CallAsync("files.getUploadURLExternal", ("filename", "a.png"), ("length", "1"));
        var id = ticket.GetProperty("file_id").GetString()!;

        var answer = await capture.CallAsync("chat.postMessage", ("channel", "kpi"), ("text", "t"),
            ("blocks", $$$"""[{"type":"image","alt_text":"a","slack_file":{"id":"{{{id}}}"}}]"""));

        Assert.Equal("invalid_blocks", answer.GetProperty("error").GetString());
        Assert.Contains($"slack_file '{id}' is not a completed upload", answer.GetProperty("response_metadata").GetProperty("messages")[0].GetString());
    }

    [Fact]
    public async Task Calls_without_a_token_are_not_authed()
    {
        await using var capture = await RunningCapture.StartAsync();
        var answer = await RunningCapture.Http.GetFromJsonAsync<JsonElement>(new Uri(capture.Url, "/api/conversations.list"));
        Assert.Equal("not_authed", answer.GetProperty("error").GetString());
        using var unknown = await RunningCapture.Http.PostAsync(new Uri(capture.Url, "/api/chat.unknown"), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_upload_must_match_its_declared_length_and_be_uploaded_before_completing()
    {
        await using var capture = await RunningCapture.StartAsync();
        var ticket = await capture.CallAsync("files.getUploadURLExternal", ("filename", "a.png"), ("length", "4"));
        var id = ticket.GetProperty("file_id").GetString()!;

        var early = await capture.CallAsync("files.completeUploadExternal", ("files", $$"""[{"id":"{{id}}"}]"""));
        Assert.Equal("file_not_found", early.GetProperty("error").GetString());

        using var wrong = await RunningCapture.Http.PostAsync(ticket.GetProperty("upload_url").GetString(), new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("3 bytes uploaded, 4 declared", await wrong.Content.ReadAsStringAsync());

        using var right = await RunningCapture.Http.PostAsync(ticket.GetProperty("upload_url").GetString(), new ByteArrayContent([1, 2, 3, 4]));
        Assert.Equal("OK - 4", await right.Content.ReadAsStringAsync());
        var shared = await capture.CallAsync("files.completeUploadExternal", ("files", $$"""[{"id":"{{id}}","title":"A"}]"""), ("channel_id", "kpi"), ("initial_comment", "here"));
        Assert.True(shared.GetProperty("ok").GetBoolean());
        var history = await capture.CallAsync("conversations.history", ("channel", "kpi"));
        Assert.Equal("here", history.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal(id, history.GetProperty("messages")[0].GetProperty("files")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task History_pages_newest_first_by_cursor_and_an_unknown_channel_is_not_found()
    {
        await using var capture = await RunningCapture.StartAsync();
        for (var i = 1; i <= 3; i++) await capture.CallAsync("chat.postMessage", ("channel", "#kpi"), ("text", $"m{i}"));

        var first = await capture.CallAsync("conversations.history", ("channel", "kpi"), ("limit", "2"));
        Assert.Equal(["m3", "m2"], first.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var cursor = first.GetProperty("response_metadata").GetProperty("next_cursor").GetString()!;
        var second = await capture.CallAsync("conversations.history", ("channel", "kpi"), ("limit", "2"), ("cursor", cursor));
        Assert.Equal(["m1"], second.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));

        var missing = await capture.CallAsync("conversations.history", ("channel", "elsewhere"));
        Assert.Equal("channel_not_found", missing.GetProperty("error").GetString());
        var list = await capture.CallAsync("conversations.list");
        Assert.Equal(["kpi"], list.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_torn_last_line_is_dropped_and_a_bad_line_elsewhere_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("sandbox-slack-").FullName;
        try
        {
            using (var store = CaptureStore.Open(folder)) store.Post("kpi", "chat.postMessage", "kept", null, []);
            File.AppendAllText(Path.Combine(folder, "messages.jsonl"), """{"channel":"kpi","ts":"1""");
            using (var store = CaptureStore.Open(folder))
            {
                Assert.Equal(["kept"], store.History("kpi").Select(m => m.Text));
                store.Post("kpi", "chat.postMessage", "after", null, []);
            }
            using (var store = CaptureStore.Open(folder)) Assert.Equal(["after", "kept"], store.History("kpi").Select(m => m.Text));

            File.WriteAllText(Path.Combine(folder, "messages.jsonl"), "garbage\n{}\n");
            var error = Assert.Throws<InvalidDataException>(() => CaptureStore.Open(folder));
            Assert.Contains("messages.jsonl:1", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "--host", "0.0.0.0", "--port", "1", "--data", "d" }, "not a loopback address")]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "x", "--data", "d" }, "--port 'x' is not a port number")]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "1" }, "--data is required")]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "1", "--data", "d", "--webhook-channel", "Big Room" }, "not a Slack channel name")]
    public void Bad_arguments_are_named(string[] args, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => CaptureOptions.Parse(args)).Message);
}
