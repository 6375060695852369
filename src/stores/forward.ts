/**
 * A composing store's forwarded API: reads of `names` on every instance of `target` go to the
 * unit the instance keeps in `unit`. They are getters on the prototype, as hand-written
 * one-line getters would be (makeAutoObservable makes them computed); a bound action of a unit
 * is forwarded the same way. Pair each call with an interface merged into the class
 * (`interface SigningStore extends Forwarded<Unit, (typeof NAMES)[number]> {}`) so callers see
 * the types.
 */
export type Forwarded<U, N extends keyof U> = { readonly [P in N]: U[P] }

export function forward<T, K extends keyof T & string>(target: { prototype: T }, unit: K, names: readonly string[] | Readonly<Record<string, string>>): void {
  // a list forwards each name to the same name; a record maps the store's name to the unit's
  const pairs = Array.isArray(names) ? names.map((n: string) => [n, n]) : Object.entries(names)
  for (const [name, member] of pairs) {
    if (Object.prototype.hasOwnProperty.call(target.prototype, name)) throw new Error(`${name} is already defined`)
    Object.defineProperty(target.prototype, name, {
      get(this: Record<string, Record<string, unknown>>) {
        return this[unit][member]
      },
      configurable: true,
      enumerable: false
    })
  }
}
