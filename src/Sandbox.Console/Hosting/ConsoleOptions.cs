using System.Globalization;

namespace Sandbox.Console.Hosting;

/// <summary>Command line: --port N, --state DIR, --statement-timeout SECONDS, --grid-row-cap N, --run-lease SECONDS.</summary>
public sealed record ConsoleOptions(int Port, string? StateDirectory, int? StatementTimeoutSeconds, int? GridRowCap)
{
    /// <summary>How long a refresh worker's claim on a run lasts without renewal (default 30 s).</summary>
    public int? RunLeaseSeconds { get; init; }

    public static ConsoleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ConsoleOptions(ConsoleSettings.NativeConsolePort, null, null, null);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number(string name, int min)
            {
                var text = Next();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n : throw new ArgumentException($"{name} '{text}' is not a whole number >= {min}");
            }
            options = args[i] switch
            {
                "--port" => options with { Port = Number("--port", 0) },
                "--state" => options with { StateDirectory = Next() },
                "--statement-timeout" => options with { StatementTimeoutSeconds = Number("--statement-timeout", 1) },
                "--grid-row-cap" => options with { GridRowCap = Number("--grid-row-cap", 1) },
                "--run-lease" => options with { RunLeaseSeconds = Number("--run-lease", 1) },
                var other => throw new ArgumentException(
                    $"unknown option '{other}' (use --port, --state, --statement-timeout, --grid-row-cap, --run-lease)"),
            };
        }
        return options;
    }
}
