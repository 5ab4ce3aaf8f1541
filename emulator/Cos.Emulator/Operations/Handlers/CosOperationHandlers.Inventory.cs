using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Cos.Emulator.Errors;
using Cos.Generated;
using Cos.Generated.Protocol;

namespace Cos.Emulator.Operations;

/// <summary>
/// Inventory jobs: PUT, GET and DELETE of <c>?inventory&amp;id=</c>, the listing of <c>?inventory</c> paged by
/// continuation token, and the one-off POST. Each job is an <c>InventoryConfiguration</c> document kept on the bucket
/// record under <c>inventory/{id}</c> (one-off jobs under <c>inventory-job/{id}</c>), so <c>--data-dir</c> keeps them.
/// The emulator records the jobs only: it never writes a report.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    /// <summary>The most inventory jobs one page of ListBucketInventory holds, as COS documents (100).</summary>
    internal const int InventoryPageSize = 100;

    /// <summary>The most inventory jobs a bucket can have, as COS documents.</summary>
    internal const int MaxInventoryConfigurations = 1000;

    private const string InventoryName = "inventory/";
    private const string InventoryJobName = "inventory-job/";

    private static readonly Regex InventoryId = new("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex InventoryDestinationBucket = new("^qcs::cos:[a-z0-9-]+::[a-z0-9-]+-[0-9]+$", RegexOptions.CultureInvariant);

    private partial Task<PutBucketInventoryResponse> PutBucketInventoryAsync(PutBucketInventoryRequest request, OperationContext context)
    {
        RequireBucket(context);
        CheckInventoryId(request.Id, request.ConfigurationId);
        CheckInventoryBody(request.Destination, request.IncludedObjectVersions);
        if (request.Schedule.Frequency != InventoryFrequency.Daily && request.Schedule.Frequency != InventoryFrequency.Weekly)
        {
            throw CosErrors.InvalidArgument($"The inventory Frequency must be Daily or Weekly, not '{request.Schedule.Frequency.Value}'.");
        }

        var document = InventoryDocument(new InventoryConfiguration
        {
            Id = request.Id,
            IsEnabled = request.IsEnabled,
            Destination = request.Destination,
            Schedule = request.Schedule,
            Filter = request.Filter,
            IncludedObjectVersions = request.IncludedObjectVersions,
            OptionalFields = request.OptionalFields ?? [],
        });
        context.Store.EditConfigurations(context.Bucket, string.Empty, configurations =>
        {
            var name = InventoryName + request.Id;
            if (!configurations.ContainsKey(name) && configurations.Keys.Count(k => k.StartsWith(InventoryName, StringComparison.Ordinal)) >= MaxInventoryConfigurations)
            {
                throw CosErrors.InvalidArgument($"A bucket has at most {MaxInventoryConfigurations} inventory jobs.");
            }

            configurations[name] = document;
            return true;
        });
        return Task.FromResult(new PutBucketInventoryResponse());
    }

    private partial Task<GetBucketInventoryResponse> GetBucketInventoryAsync(GetBucketInventoryRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, InventoryName + request.Id) ?? throw NoSuchInventoryConfiguration(request.Id);
        var configuration = ReadInventory(document);
        return Task.FromResult(new GetBucketInventoryResponse
        {
            Id = configuration.Id,
            IsEnabled = configuration.IsEnabled,
            Destination = configuration.Destination,
            Schedule = configuration.Schedule,
            Filter = configuration.Filter,
            IncludedObjectVersions = configuration.IncludedObjectVersions,
            OptionalFields = configuration.OptionalFields,
        });
    }

    private partial Task<DeleteBucketInventoryResponse> DeleteBucketInventoryAsync(DeleteBucketInventoryRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (!context.Store.DeleteConfiguration(context.Bucket, string.Empty, InventoryName + request.Id))
        {
            throw NoSuchInventoryConfiguration(request.Id);
        }

        return Task.FromResult(new DeleteBucketInventoryResponse());
    }

    /// <summary>
    /// Pages of <see cref="InventoryPageSize"/> jobs in id order. The continuation token is the id the next page starts
    /// at (COS's tokens are opaque; a client only sends back what it was given).
    /// </summary>
    private partial Task<ListBucketInventoryResponse> ListBucketInventoryAsync(ListBucketInventoryRequest request, OperationContext context)
    {
        RequireBucket(context);
        var start = string.IsNullOrEmpty(request.ContinuationToken) ? string.Empty : InventoryName + request.ContinuationToken;
        var names = context.Store.GetConfigurations(context.Bucket, string.Empty)
            .Where(pair => pair.Key.StartsWith(InventoryName, StringComparison.Ordinal) && string.CompareOrdinal(pair.Key, start) >= 0)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(InventoryPageSize + 1)
            .ToList();
        var truncated = names.Count > InventoryPageSize;
        return Task.FromResult(new ListBucketInventoryResponse
        {
            InventoryConfigurations = [.. names.Take(InventoryPageSize).Select(pair => ReadInventory(pair.Value))],
            IsTruncated = truncated,
            ContinuationToken = NullIfEmpty(request.ContinuationToken),
            NextContinuationToken = truncated ? names[InventoryPageSize].Key[InventoryName.Length..] : null,
        });
    }

    /// <summary>
    /// A one-off job: recorded (never run) under its id, which must not be a periodic job's nor one already submitted
    /// (COS refuses a repeat within a day; the emulator keeps them until the bucket is deleted).
    /// </summary>
    private partial Task<PostBucketInventoryResponse> PostBucketInventoryAsync(PostBucketInventoryRequest request, OperationContext context)
    {
        RequireBucket(context);
        CheckInventoryId(request.Id, request.ConfigurationId);
        CheckInventoryBody(request.Destination, request.IncludedObjectVersions);
        var document = InventoryDocument(new InventoryConfiguration
        {
            Id = request.Id,
            Destination = request.Destination,
            Filter = request.Filter,
            IncludedObjectVersions = request.IncludedObjectVersions,
            OptionalFields = request.OptionalFields ?? [],
        });
        var jobId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        context.Store.EditConfigurations(context.Bucket, string.Empty, configurations =>
        {
            if (configurations.ContainsKey(InventoryName + request.Id) || !configurations.TryAdd(InventoryJobName + request.Id, document))
            {
                throw CosErrors.InvalidArgument($"The inventory id '{request.Id}' is already used by a periodic or one-off inventory job.");
            }

            return true;
        });
        return Task.FromResult(new PostBucketInventoryResponse { JobId = jobId });
    }

    private static void CheckInventoryId(string queryId, string bodyId)
    {
        if (!InventoryId.IsMatch(queryId))
        {
            throw CosErrors.InvalidArgument($"The inventory id '{queryId}' must be 1 to 64 of a-z, A-Z, 0-9, '-', '_' and '.'.");
        }

        if (!string.Equals(queryId, bodyId, StringComparison.Ordinal))
        {
            throw CosErrors.InvalidArgument($"The Id in the body ('{bodyId}') is not the id of the request ('{queryId}').");
        }
    }

    private static void CheckInventoryBody(InventoryDestination destination, InventoryIncludedObjectVersions versions)
    {
        var cos = destination.CosBucketDestination;
        if (cos.Format != InventoryFormat.Csv)
        {
            throw CosErrors.InvalidArgument($"The inventory Format must be CSV, not '{cos.Format.Value}'.");
        }

        if (!InventoryDestinationBucket.IsMatch(cos.Bucket))
        {
            throw CosErrors.InvalidArgument($"The inventory destination Bucket '{cos.Bucket}' must be qcs::cos:<Region>::<BucketName-APPID>.");
        }

        if (versions != InventoryIncludedObjectVersions.All && versions != InventoryIncludedObjectVersions.Current)
        {
            throw CosErrors.InvalidArgument($"IncludedObjectVersions must be All or Current, not '{versions.Value}'.");
        }
    }

    private static CosErrorException NoSuchInventoryConfiguration(string id) =>
        new(404, "NoSuchInventoryConfiguration", $"The bucket has no inventory job with the id '{id}'.");

    private static string InventoryDocument(InventoryConfiguration configuration)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("InventoryConfiguration");
            InventoryConfigurationXml.WriteMembers(writer, configuration);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static InventoryConfiguration ReadInventory(string document)
    {
        using var reader = CosXml.CreateReader(Encoding.UTF8.GetBytes(document));
        reader.MoveToContent();
        return InventoryConfigurationXml.Read(reader);
    }
}
