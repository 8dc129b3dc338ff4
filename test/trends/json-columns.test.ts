import { describe, expect, it } from 'vitest'
import { parsed } from '../../src/main/trends/trend-series'

/** The columns SQLite aggregates come back in time order, or are put in it. */
describe('columns read as JSON arrays', () => {
  it('are kept as they are in key order, and put in key order otherwise, every column alike', () => {
    expect(parsed(['[1,2,3]', '[10,null,30]'], 0)).toEqual([
      [1, 2, 3],
      [10, null, 30],
    ])
    expect(parsed(['[3,1,2]', '[30,10,null]'], 0)).toEqual([
      [1, 2, 3],
      [10, null, 30],
    ])
    expect(parsed(['[7,8]', '[9,5]'], 1)).toEqual([
      [8, 7],
      [5, 9],
    ])
    expect(parsed(undefined, 0)).toEqual([])
  })
})
