/**
 * Seed, Capabilities › Action Types: link, extension (a webview with Messenger Extensions), postback and reply. The
 * person sees the buttons, a postback tap reaches the business as `conversation:postback`, a reply tap as a message
 * with its payload, and the quick replies disappear once one is tapped (seed, Reply).
 */
import { scenario } from './vocabulary.js'

export default scenario('Action types: link, extension, postback, reply', async ({ stage }) => {
  const { person, business, owner, facebook, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('What can I do?')
  const menu = await business.replies({
    type: 'text', text: 'Pick one',
    actions: [
      { type: 'link', text: 'Shop', uri: 'https://shop.example/' },
      { type: 'webview', text: 'Order form', uri: 'https://shop.example/order', fallback: 'https://shop.example/order-web',
        size: 'tall', extraChannelOptions: { messenger: { messenger_extensions: true } } },
      { type: 'postback', text: 'Talk to us', payload: 'TALK' },
    ],
  })
  await business.expectDelivered(menu)
  await sam.sees({ template: { type: 'buttons', text: 'Pick one', buttons: [
    { type: 'web_url', title: 'Shop', url: 'https://shop.example/' },
    { type: 'web_url', title: 'Order form', url: 'https://shop.example/order' },
    { type: 'postback', title: 'Talk to us' },
  ] } }, 'three buttons')
  await facebook.expectRequest({ path: '/me/messages', status: 200, params: { message: (m: unknown) =>
    /"messenger_extensions":true/.test(JSON.stringify(m)) && /"fallback_url":"https:\/\/shop.example\/order-web"/.test(JSON.stringify(m)) } },
  'a Send API call with the extension\'s messenger_extensions and fallback_url')

  await check('tapping the link opens the shop and sends nothing', await sam.taps('Shop'), { opened: 'https://shop.example/' })
  await sam.taps('Talk to us')
  await business.expectWebhook('conversation:postback', { postback: { payload: 'TALK' } })

  const question = await business.replies('Is that all? %[Yes](reply:YES) %[No](reply:NO)')
  await business.expectDelivered(question)
  await sam.seesThread({ quickReplies: [{ title: 'Yes', payload: 'YES' }, { title: 'No', payload: 'NO' }] }, 'the quick replies Yes and No')
  await sam.taps('Yes')
  await business.expectWebhook('conversation:message', { message: { content: { type: 'text', text: 'Yes', payload: 'YES' } } })
  await sam.seesThread({ quickReplies: [] }, 'the quick replies gone')
})
