/** Sizes as an administrator compares them: megabytes (10^6 bytes), two decimals. */
export const formatMegabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`
