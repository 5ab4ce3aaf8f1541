using Cos.Generated.Transfer;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadPartPlannerTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_10001_part_input_grows_the_part_size_to_stay_within_10000_parts()
    {
        var size = 10_001 * MiB;

        var partSize = UploadPartPlanner.PartSize(size, MiB);

        partSize.ShouldBe(2 * MiB);
        UploadPartPlanner.PartCount(size, partSize).ShouldBe(5001);
    }

    [Theory]
    [InlineData(10_000 * MiB, MiB, MiB)]                    // exactly 10,000 parts of 1 MiB
    [InlineData((10_000 * MiB) + 1, MiB, 2 * MiB)]
    [InlineData(100 * MiB, 8 * MiB, 8 * MiB)]               // a larger configured size wins
    [InlineData(50_000 * MiB, MiB, 8 * MiB)]
    [InlineData(10_000L * 4096 * MiB + 1, MiB, 5120 * MiB)] // past 4 GiB parts: 5 GiB
    public void Part_size_is_the_configured_size_or_the_first_power_of_two_MiB_that_fits(long size, long chunkSize, long expected)
    {
        var partSize = UploadPartPlanner.PartSize(size, chunkSize);

        partSize.ShouldBe(expected);
        UploadPartPlanner.PartCount(size, partSize).ShouldBeLessThanOrEqualTo(10_000);
    }

    [Fact]
    public void The_largest_object_fits_and_one_byte_more_is_refused()
    {
        UploadPartPlanner.PartSize(UploadPartPlanner.MaxObjectSize, MiB).ShouldBe(5120 * MiB);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => UploadPartPlanner.PartSize(UploadPartPlanner.MaxObjectSize + 1, MiB));
        error.Message.ShouldContain("48.8 TiB");
    }

    [Fact]
    public void Unknown_length_parts_double_every_1000_parts()
    {
        UploadPartPlanner.UnknownLengthPartSize(1, MiB).ShouldBe(MiB);
        UploadPartPlanner.UnknownLengthPartSize(1000, MiB).ShouldBe(MiB);
        UploadPartPlanner.UnknownLengthPartSize(1001, MiB).ShouldBe(2 * MiB);
        UploadPartPlanner.UnknownLengthPartSize(10_000, MiB).ShouldBe(512 * MiB);
        UploadPartPlanner.UnknownLengthPartSize(10_000, 1024 * MiB).ShouldBe(2047 * MiB); // buffered: at most a .NET array
        UploadPartPlanner.UnknownLengthPartSize(1, 5120 * MiB).ShouldBe(2047 * MiB);
    }

    [Fact]
    public void Resume_accepts_only_parts_that_fit_the_plan()
    {
        var size = (2 * MiB) + 10;
        PartSummary Part(int number, long bytes) => new() { PartNumber = number, Size = bytes, ETag = "\"00000000000000000000000000000000\"" };

        UploadResume.Fits([Part(1, MiB), Part(3, 10)], size, MiB).ShouldBeTrue();
        UploadResume.Fits([Part(1, 2 * MiB)], size, MiB).ShouldBeFalse();  // another part size
        UploadResume.Fits([Part(3, MiB)], size, MiB).ShouldBeFalse();      // the last part is short
        UploadResume.Fits([Part(4, 10)], size, MiB).ShouldBeFalse();       // beyond the part count
    }
}
