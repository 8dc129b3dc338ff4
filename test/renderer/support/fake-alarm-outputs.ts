import type { NotificationApi } from '../../../src/renderer/src/features/alarms/alarm-notifier'
import type {
  ToneContext,
  ToneGain,
  ToneOscillator,
  ToneParam,
} from '../../../src/renderer/src/features/alarms/alarm-tone'

const param = (): ToneParam => ({ setValueAtTime: () => undefined, cancelScheduledValues: () => undefined })

/** A fake oscillator that remembers whether it is sounding, and at which waveform. */
export class FakeOscillator implements ToneOscillator {
  type: OscillatorType = 'sine'
  readonly frequency = param()
  started = false
  stopped = false
  connect(): unknown {
    return undefined
  }
  start(): void {
    this.started = true
  }
  stop(): void {
    this.stopped = true
  }
  disconnect(): void {}
}

/** Stands in for AudioContext: what a person would hear is whatever oscillator is started and not stopped. */
export class FakeAudioContext implements ToneContext {
  readonly currentTime = 0
  readonly destination = {}
  state = 'running'
  readonly oscillators: FakeOscillator[] = []

  createOscillator(): FakeOscillator {
    const oscillator = new FakeOscillator()
    this.oscillators.push(oscillator)
    return oscillator
  }

  createGain(): ToneGain {
    return { gain: param(), connect: () => undefined, disconnect: () => undefined }
  }

  resume(): Promise<void> {
    return Promise.resolve()
  }

  /** The waveforms sounding now: empty when the console is silent. */
  sounding(): OscillatorType[] {
    return this.oscillators.filter((oscillator) => oscillator.started && !oscillator.stopped).map((o) => o.type)
  }
}

/** Stands in for the browser's Notification API, with permission already granted unless told otherwise. */
export class FakeNotifications implements NotificationApi {
  readonly shown: { title: string; body: string }[] = []
  requests = 0
  constructor(public permission: NotificationPermission = 'granted') {}
  requestPermission(): Promise<NotificationPermission> {
    this.requests++
    return Promise.resolve(this.permission)
  }
  show(title: string, options: { body: string }): void {
    this.shown.push({ title, body: options.body })
  }
}
