/** The emulator's live-refresh script (lib/live-script.ts), listening to `/_emulator/events` (events.ts). */
import { liveScript } from '../../../lib/live-script.js'

export const LIVE_SCRIPT = liveScript('/_emulator/events')
