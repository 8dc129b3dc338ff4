import { describe, expect, it } from 'vitest'
import { createScryptHasher, owaspScrypt } from '../../src/main/identity/password-hasher'

describe('the production password hasher', () => {
  const hasher = createScryptHasher()

  it('uses OWASP’s scrypt parameters (N=2^17, r=8, p=1) and records them with a per-password salt', async () => {
    expect(owaspScrypt).toEqual({ log2N: 17, r: 8, p: 1 })
    const a = await hasher.hash('correct horse battery staple')
    const b = await hasher.hash('correct horse battery staple')
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toBe(b)
  })

  it('verifies the right password and rejects a wrong or malformed one', async () => {
    const stored = await hasher.hash('correct horse battery staple')
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true)
    expect(await hasher.verify('correct horse battery stapler', stored)).toBe(false)
    expect(await hasher.verify('anything', 'plaintext')).toBe(false)
  })
})
