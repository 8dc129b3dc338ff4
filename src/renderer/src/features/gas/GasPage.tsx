import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import Typography from '@mui/material/Typography'
import { gasHref, gasTabs } from '../../app/navigation/routes'
import type { GasTab } from '../../app/navigation/routes'
import { PageHeader } from '../../ui/PageHeader'
import { AlarmList } from '../alarm-list/AlarmList'
import { InstrumentRegister } from '../instruments/InstrumentRegister'
import { DatalogImportTab } from '../datalog-import/DatalogImportTab'
import { useInstruments } from '../instruments/use-instruments'
import { useMayCall } from '../session/use-access'
import { SimulatorPanel } from '../simulator/SimulatorPanel'
import { TrendsTab } from '../trends/TrendsTab'

const tabLabels: Record<GasTab, string> = {
  trends: 'Trends',
  alarms: 'Alarms',
  instruments: 'Instruments',
  simulator: 'Simulator',
  import: 'Import',
}

/**
 * Gas monitoring: trends over time, the alarm list, the register of monitors, (for demos) simulated
 * monitors, and the import of a monitor's datalog.
 */
export function GasPage({ tab = 'alarms' }: { tab?: GasTab }) {
  const mayRegister = useMayCall('instruments.save')
  const maySimulate = useMayCall('simulator.status')
  const mayTrend = useMayCall('trends.query')
  const mayImport = useMayCall('datalog.begin')
  const openDialog = useInstruments((state) => state.openDialog)
  const tabs = gasTabs.filter(
    (candidate) =>
      (candidate !== 'simulator' || maySimulate) &&
      (candidate !== 'trends' || mayTrend) &&
      (candidate !== 'import' || mayImport),
  )
  return (
    <>
      <PageHeader
        title="Gas"
        actions={
          tab === 'instruments' && mayRegister ? (
            <Button variant="contained" onClick={() => openDialog({ kind: 'create', prefill: null })}>
              Register instrument
            </Button>
          ) : undefined
        }
      />
      <Typography variant="body2" sx={{ mb: 1 }}>
        Live values are on each permit. Worker exposure (TWA, STEL) is on each person’s page.
      </Typography>
      <Tabs value={tab} aria-label="Gas" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((value) => (
          <Tab key={value} value={value} label={tabLabels[value]} component="a" href={gasHref(value)} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={tabLabels[tab]}>
        {tab === 'trends' && mayTrend ? <TrendsTab /> : null}
        {tab === 'alarms' ? <AlarmList /> : null}
        {tab === 'instruments' ? <InstrumentRegister /> : null}
        {tab === 'simulator' && maySimulate ? <SimulatorPanel /> : null}
        {tab === 'import' && mayImport ? <DatalogImportTab /> : null}
      </Box>
    </>
  )
}
