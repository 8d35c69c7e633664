/**
 * The emulator dashboard's look: the shared one (lib/dashboard-css.ts) and the Messenger client's bubbles per
 * platform. Static text, inlined with dangerouslySetInnerHTML (never with user data).
 */
import { BASE_DASHBOARD_CSS } from '../../../lib/dashboard-css.js'

export const DASHBOARD_CSS = `${BASE_DASHBOARD_CSS}
/* Messenger view */
.messenger { display: grid; grid-template-columns: 300px 1fr; gap: 16px; align-items: start; }
.phone { background: #fff; border-radius: 8px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.15); display: flex;
  flex-direction: column; height: 640px; overflow: hidden; }
.phone[data-platform=ios] { border-radius: 36px; border: 10px solid #1c1e21; max-width: 420px; }
.phone[data-platform=android] { border-radius: 18px; border: 8px solid #3a3b3c; max-width: 420px; }
.phone > header { padding: 10px 14px; border-bottom: 1px solid #dadde1; display: flex; gap: 10px; align-items: center; }
.phone > header h2 { margin: 0; font-size: 16px; }
.thread { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 12px; display: flex; flex-direction: column;
  gap: 6px; }
.thread .history { align-self: center; font-size: 13px; }
.bubble { max-width: 75%; display: flex; flex-direction: column; gap: 2px; }
.bubble.from-page { align-self: flex-start; }
.bubble[data-kind=template] { max-width: 100%; }
.bubble.from-person { align-self: flex-end; align-items: flex-end; }
.bubble .body { padding: 8px 12px; border-radius: 18px; background: #e4e6eb; overflow-wrap: anywhere; }
.bubble.from-person .body { background: #0866ff; color: #fff; }
.phone[data-platform=android] .bubble.from-person .body { background: #7646ff; }
.bubble.from-person .body a { color: #fff; }
.bubble .body img { max-width: 220px; border-radius: 12px; display: block; }
.bubble .meta { font-size: 11px; color: #5b6068; }
.bubble .postback { font-style: italic; }
.bubble .placeholder { font-style: italic; color: #5b6068; }
.carousel { display: flex; gap: 8px; overflow-x: auto; scroll-snap-type: x mandatory; padding-bottom: 6px; max-width: 100%; }
.tcard { flex: 0 0 230px; scroll-snap-align: start; border: 1px solid #dadde1; border-radius: 14px; overflow: hidden;
  background: #fff; }
.tcard img { width: 100%; height: 120px; object-fit: cover; background: #f0f2f5; display: block; }
.tcard.square img { height: 230px; }
.tcard .text { padding: 8px 10px; }
.tcard .text strong { display: block; }
.tbuttons { display: flex; flex-direction: column; border-top: 1px solid #dadde1; }
.tbuttons form, .tbuttons a { margin: 0; border-top: 1px solid #dadde1; }
.tbuttons button, .tbuttons a { width: 100%; background: #fff; color: #0866ff; border-radius: 0; padding: 8px;
  text-align: center; display: block; text-decoration: none; font-weight: bold; }
.typing { color: #5b6068; font-style: italic; }
.persona { display: flex; align-items: center; gap: 4px; font-size: 12px; color: #5b6068; margin-bottom: 2px; }
.persona-pic { border-radius: 50%; object-fit: cover; }
.quick-replies { display: flex; gap: 6px; overflow-x: auto; padding: 6px 12px; min-height: 8px; }
.quick-replies button { background: #fff; color: #0866ff; border: 1px solid #0866ff; border-radius: 16px; white-space: nowrap; }
.composer { border-top: 1px solid #dadde1; padding: 8px 12px; display: flex; flex-direction: column; gap: 6px; }
.composer form { display: flex; gap: 6px; align-items: center; margin: 0; }
.composer input[type=text], .composer input[type=url] { flex: 1; border-radius: 18px; }
.get-started { text-align: center; padding: 24px; }
.platforms a { padding: 4px 10px; border-radius: 14px; text-decoration: none; }
.platforms a[aria-current=true] { background: #1877f2; color: #fff; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
