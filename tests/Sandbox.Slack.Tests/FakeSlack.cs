using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sandbox.Slack.Tests;

/// <summary>A scripted Slack on 127.0.0.1: each request takes the next answer (then 200 {"ok":true}) and is recorded.</summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<Func<HttpContext, Task>> _answers;

    private FakeSlack(WebApplication app, Queue<Func<HttpContext, Task>> answers, Uri url)
    {
        _app = app;
        _answers = answers;
        Url = url;
    }

    public Uri Url { get; }
    public List<Recorded> Requests { get; } = [];

    public sealed record Recorded(string Path, string? ContentType, string? Authorization, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    public static async Task<FakeSlack> StartAsync(params Func<HttpContext, Task>[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var queue = new Queue<Func<HttpContext, Task>>(answers);
        FakeSlack? fake = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            lock (queue)
                fake!.Requests.Add(new Recorded(context.Request.Path + context.Request.QueryString, context.Request.ContentType,
                    context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body.ToArray()));
            Func<HttpContext, Task>? answer;
            lock (queue) queue.TryDequeue(out answer);
            await (answer ?? Ok())(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeSlack(app, queue, new Uri(address.Replace("[::]", "127.0.0.1")));
        return fake;
    }

    public static Func<HttpContext, Task> Ok(string json = """{"ok":true}""") => Answer(200, json, "application/json");

    public static Func<HttpContext, Task> Answer(int status, string body, string contentType = "text/plain", int? retryAfterSeconds = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (retryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        await context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
