using Sandbox.Kinesis.Conformance.Tests.Targets;

namespace Sandbox.Kinesis.Conformance.Tests;

// One class per target: xunit runs every test of KinesisConformance against each.

public sealed class KinesisLocalConformance(KinesisLocalTarget target)
    : KinesisConformance(target), IClassFixture<KinesisLocalTarget>;

public sealed class SandboxEngineConformance(SandboxEngineTarget target)
    : KinesisConformance(target), IClassFixture<SandboxEngineTarget>;

public sealed class LocalStackConformance(LocalStackTarget target)
    : KinesisConformance(target), IClassFixture<LocalStackTarget>;
