import type { AlarmPriority } from './alarm-order'

/** The parts of the Web Audio API the tone uses, so a test can stand in for a real AudioContext. */
export interface ToneParam {
  setValueAtTime(value: number, startTime: number): unknown
  cancelScheduledValues(cancelTime: number): unknown
}

export interface ToneOscillator {
  type: OscillatorType
  readonly frequency: ToneParam
  connect(destination: object): unknown
  start(): void
  stop(): void
  disconnect(): void
}

export interface ToneGain {
  readonly gain: ToneParam
  connect(destination: object): unknown
  disconnect(): void
}

export interface ToneContext {
  readonly currentTime: number
  readonly state: string
  readonly destination: object
  createOscillator(): ToneOscillator
  createGain(): ToneGain
  resume(): Promise<void>
}

/** Makes the context the tone plays on; null where the window has no Web Audio. */
export type ToneContextFactory = () => ToneContext | null

export const browserAudioContext: ToneContextFactory = () =>
  typeof AudioContext === 'undefined' ? null : new AudioContext()

interface Beep {
  /** Seconds from the start of the cycle. */
  at: number
  seconds: number
  hertz: number
}

interface TonePattern {
  wave: OscillatorType
  /** Seconds between the starts of two cycles. */
  period: number
  beeps: readonly Beep[]
}

// Told apart by ear, as IEC 60601-1-8 alarm signals are: high is a fast, insistent two-tone,
// medium a slower pair of beeps, low a single chirp every few seconds.
export const tonePatterns: Record<AlarmPriority, TonePattern> = {
  high: {
    wave: 'square',
    period: 0.5,
    beeps: [
      { at: 0, seconds: 0.22, hertz: 988 },
      { at: 0.25, seconds: 0.22, hertz: 1319 },
    ],
  },
  medium: {
    wave: 'triangle',
    period: 2,
    beeps: [
      { at: 0, seconds: 0.25, hertz: 740 },
      { at: 0.45, seconds: 0.25, hertz: 740 },
    ],
  },
  low: { wave: 'sine', period: 5, beeps: [{ at: 0, seconds: 0.15, hertz: 1568 }] },
}

const volume = 0.25
/**
 * Cycles are written ahead on the audio clock: a hidden window's timers may wake only once a
 * minute (Chromium's intensive throttling), and the tone must not fall silent in between.
 */
const lookAheadSeconds = 65
const tickMs = 1000

export interface AlarmTone {
  /** Sounds the pattern of this priority until told otherwise; null silences it. */
  sound(priority: AlarmPriority | null): void
}

/**
 * The alarm tone, generated (no audio files) on one oscillator whose gain is switched on and
 * off by the pattern. `onBlocked` hears whether the browser holds the sound back until someone
 * interacts with the window (autoplay policy); the first click or key press releases it.
 */
export function createAlarmTone(
  createContext: ToneContextFactory = browserAudioContext,
  onBlocked: (blocked: boolean) => void = () => undefined,
): AlarmTone {
  let context: ToneContext | null = null
  let contextTried = false
  let playing: { priority: AlarmPriority; stop(): void } | null = null
  let awaitingGesture = false

  const reportBlocked = (audio: ToneContext): void => {
    const blocked = audio.state === 'suspended'
    onBlocked(blocked)
    if (!blocked || awaitingGesture) return
    awaitingGesture = true
    const release = () => {
      awaitingGesture = false
      window.removeEventListener('pointerdown', release)
      window.removeEventListener('keydown', release)
      void audio.resume().then(
        () => reportBlocked(audio),
        () => reportBlocked(audio),
      )
    }
    window.addEventListener('pointerdown', release)
    window.addEventListener('keydown', release)
  }

  const audioContext = (): ToneContext | null => {
    if (!contextTried) {
      contextTried = true
      try {
        context = createContext()
      } catch {
        context = null
      }
    }
    return context
  }

  const start = (audio: ToneContext, priority: AlarmPriority): (() => void) => {
    const pattern = tonePatterns[priority]
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.type = pattern.wave
    gain.gain.setValueAtTime(0, audio.currentTime)
    oscillator.connect(gain)
    gain.connect(audio.destination)
    oscillator.start()
    let nextCycle = audio.currentTime + 0.05
    const schedule = () => {
      // After a long sleep the next cycle may lie in the past: start again from now, not catch up.
      if (nextCycle < audio.currentTime) nextCycle = audio.currentTime + 0.05
      while (nextCycle < audio.currentTime + lookAheadSeconds) {
        for (const beep of pattern.beeps) {
          oscillator.frequency.setValueAtTime(beep.hertz, nextCycle + beep.at)
          gain.gain.setValueAtTime(volume, nextCycle + beep.at)
          gain.gain.setValueAtTime(0, nextCycle + beep.at + beep.seconds)
        }
        nextCycle += pattern.period
      }
    }
    schedule()
    const timer = setInterval(schedule, tickMs)
    return () => {
      clearInterval(timer)
      gain.gain.cancelScheduledValues(audio.currentTime)
      gain.gain.setValueAtTime(0, audio.currentTime)
      oscillator.stop()
      oscillator.disconnect()
      gain.disconnect()
    }
  }

  return {
    sound(priority) {
      if (playing?.priority === priority) return
      playing?.stop()
      playing = null
      if (priority === null) return
      const audio = audioContext()
      if (!audio) return
      playing = { priority, stop: start(audio, priority) }
      void audio.resume().then(
        () => reportBlocked(audio),
        () => reportBlocked(audio),
      )
    },
  }
}
