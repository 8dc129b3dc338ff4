import path from 'node:path'
import type { ExportFileDto } from '../../shared/contract/exports'
import { chainHead, keepCheckpoint, signCheckpoint } from '../audit/checkpoint-service'
import type { SignedCheckpoint } from '../audit/checkpoint'
import type { SigningKey } from '../audit/signing-key'
import type { Clock } from '../core/clock'
import { notFound } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { OpenedDatabase } from '../db/database'
import { exportFileDto } from '../exports/export-file'
import { exportFolderOf, exportName } from '../exports/export-folder'
import { actorOf } from '../identity/principal'
import type { Principal } from '../identity/principal'
import type { PermitService } from '../permits/permit-service'
import { findSite } from '../sites/site-repository'
import { exposureExceedances } from '../exposure/exposure-service'
import { annualReview } from './annual-review'
import { permitEvidence } from './permit-evidence'
import { reviewYear } from './review-year'
import type { PackFiles } from './zip-pack'
import { writePack } from './zip-pack'

export function createEvidenceHandlers(deps: {
  database: OpenedDatabase
  commit: Commit
  clock: Clock
  signingKey: SigningKey
  dataDir: string
  permits: PermitService
}): HandlersFor<'evidence'> {
  const { database, commit, clock, signingKey, dataDir, permits } = deps
  const { db, sqlite } = database

  /**
   * Writes a pack gathered up to the chain's head as it stands, then keeps the checkpoint it
   * carries and audits the pack in one commit: the pack names the entry its evidence ends at.
   */
  function writeAudited(
    principal: Principal,
    kind: string,
    gather: (
      checkpoint: SignedCheckpoint,
      now: number,
    ) => { files: PackFiles; rows: number; about: Record<string, unknown> },
    entity: { type: string; id: string | number | null; action: string },
  ): ExportFileDto {
    const now = clock.now()
    const checkpoint = signCheckpoint(signingKey, chainHead(db), now)
    const { files, rows, about } = gather(checkpoint, now)
    const name = exportName(kind, now, 'zip')
    const written = writePack(path.join(exportFolderOf(dataDir, principal.userId), name), files)
    return commit(actorOf(principal), (tx) => {
      keepCheckpoint(tx, checkpoint, 'export', name)
      const dto = exportFileDto(name, written, rows, checkpoint, now)
      return {
        value: dto,
        audit: {
          action: entity.action,
          entityType: entity.type,
          entityId: entity.id,
          after: { ...about, name, files: Object.keys(files), sha256: written.sha256, checkpoint: dto.checkpoint },
        },
      }
    })
  }

  return {
    'evidence.permitPack': async (input, ctx) => {
      const detail = permits.get(input.permitId)
      // On the desktop, the window calling is the permit's print view: its page becomes permit.pdf.
      const pdf = ctx.host ? await ctx.host.printPdf() : null
      return writeAudited(
        ctx.principal,
        `evidence-${detail.card.number}`,
        (checkpoint, now) => ({
          files: permitEvidence({ db, sqlite }, detail, checkpoint, pdf, now),
          rows: 1,
          about: { permit: detail.card.number, pdf: pdf !== null },
        }),
        { type: 'permit', id: detail.card.id, action: 'evidence.permit_pack_written' },
      )
    },
    'evidence.annualReview': (input, ctx) => {
      const site = input.siteId === undefined ? null : findSite(db, input.siteId)
      if (input.siteId !== undefined && !site) throw notFound(`There is no site with id ${String(input.siteId)}.`)
      const scope = {
        year: input.year,
        ...reviewYear(input.year, input.timeZone),
        timeZone: input.timeZone,
        siteName: site ? `${site.code} ${site.name}` : 'all sites',
        ...(site ? { siteId: site.id } : {}),
      }
      return writeAudited(
        ctx.principal,
        `annual-review-${String(input.year)}${site ? `-${site.code}` : ''}`,
        (checkpoint, now) => {
          const exceedances = exposureExceedances(db, scope.siteId, { from: scope.from, to: scope.to }, now)
          const review = annualReview(sqlite, scope, checkpoint, now, exceedances)
          return {
            files: review.files,
            rows: review.permits,
            about: { year: input.year, site: scope.siteName, permits: review.permits },
          }
        },
        { type: site ? 'site' : 'programme', id: site?.id ?? null, action: 'evidence.annual_review_written' },
      )
    },
  }
}
