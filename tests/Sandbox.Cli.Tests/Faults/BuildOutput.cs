using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// Apps run from their own build folders (src/X/bin/&lt;configuration&gt;/net10.0), as tools/sandbox
/// does, not from the copies next to the tests: this project's output folder is shaped by its own
/// references (one to the Kinesis engine's web project moves shared assemblies into the ASP.NET
/// framework, which the `sandbox` CLI does not load).
/// </summary>
public static class BuildOutput
{
    /// <summary>Release or Debug, as this test assembly was built.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Dll(string project, string dll)
    {
        var path = RepositoryRoot.Combine("src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build src/{project} -c {Configuration}", path);
    }
}
