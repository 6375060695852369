/**
 * The uploaded contract's limits, in a module with no imports: the service types
 * (types.host.ts, which every page's code reaches through types.ts) can name them without
 * bringing the set-up rules and their validators onto the landing route.
 */
export const HOST_PDF_MAX_BYTES = 20 * 1024 * 1024
export const HOST_PDF_MAX_PAGES = 200
