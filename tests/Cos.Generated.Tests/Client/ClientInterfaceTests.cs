using System.Reflection;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Client;

/// <summary>
/// <see cref="ICosClient"/> is the whole client: every public method and property <see cref="CosClient"/> has (the
/// generated operations and paginators, presigning, transfers) is an interface member, so code written against the
/// interface loses nothing and can be tested with a fake.
/// </summary>
public sealed class ClientInterfaceTests
{
    /// <summary>Public on the client for another reason than calling COS: the pipeline is for code generated from users' own specs.</summary>
    private static readonly HashSet<string> NotOnTheInterface = ["get_Pipeline"];

    [Fact]
    public void Every_public_member_of_the_client_is_on_its_interface()
    {
        var map = typeof(CosClient).GetInterfaceMap(typeof(ICosClient));
        var implemented = map.TargetMethods.ToHashSet();
        var disposable = typeof(CosClient).GetInterfaceMap(typeof(IDisposable)).TargetMethods;
        var missing = typeof(CosClient)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !implemented.Contains(m) && !disposable.Contains(m) && !NotOnTheInterface.Contains(m.Name))
            .Select(m => m.Name)
            .ToList();

        missing.ShouldBeEmpty();
        map.InterfaceMethods.Select(m => m.Name).ShouldContain("PutBucketLifecycleAsync");
        map.InterfaceMethods.Select(m => m.Name).ShouldContain("ListObjectVersionsPagesAsync");
        map.InterfaceMethods.Select(m => m.Name).ShouldContain("EnumerateObjectsAsync");
        map.InterfaceMethods.Select(m => m.Name).ShouldContain("UploadFileAsync");
    }

    [Fact]
    public async Task Code_written_against_the_interface_runs_with_a_fake()
    {
        var fake = DispatchProxy.Create<ICosClient, FakeClient>();
        ((FakeClient)(object)fake).Answer = request => request is HeadObjectRequest head
            ? new HeadObjectResponse { StatusCode = 200, ContentLength = head.Key.Length }
            : throw new NotSupportedException();

        (await SizeOfAsync(fake, "abc")).ShouldBe(3, "the fake answered with the key's length");
    }

    /// <summary>What application code looks like: it takes the interface.</summary>
    private static async Task<long?> SizeOfAsync(ICosClient cos, string key) =>
        (await cos.HeadObjectAsync(new HeadObjectRequest { Bucket = "examplebucket-1250000000", Key = key })).ContentLength;

    /// <summary>A fake that answers each operation's request with what <see cref="Answer"/> returns.</summary>
    public class FakeClient : DispatchProxy
    {
        public Func<object, object> Answer { get; set; } = _ => throw new NotSupportedException();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var response = Answer(args![0]!);
            var wrap = typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(targetMethod!.ReturnType.GetGenericArguments()[0]);
            return wrap.Invoke(null, [response]);
        }
    }
}
