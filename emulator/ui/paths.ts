/**
 * Where the pages people look at live (ui/index.tsx), apart from the pages themselves: the root app routes these
 * paths to the UI before it is loaded (ui/lazy.ts).
 */

/** The dashboard and the Messenger view, everything under it. */
export const DASHBOARD_PATH = '/dashboard'
/** The JavaScript SDK stand-in's script (ui/sdk.ts). */
export const SDK_SCRIPT_PATH = '/sdk.js'
/** Where the login dialog is mounted: `/dialog/oauth`, with the caller's version prefix when it used one. */
export const OAUTH_DIALOG_PATHS = ['/dialog/oauth', '/:version{v\\d+\\.\\d+}/dialog/oauth']
/** The SDK's popup callback: its login dialog's redirect_uri, relative to the emulator; `?origin=` names the page. */
export const SDK_CALLBACK_PATH = '/dialog/oauth/sdk-callback'
/** The dashboard's live-update stream (ui/events.ts). */
export const EVENTS_PATH = '/_emulator/events'
