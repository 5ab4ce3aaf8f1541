namespace Cos.Cli;

/// <summary>The process exit codes of <c>cos</c> (documented in README.md; scripts depend on them: never renumber).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>The operation failed: a COS error, the network, or a local file.</summary>
    public const int Failed = 1;

    /// <summary>The command line or the settings are wrong (an unknown option, a bad <c>cos://</c> URI, no credentials); nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Some items of a recursive command failed and the others were done; each failure is reported.</summary>
    public const int Partial = 3;

    /// <summary>What the command needs does not exist: the object, the bucket or the local source.</summary>
    public const int NotFound = 4;

    /// <summary>Canceled by Ctrl-C or SIGTERM; a rerun of the same command resumes the transfers it interrupted.</summary>
    public const int Canceled = 130;
}
