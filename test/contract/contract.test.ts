import { afterAll, describe, expect, it } from 'vitest'
import { eventPolicy, procedurePolicy } from '../../src/shared/contract/policy'
import { events } from '../../src/shared/contract/events'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import { makeTestBackend } from '../support/test-backend'

const t = makeTestBackend()
afterAll(() => t.dispose())

describe('the contract', () => {
  it('has a handler for every procedure and no handler without a procedure', () => {
    expect(Object.keys(t.backend.handlers).sort()).toEqual([...procedurePaths].sort())
  })

  it('has a policy entry for every procedure', () => {
    expect(Object.keys(procedurePolicy).sort()).toEqual([...procedurePaths].sort())
  })

  it('gives every event a payload schema and a policy entry', () => {
    for (const [name, definition] of Object.entries(events)) {
      expect(definition.payload.safeParse(undefined).success, `${name} payload schema`).toBe(false)
      expect(eventPolicy).toHaveProperty(name)
    }
    expect(Object.keys(eventPolicy).sort()).toEqual(Object.keys(events).sort())
  })

  it('names procedures as namespace.method so every transport can route them', () => {
    for (const path of procedurePaths) expect(path).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  it('declares every procedure as a query or a command with a description', () => {
    for (const path of procedurePaths) {
      expect(['query', 'command']).toContain(procedures[path].kind)
      expect(procedures[path].description.length).toBeGreaterThan(10)
    }
  })
})
