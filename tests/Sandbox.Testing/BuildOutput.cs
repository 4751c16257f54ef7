namespace Sandbox.Testing;

/// <summary>
/// Apps run from their own build folders (src/X/bin/&lt;configuration&gt;/net10.0), as tools/sandbox
/// does, not from the copies next to the tests: a test project's output folder is shaped by its own
/// references (Sandbox.Testing's one to the Kinesis engine's web project moves shared assemblies
/// such as Microsoft.Extensions.Logging.Abstractions into the ASP.NET framework, which the `sandbox`
/// CLI does not load, so `dotnet bin/.../sandbox.dll` next to the tests fails to start).
/// </summary>
public static class BuildOutput
{
    /// <summary>Release or Debug, as the running test assembly was built.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Dll(string project, string dll)
    {
        var path = RepositoryRoot.Combine("src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build src/{project} -c {Configuration}", path);
    }
}
