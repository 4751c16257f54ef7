namespace Sandbox.Generator.Simulation;

/// <summary>The users one app server sees (load-balancer affinity) and their account state as the days go by.</summary>
public sealed class ServerUsers
{
    public ServerUsers(int[] globalIds, bool[] signedUpBeforeRange)
    {
        Global = globalIds;
        SignedUp = globalIds.Select(u => signedUpBeforeRange[u]).ToArray();
        SignedIn = (bool[])SignedUp.Clone();
    }

    public int[] Global { get; }
    public bool[] SignedUp { get; }
    public bool[] SignedIn { get; }
    public int Count => Global.Length;

    /// <summary>Server of a user: a stable hash, so a user's whole history lands on one server.</summary>
    public static int ServerOf(int user, int servers, ulong seed) =>
        (int)(Randomness.Mix.Derive(seed, 0x5E7E7, (ulong)user) % (ulong)servers);
}
