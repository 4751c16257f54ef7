using Sandbox.Generator.Randomness;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Output;

/// <summary>
/// The envelope fields that never change within a session (anonymous_id ... locale), formatted once
/// per session and kept in a direct-mapped cache: a cache hit replaces a dozen small writes and two
/// hashes per event with one copy. A miss just formats again, so the output never depends on hits.
/// </summary>
internal sealed class SessionFieldsCache
{
    private const int SlotBits = 14;
    private const int SlotBytes = 256;

    private static readonly byte[] AnonymousIdKey = "\",\"anonymous_id\":\""u8.ToArray();
    private static readonly byte[] SessionIdKey = "\",\"session_id\":\"s-"u8.ToArray();
    private static readonly byte[] PlatformKey = "\",\"platform\":\""u8.ToArray();
    private static readonly byte[] OsVersionKey = "\",\"os_version\":\""u8.ToArray();
    private static readonly byte[] DeviceModelKey = "\",\"device_model\":\""u8.ToArray();
    private static readonly byte[] AppVersionKey = "\",\"app_version\":\""u8.ToArray();
    private static readonly byte[] LocaleKey = "\",\"locale\":\""u8.ToArray();

    private readonly SimulationModel _model;
    private readonly EncodedPools _text;
    private readonly IdSalts _salts;
    private readonly ulong[] _keys = new ulong[1 << SlotBits];
    private readonly byte[] _lengths = new byte[1 << SlotBits];
    private readonly byte[] _fields = new byte[(1 << SlotBits) * SlotBytes];
    private readonly LineBuilder _scratch = new(1_024);

    public SessionFieldsCache(SimulationModel model, EncodedPools text, IdSalts salts)
    {
        _model = model;
        _text = text;
        _salts = salts;
        Array.Fill(_keys, ulong.MaxValue);
        var longest = AnonymousIdKey.Length + 16 + SessionIdKey.Length + 16 + PlatformKey.Length + text.Platforms.Max(p => p.Length)
            + OsVersionKey.Length + text.OsVersions.SelectMany(v => v).Max(v => v.Length)
            + DeviceModelKey.Length + text.DeviceModels.SelectMany(v => v).Max(v => v.Length)
            + AppVersionKey.Length + text.AppVersions.Max(v => v.Length) + LocaleKey.Length + text.Locales.Max(l => l.Length);
        if (longest > SlotBytes) throw new ArgumentException($"session fields may take {longest} bytes, more than {SlotBytes}: shorten app versions");
    }

    public ReadOnlySpan<byte> Get(in EventRecord r)
    {
        var slot = (int)((r.SessionKey * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
        var offset = slot * SlotBytes;
        if (_keys[slot] != r.SessionKey)
        {
            Format(r);
            _scratch.Written.CopyTo(_fields.AsSpan(offset));
            _lengths[slot] = (byte)_scratch.Length;
            _keys[slot] = r.SessionKey;
        }
        return _fields.AsSpan(offset, _lengths[slot]);
    }

    private void Format(in EventRecord r)
    {
        var users = _model.Pools.Users;
        var platform = users.Platform[r.User];
        var b = _scratch;
        b.Clear();
        b.Raw(AnonymousIdKey);
        b.Hex16(Mix.Bijective(_salts.Anonymous + (ulong)r.User));
        b.Raw(SessionIdKey);
        b.Hex16(Mix.Bijective(_salts.Session + r.SessionKey));
        b.Raw(PlatformKey);
        b.Raw(_text.Platforms[platform]);
        b.Raw(OsVersionKey);
        b.Raw(_text.OsVersions[platform][users.OsVersion[r.User]]);
        b.Raw(DeviceModelKey);
        b.Raw(_text.DeviceModels[platform][users.DeviceModel[r.User]]);
        b.Raw(AppVersionKey);
        b.Raw(_text.AppVersions[r.AppVersion]);
        b.Raw(LocaleKey);
        b.Raw(_text.Locales[users.Locale[r.User]]);
    }
}
