namespace Sandbox.Generator.Entities;

/// <summary>All entities the simulation refers to, built once per run and then only read.</summary>
public sealed record EntityPools(
    UserPool Users,
    IReadOnlyList<UserProfile> Profiles,
    Catalog Catalog,
    ContentPool Content,
    IReadOnlyList<string> SearchQueries);
