/**
 * Issue 16: a bot hands a Messenger conversation to a human in Facebook's Page Inbox and takes it back, through
 * Sunshine's switchboard on the adapter mapped onto Messenger's handover protocol (docs/conversations-api.md §14.3,
 * docs/messenger-platform.md §9, §13). The page's App Roles make the adapter's Facebook app the primary receiver;
 * the business's switchboard has "bot" (its webhooks) and "page-inbox" (the Page Inbox).
 */
import { scenario } from './vocabulary.js'
import { Handover, PAGE_INBOX_APP_ID } from './handover.js'

export default scenario('Handover: the bot hands Sam to a human in the Page Inbox and takes the conversation back', async ({ stage }) => {
  const { person, business, owner, facebook, check, scene } = await stage()
  const handover = new Handover(scene)
  await business.connects(await owner.generatesPageToken())
  await handover.pageMakesPrimaryReceiver()
  await handover.businessSetsUpSwitchboard()

  const sam = person('Sam')
  await sam.says('I was charged twice')
  await business.expectWebhook('conversation:message', {
    message: { content: { text: 'I was charged twice' } }, conversation: { activeSwitchboardIntegration: { name: 'bot' } },
  })
  const conversationId = await business.conversationWith(sam)
  await business.expectDelivered(await business.replies('Let me get a human for you'))
  await sam.sees('Let me get a human for you')

  // The bot hands over: Facebook is asked to pass the thread to the Page Inbox.
  await handover.businessPassesControl(conversationId, 'page-inbox', { topic: 'billing' })
  await facebook.expectRequest({ method: 'POST', path: '/me/pass_thread_control', status: 200,
    params: { target_app_id: PAGE_INBOX_APP_ID } }, 'the pass to the Page Inbox')
  await business.expectWebhook('switchboard:passControl', {
    conversation: { activeSwitchboardIntegration: { name: 'page-inbox' } }, metadata: { topic: 'billing' },
  })

  // Sam writes on: the adapter's app hears it in standby, and the bot gets it marked with who is in control.
  await sam.says('Hello? Anyone?')
  await business.expectWebhook('conversation:message', {
    message: { content: { text: 'Hello? Anyone?' } }, conversation: { activeSwitchboardIntegration: { name: 'page-inbox' } },
  })
  // The bot may not answer a thread it does not own: Facebook refuses, the business learns why.
  await business.replies('(the bot, out of turn)')
  await business.expectWebhook('conversation:message:delivery:failure', { error: { underlyingError: { code: 10, subcode: 2018300 } } })

  await handover.ownerAnswersFromPageInbox(sam, 'Hi Sam, Pat here: the double charge is refunded.')
  await sam.sees('Hi Sam, Pat here: the double charge is refunded.')
  // The Inbox's message comes back as an echo with the Inbox's app id: the business's history has what Sam saw.
  await business.expectWebhook('conversation:message', {
    message: { author: { type: 'business' }, content: { text: 'Hi Sam, Pat here: the double charge is refunded.' }, source: { type: 'messenger' } },
  })

  // The bot takes the conversation back: take_thread_control, as the primary receiver.
  await handover.businessPassesControl(conversationId, 'bot')
  await facebook.expectRequest({ method: 'POST', path: '/me/take_thread_control', status: 200 }, 'the bot taking the thread back')
  await check('the bot is in control again', await handover.activeOf(conversationId), 'bot')
  await sam.says('Thanks!')
  await business.expectWebhook('conversation:message', {
    message: { content: { text: 'Thanks!' } }, conversation: { activeSwitchboardIntegration: { name: 'bot' } },
  })
  await business.expectDelivered(await business.replies('Anything else I can do?'))
  await sam.sees('Anything else I can do?')
})
