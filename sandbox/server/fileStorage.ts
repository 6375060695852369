import * as fs from 'fs'
import * as path from 'path'
import type { KeyValueStore } from '@/services/storage'

/**
 * A KeyValueStore kept in one JSON file ({ key: value }), for the HTTP sandbox server.
 * Reads the file once; every change rewrites it atomically (temp file + rename), so a crash
 * leaves either the old or the new content, never half of one. One process per file.
 */
export class FileStorage implements KeyValueStore {
  readonly filePath: string
  private readonly data: Map<string, string>

  constructor(filePath: string) {
    this.filePath = path.resolve(filePath)
    this.data = FileStorage.load(this.filePath)
  }

  get(key: string): string | null {
    return this.data.has(key) ? (this.data.get(key) as string) : null
  }

  set(key: string, value: string): void {
    this.data.set(key, String(value))
    this.save()
  }

  remove(key: string): void {
    if (this.data.delete(key)) this.save()
  }

  private static load(filePath: string): Map<string, string> {
    let text: string
    try {
      text = fs.readFileSync(filePath, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
      throw e
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      return new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
    } catch {
      // Unreadable: keep it aside for inspection and start empty
      const aside = `${filePath}.corrupt-${Date.now()}`
      fs.renameSync(filePath, aside)
      console.warn(`[file-storage] ${filePath} was not valid JSON; moved to ${aside}`)
      return new Map()
    }
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true })
    const tmp = `${this.filePath}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.data), null, 2))
    fs.renameSync(tmp, this.filePath)
  }
}
