/**
 * The dashboard's look: Facebook's developer dashboard colours (blue bar, grey canvas, white cards) and the Messenger
 * client's bubbles per platform. Static text, inlined with dangerouslySetInnerHTML (never with user data). Focus is
 * always visible (a thick outline), and colours keep a 4.5:1 contrast for text.
 */
export const DASHBOARD_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f0f2f5; color: #1c1e21; font: 14px/1.45 Helvetica, Arial, sans-serif; }
a { color: #1558b0; }
:focus-visible { outline: 3px solid #f7b928; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; z-index: 10; }
.skip:focus { left: 8px; }
body > header { background: #1877f2; color: #fff; display: flex; align-items: center; gap: 24px; padding: 0 16px; }
body > header .brand { font-size: 20px; font-weight: bold; padding: 10px 0; color: #fff; text-decoration: none; }
body > header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; }
body > header nav a { color: #fff; text-decoration: none; padding: 14px 10px; display: block;
  border-bottom: 3px solid transparent; }
body > header nav a[aria-current=page] { border-bottom-color: #fff; font-weight: bold; }
main { max-width: 1100px; margin: 16px auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 8px 0 16px; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 14px 0 6px; color: #444950; }
.card { background: #fff; border-radius: 8px; padding: 16px 20px; margin: 0 0 16px;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.15); }
.muted { color: #5b6068; }
.flash { padding: 10px 14px; border-radius: 6px; margin: 0 0 16px; }
.flash.notice { background: #e7f3e8; border: 1px solid #42b72a; }
.flash.error { background: #ffebe9; border: 1px solid #d93025; }
dl.props { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.props dt { color: #5b6068; }
dl.props dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #dadde1; vertical-align: top; }
th { color: #5b6068; font-weight: normal; }
code, pre { font-family: Menlo, Consolas, monospace; font-size: 12px; }
pre { background: #f5f6f7; padding: 8px; border-radius: 6px; overflow: auto; max-height: 320px; margin: 6px 0; }
button, .button { font: inherit; font-weight: bold; border: 0; border-radius: 6px; padding: 6px 14px; cursor: pointer;
  background: #e4e6eb; color: #050505; text-decoration: none; display: inline-block; }
button.primary { background: #1877f2; color: #fff; }
button.danger { background: #d93025; color: #fff; }
button:disabled { opacity: 0.5; cursor: not-allowed; }
input[type=text], input[type=url], input[type=number], select { font: inherit; padding: 6px 8px; border: 1px solid #ccd0d5;
  border-radius: 6px; background: #fff; }
form.inline { display: inline-flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 0; }
.row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
fieldset { border: 1px solid #dadde1; border-radius: 6px; margin: 8px 0; padding: 8px 12px; }
legend { font-weight: bold; color: #444950; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 4px 12px; }
details summary { cursor: pointer; }
details.secret { display: inline-block; margin-left: 6px; }
details.secret summary { color: #1558b0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e4e6eb; font-size: 12px; }
.badge.ok { background: #e7f3e8; color: #1d5e1a; }
.badge.bad { background: #ffebe9; color: #a50e0e; }
.badge.warn { background: #fff4d6; color: #6b4e00; }
.warnings { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; }
dialog { border: 0; border-radius: 8px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.3); max-width: 640px; }

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
