using System.Reflection;
using System.Runtime.Loader;

namespace Sandbox.Scenarios.Runner;

/// <summary>Loads a binding assembly by path (e.g. for a CLI), resolving its dependencies from its own folder.</summary>
public static class BindingAssemblies
{
    public static Assembly Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"Binding assembly '{path}' does not exist (resolved to {fullPath}).", fullPath);

        var name = AssemblyName.GetAssemblyName(fullPath);
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
        if (loaded is not null)
            return loaded;

        var resolver = new AssemblyDependencyResolver(fullPath);
        AssemblyLoadContext.Default.Resolving += (context, dependency) =>
            resolver.ResolveAssemblyToPath(dependency) is { } dependencyPath ? context.LoadFromAssemblyPath(dependencyPath) : null;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
