import { expect, test } from '@jest/globals'
import { stage } from 'messenger-emulator/testing'
import { startBot } from '../src/bot.js'

// Each test stages its own Facebook, adapter and business receiver; the bot gets the adapter's URL, app and API key.
const withBot = async () => {
  const s = await stage({ bot: (adapter) => startBot(adapter) })
  await s.business.connects(await s.owner.generatesPageToken())
  return s
}

test('greets Sam by his first name and answers a quick reply', async () => {
  const { person } = await withBot()
  const sam = person('Sam')
  await sam.says('Hi')
  await sam.sees('Hello Sam! How can I help?')
  await sam.taps('Opening hours')
  await sam.sees('We are open Monday to Friday, 9:00 to 17:00.')
})

// Facebook's failure cases, each one line away.

test("after the owner's password changes, the bot's answer fails with Facebook's reason", async () => {
  const { person, owner, business } = await withBot()
  await owner.changesPassword()
  await person('Sam').says('Hi')
  await business.expectWebhook('conversation:message:delivery:failure', { error: { code: 'unauthorized' } })
})

test('while Facebook rate-limits the page (613), the adapter retries the greeting, which arrives without the name', async () => {
  const { person, facebook, scene } = await withBot()
  await facebook.setsFaults('page', scene.page().id, { rateLimit: true })
  await person('Sam').says('Hi')
  await facebook.expectRequest({ path: '/me/messages', status: 400, error: { code: 613 } }, 'the rate-limited send')
  await facebook.setsFaults('page', scene.page().id, {})
  // The adapter could not read Sam's profile, so the bot had no name to greet him with.
  await person('Sam').sees('Hello! How can I help?')
})

test('on a page in Europe, Eva is still greeted by her first name (Europe keeps names)', async () => {
  const { person, facebook } = await withBot()
  await facebook.movesPageToEurope()
  await person('Eva').says('Hallo')
  await person('Eva').sees('Hello Eva! How can I help?')
})

test('25 hours after Sam last wrote, the bot may no longer answer him', async () => {
  const { person, business, clock } = await withBot()
  const sam = person('Sam')
  await sam.says('Hi')
  await sam.sees('Hello Sam! How can I help?')
  await clock.advance({ hours: 25 })
  await business.replies('Are you still there?', { to: sam })
  await business.expectWebhook('conversation:message:delivery:failure', { error: { code: 'forbidden' } })
})
