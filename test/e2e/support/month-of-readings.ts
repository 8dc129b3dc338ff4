const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

export interface MonthOfReadings {
  /** When the monitor fell silent for six hours (a gap the chart must show as one). */
  silence: { from: number; to: number }
  readings: number
}

/** Posts readings through the field API as a gateway does, a thousand a request. */
export async function postReadings(url: string, deviceToken: string, readings: object[]): Promise<void> {
  for (let start = 0; start < readings.length; start += 1000) {
    const response = await fetch(`${url}/api/rpc/readings.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ readings: readings.slice(start, start + 1000) }),
    })
    if (!response.ok) throw new Error(`the field API refused readings: ${await response.text()}`)
  }
}

/**
 * Thirty days of one monitor on one permit, every two minutes up to `end`, through the field API:
 * clean air breathing with the day (oxygen, a little CO by day), a slow LEL rise and fall over a
 * few days, short H2S blips below the alarm, an H2S excursion past the low alarm five days ago
 * (an alarm on the time axis), and six hours of silence twelve days ago.
 */
export async function monthOfReadings(
  url: string,
  deviceToken: string,
  { permitId, serial, end }: { permitId: number; serial: string; end: number },
): Promise<MonthOfReadings> {
  const start = end - 30 * day
  const silence = { from: end - 12 * day, to: end - 12 * day + 6 * hour }
  const excursion = { from: end - 5 * day, to: end - 5 * day + 10 * minute }
  const readings: object[] = []
  for (let at = start; at <= end; at += 2 * minute) {
    if (at >= silence.from && at < silence.to) continue
    const dayShare = ((at % day) / day) * 2 * Math.PI
    const step = Math.floor((at - start) / (2 * minute))
    const lelWave = Math.max(0, Math.sin(((at - start) / (9 * day)) * Math.PI))
    readings.push({
      permitId,
      monitoredBy: serial,
      loggedAt: at,
      // Each value on its storage step (0.01 % vol, 0.1 % LEL, 0.1 ppm), as a monitor sends it.
      oxygenPercent: Math.round(2088 + 6 * Math.sin(dayShare) + (step % 3)) / 100,
      lelPercent: Math.round(40 * lelWave + (step % 4)) / 10,
      h2sPpm: at >= excursion.from && at < excursion.to ? 12.5 : step % 997 === 0 ? 6.5 : (step % 5) / 10,
      coPpm: Math.round(30 + 25 * Math.max(0, Math.sin(dayShare - 1)) + (step % 7)) / 10,
    })
  }
  await postReadings(url, deviceToken, readings)
  return { silence, readings: readings.length }
}
