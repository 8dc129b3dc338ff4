/**
 * A second workstation in its own process: opens the same database file and fires commands
 * at one permit as fast as it can. Prints one JSON line of outcome codes.
 * node --import tsx station.ts <dataDir> <token> <edit|transit> <permitId> <label> <rounds>
 */
import { createBackend } from '../../../src/main/backend'
import { createScryptHasher } from '../../../src/main/identity/password-hasher'

async function main() {
  const [dataDir, token, mode, permitIdText, label, roundsText] = process.argv.slice(2)
  if (!dataDir || !token || !mode || !permitIdText || !label || !roundsText)
    throw new Error('usage: station.ts dataDir token mode permitId label rounds')
  const permitId = Number(permitIdText)
  const backend = createBackend({ dataDir }, { hasher: createScryptHasher({ log2N: 10, r: 8, p: 1 }) })
  const codes: string[] = []
  for (let round = 0; round < Number(roundsText); round += 1) {
    if (mode === 'edit') {
      const read = await backend.dispatch('permits.get', { permitId }, { token })
      if (!read.result.ok) throw new Error(read.result.error.message)
      const detail = read.result.value as {
        card: { version: number; validFrom: number; validTo: number; spaceId: number }
        fields: Record<string, unknown>
        entrySupervisorId: number
        entrants: { name: string }[]
      }
      const fields = {
        spaceId: detail.card.spaceId,
        purpose: `${label}-${round}`,
        validFrom: detail.card.validFrom,
        validTo: detail.card.validTo,
        entrySupervisorId: detail.entrySupervisorId,
        entrants: detail.entrants.map((e) => ({ name: e.name })),
        hazards: detail.fields.hazards,
        isolationMeasures: detail.fields.isolationMeasures,
        rescueService: detail.fields.rescueService,
        rescueContact: detail.fields.rescueContact,
        communicationMethod: detail.fields.communicationMethod,
        equipment: detail.fields.equipment,
      }
      const { result } = await backend.dispatch(
        'permits.update',
        { permitId, version: detail.card.version, fields },
        { token },
      )
      codes.push(result.ok ? 'ok' : result.error.code)
    } else {
      const person = { name: round % 2 === 0 ? 'Ana Silva' : 'Ben Carter' }
      const entry = await backend.dispatch('entries.recordEntry', { permitId, person }, { token })
      codes.push(entry.result.ok ? 'entry' : entry.result.error.code)
      const exit = await backend.dispatch('entries.recordExit', { permitId, person }, { token })
      codes.push(exit.result.ok ? 'exit' : exit.result.error.code)
    }
  }
  backend.close()
  process.stdout.write(`${JSON.stringify(codes)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exit(1)
})
