using System.Text;
using System.Xml;
using Cos.Generated.Protocol;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Xml;

/// <summary>
/// Every structure in the spec is written to the XML COS documents (written out by hand below)
/// and read back to an equal value.
/// </summary>
public sealed class ShapeXmlTests
{
    private static readonly DateTimeOffset When = new(2026, 10, 28, 20, 30, 15, 123, TimeSpan.Zero);
    private static readonly Owner Someone = new() { ID = "qcs::cam::uin/100000000001:uin/100000000001", DisplayName = "100000000001" };

    [Fact]
    public void Owner_round_trips() => RoundTrip(
        Someone,
        "<ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName>",
        OwnerXml.WriteMembers,
        OwnerXml.Read);

    [Fact]
    public void BucketSummary_round_trips() => RoundTrip(
        new BucketSummary { Name = "examplebucket-1250000000", Location = "ap-beijing", CreationDate = When, BucketType = "cos" },
        "<Name>examplebucket-1250000000</Name><Location>ap-beijing</Location><CreationDate>2026-10-28T20:30:15.123Z</CreationDate><BucketType>cos</BucketType>",
        BucketSummaryXml.WriteMembers,
        BucketSummaryXml.Read);

    [Fact]
    public void ObjectSummary_round_trips() => RoundTrip(
        new ObjectSummary { Key = "dir/a b&c.txt", LastModified = When, ETag = "\"9a4802d5c99dafe1c04da0a8e7e166bf\"", Size = 5368709120, Owner = Someone, StorageClass = StorageClass.StandardIa, StorageTier = "FREQUENT" },
        "<Key>dir/a b&amp;c.txt</Key><LastModified>2026-10-28T20:30:15.123Z</LastModified><ETag>\"9a4802d5c99dafe1c04da0a8e7e166bf\"</ETag><Size>5368709120</Size>"
        + "<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner><StorageClass>STANDARD_IA</StorageClass><StorageTier>FREQUENT</StorageTier>",
        ObjectSummaryXml.WriteMembers,
        ObjectSummaryXml.Read);

    [Fact]
    public void CommonPrefix_round_trips() => RoundTrip(
        new CommonPrefix { Prefix = "photos/2026/" }, "<Prefix>photos/2026/</Prefix>", CommonPrefixXml.WriteMembers, CommonPrefixXml.Read);

    [Fact]
    public void ObjectVersion_round_trips() => RoundTrip(
        new ObjectVersion { Key = "a.txt", VersionId = "MTg0NDUxNTc1NjIzMTQ1MDAwODg", IsLatest = false, LastModified = When, ETag = "\"9a4802d5c99dafe1c04da0a8e7e166bf\"", Size = 1024, StorageClass = StorageClass.Standard, Owner = Someone },
        "<Key>a.txt</Key><VersionId>MTg0NDUxNTc1NjIzMTQ1MDAwODg</VersionId><IsLatest>false</IsLatest><LastModified>2026-10-28T20:30:15.123Z</LastModified>"
        + "<ETag>\"9a4802d5c99dafe1c04da0a8e7e166bf\"</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass>"
        + "<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>",
        ObjectVersionXml.WriteMembers,
        ObjectVersionXml.Read);

    [Fact]
    public void DeleteMarkerEntry_round_trips() => RoundTrip(
        new DeleteMarkerEntry { Key = "a.txt", VersionId = "null", IsLatest = true, LastModified = When, Owner = Someone },
        "<Key>a.txt</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>2026-10-28T20:30:15.123Z</LastModified>"
        + "<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>",
        DeleteMarkerEntryXml.WriteMembers,
        DeleteMarkerEntryXml.Read);

    [Fact]
    public void ObjectIdentifier_round_trips() => RoundTrip(
        new ObjectIdentifier { Key = "中文/文件.jpg", VersionId = "MTg0NDUxNTc1NjIzMTQ1MDAwODg" },
        "<Key>中文/文件.jpg</Key><VersionId>MTg0NDUxNTc1NjIzMTQ1MDAwODg</VersionId>",
        ObjectIdentifierXml.WriteMembers,
        ObjectIdentifierXml.Read);

    [Fact]
    public void DeletedObject_round_trips() => RoundTrip(
        new DeletedObject { Key = "a.txt", VersionId = "v1", DeleteMarker = true, DeleteMarkerVersionId = "v2" },
        "<Key>a.txt</Key><VersionId>v1</VersionId><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>v2</DeleteMarkerVersionId>",
        DeletedObjectXml.WriteMembers,
        DeletedObjectXml.Read);

    [Fact]
    public void DeleteError_round_trips() => RoundTrip(
        new DeleteError { Key = "b.txt", VersionId = "v3", Code = "AccessDenied", Message = "Access Denied" },
        "<Key>b.txt</Key><VersionId>v3</VersionId><Code>AccessDenied</Code><Message>Access Denied</Message>",
        DeleteErrorXml.WriteMembers,
        DeleteErrorXml.Read);

    [Fact]
    public void CompletedPart_round_trips() => RoundTrip(
        new CompletedPart { PartNumber = 10000, ETag = "\"e1a5dcb0f2b0b4f4c0d8d4b9e6f0a3c1\"" },
        "<PartNumber>10000</PartNumber><ETag>\"e1a5dcb0f2b0b4f4c0d8d4b9e6f0a3c1\"</ETag>",
        CompletedPartXml.WriteMembers,
        CompletedPartXml.Read);

    [Fact]
    public void PartSummary_round_trips() => RoundTrip(
        new PartSummary { PartNumber = 2, LastModified = When, ETag = "\"x\"", Size = 1048576 },
        "<PartNumber>2</PartNumber><LastModified>2026-10-28T20:30:15.123Z</LastModified><ETag>\"x\"</ETag><Size>1048576</Size>",
        PartSummaryXml.WriteMembers,
        PartSummaryXml.Read);

    [Fact]
    public void MultipartUpload_round_trips() => RoundTrip(
        new MultipartUpload { Key = "big.bin", UploadId = "1585130821cbb7df1d11846c073ad648", StorageClass = StorageClass.Archive, Initiator = Someone, Owner = Someone, Initiated = When },
        "<Key>big.bin</Key><UploadId>1585130821cbb7df1d11846c073ad648</UploadId><StorageClass>ARCHIVE</StorageClass>"
        + "<Initiator><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Initiator>"
        + "<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner><Initiated>2026-10-28T20:30:15.123Z</Initiated>",
        MultipartUploadXml.WriteMembers,
        MultipartUploadXml.Read);

    [Fact]
    public void Grantee_round_trips() => RoundTripElement(
        new Grantee { Type = GranteeType.CanonicalUser, ID = "qcs::cam::uin/100000000001:uin/100000000011", DisplayName = "100000000011" },
        "<Root xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>qcs::cam::uin/100000000001:uin/100000000011</ID><DisplayName>100000000011</DisplayName></Root>",
        GranteeXml.WriteMembers,
        GranteeXml.Read);

    [Fact]
    public void Grantee_reads_xsi_type_by_namespace_whatever_the_prefix() =>
        Read("<Grantee xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" i:type=\"Group\" type=\"not this\"><URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee>", GranteeXml.Read)
            .ShouldBe(new Grantee { Type = GranteeType.Group, URI = "http://cam.qcloud.com/groups/global/AllUsers" });

    [Fact]
    public void Grant_round_trips() => RoundTrip(
        new Grant { Grantee = new Grantee { Type = GranteeType.Group, URI = "http://cam.qcloud.com/groups/global/AllUsers" }, Permission = Permission.Read },
        "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\"><URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission>",
        GrantXml.WriteMembers,
        GrantXml.Read);

    [Fact]
    public void WebsiteIndexDocument_round_trips() => RoundTrip(
        new WebsiteIndexDocument { Suffix = "index.html" }, "<Suffix>index.html</Suffix>", WebsiteIndexDocumentXml.WriteMembers, WebsiteIndexDocumentXml.Read);

    [Fact]
    public void WebsiteRedirectAll_round_trips() => RoundTrip(
        new WebsiteRedirectAll { Protocol = "https" }, "<Protocol>https</Protocol>", WebsiteRedirectAllXml.WriteMembers, WebsiteRedirectAllXml.Read);

    [Fact]
    public void WebsiteAutoAddressing_round_trips() => RoundTrip(
        new WebsiteAutoAddressing { Status = "Enabled" }, "<Status>Enabled</Status>", WebsiteAutoAddressingXml.WriteMembers, WebsiteAutoAddressingXml.Read);

    [Fact]
    public void WebsiteErrorDocument_round_trips() => RoundTrip(
        new WebsiteErrorDocument { Key = "pages/error.html", OriginalHttpStatus = "Enabled" },
        "<Key>pages/error.html</Key><OriginalHttpStatus>Enabled</OriginalHttpStatus>",
        WebsiteErrorDocumentXml.WriteMembers,
        WebsiteErrorDocumentXml.Read);

    [Fact]
    public void WebsiteRoutingRule_round_trips() => RoundTrip(
        new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { HttpErrorCodeReturnedEquals = 404 }, Redirect = new WebsiteRedirect { Protocol = "https", ReplaceKeyWith = "404.html" } },
        "<Condition><HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition><Redirect><Protocol>https</Protocol><ReplaceKeyWith>404.html</ReplaceKeyWith></Redirect>",
        WebsiteRoutingRuleXml.WriteMembers,
        WebsiteRoutingRuleXml.Read);

    [Fact]
    public void WebsiteRoutingCondition_round_trips() => RoundTrip(
        new WebsiteRoutingCondition { KeyPrefixEquals = "docs/" }, "<KeyPrefixEquals>docs/</KeyPrefixEquals>", WebsiteRoutingConditionXml.WriteMembers, WebsiteRoutingConditionXml.Read);

    [Fact]
    public void WebsiteRedirect_round_trips() => RoundTrip(
        new WebsiteRedirect { ReplaceKeyPrefixWith = "documents/" }, "<ReplaceKeyPrefixWith>documents/</ReplaceKeyPrefixWith>", WebsiteRedirectXml.WriteMembers, WebsiteRedirectXml.Read);

    [Fact]
    public void Tag_round_trips() => RoundTrip(
        new Tag { Key = "team", Value = "storage & <ops>" },
        "<Key>team</Key><Value>storage &amp; &lt;ops&gt;</Value>",
        TagXml.WriteMembers,
        TagXml.Read);

    [Fact]
    public void CASJobParameters_round_trips() => RoundTrip(
        new CASJobParameters { Tier = RestoreTier.Expedited },
        "<Tier>Expedited</Tier>",
        CASJobParametersXml.WriteMembers,
        CASJobParametersXml.Read);

    [Fact]
    public void CorsRule_round_trips()
    {
        // The lists are flattened: one element per origin, method and header, as in COS's PUT Bucket cors sample.
        var rule = new CorsRule
        {
            Id = "1234",
            AllowedOrigins = ["http://www.qq.com", "https://*.example.com"],
            AllowedMethods = [CorsMethod.Put, CorsMethod.Get],
            AllowedHeaders = ["x-cos-meta-test"],
            ExposeHeaders = ["x-cos-meta-test1", "ETag"],
            MaxAgeSeconds = 500,
        };
        var xml = Write(rule, CorsRuleXml.WriteMembers);
        xml.ShouldBe("<Root><ID>1234</ID><AllowedOrigin>http://www.qq.com</AllowedOrigin><AllowedOrigin>https://*.example.com</AllowedOrigin>"
            + "<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>x-cos-meta-test</AllowedHeader>"
            + "<ExposeHeader>x-cos-meta-test1</ExposeHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>500</MaxAgeSeconds></Root>");

        // Lists compare by reference in the record's Equals, so the read side is checked member by member.
        var read = Read(xml, CorsRuleXml.Read);
        read.Id.ShouldBe("1234");
        read.AllowedOrigins.ShouldBe(rule.AllowedOrigins);
        read.AllowedMethods.ShouldBe(rule.AllowedMethods);
        read.AllowedHeaders.ShouldBe(rule.AllowedHeaders);
        read.ExposeHeaders.ShouldBe(rule.ExposeHeaders);
        read.MaxAgeSeconds.ShouldBe(500);
    }

    [Fact]
    public void BucketEncryptionRule_round_trips() => RoundTrip(
        new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Kms, KmsMasterKeyId = "key-1" } },
        "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>",
        BucketEncryptionRuleXml.WriteMembers,
        BucketEncryptionRuleXml.Read);

    [Fact]
    public void BucketEncryptionRule_reads_the_older_element_name()
    {
        // The older API reference (and the JS SDK's docs) name the element ApplySideEncryptionConfiguration.
        var rule = Read("<Rule><ApplySideEncryptionConfiguration><SSEAlgorithm>AES256</SSEAlgorithm></ApplySideEncryptionConfiguration></Rule>", BucketEncryptionRuleXml.Read);

        rule.ApplyServerSideEncryptionByDefault.SseAlgorithm.ShouldBe(BucketEncryptionAlgorithm.Aes256);
    }

    [Fact]
    public void BucketEncryptionDefault_round_trips() => RoundTrip(
        new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Aes256 },
        "<SSEAlgorithm>AES256</SSEAlgorithm>",
        BucketEncryptionDefaultXml.WriteMembers,
        BucketEncryptionDefaultXml.Read);

    [Fact]
    public void SelectInputSerialization_round_trips() => RoundTrip(
        new SelectInputSerialization { CompressionType = "GZIP", Json = new SelectJsonInput { Type = "LINES" } },
        "<CompressionType>GZIP</CompressionType><JSON><Type>LINES</Type></JSON>",
        SelectInputSerializationXml.WriteMembers,
        SelectInputSerializationXml.Read);

    [Fact]
    public void SelectCsvInput_round_trips() => RoundTrip(
        new SelectCsvInput { FileHeaderInfo = "USE", RecordDelimiter = ";", FieldDelimiter = ",", QuoteCharacter = "\"", QuoteEscapeCharacter = "\"", Comments = "#", AllowQuotedRecordDelimiter = true },
        "<FileHeaderInfo>USE</FileHeaderInfo><RecordDelimiter>;</RecordDelimiter><FieldDelimiter>,</FieldDelimiter><QuoteCharacter>\"</QuoteCharacter>"
        + "<QuoteEscapeCharacter>\"</QuoteEscapeCharacter><Comments>#</Comments><AllowQuotedRecordDelimiter>true</AllowQuotedRecordDelimiter>",
        SelectCsvInputXml.WriteMembers,
        SelectCsvInputXml.Read);

    [Fact]
    public void SelectJsonInput_round_trips() => RoundTrip(
        new SelectJsonInput { Type = "DOCUMENT" }, "<Type>DOCUMENT</Type>", SelectJsonInputXml.WriteMembers, SelectJsonInputXml.Read);

    [Fact]
    public void SelectOutputSerialization_round_trips() => RoundTrip(
        new SelectOutputSerialization { Csv = new SelectCsvOutput { QuoteFields = "ASNEEDED" } },
        "<CSV><QuoteFields>ASNEEDED</QuoteFields></CSV>",
        SelectOutputSerializationXml.WriteMembers,
        SelectOutputSerializationXml.Read);

    [Fact]
    public void SelectCsvOutput_round_trips() => RoundTrip(
        new SelectCsvOutput { QuoteFields = "ALWAYS", RecordDelimiter = ";", FieldDelimiter = "|", QuoteCharacter = "'", QuoteEscapeCharacter = "\\" },
        "<QuoteFields>ALWAYS</QuoteFields><RecordDelimiter>;</RecordDelimiter><FieldDelimiter>|</FieldDelimiter><QuoteCharacter>'</QuoteCharacter><QuoteEscapeCharacter>\\</QuoteEscapeCharacter>",
        SelectCsvOutputXml.WriteMembers,
        SelectCsvOutputXml.Read);

    [Fact]
    public void Newline_delimiters_are_written_as_given()
    {
        // A CSV record delimiter of \r\n must reach COS as CR LF, not as the platform's newline.
        Write(new SelectCsvOutput { RecordDelimiter = "\r\n" }, SelectCsvOutputXml.WriteMembers).ShouldBe("<Root><RecordDelimiter>&#xD;\n</RecordDelimiter></Root>");
        Write(new SelectCsvInput { RecordDelimiter = "\n" }, SelectCsvInputXml.WriteMembers).ShouldBe("<Root><RecordDelimiter>\n</RecordDelimiter></Root>");
    }

    [Fact]
    public void SelectJsonOutput_round_trips() => RoundTrip(
        new SelectJsonOutput { RecordDelimiter = "," }, "<RecordDelimiter>,</RecordDelimiter>", SelectJsonOutputXml.WriteMembers, SelectJsonOutputXml.Read);

    [Fact]
    public void SelectRequestProgress_round_trips() => RoundTrip(
        new SelectRequestProgress { Enabled = true }, "<Enabled>true</Enabled>", SelectRequestProgressXml.WriteMembers, SelectRequestProgressXml.Read);

    [Fact]
    public void SelectStats_round_trips() => RoundTrip(
        new SelectStats { BytesScanned = 5368709120, BytesProcessed = 5368709120, BytesReturned = 12 },
        "<BytesScanned>5368709120</BytesScanned><BytesProcessed>5368709120</BytesProcessed><BytesReturned>12</BytesReturned>",
        SelectStatsXml.WriteMembers,
        SelectStatsXml.Read);

    [Fact]
    public void Every_generated_shape_has_a_round_trip_test()
    {
        var shapes = typeof(CosClient).Assembly.GetTypes()
            .Where(t => t.Namespace == "Cos.Generated" && t.Name.EndsWith("Xml", StringComparison.Ordinal) && t.GetMethod("Read") is not null)
            .Select(t => t.Name[..^3] + "_round_trips")
            .Order()
            .ToList();
        var tests = typeof(ShapeXmlTests).GetMethods().Select(m => m.Name).Where(n => n.EndsWith("_round_trips", StringComparison.Ordinal)).Order().ToList();

        shapes.ShouldNotBeEmpty();
        tests.ShouldBe(shapes);
    }

    [Fact]
    public void Unknown_elements_comments_and_whitespace_are_skipped_when_reading()
    {
        var summary = Read(
            "<Contents>\n  <!-- a comment -->\n  <Future><Nested>1</Nested></Future>\n  <Key>k</Key>\n  <Size>7</Size>\n  <Owner/>\n</Contents>",
            ObjectSummaryXml.Read);

        summary.ShouldBe(new ObjectSummary { Key = "k", Size = 7, Owner = new Owner() });
    }

    [Fact]
    public void An_unknown_enum_value_is_kept()
    {
        var summary = Read("<Contents><StorageClass>COLD_FUTURE</StorageClass></Contents>", ObjectSummaryXml.Read);
        summary.StorageClass!.Value.Value.ShouldBe("COLD_FUTURE");
    }

    // Inventory and replication: element names as the COS API reference documents them (PUT Bucket inventory, List
    // Bucket Inventory Configurations, PUT Bucket replication), SSE-COS included.
    private static readonly InventoryDestination CosDestination = new()
    {
        CosBucketDestination = new InventoryCosBucketDestination
        {
            Format = InventoryFormat.Csv,
            AccountId = "100000000001",
            Bucket = "qcs::cos:ap-guangzhou::examplebucket-1250000000",
            Prefix = "cos_bucket_inventory",
            Encryption = new InventoryEncryption { SseCos = new InventorySseCos() },
        },
    };

    private const string CosDestinationXml =
        "<COSBucketDestination><Format>CSV</Format><AccountId>100000000001</AccountId><Bucket>qcs::cos:ap-guangzhou::examplebucket-1250000000</Bucket>"
        + "<Prefix>cos_bucket_inventory</Prefix><Encryption><SSE-COS /></Encryption></COSBucketDestination>";

    [Fact]
    public void InventoryConfiguration_round_trips() => RoundTripEquivalent(
        new InventoryConfiguration
        {
            Id = "list1",
            IsEnabled = true,
            Destination = CosDestination,
            Schedule = new InventorySchedule { Frequency = InventoryFrequency.Daily },
            Filter = new InventoryFilter { Prefix = "myPrefix" },
            IncludedObjectVersions = InventoryIncludedObjectVersions.All,
            OptionalFields = [InventoryOptionalField.Size, InventoryOptionalField.LastModifiedDate, InventoryOptionalField.ETag, InventoryOptionalField.StorageClass, InventoryOptionalField.UserMetadata],
        },
        "<Id>list1</Id><IsEnabled>true</IsEnabled><Destination>" + CosDestinationXml + "</Destination><Schedule><Frequency>Daily</Frequency></Schedule>"
        + "<Filter><Prefix>myPrefix</Prefix></Filter><IncludedObjectVersions>All</IncludedObjectVersions>"
        + "<OptionalFields><Field>Size</Field><Field>LastModifiedDate</Field><Field>ETag</Field><Field>StorageClass</Field><Field>x-cos-meta-*</Field></OptionalFields>",
        InventoryConfigurationXml.WriteMembers,
        InventoryConfigurationXml.Read);

    [Fact]
    public void InventoryDestination_round_trips() => RoundTrip(CosDestination, CosDestinationXml, InventoryDestinationXml.WriteMembers, InventoryDestinationXml.Read);

    [Fact]
    public void InventoryCosBucketDestination_round_trips() => RoundTrip(
        new InventoryCosBucketDestination { Format = InventoryFormat.Csv, Bucket = "qcs::cos:ap-beijing::examplebucket-1250000000" },
        "<Format>CSV</Format><Bucket>qcs::cos:ap-beijing::examplebucket-1250000000</Bucket>",
        InventoryCosBucketDestinationXml.WriteMembers,
        InventoryCosBucketDestinationXml.Read);

    [Fact]
    public void InventoryEncryption_round_trips() => RoundTrip(
        new InventoryEncryption { SseCos = new InventorySseCos() }, "<SSE-COS />", InventoryEncryptionXml.WriteMembers, InventoryEncryptionXml.Read);

    [Fact]
    public void InventorySseCos_round_trips() => RoundTripElement(new InventorySseCos(), "<Root />", InventorySseCosXml.WriteMembers, InventorySseCosXml.Read);

    [Fact]
    public void InventorySchedule_round_trips() => RoundTrip(
        new InventorySchedule { Frequency = InventoryFrequency.Weekly }, "<Frequency>Weekly</Frequency>", InventoryScheduleXml.WriteMembers, InventoryScheduleXml.Read);

    [Fact]
    public void InventoryFilter_round_trips() => RoundTrip(
        new InventoryFilter { Period = new InventoryPeriod { StartTime = DateTimeOffset.FromUnixTimeSeconds(1568688761), EndTime = DateTimeOffset.FromUnixTimeSeconds(1568688762) } },
        "<Period><StartTime>1568688761</StartTime><EndTime>1568688762</EndTime></Period>",
        InventoryFilterXml.WriteMembers,
        InventoryFilterXml.Read);

    [Fact]
    public void InventoryFilterAnd_round_trips() => RoundTripEquivalent(
        new InventoryFilterAnd { Prefix = "myPrefix", Tags = [new Tag { Key = "age", Value = "18" }, new Tag { Key = "team", Value = "ops" }] },
        "<Prefix>myPrefix</Prefix><Tag><Key>age</Key><Value>18</Value></Tag><Tag><Key>team</Key><Value>ops</Value></Tag>",
        InventoryFilterAndXml.WriteMembers,
        InventoryFilterAndXml.Read);

    [Fact]
    public void InventoryPeriod_round_trips() => RoundTrip(
        new InventoryPeriod { StartTime = DateTimeOffset.FromUnixTimeSeconds(1568688761) }, "<StartTime>1568688761</StartTime>", InventoryPeriodXml.WriteMembers, InventoryPeriodXml.Read);

    [Fact]
    public void ReplicationRule_round_trips() => RoundTrip(
        new ReplicationRule
        {
            ID = "RuleId_01",
            Status = ReplicationRuleStatus.Enabled,
            Prefix = "sevenyou_10m",
            Destination = new ReplicationDestination { Bucket = "qcs::cos:ap-chengdu::destinationbucket-1250000000", StorageClass = StorageClass.StandardIa },
        },
        "<ID>RuleId_01</ID><Status>Enabled</Status><Prefix>sevenyou_10m</Prefix>"
        + "<Destination><Bucket>qcs::cos:ap-chengdu::destinationbucket-1250000000</Bucket><StorageClass>STANDARD_IA</StorageClass></Destination>",
        ReplicationRuleXml.WriteMembers,
        ReplicationRuleXml.Read);

    [Fact]
    public void ReplicationDestination_round_trips() => RoundTrip(
        new ReplicationDestination { Bucket = "qcs::cos:ap-chengdu::destinationbucket-1250000000" },
        "<Bucket>qcs::cos:ap-chengdu::destinationbucket-1250000000</Bucket>",
        ReplicationDestinationXml.WriteMembers,
        ReplicationDestinationXml.Read);

    [Fact]
    public void The_documented_SSE_COS_element_with_an_end_tag_is_read()
    {
        var encryption = Read("<Encryption><SSE-COS></SSE-COS></Encryption>", InventoryEncryptionXml.Read);
        encryption.SseCos.ShouldNotBeNull();
        Read("<Encryption></Encryption>", InventoryEncryptionXml.Read).SseCos.ShouldBeNull();
    }

    /// <summary>
    /// Like <see cref="RoundTrip"/>, for shapes with lists, which records compare by reference: what is read back writes
    /// the same document again.
    /// </summary>
    private static void RoundTripEquivalent<T>(T value, string expectedMembers, Action<XmlWriter, T> write, Func<XmlReader, T> read)
    {
        var xml = Write(value, write);
        xml.ShouldBe("<Root>" + expectedMembers + "</Root>");
        Write(Read(xml, read), write).ShouldBe(xml);
    }

    [Fact]
    public void LifecycleRule_round_trips()
    {
        // The first rule of COS's PUT Bucket lifecycle sample: ID, Filter{And{Prefix, Tag}}, Status, Transition, NoncurrentVersionExpiration.
        var rule = new LifecycleRule
        {
            ID = "id1",
            Filter = new LifecycleFilter { And = new LifecycleFilterAnd { Prefix = "documents/", Tags = [new Tag { Key = "key1", Value = "value1" }, new Tag { Key = "key2", Value = "value2" }] } },
            Status = LifecycleRuleStatus.Enabled,
            Transitions = [new LifecycleTransition { Days = 30, StorageClass = StorageClass.StandardIa }, new LifecycleTransition { Days = 90, StorageClass = StorageClass.Archive }],
            NoncurrentVersionExpiration = new LifecycleNoncurrentVersionExpiration { NoncurrentDays = 180 },
        };
        var xml = Write(rule, LifecycleRuleXml.WriteMembers);
        xml.ShouldBe("<Root><ID>id1</ID><Filter><And><Prefix>documents/</Prefix><Tag><Key>key1</Key><Value>value1</Value></Tag><Tag><Key>key2</Key><Value>value2</Value></Tag></And></Filter>"
            + "<Status>Enabled</Status><Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition><Transition><Days>90</Days><StorageClass>ARCHIVE</StorageClass></Transition>"
            + "<NoncurrentVersionExpiration><NoncurrentDays>180</NoncurrentDays></NoncurrentVersionExpiration></Root>");

        // Lists compare by reference in the record's Equals, so the read side is checked member by member.
        var read = Read(xml, LifecycleRuleXml.Read);
        read.ID.ShouldBe("id1");
        read.Status.ShouldBe(LifecycleRuleStatus.Enabled);
        read.Filter!.And!.Prefix.ShouldBe("documents/");
        read.Filter.And.Tags.ShouldBe(rule.Filter.And.Tags);
        read.Transitions.ShouldBe(rule.Transitions);
        read.NoncurrentVersionExpiration.ShouldBe(rule.NoncurrentVersionExpiration);
        read.Expiration.ShouldBeNull();
        read.NoncurrentVersionTransitions.ShouldBeEmpty();
    }

    [Fact]
    public void LifecycleRule_reads_the_versioned_sample_rule()
    {
        // The third rule of COS's sample: a delete-marker expiration, noncurrent versions and incomplete uploads.
        var rule = Read(
            "<Rule><ID>id3</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Disabled</Status>"
            + "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>"
            + "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays><StorageClass>STANDARD_IA</StorageClass></NoncurrentVersionTransition>"
            + "<NoncurrentVersionTransition><NoncurrentDays>90</NoncurrentDays><StorageClass>DEEP_ARCHIVE</StorageClass></NoncurrentVersionTransition>"
            + "<NoncurrentVersionExpiration><NoncurrentDays>365</NoncurrentDays></NoncurrentVersionExpiration>"
            + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>",
            LifecycleRuleXml.Read);

        rule.Status.ShouldBe(LifecycleRuleStatus.Disabled);
        rule.Filter.ShouldBe(new LifecycleFilter { Prefix = "logs/" });
        rule.Expiration.ShouldBe(new LifecycleExpiration { ExpiredObjectDeleteMarker = true });
        rule.NoncurrentVersionTransitions.ShouldBe(
        [
            new LifecycleNoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClass.StandardIa },
            new LifecycleNoncurrentVersionTransition { NoncurrentDays = 90, StorageClass = StorageClass.DeepArchive },
        ]);
        rule.NoncurrentVersionExpiration.ShouldBe(new LifecycleNoncurrentVersionExpiration { NoncurrentDays = 365 });
        rule.AbortIncompleteMultipartUpload.ShouldBe(new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 });
        rule.Transitions.ShouldBeEmpty();
    }

    [Fact]
    public void LifecycleFilter_round_trips() => RoundTrip(
        new LifecycleFilter { Tag = new Tag { Key = "type", Value = "image" } }, "<Tag><Key>type</Key><Value>image</Value></Tag>", LifecycleFilterXml.WriteMembers, LifecycleFilterXml.Read);

    [Fact]
    public void LifecycleExpiration_by_date_reads_COS_date_with_its_offset()
    {
        // COS documents the Date as ISO 8601 at midnight Beijing time (2019-05-24T00:00:00+08:00).
        var expiration = Read("<Expiration><Date>2019-05-24T00:00:00+08:00</Date></Expiration>", LifecycleExpirationXml.Read);
        expiration.Date.ShouldBe(new DateTimeOffset(2019, 5, 24, 0, 0, 0, TimeSpan.FromHours(8)));
        expiration.Days.ShouldBeNull();
    }

    [Fact]
    public void LifecycleTransition_refuses_negative_days_before_sending()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => Write(new LifecycleTransition { Days = -1, StorageClass = StorageClass.Archive }, LifecycleTransitionXml.WriteMembers));
        error.Message.ShouldContain("LifecycleTransition.Days");
    }

    [Fact]
    public void DomainRule_round_trips() => RoundTrip(
        new DomainRule { Status = DomainStatus.Enabled, Name = "www.example.com", Type = DomainOriginType.Rest, ForcedReplacement = DomainForcedReplacement.Cname },
        "<Status>ENABLED</Status><Name>www.example.com</Name><Type>REST</Type><ForcedReplacement>CNAME</ForcedReplacement>",
        DomainRuleXml.WriteMembers,
        DomainRuleXml.Read);

    [Fact]
    public void OriginRule_round_trips()
    {
        // COS's PUT Bucket Origin sample: RulePriority, OriginType, OriginCondition, OriginParameter{…, HttpHeader{…}, …}, OriginInfo.
        var rule = new OriginRule
        {
            RulePriority = 1,
            OriginType = OriginType.Mirror,
            OriginCondition = new OriginCondition { HTTPStatusCode = 404, Prefix = "images/" },
            OriginParameter = new OriginParameter
            {
                Protocol = OriginProtocol.Follow,
                TransparentErrorCode = false,
                FollowQueryString = true,
                HttpHeader = new OriginHttpHeader
                {
                    FollowAllHeaders = false,
                    NewHttpHeaders = [new OriginHeader { Key = "x-cos-meta-from", Value = "cos" }],
                    FollowHttpHeaders = [new OriginHeader { Key = "Content-Type" }],
                },
                FollowRedirection = true,
                HttpRedirectCode = 302,
            },
            OriginInfo = new OriginInfo
            {
                HostInfo = new OriginHostInfo { HostName = "www.example.com:8080" },
                FileInfo = new OriginFileInfo { PrefixConfiguration = new OriginPrefixConfiguration { Prefix = "origin/" }, FixedFileConfiguration = new OriginFixedFileConfiguration { FixedFilePath = "index.html" } },
            },
        };
        var xml = Write(rule, OriginRuleXml.WriteMembers);
        xml.ShouldBe("<Root><RulePriority>1</RulePriority><OriginType>Mirror</OriginType><OriginCondition><HTTPStatusCode>404</HTTPStatusCode><Prefix>images/</Prefix></OriginCondition>"
            + "<OriginParameter><Protocol>FOLLOW</Protocol><TransparentErrorCode>false</TransparentErrorCode><FollowQueryString>true</FollowQueryString>"
            + "<HttpHeader><FollowAllHeaders>false</FollowAllHeaders><NewHttpHeaders><Header><Key>x-cos-meta-from</Key><Value>cos</Value></Header></NewHttpHeaders>"
            + "<FollowHttpHeaders><Header><Key>Content-Type</Key></Header></FollowHttpHeaders></HttpHeader>"
            + "<FollowRedirection>true</FollowRedirection><HttpRedirectCode>302</HttpRedirectCode></OriginParameter>"
            + "<OriginInfo><HostInfo><HostName>www.example.com:8080</HostName></HostInfo><FileInfo><PrefixConfiguration><Prefix>origin/</Prefix></PrefixConfiguration>"
            + "<FixedFileConfiguration><FixedFilePath>index.html</FixedFilePath></FixedFileConfiguration></FileInfo></OriginInfo></Root>");

        var read = Read(xml, OriginRuleXml.Read);
        read.RulePriority.ShouldBe(1);
        read.OriginType.ShouldBe(OriginType.Mirror);
        read.OriginCondition.ShouldBe(rule.OriginCondition);
        read.OriginParameter.Protocol.ShouldBe(OriginProtocol.Follow);
        read.OriginParameter.HttpHeader!.NewHttpHeaders.ShouldBe(rule.OriginParameter.HttpHeader.NewHttpHeaders);
        read.OriginParameter.HttpHeader.FollowHttpHeaders.ShouldBe(rule.OriginParameter.HttpHeader.FollowHttpHeaders);
        read.OriginParameter.HttpRedirectCode.ShouldBe(302);
        read.OriginInfo.ShouldBe(rule.OriginInfo);
    }

    [Fact]
    public void BucketLoggingEnabled_round_trips() => RoundTrip(
        new BucketLoggingEnabled { TargetBucket = "examplebucket-1250000000", TargetPrefix = "prefix" },
        "<TargetBucket>examplebucket-1250000000</TargetBucket><TargetPrefix>prefix</TargetPrefix>",
        BucketLoggingEnabledXml.WriteMembers,
        BucketLoggingEnabledXml.Read);

    [Fact]
    public void LifecycleFilterAnd_round_trips()
    {
        var and = new LifecycleFilterAnd { Prefix = "logs/", Tags = [new Tag { Key = "type", Value = "image" }] };
        var xml = Write(and, LifecycleFilterAndXml.WriteMembers);
        xml.ShouldBe("<Root><Prefix>logs/</Prefix><Tag><Key>type</Key><Value>image</Value></Tag></Root>");
        var read = Read(xml, LifecycleFilterAndXml.Read);
        read.Prefix.ShouldBe("logs/");
        read.Tags.ShouldBe(and.Tags);
    }

    [Fact]
    public void LifecycleTransition_round_trips() => RoundTrip(
        new LifecycleTransition { Date = When, StorageClass = StorageClass.DeepArchive },
        "<Date>2026-10-28T20:30:15.123Z</Date><StorageClass>DEEP_ARCHIVE</StorageClass>",
        LifecycleTransitionXml.WriteMembers,
        LifecycleTransitionXml.Read);

    [Fact]
    public void LifecycleExpiration_round_trips() => RoundTrip(
        new LifecycleExpiration { Days = 365 }, "<Days>365</Days>", LifecycleExpirationXml.WriteMembers, LifecycleExpirationXml.Read);

    [Fact]
    public void LifecycleNoncurrentVersionTransition_round_trips() => RoundTrip(
        new LifecycleNoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClass.StandardIa },
        "<NoncurrentDays>30</NoncurrentDays><StorageClass>STANDARD_IA</StorageClass>",
        LifecycleNoncurrentVersionTransitionXml.WriteMembers,
        LifecycleNoncurrentVersionTransitionXml.Read);

    [Fact]
    public void LifecycleNoncurrentVersionExpiration_round_trips() => RoundTrip(
        new LifecycleNoncurrentVersionExpiration { NoncurrentDays = 180 }, "<NoncurrentDays>180</NoncurrentDays>", LifecycleNoncurrentVersionExpirationXml.WriteMembers, LifecycleNoncurrentVersionExpirationXml.Read);

    [Fact]
    public void LifecycleAbortIncompleteMultipartUpload_round_trips() => RoundTrip(
        new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 }, "<DaysAfterInitiation>7</DaysAfterInitiation>", LifecycleAbortIncompleteMultipartUploadXml.WriteMembers, LifecycleAbortIncompleteMultipartUploadXml.Read);

    [Fact]
    public void OriginCondition_round_trips() => RoundTrip(
        new OriginCondition { HTTPStatusCode = 404, Prefix = "images/" }, "<HTTPStatusCode>404</HTTPStatusCode><Prefix>images/</Prefix>", OriginConditionXml.WriteMembers, OriginConditionXml.Read);

    [Fact]
    public void OriginParameter_round_trips() => RoundTrip(
        new OriginParameter { Protocol = OriginProtocol.Https, FollowQueryString = false, FollowRedirection = false },
        "<Protocol>HTTPS</Protocol><FollowQueryString>false</FollowQueryString><FollowRedirection>false</FollowRedirection>",
        OriginParameterXml.WriteMembers,
        OriginParameterXml.Read);

    [Fact]
    public void OriginHttpHeader_round_trips()
    {
        var header = new OriginHttpHeader { FollowAllHeaders = true, NewHttpHeaders = [new OriginHeader { Key = "x-cos-meta-a", Value = "1" }, new OriginHeader { Key = "x-cos-meta-b", Value = "2" }] };
        var xml = Write(header, OriginHttpHeaderXml.WriteMembers);
        xml.ShouldBe("<Root><FollowAllHeaders>true</FollowAllHeaders><NewHttpHeaders><Header><Key>x-cos-meta-a</Key><Value>1</Value></Header><Header><Key>x-cos-meta-b</Key><Value>2</Value></Header></NewHttpHeaders>"
            + "<FollowHttpHeaders /></Root>"); // a wrapped list of a shape is never null, so an empty one is an empty wrapper
        var read = Read(xml, OriginHttpHeaderXml.Read);
        read.FollowAllHeaders.ShouldBe(true);
        read.NewHttpHeaders.ShouldBe(header.NewHttpHeaders);
        read.FollowHttpHeaders.ShouldBeEmpty();
    }

    [Fact]
    public void OriginHeader_round_trips() => RoundTrip(
        new OriginHeader { Key = "Cache-Control", Value = "no-cache" }, "<Key>Cache-Control</Key><Value>no-cache</Value>", OriginHeaderXml.WriteMembers, OriginHeaderXml.Read);

    [Fact]
    public void OriginInfo_round_trips() => RoundTrip(
        new OriginInfo { HostInfo = new OriginHostInfo { HostName = "origin.example.com" } },
        "<HostInfo><HostName>origin.example.com</HostName></HostInfo>",
        OriginInfoXml.WriteMembers,
        OriginInfoXml.Read);

    [Fact]
    public void OriginHostInfo_round_trips() => RoundTrip(
        new OriginHostInfo { HostName = "10.0.0.1:8080", Weight = 10 }, "<HostName>10.0.0.1:8080</HostName><Weight>10</Weight>", OriginHostInfoXml.WriteMembers, OriginHostInfoXml.Read);

    [Fact]
    public void OriginFileInfo_round_trips() => RoundTrip(
        new OriginFileInfo { SuffixConfiguration = new OriginSuffixConfiguration { Suffix = ".jpg" } },
        "<SuffixConfiguration><Suffix>.jpg</Suffix></SuffixConfiguration>",
        OriginFileInfoXml.WriteMembers,
        OriginFileInfoXml.Read);

    [Fact]
    public void OriginPrefixConfiguration_round_trips() => RoundTrip(
        new OriginPrefixConfiguration { Prefix = "a/", ReplacedWithPrefix = "b/" }, "<Prefix>a/</Prefix><ReplacedWithPrefix>b/</ReplacedWithPrefix>", OriginPrefixConfigurationXml.WriteMembers, OriginPrefixConfigurationXml.Read);

    [Fact]
    public void OriginSuffixConfiguration_round_trips() => RoundTrip(
        new OriginSuffixConfiguration { Suffix = ".png", ReplacedWithSuffix = ".webp" }, "<Suffix>.png</Suffix><ReplacedWithSuffix>.webp</ReplacedWithSuffix>", OriginSuffixConfigurationXml.WriteMembers, OriginSuffixConfigurationXml.Read);

    [Fact]
    public void OriginFixedFileConfiguration_round_trips() => RoundTrip(
        new OriginFixedFileConfiguration { FixedFilePath = "index.html" }, "<FixedFilePath>index.html</FixedFilePath>", OriginFixedFileConfigurationXml.WriteMembers, OriginFixedFileConfigurationXml.Read);

    private static void RoundTrip<T>(T value, string expectedMembers, Action<XmlWriter, T> write, Func<XmlReader, T> read) =>
        RoundTripElement(value, "<Root>" + expectedMembers + "</Root>", write, read);

    /// <summary>Like <see cref="RoundTrip"/>, for shapes with attributes, which land on the element itself.</summary>
    private static void RoundTripElement<T>(T value, string expected, Action<XmlWriter, T> write, Func<XmlReader, T> read)
    {
        var xml = Write(value, write);
        xml.ShouldBe(expected);
        Read(xml, read).ShouldBe(value);
    }

    private static string Write<T>(T value, Action<XmlWriter, T> write)
    {
        var (body, _) = CosRequestBody.FromXml(value, (writer, v) =>
        {
            writer.WriteStartElement("Root");
            write(writer, v);
            writer.WriteEndElement();
        });
        return Encoding.UTF8.GetString(BodyBytes(body));
    }

    internal static byte[] BodyBytes(CosRequestBody body)
    {
        using var content = body.CreateContent(0);
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    private static T Read<T>(string xml, Func<XmlReader, T> read)
    {
        using var reader = CosXml.CreateReader(Encoding.UTF8.GetBytes(xml));
        reader.MoveToContent();
        return read(reader);
    }
}
