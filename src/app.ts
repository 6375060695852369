import { createElement, type PropsWithChildren } from 'react'
import { createRootStore } from './bootstrap'
import { StoreProvider } from './stores/StoreContext'
import './app.css'

const store = createRootStore()

function App({ children }: PropsWithChildren<unknown>) {
  return createElement(StoreProvider, { store }, children)
}

export default App
