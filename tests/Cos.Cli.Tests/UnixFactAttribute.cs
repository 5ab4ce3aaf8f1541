namespace Cos.Cli.Tests;

/// <summary>A fact that needs POSIX signals (SIGINT); skipped, with the reason, elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "sends SIGINT, which Windows does not have";
        }
    }
}
