import type { UnmetCondition } from '../../../../shared/contract/errors'
import type { EvacuationDto } from '../../../../shared/contract/evacuations'
import type { PermitDetailDto, PersonRef } from '../../../../shared/contract/permits'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { Problem } from '../../errors/problem'

export type ManualAction = ProcedureInput<'permits.transition'>['action']

export type PermitDialog =
  | { kind: 'transition'; action: ManualAction }
  | { kind: 'authorize' }
  | { kind: 'transfer' }
  | { kind: 'evacuate' }
  | { kind: 'assignAttendant' }
  | { kind: 'correctExit'; exit: MistakenExit }

/** An exit a person may say was logged by mistake: the person's latest record on the permit. */
export interface MistakenExit {
  exitId: number
  personName: string
  exitTime: number
}

/** A refused entry: who, and every condition the server found unmet. */
export interface EntryRefusal {
  personName: string
  unmet: UnmetCondition[]
}

export interface PortalNotice {
  severity: 'success' | 'warning' | 'error'
  message: string
}

export interface TransferForm {
  newSupervisorId: number | null
  conditionsConfirmed: boolean
  note: string
}

export type AttendantForm = Omit<ProcedureInput<'attendants.assign'>, 'permitId'>
export type TestForm = Omit<ProcedureInput<'atmosphere.recordTest'>, 'permitId'>

export interface PermitViewState {
  permitId: number | null
  detail: PermitDetailDto | null
  /** The full roll call of the evacuation running on this permit, when there is one. */
  rollCall: EvacuationDto | null
  loading: boolean
  problem: string | null

  dialog: PermitDialog | null
  saving: boolean
  dialogProblem: Problem | null

  entryPending: boolean
  entryRefusal: EntryRefusal | null
  entryProblem: Problem | null
  portalNotice: PortalNotice | null

  testSaving: boolean
  testProblem: Problem | null
  /** A test the server refused for unmet conditions (an unregistered or overdue instrument), each as data. */
  testRefusal: UnmetCondition[] | null
  testNotice: PortalNotice | null

  attendantProblem: string | null
  /** Set by the Print button, so the print view prints once the permit has loaded. */
  printRequested: boolean

  /** Loads the permit and follows every change to it; the returned function stops that. */
  open(permitId: number): () => void
  openDialog(dialog: PermitDialog): void
  closeDialog(): void
  transition(action: ManualAction, text: { reason: string; closeOutNotes: string }): Promise<void>
  /** Signs; `confirmedMeasures` are the measures not yet ticked that the signer confirms are in place. */
  authorize(password: string, confirmedMeasures: string[]): Promise<void>
  transfer(form: TransferForm): Promise<void>
  evacuate(reason: string): Promise<void>
  assignAttendant(form: AttendantForm): Promise<void>
  setAttendantStatus(assignmentId: number, status: 'on_duty' | 'relieved'): Promise<void>
  /** Resolves true once the entry is recorded, so the form can make ready for the next. */
  recordEntry(person: PersonRef | null, name: string): Promise<boolean>
  /** Resolves true once the exit is recorded. */
  recordExit(person: PersonRef, name: string): Promise<boolean>
  /** Puts the person back inside with a new record; the mistaken exit stays in the history. */
  correctExit(exitId: number, reason: string): Promise<void>
  /** Resolves true when the test was recorded, so the form can start afresh. */
  recordTest(form: TestForm): Promise<boolean>
  requestPrint(): void
  /** Whether a print was asked for; asking again needs another press of Print. */
  takePrintRequest(): boolean
}
