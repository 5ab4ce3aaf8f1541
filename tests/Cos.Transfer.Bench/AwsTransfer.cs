using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Transfer;

namespace Cos.Transfer.Bench;

/// <summary>
/// AWSSDK.S3's TransferUtility, path-style against the emulator (which does not check its SigV4 signatures).
/// Checksums are calculated and validated only when an operation requires them, and part bodies are sent plain:
/// the emulator does not decode the <c>aws-chunked</c> bodies with trailing checksums the SDK sends by default.
/// Over plain HTTP, SigV4 then hashes each part with SHA-256 (over HTTPS the SDK would skip that); the
/// "-unsigned" case uses anonymous credentials, so nothing is signed or hashed.
/// </summary>
internal sealed class AwsTransfer : ITransfer
{
    private readonly BenchCase _bench;
    private readonly Workload _workload;
    private readonly AmazonS3Client _s3;
    private readonly TransferUtility _transfer;

    public AwsTransfer(BenchCase bench, Workload workload)
    {
        _bench = bench;
        _workload = workload;
        RuntimePipelineCustomizerRegistry.Instance.Register(new NoChunkEncoding()); // Before the client builds its pipeline.
        _s3 = new AmazonS3Client(
            bench.Name.EndsWith("-unsigned", StringComparison.Ordinal) ? new AnonymousAWSCredentials() : new BasicAWSCredentials("AKIDBENCHMARK", "benchmark-secret"),
            new AmazonS3Config
            {
                ServiceURL = workload.Endpoint,
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
        _transfer = new TransferUtility(_s3, Tuned ? new TransferUtilityConfig { ConcurrentServiceRequests = BenchCase.Parallel } : new TransferUtilityConfig());
    }

    private bool Tuned => _bench.Name.Contains("-8x4", StringComparison.Ordinal);

    public async Task RunAsync(long size)
    {
        if (_bench.Direction == Direction.Upload)
        {
            var request = new TransferUtilityUploadRequest { BucketName = Workload.Bucket, Key = $"aws/{_bench.Name}", FilePath = _workload.UploadFile(size) };
            if (Tuned)
            {
                request.PartSize = BenchCase.PartSize;
            }

            await _transfer.UploadAsync(request);
        }
        else
        {
            var target = _workload.DownloadTarget(_bench.Name);
            var request = new TransferUtilityDownloadRequest { BucketName = Workload.Bucket, Key = Workload.ZeroKey(size), FilePath = target };
            if (Tuned)
            {
                request.MultipartDownloadType = MultipartDownloadType.RANGE;
                request.PartSize = BenchCase.PartSize;
            }

            await _transfer.DownloadAsync(request);
            var length = new FileInfo(target).Length;
            if (length != size)
            {
                throw new InvalidOperationException($"Downloaded {length} bytes, not {size}.");
            }
        }
    }

    public void Dispose()
    {
        _transfer.Dispose();
        _s3.Dispose();
    }

    /// <summary>
    /// Sends part bodies as they are instead of <c>aws-chunked</c> (TransferUtility has no UseChunkEncoding of its
    /// own): over plain HTTP the SDK then signs each part's SHA-256, as SigV4 requires without TLS.
    /// </summary>
    private sealed class NoChunkEncoding : IRuntimePipelineCustomizer
    {
        public string UniqueName => "Cos.Transfer.Bench.NoChunkEncoding";

        public void Customize(Type type, RuntimePipeline pipeline)
        {
            if (type == typeof(AmazonS3Client))
            {
                pipeline.AddHandlerBefore<Signer>(new Handler());
            }
        }

        private sealed class Handler : PipelineHandler
        {
            public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
            {
                executionContext.RequestContext.Request.UseChunkEncoding = false;
                return base.InvokeAsync<T>(executionContext);
            }
        }
    }
}
