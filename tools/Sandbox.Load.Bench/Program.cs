using System.CommandLine;
using Sandbox.Load.Bench;

// Micro-benches of what `sandbox load` itself spends CPU on while the pipeline runs
// (docs/BENCHMARKS.md, "CPU per event, our processes").
var day = new Option<string>("--day") { Description = "a generated day folder (its *.log lines are the archived records)", Required = true };
var records = new Option<int>("--records") { Description = "records of the day to use (one archive object; GetRecords pages of 10,000)", DefaultValueFactory = _ => 100_000 };
var rounds = new Option<int>("--rounds") { Description = "timed rounds of each (after one warm-up)", DefaultValueFactory = _ => 7 };
var archive = new Command("archive-ids", "event ids of a gzip archive object: bytes reader vs the former text lines + JsonDocument") { day, records, rounds };
archive.SetAction(parse => ArchiveIdsSpeed.Run(parse.GetValue(day)!, parse.GetValue(records), parse.GetValue(rounds)));
var getRecords = new Command("get-records", "GetRecords pages read by the Kinesis client: one-pass reader vs the generated reader") { day, records, rounds };
getRecords.SetAction(parse => GetRecordsSpeed.Run(parse.GetValue(day)!, parse.GetValue(records), parse.GetValue(rounds)));
var gzip = new Command("archive-gzip", "the to-archive stream's gzip of a batch: buffered vs a deflater call per line") { day, records, rounds };
gzip.SetAction(parse => ArchiveGzipSpeed.Run(parse.GetValue(day)!, parse.GetValue(records), parse.GetValue(rounds)));
var root = new RootCommand("sandbox load micro-benches") { archive, getRecords, gzip };
return await root.Parse(args).InvokeAsync();
