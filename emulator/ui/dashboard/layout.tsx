/**
 * The frame of every emulator dashboard page: the shared one (lib/dashboard-parts.tsx `Frame`: skip link, the blue bar
 * with the navigation, the flash message a form left, the live-refresh script) with the emulator's sections. The small
 * pieces pages share are in lib/dashboard-parts.tsx too.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import { DASHBOARD_CSS } from './styles.js'
import { LIVE_SCRIPT } from './live-script.js'
import { Frame, renderPage } from '../../../lib/dashboard-parts.js'
import type { Flash } from '../../../lib/forms.js'

export { flashOf, type Flash } from '../../../lib/forms.js'
export { Back, Named, PostButton, Secret } from '../../../lib/dashboard-parts.js'

export const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/dashboard/messenger', label: 'Messenger' },
  { href: '/dashboard/apps', label: 'Apps' },
  { href: '/dashboard/pages', label: 'Pages' },
  { href: '/dashboard/accounts', label: 'Accounts' },
  { href: '/dashboard/faults', label: 'Faults' },
  { href: '/dashboard/webhooks', label: 'Webhook log' },
  { href: '/dashboard/requests', label: 'Requests' },
] as const

interface LayoutProps { title: string; active: string; flash: Flash }

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, active, flash, children }) => (
  <Frame documentTitle={`${title} · Messenger Emulator`} title={title} css={DASHBOARD_CSS} script={LIVE_SCRIPT}
    brand={{ href: '/', label: 'Messenger Emulator' }} nav={NAV} active={active} flash={flash}>
    {children}
  </Frame>
)

export const render = renderPage
