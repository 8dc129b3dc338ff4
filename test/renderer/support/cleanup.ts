import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// The renderer project has no global test APIs, so Testing Library cannot clean up by itself;
// the hash and storages are per window, and every test starts from a fresh one.
afterEach(() => {
  cleanup()
  window.location.hash = ''
  window.localStorage.clear()
  window.sessionStorage.clear()
})
