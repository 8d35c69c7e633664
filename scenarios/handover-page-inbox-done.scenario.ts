/**
 * Issue 16: the page's owner steps in from Facebook's Page Inbox on their own (the Inbox takes the thread), then
 * moves the conversation to Done (the thread goes back to the primary receiver). The adapter maps both Messenger
 * handovers onto the business's switchboard as `switchboard:passControl` (docs/messenger-platform.md §13).
 */
import { scenario } from './vocabulary.js'
import { Handover, PAGE_INBOX_APP_ID } from './handover.js'

export default scenario('Handover: the page owner steps in from the Page Inbox, then moves the conversation to Done', async ({ stage }) => {
  const { person, business, owner, scene } = await stage()
  const handover = new Handover(scene)
  await business.connects(await owner.generatesPageToken())
  await handover.pageMakesPrimaryReceiver()
  await handover.businessSetsUpSwitchboard()

  const sam = person('Sam')
  await sam.says('Can I talk to someone?')
  await business.expectWebhook('conversation:message', { conversation: { activeSwitchboardIntegration: { name: 'bot' } } })

  await handover.ownerAnswersFromPageInbox(sam, 'Pat from Acme here, how can I help?')
  await business.expectWebhook('switchboard:passControl', {
    conversation: { activeSwitchboardIntegration: { name: 'page-inbox' } },
    metadata: { handover: 'take_thread_control', newOwnerAppId: PAGE_INBOX_APP_ID },
  })
  await sam.sees('Pat from Acme here, how can I help?')
  await sam.says('My parcel is late')
  await business.expectWebhook('conversation:message', {
    message: { content: { text: 'My parcel is late' } }, conversation: { activeSwitchboardIntegration: { name: 'page-inbox' } },
  })

  await handover.ownerMovesToDone(sam)
  await business.expectWebhook('switchboard:passControl', {
    conversation: { activeSwitchboardIntegration: { name: 'bot' } }, metadata: { handover: 'pass_thread_control', previousOwnerAppId: PAGE_INBOX_APP_ID },
  })
  await sam.says('ok thanks')
  await business.expectWebhook('conversation:message', {
    message: { content: { text: 'ok thanks' } }, conversation: { activeSwitchboardIntegration: { name: 'bot' } },
  })
})
