namespace MilestonesApp.Engine.Storage;

/// <summary>
/// One caller's write waiting in the <see cref="GroupCommitWriter"/>: run in a batch's transaction, its outcome kept
/// until the batch commits, then handed to the caller.
/// </summary>
internal abstract class QueuedWrite
{
    /// <summary>Whether running it threw; its changes were rolled back and the batch goes on without them.</summary>
    public abstract bool Failed { get; }

    public abstract Task RunAsync(EngineStore store);

    /// <summary>Hands the caller its result or its own failure, or <paramref name="batchFailure"/> when the batch did not commit.</summary>
    public abstract void Complete(Exception? batchFailure);
}

internal sealed class QueuedWrite<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : QueuedWrite
{
    // Callers continue on their own threads, not inline on the one running the batch.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private Exception? failure;

    public Task<T> Completion => completion.Task;

    public override bool Failed => failure is not null;

    public override async Task RunAsync(EngineStore store)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = await work(store, cancellationToken);
        }
        catch (Exception exception)
        {
            failure = exception;
        }
    }

    public override void Complete(Exception? batchFailure)
    {
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(cancellationToken);
        }
        else if ((failure ?? batchFailure) is { } exception)
        {
            completion.TrySetException(exception);
        }
        else
        {
            completion.TrySetResult(result!);
        }
    }
}
