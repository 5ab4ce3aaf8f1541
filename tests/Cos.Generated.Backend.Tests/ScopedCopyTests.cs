using Cos.Generated.Credentials;
using Cos.Generated.Transfer;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// ScopeLimit keys minted by the emulator's STS for exactly each request's scope: a copy's scope names GetObject on
/// its source as well as PutObject on its target (as the JavaScript SDK's Scope array does), and the emulator's
/// policy check needs both.
/// </summary>
public sealed class ScopedCopyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_copy_with_keys_minted_for_its_scope_needs_GetObject_on_the_source(bool grantTheSource)
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var admin = Admin(cos, clock);
        await admin.PutObjectAsync(new PutObjectRequest { Bucket = OtherBucket, Key = "src/a b+c.txt", Body = new MemoryStream("copied"u8.ToArray()) });
        using var limited = new ScopeLimitedClient(cos, clock, (scope, entry) => grantTheSource || entry != scope.CopySource);
        var (client, scopes) = (limited.Client, limited.Scopes);

        var copy = client.CopyAsync(new CosCopySource(OtherBucket, "src/a b+c.txt", Region), Bucket, "dst/copy.txt");

        var copyScope = new CosCredentialScope("name/cos:PutObject", Bucket, Region, "dst/copy.txt")
        {
            CopySource = new CosCredentialScope("name/cos:GetObject", OtherBucket, Region, "src/a b+c.txt"),
        };
        if (!grantTheSource)
        {
            var error = await Should.ThrowAsync<CosException>(() => copy);
            error.ErrorCode.ShouldBe("AccessDenied");
            scopes.ShouldContain(copyScope);
            return;
        }

        await copy;
        scopes.ShouldContain(copyScope);
        copyScope.ToEntries().ShouldBe([copyScope.CopySource!, copyScope with { CopySource = null }]);
        await using var stored = await admin.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "dst/copy.txt" });
        new StreamReader(stored.Body).ReadToEnd().ShouldBe("copied");
    }
}
