import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { FileStorage } from '@sandbox/server/fileStorage'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-fs-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('FileStorage', () => {
  test('a new store on the same file (a restart) keeps the data', () => {
    const file = path.join(dir, 'nested', 'state.json')
    const a = new FileStorage(file)
    expect(a.get('k')).toBeNull()
    a.set('k', '{"flows":["张三"]}')
    a.set('gone', 'x')
    a.remove('gone')

    const b = new FileStorage(file)
    expect(b.get('k')).toBe('{"flows":["张三"]}')
    expect(b.get('gone')).toBeNull()
    b.set('k', 'v2')
    expect(new FileStorage(file).get('k')).toBe('v2')
  })

  test('writes through a temp file and leaves none behind', () => {
    const file = path.join(dir, 'state.json')
    const renames: Array<[string, string]> = []
    const spy = jest.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      renames.push([String(from), String(to)])
      return jest.requireActual<typeof fs>('fs').renameSync(from, to)
    }) as typeof fs.renameSync)
    try {
      new FileStorage(file).set('k', 'v')
    } finally {
      spy.mockRestore()
    }
    expect(renames).toHaveLength(1)
    expect(renames[0][1]).toBe(file)
    expect(renames[0][0]).not.toBe(file)
    expect(path.dirname(renames[0][0])).toBe(dir)
    expect(fs.readdirSync(dir)).toEqual(['state.json'])
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ k: 'v' })
  })

  test('a missing file is an empty store; a corrupt one is moved aside', () => {
    const file = path.join(dir, 'state.json')
    fs.writeFileSync(file, '{"k": "v", "half')
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const s = new FileStorage(file)
    warn.mockRestore()
    expect(s.get('k')).toBeNull()
    expect(fs.readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true)
    s.set('k', 'fresh')
    expect(new FileStorage(file).get('k')).toBe('fresh')
  })
})
