using System.Globalization;
using Cos.Chaos.Tests.Running;
using Cos.Generated;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>One <c>GetBucketAsync</c>: a listing returned without an error must show exactly the objects there are.</summary>
internal sealed class GetBucketScenario : IChaosScenario
{
    private const string Prefix = "listed/";
    private List<string> _expected = [];
    private List<string>? _listed;

    public async Task PrepareAsync(ChaosContext context)
    {
        _expected = [.. Enumerable.Range(0, context.Plan.ListedObjects).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{i:D3}.txt"))];
        foreach (var key in _expected)
        {
            await context.Setup.PutObjectAsync(new PutObjectRequest { Bucket = ChaosContext.Bucket, Key = key, Body = new MemoryStream([1, 2, 3]) });
        }
    }

    public async Task ActAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        var listing = await context.Client.GetBucketAsync(new GetBucketRequest { Bucket = ChaosContext.Bucket, Prefix = Prefix, MaxKeys = 1000 }, cancellationToken);
        _listed = [.. listing.Contents.Select(o => o.Key ?? "(no key)")];
    }

    public Task CheckAsync(ChaosContext context, bool succeeded)
    {
        if (succeeded && !_listed!.SequenceEqual(_expected))
        {
            context.Violation(ViolationKind.Corruption, $"the listing is wrong: {_listed!.Count} keys instead of {_expected.Count} ({string.Join(", ", _listed!.Except(_expected).Concat(_expected.Except(_listed!)).Take(5))} …)");
        }

        return Task.CompletedTask;
    }
}
