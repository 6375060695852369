/** Onboarding by the rules (onboardingSuite.ts) over the HTTP transport, through the loopback sandbox server. */
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'
import { setup, type Env } from './enterpriseHelpers'
import { onboardingSuite } from './onboardingSuite'

const servers: SandboxServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

onboardingSuite(async (): Promise<Env> => {
  const env = setup()
  const server = await startSandboxServer({ service: env.sb, port: 0, onError: () => undefined })
  servers.push(server)
  return { ...env, svc: createHttpService({ baseUrl: server.url, request: fetchRequest, timeoutMs: 10_000 }) }
})
