using System.Globalization;
using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Model;

/// <summary>
/// DynamoDB numbers: up to 38 significant digits, magnitude 1E-130 to 9.99E+125. Arithmetic and order
/// use decimal (28 digits) and fall back to double beyond it (a deviation the README names).
/// </summary>
public static class Numbers
{
    private const int MaxDigits = 38;

    /// <summary>Throws DynamoDB's ValidationException unless <paramref name="text"/> is a number DynamoDB accepts.</summary>
    public static void Validate(string text)
    {
        var digits = 0;
        var seenDigit = false;
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
        var leading = true;
        var dot = false;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && !dot)); i++)
        {
            if (text[i] == '.') { dot = true; continue; }
            seenDigit = true;
            if (leading && text[i] == '0') continue;
            leading = false;
            digits++;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == exponentStart) seenDigit = false;
        }
        if (!seenDigit || i != text.Length)
            throw DynamoDbException.Validation($"The parameter cannot be converted to a numeric value: {text}");
        if (digits > MaxDigits)
            throw DynamoDbException.Validation($"Attempting to store more than 38 significant digits in a Number: {text}");
        var magnitude = Math.Abs(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (magnitude >= 1e126) throw DynamoDbException.Validation($"Number overflow. Attempting to store a number with magnitude larger than supported range: {text}");
        if (magnitude != 0 && magnitude < 1e-130) throw DynamoDbException.Validation($"Number underflow. Attempting to store a number with magnitude smaller than supported range: {text}");
    }

    public static int Compare(string a, string b)
    {
        if (a == b) return 0;
        if (TryDecimal(a, out var x) && TryDecimal(b, out var y)) return x.CompareTo(y);
        return Double(a).CompareTo(Double(b));
    }

    public static string Add(string a, string b) => Combine(a, b, (x, y) => x + y, (x, y) => x + y);

    public static string Subtract(string a, string b) => Combine(a, b, (x, y) => x - y, (x, y) => x - y);

    /// <summary>One spelling per value ("1", "1.0" and "1E0" alike), for hashing keys.</summary>
    public static string Canonical(string text) =>
        TryDecimal(text, out var value) ? (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : Double(text).ToString("R", CultureInfo.InvariantCulture);

    private static string Combine(string a, string b, Func<decimal, decimal, decimal> exact, Func<double, double, double> wide)
    {
        if (TryDecimal(a, out var x) && TryDecimal(b, out var y))
        {
            try
            {
                return exact(x, y).ToString(CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
            }
        }
        var result = wide(Double(a), Double(b)).ToString("R", CultureInfo.InvariantCulture);
        Validate(result);
        return result;
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
