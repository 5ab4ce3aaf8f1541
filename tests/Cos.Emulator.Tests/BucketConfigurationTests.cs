using System.Xml.Linq;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>Bucket configuration documents as they go over the wire, where the typed round trips cannot see.</summary>
public sealed class BucketConfigurationTests
{
    [Fact]
    public async Task Get_bucket_versioning_of_a_bucket_that_never_had_it_is_an_empty_root()
    {
        await using var cos = await Emulators.StartAsync();

        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?versioning"));

        status.ShouldBe(200);
        var root = XDocument.Parse(body).Root.ShouldNotBeNull();
        root.Name.LocalName.ShouldBe("VersioningConfiguration");
        root.HasElements.ShouldBeFalse();
    }

    [Fact]
    public async Task Put_bucket_versioning_is_returned_as_sent()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Suspended });

        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?versioning"));

        status.ShouldBe(200);
        var root = XDocument.Parse(body).Root.ShouldNotBeNull();
        root.Name.LocalName.ShouldBe("VersioningConfiguration");
        root.Element("Status").ShouldNotBeNull().Value.ShouldBe("Suspended");
    }
}
