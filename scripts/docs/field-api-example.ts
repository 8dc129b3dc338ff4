/**
 * The field API's example, as a gateway would post it (the first template's names). The docs test
 * checks it against the contract, so the example cannot drift from what the server accepts.
 */
const input = {
  idempotencyKey: 'gw7-000123',
  readings: [
    {
      permitId: 12,
      monitoredBy: 'MX4-0042',
      loggedAt: 1795248000000,
      oxygenPercent: 20.9,
      lelPercent: 0,
      h2sPpm: 0.4,
      coPpm: 2,
    },
  ],
}

export const fieldApiExample = {
  input,
  curl: (base: string) =>
    [
      `curl -s ${base}/api/rpc/readings.ingest \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -H "Authorization: Bearer $GATEHOUSE_DEVICE_TOKEN" \\`,
      `  -d '${JSON.stringify(input)}'`,
    ].join('\n'),
}
