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
