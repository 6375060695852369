import { autorun, makeAutoObservable } from 'mobx'
import { forward, type Forwarded } from '@/stores/forward'

class Unit {
  count = 1
  label = 'a'
  constructor() {
    makeAutoObservable(this, {}, { autoBind: true })
  }
  bump(): void {
    this.count++
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
class Store {
  readonly unit = new Unit()
  constructor() {
    makeAutoObservable(this, { unit: false })
  }
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
interface Store extends Forwarded<Unit, 'count' | 'bump'> {
  readonly name: string
}
forward(Store, 'unit', ['count', 'bump'])
forward(Store, 'unit', { name: 'label' })

test('forwarded reads follow the unit, observers see changes, bound actions work, names may differ', () => {
  const s = new Store()
  const seen: number[] = []
  const stop = autorun(() => seen.push(s.count))
  s.bump()
  s.unit.bump()
  expect(seen).toEqual([1, 2, 3])
  expect(s.name).toBe('a')
  stop()
})

test('a name cannot be forwarded twice', () => {
  expect(() => forward(Store, 'unit', ['count'])).toThrow('count is already defined')
})
