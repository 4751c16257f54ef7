namespace Sandbox.Hosting;

/// <summary>
/// The life of a server process: parse the arguments, start, print the one stdout line launchers wait
/// for, run until SIGTERM / Ctrl-C, stop. Each failure has its own exit code and a message naming
/// what is wrong.
/// </summary>
public static class ServerMain
{
    /// <summary>What a server prints on stdout, followed by its URL, once it accepts requests.</summary>
    public const string ListeningPrefix = "listening on ";

    public const int BadArguments = 2;
    public const int PortTaken = 3;

    /// <param name="name">The program's name, the prefix of every error line (sandbox-kinesis).</param>
    /// <param name="dataDirectory">The data folder the options name, for the error when it cannot be used.</param>
    /// <param name="dataFolderExitCode">The exit code when the data folder cannot be used.</param>
    public static async Task<int> RunAsync<TOptions>(
        string name, string usage, IReadOnlyList<string> args,
        Func<IReadOnlyList<string>, TOptions> parse,
        Func<TOptions, Task<LoopbackServer>> start,
        Func<TOptions, string> dataDirectory,
        int dataFolderExitCode)
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            Console.Error.WriteLine(usage);
            return BadArguments;
        }

        try
        {
            await using var server = await start(options);
            Console.Out.WriteLine(ListeningPrefix + server.Url.ToString().TrimEnd('/'));
            Console.Out.Flush();
            await server.WaitForShutdownAsync(); // SIGTERM / Ctrl-C stop the host; disposal closes (and fsyncs) the store
            return 0;
        }
        catch (PortInUseException e)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            return PortTaken;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"{name}: cannot use data folder '{dataDirectory(options)}': {e.Message}");
            return dataFolderExitCode;
        }
    }
}
