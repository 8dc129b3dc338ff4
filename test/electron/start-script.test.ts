import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const projectRoot = path.resolve(__dirname, '../..')

describe('npm start', () => {
  it('says in one sentence, without a stack trace, that the Electron binary is missing, and exits 1', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: path.join(projectRoot, 'no-such-dir'),
    }
    delete env.ELECTRON_EXEC_PATH

    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: projectRoot, env, encoding: 'utf8' })

    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual([
      'Gatehouse could not find the Electron binary (it was not downloaded); run `npm run serve` to use the ' +
        'console in your browser, or reinstall with internet access.',
    ])
  })
})
