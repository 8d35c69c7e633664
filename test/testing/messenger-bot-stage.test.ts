/**
 * `stage({ messengerBot })` of `messenger-emulator/testing` in a plain vitest test: the example bot of
 * examples/messenger-bot (Graph API direct) on a stage of Facebook alone, and what a team relies on when it fails.
 */
import { expect, onTestFinished, test } from 'vitest'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { stage, type MessengerBotCoordinates } from '../../scenarios/testing.js'
import { startBot } from '../../examples/messenger-bot/src/bot.js'

test('the stage starts the bot with the coordinates, subscribes its webhook, and the bot answers Sam', async () => {
  let given: MessengerBotCoordinates | undefined
  const { person, facebook, bot, scene } = await stage({ messengerBot: (coordinates) => {
    given = coordinates
    return startBot(coordinates)
  } })
  expect(given).toEqual(bot)
  expect(bot).toMatchObject({ graphUrl: `${scene.stack.emulator.url}/v21.0`, appId: scene.app().id, pageId: scene.page().id })
  const webhook = await facebook.appWebhook()
  expect(webhook).toMatchObject({ callbackUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhook$/) })
  await person('Sam').says('Hi')
  await person('Sam').sees('Hello Sam! How can I help?')
  // What the bot called, not the stage's own subscription calls.
  expect((await facebook.requests()).map((r) => `${r.method} ${r.path}`))
    .toEqual([expect.stringMatching(/^GET \/\d+$/), 'POST /me/messages'])
})

test('a bot whose webhook refuses the verification fails the stage, naming the verification', async () => {
  const refusing = createServer((_, res) => res.writeHead(403).end())
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
  let closed = false
  const staged = stage({ messengerBot: async () => ({
    webhookUrl: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/webhook`,
    close: async () => { closed = true; refusing.close() },
  }) })
  await expect(staged).rejects.toThrow(/Subscribing the bot's webhook .* hub.challenge\) failed: Graph answered 400 .*HTTP Status Code = 403/)
  expect(closed).toBe(true)
})

test('a bot that never answers fails with what was awaited and the timeline of what happened', async () => {
  const silent = createServer((req, res) => {
    const challenge = new URL(req.url ?? '/', 'http://x').searchParams.get('hub.challenge')
    res.writeHead(200).end(challenge ?? undefined)
  })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const { person } = await stage({ waitMs: 300, messengerBot: async () => ({
    webhookUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/webhook`,
    close: () => new Promise((resolve) => silent.close(() => resolve())),
  }) })
  await person('Sam').says('Hi')
  const failure = await person('Sam').sees('Hello Sam!').then(() => undefined, (err: Error) => err.message)
  expect(failure).toMatch(/^Sam sees "Hello Sam!": Timed out after 300 ms waiting for Sam to see "Hello Sam!"; last seen: \["person:text:Hi"\]/)
  expect(failure).toMatch(/Timeline \(ms since the stage opened; ✗ failed\):/)
  expect(failure).toMatch(/▸ Sam says "Hi"/)
  expect(failure).toMatch(/Facebook: Sam says "Hi"/)
  expect(failure).toMatch(/Facebook → bot: webhook messages → 200/)
  expect(failure).toMatch(/✗ ▸ Sam sees "Hello Sam!"/)
})

test('an unknown person is refused with the people the world has', async () => {
  const { person } = await stage({ messengerBot: startBot })
  expect(() => person('Nobody')).toThrow('The world has no person "Nobody"; it has: Sam, Eva')
})

test('the stage closes itself when its test ends, and close() may come first', async () => {
  let url = ''
  onTestFinished(async () => {
    // Registered before the stage's own: runs after it, once the stage has closed.
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow()
  })
  const s = await stage({ messengerBot: startBot })
  url = s.scene.stack.emulator.url
  expect(await (await fetch(`${url}/_emulator/health`)).json()).toEqual({ status: 'ok' })
})

test('close() stops the bot and Facebook, and may be called twice', async () => {
  let botClosed = 0
  const s = await stage({ messengerBot: async (facebook) => {
    const bot = await startBot(facebook)
    return { webhookUrl: bot.webhookUrl, close: () => { botClosed++; return bot.close() } }
  } })
  await s.close()
  await s.close()
  expect(botClosed).toBe(1)
  await expect(fetch(`${s.scene.stack.emulator.url}/_emulator/health`)).rejects.toThrow()
})

test.concurrent.for([1, 2, 3])('stages in parallel, each its own Facebook (%i)', async (_, context) => {
  const { expect } = context
  const { person, scene } = await stage({ messengerBot: startBot, test: context })
  await person('Sam').says('Hi')
  await person('Sam').sees('Hello Sam! How can I help?')
  expect(scene.stack.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
})
