using BenchmarkDotNet.Attributes;
using Cos.Generated.Signing;

namespace Cos.Benchmarks;

/// <summary>
/// Signing a typical UploadPart: PUT /videos/movie.mp4?partNumber=3&amp;uploadId=(80 chars) with Host,
/// Content-Length, Content-MD5 and an unsigned User-Agent, fixed key time.
/// </summary>
[MemoryDiagnoser]
public class SignerBenchmarks
{
    private const string SecretId = "AKIDEXAMPLE";
    private const string SecretKey = "SECRETEXAMPLE";

    private static readonly KeyValuePair<string, string?>[] Query =
    [
        new("partNumber", "3"),
        new("uploadId", "1585130821cbb7df1d11846c073ad648e8f33b087cec2381df437acdc833cf654b9ecc6361012345"),
    ];

    private static readonly KeyValuePair<string, string?>[] Headers =
    [
        new("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"),
        new("Content-Length", "1048576"),
        new("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
        new("User-Agent", "cos-dotnet-sdk/0.1.0"),
    ];

    private static readonly CosKeyTime KeyTime = CosKeyTime.Parse("1700000000;1700003600");

    private readonly CosAuthorizationRequest _request = new()
    {
        SecretId = SecretId,
        SecretKey = SecretKey,
        Method = "PUT",
        Key = "videos/movie.mp4",
        Query = Query,
        Headers = Headers,
        KeyTime = KeyTime,
    };

    [GlobalSetup]
    public void CheckBothSignersAgree()
    {
        if (Straightforward() != CosSigner_GetAuthorization())
        {
            throw new InvalidOperationException("The benchmarked signers disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public string Straightforward() =>
        StraightforwardSigner.GetAuthorization(SecretId, SecretKey, "PUT", "/videos/movie.mp4", Query, Headers, KeyTime);

    [Benchmark]
    public string CosSigner_GetAuthorization() => CosSigner.GetAuthorization(_request);

    [Benchmark]
    public string CosSigner_GetAuthorization_Spans() =>
        CosSigner.GetAuthorization(SecretId, SecretKey, "PUT", "/videos/movie.mp4", Query, Headers, KeyTime);
}
