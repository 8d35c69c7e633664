#!/usr/bin/env node
/**
 * A v1.1 business as many still run: the official v1.1 client, smooch-core (npm 8.11.4), pointed at the adapter.
 * It signs an app-scoped JWT with the key, so its paths leave `/apps/{appId}` out (`/v1.1/appusers/…`).
 *
 *   ADAPTER_URL=http://127.0.0.1:4222 ADAPTER_KEY_ID=app_demo ADAPTER_KEY_SECRET=… node examples/smooch-core-business.mjs
 *
 * (`npm install smooch-core` in a project of your own; this repository has it as a dev dependency.)
 */
import SmoochCore from 'smooch-core'

const smooch = new SmoochCore({
  keyId: process.env.ADAPTER_KEY_ID ?? 'app_demo',
  secret: process.env.ADAPTER_KEY_SECRET ?? 'demo-secret-demo-secret-demo-secret-00',
  scope: 'app',
  serviceUrl: process.env.ADAPTER_URL ?? 'http://127.0.0.1:4222',
})

// A customer of the business's own CRM, known by the business's id (v1.1 `userId`, v2 `externalId`)
const { appUser } = await smooch.appUsers.create({ appUser: { userId: 'crm-42', givenName: 'Jane' } })
console.log('appUser', appUser.userId, appUser.givenName, appUser.conversationStarted)
await smooch.appUsers.sendMessage('crm-42', { role: 'appMaker', type: 'text', text: 'Your order shipped', name: 'Acme' })
const { messages } = await smooch.appUsers.getMessages('crm-42')
for (const m of messages) console.log(`${m.role} ${m.name}: ${m.text} (received ${typeof m.received})`)

// Refusals come back in v1.1's envelope, which smooch-core reads into err.code and err.description
try {
  await smooch.appUsers.get('nobody')
} catch (err) {
  console.log(err.response.status, err.code, err.description)
}

// A v1.1 webhook: v1.1 bodies, signed with its secret in X-API-Key; in v2 it is a custom integration
const { webhook } = await smooch.webhooks.create({
  target: 'https://business.example/smooch', triggers: ['message:appUser', 'postback', 'message:delivery:failure'], includeClient: true,
})
console.log('webhook', webhook.version, webhook.triggers.join(' '), webhook.includeClient)

await smooch.webhooks.delete(webhook._id)
await smooch.appUsers.delete('crm-42')
