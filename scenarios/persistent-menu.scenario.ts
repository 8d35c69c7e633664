/**
 * Seed, Persistent Menu: "up to three levels of menu hierarchy […] 1 to 3 menu items at its first level and 1 to 5
 * menu items for submenus. […] link, postback or submenu type actions." A menu at every limit is applied (flattened
 * for Graph v8.0 and later, which dropped nested items) and works; each menu past a limit is refused and the menu
 * in place stays.
 */
import { scenario } from './vocabulary.js'

const postback = (text: string) => ({ type: 'postback', text, payload: text.toUpperCase().replace(/\W+/g, '_') })
const submenu = (text: string, items: unknown[]) => ({ type: 'submenu', text, items })

export default scenario('Persistent menu at its limits and past them', async ({ stage }) => {
  const { person, business, owner, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.tapsGetStarted()

  const atLimits = {
    items: [
      { type: 'link', text: 'Shop', uri: 'https://shop.example/' },
      postback('Talk to an agent'),
      submenu('Help', [
        postback('Orders'), postback('Returns'), postback('Shipping'), postback('Payments'),
        submenu('More', [postback('Privacy'), postback('Terms'), postback('Careers'), postback('Press'), postback('Contact')]),
      ]),
    ],
  }
  const applied = await business.setsMenu(atLimits)
  await check('three top items, a submenu of five, three levels: accepted', applied.status, 200)
  const titles = ['Shop', 'Talk to an agent', 'Orders', 'Returns', 'Shipping', 'Payments', 'Privacy', 'Terms', 'Careers', 'Press', 'Contact']
  await sam.seesThread({ persistentMenu: titles.map((title) => ({ title })) }, 'the menu, flattened in order')
  await sam.taps('Careers')
  await business.expectWebhook('conversation:postback', { postback: { payload: 'CAREERS' } })

  const past: [string, unknown, RegExp][] = [
    ['four top items', { items: [...atLimits.items, postback('Fourth')] }, /1 to 3 items at its first level \(got 4\)/],
    ['no item', { items: [] }, /1 to 3 items at its first level \(got 0\)/],
    ['a submenu of six', { items: [submenu('Help', ['A', 'B', 'C', 'D', 'E', 'F'].map(postback))] }, /a submenu has 1 to 5 items \(got 6\)/],
    ['an empty submenu', { items: [submenu('Help', [])] }, /a submenu has 1 to 5 items \(got 0\)/],
    ['four levels', { items: [submenu('1', [submenu('2', [submenu('3', [postback('4')])])])] }, /at most 3 levels/],
    ['a 31-character title', { items: [postback('x'.repeat(31))] }, /items/],
    ['a call item', { items: [{ type: 'call', text: 'Call us', payload: '+15550100' }] }, /items/],
  ]
  for (const [what, menu, reason] of past) {
    const res = await business.setsMenu(menu)
    await check(`${what}: refused`, { status: res.status, title: res.body?.error?.description }, { status: 400, title: reason })
  }
  await sam.seesThread({ persistentMenu: titles.map((title) => ({ title })) }, 'the menu unchanged')
})
