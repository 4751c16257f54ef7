using System.CommandLine;
using Sandbox.Aws;
using Sandbox.ClickLog.Bench;
using Sandbox.Core.Endpoints;

// `sandbox clicks` read latency: Query (a user's latest N clicks, newest first) against the
// baseline of a bare GetItem on the same table, interleaved call by call in one run so both see
// the same machine state. Needs the stack's DynamoDB (`make up`).
var users = new Option<int>("--users") { Description = "users to seed", DefaultValueFactory = _ => 500 };
var clicks = new Option<int>("--clicks-per-user") { Description = "clicks seeded per user", DefaultValueFactory = _ => 40 };
var last = new Option<int>("--last") { Description = "N of `sandbox clicks --last N`", DefaultValueFactory = _ => 20 };
var samples = new Option<int>("--samples") { Description = "timed calls of each kind", DefaultValueFactory = _ => 2000 };
var root = new RootCommand("click-log read latency: Query latest N vs bare GetItem") { users, clicks, last, samples };
root.SetAction(async (parse, cancellationToken) =>
{
    var endpoints = EndpointsLoader.Load();
    using var dynamo = AwsClients.DynamoDb(endpoints);
    await using var table = await SeededTable.CreateAsync(dynamo, parse.GetValue(users), parse.GetValue(clicks), cancellationToken);
    Console.WriteLine($"seeded {table.Items:N0} clicks ({parse.GetValue(users)} users) in {table.SeedTime.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");
    var result = await ReadLatency.MeasureAsync(dynamo, table, parse.GetValue(last), parse.GetValue(samples), cancellationToken);
    Console.WriteLine(result);
    return 0;
});
var day = new Option<string>("--day") { Description = "a generated day folder (its *.log lines are the records)", Required = true };
var records = new Option<int>("--records") { Description = "records to filter per round", DefaultValueFactory = _ => 200_000 };
var rounds = new Option<int>("--rounds") { Description = "timed rounds (after one warm-up)", DefaultValueFactory = _ => 5 };
var filter = new Command("filter", "the mapping's event filter vs parsing every record") { day, records, rounds };
filter.SetAction(parse => FilterSpeed.Run(parse.GetValue(day)!, parse.GetValue(records), parse.GetValue(rounds)));
root.Subcommands.Add(filter);
return await root.Parse(args).InvokeAsync();
