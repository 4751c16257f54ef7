using System.Runtime.InteropServices;
using Sandbox.Load.Processes;

namespace Sandbox.Cli.Running;

/// <summary>
/// A `sandbox` child that must not outlive its parent (`sandbox load` starts the boxes so): the
/// parent sets <see cref="Variable"/> and keeps the write end of our stdin. The kernel closes it
/// when the parent dies, SIGKILL included, and the read here sees end of file; then this process
/// stops as on SIGTERM (the command's own clean stop) and is SIGKILLed by itself after the grace.
/// Unlike PR_SET_PDEATHSIG it does not fire when the parent's thread that started us ends.
/// </summary>
internal static partial class ParentWatch
{
    private const string Variable = BoxProcess.ExitWithParentVariable;
    private const int Sigterm = 15, Sigkill = 9;

    public static void StartIfAsked(TimeSpan grace)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "stdin") return;
        new Thread(() => Watch(grace)) { IsBackground = true, Name = "parent-watch" }.Start();
    }

    private static void Watch(TimeSpan grace)
    {
        using (var stdin = Console.OpenStandardInput())
        {
            var buffer = new byte[64];
            try
            {
                while (stdin.Read(buffer) > 0) { }
            }
            catch (IOException) { }
        }
        Console.Error.WriteLine($"sandbox: the parent process is gone ({Variable}): stopping");
        Kill(Environment.ProcessId, Sigterm);
        Thread.Sleep(grace);
        Kill(Environment.ProcessId, Sigkill);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
