using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Slack.Capture.Hosting;

namespace Sandbox.Slack.Capture.Tests;

/// <summary>A capture on a free loopback port over its own temporary folder (kept across <see cref="RestartAsync"/>).</summary>
internal sealed class RunningCapture : IAsyncDisposable
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    public const string Token = "xoxb-test";

    private RunningCapture(string folder, CaptureServer server)
    {
        Folder = folder;
        Server = server;
    }

    public string Folder { get; }
    public CaptureServer Server { get; private set; }
    public Uri Url => Server.Url;

    public static async Task<RunningCapture> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sandbox-slack-").FullName;
        return new RunningCapture(folder, await CaptureServer.StartAsync(Options(folder)));
    }

    private static CaptureOptions Options(string folder) => new(IPAddress.Loopback, 0, folder, "kpi-digest");

    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await CaptureServer.StartAsync(Options(Folder));
    }

    /// <summary>A Web API call with the test token (form-encoded, as the SDKs send most methods).</summary>
    public async Task<JsonElement> CallAsync(string method, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "/api/" + method))
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) },
        };
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
