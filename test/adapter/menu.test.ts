import { expect, test } from 'vitest'
import { toPersistentMenu } from '../../adapter/messenger/menu.js'
import type { Menu } from '../../adapter/conversations/menu.js'

const menu: Menu = { items: [
  { type: 'link', text: 'Shop', uri: 'https://x.test' },
  { type: 'submenu', text: 'Help', items: [
    { type: 'postback', text: 'Agent', payload: 'AGENT' },
    { type: 'submenu', text: 'More', items: [{ type: 'postback', text: 'Hours', payload: 'HOURS' }] },
  ] },
], settings: { inputEnabled: false } }

test('below Graph v8.0 submenus are nested', () => {
  expect(toPersistentMenu(menu, 'v7.0')).toEqual([{ locale: 'default', composer_input_disabled: true, call_to_actions: [
    { type: 'web_url', title: 'Shop', url: 'https://x.test' },
    { type: 'nested', title: 'Help', call_to_actions: [
      { type: 'postback', title: 'Agent', payload: 'AGENT' },
      { type: 'nested', title: 'More', call_to_actions: [{ type: 'postback', title: 'Hours', payload: 'HOURS' }] },
    ] },
  ] }])
})

test('from Graph v8.0 submenus are flattened in place, depth first', () => {
  expect(toPersistentMenu(menu, 'v21.0')[0]!.call_to_actions).toEqual([
    { type: 'web_url', title: 'Shop', url: 'https://x.test' },
    { type: 'postback', title: 'Agent', payload: 'AGENT' },
    { type: 'postback', title: 'Hours', payload: 'HOURS' },
  ])
})
