namespace Sandbox.Lessons.Loading;

/// <summary>A lesson file that cannot be used: the message names the file and what is wrong.</summary>
public sealed class LessonFormatException(string message) : Exception(message);
