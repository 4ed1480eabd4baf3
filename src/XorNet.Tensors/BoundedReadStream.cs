namespace XorNet.Tensors;

/// <summary>
/// A read-only view of a stream that refuses to deliver more than a budget of bytes, shared by every view made
/// from the same <see cref="ReadBudget"/>: an archive's members count together, so no set of small files (or one
/// endless stream) can make a reader allocate more than the budget.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, ReadBudget budget, bool leaveOpen = false) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer[..(int)Math.Min(buffer.Length, budget.Remaining + 1)]);
        budget.Spend(n);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Bytes a reader may still take; spending past it is an InvalidDataException that says what the limit
/// is.</summary>
internal sealed class ReadBudget(long limit, string what)
{
    private long _spent;

    public long Remaining => limit - _spent;

    public void Spend(int n)
    {
        _spent += n;
        if (_spent > limit)
            throw new InvalidDataException($"{what} more than the {Describe(limit)} XorNet reads");
    }

    private static string Describe(long bytes) => bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";
}
