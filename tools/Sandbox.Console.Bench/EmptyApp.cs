using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;

namespace Sandbox.Console.Bench;

/// <summary>The cold-start baseline: an empty ASP.NET Core app (one endpoint) on 127.0.0.1.</summary>
public static class EmptyApp
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }
}
