using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Cos.Emulator;

/// <summary>
/// A Kestrel memory pool of 256 KiB pinned blocks instead of 4 KiB ones, so a socket read fills a large
/// segment and big uploads cost far fewer reads (see docs/benchmarks.md, "Emulator").
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 256 * 1024;
    private const int MaxRetained = 64;
    private readonly ConcurrentQueue<byte[]> _free = new();

    public override int MaxBufferSize => BlockSize;

    /// <summary>Makes the socket transport <paramref name="transport"/> configures rent its buffers from this pool.</summary>
    /// <remarks>
    /// The transport takes its pool from <c>SocketTransportOptions.MemoryPoolFactory</c>, which is internal: with a
    /// generic host, <c>UseSockets</c> copies the container's <see cref="IMemoryPoolFactory{T}"/> into it. Without a
    /// host there is no container, so the property is set directly (resolved at compile time, no reflection; a test
    /// checks the connections really use this pool).
    /// </remarks>
    public static void Use(SocketTransportOptions transport) => SetMemoryPoolFactory(transport, new Factory());

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_MemoryPoolFactory")]
    private static extern void SetMemoryPoolFactory(SocketTransportOptions transport, IMemoryPoolFactory<byte> factory);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            return new Block(null, GC.AllocateUninitializedArray<byte>(minBufferSize, pinned: true));
        }

        return new Block(this, _free.TryDequeue(out var array) ? array : GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(byte[] array)
    {
        if (_free.Count < MaxRetained)
        {
            _free.Enqueue(array);
        }
    }

    private sealed class Block(LargeBlockMemoryPool? pool, byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            var array = Interlocked.Exchange(ref _array, null);
            if (array is not null)
            {
                pool?.Return(array);
            }
        }
    }

    private sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
    }
}
