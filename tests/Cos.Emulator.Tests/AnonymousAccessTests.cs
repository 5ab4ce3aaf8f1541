using System.Text;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// ACLs decide what an unsigned request may do, as on COS: <c>public-read</c> lets anyone GET and HEAD (an object's own
/// ACL first, else its bucket's), <c>private</c> refuses, and only a <c>public-read-write</c> bucket takes anonymous writes.
/// </summary>
public sealed class AnonymousAccessTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;
    private CosClient _client = null!;

    public async Task InitializeAsync()
    {
        _cos = await Emulators.StartAsync();
        _client = Emulators.Client(_cos);
        await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "doc.txt", Body = new MemoryStream("hello"u8.ToArray()) });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cos.DisposeAsync();
    }

    [Fact]
    public async Task A_private_object_is_refused_and_a_public_read_one_is_served_to_anyone()
    {
        (await Unsigned(HttpMethod.Get, "/doc.txt")).ShouldBe((403, "AccessDenied"));

        await _client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "doc.txt", Acl = ObjectAcl.PublicRead });
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/doc.txt", sign: false));
        (status, body).ShouldBe((200, "hello"));
        (await Unsigned(HttpMethod.Head, "/doc.txt")).Status.ShouldBe(200);

        // Reading is all public-read allows.
        (await Unsigned(HttpMethod.Put, "/doc.txt")).ShouldBe((403, "AccessDenied"));
        (await Unsigned(HttpMethod.Delete, "/doc.txt")).ShouldBe((403, "AccessDenied"));
        (await Unsigned(HttpMethod.Get, "/doc.txt?acl")).ShouldBe((403, "AccessDenied"));

        await _client.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Emulators.Bucket, Key = "doc.txt", Acl = ObjectAcl.Private });
        (await Unsigned(HttpMethod.Get, "/doc.txt")).ShouldBe((403, "AccessDenied"));
    }

    [Fact]
    public async Task An_upload_with_x_cos_acl_public_read_is_readable_anonymously()
    {
        await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "pub.txt", Body = new MemoryStream("x"u8.ToArray()), Acl = ObjectAcl.PublicRead });
        (await Unsigned(HttpMethod.Get, "/pub.txt")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_public_read_bucket_serves_its_objects_and_listing_unless_an_object_says_private()
    {
        await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt", Body = new MemoryStream("s"u8.ToArray()), Acl = ObjectAcl.Private });
        (await Unsigned(HttpMethod.Get, "/")).ShouldBe((403, "AccessDenied"));

        await _client.PutBucketAclAsync(new PutBucketAclRequest { Bucket = Emulators.Bucket, Acl = BucketAcl.PublicRead });
        (await Unsigned(HttpMethod.Get, "/doc.txt")).Status.ShouldBe(200, "an object without an ACL of its own follows its bucket");
        (await Unsigned(HttpMethod.Head, "/")).Status.ShouldBe(200);
        var (status, listing, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/", sign: false));
        status.ShouldBe(200);
        listing.ShouldContain("<Key>doc.txt</Key>");
        (await Unsigned(HttpMethod.Get, "/secret.txt")).ShouldBe((403, "AccessDenied"), "an object's own private ACL wins over its bucket's");
        (await Unsigned(HttpMethod.Get, "/missing.txt")).ShouldBe((404, "NoSuchKey"));
        (await Unsigned(HttpMethod.Put, "/new.txt")).ShouldBe((403, "AccessDenied"));
    }

    [Fact]
    public async Task Only_a_public_read_write_bucket_takes_anonymous_writes()
    {
        await _client.PutBucketAclAsync(new PutBucketAclRequest { Bucket = Emulators.Bucket, Acl = BucketAcl.PublicReadWrite });
        var put = RawRequests.Create(_cos, HttpMethod.Put, "/anon.txt", body: Encoding.UTF8.GetBytes("anon"), sign: false);
        (await RawRequests.SendAsync(_cos, put)).Status.ShouldBe(200);
        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "anon.txt" }))
        {
            (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("anon");
        }

        (await Unsigned(HttpMethod.Delete, "/anon.txt")).Status.ShouldBe(204);
        (await Unsigned(HttpMethod.Put, "/?acl")).ShouldBe((403, "AccessDenied"), "changing the ACL still needs a key");
    }

    /// <summary>The status and error code (empty for a success) of an unsigned request.</summary>
    private async Task<(int Status, string Code)> Unsigned(HttpMethod method, string target)
    {
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, method, target, sign: false));
        var code = body.IndexOf("<Code>", StringComparison.Ordinal) is var at and >= 0 ? body[(at + 6)..body.IndexOf("</Code>", StringComparison.Ordinal)] : string.Empty;
        return (status, status < 300 ? string.Empty : code);
    }
}
