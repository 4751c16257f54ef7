using Sandbox.Testing;

namespace Sandbox.Cli.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;

/// <summary>
/// One collection per fault test class, so xunit runs them side by side (a collection at a time per
/// core): each works on resources of its own (stream, buckets, tables, database, private servers on
/// free ports), and most of its time is waiting on quotas, an outage, lease failovers or process starts.
/// </summary>
public static class FaultCollections
{
    public const string Sigkill = "faults: sigkill";
    public const string WarehouseOutage = "faults: warehouse outage";
    public const string LoadChaos = "faults: load chaos";
    public const string LoadKill = "faults: load kill";
    public const string SyncKill = "faults: sync kill";
}

[CollectionDefinition(FaultCollections.Sigkill)]
public class SigkillCollection : ICollectionFixture<StackFixture>;

[CollectionDefinition(FaultCollections.WarehouseOutage)]
public class WarehouseOutageCollection : ICollectionFixture<StackFixture>;

[CollectionDefinition(FaultCollections.LoadChaos)]
public class LoadChaosCollection : ICollectionFixture<StackFixture>;

[CollectionDefinition(FaultCollections.LoadKill)]
public class LoadKillCollection : ICollectionFixture<StackFixture>;

[CollectionDefinition(FaultCollections.SyncKill)]
public class SyncKillCollection : ICollectionFixture<StackFixture>;
