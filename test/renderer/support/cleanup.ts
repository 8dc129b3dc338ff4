import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Pages load as their own chunks, which the first test of a file waits for while they are
// transformed; on a busy two-core machine that alone can pass the default second.
configure({ asyncUtilTimeout: 5000 })

// The renderer project has no global test APIs, so Testing Library cannot clean up by itself;
// the hash and storages are per window, and every test starts from a fresh one.
afterEach(() => {
  cleanup()
  window.location.hash = ''
  window.localStorage.clear()
  window.sessionStorage.clear()
})
