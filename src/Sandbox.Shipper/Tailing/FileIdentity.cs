using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sandbox.Shipper.Tailing;

/// <summary>
/// The inode of a file, as fluentd's pos_file records it, so a rotated file (renamed, a new one
/// created under the old name) is told apart from the same file grown. Linux statx(2); elsewhere 0
/// (the path alone identifies a file).
/// </summary>
internal static partial class FileIdentity
{
    private const int AtFdcwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxIno = 0x100;

    public static ulong Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var buffer = new StatxBuffer();
        return Statx(AtFdcwd, path, 0, StatxIno, ref buffer) == 0 ? buffer.Inode : 0;
    }

    public static ulong Of(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var buffer = new StatxBuffer();
        return Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxIno, ref buffer) == 0 ? buffer.Inode : 0;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref StatxBuffer buffer);

    // struct statx is 256 bytes on every architecture; stx_ino sits at byte 32.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(32)] public ulong Inode;
    }
}
