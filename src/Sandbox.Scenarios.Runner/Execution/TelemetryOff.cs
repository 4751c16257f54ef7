using Reqnroll.Analytics;

namespace Sandbox.Scenarios.Runner.Execution;

internal sealed class TelemetryOff : IEnvironmentReqnrollTelemetryChecker
{
    public bool IsReqnrollTelemetryEnabled() => false;
}
