/**
 * Single-flight across the tabs of one browser: a refresh runs in one tab at a time, so a rotated refresh
 * token is never presented twice (which the server treats as theft). Web Locks where the platform has them,
 * else an in-context queue (Node, React Native, old browsers; tabs then rely on the server's grace window).
 */
export type Lock = <T>(name: string, task: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function defaultLock(): Lock {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks && typeof locks.request === 'function') {
    return (name, task) => locks.request(name, task);
  }
  return inContextLock();
}

/** A FIFO mutex per name within this JavaScript context. */
export function inContextLock(): Lock {
  const tails = new Map<string, Promise<unknown>>();
  return (name, task) => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}
