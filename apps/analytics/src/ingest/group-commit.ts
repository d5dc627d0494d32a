interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items submitted in the same turn of the event loop, or while a
 * commit is running, share the next commit, so many concurrent callers pay for
 * one write and one fsync instead of one each. Commits never overlap.
 */
export class GroupCommit<T> {
  private queue: Waiter<T>[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly commit: (items: T[]) => Promise<void>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= new Promise<void>((done) => setImmediate(done)).then(() => this.drainQueue());
    });
  }

  /** Resolves once everything submitted so far has been committed (or has failed). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.commit(batch.map((waiter) => waiter.item));
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.running = undefined;
  }
}
