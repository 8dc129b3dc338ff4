/** A time as the signed record keeps it: UTC, to the minute ("2026-11-21 08:00 UTC"). */
export const formatUtcMinute = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC')

/**
 * 1910.146(f)(6): what the entry supervisor declares by signing. One wording, written here, so the
 * dialog shows exactly the statement the server records with the signature.
 */
export function authorizationStatement(s: {
  displayName: string
  username: string
  spaceTag: string
  permitNumber: string
  validFrom: number
  validTo: number
}): string {
  return (
    `I, ${s.displayName} (${s.username}), entry supervisor, authorize entry into ${s.spaceTag} ` +
    `under permit ${s.permitNumber}, valid ${formatUtcMinute(s.validFrom)} to ${formatUtcMinute(s.validTo)}, ` +
    'having verified that the acceptable entry conditions and measures on this permit are in place.'
  )
}
