using System.Buffers.Binary;
using System.IO.Hashing;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cos.Generated.Tests.Vocabulary;

/// <summary>
/// The operations the new vocabulary made expressible, through a fake HTTP handler: the bytes the client puts on the
/// wire, and what it makes of COS's answers. Expected bytes and values are written out from the COS API reference.
/// </summary>
public sealed class VocabularyWireTests : IDisposable
{
    private const string Bucket = "examplebucket-1250000000";
    private const string Host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";
    private const string Account = "qcs::cam::uin/100000000001:uin/100000000001";

    private readonly FakeHandler _handler = new();
    private readonly CosClient _client;

    public VocabularyWireTests() => _client = FakeHandler.Client(_handler);

    public void Dispose() => _client.Dispose();

    // ---- Element text: the root's own text is the value ----

    [Fact]
    public async Task GetBucketLocation_reads_the_text_of_the_root()
    {
        _handler.Answer(HttpStatusCode.OK, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint>ap-beijing</LocationConstraint>");

        var result = await _client.GetBucketLocationAsync(new GetBucketLocationRequest { Bucket = Bucket });

        result.LocationConstraint.ShouldBe("ap-beijing");
        var sent = _handler.Sent.Single();
        sent.Method.ShouldBe(HttpMethod.Get);
        sent.Uri.Host.ShouldBe(Host);
        sent.Target.ShouldBe("/?location");
    }

    [Fact]
    public async Task GetBucketLocation_refuses_a_document_with_another_root()
    {
        _handler.Answer(HttpStatusCode.OK, "<Location>ap-beijing</Location>");

        await Should.ThrowAsync<CosResponseFormatException>(() => _client.GetBucketLocationAsync(new GetBucketLocationRequest { Bucket = Bucket }));
    }

    // ---- Namespaced attributes: the ACL's <Grantee xsi:type="…"> ----

    [Fact]
    public async Task GetBucketAcl_reads_grantees_with_their_xsi_type()
    {
        // The response sample of GET Bucket acl.
        _handler.Answer(HttpStatusCode.OK, $"""
            <AccessControlPolicy>
              <Owner>
                <ID>{Account}</ID>
                <DisplayName>{Account}</DisplayName>
              </Owner>
              <AccessControlList>
                <Grant>
                  <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">
                    <ID>{Account}</ID>
                    <DisplayName>{Account}</DisplayName>
                  </Grantee>
                  <Permission>FULL_CONTROL</Permission>
                </Grant>
                <Grant>
                  <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
                    <URI>http://cam.qcloud.com/groups/global/AllUsers</URI>
                  </Grantee>
                  <Permission>READ</Permission>
                </Grant>
              </AccessControlList>
            </AccessControlPolicy>
            """);

        var result = await _client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Bucket });

        _handler.Sent.Single().Target.ShouldBe("/?acl");
        result.Owner!.ID.ShouldBe(Account);
        result.Grants.Count.ShouldBe(2);
        result.Grants[0].ShouldBe(new Grant
        {
            Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = Account, DisplayName = Account },
            Permission = Permission.FullControl,
        });
        result.Grants[1].Grantee.Type.ShouldBe(GranteeType.Group);
        result.Grants[1].Grantee.URI.ShouldBe("http://cam.qcloud.com/groups/global/AllUsers");
        result.Grants[1].Permission.ShouldBe(Permission.Read);
    }

    [Fact]
    public async Task PutBucketAcl_writes_the_namespace_declaration_and_the_prefixed_attribute()
    {
        _handler.Answer(HttpStatusCode.OK);

        await _client.PutBucketAclAsync(new PutBucketAclRequest
        {
            Bucket = Bucket,
            Owner = new Owner { ID = Account, DisplayName = Account },
            Grants =
            [
                new Grant { Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = "qcs::cam::uin/100000000001:uin/100000000011" }, Permission = Permission.Read },
            ],
        });

        const string expected =
            "<AccessControlPolicy>"
            + "<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>qcs::cam::uin/100000000001:uin/100000000001</DisplayName></Owner>"
            + "<AccessControlList><Grant>"
            + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>qcs::cam::uin/100000000001:uin/100000000011</ID></Grantee>"
            + "<Permission>READ</Permission>"
            + "</Grant></AccessControlList>"
            + "</AccessControlPolicy>";
        var sent = _handler.Sent.Single();
        sent.Method.ShouldBe(HttpMethod.Put);
        sent.Target.ShouldBe("/?acl");
        Encoding.UTF8.GetString(sent.Body).ShouldBe(expected);
        sent.Header("Content-Type").ShouldBe("application/xml");
        sent.Header("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(expected))));
    }

    [Fact]
    public async Task PutBucketAcl_with_only_a_canned_acl_sends_no_body()
    {
        _handler.Answer(HttpStatusCode.OK);

        await _client.PutBucketAclAsync(new PutBucketAclRequest { Bucket = Bucket, Acl = BucketAcl.PublicRead });

        var sent = _handler.Sent.Single();
        sent.Header("x-cos-acl").ShouldBe("public-read");
        sent.Body.ShouldBeEmpty();
        sent.Header("Content-MD5").ShouldBeNull();
    }

    // ---- JSON documents: the bucket policy ----

    [Fact]
    public async Task PutBucketPolicy_sends_the_policy_as_json_with_its_md5()
    {
        _handler.Answer(HttpStatusCode.NoContent);

        using var condition = JsonDocument.Parse("""{"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}""");
        var result = await _client.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            Bucket = Bucket,
            Policy = new BucketPolicy
            {
                Version = "2.0",
                Statement =
                [
                    new PolicyStatement
                    {
                        Principal = new PolicyPrincipal { Qcs = ["qcs::cam::uin/100000000001:uin/100000000011"] },
                        Effect = PolicyEffect.Allow,
                        Action = ["name/cos:GetObject"],
                        Resource = ["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"],
                        Condition = condition.RootElement,
                    },
                ],
            },
        });

        // The request body of PUT Bucket policy, as the COS reference spells it (compact).
        const string expected = """{"version":"2.0","Statement":[{"Principal":{"qcs":["qcs::cam::uin/100000000001:uin/100000000011"]},"Effect":"allow","Action":["name/cos:GetObject"],"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"],"Condition":{"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}}]}""";
        result.StatusCode.ShouldBe(204);
        var sent = _handler.Sent.Single();
        sent.Method.ShouldBe(HttpMethod.Put);
        sent.Target.ShouldBe("/?policy");
        Encoding.UTF8.GetString(sent.Body).ShouldBe(expected);
        sent.Header("Content-Type").ShouldBe("application/json");
        sent.Header("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(expected))));
        sent.Header("Content-Length").ShouldBe(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetBucketPolicy_reads_the_policy_whatever_the_key_case_and_a_lone_action()
    {
        // CAM writes keys in lower case too, and an action may be a string rather than a list.
        _handler.Answer(HttpStatusCode.OK, """
            {
              "statement": [
                {
                  "principal": { "qcs": ["qcs::cam::uin/100000000001:uin/100000000011"] },
                  "effect": "deny",
                  "action": "name/cos:DeleteObject",
                  "resource": ["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"],
                  "condition": { "string_equal": { "cos:x-cos-storage-class": "ARCHIVE" } },
                  "sid": "ignored"
                }
              ],
              "version": "2.0"
            }
            """, ("Content-Type", "application/json"));

        var result = await _client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Bucket });

        _handler.Sent.Single().Target.ShouldBe("/?policy");
        var policy = result.Policy.ShouldNotBeNull();
        policy.Version.ShouldBe("2.0");
        var statement = policy.Statement.ShouldHaveSingleItem();
        statement.Effect.ShouldBe(PolicyEffect.Deny);
        statement.Principal!.Qcs.ShouldBe(["qcs::cam::uin/100000000001:uin/100000000011"]);
        statement.Action.ShouldBe(["name/cos:DeleteObject"]);
        statement.Resource.ShouldBe(["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"]);
        statement.Condition!.Value.GetProperty("string_equal").GetProperty("cos:x-cos-storage-class").GetString().ShouldBe("ARCHIVE");
    }

    [Fact]
    public async Task GetBucketPolicy_without_a_policy_is_NoSuchPolicy()
    {
        _handler.Answer(HttpStatusCode.NotFound, "<Error><Code>NoSuchPolicy</Code><Message>The specified policy does not exist.</Message></Error>");

        var error = await Should.ThrowAsync<CosException>(() => _client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Bucket }));

        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe(CosErrorCodes.NoSuchPolicy);
    }

    [Fact]
    public async Task GetBucketPolicy_that_is_not_json_is_a_format_error()
    {
        _handler.Answer(HttpStatusCode.OK, """{"Statement": [ { "Effect": 1 } ]}""");

        var error = await Should.ThrowAsync<CosResponseFormatException>(() => _client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Bucket }));

        error.Message.ShouldContain("Expected a string");
    }

    [Fact]
    public async Task DeleteBucketPolicy_sends_a_delete_of_the_policy_sub_resource()
    {
        _handler.Answer(HttpStatusCode.NoContent);

        var result = await _client.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { Bucket = Bucket });

        result.StatusCode.ShouldBe(204);
        var sent = _handler.Sent.Single();
        sent.Method.ShouldBe(HttpMethod.Delete);
        sent.Target.ShouldBe("/?policy");
        sent.Body.ShouldBeEmpty();
    }

    // ---- Alternative success status: 304 Not Modified ----

    [Fact]
    public async Task GetObject_304_is_a_result_with_NotModified_and_an_empty_body()
    {
        _handler.Answer(HttpStatusCode.NotModified, [], ("ETag", "\"9a4802d5c99dafe1c04da0a8e7e166bf\""), ("Last-Modified", "Wed, 28 Oct 2026 20:30:00 GMT"));

        using var result = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "exampleobject.txt", IfNoneMatch = "\"9a4802d5c99dafe1c04da0a8e7e166bf\"" });

        _handler.Sent.Single().Header("If-None-Match").ShouldBe("\"9a4802d5c99dafe1c04da0a8e7e166bf\"");
        result.StatusCode.ShouldBe(304);
        result.NotModified.ShouldBeTrue();
        result.ETag.ShouldBe("\"9a4802d5c99dafe1c04da0a8e7e166bf\"");
        result.LastModified.ShouldBe(new DateTimeOffset(2026, 10, 28, 20, 30, 0, TimeSpan.Zero));
        (await new StreamReader(result.Body).ReadToEndAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetObject_200_is_not_NotModified()
    {
        _handler.Answer(HttpStatusCode.OK, "hello");

        using var result = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "exampleobject.txt", IfNoneMatch = "\"other\"" });

        result.NotModified.ShouldBeFalse();
        (await new StreamReader(result.Body).ReadToEndAsync()).ShouldBe("hello");
    }

    [Fact]
    public async Task HeadObject_304_with_IfModifiedSince_is_NotModified()
    {
        _handler.Answer(HttpStatusCode.NotModified);

        var result = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "exampleobject.txt", IfModifiedSince = new DateTimeOffset(2026, 10, 28, 20, 30, 0, TimeSpan.Zero) });

        _handler.Sent.Single().Header("If-Modified-Since").ShouldBe("Wed, 28 Oct 2026 20:30:00 GMT");
        result.NotModified.ShouldBeTrue();
    }

    [Fact]
    public async Task A_status_an_operation_does_not_list_stays_an_error()
    {
        _handler.Answer(HttpStatusCode.NotModified);

        var error = await Should.ThrowAsync<CosException>(() => _client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Bucket }));

        error.StatusCode.ShouldBe(304);
    }

    // ---- Unix-seconds timestamps and ranges ----

    [Fact]
    public async Task GetService_sends_CreateTime_as_unix_seconds()
    {
        _handler.Answer(HttpStatusCode.OK, "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>");

        await _client.GetServiceAsync(new GetServiceRequest { CreateTime = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), CreateTimeRange = CreateTimeRange.GreaterThan });

        _handler.Sent.Single().Target.ShouldBe("/?create-time=1700000000&range=gt");
    }

    [Theory]
    [InlineData(819199)]
    [InlineData(838860801)]
    public async Task A_traffic_limit_outside_its_range_is_refused_before_sending(long limit)
    {
        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "k", TrafficLimit = limit }));

        error.Message.ShouldContain("GetObjectRequest.TrafficLimit must be from 819200 to 838860800");
        _handler.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_ends_of_a_range_are_allowed()
    {
        _handler.Answer(HttpStatusCode.OK, "<ListBucketResult/>");

        await _client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, MaxKeys = 1000 });

        _handler.Sent.Single().Target.ShouldBe("/?max-keys=1000");
        Should.Throw<ArgumentOutOfRangeException>(() => _client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, MaxKeys = 1001 }));
        Should.Throw<ArgumentOutOfRangeException>(() => _client.UploadPartAsync(new UploadPartRequest { Bucket = Bucket, Key = "k", UploadId = "u", PartNumber = 10001, Body = Stream.Null }));
    }

    // ---- Event streams: SelectObjectContent ----

    [Fact]
    public async Task SelectObjectContent_sends_its_request_and_yields_typed_events()
    {
        var body = Concat(
            Event("Records", "a,1\nb,2\n"u8.ToArray()),
            Event("Cont", []),
            Event("Stats", "<Stats><BytesScanned>512</BytesScanned><BytesProcessed>512</BytesProcessed><BytesReturned>8</BytesReturned></Stats>"u8.ToArray()),
            Event("End", []));
        _handler.Answer(HttpStatusCode.OK, body, ("Content-Type", "application/octet-stream"));

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        var events = new List<SelectEvent>();
        await foreach (var e in result.Events)
        {
            events.Add(e);
        }

        var sent = _handler.Sent.Single();
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.Target.ShouldBe("/exampleobject.csv?select&select-type=2");
        const string expected =
            "<SelectRequest><Expression>SELECT * FROM COSObject</Expression><ExpressionType>SQL</ExpressionType>"
            + "<InputSerialization><CompressionType>NONE</CompressionType><CSV><FileHeaderInfo>NONE</FileHeaderInfo></CSV></InputSerialization>"
            + "<OutputSerialization><CSV><RecordDelimiter>\n</RecordDelimiter></CSV></OutputSerialization>"
            + "<RequestProgress><Enabled>false</Enabled></RequestProgress></SelectRequest>";
        Encoding.UTF8.GetString(sent.Body).ShouldBe(expected);
        sent.Header("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(expected))));

        events.Count.ShouldBe(4);
        Encoding.UTF8.GetString(events[0].ShouldBeOfType<SelectEvent.Records>().Payload.Span).ShouldBe("a,1\nb,2\n");
        events[1].ShouldBeOfType<SelectEvent.Cont>();
        events[2].ShouldBeOfType<SelectEvent.Stats>().Payload.ShouldBe(new SelectStats { BytesScanned = 512, BytesProcessed = 512, BytesReturned = 8 });
        events[3].ShouldBeOfType<SelectEvent.End>();
    }

    [Fact]
    public async Task An_error_message_after_a_200_is_a_CosException()
    {
        var body = Concat(
            Event("Records", "a,1\n"u8.ToArray()),
            Frame([], (":message-type", "error"), (":error-code", "InternalError"), (":error-message", "We encountered an internal error.")));
        _handler.Answer(HttpStatusCode.OK, body);

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        var records = 0;
        var error = await Should.ThrowAsync<CosException>(async () =>
        {
            await foreach (var e in result.Events)
            {
                records += e is SelectEvent.Records ? 1 : 0;
            }
        });

        records.ShouldBe(1);
        error.StatusCode.ShouldBe(200);
        error.ErrorCode.ShouldBe("InternalError");
        error.ErrorMessage.ShouldBe("We encountered an internal error.");
        error.RequestId.ShouldBe("NjQ0ZTk5");
    }

    [Fact]
    public async Task A_message_whose_crc_does_not_match_is_refused()
    {
        var message = Event("Records", "a,1\n"u8.ToArray());
        message[^6] ^= 0x01; // one payload bit flipped: the message CRC no longer matches
        _handler.Answer(HttpStatusCode.OK, message);

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        var error = await Should.ThrowAsync<CosEventStreamException>(async () => await result.Events.ToListAsync());

        error.ExpectedCrc32.ShouldBe(BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(message.Length - 4)));
        error.ActualCrc32.ShouldBe(Crc32.HashToUInt32(message.AsSpan(0, message.Length - 4)));
        error.ExpectedCrc32.ShouldNotBe(error.ActualCrc32);
    }

    [Fact]
    public async Task A_prelude_whose_crc_does_not_match_is_refused_before_its_length_is_trusted()
    {
        var message = Event("Records", "a,1\n"u8.ToArray());
        BinaryPrimitives.WriteUInt32BigEndian(message, 0x7fffffff); // a total length that would otherwise be read
        _handler.Answer(HttpStatusCode.OK, message);

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        var error = await Should.ThrowAsync<CosEventStreamException>(async () => await result.Events.ToListAsync());

        error.Message.ShouldContain("prelude CRC-32");
    }

    [Fact]
    public async Task A_stream_cut_inside_a_message_is_refused()
    {
        var message = Event("Records", "a,1\n"u8.ToArray());
        _handler.Answer(HttpStatusCode.OK, message[..^3]);

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        var error = await Should.ThrowAsync<CosEventStreamException>(async () => await result.Events.ToListAsync());

        error.Message.ShouldContain("ended inside a message");
    }

    [Fact]
    public async Task The_events_are_read_once()
    {
        _handler.Answer(HttpStatusCode.OK, Event("End", []));

        await using var result = await _client.SelectObjectContentAsync(SelectRequest());
        (await result.Events.ToListAsync()).ShouldHaveSingleItem().ShouldBeOfType<SelectEvent.End>();
        Should.Throw<InvalidOperationException>(() => result.Events.GetAsyncEnumerator());
    }

    // ---- An input root that is always sent: PutBucketLogging's empty BucketLoggingStatus ----

    [Fact]
    public async Task PutBucketLogging_without_a_target_sends_the_empty_root_with_its_md5()
    {
        _handler.Answer(HttpStatusCode.OK, string.Empty);
        _handler.Answer(HttpStatusCode.OK, "<BucketLoggingStatus/>");

        await _client.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Bucket });
        var got = await _client.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Bucket });

        // "If there is no child node information, logging is disabled": the root goes out even with nothing in it.
        var sent = _handler.Sent[0];
        sent.Method.ShouldBe(HttpMethod.Put);
        sent.Target.ShouldBe("/?logging");
        var xml = System.Xml.Linq.XElement.Parse(Encoding.UTF8.GetString(sent.Body));
        xml.Name.LocalName.ShouldBe("BucketLoggingStatus");
        xml.HasElements.ShouldBeFalse();
        sent.Header("Content-Type").ShouldBe("application/xml");
        sent.Header("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(sent.Body)));
        got.LoggingEnabled.ShouldBeNull();
    }

    [Fact]
    public async Task An_event_stream_of_decoded_events_yields_them_once_without_a_socket()
    {
        // What a test double (or the emulator's server role) hands over: events that are values, not frames.
        SelectEvent[] sent = [new SelectEvent.Records { Payload = "a\n"u8.ToArray() }, new SelectEvent.End()];
        await using var events = new Cos.Generated.Protocol.CosEventStream<SelectEvent>(sent.ToAsyncEnumerable());

        (await events.ToListAsync()).ShouldBe(sent);
        Should.Throw<InvalidOperationException>(() => events.GetAsyncEnumerator());
    }

    private static SelectObjectContentRequest SelectRequest() => new()
    {
        Bucket = Bucket,
        Key = "exampleobject.csv",
        Expression = "SELECT * FROM COSObject",
        ExpressionType = "SQL",
        InputSerialization = new SelectInputSerialization { CompressionType = "NONE", Csv = new SelectCsvInput { FileHeaderInfo = "NONE" } },
        OutputSerialization = new SelectOutputSerialization { Csv = new SelectCsvOutput { RecordDelimiter = "\n" } },
        RequestProgress = new SelectRequestProgress { Enabled = false },
    };

    private static byte[] Event(string type, byte[] payload) =>
        Frame(payload, (":message-type", "event"), (":event-type", type), (":content-type", "application/octet-stream"));

    /// <summary>
    /// One message as §6 of the operations reference frames it (big-endian):
    /// [total u32][headers u32][prelude CRC-32][headers][payload][message CRC-32], each header
    /// [name length u8][name][7][value length u16][value].
    /// </summary>
    private static byte[] Frame(byte[] payload, params (string Name, string Value)[] headers)
    {
        var headerBytes = new MemoryStream();
        foreach (var (name, value) in headers)
        {
            var n = Encoding.UTF8.GetBytes(name);
            var v = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte((byte)n.Length);
            headerBytes.Write(n);
            headerBytes.WriteByte(7);
            headerBytes.WriteByte((byte)(v.Length >> 8));
            headerBytes.WriteByte((byte)v.Length);
            headerBytes.Write(v);
        }

        var h = headerBytes.ToArray();
        var total = 12 + h.Length + payload.Length + 4;
        var message = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(message, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)h.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc32.HashToUInt32(message.AsSpan(0, 8)));
        h.CopyTo(message, 12);
        payload.CopyTo(message, 12 + h.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc32.HashToUInt32(message.AsSpan(0, total - 4)));
        return message;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
