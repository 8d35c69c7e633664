import { expect, test } from 'vitest'
import { applyShorthand } from '../../adapter/conversations/shorthand.js'

test('reply, postback and link shorthand become actions, stripped from the text', () => {
  expect(applyShorthand({ type: 'text', text: 'Coming? %[Yes](reply:YES) %[No](reply:NO) %[Agent](postback:AGENT) %[Site](https://acme.test)' })).toEqual({
    type: 'text', text: 'Coming?',
    actions: [
      { type: 'reply', text: 'Yes', payload: 'YES' }, { type: 'reply', text: 'No', payload: 'NO' },
      { type: 'postback', text: 'Agent', payload: 'AGENT' }, { type: 'link', text: 'Site', uri: 'https://acme.test' },
    ],
  })
})

test('image shorthand turns the message into an image', () => {
  expect(applyShorthand({ type: 'text', text: 'Our hat ![](https://x.test/hat.png) %[Buy](postback:BUY)' })).toEqual({
    type: 'image', mediaUrl: 'https://x.test/hat.png', text: 'Our hat', actions: [{ type: 'postback', text: 'Buy', payload: 'BUY' }],
  })
})

test('text without shorthand is unchanged', () => {
  const c = { type: 'text' as const, text: 'Price is 100% [fair](not a link)' }
  expect(applyShorthand(c)).toBe(c)
})
