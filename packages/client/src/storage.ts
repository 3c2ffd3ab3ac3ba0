/**
 * Where the client keeps the session between page loads. The shape is React Native's AsyncStorage (and the
 * Web Storage API's), so either plugs in as is; every method may return a value or a promise of it.
 */
export interface SessionStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/**
 * The default: the session lives in this JavaScript context only and is gone on reload. Nothing readable by
 * another script of the page survives it, which is the safest place for tokens (OWASP ASVS 5.0 V3.3).
 */
export function memoryStorage(): SessionStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/**
 * Opt-in persistence in the browser's `localStorage` (shared by the origin's tabs, kept across restarts).
 * The trade-off: any script that runs on the page (an XSS, a compromised dependency) can read the refresh
 * token and use it elsewhere until it is revoked. Prefer the default memory storage unless staying signed
 * in across reloads matters more than that.
 */
export function localStorageAdapter(storage: Storage = globalThis.localStorage): SessionStorage {
  if (!storage) throw new Error('localStorage is not available here');
  return storage;
}
