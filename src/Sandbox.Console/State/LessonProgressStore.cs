using Npgsql;

namespace Sandbox.Console.State;

public sealed record LessonProgress(int Lesson, int Attempts, DateTimeOffset? PassedAt);

/// <summary>Each person's attempts and passes, per lesson number (console.lesson_progress).</summary>
public sealed class LessonProgressStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<int, LessonProgress>> ForAsync(int userId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select lesson, attempts, passed_at from console.lesson_progress where user_id = $1");
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var progress = new Dictionary<int, LessonProgress>();
        while (await reader.ReadAsync(ct))
            progress[reader.GetInt32(0)] = new(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        return progress;
    }

    /// <summary>Counts an attempt; the first pass is kept (a later failure does not undo it).</summary>
    public async Task<LessonProgress> RecordAsync(int userId, int lesson, bool passed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into console.lesson_progress as p (user_id, lesson, attempts, passed_at) values ($1, $2, 1, case when $3 then now() end)
            on conflict (user_id, lesson) do update set attempts = p.attempts + 1, passed_at = coalesce(p.passed_at, excluded.passed_at)
            returning lesson, attempts, passed_at
            """);
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = lesson });
        command.Parameters.Add(new() { Value = passed });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }
}
