/**
 * A person on Messenger, by first name: what they do in their thread with a page (through the emulator's control API,
 * `POST /_emulator/people/{id}/actions`) and what they see there (`GET /_emulator/people/{id}/threads/{pageId}`).
 * Every action is one step of the story and one line on the Facebook side of the timeline.
 */
import type { PersonAction, PersonActionResult, ThreadBubble, ThreadButton, ThreadView } from '../emulator/control/types.js'
import { ControlApiError } from '../emulator/control/client.js'
import type { Platform } from '../emulator/world/people.js'
import { mismatch, show, type Expected } from './match.js'
import type { Scene } from './scene.js'
import { waitFor } from './wait.js'

type ActionWithoutPage = PersonAction extends infer A ? A extends { pageId: string } ? Omit<A, 'pageId'> : never : never

/** A button the person can tap, and how the control API names it. */
interface Tappable { button: ThreadButton; action: ActionWithoutPage }

export class Person {
  constructor(private readonly scene: Scene, readonly name: string, readonly id: string, readonly pageId: string) {}

  /** The same person in their thread with another page. */
  on(pageName: string): Person {
    return new Person(this.scene, this.name, this.id, this.scene.page(pageName).id)
  }

  private async act(title: string, action: ActionWithoutPage): Promise<PersonActionResult> {
    return this.scene.step(`${this.name} ${title}`, async () => {
      this.scene.lastPerson = this
      this.scene.threads.set(`${this.id}:${this.pageId}`, { personId: this.id, pageId: this.pageId })
      const at = Date.now() // before the webhooks the action causes
      try {
        const result = await this.scene.client.personAction(this.id, { ...action, pageId: this.pageId } as PersonAction)
        this.scene.onFacebook(this.name, title, true, { action, events: result.events.map((e) => e.field) }, at)
        return result
      } catch (err) {
        this.scene.onFacebook(this.name, `${title}: ${(err as Error).message}`, false, undefined, at)
        throw err
      }
    })
  }

  /** Tries what Messenger does not let this person do; answers the emulator's reason. */
  private refused(title: string, action: ActionWithoutPage): Promise<string> {
    return this.scene.step(`${this.name} cannot ${title}`, async () => {
      try {
        await this.scene.client.personAction(this.id, { ...action, pageId: this.pageId } as PersonAction)
      } catch (err) {
        if (!(err instanceof ControlApiError)) throw err
        this.scene.onFacebook(this.name, `cannot ${title}: ${err.message}`)
        return err.message
      }
      throw new Error(`${this.name} could ${title}`)
    })
  }

  cannotSend(attachmentType: 'video' | 'audio' | 'file', url: string) {
    return this.refused(`send a ${attachmentType}`, { type: 'attachment', attachmentType, url })
  }

  cannotRead() {
    return this.refused('mark the conversation read', { type: 'read' })
  }

  says(text: string) {
    return this.act(`says "${text}"`, { type: 'text', text })
  }

  sends(attachmentType: 'image' | 'video' | 'audio' | 'file', url: string) {
    return this.act(`sends a ${attachmentType} ${url}`, { type: 'attachment', attachmentType, url })
  }

  sharesLocation(lat: number, long: number) {
    return this.act(`shares the location ${lat},${long}`, { type: 'attachment', attachmentType: 'location', coordinates: { lat, long } })
  }

  reads() {
    return this.act('reads the conversation', { type: 'read' })
  }

  tapsGetStarted() {
    return this.act('taps Get Started', { type: 'get_started' })
  }

  /** Opens an m.me link with a `ref` parameter. */
  opensLink(ref: string) {
    return this.act(`opens the m.me link ?ref=${ref}`, { type: 'referral', ref, source: 'SHORTLINK' })
  }

  clicksAd(adId: string, welcome: Extract<ActionWithoutPage, { type: 'ad_click' }>['welcome']) {
    return this.act(`clicks the click-to-Messenger ad ${adId}`, { type: 'ad_click', adId, welcome })
  }

  /** Comments on the page's newest post (or `postId`): answers `{postId, commentId}`. */
  comments(text: string, postId?: string) {
    return this.act(`comments "${text}" on the page's post`, { type: 'comment', text, ...(postId ? { postId } : {}) })
  }

  /** Ticks the checkbox plugin on a website that set `userRef` on it. */
  ticksCheckbox(userRef: string, ref?: string) {
    return this.act(`ticks the checkbox plugin (user_ref ${userRef})`,
      { type: 'checkbox_optin', userRef, ...(ref ? { ref } : {}) })
  }

  /** Taps "Get messages" under the page's recurring notifications request: answers the token. */
  async optsInToNotifications(): Promise<string> {
    return (await this.act('taps "Get messages" (recurring notifications)', { type: 'notification_optin' }))
      .notificationMessagesToken!
  }

  stopsNotifications() {
    return this.act('taps "Stop these messages"', { type: 'notification_optout' })
  }

  /** Opens a Messenger lead ad and finishes its form (or leaves it). */
  fillsLeadForm(adId: string, complete: boolean) {
    return this.act(`${complete ? 'fills' : 'leaves'} the form of lead ad ${adId}`, { type: 'lead_form', adId, complete })
  }

  blocksThePage() {
    return this.act('blocks the page', { type: 'block' })
  }

  /**
   * Taps what is labelled `title`: a quick reply above the composer, a button of the newest message (or carousel card)
   * showing it, a button under an ad's welcome message, or a persistent-menu item. A label shown cut ("Search by order
   * numb…") is found by what the person sees or by the whole title. A link button opens a web page and sends nothing
   * to the page; its URL is answered.
   */
  taps(title: string): Promise<PersonActionResult | { opened: string }> {
    return this.scene.step(`${this.name} taps "${title}"`, async () => {
      const thread = await this.thread()
      const reply = thread.quickReplies.find((q) => labelled(q, title))
      if (reply) return this.act(`taps the quick reply "${title}"`, { type: 'quick_reply', index: reply.index })
      const found = findButton(thread, title)
      if (!found) {
        throw new Error(`${this.name} sees nothing labelled "${title}" to tap; quick replies: ` +
          `${show(thread.quickReplies.map((q) => q.title))}, menu: ${show(thread.persistentMenu.map((m) => m.title))}`)
      }
      if (found.button.type === 'web_url') {
        this.scene.onFacebook(this.name, `taps "${title}", which opens ${found.button.url}`)
        return { opened: found.button.url! }
      }
      return this.act(`taps the button "${title}"`, found.action)
    })
  }

  /** The thread as the person sees it now. */
  thread(platform?: Platform): Promise<ThreadView> {
    return this.scene.client.thread(this.id, this.pageId, platform)
  }

  /** Waits until a message in the thread matches (`string`: its text); answers that bubble. */
  sees(expected: string | Expected, what = typeof expected === 'string' ? `"${expected}"` : show(expected, 120)): Promise<ThreadBubble> {
    const want = typeof expected === 'string' ? { text: expected } : expected
    return this.scene.step(`${this.name} sees ${what}`, async () => {
      let last: ThreadView | undefined
      return waitFor(`${this.name} to see ${what}`, async () => {
        last = await this.thread()
        return [...last.bubbles].reverse().find((b) => mismatch(b, want) === undefined)
      }, { timeoutMs: this.scene.waitMs, lastSeen: () => show(last?.bubbles.map(summary), 600) })
    })
  }

  /** Waits until the thread as a whole matches (quick replies, typing, menu, marks…). */
  seesThread(expected: Expected, what: string): Promise<ThreadView> {
    return this.scene.step(`${this.name} sees ${what}`, async () => {
      let last: ThreadView | undefined
      return waitFor(`${this.name} to see ${what}`, async () => {
        last = await this.thread()
        return mismatch(last, expected) === undefined ? last : undefined
      }, { timeoutMs: this.scene.waitMs, lastSeen: () => mismatch(last, expected) ?? '' })
    })
  }
}

/** Whether a label shows `title`, or shows it cut (`fullTitle`: the whole one). */
const labelled = (x: { title?: string; fullTitle?: string }, title: string) =>
  x.title === title || x.fullTitle === title

function summary(b: ThreadBubble): string {
  return `${b.from}:${b.kind}:${b.text ?? b.template?.type ?? b.attachments?.map((a) => a.type).join('+') ?? b.payload ?? ''}`
}

/** The newest tappable button labelled `title`. */
function findButton(thread: ThreadView, title: string): Tappable | undefined {
  for (const bubble of [...thread.bubbles].reverse()) {
    if (bubble.from !== 'page' && bubble.kind !== 'ad_welcome') continue
    if (bubble.kind === 'ad_welcome') {
      const b = bubble.buttons?.find((x) => labelled(x, title))
      if (b) return { button: b, action: { type: 'postback', adWelcome: true, index: b.index } }
      continue
    }
    const t = bubble.template
    if (!t || !bubble.mid) continue
    if (t.type === 'carousel') {
      for (const card of t.cards) {
        const b = card.buttons.find((x) => labelled(x, title))
        if (b) return { button: b, action: { type: 'postback', mid: bubble.mid, element: card.index, index: b.index } }
      }
    } else if (t.type === 'buttons' || t.type === 'media') {
      const b = t.buttons.find((x) => labelled(x, title))
      if (b) return { button: b, action: { type: 'postback', mid: bubble.mid, index: b.index } }
    }
  }
  const item = thread.persistentMenu.find((m) => labelled(m, title))
  if (item) {
    return {
      button: { index: item.index, type: item.type, title: item.title, ...(item.url ? { url: item.url } : {}) },
      action: { type: 'postback', payload: item.payload ?? '', title: item.fullTitle ?? item.title },
    }
  }
  return undefined
}
