using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Xml;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Marshalling;

/// <summary>The generated marshallers against requests and responses written out by hand from the COS API reference.</summary>
public sealed class MarshallingTests
{
    [Fact]
    public void GetBucket_reads_a_listing_with_contents_common_prefixes_and_the_hyphenated_encoding_element()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult>
              <Name>examplebucket-1250000000</Name>
              <Encoding-Type>url</Encoding-Type>
              <Prefix>photos/</Prefix>
              <Marker></Marker>
              <MaxKeys>2</MaxKeys>
              <Delimiter>/</Delimiter>
              <IsTruncated>true</IsTruncated>
              <NextMarker>photos/b.jpg</NextMarker>
              <CommonPrefixes><Prefix>photos/2026/</Prefix></CommonPrefixes>
              <Contents>
                <Key>photos/a.jpg</Key>
                <LastModified>2026-10-28T20:30:15.000Z</LastModified>
                <ETag>"9a4802d5c99dafe1c04da0a8e7e166bf"</ETag>
                <Size>1024</Size>
                <Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner>
                <StorageClass>STANDARD</StorageClass>
              </Contents>
              <Contents><Key>photos/b.jpg</Key><Size>0</Size><StorageClass>ARCHIVE</StorageClass></Contents>
            </ListBucketResult>
            """;

        var result = GetBucketMarshaller.Unmarshal(Response(HttpStatusCode.OK, xml, ("x-cos-request-id", "NjQ0")));

        result.StatusCode.ShouldBe(200);
        result.RequestId.ShouldBe("NjQ0");
        result.Name.ShouldBe("examplebucket-1250000000");
        result.EncodingType.ShouldBe(EncodingType.Url);
        result.MaxKeys.ShouldBe(2);
        result.Marker.ShouldBe(string.Empty);
        result.IsTruncated.ShouldBe(true);
        result.NextMarker.ShouldBe("photos/b.jpg");
        result.CommonPrefixes.Single().Prefix.ShouldBe("photos/2026/");
        result.Contents.Count.ShouldBe(2);
        result.Contents[0].ShouldBe(new ObjectSummary
        {
            Key = "photos/a.jpg",
            LastModified = new DateTimeOffset(2026, 10, 28, 20, 30, 15, TimeSpan.Zero),
            ETag = "\"9a4802d5c99dafe1c04da0a8e7e166bf\"",
            Size = 1024,
            Owner = new Owner { ID = "1250000000", DisplayName = "1250000000" },
            StorageClass = StorageClass.Standard,
        });
        result.Contents[1].StorageClass.ShouldBe(StorageClass.Archive);
    }

    [Fact]
    public void GetService_reads_the_wrapped_bucket_list()
    {
        const string xml = """
            <ListAllMyBucketsResult>
              <Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>
              <Buckets>
                <Bucket><Name>a-1250000000</Name><Location>ap-guangzhou</Location><CreationDate>2019-05-24T11:03:43Z</CreationDate><BucketType>cos</BucketType></Bucket>
                <Bucket><Name>b-1250000000</Name><Location>ap-beijing</Location><CreationDate>2020-01-02T03:04:05Z</CreationDate></Bucket>
              </Buckets>
            </ListAllMyBucketsResult>
            """;

        var result = GetServiceMarshaller.Unmarshal(Response(HttpStatusCode.OK, xml));

        result.Owner!.DisplayName.ShouldBe("100000000001");
        result.Buckets.Select(b => b.Name).ShouldBe(["a-1250000000", "b-1250000000"]);
        result.Buckets[1].CreationDate.ShouldBe(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero));
        result.IsTruncated.ShouldBeNull();
    }

    [Fact]
    public void DeleteMultipleObjects_writes_the_documented_body_with_its_md5()
    {
        var http = DeleteMultipleObjectsMarshaller.Marshal(new DeleteMultipleObjectsRequest
        {
            Bucket = "examplebucket-1250000000",
            Objects = [new ObjectIdentifier { Key = "a.txt" }, new ObjectIdentifier { Key = "b<&>.txt", VersionId = "v1" }],
            Quiet = true,
        });

        // Element order follows the COS reference sample: Quiet, then the objects.
        const string expected = "<Delete><Quiet>true</Quiet><Object><Key>a.txt</Key></Object><Object><Key>b&lt;&amp;&gt;.txt</Key><VersionId>v1</VersionId></Object></Delete>";
        Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!)).ShouldBe(expected);
        http.Method.ShouldBe(HttpMethod.Post);
        http.Bucket.ShouldBe("examplebucket-1250000000");
        http.Key.ShouldBeNull();
        http.Query.ShouldBe([new KeyValuePair<string, string?>("delete", null)]);
        http.GetHeader("Content-Type").ShouldBe("application/xml");
        http.GetHeader("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(expected))));
        http.Safety.ShouldBe(CosOperationSafety.Idempotent);
    }

    [Fact]
    public void CompleteMultipartUpload_writes_parts_in_order_and_is_never_blindly_retried()
    {
        var http = CompleteMultipartUploadMarshaller.Marshal(new CompleteMultipartUploadRequest
        {
            Bucket = "examplebucket-1250000000",
            Key = "videos/movie.mp4",
            UploadId = "1585130821cbb7df",
            Parts = [new CompletedPart { PartNumber = 1, ETag = "\"a\"" }, new CompletedPart { PartNumber = 2, ETag = "\"b\"" }],
        });

        Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!)).ShouldBe(
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag></Part><Part><PartNumber>2</PartNumber><ETag>\"b\"</ETag></Part></CompleteMultipartUpload>");
        http.Query.ShouldBe([new KeyValuePair<string, string?>("uploadId", "1585130821cbb7df")]);
        http.Safety.ShouldBe(CosOperationSafety.Unsafe);
    }

    [Fact]
    public void PutObject_sends_headers_and_metadata_and_streams_the_body_with_its_length()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("hello, world!"));
        var http = PutObjectMarshaller.Marshal(new PutObjectRequest
        {
            Bucket = "examplebucket-1250000000",
            Key = "dir/a b.txt",
            Body = body,
            ContentLength = 5,
            ContentType = "text/plain",
            StorageClass = StorageClass.StandardIa,
            Acl = ObjectAcl.PublicRead,
            Metadata = new Dictionary<string, string> { ["author"] = "Zhang San" },
            TrafficLimit = 819200,
        });

        http.Key.ShouldBe("dir/a b.txt");
        http.Body!.Length.ShouldBe(5);
        http.GetHeader("Content-Length").ShouldBeNull("the length travels with the body, not as a second header");
        http.GetHeader("Content-Type").ShouldBe("text/plain");
        http.GetHeader("x-cos-storage-class").ShouldBe("STANDARD_IA");
        http.GetHeader("x-cos-acl").ShouldBe("public-read");
        http.GetHeader("x-cos-meta-author").ShouldBe("Zhang San");
        http.GetHeader("x-cos-traffic-limit").ShouldBe("819200");
        http.BufferResponse.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_required_member_is_an_argument_error_that_names_it()
    {
        var error = Should.Throw<ArgumentException>(() => HeadObjectMarshaller.Marshal(new HeadObjectRequest { Bucket = "examplebucket-1250000000", Key = "" }));
        error.Message.ShouldContain("HeadObjectRequest.Key");
    }

    [Fact]
    public void GetObject_reads_headers_metadata_and_hands_over_the_body_stream()
    {
        var message = Message(HttpStatusCode.PartialContent, "01234", ("ETag", "\"abc\""), ("x-cos-hash-crc64ecma", "18446744073709551615"), ("x-cos-meta-author", "Zhang San"), ("Last-Modified", "Wed, 28 Oct 2026 20:30:15 GMT"), ("Content-Range", "bytes 0-4/10"));
        var http = GetObjectMarshaller.Marshal(new GetObjectRequest { Bucket = "examplebucket-1250000000", Key = "k", Range = "bytes=0-4" });
        http.BufferResponse.ShouldBeFalse();

        using var result = GetObjectMarshaller.Unmarshal(new CosResponseContext(message, default, message.Content.ReadAsStream()));

        result.StatusCode.ShouldBe(206);
        result.ETag.ShouldBe("\"abc\"");
        result.Crc64.ShouldBe(ulong.MaxValue);
        result.Metadata["author"].ShouldBe("Zhang San");
        result.LastModified.ShouldBe(new DateTimeOffset(2026, 10, 28, 20, 30, 15, TimeSpan.Zero));
        result.ContentRange.ShouldBe("bytes 0-4/10");
        new StreamReader(result.Body).ReadToEnd().ShouldBe("01234");
    }

    [Fact]
    public void A_copy_that_fails_inside_a_200_is_an_error()
    {
        const string xml = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><Resource>dest.bin</Resource><RequestId>NjQ1</RequestId><TraceId>OGVm</TraceId></Error>";

        var error = Should.Throw<CosException>(() => PutObjectCopyMarshaller.Unmarshal(Response(HttpStatusCode.OK, xml)));

        error.StatusCode.ShouldBe(200);
        error.ErrorCode.ShouldBe("InternalError");
        error.ErrorMessage.ShouldBe("We encountered an internal error.");
        error.RequestId.ShouldBe("NjQ1");
        error.TraceId.ShouldBe("OGVm");
        error.Resource.ShouldBe("dest.bin");
    }

    [Fact]
    public void A_bad_header_value_is_a_format_error_not_a_wrong_number()
    {
        var message = Message(HttpStatusCode.OK, string.Empty, ("x-cos-hash-crc64ecma", "-1"));
        Should.Throw<FormatException>(() => UploadPartMarshaller.Unmarshal(new CosResponseContext(message, default)));
    }

    [Fact]
    public void PutBucketLogging_without_a_target_still_sends_the_empty_root_that_turns_logging_off()
    {
        var http = PutBucketLoggingMarshaller.Marshal(new PutBucketLoggingRequest { Bucket = "examplebucket-1250000000" });

        // COS: "If there is no child node information, logging is disabled". No body at all would be a malformed request.
        var body = Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!));
        body.ShouldBeOneOf("<BucketLoggingStatus />", "<BucketLoggingStatus/>", "<BucketLoggingStatus></BucketLoggingStatus>");
        http.GetHeader("Content-Type").ShouldBe("application/xml");
        http.GetHeader("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(body))));
        http.Query.ShouldBe([new KeyValuePair<string, string?>("logging", null)]);
        http.Safety.ShouldBe(CosOperationSafety.Idempotent);
    }

    [Fact]
    public void PutBucketLogging_writes_the_documented_body()
    {
        var http = PutBucketLoggingMarshaller.Marshal(new PutBucketLoggingRequest
        {
            Bucket = "examplebucket-1250000000",
            LoggingEnabled = new BucketLoggingEnabled { TargetBucket = "logbucket-1250000000", TargetPrefix = "mylogs/" },
        });

        Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!)).ShouldBe(
            "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logbucket-1250000000</TargetBucket><TargetPrefix>mylogs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>");
    }

    [Fact]
    public void PutBucketLifecycle_writes_the_documented_body_with_the_md5_COS_requires()
    {
        var http = PutBucketLifecycleMarshaller.Marshal(new PutBucketLifecycleRequest
        {
            Bucket = "examplebucket-1250000000",
            Rules =
            [
                new LifecycleRule { ID = "archive", Filter = new LifecycleFilter { Prefix = "logs/" }, Status = LifecycleRuleStatus.Enabled, Transitions = [new LifecycleTransition { Days = 30, StorageClass = StorageClass.Archive }] },
                new LifecycleRule { ID = "uploads", Filter = new LifecycleFilter(), Status = LifecycleRuleStatus.Enabled, AbortIncompleteMultipartUpload = new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 } },
            ],
        });

        const string expected = "<LifecycleConfiguration><Rule><ID>archive</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Transition><Days>30</Days><StorageClass>ARCHIVE</StorageClass></Transition></Rule>"
            + "<Rule><ID>uploads</ID><Filter /><Status>Enabled</Status><AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule></LifecycleConfiguration>";
        Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!)).ShouldBe(expected);
        http.GetHeader("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(expected))));
        http.Query.ShouldBe([new KeyValuePair<string, string?>("lifecycle", null)]);
        http.Method.ShouldBe(HttpMethod.Put);
    }

    [Fact]
    public void PutBucketAccelerate_writes_status_and_type()
    {
        var http = PutBucketAccelerateMarshaller.Marshal(new PutBucketAccelerateRequest { Bucket = "examplebucket-1250000000", Status = AccelerateStatus.Enabled, Type = AccelerateType.Cos });

        Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(http.Body!)).ShouldBe("<AccelerateConfiguration><Status>Enabled</Status><Type>COS</Type></AccelerateConfiguration>");
        http.Query.ShouldBe([new KeyValuePair<string, string?>("accelerate", null)]);
    }

    [Fact]
    public void GetBucketAccelerate_and_GetBucketLogging_read_an_empty_root_as_not_configured()
    {
        // A bucket that never had them answers 200 with the bare root (COS's GET Bucket accelerate note 1; logging off).
        var accelerate = GetBucketAccelerateMarshaller.Unmarshal(Response(HttpStatusCode.OK, "<AccelerateConfiguration/>"));
        accelerate.Status.ShouldBeNull();
        accelerate.Type.ShouldBeNull();

        var logging = GetBucketLoggingMarshaller.Unmarshal(Response(HttpStatusCode.OK, "<BucketLoggingStatus></BucketLoggingStatus>"));
        logging.LoggingEnabled.ShouldBeNull();

        var enabled = GetBucketAccelerateMarshaller.Unmarshal(Response(HttpStatusCode.OK, "<AccelerateConfiguration xmlns=\"cos xmlns/\"><Status>Enabled</Status><Type>COS</Type></AccelerateConfiguration>"));
        enabled.Status.ShouldBe(AccelerateStatus.Enabled);
        enabled.Type.ShouldBe(AccelerateType.Cos);
    }

    [Fact]
    public void GetBucketDomain_reads_the_rules_and_the_TXT_verification_header()
    {
        const string xml = "<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>www.example.com</Name><Type>REST</Type></DomainRule>"
            + "<DomainRule><Status>DISABLED</Status><Name>static.example.com</Name><Type>WEBSITE</Type></DomainRule></DomainConfiguration>";

        var result = GetBucketDomainMarshaller.Unmarshal(Response(HttpStatusCode.OK, xml, ("x-cos-domain-txt-verification", "cos-verify=abc123")));

        result.TxtVerification.ShouldBe("cos-verify=abc123");
        result.DomainRules.ShouldBe(
        [
            new DomainRule { Status = DomainStatus.Enabled, Name = "www.example.com", Type = DomainOriginType.Rest },
            new DomainRule { Status = DomainStatus.Disabled, Name = "static.example.com", Type = DomainOriginType.Website },
        ]);
    }

    private static CosResponseContext Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new(Message(status, body, headers), Encoding.UTF8.GetBytes(body));

    private static HttpResponseMessage Message(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var message = new HttpResponseMessage(status) { Content = new StringContent(body) };
        foreach (var (name, value) in headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
