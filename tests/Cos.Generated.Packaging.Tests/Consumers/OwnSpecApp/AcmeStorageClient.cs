using Cos.Generated;
using Cos.Generated.Pipeline;

namespace Acme.Storage;

/// <summary>The hand-written half: the generated ListKeysAsync and StatObjectAsync send through the pipeline of a CosClient.</summary>
public sealed partial class AcmeStorageClient(CosClient client)
{
    internal CosPipeline Pipeline => client.Pipeline;
}
