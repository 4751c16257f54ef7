using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sandbox.Load.Chaos;

/// <summary>
/// A stack server found by the port it listens on (whoever started it: stack.sh, a test): its pid,
/// and enough of it (command line, folder, environment, from /proc) to start it again the same way
/// after a SIGKILL, detached in its own session like stack.sh's spawn.
/// </summary>
public sealed partial record ServerProcess(int Pid, IReadOnlyList<string> CommandLine, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The process listening on 127.0.0.1:<paramref name="port"/> (via `ss -ltnp`), or null.</summary>
    public static async Task<int?> PidListeningOnAsync(int port)
    {
        var ss = await RunAsync("ss", ["-Hltnp", $"sport = :{port}"]);
        return PidPattern().Match(ss) is { Success: true } match ? int.Parse(match.Groups[1].Value) : null;
    }

    public static ServerProcess Inspect(int pid)
    {
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        return new ServerProcess(pid, commandLine, new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(true)?.FullName ?? "/", environment);
    }

    /// <summary>SIGKILL, then until it is gone or a zombie (at most 5 s): not our child, so no wait(2).</summary>
    public async Task KillHardAsync()
    {
        if (Processes.BoxProcess.Kill(Pid, 9) != 0) return; // already gone
        for (var i = 0; i < 250 && IsAlive(Pid); i++) await Task.Delay(20);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Starts it again (own session, output appended to <paramref name="logFile"/>); the new pid.</summary>
    public async Task<int> StartAgainAsync(string logFile)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = WorkingDirectory };
        foreach (var argument in new[] { "-c", "setsid \"$@\" >>\"$LOAD_SERVER_LOG\" 2>&1 </dev/null & echo $!", "sh" }.Concat(CommandLine))
            info.ArgumentList.Add(argument);
        info.Environment.Clear();
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        info.Environment["LOAD_SERVER_LOG"] = logFile;
        using var shell = Process.Start(info)!;
        var pid = int.Parse((await shell.StandardOutput.ReadToEndAsync()).Trim());
        await shell.WaitForExitAsync();
        return pid;
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} exited {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}
