using Cos.Emulator.Diagnostics;

namespace Cos.Emulator.Tests;

/// <summary>The emulator is a shipped package: its public surface is the documented one (README.md, "Public API"), nothing more.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Only_the_documented_types_are_public()
    {
        string[] documented =
        [
            "Cos.Emulator.CosEmulator",
            "Cos.Emulator.CosEmulatorOptions",
            "Cos.Emulator.EmulatorBucket",
            "Cos.Emulator.EmulatorKey",
            "Cos.Emulator.TemporaryKey",
            "Cos.Emulator.Diagnostics.LoggedRequest",
            "Cos.Emulator.Diagnostics.RequestLog",
            "Cos.Emulator.Faults.FaultRule",
            "Cos.Emulator.Faults.FaultRules",
            "Cos.Emulator.Storage.BlobInfo",
            "Cos.Emulator.Storage.BucketRecord",
            "Cos.Emulator.Storage.DeletedVersion",
            "Cos.Emulator.Storage.IBlobStore",
            "Cos.Emulator.Storage.IObjectStore",
            "Cos.Emulator.Storage.ObjectProperties",
            "Cos.Emulator.Storage.ObjectRecord",
            "Cos.Emulator.Storage.PartRecord",
            "Cos.Emulator.Storage.UploadRecord",
        ];

        typeof(CosEmulator).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal)
            .ShouldBe(documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_request_log_is_made_by_the_emulator_only()
    {
        typeof(RequestLog).GetConstructors().ShouldBeEmpty("tests read the emulator's log; they do not build their own");
    }
}
