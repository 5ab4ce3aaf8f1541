namespace Cos.Generated.MSBuild.Tests;

/// <summary>Reads back what a build left in a bucket of the emulator.</summary>
public sealed class LandedObjects(CosClient client, string bucket)
{
    public async Task<byte[]> DownloadAsync(string key)
    {
        using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = key });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    public Task<HeadObjectResponse> HeadAsync(string key) => client.HeadObjectAsync(new HeadObjectRequest { Bucket = bucket, Key = key });

    public async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await HeadAsync(key);
            return true;
        }
        catch (CosException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    public async Task<List<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var entry in client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = bucket, Prefix = prefix }))
        {
            keys.Add(entry.Key!);
        }

        return keys;
    }

    public async Task<List<MultipartUpload>> UploadsAsync()
    {
        var uploads = new List<MultipartUpload>();
        await foreach (var upload in client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = bucket }))
        {
            uploads.Add(upload);
        }

        return uploads;
    }
}
