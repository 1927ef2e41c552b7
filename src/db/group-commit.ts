/**
 * Group commit: work submitted while a batch is being written waits and goes into the next batch,
 * so a burst of messages costs a few transactions instead of one each, and a lone item is written
 * at once. `write` returns one result per item, in order. When a batch fails, each of its items is
 * tried on its own, so one bad item cannot sink its neighbours and every caller gets its own outcome.
 */
export class GroupCommit<T, R = void> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const results = await this.write(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          for (const b of batch) await this.write([b.item]).then(([result]) => b.resolve(result!), b.reject);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
