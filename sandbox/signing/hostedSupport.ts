/**
 * Where the signing module finds hosted contracts (sandbox/host): installed by
 * hostedContract.ts `installHostedContracts()`, which the host module and the H5 signing loader
 * call. WeChat's embedded sandbox has no host console, so no hosted flow, and leaves it out of
 * the main package. A pure function of the flow data, so one installation serves every sandbox.
 */
import type { FlowRecord } from '../core/state'
import type { PageImageSource, PageModel } from './contractRender'
import type { ContractInfo } from './model'

export interface HostedSupport {
  contractOf(flow: FlowRecord): ContractInfo
  pageImageSvg(page: PageModel, imageOf: PageImageSource | undefined): string
}

let installed: HostedSupport | null = null

export function setHostedSupport(s: HostedSupport): void {
  installed = s
}

export function hostedSupport(): HostedSupport | null {
  return installed
}
