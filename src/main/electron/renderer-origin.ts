/**
 * The renderer is served from its own privileged scheme, `app://gatehouse/`, never from
 * file:// (which would grant the page every local file). In development electron-vite serves it
 * from a local dev server instead, and that server's origin is ours for the session.
 */
export const appScheme = 'app'
export const appHost = 'gatehouse'

export interface RendererOrigin {
  /** The URL a new window loads. */
  entryUrl: string
  /** True when `url` is a page of our own renderer, so it may navigate there and call us. */
  owns(url: string): boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

export function rendererOrigin(devServerUrl: string | undefined): RendererOrigin {
  if (devServerUrl) {
    const devOrigin = new URL(devServerUrl).origin
    return { entryUrl: devServerUrl, owns: (url) => parse(url)?.origin === devOrigin }
  }
  return {
    entryUrl: `${appScheme}://${appHost}/index.html`,
    // Compared part by part: WHATWG URL gives every non-special scheme the opaque origin "null".
    owns(url) {
      const parsed = parse(url)
      return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost
    },
  }
}
