import { z } from 'zod'

export const roles = [
  'administrator',
  'supervisor',
  'safety_officer',
  'attendant',
  'entrant',
  'it_approver',
  'requester',
  'auditor',
] as const
export type Role = (typeof roles)[number]
export const roleSchema = z.enum(roles)

export const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  supervisor: 'Site supervisor',
  safety_officer: 'Safety officer',
  attendant: 'Attendant',
  entrant: 'Entrant',
  it_approver: 'IT approver',
  requester: 'Requester',
  auditor: 'Auditor',
}

/** Self-service accounts start with this role only; an administrator grants the rest. */
export const selfServiceRole: Role = 'requester'
