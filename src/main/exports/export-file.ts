import type { ExportFileDto } from '../../shared/contract/exports'
import type { SignedCheckpoint } from '../audit/checkpoint'
import type { WrittenFile } from './export-writer'

/** What a person is told of a file written for them: where, how big, its hash and the checkpoint it ends at. */
export const exportFileDto = (
  name: string,
  written: WrittenFile,
  rows: number,
  checkpoint: SignedCheckpoint,
  at: number,
): ExportFileDto => ({
  name,
  path: written.path,
  bytes: written.bytes,
  sha256: written.sha256,
  rows,
  checkpoint: { seq: checkpoint.seq, hash: checkpoint.hash, keyId: checkpoint.keyId },
  at,
})
