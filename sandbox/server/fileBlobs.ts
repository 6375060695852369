import * as fs from 'fs'
import * as path from 'path'
import type { BlobStore } from '../core/blobs'

/**
 * The HTTP sandbox server's BlobStore: one file per blob, named by its SHA-256, in a folder
 * next to the state file (`sandbox.json` → `sandbox.json.blobs/`). Written once (temp file +
 * rename), read when asked; the JSON state only names them, so it stays small however many
 * PDFs hosts upload.
 */
export class FileBlobStore implements BlobStore {
  readonly dir: string

  constructor(dir: string) {
    this.dir = path.resolve(dir)
  }

  private pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a SHA-256: ${hash}`)
    return path.join(this.dir, hash)
  }

  put(hash: string, bytes: Uint8Array): void {
    const file = this.pathOf(hash)
    if (fs.existsSync(file)) return
    fs.mkdirSync(this.dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
  }

  get(hash: string): Uint8Array | null {
    try {
      return new Uint8Array(fs.readFileSync(this.pathOf(hash)))
    } catch {
      return null
    }
  }

  clear(): void {
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

/** Auto-play of the demo flows' other signers on the server: off unless a demo asks (`--demo` or INKSEAL_DEMO=1). */
export function serverAutoPlay(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  return argv.includes('--demo') || env.INKSEAL_DEMO === '1'
}
