namespace Sandbox.Generator.Entities;

/// <summary>Users as parallel arrays (struct-of-arrays keeps a million users in ~30 MB and cache-friendly).</summary>
public sealed class UserPool(int count)
{
    public int Count { get; } = count;
    /// <summary>Install day relative to the range start (negative = installed before the range).</summary>
    public int[] InstallDay { get; } = new int[count];
    /// <summary>0 ios, 1 android, 2 web (index into <see cref="Vocabulary.DeviceModels"/>).</summary>
    public byte[] Platform { get; } = new byte[count];
    public byte[] DeviceModel { get; } = new byte[count];
    public byte[] OsVersion { get; } = new byte[count];
    /// <summary>0 ja-JP, 1 en-US.</summary>
    public byte[] Locale { get; } = new byte[count];
    /// <summary>Multiplier on the retention curve: heavy users come back more often.</summary>
    public float[] Engagement { get; } = new float[count];
    /// <summary>Days this user waits before installing an app update.</summary>
    public byte[] UpdateLagDays { get; } = new byte[count];
    /// <summary>Had an account before the range started.</summary>
    public bool[] SignedUpBeforeRange { get; } = new bool[count];
    /// <summary>Index of the Bogus-built profile (nickname, region, age band) this user wears.</summary>
    public int[] Profile { get; } = new int[count];
}

public sealed record UserProfile(string Nickname, string Region, string AgeBand);
