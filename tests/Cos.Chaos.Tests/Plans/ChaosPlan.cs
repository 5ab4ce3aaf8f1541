using System.Globalization;
using System.Text;

namespace Cos.Chaos.Tests.Plans;

/// <summary>
/// Everything one run does, drawn from its seed alone: the call, the data size, the client's options, the faults
/// and the call's own options. The same seed always draws the same plan (and the same bytes), which is what makes a
/// failing run replayable with <c>COS_CHAOS_SEED</c>. The scenario goes round the kinds by seed, so any run of
/// consecutive seeds covers every call evenly.
/// </summary>
internal sealed record ChaosPlan
{
    private const long MiB = ClientSettings.MiB;

    public required int Seed { get; init; }

    public required ScenarioKind Scenario { get; init; }

    /// <summary>The object's size in bytes (the uploaded, downloaded, copied or read object).</summary>
    public required long Size { get; init; }

    public required ClientSettings Client { get; init; }

    public required IReadOnlyList<FaultSpec> Faults { get; init; }

    /// <summary><see cref="ScenarioKind.UploadStream"/>: a non-seekable stream (read part by part, length unknown).</summary>
    public bool NonSeekableStream { get; init; }

    /// <summary><see cref="ScenarioKind.DownloadFile"/>: the ranged GETs' size.</summary>
    public long DownloadPartSize { get; init; }

    /// <summary><see cref="ScenarioKind.DownloadFile"/>: keep the partial file on failure for a resume.</summary>
    public bool Resumable { get; init; }

    /// <summary><see cref="ScenarioKind.DownloadFile"/>: the destination already holds another file, which must survive a failure.</summary>
    public bool DestinationExists { get; init; }

    /// <summary><see cref="ScenarioKind.Copy"/>: sources above this are copied in parts.</summary>
    public long CopySliceSize { get; init; }

    /// <summary><see cref="ScenarioKind.GetBucket"/>: how many objects the listing must show.</summary>
    public int ListedObjects { get; init; }

    public static ChaosPlan Draw(int seed)
    {
        var random = new Random(seed);
        var scenario = (ScenarioKind)(((seed % ScenarioCount) + ScenarioCount) % ScenarioCount);
        var client = ClientSettings.Draw(random);
        if (scenario == ScenarioKind.KillAndResume)
        {
            // The killed child uploads 1 MiB parts; a resume with other parts would rightly start a new upload.
            client = client with { PartSize = MiB };
        }

        var plan = new ChaosPlan
        {
            Seed = seed,
            Scenario = scenario,
            Size = DrawSize(random, scenario),
            Client = client,
            Faults = [],
            NonSeekableStream = random.Next(3) == 0,
            DownloadPartSize = random.Next(3) switch { 0 => 256 * 1024, 1 => MiB, _ => 4 * MiB },
            Resumable = random.Next(2) == 0,
            DestinationExists = random.Next(3) == 0,
            CopySliceSize = random.Next(2) == 0 ? MiB : 8 * MiB,
            ListedObjects = random.Next(0, 41),
        };
        return plan with { Faults = FaultDraw.Draw(random, plan) };
    }

    /// <summary>The object key of the run (the upload's target, the download's or read's source, the copy's destination).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"chaos/seed-{Seed}.bin");

    /// <summary>The bytes of the object, from the seed.</summary>
    public byte[] CreateData()
    {
        var data = new byte[Size];
        new Random(unchecked((Seed * 7919) + 17)).NextBytes(data);
        return data;
    }

    /// <summary>The call, its size and its own options, in one line.</summary>
    public string Headline
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"seed {Seed}: {Scenario} of {Size} B");
            text.Append(Scenario switch
            {
                ScenarioKind.UploadStream => NonSeekableStream ? " (non-seekable stream)" : " (seekable stream)",
                ScenarioKind.DownloadFile => string.Create(CultureInfo.InvariantCulture, $" (ranges of {DownloadPartSize} B, {(Resumable ? "resumable" : "not resumable")}, destination {(DestinationExists ? "exists" : "absent")})"),
                ScenarioKind.Copy => string.Create(CultureInfo.InvariantCulture, $" (copy slice {CopySliceSize / MiB} MiB)"),
                ScenarioKind.GetBucket => string.Create(CultureInfo.InvariantCulture, $" ({ListedObjects} objects listed)"),
                _ => string.Empty,
            });
            return text.ToString();
        }
    }

    /// <summary>Several lines: the headline, the client's options and the faults.</summary>
    public override string ToString() =>
        $"{Headline}\n  client: {Client}" + string.Concat(Faults.Select(f => $"\n  fault: {f}"));

    private static int ScenarioCount => Enum.GetValues<ScenarioKind>().Length;

    private static long DrawSize(Random random, ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.GetBucket => 0,
        ScenarioKind.KillAndResume => random.NextInt64(4 * MiB, 12 * MiB),
        ScenarioKind.PutObject or ScenarioKind.GetObject => random.Next(4) switch
        {
            0 => random.Next(0, 2) * random.Next(1, 1024),
            1 => random.Next(1024, 256 * 1024),
            _ => random.NextInt64(256 * 1024, 6 * MiB),
        },
        _ => random.Next(10) switch
        {
            0 => 0,
            1 or 2 => random.Next(1, 64 * 1024),
            3 => MiB + random.Next(-1024, 1025), // around the slice size: one PUT or two parts
            4 or 5 or 6 => random.NextInt64(MiB, 8 * MiB),
            7 or 8 => random.NextInt64(8 * MiB, 16 * MiB),
            _ => random.NextInt64(16 * MiB, 32 * MiB),
        },
    };
}
