using Sandbox.Analytics.Definitions;
using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.ReleaseCheck;

public enum MetricKind { Kpi, FunnelStep }

/// <summary>
/// One metric, two ways: users on the release against users on the previous version over the same
/// days (established users: new installs all land on the newest version and act differently in
/// their first days), and
/// every user before against every user from the release day on. Only the first decides the verdict:
/// before/after also moves with everything else that changed over those days (the install mix, the
/// season), so it is shown as context; it is the only view of install-day metrics (onboarding, day-1
/// retention), which have no same-days control.
/// </summary>
/// <param name="Name">e.g. "likes" or "shopping: search -> view_product".</param>
/// <param name="Description">What the rate is, e.g. "share of active users with a like_post event".</param>
public sealed record MetricCheck(string Name, MetricKind Kind, string Description, ProportionComparison VsPrevious, ProportionComparison BeforeAfter)
{
    public Verdict Verdict => VsPrevious.Verdict;
}

/// <param name="ReleaseDay">The first UTC day on which the version ran on at least <see cref="ReleaseChecker.ReleaseShare"/> of active users.</param>
/// <param name="After">Days from the release day on (the version comparison's days too).</param>
/// <param name="Before">As many days before the release day, as far as there is data.</param>
/// <param name="FamilyConfidence">Each comparison's intervals together: every interval holds with at least this probability (Bonferroni).</param>
public sealed record ReleaseReport(
    string Version,
    string PreviousVersion,
    DateOnly ReleaseDay,
    DateRange After,
    DateRange? Before,
    double FamilyConfidence,
    IReadOnlyList<MetricCheck> Metrics)
{
    public IReadOnlyList<MetricCheck> Worse => Metrics.Where(m => m.Verdict == Verdict.Worse).ToList();
    public IReadOnlyList<MetricCheck> Better => Metrics.Where(m => m.Verdict == Verdict.Better).ToList();

    /// <summary>Worse on anything: the release needs a look (or a rollback).</summary>
    public bool Flagged => Worse.Count > 0;

    /// <summary>The release as one verdict: worse on anything, else better on anything, else no clear difference.</summary>
    public Verdict Overall => Flagged ? Verdict.Worse : Better.Count > 0 ? Verdict.Better : Verdict.NoClearDifference;
}

/// <summary>Why a release check cannot run, naming the input (unknown version, no data, no earlier version).</summary>
public class ReleaseCheckException(string message) : Exception(message);

/// <summary>No event carries the version asked for (the console answers 404 naming it).</summary>
public sealed class UnknownVersionException(string version, string message) : ReleaseCheckException(message)
{
    public string Version { get; } = version;
}
