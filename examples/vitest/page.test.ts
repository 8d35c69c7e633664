import { expect, inject, test } from 'vitest'
import { ControlClient } from 'messenger-emulator'

test('the seeded page answers with a Token Generation token', async () => {
  const url = inject('emulatorUrl')
  const client = new ControlClient(url)
  const { access_token } = await client.pageToken('1234567890123456', '200000000000001')
  const me = await fetch(`${url}/v21.0/me?access_token=${access_token}`).then((r) => r.json())
  expect(me).toEqual({ name: 'Acme', id: '200000000000001' })
})
