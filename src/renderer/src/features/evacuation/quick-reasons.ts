/** One press fills the reason, so recording an evacuation never slows it down. */
export const quickEvacuationReasons = [
  'Gas alarm',
  'Atmosphere outside the acceptable entry conditions',
  'Attendant ordered everyone out',
  'Emergency outside the space',
]
