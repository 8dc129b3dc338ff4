import { describe, expect, it } from 'vitest'
import { menuPageOf } from '../../src/renderer/src/app/navigation/routes'

/** The menu marks the page an address belongs to, so a person always knows where they are. */
describe('the menu page of an address', () => {
  it('is Entries for a person’s page, Gas for its tabs, the Board for a permit, and none when unavailable', () => {
    expect(menuPageOf({ kind: 'person', personKey: 'name:ana silva' })).toBe('entries')
    expect(menuPageOf({ kind: 'gas', tab: 'trends' })).toBe('gas')
    expect(menuPageOf({ kind: 'permit', permitId: 7, view: 'detail' })).toBe('board')
    expect(menuPageOf({ kind: 'page', page: 'audit' })).toBe('audit')
    expect(menuPageOf({ kind: 'unavailable', why: 'roles' })).toBeUndefined()
  })
})
