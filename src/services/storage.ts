/**
 * Synchronous string key-value storage. The app passes Taro storage (src/platform/storage.ts),
 * the HTTP sandbox server a file, tests a MemoryStorage.
 */
export interface KeyValueStore {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export class MemoryStorage implements KeyValueStore {
  readonly data = new Map<string, string>()

  get(key: string): string | null {
    return this.data.has(key) ? (this.data.get(key) as string) : null
  }

  set(key: string, value: string): void {
    this.data.set(key, value)
  }

  remove(key: string): void {
    this.data.delete(key)
  }
}
