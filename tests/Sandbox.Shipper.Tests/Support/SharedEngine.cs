namespace Sandbox.Shipper.Tests.Support;

/// <summary>One engine shared by the tests that never stop it; each test uses a stream of its own.</summary>
public sealed class SharedEngine : KinesisEngineFixture;

[CollectionDefinition(Name)]
public sealed class SharedEngineCollection : ICollectionFixture<SharedEngine>
{
    public const string Name = "shared sandbox-kinesis";
}
