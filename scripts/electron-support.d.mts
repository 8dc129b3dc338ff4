// Types for the tests that import electron-support.mjs.
export declare const supportedLines: number
export declare function electronSupportWarning(declared: string, latest: string): string | null
