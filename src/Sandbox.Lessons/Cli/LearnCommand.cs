using System.CommandLine;
using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Lake;
using Sandbox.Lessons.Loading;
using Sandbox.Lessons.Model;
using Sandbox.Lessons.Progress;
using Sandbox.Lessons.Running;

namespace Sandbox.Lessons.Cli;

/// <summary><c>sandbox learn list | show N | check N --sql FILE</c>: SQL lessons graded on the sandbox's own data.</summary>
public static class LearnCommand
{
    public static Command Build()
    {
        var lessonsOption = new Option<string?>("--lessons") { Description = $"Lessons folder (default: ${LessonPaths.LessonsVariable} or the repository's lessons/)", Recursive = true };
        var progressOption = new Option<string?>("--progress") { Description = "Progress file (default: .sandbox/lessons-progress.json next to the stack's endpoints.env)", Recursive = true };
        var userOption = new Option<string>("--user") { Description = "Whose progress to show and record", DefaultValueFactory = _ => Environment.UserName, Recursive = true };
        var learn = new Command("learn", "SQL lessons on the sandbox's own data: list them, read one, check your answer")
        {
            lessonsOption, progressOption, userOption, List(), Show(), Check(),
        };
        return learn;

        Command List()
        {
            var command = new Command("list", "The lessons, in order, with the ones you passed ticked");
            command.SetAction((parse, _) => Guarded(() =>
            {
                var (lessons, progress, user) = Context(parse);
                var passed = progress.PassedBy(user);
                foreach (var lesson in lessons)
                {
                    var requires = lesson.Requires.Count > 0 ? $"  [needs {string.Join(", ", lesson.Requires)}]" : "";
                    Console.WriteLine($"{(passed.ContainsKey(lesson.Number) ? "[x]" : "[ ]")} {lesson.Number,3}  {lesson.Source.ToString().ToLowerInvariant(),-9}  {lesson.Title}{requires}");
                }
                Console.WriteLine($"{passed.Count(p => lessons.Any(l => l.Number == p.Key))}/{lessons.Count} passed by {user}");
                return Task.FromResult(0);
            }));
            return command;
        }

        Command Show()
        {
            var number = new Argument<int>("N") { Description = "Lesson id" };
            var hints = new Option<bool>("--hints") { Description = "Show the hints too" };
            var command = new Command("show", "A lesson's text and question (its discussion once you passed it)") { number, hints };
            command.SetAction((parse, _) => Guarded(() =>
            {
                var (lessons, progress, user) = Context(parse);
                var lesson = Find(lessons, parse.GetValue(number));
                Console.WriteLine($"# {lesson.Number}. {lesson.Title}  ({lesson.Source.ToString().ToLowerInvariant()}{(lesson.Ordered ? ", row order matters" : "")})");
                Console.WriteLine();
                Console.WriteLine(lesson.Body);
                Console.WriteLine();
                Console.WriteLine("## Question");
                Console.WriteLine(lesson.Question.Trim());
                if (parse.GetValue(hints))
                {
                    Console.WriteLine();
                    Console.WriteLine("## Hints");
                    foreach (var hint in lesson.Hints) Console.WriteLine($"- {hint}");
                }
                else if (lesson.Hints.Count > 0)
                {
                    Console.WriteLine($"\n({lesson.Hints.Count} hint(s): add --hints)");
                }
                if (progress.PassedBy(user).ContainsKey(lesson.Number))
                {
                    Console.WriteLine();
                    Console.WriteLine("## Discussion");
                    Console.WriteLine(lesson.Discussion.Trim());
                }
                Console.WriteLine($"\nCheck your answer: sandbox learn check {lesson.Number} --sql answer.sql");
                return Task.FromResult(0);
            }));
            return command;
        }

        Command Check()
        {
            var number = new Argument<int>("N") { Description = "Lesson id" };
            var sqlFile = new Option<string>("--sql") { Description = "File with your SQL ('-' reads standard input)", Required = true };
            var timeout = new Option<int>("--timeout") { Description = "Seconds a query may run", DefaultValueFactory = _ => 30 };
            var command = new Command("check", "Run your SQL and the lesson's solution on the same data and compare the results") { number, sqlFile, timeout };
            command.SetAction((parse, cancellationToken) => Guarded(async () =>
            {
                var (lessons, progress, user) = Context(parse);
                var lesson = Find(lessons, parse.GetValue(number));
                var sql = ReadSql(parse.GetValue(sqlFile)!);
                var limit = TimeSpan.FromSeconds(parse.GetValue(timeout) is > 0 and var s ? s : throw new InvalidOperationException("--timeout must be a positive number of seconds"));
                await using var engines = new Engines(limit);
                var verdict = await new LessonChecker(engines.ForAsync).CheckAsync(lesson, sql, cancellationToken);
                Console.WriteLine(verdict.Passed ? $"PASS  {verdict.Message}" : $"FAIL  {verdict.Message}");
                if (!verdict.Passed) return 1;
                progress.RecordPass(user, lesson.Number, DateTimeOffset.UtcNow);
                Console.WriteLine();
                Console.WriteLine("## Discussion");
                Console.WriteLine(lesson.Discussion.Trim());
                return 0;
            }));
            return command;
        }

        (IReadOnlyList<Lesson> Lessons, ProgressStore Progress, string User) Context(ParseResult parse) =>
            (LessonLoader.LoadDirectory(parse.GetValue(lessonsOption) ?? LessonPaths.LessonsDirectory()),
             new ProgressStore(parse.GetValue(progressOption) ?? LessonPaths.ProgressFile()),
             parse.GetValue(userOption)!);
    }

    // Broken lesson files, a lesson this warehouse cannot run and lake trouble are the user's to fix: one line, exit 2.
    private static async Task<int> Guarded(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is LessonFormatException or LessonBrokenException or LakeException)
        {
            await Console.Error.WriteLineAsync($"learn: {e.Message}");
            return 2;
        }
    }

    private static Lesson Find(IReadOnlyList<Lesson> lessons, int number) =>
        lessons.FirstOrDefault(l => l.Number == number)
        ?? throw new InvalidOperationException($"there is no lesson {number} (lessons: {lessons[0].Number}-{lessons[^1].Number}; see 'sandbox learn list')");

    private static string ReadSql(string file)
    {
        if (file == "-") return Console.In.ReadToEnd();
        return File.Exists(file) ? File.ReadAllText(file) : throw new InvalidOperationException($"--sql file '{file}' does not exist");
    }

    /// <summary>The warehouse (analyst role) and, only when a lake lesson asks, the lake over the archive.</summary>
    private sealed class Engines(TimeSpan timeout) : IAsyncDisposable
    {
        private NpgsqlDataSource? _warehouse;
        private DuckDB.NET.Data.DuckDBConnection? _lake;

        public async Task<IQueryRunner> ForAsync(LessonSource source, CancellationToken cancellationToken)
        {
            if (source == LessonSource.Warehouse)
            {
                _warehouse ??= NpgsqlDataSource.Create(LessonPaths.AnalystConnectionString());
                return new WarehouseRunner(_warehouse, timeout);
            }
            _lake ??= await LakeSession.OpenAsync(EndpointsLoader.Load(), cancellationToken: cancellationToken);
            return new LakeRunner(_lake, timeout);
        }

        public async ValueTask DisposeAsync()
        {
            if (_warehouse is not null) await _warehouse.DisposeAsync();
            _lake?.Dispose();
        }
    }
}
