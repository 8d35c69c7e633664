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

  /** The page is (or is no longer) in Europe: Messenger's European rules apply to it (docs §7). */
  movesPageToEurope(pageName?: string, eea = true): Promise<void> {
    const page = this.scene.page(pageName)
    return this.scene.step(`the page "${page.name}" is ${eea ? '' : 'no longer '}under Europe's rules`, async () => {
      await this.scene.client.setPage(page.id, { eea })
      this.scene.onFacebook('page settings', `${page.name}: eea ${eea}`)
    })
  }

  /** The Graph calls answered so far, oldest first (not the stage's own, made to set your bot up). */
  async requests(): Promise<RequestView[]> {
    const setup = this.scene.stack.setupTraces
    return (await this.scene.client.requests({ limit: 1000 })).data.reverse().filter((r) => !setup?.has(r.fbtraceId))
  }

  /** Waits for a Graph call matching (e.g. `{ method: 'POST', path: '/me/messages', status: 400 }`); answers it. */
  expectRequest(match: Expected, what: string): Promise<RequestView> {
    return this.scene.step(`Facebook answers ${what}`, async () => {
      let last: RequestView[] = []
      return waitFor(what, async () => {
        last = await this.requests()
        return last.find((r) => mismatch(r, match) === undefined)
      }, { timeoutMs: this.scene.waitMs, lastSeen: () => show(last.slice(-8).map((r) => `${r.method} ${r.path} ${r.status}`), 600) })
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
