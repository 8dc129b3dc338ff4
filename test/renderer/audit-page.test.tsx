import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuditVerification } from '../../src/shared/contract/audit'
import type { ExportFileDto } from '../../src/shared/contract/exports'
import type { Result } from '../../src/shared/contract/errors'
import { aDirectory, aUser, anAuditEntry } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { aDetail } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp, scriptSignedIn } from './support/render-app'

const entries = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => anAuditEntry(from - i))

const trail = () => screen.getByRole('table', { name: 'Audit log' })

const shownSeqs = (): string[] =>
  within(trail())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent ?? '')

const filtersAsked = (transport: FakeTransport) =>
  transport.callsTo('audit.list').map((input) => (input as { filter?: unknown }).filter)

function auditor(hash = '#/audit'): FakeTransport {
  window.location.hash = hash
  return scriptSignedIn(new FakeTransport(), aUser(['auditor'])).on('users.directory', ok(aDirectory))
}

const verification = (overrides: Partial<AuditVerification> = {}): AuditVerification => ({
  intact: true,
  checked: 9,
  headSeq: 9,
  headHash: 'abc123',
  firstBroken: null,
  checkpoints: { checked: 0, latest: null, problems: [] },
  ...overrides,
})

/** What the browser's download is handed: the file's name and content (jsdom has no blob URLs of its own). */
function catchDownloads() {
  const saved: { name: string; blob: Blob }[] = []
  const blobs = new Map<string, Blob>()
  vi.stubGlobal('URL', {
    createObjectURL(blob: Blob) {
      const url = `blob:test/${String(blobs.size)}`
      blobs.set(url, blob)
      return url
    },
    revokeObjectURL: () => undefined,
  })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '')
    if (blob) saved.push({ name: this.download, blob })
  })
  return saved
}

/** A blob's text; jsdom's blobs (and files) lack text(), which every browser has. */
function textOf(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text()
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

/** A file as an <input type=file> hands it over, readable with text() as in a browser. */
const aFile = (content: string, name: string): File =>
  Object.assign(new File([content], name), { text: () => Promise.resolve(content) })

describe('audit page', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('lists entries in words, newest first, and pages back with Load older', async () => {
    const transport = auditor().on('audit.list', (input) =>
      input.beforeSeq === 3
        ? ok({ items: entries(2, 1), nextBeforeSeq: null })
        : ok({ items: entries(5, 3), nextBeforeSeq: 3 }),
    )
    renderApp(transport)

    await screen.findAllByRole('cell', { name: '5' })
    expect(shownSeqs()).toEqual(['5', '4', '3'])
    const newest = within(trail()).getAllByRole('row')[1]
    expect(newest?.textContent).toContain('Account User 5 created')
    expect(newest?.textContent).toContain('Dana Okafor')
    expect(within(trail()).getByRole('columnheader', { name: /^Time \(.+\)$/ })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }))

    await screen.findAllByRole('cell', { name: '1' })
    expect(shownSeqs()).toEqual(['5', '4', '3', '2', '1'])
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull()
  })

  it('shows new entries as they are appended', async () => {
    let head = 2
    const transport = auditor().on('audit.list', () => ok({ items: entries(head, 1), nextBeforeSeq: null }))
    renderApp(transport)
    await screen.findAllByRole('cell', { name: '2' })

    head = 3
    transport.emit('audit.appended', {
      seq: 3,
      action: 'user.created',
      entityType: 'user',
      entityId: '3',
      at: Date.now(),
    })

    await screen.findAllByRole('cell', { name: '3' })
    expect(shownSeqs()).toEqual(['3', '2', '1'])
  })

  it('names a permit by its number and links to its page', async () => {
    const permitEntry = anAuditEntry(7, {
      action: 'permit.close',
      entityType: 'permit',
      entityId: '12',
      entityLabel: 'CSE-NORTH-2026-0001',
      summary: 'Permit CSE-NORTH-2026-0001 closed',
    })
    renderApp(auditor().on('audit.list', ok({ items: [permitEntry], nextBeforeSeq: null })))

    const link = await within(await screen.findByRole('table', { name: 'Audit log' })).findByRole('link', {
      name: 'CSE-NORTH-2026-0001',
    })
    expect(link.getAttribute('href')).toBe('#/permits/12')
  })

  it('sends the filter a person applies, and Load older keeps it', async () => {
    const transport = auditor()
      .on('audit.list', (input) =>
        input.beforeSeq
          ? ok({ items: entries(2, 1), nextBeforeSeq: null })
          : ok({ items: entries(5, 3), nextBeforeSeq: 3 }),
      )
      .on('audit.findRecord', ok({ records: [{ entityType: 'permit', entityId: '12', label: 'CSE-NORTH-2026-0012' }] }))
    renderApp(transport)
    await screen.findAllByRole('cell', { name: '5' })
    const form = screen.getByRole('search', { name: 'Filter the audit trail' })

    fireEvent.change(within(form).getByRole('combobox', { name: 'Action or family' }), { target: { value: 'permit' } })
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: 'Kind of record' }))
    fireEvent.click(await screen.findByRole('option', { name: 'Permit' }))
    // The permit by the number its entries show; the server finds its id.
    fireEvent.change(within(form).getByRole('textbox', { name: 'Record' }), {
      target: { value: 'cse-north-2026-0012' },
    })
    fireEvent.change(within(form).getByLabelText(/^From \(/), { target: { value: '2026-11-30T08:00' } })
    fireEvent.change(within(form).getByLabelText(/^To \(/), { target: { value: '2026-11-30T17:30' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Words in the entry' }), { target: { value: 'weld' } })
    const person = within(form).getByRole('combobox', { name: 'Person who acted' })
    fireEvent.mouseDown(person)
    fireEvent.click(await screen.findByRole('option', { name: 'Lee Novak (lee)' }))
    fireEvent.click(within(form).getByRole('button', { name: 'Apply filter' }))

    const applied = {
      actorId: 9,
      action: 'permit',
      entityType: 'permit',
      entityId: '12',
      from: new Date(2026, 10, 30, 8, 0).getTime(),
      to: new Date(2026, 10, 30, 17, 30, 59, 999).getTime(),
      text: 'weld',
    }
    await waitFor(() => expect(filtersAsked(transport).at(-1)).toEqual(applied))
    expect(transport.callsTo('audit.findRecord')).toEqual([{ entityType: 'permit', name: 'cse-north-2026-0012' }])
    expect(window.location.hash).toMatch(/^#\/audit\?/)
    // The field still shows the record as the person named it, not its id.
    const record = within(screen.getByRole('search', { name: 'Filter the audit trail' })).getByRole('textbox', {
      name: 'Record',
    })
    expect((record as HTMLInputElement).value).toBe('cse-north-2026-0012')
    await screen.findAllByRole('cell', { name: '5' })

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }))

    await screen.findAllByRole('cell', { name: '1' })
    expect(transport.callsTo('audit.list').at(-1)).toEqual({ limit: 50, beforeSeq: 3, filter: applied })
  })

  it('asks for the kind when a name fits records of several, and says when a name fits none', async () => {
    const transport = auditor()
      .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
      .on('audit.findRecord', (input) =>
        ok({
          records:
            input.name === 'sue'
              ? [
                  { entityType: 'user', entityId: '4', label: 'Sue Park (sue)' },
                  { entityType: 'instrument', entityId: '7', label: 'sue' },
                ]
              : [],
        }),
      )
    renderApp(transport)
    await screen.findAllByRole('cell', { name: '2' })
    const form = () => screen.getByRole('search', { name: 'Filter the audit trail' })
    const record = () => within(form()).getByRole('textbox', { name: 'Record' })
    const asked = filtersAsked(transport).length

    fireEvent.change(record(), { target: { value: 'sue' } })
    fireEvent.click(within(form()).getByRole('button', { name: 'Apply filter' }))
    await within(form()).findByText(
      '“sue” names more than one record (account Sue Park (sue), gas monitor sue): choose the kind of record.',
    )
    expect(record().getAttribute('aria-invalid')).toBe('true')
    expect(filtersAsked(transport)).toHaveLength(asked)

    fireEvent.change(record(), { target: { value: 'TK-999' } })
    fireEvent.click(within(form()).getByRole('button', { name: 'Apply filter' }))
    await waitFor(() => expect(filtersAsked(transport).at(-1)).toEqual({ entityId: 'TK-999' }))
    await within(form()).findByText('No record is named “TK-999”: read as an id.')
    expect(record().getAttribute('aria-invalid')).toBe('false')
  })

  it('opens already filtered from a link, and Clear shows the whole trail again', async () => {
    const transport = auditor('#/audit?entityType=permit&entityId=12').on(
      'audit.list',
      ok({ items: entries(2, 1), nextBeforeSeq: null }),
    )
    renderApp(transport)

    await waitFor(() => expect(filtersAsked(transport)).toContainEqual({ entityType: 'permit', entityId: '12' }))
    const form = screen.getByRole('search', { name: 'Filter the audit trail' })
    expect((within(form).getByRole('textbox', { name: 'Record' }) as HTMLInputElement).value).toBe('12')

    fireEvent.click(within(form).getByRole('button', { name: 'Clear' }))

    await waitFor(() => expect(filtersAsked(transport).at(-1)).toEqual({}))
    expect(window.location.hash).toBe('#/audit')
  })

  it('opens an entry whole: the sentence, who, when, the action and what changed', async () => {
    const suspended = anAuditEntry(8, {
      action: 'permit.suspend',
      entityType: 'permit',
      entityId: '12',
      entityLabel: 'CSE-NORTH-2026-0001',
      summary: 'Permit CSE-NORTH-2026-0001 suspended: gas alarm',
      before: '{"state":"active"}',
      after: '{"reason":"gas alarm","state":"suspended"}',
    })
    renderApp(
      auditor().on('audit.list', ok({ items: [suspended, anAuditEntry(7, { before: null })], nextBeforeSeq: null })),
    )

    const summary = await screen.findByRole('button', { name: 'Permit CSE-NORTH-2026-0001 suspended: gas alarm' })
    fireEvent.click(summary)

    const detail = await screen.findByRole('dialog', { name: 'Permit CSE-NORTH-2026-0001 suspended: gas alarm' })
    expect(within(detail).getByText('permit.suspend')).toBeTruthy()
    expect(within(detail).getByText('Dana Okafor')).toBeTruthy()
    expect(within(detail).getByText(/UTC$/)).toBeTruthy()
    expect(within(detail).getByText('gas alarm')).toBeTruthy()
    expect(within(detail).getByLabelText('Before the change').textContent).toBe('{\n  "state": "active"\n}')
    expect(within(detail).getByLabelText('After the change').textContent).toBe(
      '{\n  "reason": "gas alarm",\n  "state": "suspended"\n}',
    )
    expect(within(detail).getByText('hash-8')).toBeTruthy()
    expect(within(detail).getByText('hash-7')).toBeTruthy()

    fireEvent.click(within(detail).getByRole('button', { name: 'Close the entry' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Account User 7 created' }))
    const created = await screen.findByRole('dialog', { name: 'Account User 7 created' })
    expect(within(created).getByLabelText('Before the change').textContent).toBe('—')
  })

  it('reports a broken chain with the first broken entry and the head hash', async () => {
    const transport = auditor()
      .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
      .on('audit.verify', ok(verification({ intact: false, firstBroken: { seq: 4, reason: 'hash mismatch' } })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Verify chain' }))

    const result = await screen.findByRole('status')
    expect(result.textContent).toContain('Chain broken')
    expect(result.textContent).toContain('#4')
    expect(result.textContent).toContain('abc123')
  })

  it('says which checkpoints held, or each one that does not', async () => {
    const at = Date.UTC(2026, 10, 30, 12)
    const transport = auditor()
      .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
      .on('audit.verify', ok(verification({ checkpoints: { checked: 3, latest: { seq: 7, at }, problems: [] } })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Verify chain' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Held against 3 checkpoints'))
    expect(screen.getByRole('status').textContent).toContain('names entry 7')

    transport.on(
      'audit.verify',
      ok(
        verification({
          checkpoints: {
            checked: 3,
            latest: null,
            problems: [{ seq: 7, at, reason: 'entry 7 is missing: the trail was cut off' }],
          },
        }),
      ),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }))

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('does not hold'))
    expect(screen.getByRole('status').textContent).toContain('entry 7 is missing: the trail was cut off')
  })

  it('verifies against a checkpoint file, and says when a file is not one', async () => {
    const checkpoint = { format: 'gatehouse-audit-checkpoint/1', seq: 7, hash: 'f'.repeat(64) }
    const transport = auditor()
      .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
      .on('audit.verify', fail('VALIDATION', 'checkpoint.keyId: is required'))
    renderApp(transport)
    await screen.findAllByRole('cell', { name: '2' })
    const input = screen.getByLabelText('Checkpoint file to verify against')

    fireEvent.change(input, { target: { files: [aFile(JSON.stringify(checkpoint), 'kept.json')] } })

    await screen.findByText('checkpoint.keyId: is required')
    expect(transport.callsTo('audit.verify')).toEqual([{ checkpoint }])

    fireEvent.change(input, { target: { files: [aFile('not json', 'notes.txt')] } })
    await screen.findByText('notes.txt is not a checkpoint file: it does not hold JSON.')
    expect(transport.callsTo('audit.verify')).toHaveLength(1)
  })

  describe('export', () => {
    const written: ExportFileDto = {
      name: 'audit-2026-11-30T12-00-00Z.csv',
      path: '/data/exports/1/audit-2026-11-30T12-00-00Z.csv',
      bytes: 48_213,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      rows: 4000,
      checkpoint: { seq: 4321, hash: 'a'.repeat(64), keyId: '0123456789abcdef' },
      at: Date.UTC(2026, 10, 30, 12),
    }

    let finish: (result: Result<ExportFileDto>) => void = () => undefined
    beforeEach(() => {
      finish = () => undefined
    })

    const exporting = (hash = '#/audit?action=permit') =>
      auditor(hash)
        .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
        .on('audit.export', () => new Promise<Result<ExportFileDto>>((resolve) => (finish = resolve)))

    const progress = (written: number, exportId = 'audit-2026-11-30T12-00-00Z.csv') => ({
      exportId,
      userId: 1,
      written,
      total: 4000,
      at: Date.now(),
    })

    it('shows the progress the server tells and then the file written', async () => {
      const transport = exporting()
      renderApp(transport)
      fireEvent.click(await screen.findByRole('button', { name: 'Export…' }))
      const dialog = await screen.findByRole('dialog', { name: 'Export the audit trail' })
      expect(dialog.textContent).toContain('entries action permit')

      fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }))
      await waitFor(() =>
        expect(transport.callsTo('audit.export')).toEqual([{ format: 'csv', filter: { action: 'permit' } }]),
      )
      transport.emit('exports.progress', progress(0))
      transport.emit('exports.progress', progress(2000))
      // Another export of the same person (another window) moves its own bar, not this one.
      transport.emit('exports.progress', progress(3999, 'audit-2026-11-30T11-59-00Z.json'))

      await waitFor(() =>
        expect(within(dialog).getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow')).toBe(
          '50',
        ),
      )
      expect(dialog.textContent).toMatch(/2,000 of 4,000 entries written/)

      finish(ok(written))

      await within(dialog).findByText(/4,000 entries written, 48\.2 KB/)
      expect(dialog.textContent).toContain('9f86d081884c7d65')
      expect(dialog.textContent).toContain('entry 4321')
      expect(dialog.textContent).toContain(written.path)
      expect(within(dialog).queryByRole('button', { name: 'Download' })).toBeNull()
    })

    it('downloads the file in a browser with the session token', async () => {
      const saved = catchDownloads()
      const fetched = vi.fn(
        async (_url: string, _init?: RequestInit) => new Response('# {"format":"gatehouse-audit-export/1"}\n'),
      )
      vi.stubGlobal('fetch', fetched)
      const transport = exporting('#/audit')
      renderApp(transport, {}, { browser: true })
      fireEvent.click(await screen.findByRole('button', { name: 'Export…' }))
      const dialog = await screen.findByRole('dialog', { name: 'Export the audit trail' })
      expect(dialog.textContent).toContain('the whole trail')
      fireEvent.click(within(dialog).getByRole('radio', { name: 'JSON, for a program' }))
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }))
      await waitFor(() => expect(transport.callsTo('audit.export')).toEqual([{ format: 'json', filter: {} }]))
      finish(ok(written))

      fireEvent.click(await within(dialog).findByRole('button', { name: 'Download' }))

      await waitFor(() => expect(saved.map((file) => file.name)).toEqual([written.name]))
      expect(fetched).toHaveBeenCalledWith(`/api/exports/${written.name}`, {
        headers: { authorization: 'Bearer token-of-the-test' },
      })
      expect(await textOf(saved[0]?.blob ?? new Blob())).toContain('gatehouse-audit-export/1')
      expect(dialog.textContent).not.toContain(written.path)
    })
  })

  it('saves a signed checkpoint as a file and says what it is for', async () => {
    const saved = catchDownloads()
    const checkpoint = {
      format: 'gatehouse-audit-checkpoint/1' as const,
      seq: 42,
      hash: 'b'.repeat(64),
      at: Date.UTC(2026, 10, 30, 12),
      keyId: '0123456789abcdef',
      publicKey: 'key',
      signature: 'sig',
    }
    renderApp(
      auditor()
        .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
        .on('audit.checkpoint', ok(checkpoint)),
    )

    fireEvent.click(await screen.findByRole('button', { name: 'Save a checkpoint' }))

    const note = await screen.findByRole('status')
    expect(note.textContent).toContain('gatehouse-checkpoint-42.json')
    expect(note.textContent).toContain('npm run audit:verify -- --checkpoint FILE')
    expect(saved.map((file) => file.name)).toEqual(['gatehouse-checkpoint-42.json'])
    expect(JSON.parse(await textOf(saved[0]?.blob ?? new Blob()))).toEqual(checkpoint)
  })

  it('is linked from a permit’s page for those who may read the trail', async () => {
    const detail = aDetail()
    renderApp(permitPage(detail, ['auditor']).on('audit.list', ok({ items: [], nextBeforeSeq: null })))

    const link = await screen.findByRole('link', { name: 'Audit trail of this permit' })
    expect(link.getAttribute('href')).toBe(`#/audit?entityType=permit&entityId=${String(detail.card.id)}`)
  })

  it('is not linked from a permit’s page for a supervisor', async () => {
    renderApp(permitPage(aDetail(), ['supervisor']))

    await screen.findByRole('heading', { name: 'Timeline' })
    expect(screen.queryByRole('link', { name: 'Audit trail of this permit' })).toBeNull()
  })
})
