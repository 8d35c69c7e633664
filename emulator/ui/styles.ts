/**
 * The dialog's look: Facebook's blue bar over a white card. Inlined in a `<style>` element, whose text hono/jsx
 * escapes like any other, so the rules avoid the characters it rewrites (& < > " '): no child combinators, no quoted
 * font names. The dialog tests check the CSS arrives unchanged.
 */
export const DIALOG_CSS = `
body { margin: 0; background: #f0f2f5; color: #1c1e21; font: 14px/1.4 Helvetica, Arial, sans-serif; }
header { background: #1877f2; color: #fff; padding: 10px 16px; font-size: 22px; font-weight: bold; }
main { max-width: 500px; margin: 24px auto; background: #fff; border-radius: 8px; padding: 20px 24px;
  box-shadow: 0 2px 4px rgba(0, 0, 0, 0.1), 0 8px 16px rgba(0, 0, 0, 0.1); }
h1 { font-size: 20px; margin: 0 0 12px; }
h2 { font-size: 15px; margin: 16px 0 6px; color: #606770; }
ul { padding-left: 20px; margin: 4px 0; }
li { margin: 4px 0; }
fieldset { border: 1px solid #dddfe2; border-radius: 6px; margin: 12px 0; padding: 8px 12px; }
legend { font-weight: bold; color: #606770; }
code { color: #606770; font-size: 12px; }
.hint { color: #606770; font-size: 13px; border-top: 1px solid #dddfe2; padding-top: 8px; margin-top: 16px; }
.actions { display: flex; gap: 8px; align-items: center; margin-top: 16px; flex-wrap: wrap; }
.account { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
button { font: inherit; font-weight: bold; border: 0; border-radius: 6px; padding: 8px 16px; cursor: pointer; }
button.primary { background: #1877f2; color: #fff; }
button.secondary { background: #e4e6eb; color: #050505; }
a { color: #1877f2; text-decoration: none; }
a:hover { text-decoration: underline; }
.error h1 { color: #be4b49; }
`
