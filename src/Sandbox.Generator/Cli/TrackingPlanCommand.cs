using System.CommandLine;
using System.IO.Compression;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Generator.Cli;

/// <summary><c>sandbox tracking-plan docs|validate</c>: regenerate the plan's markdown, or check JSON-lines files against it.</summary>
public static class TrackingPlanCommand
{
    public static Command Build()
    {
        var docsOut = new Option<string>("--out") { Description = "Markdown file to write", DefaultValueFactory = _ => TrackingPlanMarkdown.DocsRelativePath };
        var schemasOut = new Option<string>("--schemas-out") { Description = "Folder for one JSON Schema per event", DefaultValueFactory = _ => TrackingPlanJsonSchema.SchemasRelativeDirectory };
        var docs = new Command("docs", "Write the tracking plan as markdown and JSON Schemas (commit the result)") { docsOut, schemasOut };
        docs.SetAction(parse =>
        {
            var plan = TrackingPlanLoader.LoadEmbedded();
            var path = parse.GetValue(docsOut)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, TrackingPlanMarkdown.Render(plan));
            var schemas = parse.GetValue(schemasOut)!;
            Directory.CreateDirectory(schemas);
            foreach (var stale in Directory.EnumerateFiles(schemas, "*.schema.json")) File.Delete(stale);
            foreach (var e in plan.Events) File.WriteAllText(Path.Combine(schemas, TrackingPlanJsonSchema.FileName(e.Name)), TrackingPlanJsonSchema.Render(plan, e));
            Console.WriteLine($"wrote {path} and {plan.Events.Count} schemas in {schemas}");
            return 0;
        });

        var files = new Argument<string[]>("files") { Description = "JSON-lines files (.log, .jsonl, .gz); folders are searched recursively", Arity = ArgumentArity.OneOrMore };
        var examples = new Option<int>("--examples") { Description = "Violations to print", DefaultValueFactory = _ => 10 };
        var validate = new Command("validate", "Check event lines against the tracking plan; exit 1 when any line breaks it") { files, examples };
        validate.SetAction(parse => Validate(parse.GetValue(files)!, parse.GetValue(examples)));

        return new Command("tracking-plan", "The tracking plan: docs and validation") { docs, validate };
    }

    private static int Validate(string[] inputs, int examples)
    {
        var validator = new EventValidator(TrackingPlanLoader.LoadEmbedded());
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var found = new List<Violation>();
        long lines = 0, bad = 0;
        foreach (var file in Expand(inputs))
        {
            var lineNumber = 0;
            foreach (var line in ReadLines(file))
            {
                lineNumber++;
                lines++;
                found.Clear();
                if (validator.Validate(line, found)) continue;
                bad++;
                foreach (var v in found)
                {
                    byType[v.Type.ToWireName()] = byType.GetValueOrDefault(v.Type.ToWireName()) + 1;
                    if (examples-- > 0) Console.WriteLine($"{file}:{lineNumber}: {v}");
                }
            }
        }
        Console.WriteLine($"{lines:N0} lines, {bad:N0} with violations (plan {validator.Plan.Version})" +
            string.Concat(byType.Select(kv => $"; {kv.Key}: {kv.Value:N0}")));
        return bad == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                // Event files only: a generator output folder also holds manifest.json and dimension tables.
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                             .Where(f => f.EndsWith(".log") || f.EndsWith(".jsonl") || f.EndsWith(".gz"))
                             .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != Output.DimensionWriter.Folder)
                             .Order(StringComparer.Ordinal))
                    yield return f;
            }
            else if (File.Exists(input)) yield return input;
            else throw new FileNotFoundException($"tracking-plan validate: '{input}' does not exist", input);
        }
    }

    private static IEnumerable<byte[]> ReadLines(string file)
    {
        using var raw = File.OpenRead(file);
        using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line) yield return System.Text.Encoding.UTF8.GetBytes(line);
    }
}
