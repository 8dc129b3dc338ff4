/** Timeline steps in the past tense a supervisor reads them in. */
const steps: Record<string, string> = {
  created: 'Prepared',
  edited: 'Edited',
  submit: 'Submitted for authorization',
  return_to_draft: 'Returned to draft',
  suspend: 'Suspended',
  resume: 'Resumed',
  close: 'Closed',
  cancel: 'Cancelled',
  authorize: 'Authorized (signed)',
  activate: 'First entry: active',
  expire: 'Expired',
  supervisor_transferred: 'Entry supervisor transferred',
  attendant_assigned: 'Attendant assigned',
  attendant_on_duty: 'Attendant on duty',
  attendant_relieved: 'Attendant relieved',
  duty_ended: 'Attendants’ duty ended with the permit',
  test_pre_entry: 'Pre-entry test',
  test_periodic: 'Periodic test',
  evacuation_ordered: 'Evacuation ordered',
  roll_call_complete: 'Roll call complete',
  roll_call_reopened: 'Roll call reopened',
  exit_corrected: 'Mistaken exit corrected',
  demo_loaded: 'Demo data loaded',
  demo_removed: 'Demo site removed',
}

export function timelineLabel(kind: string): string {
  return steps[kind] ?? kind.replace(/_/g, ' ')
}
