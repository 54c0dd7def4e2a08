// The operator's endpoints answer in bounded time whatever the database or cache does.

export class CheckTimeout extends Error {}

/** `work`'s result, or CheckTimeout after `timeoutMs`; a late answer is dropped (never an unhandled rejection). */
export function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
