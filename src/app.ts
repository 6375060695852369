import { PropsWithChildren } from 'react'
import './app.css'

function App({ children }: PropsWithChildren<unknown>) {
  return children
}

export default App
