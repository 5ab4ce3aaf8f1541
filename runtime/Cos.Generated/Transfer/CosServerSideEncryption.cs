using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cos.Generated.Transfer;

/// <summary>The kind of a <see cref="CosServerSideEncryption"/>.</summary>
public enum CosServerSideEncryptionKind
{
    /// <summary>SSE-COS: COS encrypts with keys it manages (<c>x-cos-server-side-encryption: AES256</c>).</summary>
    SseCos,

    /// <summary>SSE-KMS: COS encrypts with a KMS key (<c>x-cos-server-side-encryption: cos/kms</c>).</summary>
    SseKms,

    /// <summary>SSE-C: COS encrypts with a key the caller sends with every write and read of the object.</summary>
    SseC,
}

/// <summary>
/// How COS encrypts an object at rest, for the high-level transfers (<see cref="CosUploadOptions.ServerSideEncryption"/>,
/// <see cref="CosCopyOptions.ServerSideEncryption"/>) and, for SSE-C, the key to read it with
/// (<see cref="CosDownloadOptions.CustomerKey"/>, <see cref="CosCopyOptions.SourceCustomerKey"/>).
/// An SSE-C key is kept in memory only: it is not in <see cref="ToString"/>, in exception messages, in logs or in an
/// upload's checkpoint (which records a hash of the key's MD5 to tell keys apart).
/// </summary>
public sealed class CosServerSideEncryption
{
    /// <summary>The length of an SSE-C key: 256 bits.</summary>
    public const int CustomerKeyLength = 32;

    private readonly string? _customerKey;

    private CosServerSideEncryption(CosServerSideEncryptionKind kind, string? kmsKeyId, string? kmsContext, string? customerKey, string? customerKeyMd5)
    {
        Kind = kind;
        KmsKeyId = kmsKeyId;
        KmsContext = kmsContext;
        _customerKey = customerKey;
        CustomerKeyMd5 = customerKeyMd5;
    }

    /// <summary>SSE-COS: keys managed by COS (AES-256).</summary>
    public static CosServerSideEncryption SseCos { get; } = new(CosServerSideEncryptionKind.SseCos, null, null, null, null);

    /// <summary>The kind of encryption.</summary>
    public CosServerSideEncryptionKind Kind { get; }

    /// <summary>SSE-KMS: the KMS key id; null for the account's default COS key.</summary>
    public string? KmsKeyId { get; }

    /// <summary>SSE-KMS: the encryption context as sent, base64 of its JSON; null when none.</summary>
    internal string? KmsContext { get; }

    /// <summary>SSE-C: base64 of the key's binary MD5 (what COS echoes in <c>x-cos-server-side-encryption-customer-key-MD5</c>).</summary>
    internal string? CustomerKeyMd5 { get; }

    /// <summary>SSE-C: <c>AES256</c>; null for the other kinds.</summary>
    internal string? CustomerAlgorithm => Kind == CosServerSideEncryptionKind.SseC ? "AES256" : null;

    /// <summary>SSE-C: base64 of the key, for the request headers only.</summary>
    internal string? CustomerKey => _customerKey;

    /// <summary>SSE-COS or SSE-KMS: the <c>x-cos-server-side-encryption</c> value; null for SSE-C.</summary>
    internal ServerSideEncryption? Algorithm => Kind switch
    {
        CosServerSideEncryptionKind.SseCos => ServerSideEncryption.Aes256,
        CosServerSideEncryptionKind.SseKms => ServerSideEncryption.CosKms,
        _ => default(ServerSideEncryption?),
    };

    /// <summary>
    /// SSE-KMS with <paramref name="keyId"/> (null: the account's default COS key) and an optional encryption context,
    /// sent as base64 of its JSON (<c>x-cos-server-side-encryption-context</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty or blank.</exception>
    public static CosServerSideEncryption SseKms(string? keyId = null, IReadOnlyDictionary<string, string>? context = null)
    {
        if (keyId is not null && string.IsNullOrWhiteSpace(keyId))
        {
            throw new ArgumentException("The KMS key id must not be empty; pass null for the default key.", nameof(keyId));
        }

        string? encodedContext = null;
        if (context is { Count: > 0 })
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var (name, value) in context)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            encodedContext = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        return new CosServerSideEncryption(CosServerSideEncryptionKind.SseKms, keyId, encodedContext, null, null);
    }

    /// <summary>
    /// SSE-C with a 256-bit key the caller keeps: it is sent (with its MD5, computed here) on every write and read of the
    /// object, and COS does not store it, so an object whose key is lost cannot be read. The bytes are copied.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public static CosServerSideEncryption SseC(ReadOnlySpan<byte> key)
    {
        if (key.Length != CustomerKeyLength)
        {
            throw new ArgumentException($"An SSE-C key is {CustomerKeyLength} bytes (256 bits); this one has {key.Length}.", nameof(key));
        }

        return new CosServerSideEncryption(CosServerSideEncryptionKind.SseC, null, null, Convert.ToBase64String(key), Convert.ToBase64String(MD5.HashData(key)));
    }

    /// <summary>Describes the encryption without its key: <c>SSE-COS</c>, <c>SSE-KMS</c> (with the key id) or <c>SSE-C</c>.</summary>
    public override string ToString() => Kind switch
    {
        CosServerSideEncryptionKind.SseCos => "SSE-COS",
        CosServerSideEncryptionKind.SseKms => KmsKeyId is null ? "SSE-KMS (default key)" : $"SSE-KMS (key {KmsKeyId})",
        _ => "SSE-C (key not shown)",
    };

    /// <summary>What tells two encryptions apart in a checkpoint: the kind, the KMS key and context, and for SSE-C a SHA-256 of the key's MD5.</summary>
    internal string Fingerprint() =>
        $"{Kind}|{KmsKeyId}|{KmsContext}|{(CustomerKeyMd5 is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(CustomerKeyMd5))))}";

    /// <summary>Checks that <paramref name="value"/> is an SSE-C key (the only kind a read or a copy source takes).</summary>
    internal static void RequireSseC(CosServerSideEncryption? value, string parameterName)
    {
        if (value is not null && value.Kind != CosServerSideEncryptionKind.SseC)
        {
            throw new ArgumentException($"{parameterName} takes an SSE-C key (CosServerSideEncryption.SseC); {value} needs no key to read.", parameterName);
        }
    }
}
