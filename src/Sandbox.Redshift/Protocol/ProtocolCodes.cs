namespace Sandbox.Redshift.Protocol;

/// <summary>Codes of the untyped packets a client may open a connection with (PostgreSQL protocol 3).</summary>
internal static class StartupCode
{
    public const int SslRequest = 80877103;
    public const int GssEncRequest = 80877104;
    public const int CancelRequest = 80877102;
    public const int ProtocolMajor = 3;
    public const int MaxPacketLength = 10_000; // PostgreSQL's own limit on a startup packet
}

/// <summary>Type bytes of the messages a client sends once started.</summary>
internal static class FrontendCode
{
    public const byte Query = (byte)'Q';
    public const byte Parse = (byte)'P';
    public const byte Bind = (byte)'B';
    public const byte Execute = (byte)'E';
    public const byte Describe = (byte)'D';
    public const byte Close = (byte)'C';
    public const byte Sync = (byte)'S';
    public const byte Flush = (byte)'H';
    public const byte FunctionCall = (byte)'F';
    public const byte Terminate = (byte)'X';
    public const byte CopyData = (byte)'d';
    public const byte CopyDone = (byte)'c';
    public const byte CopyFail = (byte)'f';
}

/// <summary>Type bytes of the messages PostgreSQL sends.</summary>
internal static class BackendCode
{
    public const byte BackendKeyData = (byte)'K';
    public const byte ReadyForQuery = (byte)'Z';
    public const byte CommandComplete = (byte)'C';
    public const byte EmptyQueryResponse = (byte)'I';
    public const byte ErrorResponse = (byte)'E';
    public const byte ParseComplete = (byte)'1';
    public const byte BindComplete = (byte)'2';
    public const byte CloseComplete = (byte)'3';
    public const byte RowDescription = (byte)'T';
    public const byte NoData = (byte)'n';
    public const byte DataRow = (byte)'D';
    public const byte PortalSuspended = (byte)'s';
    public const byte CopyInResponse = (byte)'G';
    public const byte CopyOutResponse = (byte)'H';
    public const byte CopyDone = (byte)'c';
    public const byte CopyData = (byte)'d';
    public const byte FunctionCallResponse = (byte)'V';
}
