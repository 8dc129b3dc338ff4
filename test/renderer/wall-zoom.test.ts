import { describe, expect, it } from 'vitest'
import { wallZoom } from '../../src/renderer/src/features/board/wall-zoom'

describe('the wall display’s zoom', () => {
  it('enlarges a few cards to fill a 1920x1080 wall, and leaves a full board at its own size', () => {
    expect(wallZoom(2, 1888, 980)).toBeGreaterThan(1.4)
    expect(wallZoom(6, 1888, 980)).toBeGreaterThan(1.1)
    expect(wallZoom(14, 1888, 980)).toBe(1)
    expect(wallZoom(0, 1888, 980)).toBe(1)
  })

  it('never enlarges past what fits', () => {
    for (const count of [1, 3, 6, 9, 12]) {
      const zoom = wallZoom(count, 1888, 980)
      const columns = Math.max(1, Math.floor((1888 / zoom + 12) / 268))
      expect(Math.ceil(count / columns) * 352 * zoom).toBeLessThanOrEqual(980 + 1)
    }
  })
})
