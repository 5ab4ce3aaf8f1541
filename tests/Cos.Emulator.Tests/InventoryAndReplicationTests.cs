using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Cos.Emulator.Operations;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// What the emulator does with inventory jobs (kept by id, listed in pages, a one-off id used once) and replication
/// rules (refused unless versioning is Enabled on both buckets), beyond the round trips of <see cref="OperationCoverageTests"/>.
/// </summary>
public sealed class InventoryAndReplicationTests
{
    private const string Destination = "destinationbucket-1250000000";

    /// <summary>The body of COS's PUT Bucket inventory sample, element for element as the API reference documents it.</summary>
    private const string DocumentedInventory =
        "<InventoryConfiguration><Id>list1</Id><IsEnabled>true</IsEnabled><Destination><COSBucketDestination><Format>CSV</Format>"
        + "<AccountId>100000000001</AccountId><Bucket>qcs::cos:ap-guangzhou::examplebucket-1250000000</Bucket><Prefix>cos_bucket_inventory</Prefix>"
        + "<Encryption><SSE-COS></SSE-COS></Encryption></COSBucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule>"
        + "<Filter><And><Prefix>myPrefix</Prefix><Tag><Key>age</Key><Value>18</Value></Tag></And></Filter><IncludedObjectVersions>All</IncludedObjectVersions>"
        + "<OptionalFields><Field>Size</Field><Field>LastModifiedDate</Field><Field>ETag</Field><Field>StorageClass</Field><Field>IsMultipartUploaded</Field>"
        + "<Field>ReplicationStatus</Field><Field>Tag</Field><Field>Crc64</Field><Field>x-cos-meta-*</Field></OptionalFields></InventoryConfiguration>";

    [Fact]
    public async Task Inventory_jobs_are_listed_in_pages_of_100_that_the_enumerator_follows_to_the_end()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var ids = Enumerable.Range(0, (2 * CosOperationHandlers.InventoryPageSize) + 7).Select(i => $"job-{i:D4}").ToList();
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            await client.PutBucketInventoryAsync(OperationCoverageTests.Inventory(id));
        }

        var pages = new List<ListBucketInventoryResponse>();
        await foreach (var page in client.ListBucketInventoryPagesAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket }))
        {
            pages.Add(page);
        }

        pages.Select(p => (p.InventoryConfigurations.Count, p.IsTruncated)).ShouldBe([(100, true), (100, true), (7, false)]);
        pages[1].ContinuationToken.ShouldBe(pages[0].NextContinuationToken);
        pages[2].NextContinuationToken.ShouldBeNull();

        var listed = new List<string>();
        await foreach (var configuration in client.EnumerateInventoryConfigurationsAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket }))
        {
            listed.Add(configuration.Id);
        }

        listed.ShouldBe(ids, "every job once, in id order, across the three pages");
    }

    [Fact]
    public async Task An_unknown_inventory_id_is_404_NoSuchInventoryConfiguration()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutBucketInventoryAsync(OperationCoverageTests.Inventory("known"));

        var get = await Should.ThrowAsync<CosException>(() => client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "unknown" }));
        (get.StatusCode, get.ErrorCode).ShouldBe((404, CosErrorCodes.NoSuchInventoryConfiguration));
        var delete = await Should.ThrowAsync<CosException>(() => client.DeleteBucketInventoryAsync(new DeleteBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "unknown" }));
        (delete.StatusCode, delete.ErrorCode).ShouldBe((404, CosErrorCodes.NoSuchInventoryConfiguration));
        (await client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "known" })).Id.ShouldBe("known");
    }

    [Fact]
    public async Task An_inventory_job_whose_body_id_is_not_the_query_id_or_whose_destination_is_no_bucket_is_refused()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var mismatched = OperationCoverageTests.Inventory("list1");
        mismatched = new PutBucketInventoryRequest
        {
            Bucket = mismatched.Bucket,
            Id = "list1",
            ConfigurationId = "list2",
            IsEnabled = true,
            Destination = mismatched.Destination,
            Schedule = mismatched.Schedule,
            IncludedObjectVersions = mismatched.IncludedObjectVersions,
        };
        var error = await Should.ThrowAsync<CosException>(() => client.PutBucketInventoryAsync(mismatched));
        (error.StatusCode, error.ErrorCode).ShouldBe((400, CosErrorCodes.InvalidArgument));

        var noBucket = OperationCoverageTests.Inventory("list1");
        noBucket.Destination.CosBucketDestination.ShouldNotBeNull();
        var wrongDestination = new PutBucketInventoryRequest
        {
            Bucket = noBucket.Bucket,
            Id = "list1",
            ConfigurationId = "list1",
            IsEnabled = true,
            Destination = new InventoryDestination { CosBucketDestination = new InventoryCosBucketDestination { Format = InventoryFormat.Csv, Bucket = Emulators.Bucket } },
            Schedule = noBucket.Schedule,
            IncludedObjectVersions = noBucket.IncludedObjectVersions,
        };
        error = await Should.ThrowAsync<CosException>(() => client.PutBucketInventoryAsync(wrongDestination));
        (error.StatusCode, error.ErrorCode).ShouldBe((400, CosErrorCodes.InvalidArgument), "the destination is qcs::cos:<Region>::<BucketName-APPID>, not a bare bucket name");

        (await client.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket })).InventoryConfigurations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_one_off_inventory_job_cannot_reuse_the_id_of_a_periodic_job()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutBucketInventoryAsync(OperationCoverageTests.Inventory("daily"));
        var periodic = OperationCoverageTests.Inventory("daily");

        var error = await Should.ThrowAsync<CosException>(() => client.PostBucketInventoryAsync(new PostBucketInventoryRequest
        {
            Bucket = Emulators.Bucket,
            Id = "daily",
            ConfigurationId = "daily",
            Destination = periodic.Destination,
            IncludedObjectVersions = InventoryIncludedObjectVersions.Current,
        }));

        (error.StatusCode, error.ErrorCode).ShouldBe((400, CosErrorCodes.InvalidArgument));
    }

    [Fact]
    public async Task The_documented_inventory_body_is_read_and_served_back_with_COS_element_names()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var body = Encoding.UTF8.GetBytes(DocumentedInventory);
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml", ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(body)) };
        var (status, text, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Put, "/?inventory&id=list1", body, headers));
        status.ShouldBe(200, text);

        var typed = await client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" });
        var destination = typed.Destination.ShouldNotBeNull().CosBucketDestination;
        (destination.Format, destination.AccountId, destination.Bucket, destination.Prefix).ShouldBe((InventoryFormat.Csv, "100000000001", "qcs::cos:ap-guangzhou::examplebucket-1250000000", "cos_bucket_inventory"));
        destination.Encryption.ShouldNotBeNull().SseCos.ShouldNotBeNull();
        typed.OptionalFields.ShouldBe(
        [
            InventoryOptionalField.Size, InventoryOptionalField.LastModifiedDate, InventoryOptionalField.ETag, InventoryOptionalField.StorageClass,
            InventoryOptionalField.IsMultipartUploaded, InventoryOptionalField.ReplicationStatus, InventoryOptionalField.Tag, InventoryOptionalField.Crc64,
            InventoryOptionalField.UserMetadata,
        ]);

        (status, text, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?inventory&id=list1"));
        status.ShouldBe(200);
        var root = XDocument.Parse(text).Root.ShouldNotBeNull();
        root.Name.LocalName.ShouldBe("InventoryConfiguration");
        var cosDestination = root.Element("Destination").ShouldNotBeNull().Element("COSBucketDestination").ShouldNotBeNull();
        cosDestination.Element("Encryption").ShouldNotBeNull().Element("SSE-COS").ShouldNotBeNull().Value.ShouldBeEmpty();
        root.Element("Filter").ShouldNotBeNull().Element("And").ShouldNotBeNull().Element("Tag").ShouldNotBeNull().Element("Key").ShouldNotBeNull().Value.ShouldBe("age");
        root.Element("OptionalFields").ShouldNotBeNull().Elements("Field").Select(f => f.Value).Last().ShouldBe("x-cos-meta-*");

        (status, text, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?inventory"));
        status.ShouldBe(200);
        var list = XDocument.Parse(text).Root.ShouldNotBeNull();
        list.Name.LocalName.ShouldBe("ListInventoryConfigurationResult");
        list.Elements("InventoryConfiguration").Select(c => c.Element("Id")?.Value).ShouldBe(["list1"]);
        list.Element("IsTruncated").ShouldNotBeNull().Value.ShouldBe("false");
    }

    [Fact]
    public async Task Replication_is_refused_until_versioning_is_Enabled_on_the_bucket_and_the_destination()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var replication = OperationCoverageTests.Replication(Emulators.Bucket, Destination);

        // The destination does not exist yet.
        await OperationCoverageTests.EnableVersioningAsync(client, Emulators.Bucket);
        (await Should.ThrowAsync<CosException>(() => client.PutBucketReplicationAsync(replication))).ErrorCode.ShouldBe(CosErrorCodes.InvalidRequest);

        // It exists, without versioning; then with versioning suspended.
        await client.PutBucketAsync(new PutBucketRequest { Bucket = Destination });
        (await Should.ThrowAsync<CosException>(() => client.PutBucketReplicationAsync(replication))).ErrorCode.ShouldBe(CosErrorCodes.InvalidRequest);
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Destination, Status = BucketVersioningStatus.Suspended });
        var refused = await Should.ThrowAsync<CosException>(() => client.PutBucketReplicationAsync(replication));
        (refused.StatusCode, refused.ErrorCode).ShouldBe((400, CosErrorCodes.InvalidRequest));

        // Enabled on the destination, but suspended on the source.
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Destination, Status = BucketVersioningStatus.Enabled });
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Suspended });
        (await Should.ThrowAsync<CosException>(() => client.PutBucketReplicationAsync(replication))).ErrorCode.ShouldBe(CosErrorCodes.InvalidRequest);
        (await Should.ThrowAsync<CosException>(() => client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket }))).ErrorCode
            .ShouldBe(CosErrorCodes.ReplicationConfigurationnotFoundError, "nothing refused was stored");

        // Enabled on both.
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled });
        (await client.PutBucketReplicationAsync(replication)).StatusCode.ShouldBe(200);
        (await client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket })).Rules.ShouldBe(replication.Rules);
    }

    [Fact]
    public async Task Replication_rules_with_overlapping_prefixes_are_refused()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await OperationCoverageTests.EnableVersioningAsync(client, Emulators.Bucket, Destination);
        var to = new ReplicationDestination { Bucket = $"qcs::cos:{Emulators.Region}::{Destination}" };

        var error = await Should.ThrowAsync<CosException>(() => client.PutBucketReplicationAsync(OperationCoverageTests.Replication(Emulators.Bucket, Destination,
        [
            new ReplicationRule { ID = "logs", Status = ReplicationRuleStatus.Enabled, Prefix = "logs/", Destination = to },
            new ReplicationRule { ID = "app-logs", Status = ReplicationRuleStatus.Enabled, Prefix = "logs/app/", Destination = to },
        ])));

        (error.StatusCode, error.ErrorCode).ShouldBe((400, CosErrorCodes.InvalidArgument));
    }

    [Fact]
    public async Task The_documented_replication_body_is_read()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await OperationCoverageTests.EnableVersioningAsync(client, Emulators.Bucket, Destination);
        var body = Encoding.UTF8.GetBytes(
            "<ReplicationConfiguration><Role>qcs::cam::uin/100000000001:uin/100000000001</Role><Rule><Status>Enabled</Status><ID>RuleId_01</ID>"
            + "<Prefix>sevenyou_10m</Prefix><Destination><Bucket>qcs::cos:ap-guangzhou::destinationbucket-1250000000</Bucket><StorageClass>Standard</StorageClass>"
            + "</Destination></Rule></ReplicationConfiguration>");
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml", ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(body)) };
        var (status, text, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Put, "/?replication", body, headers));
        status.ShouldBe(200, text);

        var rule = (await client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket })).Rules.ShouldHaveSingleItem();
        (rule.ID, rule.Status, rule.Prefix, rule.Destination.Bucket).ShouldBe(("RuleId_01", ReplicationRuleStatus.Enabled, "sevenyou_10m", "qcs::cos:ap-guangzhou::destinationbucket-1250000000"));
    }

    [Fact]
    public async Task Inventory_jobs_and_replication_rules_survive_a_restart_with_a_data_directory()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "cos-emulator-tests-" + Guid.NewGuid().ToString("N"));
        var options = new CosEmulatorOptions { DataDirectory = dataDir, Buckets = [new EmulatorBucket(Emulators.Bucket), new EmulatorBucket(Destination)] };
        try
        {
            await using (var cos = await CosEmulator.StartAsync(options))
            {
                using var client = Emulators.Client(cos);
                await client.PutBucketInventoryAsync(OperationCoverageTests.Inventory("kept"));
                await client.PutBucketInventoryAsync(OperationCoverageTests.Inventory("dropped"));
                await client.DeleteBucketInventoryAsync(new DeleteBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "dropped" });
                await OperationCoverageTests.EnableVersioningAsync(client, Emulators.Bucket);
                await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Destination, Status = BucketVersioningStatus.Enabled });
                await client.PutBucketReplicationAsync(OperationCoverageTests.Replication(Emulators.Bucket, Destination));
            }

            await using (var cos = await CosEmulator.StartAsync(options))
            {
                using var client = Emulators.Client(cos);
                (await client.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket })).InventoryConfigurations.Select(c => c.Id).ShouldBe(["kept"]);
                (await client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket })).Rules.ShouldHaveSingleItem().ID.ShouldBe("rule1");
            }
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }
}
