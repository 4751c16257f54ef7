using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Output;

namespace Sandbox.Generator.Bench;

/// <summary>
/// Tracking-plan validation speed: the compiled single-pass validator against JsonSchema.Net
/// evaluating the exported per-event schemas, over the same generated lines (with a buggy release
/// dropping a required property, so both must flag the same lines).
/// </summary>
public static class ValidationWorkload
{
    public static IEnumerable<StageResult> Run(long events)
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        var lines = Generate(events, plan);
        var bytes = lines.Sum(l => (long)l.Length);

        var validator = new EventValidator(plan);
        var violations = new List<Violation>();
        var cpu = StageResult.CpuSecondsSoFar();
        var started = Stopwatch.StartNew();
        var compiledInvalid = lines.Count(line => { violations.Clear(); return !validator.Validate(line, violations); });
        yield return new StageResult("validate-compiled", lines.Count, started.Elapsed.TotalSeconds, bytes, 1, CpuSeconds: StageResult.CpuSecondsSoFar() - cpu);

        var schemas = plan.Events.ToDictionary(e => e.Name, e => JsonSchema.FromText(TrackingPlanJsonSchema.Render(plan, e)));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        cpu = StageResult.CpuSecondsSoFar();
        started.Restart();
        var schemaInvalid = lines.Count(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var name = doc.RootElement.GetProperty("event_name").GetString()!;
            return !schemas.TryGetValue(name, out var schema) || !schema.Evaluate(doc.RootElement, options).IsValid;
        });
        var seconds = started.Elapsed.TotalSeconds;
        if (schemaInvalid != compiledInvalid)
            throw new InvalidOperationException($"validators disagree: compiled found {compiledInvalid} invalid lines, JSON Schema {schemaInvalid}");
        Console.Error.WriteLine($"both validators flagged {compiledInvalid:N0} of {lines.Count:N0} lines");
        yield return new StageResult("validate-jsonschema", lines.Count, seconds, bytes, 1, CpuSeconds: StageResult.CpuSecondsSoFar() - cpu);
    }

    private static List<byte[]> Generate(long events, TrackingPlan plan)
    {
        var config = new GeneratorConfig
        {
            From = new DateOnly(2026, 11, 2),
            To = new DateOnly(2026, 11, 2),
            Users = (int)Math.Max(1_000, events / 10),
            EventsPerDay = events,
            Seed = 42,
            Servers = 1,
            Faults = FaultPresets.Parse("drop-property"),
        };
        var sink = new MemorySink();
        new GeneratorRunner(config, plan).Run(sink, threads: 1);
        return sink.Lines;
    }

    private sealed class MemorySink : IEventSink, IServerEventStream
    {
        public List<byte[]> Lines { get; } = [];
        public string Describe() => "memory";
        public IServerEventStream OpenServer(string serverName) => this;
        public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs) => Lines.Add(line.ToArray());
        public IReadOnlyList<SinkOutput> Complete() => [new SinkOutput("memory", Lines.Count, Lines.Sum(l => (long)l.Length))];
        public void Dispose() { }
    }
}
