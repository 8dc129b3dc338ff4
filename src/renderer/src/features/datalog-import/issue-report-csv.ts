import { unparse } from 'papaparse'
import type { DatalogIssue } from '../../../../shared/contract/datalog'
import { datalogLayout } from '../../../../shared/contract/datalog'

/** The problems found as a CSV file (papaparse quotes what needs it): one line per row and field. */
export function issueReportCsv(issues: readonly DatalogIssue[]): Blob {
  const text = unparse({
    fields: ['row', 'column', 'rule', 'problem'],
    data: issues.map((issue) => [issue.line, datalogLayout[issue.field].label, issue.rule, issue.message]),
  })
  return new Blob([`${text}\r\n`], { type: 'text/csv;charset=utf-8' })
}
