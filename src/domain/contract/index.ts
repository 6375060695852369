/** Contract domain: field geometry, paging seal, dates, values, signing state machine. Pure TS. */
export * from './geometry'
export * from './pagingSeal'
export * from './dateFormat'
export * from './machine'
export * from './fields'
export * from './png'
export * from './base64'
export * from './password'
