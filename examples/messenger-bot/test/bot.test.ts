import { expect, test } from 'vitest'
import { stage } from 'messenger-emulator/testing'
import { startBot, type RunningBot } from '../src/bot.js'

// Each test stages its own Facebook on free ports; the bot gets the Graph URL, app secret, page token and verify token.
const withBot = () => stage({ messengerBot: (facebook) => startBot(facebook) })

test('greets Sam by his first name and answers a quick reply', async () => {
  const { person } = await withBot()
  const sam = person('Sam')
  await sam.says('Hi')
  await sam.sees('Hello Sam! How can I help?')
  await sam.taps('Opening hours')
  await sam.sees('We are open Monday to Friday, 9:00 to 17:00.')
})

test('shows what the bot called and what Facebook answered', async () => {
  const { person, facebook } = await withBot()
  await person('Sam').says('Hi')
  const send = await facebook.expectRequest({ method: 'POST', path: '/me/messages', status: 200 }, 'the greeting')
  expect(send.warnings).toEqual([])
  expect((await facebook.requests()).map((r) => `${r.method} ${r.path} ${r.status}`))
    .toEqual([expect.stringMatching(/^GET \/\d+ 200$/), 'POST /me/messages 200'])
})

// Facebook's failure cases, each one line away.

test('a send that hits the rate limit (613) is answered with the error', async () => {
  const { person, facebook, scene } = await withBot()
  await facebook.setsFaults('page', scene.page().id, { rateLimit: true })
  await person('Sam').says('Hi')
  await facebook.expectRequest({ path: '/me/messages', status: 400, error: { code: 613 } }, 'the rate-limited send')
})

test("after the owner's password changes, the bot's page token no longer works", async () => {
  const { person, owner, facebook } = await withBot()
  await owner.changesPassword()
  await person('Sam').says('Hi')
  await facebook.expectRequest({ path: '/me/messages', status: 400, error: { code: 190 } }, 'the send with a dead token')
})

test('25 hours after Sam last wrote, the bot may no longer write to him first', async () => {
  let bot!: RunningBot
  const { person, clock } = await stage({ messengerBot: async (facebook) => (bot = await startBot(facebook)) })
  const sam = person('Sam')
  await sam.says('Hi')
  await sam.sees('Hello Sam! How can I help?')
  const { psid } = await sam.thread()
  expect((await bot.notify(psid, 'Your order has shipped')).ok).toBe(true)
  await clock.advance({ hours: 25 })
  expect(await bot.notify(psid, 'Your order has arrived')).toMatchObject({ ok: false, body: { error: { code: 10 } } })
})

test('on a page in Europe, Eva is still greeted by her first name (Europe keeps names)', async () => {
  const { person, facebook } = await withBot()
  await facebook.movesPageToEurope()
  await person('Eva').says('Hallo')
  await person('Eva').sees('Hello Eva! How can I help?')
})

test('"Talk to a person" hands Sam to the Page Inbox, where the page owner answers him', async () => {
  let bot!: RunningBot
  const { person, facebook, scene } = await stage({ messengerBot: async (facebook) => (bot = await startBot(facebook)) })
  // Messenger settings › App Roles: the bot's app is the primary receiver; the Page Inbox is always a secondary one.
  await scene.client.setAppRoles(scene.page().id, { primaryReceiver: scene.app().id })
  const sam = person('Sam')
  await sam.says('Hi')
  await sam.sees('Hello Sam! How can I help?')
  await sam.taps('Talk to a person')
  await sam.sees('I am passing you to a person of our team.')
  await facebook.expectRequest({ method: 'POST', path: '/me/pass_thread_control', status: 200 }, 'the handover')
  const { psid } = await sam.thread()
  await scene.client.inboxReply(scene.page().id, psid, 'Hi Sam, Pat here. How can I help?')
  await sam.sees('Hi Sam, Pat here. How can I help?')
  // The thread is the Page Inbox's now: the bot may not write until it takes the thread back.
  expect(await bot.notify(psid, 'Anything else?')).toMatchObject({ ok: false, body: { error: { code: 10, error_subcode: 2018300 } } })
})
