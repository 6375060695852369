/** Seal drawing: geometry (pure numbers) and SVG. */
export * from './geometry'
export * from './svg'
