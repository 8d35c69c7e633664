/**
 * Issue 16: a care agent answers as a persona. Sunshine's business messages and activities carry
 * `author.displayName` and `author.avatarUrl` (docs/conversations-api.md §6.2, §9); the adapter sends such an author
 * as a Messenger persona (docs/messenger-platform.md §12), created once on the page, so the person sees the agent's
 * picture and "Jorge (from Acme)". The bot, without a name, still speaks as the page.
 */
import { scenario } from './vocabulary.js'
import { Handover } from './handover.js'

const JORGE = { type: 'business', displayName: 'Jorge', avatarUrl: 'https://acme.example/agents/jorge.png' }

export default scenario('Personas: a care agent answers Sam as "Jorge (from Acme)", typing included', async ({ stage }) => {
  const { person, business, owner, facebook, check, scene } = await stage()
  const handover = new Handover(scene)
  await business.connects(await owner.generatesPageToken())

  const sam = person('Sam')
  await sam.says('My order never came')
  const conversationId = await business.conversationWith(sam)
  await business.expectDelivered(await business.replies('Let me find an agent for you'))
  const botBubble = await sam.sees('Let me find an agent for you')
  await check('the bot speaks as the page', botBubble.persona ?? null, null)

  await handover.businessSendsActivityAs(conversationId, JORGE, 'typing:start')
  await sam.seesThread({ typing: { page: true, persona: { name: 'Jorge', label: 'Jorge (from Acme)' } } }, 'Jorge typing')
  const first = await handover.businessRepliesAs(conversationId, JORGE, 'Hi Sam, Jorge here. I am looking at your order.')
  await business.expectDelivered(first)
  await sam.sees({ text: 'Hi Sam, Jorge here. I am looking at your order.', persona: {
    name: 'Jorge', pictureUrl: 'https://acme.example/agents/jorge.png', label: 'Jorge (from Acme)' } }, 'Jorge\'s message, as Jorge (from Acme)')
  await facebook.expectRequest({ method: 'POST', path: '/me/personas', status: 200,
    params: { name: 'Jorge', profile_picture_url: 'https://acme.example/agents/jorge.png' } }, 'the persona, created on the page')

  await business.expectDelivered(await handover.businessRepliesAs(conversationId, JORGE, 'It ships tomorrow.'))
  await sam.sees({ text: 'It ships tomorrow.', persona: { label: 'Jorge (from Acme)' } })
  const created = (await facebook.requests()).filter((r) => r.path === '/me/personas' && r.method === 'POST')
  await check('Jorge\'s persona was created once', created.length, 1)
})
