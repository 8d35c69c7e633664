/**
 * Connecting a page, as the Integration API's `POST /v2/apps/{appId}/integrations` does it and the dashboard's Save
 * and "Re-create the integration" do it too: the integration is created (integration.ts), then the app's menu, which
 * applies to every integration without its own (conversations-api.md §16), is set on the page, best effort.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { createMessengerIntegration, type CreateOptions, type MessengerIntegrationInput } from './integration.js'
import { applyMenu } from './menu.js'

export async function connectPage(ctx: AdapterContext, appId: string, input: MessengerIntegrationInput,
  options: CreateOptions = {}): Promise<MessengerIntegrationRow> {
  const row = await createMessengerIntegration(ctx, appId, input, options)
  const appMenu = ctx.store.menus.get(`app:${appId}`)
  if (appMenu && row.status === 'active') {
    await applyMenu(ctx, row, appMenu).catch((err: unknown) => ctx.log.warn(`app menu not applied to ${row.id}: ${String(err)}`))
  }
  return row
}
