import "server-only";

/**
 * Works through a table a batch at a time: `next` reads up to `size` rows
 * after the last one seen (a plain read, which locks nothing), `act` deletes
 * or updates the ones that qualify by primary key. Each statement touches at
 * most one batch, so a big table never holds many locks or holds them long.
 * Resolves to the number of rows acted on.
 */
export async function inBatches<T>(size: number, next: (after: T | null) => Promise<T[]>, act: (batch: T[]) => Promise<number>): Promise<number> {
  let done = 0;
  let after: T | null = null;
  for (;;) {
    const batch = await next(after);
    if (batch.length) done += await act(batch);
    if (batch.length < size) return done;
    after = batch[batch.length - 1]!;
  }
}

/** The affected-row count of a mysql2 write result. */
export const affected = (result: unknown) => (result as [{ affectedRows: number }])[0].affectedRows;
