import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../src/main/readings/ingest-service'
import { readingKinds } from '../../src/shared/contract/atmosphere'
import type { ReadingInput } from '../../src/shared/contract/readings'

/**
 * The audit entry of a batch carries rowsSha256, which a reviewer recomputes from the rows as the
 * ingest service documents it: one line per row, `permitId|loggedAt|monitoredBy|kind|oxygenPercent|
 * lelPercent|h2sPpm|coPpm`, an empty field for a gas not measured, lines joined by "\n". The
 * service builds it by hand for speed; this is the documented recipe, written plainly.
 */
function documented(rows: readonly ReadingInput[]): string {
  const lines = rows.map((row) =>
    [row.permitId, row.loggedAt, row.monitoredBy, row.kind, row.oxygenPercent, row.lelPercent, row.h2sPpm, row.coPpm]
      .map((value) => (value === undefined ? '' : String(value)))
      .join('|'),
  )
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

/** A gas value on its steps, now and then -0 (which the schema takes, and String() writes as "0"). */
const gas = (max: number, per: number) =>
  fc.option(
    fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: max * per }).map((n) => n / per) },
      { weight: 1, arbitrary: fc.constantFrom(-0, 0, 0.1 + 0.2) },
    ),
    { nil: undefined },
  )

const row: fc.Arbitrary<ReadingInput> = fc
  .record({
    permitId: fc.integer({ min: 1, max: 1_000_000 }),
    loggedAt: fc.integer({ min: 0, max: 2 ** 45 }),
    monitoredBy: fc.string({ minLength: 1, maxLength: 64 }),
    kind: fc.constantFrom(...readingKinds),
    oxygenPercent: gas(30, 100),
    lelPercent: gas(100, 10),
    h2sPpm: gas(500, 10),
    coPpm: gas(2000, 10),
  })
  .map((drawn) => {
    const reading: ReadingInput = {
      permitId: drawn.permitId,
      loggedAt: drawn.loggedAt,
      monitoredBy: drawn.monitoredBy,
      kind: drawn.kind,
    }
    if (drawn.oxygenPercent !== undefined) reading.oxygenPercent = drawn.oxygenPercent
    if (drawn.lelPercent !== undefined) reading.lelPercent = drawn.lelPercent
    if (drawn.h2sPpm !== undefined) reading.h2sPpm = drawn.h2sPpm
    if (drawn.coPpm !== undefined) reading.coPpm = drawn.coPpm
    return reading
  })

describe('the fingerprint of a batch', () => {
  it('is the documented SHA-256 of its rows, line by line', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        expect(fingerprint(rows)).toBe(documented(rows))
      }),
      { numRuns: 300 },
    )
  })

  it('leaves a gas not measured empty, never 0', () => {
    const reading: ReadingInput = { permitId: 4, loggedAt: 17, monitoredBy: 'GW-1', kind: 'continuous', h2sPpm: 0 }
    expect(fingerprint([reading, reading])).toBe(
      createHash('sha256').update('4|17|GW-1|continuous|||0|\n4|17|GW-1|continuous|||0|').digest('hex'),
    )
  })
})
