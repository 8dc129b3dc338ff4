import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { procedurePolicy } from '../../../../../shared/contract/policy'
import type { ProcedurePath } from '../../../../../shared/contract/procedures'

/** The same call as an HTTP request, for a script or another tool; the token stays a placeholder. */
export function curlLine(origin: string, path: ProcedurePath, inputText: string): string {
  let body = inputText.trim() === '' ? '{}' : inputText
  try {
    body = JSON.stringify(JSON.parse(body))
  } catch {
    // Shown as typed: the person sees the same mistake the server would refuse.
  }
  const auth = procedurePolicy[path] === 'public' ? '' : ` -H "Authorization: Bearer $GATEHOUSE_TOKEN"`
  return `curl -s ${origin}/api/rpc/${path} -H 'Content-Type: application/json'${auth} -d '${body.replace(/'/g, "'\\''")}'`
}

export function CurlLine({ path, input }: { path: ProcedurePath; input: string }) {
  const [copied, setCopied] = useState(false)
  const line = curlLine(window.location.origin, path, input)
  return (
    <section aria-label="The same call over HTTP">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h3">The same call over HTTP</Typography>
        <Button
          size="small"
          onClick={() => {
            void navigator.clipboard.writeText(line).then(() => setCopied(true))
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Stack>
      <Box component="pre" sx={{ fontFamily: 'monospace', fontSize: '0.875rem', whiteSpace: 'pre-wrap', m: 0 }}>
        {line}
      </Box>
      <Typography variant="body2">
        $GATEHOUSE_TOKEN is a session token from auth.login; field devices send their device token instead.
      </Typography>
    </section>
  )
}
