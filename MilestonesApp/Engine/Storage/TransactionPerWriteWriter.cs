namespace MilestonesApp.Engine.Storage;

/// <summary>Each piece of work in a transaction of its own from the connection, committed before its result is returned.</summary>
internal sealed class TransactionPerWriteWriter(IEngineConnection connection) : IEngineWriter
{
    public async Task<T> WriteAsync<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginAsync(cancellationToken);
        var result = await work(transaction.Store, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
