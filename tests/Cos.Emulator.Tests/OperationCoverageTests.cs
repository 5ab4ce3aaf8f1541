using System.Reflection;
using System.Text;
using Cos.Emulator.Operations;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// Every operation of the spec (its row in <see cref="CosOperations"/>) has a generated client method, an emulator
/// handler, and a round trip below through our client against the emulator. When the spec grows and one of the three
/// does not, this fails: the round trips are keyed by operation name, and a row without one is reported.
/// </summary>
public sealed class OperationCoverageTests
{
    /// <summary>Operations the emulator answers with 501 NotImplemented, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotEmulated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    private const string Other = "otherbucket-1250000000";

    /// <summary>One round trip per operation: calls it through <see cref="CosClient"/> and checks what the emulator did.</summary>
    private static readonly Dictionary<string, Func<Scenario, Task>> RoundTrips = new(StringComparer.Ordinal)
    {
        ["GetService"] = async s =>
        {
            var page = await s.Client.GetServiceAsync(new GetServiceRequest());
            page.Buckets.Select(b => b.Name).ShouldContain(Emulators.Bucket);
            page.Owner.ShouldNotBeNull().ID.ShouldNotBeNullOrEmpty();
        },
        ["PutBucket"] = async s =>
        {
            await s.Client.PutBucketAsync(new PutBucketRequest { Bucket = Other });
            (await s.Client.HeadBucketAsync(new HeadBucketRequest { Bucket = Other })).StatusCode.ShouldBe(200);
        },
        ["GetBucketLocation"] = async s => (await s.Client.GetBucketLocationAsync(new GetBucketLocationRequest { Bucket = Emulators.Bucket })).LocationConstraint.ShouldBe(Emulators.Region),
        ["HeadBucket"] = async s => (await s.Client.HeadBucketAsync(new HeadBucketRequest { Bucket = Emulators.Bucket })).BucketRegion.ShouldBe(Emulators.Region),
        ["DeleteBucket"] = async s =>
        {
            await s.Client.PutBucketAsync(new PutBucketRequest { Bucket = Other });
            (await s.Client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = Other })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.HeadBucketAsync(new HeadBucketRequest { Bucket = Other }))).StatusCode.ShouldBe(404);
        },
        ["GetBucket"] = async s =>
        {
            await s.PutAsync("list/a.txt", "a");
            await s.PutAsync("list/sub/b.txt", "b");
            var page = await s.Client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Prefix = "list/", Delimiter = "/" });
            page.Contents.Select(c => c.Key).ShouldBe(["list/a.txt"]);
            page.CommonPrefixes.Select(c => c.Prefix).ShouldBe(["list/sub/"]);
            page.Contents[0].Size.ShouldBe(1);
        },
        ["ListObjectVersions"] = async s =>
        {
            await s.Client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled });
            await s.PutAsync("v.txt", "one");
            await s.PutAsync("v.txt", "two");
            await s.Client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "v.txt" });
            var page = await s.Client.ListObjectVersionsAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket, Prefix = "v" });
            page.DeleteMarkers.ShouldHaveSingleItem().IsLatest.ShouldBe(true);
            page.Versions.Select(v => (v.Key, v.Size, v.IsLatest)).ShouldBe([("v.txt", 3L, false), ("v.txt", 3L, false)]);
            page.Versions.Select(v => v.VersionId).Distinct().Count().ShouldBe(2);
        },
        ["PutObject"] = async s =>
        {
            var put = await s.Client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "p.txt", Body = new MemoryStream("hello"u8.ToArray()), ContentType = "text/plain" });
            put.ETag.ShouldBe("\"5d41402abc4b2a76b9719d911017c592\"", "the MD5 of 'hello'");
            (await s.ReadAsync("p.txt")).ShouldBe("hello");
        },
        ["GetObject"] = async s =>
        {
            await s.PutAsync("g.txt", "0123456789");
            await using var ranged = await s.Client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "g.txt", Range = "bytes=2-4" });
            ranged.StatusCode.ShouldBe(206);
            ranged.ContentRange.ShouldBe("bytes 2-4/10");
            (await new StreamReader(ranged.Body).ReadToEndAsync()).ShouldBe("234");
        },
        ["HeadObject"] = async s =>
        {
            await s.Client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "h.txt", Body = new MemoryStream("abc"u8.ToArray()), Metadata = new Dictionary<string, string> { ["owner"] = "zhang" } });
            var head = await s.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "h.txt" });
            head.ContentLength.ShouldBe(3);
            head.Metadata["owner"].ShouldBe("zhang");
        },
        ["DeleteObject"] = async s =>
        {
            await s.PutAsync("d.txt", "x");
            (await s.Client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "d.txt" })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "d.txt" }))).StatusCode.ShouldBe(404);
        },
        ["DeleteMultipleObjects"] = async s =>
        {
            await s.PutAsync("m/1", "1");
            await s.PutAsync("m/2", "2");
            var result = await s.Client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest { Bucket = Emulators.Bucket, Objects = [new ObjectIdentifier { Key = "m/1" }, new ObjectIdentifier { Key = "m/2" }] });
            result.Deleted.Select(d => d.Key).ShouldBe(["m/1", "m/2"], ignoreOrder: true);
            result.Errors.ShouldBeEmpty();
        },
        ["PutObjectCopy"] = async s =>
        {
            await s.PutAsync("c/src.txt", "copy me");
            var copy = await s.Client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "c/dst.txt", CopySource = s.CopySource("c/src.txt") });
            copy.ETag.ShouldNotBeNullOrEmpty();
            (await s.ReadAsync("c/dst.txt")).ShouldBe("copy me");
        },
        ["InitiateMultipartUpload"] = async s =>
        {
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/i.bin" });
            upload.Key.ShouldBe("mp/i.bin");
            var listed = await s.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, Prefix = "mp/i" });
            listed.Uploads.Select(u => u.UploadId).ShouldBe([upload.UploadId]);
        },
        ["UploadPart"] = async s =>
        {
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/u.bin" });
            var part = await s.Client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "mp/u.bin", UploadId = upload.UploadId!, PartNumber = 1, Body = new MemoryStream("hello"u8.ToArray()) });
            part.ETag.ShouldBe("\"5d41402abc4b2a76b9719d911017c592\"");
        },
        ["UploadPartCopy"] = async s =>
        {
            await s.PutAsync("mp/source.txt", "0123456789");
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/pc.bin" });
            var part = await s.Client.UploadPartCopyAsync(new UploadPartCopyRequest { Bucket = Emulators.Bucket, Key = "mp/pc.bin", UploadId = upload.UploadId!, PartNumber = 1, CopySource = s.CopySource("mp/source.txt"), CopySourceRange = "bytes=3-5" });
            part.ETag.ShouldBe("\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("345"u8)) + "\"");
        },
        ["CompleteMultipartUpload"] = async s =>
        {
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/c.bin" });
            var part = await s.Client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "mp/c.bin", UploadId = upload.UploadId!, PartNumber = 1, Body = new MemoryStream("whole"u8.ToArray()) });
            var done = await s.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/c.bin", UploadId = upload.UploadId!, Parts = [new CompletedPart { PartNumber = 1, ETag = part.ETag! }] });
            done.ETag.ShouldNotBeNull().ShouldEndWith("-1\"");
            (await s.ReadAsync("mp/c.bin")).ShouldBe("whole");
        },
        ["AbortMultipartUpload"] = async s =>
        {
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/a.bin" });
            (await s.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/a.bin", UploadId = upload.UploadId! })).StatusCode.ShouldBe(204);
            (await s.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, Prefix = "mp/a" })).Uploads.ShouldBeEmpty();
        },
        ["ListParts"] = async s =>
        {
            var upload = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "mp/l.bin" });
            await s.Client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "mp/l.bin", UploadId = upload.UploadId!, PartNumber = 2, Body = new MemoryStream("xy"u8.ToArray()) });
            var parts = await s.Client.ListPartsAsync(new ListPartsRequest { Bucket = Emulators.Bucket, Key = "mp/l.bin", UploadId = upload.UploadId! });
            parts.Parts.Select(p => (p.PartNumber, p.Size)).ShouldBe([(2, 2L)]);
        },
        ["PutBucketPolicy"] = async s =>
        {
            (await s.Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { Bucket = Emulators.Bucket, Policy = Policy() })).StatusCode.ShouldBe(204);
            (await s.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Emulators.Bucket })).Policy.ShouldNotBeNull().Statement.ShouldHaveSingleItem();
        },
        ["GetBucketPolicy"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchPolicy");
            await s.Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { Bucket = Emulators.Bucket, Policy = Policy() });
            var policy = (await s.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Emulators.Bucket })).Policy.ShouldNotBeNull();
            policy.Version.ShouldBe("2.0");
            var statement = policy.Statement.ShouldHaveSingleItem();
            statement.Effect.ShouldBe(PolicyEffect.Allow);
            statement.Principal.ShouldNotBeNull().Qcs.ShouldBe(["qcs::cam::uin/100000000001:uin/100000000011"]);
            statement.Action.ShouldBe(["name/cos:GetObject"]);
            statement.Resource.ShouldBe(["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/public/*"]);
            statement.Condition.ShouldNotBeNull().GetProperty("ip_equal").GetProperty("qcs:ip")[0].GetString().ShouldBe("10.0.0.0/8");
        },
        ["DeleteBucketPolicy"] = async s =>
        {
            await s.Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { Bucket = Emulators.Bucket, Policy = Policy() });
            (await s.Client.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = Emulators.Bucket }))).StatusCode.ShouldBe(404);
        },
        ["PutBucketTagging"] = async s =>
        {
            (await s.Client.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = Emulators.Bucket, TagSet = [new Tag { Key = "team", Value = "storage" }] })).StatusCode.ShouldBe(204);
            (await s.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = Emulators.Bucket })).TagSet.ShouldBe([new Tag { Key = "team", Value = "storage" }]);
        },
        ["GetBucketTagging"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchTagSet");
            await s.Client.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = Emulators.Bucket, TagSet = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "<&>" }] });
            (await s.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = Emulators.Bucket })).TagSet.ShouldBe([new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "<&>" }]);
        },
        ["DeleteBucketTagging"] = async s =>
        {
            await s.Client.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = Emulators.Bucket, TagSet = [new Tag { Key = "a", Value = "1" }] });
            (await s.Client.DeleteBucketTaggingAsync(new DeleteBucketTaggingRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchTagSet");
        },
        ["PutBucketCors"] = async s =>
        {
            var rule = new CorsRule { Id = "web", AllowedOrigins = ["https://*.example.com"], AllowedMethods = [CorsMethod.Get, CorsMethod.Put], AllowedHeaders = ["*"], ExposeHeaders = ["ETag"], MaxAgeSeconds = 600 };
            (await s.Client.PutBucketCorsAsync(new PutBucketCorsRequest { Bucket = Emulators.Bucket, CorsRules = [rule], ResponseVary = true })).StatusCode.ShouldBe(200);
            var cors = await s.Client.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Emulators.Bucket });
            var stored = cors.CorsRules.ShouldHaveSingleItem();
            stored.Id.ShouldBe("web");
            stored.AllowedOrigins.ShouldBe(["https://*.example.com"]);
            stored.AllowedMethods.ShouldBe([CorsMethod.Get, CorsMethod.Put]);
            stored.AllowedHeaders.ShouldBe(["*"]);
            stored.ExposeHeaders.ShouldBe(["ETag"]);
            stored.MaxAgeSeconds.ShouldBe(600);
            cors.ResponseVary.ShouldBe(true);
            (await Should.ThrowAsync<CosException>(() => s.Client.PutBucketCorsAsync(new PutBucketCorsRequest { Bucket = Other, CorsRules = [rule] }))).ErrorCode.ShouldBe("NoSuchBucket");
        },
        ["GetBucketCors"] = async s =>
        {
            var missing = await Should.ThrowAsync<CosException>(() => s.Client.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Emulators.Bucket }));
            missing.ErrorCode.ShouldBe("NoSuchCORSConfiguration");
            missing.StatusCode.ShouldBe(404);
            await s.Client.PutBucketCorsAsync(new PutBucketCorsRequest
            {
                Bucket = Emulators.Bucket,
                CorsRules =
                [
                    new CorsRule { AllowedOrigins = ["http://a.test", "http://b.test"], AllowedMethods = [CorsMethod.Head] },
                    new CorsRule { Id = "second", AllowedOrigins = ["*"], AllowedMethods = [CorsMethod.Delete, CorsMethod.Post] },
                ],
            });
            var cors = await s.Client.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Emulators.Bucket });
            cors.CorsRules.Select(r => r.Id).ShouldBe([null, "second"]);
            cors.CorsRules[0].AllowedOrigins.ShouldBe(["http://a.test", "http://b.test"]);
            cors.CorsRules[1].AllowedMethods.ShouldBe([CorsMethod.Delete, CorsMethod.Post]);
            cors.CorsRules[0].MaxAgeSeconds.ShouldBeNull();
            cors.ResponseVary.ShouldBeNull();
        },
        ["DeleteBucketCors"] = async s =>
        {
            await s.Client.PutBucketCorsAsync(new PutBucketCorsRequest { Bucket = Emulators.Bucket, CorsRules = [new CorsRule { AllowedOrigins = ["*"], AllowedMethods = [CorsMethod.Get] }] });
            (await s.Client.DeleteBucketCorsAsync(new DeleteBucketCorsRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchCORSConfiguration");
        },
        ["PutBucketVersioning"] = async s =>
        {
            (await s.Client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = Emulators.Bucket })).Status.ShouldBe(BucketVersioningStatus.Enabled);
            await s.Client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Suspended });
            (await s.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = Emulators.Bucket })).Status.ShouldBe(BucketVersioningStatus.Suspended);
            var bad = await Should.ThrowAsync<CosException>(() => s.Client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = new BucketVersioningStatus("Disabled") }));
            bad.StatusCode.ShouldBe(400);
            bad.ErrorCode.ShouldBe("MalformedXML");
        },
        ["GetBucketVersioning"] = async s =>
        {
            // A bucket that never had versioning: 200 and an empty VersioningConfiguration, not an error.
            var never = await s.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = Emulators.Bucket });
            never.StatusCode.ShouldBe(200);
            never.Status.ShouldBeNull();
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = Other }))).ErrorCode.ShouldBe("NoSuchBucket");
        },
        ["PutBucketReferer"] = async s =>
        {
            (await s.Client.PutBucketRefererAsync(new PutBucketRefererRequest
            {
                Bucket = Emulators.Bucket,
                Status = RefererStatus.Enabled,
                RefererType = RefererType.WhiteList,
                Domains = ["*.qq.com", "192.168.1.2:8080"],
                EmptyReferConfiguration = EmptyRefererAccess.Allow,
            })).StatusCode.ShouldBe(200);
            var referer = await s.Client.GetBucketRefererAsync(new GetBucketRefererRequest { Bucket = Emulators.Bucket });
            referer.Status.ShouldBe(RefererStatus.Enabled);
            referer.RefererType.ShouldBe(RefererType.WhiteList);
            referer.Domains.ShouldBe(["*.qq.com", "192.168.1.2:8080"]);
            referer.EmptyReferConfiguration.ShouldBe(EmptyRefererAccess.Allow);
        },
        ["GetBucketReferer"] = async s =>
        {
            var missing = await Should.ThrowAsync<CosException>(() => s.Client.GetBucketRefererAsync(new GetBucketRefererRequest { Bucket = Emulators.Bucket }));
            missing.StatusCode.ShouldBe(404);
            missing.ErrorCode.ShouldBe("NoSuchRefererConfiguration");
            await s.Client.PutBucketRefererAsync(new PutBucketRefererRequest { Bucket = Emulators.Bucket, Status = RefererStatus.Disabled, RefererType = RefererType.BlackList, Domains = ["evil.test"] });
            var referer = await s.Client.GetBucketRefererAsync(new GetBucketRefererRequest { Bucket = Emulators.Bucket });
            referer.Status.ShouldBe(RefererStatus.Disabled);
            referer.RefererType.ShouldBe(RefererType.BlackList);
            referer.Domains.ShouldBe(["evil.test"]);
            referer.EmptyReferConfiguration.ShouldBeNull();
        },
        ["PutBucketEncryption"] = async s =>
        {
            var rule = new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Kms, KmsMasterKeyId = "kms-key-1" } };
            (await s.Client.PutBucketEncryptionAsync(new PutBucketEncryptionRequest { Bucket = Emulators.Bucket, Rule = rule })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { Bucket = Emulators.Bucket })).Rule.ShouldBe(rule);
        },
        ["GetBucketEncryption"] = async s =>
        {
            var missing = await Should.ThrowAsync<CosException>(() => s.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { Bucket = Emulators.Bucket }));
            missing.StatusCode.ShouldBe(404);
            missing.ErrorCode.ShouldBe("NoSuchEncryptionConfiguration");
            await s.Client.PutBucketEncryptionAsync(new PutBucketEncryptionRequest { Bucket = Emulators.Bucket, Rule = new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Aes256 } } });
            var got = (await s.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { Bucket = Emulators.Bucket })).Rule.ShouldNotBeNull();
            got.ApplyServerSideEncryptionByDefault.SseAlgorithm.ShouldBe(BucketEncryptionAlgorithm.Aes256);
            got.ApplyServerSideEncryptionByDefault.KmsMasterKeyId.ShouldBeNull();
        },
        ["DeleteBucketEncryption"] = async s =>
        {
            await s.Client.PutBucketEncryptionAsync(new PutBucketEncryptionRequest { Bucket = Emulators.Bucket, Rule = new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Aes256 } } });
            (await s.Client.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchEncryptionConfiguration");
        },
        ["PutBucketWebsite"] = async s =>
        {
            (await s.Client.PutBucketWebsiteAsync(Website(Emulators.Bucket))).StatusCode.ShouldBe(200);
            var website = await s.Client.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = Emulators.Bucket });
            website.IndexDocument.ShouldBe(new WebsiteIndexDocument { Suffix = "index.html" });
            website.ErrorDocument.ShouldBe(new WebsiteErrorDocument { Key = "error.html", OriginalHttpStatus = "Enabled" });
            website.RoutingRules.ShouldBe(
            [
                new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { HttpErrorCodeReturnedEquals = 404 }, Redirect = new WebsiteRedirect { Protocol = "https", ReplaceKeyWith = "404.html" } },
                new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { KeyPrefixEquals = "docs/" }, Redirect = new WebsiteRedirect { ReplaceKeyPrefixWith = "documents/" } },
            ]);
        },
        ["GetBucketWebsite"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchWebsiteConfiguration");
            await s.Client.PutBucketWebsiteAsync(new PutBucketWebsiteRequest { Bucket = Emulators.Bucket, RedirectAllRequestsTo = new WebsiteRedirectAll { Protocol = "https" } });
            var website = await s.Client.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = Emulators.Bucket });
            website.RedirectAllRequestsTo.ShouldBe(new WebsiteRedirectAll { Protocol = "https" });
            website.IndexDocument.ShouldBeNull();
            website.RoutingRules.ShouldBeEmpty();
        },
        ["DeleteBucketWebsite"] = async s =>
        {
            await s.Client.PutBucketWebsiteAsync(Website(Emulators.Bucket));
            (await s.Client.DeleteBucketWebsiteAsync(new DeleteBucketWebsiteRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchWebsiteConfiguration");
        },
        ["PutObjectTagging"] = async s =>
        {
            await s.PutAsync("t.txt", "tagged");
            (await s.Client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt", TagSet = [new Tag { Key = "k", Value = "v" }] })).StatusCode.ShouldBe(200);
            (await s.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" })).TagSet.ShouldBe([new Tag { Key = "k", Value = "v" }]);
            (await Should.ThrowAsync<CosException>(() => s.Client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "missing.txt", TagSet = [] }))).ErrorCode.ShouldBe("NoSuchKey");
        },
        ["GetObjectTagging"] = async s =>
        {
            await s.PutAsync("t.txt", "tagged");
            (await Should.ThrowAsync<CosException>(() => s.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" }))).ErrorCode.ShouldBe("NoSuchTagSet");
            await s.Client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt", TagSet = [new Tag { Key = "k", Value = "v" }] });
            (await s.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" })).TagSet.ShouldBe([new Tag { Key = "k", Value = "v" }]);
            (await s.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = Emulators.Bucket }).ContinueWith(t => t.IsFaulted)).ShouldBeTrue("an object's tags are not the bucket's");
        },
        ["DeleteObjectTagging"] = async s =>
        {
            await s.PutAsync("t.txt", "tagged");
            await s.Client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt", TagSet = [new Tag { Key = "k", Value = "v" }] });
            (await s.Client.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" }))).ErrorCode.ShouldBe("NoSuchTagSet");
        },
        ["PutObjectAcl"] = async s =>
        {
            await s.PutAsync("acl.txt", "shared");
            (await s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt", Acl = ObjectAcl.PublicRead, GrantReadAcp = "id=\"100000000011\"" })).StatusCode.ShouldBe(200);
            var canned = await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" });
            canned.Grants.Select(g => (g.Grantee.Type, g.Grantee.ID ?? g.Grantee.URI, g.Permission)).ShouldBe(
            [
                (GranteeType.CanonicalUser, "qcs::cam::uin/100000000001:uin/100000000001", Permission.FullControl),
                (GranteeType.Group, "http://cam.qcloud.com/groups/global/AllUsers", Permission.Read),
                (GranteeType.CanonicalUser, "qcs::cam::uin/100000000011:uin/100000000011", Permission.ReadAcp),
            ]);
            (await s.Client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Emulators.Bucket })).Grants.Count.ShouldBe(1, "an object's ACL is not the bucket's");

            // The body form replaces it; "default" drops it again.
            var reader = new Grant { Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = "qcs::cam::uin/1:uin/2" }, Permission = Permission.Read };
            await s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt", Owner = canned.Owner, Grants = [reader] });
            (await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" })).Grants.ShouldBe([reader]);
            await s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt", Acl = ObjectAcl.Default });
            (await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" })).Grants.ShouldHaveSingleItem().Permission.ShouldBe(Permission.FullControl);

            // A new version of the object starts without one.
            await s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt", Acl = ObjectAcl.AuthenticatedRead });
            await s.PutAsync("acl.txt", "rewritten");
            (await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" })).Grants.ShouldHaveSingleItem().Permission.ShouldBe(Permission.FullControl);
            (await Should.ThrowAsync<CosException>(() => s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "missing.txt", Acl = ObjectAcl.Private }))).ErrorCode.ShouldBe("NoSuchKey");
        },
        ["GetObjectAcl"] = async s =>
        {
            await s.PutAsync("acl.txt", "mine");
            var acl = await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" });
            acl.Owner.ShouldNotBeNull().ID.ShouldBe("qcs::cam::uin/100000000001:uin/100000000001");
            var grant = acl.Grants.ShouldHaveSingleItem("an object that never had an ACL: its owner's FULL_CONTROL");
            (grant.Grantee.Type, grant.Grantee.ID, grant.Permission).ShouldBe((GranteeType.CanonicalUser, "qcs::cam::uin/100000000001:uin/100000000001", Permission.FullControl));
            await s.Client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt", Acl = ObjectAcl.BucketOwnerRead });
            (await s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "acl.txt" })).Grants.Select(g => g.Permission).ShouldBe([Permission.FullControl, Permission.Read]);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "missing.txt" }))).ErrorCode.ShouldBe("NoSuchKey");
        },
        ["OptionsObject"] = async s =>
        {
            var rule = new CorsRule { AllowedOrigins = ["https://*.example.com"], AllowedMethods = [CorsMethod.Put], AllowedHeaders = ["content-type", "x-cos-*"], ExposeHeaders = ["ETag"], MaxAgeSeconds = 300 };
            await s.Client.PutBucketCorsAsync(new PutBucketCorsRequest { Bucket = Emulators.Bucket, CorsRules = [rule] });
            var allowed = await s.Client.OptionsObjectAsync(new OptionsObjectRequest
            {
                Bucket = Emulators.Bucket, Key = "o.txt", Origin = "https://app.example.com", AccessControlRequestMethod = "PUT", AccessControlRequestHeaders = "Content-Type, x-cos-meta-a",
            });
            allowed.Forbidden.ShouldNotBe(true);
            (allowed.AccessControlAllowOrigin, allowed.AccessControlAllowMethods, allowed.AccessControlAllowHeaders).ShouldBe(("https://app.example.com", "PUT", "Content-Type,x-cos-meta-a"));
            (allowed.AccessControlExposeHeaders, allowed.AccessControlMaxAge).ShouldBe(("ETag", 300));

            // No rule allows GET from that origin: COS answers 403, which the client reports as Forbidden, not an error.
            var refused = await s.Client.OptionsObjectAsync(new OptionsObjectRequest { Bucket = Emulators.Bucket, Key = "o.txt", Origin = "https://evil.example.org", AccessControlRequestMethod = "PUT" });
            refused.Forbidden.ShouldBe(true);
            refused.AccessControlAllowOrigin.ShouldBeNull();
        },
        ["AppendObject"] = async s =>
        {
            AppendObjectRequest Append(string key, long position, string text) => new()
            {
                Bucket = Emulators.Bucket, Key = key, Position = position, Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), ContentLength = text.Length,
            };
            var first = await s.Client.AppendObjectAsync(Append("log.txt", 0, "hello"));
            first.NextAppendPosition.ShouldBe(5);
            var second = await s.Client.AppendObjectAsync(Append("log.txt", 5, " world"));
            second.NextAppendPosition.ShouldBe(11);
            (await s.ReadAsync("log.txt")).ShouldBe("hello world");
            var head = await s.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt" });
            (head.ObjectType, head.ContentLength).ShouldBe(("appendable", 11L));

            var stale = await Should.ThrowAsync<CosException>(() => s.Client.AppendObjectAsync(Append("log.txt", 5, "again")));
            (stale.StatusCode, stale.ErrorCode).ShouldBe((409, "PositionNotEqualToLength"));
            (await Should.ThrowAsync<CosException>(() => s.Client.AppendObjectAsync(Append("fresh.txt", 3, "x")))).ErrorCode.ShouldBe("PositionNotEqualToLength", "a missing object is created only at position 0");
            await s.PutAsync("normal.txt", "put");
            var normal = await Should.ThrowAsync<CosException>(() => s.Client.AppendObjectAsync(Append("normal.txt", 3, "x")));
            (normal.StatusCode, normal.ErrorCode).ShouldBe((409, "ObjectNotAppendable"));
            (await s.ReadAsync("log.txt")).ShouldBe("hello world", "refused appends change nothing");
        },
        ["PostObjectRestore"] = async s =>
        {
            await s.Client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "cold.txt", Body = new MemoryStream("frozen"u8.ToArray()), StorageClass = StorageClass.Archive });
            var archived = await Should.ThrowAsync<CosException>(() => s.ReadAsync("cold.txt"));
            (archived.StatusCode, archived.ErrorCode).ShouldBe((403, "InvalidObjectState"));
            (await s.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "cold.txt" })).Restore.ShouldBeNull("never restored");

            var before = DateTimeOffset.UtcNow;
            var restore = await s.Client.PostObjectRestoreAsync(new PostObjectRestoreRequest
            {
                Bucket = Emulators.Bucket, Key = "cold.txt", Days = 2, CASJobParameters = new CASJobParameters { Tier = RestoreTier.Standard },
            });
            restore.StatusCode.ShouldBe(202);
            var header = (await s.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "cold.txt" })).Restore.ShouldNotBeNull();
            var match = System.Text.RegularExpressions.Regex.Match(header, "^ongoing-request=\"false\", expiry-date=\"(.+)\"$");
            match.Success.ShouldBeTrue(header);
            var expiry = DateTimeOffset.ParseExact(match.Groups[1].Value, "r", System.Globalization.CultureInfo.InvariantCulture);
            expiry.ShouldBeInRange(before.AddDays(2).AddSeconds(-2), DateTimeOffset.UtcNow.AddDays(2).AddSeconds(2));
            (await s.ReadAsync("cold.txt")).ShouldBe("frozen", "a restored copy is readable");

            // Only archived objects restore, and a new version is archived again.
            await s.PutAsync("warm.txt", "standard");
            (await Should.ThrowAsync<CosException>(() => s.Client.PostObjectRestoreAsync(new PostObjectRestoreRequest
            {
                Bucket = Emulators.Bucket, Key = "warm.txt", Days = 1, CASJobParameters = new CASJobParameters { Tier = RestoreTier.Bulk },
            }))).ErrorCode.ShouldBe("InvalidObjectState");
            await s.Client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "cold.txt", Body = new MemoryStream("v2"u8.ToArray()), StorageClass = StorageClass.DeepArchive });
            (await Should.ThrowAsync<CosException>(() => s.ReadAsync("cold.txt"))).ErrorCode.ShouldBe("InvalidObjectState");
            (await Should.ThrowAsync<CosException>(() => s.Client.PostObjectRestoreAsync(new PostObjectRestoreRequest
            {
                Bucket = Emulators.Bucket, Key = "cold.txt", Days = 1, CASJobParameters = new CASJobParameters { Tier = RestoreTier.Expedited },
            }))).ErrorCode.ShouldBe("InvalidArgument", "DEEP_ARCHIVE restores only with Standard or Bulk");
        },
        ["GetBucketAcl"] = async s =>
        {
            var acl = await s.Client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Emulators.Bucket });
            var grant = acl.Grants.ShouldHaveSingleItem("a bucket that never had an ACL: its owner's FULL_CONTROL");
            grant.Permission.ShouldBe(Permission.FullControl);
            grant.Grantee.Type.ShouldBe(GranteeType.CanonicalUser);
            grant.Grantee.ID.ShouldBe(acl.Owner.ShouldNotBeNull().ID);
        },
        ["PutBucketAcl"] = async s =>
        {
            await s.Client.PutBucketAclAsync(new PutBucketAclRequest { Bucket = Emulators.Bucket, Acl = BucketAcl.PublicRead, GrantWrite = "id=\"100000000011\"" });
            var canned = await s.Client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Emulators.Bucket });
            canned.Grants.Select(g => (g.Grantee.Type, g.Grantee.ID ?? g.Grantee.URI, g.Permission)).Skip(1).ShouldBe(
            [
                (GranteeType.Group, "http://cam.qcloud.com/groups/global/AllUsers", Permission.Read),
                (GranteeType.CanonicalUser, "qcs::cam::uin/100000000011:uin/100000000011", Permission.Write),
            ]);

            // The body form replaces it, xsi:type and all.
            var owner = canned.Owner.ShouldNotBeNull();
            var reader = new Grant { Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = "qcs::cam::uin/1:uin/2" }, Permission = Permission.ReadAcp };
            await s.Client.PutBucketAclAsync(new PutBucketAclRequest { Bucket = Emulators.Bucket, Owner = owner, Grants = [reader] });
            (await s.Client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = Emulators.Bucket })).Grants.ShouldBe([reader]);
        },
        ["ListMultipartUploads"] = async s =>
        {
            var a = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "lu/a" });
            var b = await s.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "lu/b" });
            var listed = await s.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, Prefix = "lu/" });
            listed.Uploads.Select(u => u.UploadId).ShouldBe([a.UploadId, b.UploadId], ignoreOrder: true);
        },
        ["PutBucketInventory"] = async s =>
        {
            (await s.Client.PutBucketInventoryAsync(Inventory("list1"))).StatusCode.ShouldBe(200);
            var inventory = await s.Client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" });
            inventory.Id.ShouldBe("list1");
            inventory.IsEnabled.ShouldBe(true);
            inventory.Destination.ShouldBeEquivalentTo(Inventory("list1").Destination);
            inventory.Schedule.ShouldBe(new InventorySchedule { Frequency = InventoryFrequency.Daily });
            inventory.Filter.ShouldNotBeNull().And.ShouldNotBeNull().Tags.ShouldBe([new Tag { Key = "age", Value = "18" }]);
            inventory.IncludedObjectVersions.ShouldBe(InventoryIncludedObjectVersions.All);
            inventory.OptionalFields.ShouldBe([InventoryOptionalField.Size, InventoryOptionalField.ETag, InventoryOptionalField.UserMetadata]);

            // A PUT of the same id replaces the job.
            await s.Client.PutBucketInventoryAsync(Inventory("list1", enabled: false, frequency: InventoryFrequency.Weekly));
            inventory = await s.Client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" });
            (inventory.IsEnabled, inventory.Schedule?.Frequency).ShouldBe((false, InventoryFrequency.Weekly));
        },
        ["GetBucketInventory"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" }))).ErrorCode.ShouldBe("NoSuchInventoryConfiguration");
            await s.Client.PutBucketInventoryAsync(Inventory("list1", filter: new InventoryFilter { Period = new InventoryPeriod { StartTime = DateTimeOffset.FromUnixTimeSeconds(1568688761), EndTime = DateTimeOffset.FromUnixTimeSeconds(1568688762) } }));
            var inventory = await s.Client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" });
            inventory.Filter.ShouldNotBeNull().Period.ShouldBe(new InventoryPeriod { StartTime = DateTimeOffset.FromUnixTimeSeconds(1568688761), EndTime = DateTimeOffset.FromUnixTimeSeconds(1568688762) });
        },
        ["DeleteBucketInventory"] = async s =>
        {
            await s.Client.PutBucketInventoryAsync(Inventory("list1"));
            (await s.Client.DeleteBucketInventoryAsync(new DeleteBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" }))).ErrorCode.ShouldBe("NoSuchInventoryConfiguration");
            (await Should.ThrowAsync<CosException>(() => s.Client.DeleteBucketInventoryAsync(new DeleteBucketInventoryRequest { Bucket = Emulators.Bucket, Id = "list1" }))).ErrorCode.ShouldBe("NoSuchInventoryConfiguration");
        },
        ["ListBucketInventory"] = async s =>
        {
            (await s.Client.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket })).InventoryConfigurations.ShouldBeEmpty();
            await s.Client.PutBucketInventoryAsync(Inventory("list2"));
            await s.Client.PutBucketInventoryAsync(Inventory("list1"));
            var page = await s.Client.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket });
            page.InventoryConfigurations.Select(c => c.Id).ShouldBe(["list1", "list2"]);
            page.IsTruncated.ShouldBe(false);
            page.NextContinuationToken.ShouldBeNull();
            page.InventoryConfigurations[0].Destination.ShouldNotBeNull().CosBucketDestination.Prefix.ShouldBe("cos_bucket_inventory");
        },
        ["PostBucketInventory"] = async s =>
        {
            var started = await s.Client.PostBucketInventoryAsync(OneOffInventory("disposable"));
            started.StatusCode.ShouldBe(200);
            started.JobId.ShouldNotBeNullOrEmpty();

            // A one-off job is not a periodic one, and its id cannot be submitted again.
            (await s.Client.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = Emulators.Bucket })).InventoryConfigurations.ShouldBeEmpty();
            (await Should.ThrowAsync<CosException>(() => s.Client.PostBucketInventoryAsync(OneOffInventory("disposable")))).ErrorCode.ShouldBe("InvalidArgument");
        },
        ["PutBucketReplication"] = async s =>
        {
            await EnableVersioningAsync(s, Emulators.Bucket, Other);
            (await s.Client.PutBucketReplicationAsync(Replication(Emulators.Bucket, Other))).StatusCode.ShouldBe(200);
            var replication = await s.Client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket });
            replication.Role.ShouldBe("qcs::cam::uin/100000000001:uin/100000000001");
            replication.Rules.ShouldBe(Replication(Emulators.Bucket, Other).Rules);
        },
        ["GetBucketReplication"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("ReplicationConfigurationnotFoundError");
            await EnableVersioningAsync(s, Emulators.Bucket, Other);
            await s.Client.PutBucketReplicationAsync(Replication(Emulators.Bucket, Other, [new ReplicationRule { Status = ReplicationRuleStatus.Disabled, Prefix = "", Destination = new ReplicationDestination { Bucket = $"qcs::cos:{Emulators.Region}::{Other}" } }]));
            var rule = (await s.Client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket })).Rules.ShouldHaveSingleItem();
            (rule.ID, rule.Status, rule.Prefix, rule.Destination.StorageClass).ShouldBe((null, ReplicationRuleStatus.Disabled, "", null));
        },
        ["DeleteBucketReplication"] = async s =>
        {
            await EnableVersioningAsync(s, Emulators.Bucket, Other);
            await s.Client.PutBucketReplicationAsync(Replication(Emulators.Bucket, Other));
            (await s.Client.DeleteBucketReplicationAsync(new DeleteBucketReplicationRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("ReplicationConfigurationnotFoundError");
        },
        ["PutBucketLifecycle"] = async s =>
        {
            (await s.Client.PutBucketLifecycleAsync(Lifecycle(Emulators.Bucket))).StatusCode.ShouldBe(200);
            var rules = (await s.Client.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Emulators.Bucket })).Rules;
            rules.Count.ShouldBe(2);
            rules[0].ID.ShouldBe("archive-logs");
            rules[0].Filter.ShouldBe(new LifecycleFilter { Prefix = "logs/" });
            rules[0].Transitions.ShouldBe([new LifecycleTransition { Days = 30, StorageClass = StorageClass.StandardIa }, new LifecycleTransition { Days = 180, StorageClass = StorageClass.Archive }]);
            rules[0].Expiration.ShouldBe(new LifecycleExpiration { Days = 365 });
            rules[1].Status.ShouldBe(LifecycleRuleStatus.Disabled);
            rules[1].Filter!.And!.Tags.ShouldBe([new Tag { Key = "type", Value = "image" }]);
            rules[1].AbortIncompleteMultipartUpload.ShouldBe(new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 });

            // What the generated reader cannot check, the emulator's Validate hook does, as COS documents: Days and Date
            // never in one rule, at most 1000 rules. A refused PUT leaves the rules as they were.
            var both = new LifecycleRule { ID = "both", Status = LifecycleRuleStatus.Enabled, Transitions = [new LifecycleTransition { Days = 30, StorageClass = StorageClass.Archive }], Expiration = new LifecycleExpiration { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) } };
            (await Should.ThrowAsync<CosException>(() => s.Client.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Emulators.Bucket, Rules = [both] }))).ErrorCode.ShouldBe("InvalidArgument");
            var tooMany = Enumerable.Range(0, 1001).Select(i => new LifecycleRule { ID = $"r{i}", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter { Prefix = $"p{i}/" }, Expiration = new LifecycleExpiration { Days = 1 } }).ToList();
            (await Should.ThrowAsync<CosException>(() => s.Client.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Emulators.Bucket, Rules = tooMany }))).ErrorCode.ShouldBe("InvalidArgument");
            (await s.Client.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Emulators.Bucket, Rules = tooMany.Take(1000).ToList() })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Emulators.Bucket })).Rules.Count.ShouldBe(1000);
            (await Should.ThrowAsync<CosException>(() => s.Client.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Other, Rules = [both] }))).ErrorCode.ShouldBe("NoSuchBucket");
        },
        ["GetBucketLifecycle"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchLifecycleConfiguration");
            var date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
            await s.Client.PutBucketLifecycleAsync(new PutBucketLifecycleRequest
            {
                Bucket = Emulators.Bucket,
                Rules = [new LifecycleRule { ID = "by-date", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter(), Expiration = new LifecycleExpiration { Date = date } }],
            });
            var rule = (await s.Client.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Emulators.Bucket })).Rules.ShouldHaveSingleItem();
            rule.Expiration.ShouldNotBeNull().Date.ShouldBe(date);
            rule.Transitions.ShouldBeEmpty();
        },
        ["DeleteBucketLifecycle"] = async s =>
        {
            await s.Client.PutBucketLifecycleAsync(Lifecycle(Emulators.Bucket));
            (await s.Client.DeleteBucketLifecycleAsync(new DeleteBucketLifecycleRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchLifecycleConfiguration");
        },
        ["PutBucketDomain"] = async s =>
        {
            DomainRule[] rules =
            [
                new DomainRule { Status = DomainStatus.Enabled, Name = "www.example.com", Type = DomainOriginType.Rest },
                new DomainRule { Status = DomainStatus.Disabled, Name = "static.example.com", Type = DomainOriginType.Website, ForcedReplacement = DomainForcedReplacement.Txt },
            ];
            (await s.Client.PutBucketDomainAsync(new PutBucketDomainRequest { Bucket = Emulators.Bucket, DomainRules = rules })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Emulators.Bucket })).DomainRules.ShouldBe(rules);
        },
        ["GetBucketDomain"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchDomainConfiguration");
            await s.Client.PutBucketDomainAsync(new PutBucketDomainRequest { Bucket = Emulators.Bucket, DomainRules = [new DomainRule { Status = DomainStatus.Enabled, Name = "cdn.example.com", Type = DomainOriginType.Accelerate }] });
            var domain = await s.Client.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Emulators.Bucket });
            domain.DomainRules.ShouldBe([new DomainRule { Status = DomainStatus.Enabled, Name = "cdn.example.com", Type = DomainOriginType.Accelerate }]);
            domain.TxtVerification.ShouldBeNull("the emulator verifies no domain");
        },
        ["DeleteBucketDomain"] = async s =>
        {
            await s.Client.PutBucketDomainAsync(new PutBucketDomainRequest { Bucket = Emulators.Bucket, DomainRules = [new DomainRule { Status = DomainStatus.Enabled, Name = "www.example.com", Type = DomainOriginType.Rest }] });
            (await s.Client.DeleteBucketDomainAsync(new DeleteBucketDomainRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchDomainConfiguration");
        },
        ["PutBucketOrigin"] = async s =>
        {
            (await s.Client.PutBucketOriginAsync(Origin(Emulators.Bucket))).StatusCode.ShouldBe(200);
            var rule = (await s.Client.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Emulators.Bucket })).OriginRules.ShouldHaveSingleItem();
            rule.RulePriority.ShouldBe(1);
            rule.OriginType.ShouldBe(OriginType.Mirror);
            rule.OriginCondition.ShouldBe(new OriginCondition { HTTPStatusCode = 404, Prefix = "images/" });
            rule.OriginParameter.Protocol.ShouldBe(OriginProtocol.Https);
            rule.OriginParameter.FollowQueryString.ShouldBe(true);
            rule.OriginParameter.HttpHeader.ShouldNotBeNull().NewHttpHeaders.ShouldBe([new OriginHeader { Key = "x-cos-meta-from", Value = "origin" }]);
            rule.OriginInfo.HostInfo.ShouldBe(new OriginHostInfo { HostName = "origin.example.com" });

            // The spec's min: the client refuses a RulePriority below 1 before sending (the emulator's own check: ConfigurationValidationTests).
            var zero = Origin(Emulators.Bucket).OriginRules[0] with { RulePriority = 0 };
            (await Should.ThrowAsync<ArgumentOutOfRangeException>(() => s.Client.PutBucketOriginAsync(new PutBucketOriginRequest { Bucket = Emulators.Bucket, OriginRules = [zero] }))).Message.ShouldContain("RulePriority");
        },
        ["GetBucketOrigin"] = async s =>
        {
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchOriginConfiguration");
            await s.Client.PutBucketOriginAsync(Origin(Emulators.Bucket));
            (await s.Client.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Emulators.Bucket })).OriginRules.Single().OriginInfo.HostInfo!.HostName.ShouldBe("origin.example.com");
        },
        ["DeleteBucketOrigin"] = async s =>
        {
            await s.Client.PutBucketOriginAsync(Origin(Emulators.Bucket));
            (await s.Client.DeleteBucketOriginAsync(new DeleteBucketOriginRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(204);
            (await Should.ThrowAsync<CosException>(() => s.Client.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("NoSuchOriginConfiguration");
        },
        ["PutBucketAccelerate"] = async s =>
        {
            (await s.Client.PutBucketAccelerateAsync(new PutBucketAccelerateRequest { Bucket = Emulators.Bucket, Status = AccelerateStatus.Enabled, Type = AccelerateType.Cos })).StatusCode.ShouldBe(200);
            var accelerate = await s.Client.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Emulators.Bucket });
            accelerate.Status.ShouldBe(AccelerateStatus.Enabled);
            accelerate.Type.ShouldBe(AccelerateType.Cos);
            (await Should.ThrowAsync<CosException>(() => s.Client.PutBucketAccelerateAsync(new PutBucketAccelerateRequest { Bucket = Emulators.Bucket, Status = new AccelerateStatus("Disabled") }))).ErrorCode.ShouldBe("MalformedXML");
        },
        ["GetBucketAccelerate"] = async s =>
        {
            // Never enabled: 200 with an empty AccelerateConfiguration, not an error (COS's GET Bucket accelerate note).
            var never = await s.Client.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Emulators.Bucket });
            never.StatusCode.ShouldBe(200);
            never.Status.ShouldBeNull();
            await s.Client.PutBucketAccelerateAsync(new PutBucketAccelerateRequest { Bucket = Emulators.Bucket, Status = AccelerateStatus.Suspended });
            (await s.Client.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Emulators.Bucket })).Status.ShouldBe(AccelerateStatus.Suspended);
        },
        ["PutBucketLogging"] = async s =>
        {
            await s.Client.PutBucketAsync(new PutBucketRequest { Bucket = Other });
            var target = new BucketLoggingEnabled { TargetBucket = Other, TargetPrefix = "logs/" };
            (await s.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Emulators.Bucket, LoggingEnabled = target })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Emulators.Bucket })).LoggingEnabled.ShouldBe(target);

            // No LoggingEnabled sends the empty root, which turns logging off.
            (await s.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Emulators.Bucket })).StatusCode.ShouldBe(200);
            (await s.Client.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Emulators.Bucket })).LoggingEnabled.ShouldBeNull();

            var missing = new BucketLoggingEnabled { TargetBucket = "nosuchbucket-1250000000" };
            var error = await Should.ThrowAsync<CosException>(() => s.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Emulators.Bucket, LoggingEnabled = missing }));
            (error.StatusCode, error.ErrorCode).ShouldBe((400, "InvalidTargetBucketForLogging"));
        },
        ["GetBucketLogging"] = async s =>
        {
            // Without logging: 200 with an empty BucketLoggingStatus.
            var off = await s.Client.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Emulators.Bucket });
            off.StatusCode.ShouldBe(200);
            off.LoggingEnabled.ShouldBeNull();
            await s.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Emulators.Bucket, LoggingEnabled = new BucketLoggingEnabled { TargetBucket = Emulators.Bucket } });
            (await s.Client.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Emulators.Bucket })).LoggingEnabled.ShouldBe(new BucketLoggingEnabled { TargetBucket = Emulators.Bucket });
        },
        ["SelectObjectContent"] = async s =>
        {
            await s.PutAsync("sel/people.csv", "name,age\nzhang,30\nli,25\nwang,41\n");
            await using var result = await s.Client.SelectObjectContentAsync(new SelectObjectContentRequest
            {
                Bucket = Emulators.Bucket,
                Key = "sel/people.csv",
                Expression = "SELECT s.name FROM COSObject s WHERE CAST(s.age AS INT) > 28",
                ExpressionType = "SQL",
                InputSerialization = new SelectInputSerialization { CompressionType = "NONE", Csv = new SelectCsvInput { FileHeaderInfo = "USE" } },
                OutputSerialization = new SelectOutputSerialization { Csv = new SelectCsvOutput() },
            });
            var events = await result.Events.ToListAsync();
            Encoding.UTF8.GetString(events.OfType<SelectEvent.Records>().SelectMany(r => r.Payload.ToArray()).ToArray()).ShouldBe("zhang\nwang\n");
            events.OfType<SelectEvent.Stats>().ShouldHaveSingleItem().Payload.ShouldBe(new SelectStats { BytesScanned = 32, BytesProcessed = 32, BytesReturned = 11 });
            events[^1].ShouldBeOfType<SelectEvent.End>();
        },
    };

    /// <summary>A policy written as the COS docs show one, with a free-form Condition.</summary>
    private static BucketPolicy Policy() => new()
    {
        Version = "2.0",
        Statement =
        [
            new PolicyStatement
            {
                Principal = new PolicyPrincipal { Qcs = ["qcs::cam::uin/100000000001:uin/100000000011"] },
                Effect = PolicyEffect.Allow,
                Action = ["name/cos:GetObject"],
                Resource = ["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/public/*"],
                Condition = System.Text.Json.JsonDocument.Parse("""{"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}""").RootElement,
            },
        ],
    };

    /// <summary>A static website as the COS docs' PUT Bucket website sample configures one.</summary>
    private static PutBucketWebsiteRequest Website(string bucket) => new()
    {
        Bucket = bucket,
        IndexDocument = new WebsiteIndexDocument { Suffix = "index.html" },
        ErrorDocument = new WebsiteErrorDocument { Key = "error.html", OriginalHttpStatus = "Enabled" },
        RoutingRules =
        [
            new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { HttpErrorCodeReturnedEquals = 404 }, Redirect = new WebsiteRedirect { Protocol = "https", ReplaceKeyWith = "404.html" } },
            new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { KeyPrefixEquals = "docs/" }, Redirect = new WebsiteRedirect { ReplaceKeyPrefixWith = "documents/" } },
        ],
    };

    /// <summary>An inventory job as the COS docs' PUT Bucket inventory sample configures one.</summary>
    internal static PutBucketInventoryRequest Inventory(string id, bool enabled = true, InventoryFrequency? frequency = null, InventoryFilter? filter = null) => new()
    {
        Bucket = Emulators.Bucket,
        Id = id,
        ConfigurationId = id,
        IsEnabled = enabled,
        Destination = new InventoryDestination
        {
            CosBucketDestination = new InventoryCosBucketDestination
            {
                Format = InventoryFormat.Csv,
                AccountId = "100000000001",
                Bucket = $"qcs::cos:{Emulators.Region}::{Emulators.Bucket}",
                Prefix = "cos_bucket_inventory",
                Encryption = new InventoryEncryption { SseCos = new InventorySseCos() },
            },
        },
        Schedule = new InventorySchedule { Frequency = frequency ?? InventoryFrequency.Daily },
        Filter = filter ?? new InventoryFilter { And = new InventoryFilterAnd { Prefix = "myPrefix", Tags = [new Tag { Key = "age", Value = "18" }] } },
        IncludedObjectVersions = InventoryIncludedObjectVersions.All,
        OptionalFields = [InventoryOptionalField.Size, InventoryOptionalField.ETag, InventoryOptionalField.UserMetadata],
    };

    /// <summary>A one-off inventory job: the periodic one without IsEnabled and Schedule.</summary>
    private static PostBucketInventoryRequest OneOffInventory(string id)
    {
        var inventory = Inventory(id);
        return new PostBucketInventoryRequest
        {
            Bucket = inventory.Bucket,
            Id = id,
            ConfigurationId = id,
            Destination = inventory.Destination,
            Filter = inventory.Filter,
            IncludedObjectVersions = inventory.IncludedObjectVersions,
            OptionalFields = inventory.OptionalFields,
        };
    }

    /// <summary>Creates the buckets that do not exist and enables versioning on each, as replication needs.</summary>
    internal static async Task EnableVersioningAsync(CosClient client, params string[] buckets)
    {
        foreach (var bucket in buckets)
        {
            if (bucket != Emulators.Bucket)
            {
                await client.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
            }

            await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = bucket, Status = BucketVersioningStatus.Enabled });
        }
    }

    private static Task EnableVersioningAsync(Scenario s, params string[] buckets) => EnableVersioningAsync(s.Client, buckets);

    /// <summary>Replication of one prefix to another bucket, as the COS docs' PUT Bucket replication sample.</summary>
    internal static PutBucketReplicationRequest Replication(string bucket, string destination, IReadOnlyList<ReplicationRule>? rules = null) => new()
    {
        Bucket = bucket,
        Role = "qcs::cam::uin/100000000001:uin/100000000001",
        Rules = rules ??
        [
            new ReplicationRule
            {
                ID = "rule1",
                Status = ReplicationRuleStatus.Enabled,
                Prefix = "logs/",
                Destination = new ReplicationDestination { Bucket = $"qcs::cos:{Emulators.Region}::{destination}", StorageClass = StorageClass.StandardIa },
            },
        ],
    };

    /// <summary>Two lifecycle rules in the shapes of COS's PUT Bucket lifecycle sample: by prefix with transitions, by prefix and tag.</summary>
    private static PutBucketLifecycleRequest Lifecycle(string bucket) => new()
    {
        Bucket = bucket,
        Rules =
        [
            new LifecycleRule
            {
                ID = "archive-logs",
                Filter = new LifecycleFilter { Prefix = "logs/" },
                Status = LifecycleRuleStatus.Enabled,
                Transitions = [new LifecycleTransition { Days = 30, StorageClass = StorageClass.StandardIa }, new LifecycleTransition { Days = 180, StorageClass = StorageClass.Archive }],
                Expiration = new LifecycleExpiration { Days = 365 },
            },
            new LifecycleRule
            {
                ID = "images",
                Filter = new LifecycleFilter { And = new LifecycleFilterAnd { Prefix = "img/", Tags = [new Tag { Key = "type", Value = "image" }] } },
                Status = LifecycleRuleStatus.Disabled,
                AbortIncompleteMultipartUpload = new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
            },
        ],
    };

    /// <summary>A mirror back-to-origin rule as COS's PUT Bucket Origin sample shapes one.</summary>
    private static PutBucketOriginRequest Origin(string bucket) => new()
    {
        Bucket = bucket,
        OriginRules =
        [
            new OriginRule
            {
                RulePriority = 1,
                OriginType = OriginType.Mirror,
                OriginCondition = new OriginCondition { HTTPStatusCode = 404, Prefix = "images/" },
                OriginParameter = new OriginParameter
                {
                    Protocol = OriginProtocol.Https,
                    FollowQueryString = true,
                    HttpHeader = new OriginHttpHeader { NewHttpHeaders = [new OriginHeader { Key = "x-cos-meta-from", Value = "origin" }] },
                    FollowRedirection = true,
                },
                OriginInfo = new OriginInfo { HostInfo = new OriginHostInfo { HostName = "origin.example.com" } },
            },
        ],
    };

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var row in CosOperations.All)
        {
            data.Add(row.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_has_a_client_method_an_emulator_handler_and_a_round_trip(string operation)
    {
        typeof(CosClient).GetMethod(operation + "Async", BindingFlags.Public | BindingFlags.Instance).ShouldNotBeNull($"CosClient has no {operation}Async");
        typeof(CosOperationHandlers).GetMethod(operation + "Async", BindingFlags.NonPublic | BindingFlags.Instance).ShouldNotBeNull($"the emulator has no handler for {operation}");
        if (NotEmulated.ContainsKey(operation))
        {
            RoundTrips.ShouldNotContainKey(operation, $"{operation} is listed as not emulated but has a round trip");
            return;
        }

        RoundTrips.ShouldContainKey(operation, $"{operation} has no round trip through our client in OperationCoverageTests");
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await RoundTrips[operation](new Scenario(client));
    }

    [Fact]
    public void Every_round_trip_is_of_an_operation_of_the_spec()
    {
        RoundTrips.Keys.Except(CosOperations.All.Select(o => o.Name)).ShouldBeEmpty();
    }

    /// <summary>A client of a fresh emulator, and the small steps the round trips share.</summary>
    private sealed record Scenario(CosClient Client)
    {
        public Task PutAsync(string key, string text) =>
            Client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream(Encoding.UTF8.GetBytes(text)) });

        public async Task<string> ReadAsync(string key)
        {
            await using var get = await Client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = key });
            return await new StreamReader(get.Body).ReadToEndAsync();
        }

        public string CopySource(string key) => $"{Emulators.Bucket}.cos.{Emulators.Region}.myqcloud.com/{Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal)}";
    }
}
