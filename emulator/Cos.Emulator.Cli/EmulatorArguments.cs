using System.Globalization;

namespace Cos.Emulator.Cli;

/// <summary>The standalone command line.</summary>
internal static class EmulatorArguments
{
    public const string Usage =
        "usage: cos-emulator [--port N] [--host ADDRESS] [--secret-id ID] [--secret-key KEY] [--data-dir DIR] [--discard-bodies] [--no-auth] [--bucket NAME[@REGION]]...";

    public static CosEmulatorOptions? Parse(string[] args, out string? error, out bool help)
    {
        error = null;
        help = false;
        var port = 0;
        string host = "127.0.0.1", secretId = CosEmulatorOptions.DefaultSecretId, secretKey = CosEmulatorOptions.DefaultSecretKey;
        string? dataDir = null;
        var discard = false;
        var skipAuthentication = false;
        var buckets = new List<EmulatorBucket>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                help = true;
                return null;
            }

            if (name == "--discard-bodies")
            {
                discard = true;
                continue;
            }

            if (name == "--no-auth")
            {
                skipAuthentication = true; // Benchmarks only: see CosEmulatorOptions.SkipAuthentication.
                continue;
            }

            if (name is not ("--port" or "--host" or "--secret-id" or "--secret-key" or "--data-dir" or "--bucket"))
            {
                error = $"unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Length || args[i + 1].Length == 0)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        error = $"--port '{value}' is not a port number (0-65535; 0 picks a free port).";
                        return null;
                    }

                    break;
                case "--host":
                    if (!System.Net.IPAddress.TryParse(value, out _))
                    {
                        error = $"--host '{value}' is not an IP address.";
                        return null;
                    }

                    host = value;
                    break;
                case "--secret-id":
                    secretId = value;
                    break;
                case "--secret-key":
                    secretKey = value;
                    break;
                case "--data-dir":
                    dataDir = Path.GetFullPath(value);
                    break;
                case "--bucket":
                    var at = value.IndexOf('@');
                    var bucket = at < 0 ? new EmulatorBucket(value) : new EmulatorBucket(value[..at], value[(at + 1)..]);
                    if (!Cos.Emulator.Routing.CosRouter.IsValidBucketName(bucket.Name))
                    {
                        error = $"--bucket '{bucket.Name}' is not a COS bucket name (name-appid).";
                        return null;
                    }

                    buckets.Add(bucket);
                    break;
            }
        }

        if (discard && dataDir is not null)
        {
            error = "--discard-bodies and --data-dir cannot be combined.";
            return null;
        }

        return new CosEmulatorOptions
        {
            Port = port,
            BindAddress = host,
            SecretId = secretId,
            SecretKey = secretKey,
            DataDirectory = dataDir,
            DiscardBodies = discard,
            SkipAuthentication = skipAuthentication,
            Buckets = buckets,
        };
    }
}
