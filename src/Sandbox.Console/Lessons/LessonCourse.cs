using DuckDB.NET.Data;
using Npgsql;
using Sandbox.Console.Hosting;
using Sandbox.Core.Endpoints;
using Sandbox.Lake;
using Sandbox.Lessons;
using Sandbox.Lessons.Cli;
using Sandbox.Lessons.Grading;
using Sandbox.Lessons.Loading;
using Sandbox.Lessons.Model;
using Sandbox.Lessons.Running;

namespace Sandbox.Console.Lessons;

/// <summary>
/// The lessons of lessons/ (as `sandbox learn` loads them) and their grader: the same
/// Sandbox.Lessons checker, on the warehouse as the console's read-only query role, or on the lake.
/// </summary>
public sealed class LessonCourse(NpgsqlDataSource warehouse, ConsoleSettings settings) : IAsyncDisposable
{
    private readonly Lazy<IReadOnlyList<Lesson>> _lessons = new(() => LessonLoader.LoadDirectory(LessonPaths.LessonsDirectory()));
    private readonly SemaphoreSlim _lakeOpening = new(1, 1);
    private DuckDBConnection? _lake;

    /// <exception cref="InvalidOperationException">No lessons/ folder (run from the repository or set SANDBOX_LESSONS).</exception>
    public IReadOnlyList<Lesson> Lessons => _lessons.Value;

    public Lesson? Find(int number) => Lessons.FirstOrDefault(l => l.Number == number);

    /// <exception cref="LessonBrokenException">The lesson's own solution fails here.</exception>
    public Task<Verdict> CheckAsync(Lesson lesson, string sql, CancellationToken ct) =>
        new LessonChecker(RunnerForAsync).CheckAsync(lesson, sql, ct);

    private async Task<IQueryRunner> RunnerForAsync(LessonSource source, CancellationToken ct)
    {
        if (source == LessonSource.Warehouse) return new WarehouseRunner(warehouse, settings.StatementTimeout);
        await _lakeOpening.WaitAsync(ct);
        try
        {
            // One DuckDB connection over the archive for the console's life; LakeRunner serializes nothing, so checks take turns.
            _lake ??= await LakeSession.OpenAsync(EndpointsLoader.Load(), cancellationToken: ct);
        }
        finally
        {
            _lakeOpening.Release();
        }
        return new LakeRunner(_lake, settings.StatementTimeout);
    }

    public ValueTask DisposeAsync()
    {
        _lake?.Dispose();
        return ValueTask.CompletedTask;
    }
}
