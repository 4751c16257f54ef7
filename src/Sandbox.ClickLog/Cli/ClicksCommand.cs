using System.CommandLine;
using System.Diagnostics;
using Sandbox.Aws;
using Sandbox.ClickLog.Reading;
using Sandbox.Core.Endpoints;

namespace Sandbox.ClickLog.Cli;

/// <summary>`sandbox clicks --user ID --last N`: a user's latest clicks from DynamoDB, newest first.</summary>
public static class ClicksCommand
{
    public static Command Build()
    {
        var user = new Option<string>("--user") { Description = "user_id (or anonymous_id for users not signed up)", Required = true };
        var last = new Option<int>("--last") { Description = "How many of the latest clicks to show", DefaultValueFactory = _ => 20 };
        last.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var n && n < 1) result.AddError($"--last must be at least 1, got {n}");
        });
        var table = new Option<string?>("--table") { Description = "Click-log table (default: the contract's, click_logs)" };
        var command = new Command("clicks", "Read a user's latest clicks from the click-log table (Query, newest first)") { user, last, table };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoints = EndpointsLoader.Load();
            using var dynamo = AwsClients.DynamoDb(endpoints);
            var reader = new ClickLogReader(dynamo, parse.GetValue(table) ?? endpoints.Resources.ClickLogTable);
            var clock = Stopwatch.StartNew();
            var clicks = await reader.LatestAsync(parse.GetValue(user)!, parse.GetValue(last), cancellationToken);
            var elapsed = clock.Elapsed;
            foreach (var click in clicks)
                Console.WriteLine($"{click.EventTime}  {click.EventId}  product {click.ProductId}  {click.ShopName ?? "-"}  "
                    + $"{(click.Price is { } price ? $"¥{price:N0}" : "-")}  {click.Source ?? "-"}");
            Console.WriteLine($"clicks: {clicks.Count} for {parse.GetValue(user)} in {elapsed.TotalMilliseconds:0.0} ms");
            return 0;
        });
        return command;
    }
}
