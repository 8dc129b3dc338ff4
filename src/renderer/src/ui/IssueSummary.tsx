import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Link from '@mui/material/Link'
import { ProblemAlert } from './ProblemAlert'
import type { IssueSummaryState } from './use-issue-summary'

/**
 * At the top of a form: every field to fix, each a link that takes the keyboard to it; or, for a
 * failure no field can show (a conflict, a lost connection), the server's sentence.
 */
export function IssueSummary({ summary }: { summary: IssueSummaryState }) {
  const { problem, issues, focus } = summary
  if (!problem) return null
  if (issues.length === 0) return <ProblemAlert message={problem.message} />
  return (
    <Alert severity="error" sx={{ mb: 2 }}>
      <AlertTitle>
        {issues.length === 1 ? 'One field needs attention' : `${String(issues.length)} fields need attention`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
        {issues.map((issue) => (
          <li key={issue.path}>
            <Link
              component="button"
              type="button"
              color="inherit"
              sx={{ textAlign: 'left', font: 'inherit', verticalAlign: 'baseline' }}
              onClick={() => focus(issue.path)}
            >
              {issue.sentence}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  )
}
