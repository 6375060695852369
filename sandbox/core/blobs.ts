/**
 * Big binary content (a host's uploaded PDF, its page images, the screen's logo and background)
 * kept out of the persisted JSON state: the state refers to each blob by its SHA-256 (hex), and
 * the bytes live in a BlobStore, written once. The default keeps them in memory (tests, the
 * app's embedded sandbox: a reload forgets them, and the pages say so); the HTTP sandbox server
 * keeps them as files next to its state file (sandbox/server/fileBlobs.ts).
 */
export interface BlobStore {
  /** Stores bytes under their hash (idempotent) */
  put(hash: string, bytes: Uint8Array): void
  get(hash: string): Uint8Array | null
  /** Forgets every blob (dev.reset) */
  clear(): void
}

export class MemoryBlobStore implements BlobStore {
  private readonly data = new Map<string, Uint8Array>()

  put(hash: string, bytes: Uint8Array): void {
    if (!this.data.has(hash)) this.data.set(hash, bytes)
  }

  get(hash: string): Uint8Array | null {
    return this.data.get(hash) ?? null
  }

  clear(): void {
    this.data.clear()
  }
}
