/**
 * Facebook itself, as the emulator shows it: its fault switches, the Graph calls it answered (the request journal),
 * the webhooks it sent (the delivery log), the app's webhook settings; and its clock, which scenarios move forward
 * instead of waiting (DESIGN principle 3).
 */
import type { AppWebhookView, DeliveryView, FaultScope, FaultSwitches, RequestView } from '../emulator/control/types.js'
import { mismatch, show, type Expected } from './match.js'
import type { Scene } from './scene.js'
import { waitFor } from './wait.js'

export class Facebook {
  constructor(private readonly scene: Scene) {}

  /** Switches faults on an app, page or person (DESIGN principle 4), replacing those set before. */
  setsFaults(scope: FaultScope, id: string, faults: FaultSwitches): Promise<void> {
    return this.scene.step(`Facebook has ${show(faults)} on ${scope} ${id}`, async () => {
      await this.scene.client.setFaults(scope, id, faults)
      this.scene.onFacebook('fault switches', `${scope} ${id}: ${show(faults)}`)
    })
  }

  /** The Graph calls answered so far, oldest first. */
  async requests(): Promise<RequestView[]> {
    return (await this.scene.client.requests({ limit: 1000 })).data.reverse()
  }

  /** Waits for a Graph call matching (e.g. `{ method: 'POST', path: '/me/messages', status: 400 }`); answers it. */
  expectRequest(match: Expected, what: string): Promise<RequestView> {
    return this.scene.step(`Facebook answers ${what}`, async () => {
      let last: RequestView[] = []
      return waitFor(what, async () => {
        last = await this.requests()
        return last.find((r) => mismatch(r, match) === undefined)
      }, { lastSeen: () => show(last.slice(-8).map((r) => `${r.method} ${r.path} ${r.status}`), 600) })
    })
  }

  /** The webhooks Facebook queued for the app, oldest first, each with its attempts. */
  async deliveries(): Promise<DeliveryView[]> {
    return (await this.scene.client.deliveries({ appId: this.scene.app().id })).data
  }

  /** Sends every webhook that is due and waits for the receivers' answers. */
  flushesWebhooks(): Promise<void> {
    return this.scene.step('Facebook sends every webhook that is due', async () => {
      await this.scene.client.runDeliveries()
    })
  }

  appWebhook(): Promise<AppWebhookView> {
    return this.scene.client.appWebhook(this.scene.app().id)
  }
}

export interface Duration { days?: number; hours?: number; minutes?: number; seconds?: number }

export class Clock {
  constructor(private readonly scene: Scene) {}

  /** Moves Facebook's clock forward (the adapter keeps real time; only Facebook's rules look at this clock). */
  advance(d: Duration): Promise<void> {
    const seconds = (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)
    const words = Object.entries(d).map(([k, v]) => `${v} ${k}`).join(' ')
    return this.scene.step(`${words} pass`, async () => {
      const state = await this.scene.client.advanceClock(seconds)
      this.scene.recorder.clockMoved(state.offsetSeconds * 1000)
      this.scene.onFacebook('clock', `${words} pass (now ${state.now})`)
    })
  }
}
