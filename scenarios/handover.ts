/**
 * The words of handover stories: the page's admin giving apps their roles (Messenger settings › App Roles), the
 * business setting up Sunshine's switchboard on the adapter and moving control, and the page's people answering from
 * Facebook's Page Inbox (an app of its own, 263902037430900). Each is a recorded step; the scenarios using them are
 * handover-*.scenario.ts.
 */
import type { Scene } from './scene.js'
import type { Stack } from './stack.js'
import type { Person } from './person.js'
import { show } from './match.js'
import { PAGE_INBOX } from '../emulator/facebook/handover.js'

/** Facebook's Page Inbox as a handover app (messenger-platform.md §9), from the emulator's catalogue. */
export const PAGE_INBOX_APP_ID = PAGE_INBOX.id

export interface SwitchboardSetup { id: string; members: Record<string, string> }

export class Handover {
  constructor(private readonly scene: Scene<Stack>) {}

  /** The page's admin makes the app the primary receiver; the Page Inbox is always a secondary one. */
  pageMakesPrimaryReceiver(appName?: string, pageName?: string): Promise<void> {
    const app = this.scene.app(appName)
    const page = this.scene.page(pageName)
    return this.scene.step(`the admin of "${page.name}" makes "${app.name}" its primary receiver (App Roles)`, async () => {
      await this.scene.client.setAppRoles(page.id, { primaryReceiver: app.id })
    })
  }

  /**
   * The business's switchboard: `bot` is its own webhook integration (the default, hearing standby events), `page-inbox`
   * the Page Inbox; enabled.
   */
  businessSetsUpSwitchboard(): Promise<SwitchboardSetup> {
    return this.scene.step('the business sets up its switchboard: "bot" (its webhooks, the default) and "page-inbox" (the Page Inbox)', async () => {
      const api = this.scene.stack.api
      const ok = (what: string, res: { status: number; body: any }) => {
        if (res.status >= 300) throw new Error(`${what} answered ${res.status} ${show(res.body)}`)
        return res.body
      }
      const integrations = ok('GET …/integrations', await api.get('/v2/apps/{appId}/integrations')).integrations as any[]
      const mine = integrations.find((i) => i.type === 'custom' && i.webhooks.some((w: any) => w.id === this.scene.stack.webhooks.v2.id))
      const { switchboard } = ok('POST …/switchboards', await api.post('/v2/apps/{appId}/switchboards', {}))
      const member = async (body: object) => ok('POST …/switchboardIntegrations',
        await api.post(`/v2/apps/{appId}/switchboards/${switchboard.id}/switchboardIntegrations`, body)).switchboardIntegration
      const bot = await member({ name: 'bot', integrationId: mine.id, deliverStandbyEvents: true })
      const inbox = await member({ name: 'page-inbox', integrationType: `facebookApp:${PAGE_INBOX_APP_ID}` })
      ok('PATCH …/switchboards', await api.patch(`/v2/apps/{appId}/switchboards/${switchboard.id}`,
        { enabled: true, defaultSwitchboardIntegrationId: bot.id }))
      return { id: switchboard.id, members: { bot: bot.id, 'page-inbox': inbox.id } }
    })
  }

  /** The business passes control of the person's conversation to a switchboard integration (by name). */
  businessPassesControl(conversationId: string, to: string, metadata?: Record<string, string>): Promise<void> {
    return this.scene.step(`the business passes control to "${to}"${metadata ? ` with ${show(metadata)}` : ''}`, async () => {
      const res = await this.scene.stack.api.post(`/v2/apps/{appId}/conversations/${conversationId}/passControl`,
        { switchboardIntegration: to, ...(metadata ? { metadata } : {}) })
      if (res.status !== 200) throw new Error(`passControl answered ${res.status} ${show(res.body)}`)
    })
  }

  /** A business message with its author (a care agent's name and picture); answers the stored message. */
  businessRepliesAs(conversationId: string, author: Record<string, string>, text: string): Promise<{ id: string; content: any }> {
    return this.scene.step(`the business replies as ${author.displayName}: "${text}"`, async () => {
      const res = await this.scene.stack.api.post(`/v2/apps/{appId}/conversations/${conversationId}/messages`,
        { author, content: { type: 'text', text } })
      if (res.status !== 201) throw new Error(`POST …/messages answered ${res.status} ${show(res.body)}`)
      return res.body.messages[0]
    })
  }

  /** A business activity (typing) with its author. */
  businessSendsActivityAs(conversationId: string, author: Record<string, string>, type: 'typing:start' | 'typing:stop'): Promise<void> {
    return this.scene.step(`the business sends ${type} as ${author.displayName}`, async () => {
      const res = await this.scene.stack.api.post(`/v2/apps/{appId}/conversations/${conversationId}/activity`, { author, type })
      if (res.status !== 200) throw new Error(`POST …/activity answered ${res.status} ${show(res.body)}`)
    })
  }

  /** Who controls the conversation, as the business reads it. */
  async activeOf(conversationId: string): Promise<string | undefined> {
    const res = await this.scene.stack.api.get(`/v2/apps/{appId}/conversations/${conversationId}`)
    return res.body.conversation?.activeSwitchboardIntegration?.name as string | undefined
  }

  /** The page's owner answers the person from the Page Inbox: the Inbox takes the thread. */
  ownerAnswersFromPageInbox(person: Person, text: string): Promise<void> {
    return this.scene.step(`the page's owner answers ${person.name} from the Page Inbox: "${text}"`, async () => {
      const psid = (await person.thread()).psid!
      await this.scene.client.inboxReply(person.pageId, psid, text)
    })
  }

  /** "Move to Done" in the Page Inbox: the thread goes back to the primary receiver. */
  ownerMovesToDone(person: Person): Promise<void> {
    return this.scene.step(`the page's owner moves ${person.name}'s conversation to Done in the Page Inbox`, async () => {
      const psid = (await person.thread()).psid!
      await this.scene.client.inboxDone(person.pageId, psid)
    })
  }
}
