using Cos.Generated.Endpoints;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Options;

public class ConnectAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", null)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("localhost:1", "localhost", 1)]
    [InlineData("[::1]:443", "::1", 443)]
    [InlineData("[::1]", "::1", null)]
    [InlineData("fe80::1", "fe80::1", null)]
    public void Parses(string text, string host, int? port)
    {
        ConnectAddress.TryParse(text, out var address).ShouldBeTrue();
        address.ShouldBe(new ConnectAddress(host, port));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":80")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("[::1]x")]
    [InlineData("[zz]:80")]
    [InlineData("a b:80")]
    [InlineData("bad_host!:80")]
    public void Rejects(string text) => ConnectAddress.TryParse(text, out _).ShouldBeFalse();
}
