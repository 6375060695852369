import { createContext, useContext, type PropsWithChildren } from 'react'
import type { RootStore } from './RootStore'

const StoreContext = createContext<RootStore | null>(null)

export function StoreProvider({ store, children }: PropsWithChildren<{ store: RootStore }>) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useStore(): RootStore {
  const s = useContext(StoreContext)
  if (!s) throw new Error('useStore() outside <StoreProvider>')
  return s
}
