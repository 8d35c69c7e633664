/**
 * Messaging shorthand (conversations-api.md §14.2): `%[Label](reply:PAYLOAD)`, `%[Label](postback:PAYLOAD)`,
 * `%[Label](https://any.url)` and `![](https://image.url)` in a business text message are stripped from the text and
 * turned into structured content, as Sunshine does during message validation.
 */
import type { Action, Content } from './schemas.js'

const BUTTON = /%\[([^\]]+)\]\(([^)\s]+)\)/g
const IMAGE = /!\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/

export function applyShorthand(content: Content): Content {
  if (content.type !== 'text' || !content.text) return content
  let text = content.text
  const actions: Action[] = []
  text = text.replace(BUTTON, (whole, label: string, target: string) => {
    const action = toAction(label, target)
    if (!action) return whole
    actions.push(action)
    return ''
  })
  let mediaUrl: string | undefined
  let altText: string | undefined
  const image = IMAGE.exec(text)
  if (image) {
    mediaUrl = image[2]!
    altText = image[1] || undefined
    text = text.replace(image[0], '')
  }
  if (actions.length === 0 && !mediaUrl) return content
  text = text.replace(/[ \t]+\n/g, '\n').trim()
  const allActions = [...(content.actions ?? []), ...actions]
  if (mediaUrl) {
    return {
      type: 'image', mediaUrl, ...(altText ? { altText } : {}), ...(text ? { text } : {}),
      ...(allActions.length ? { actions: allActions } : {}),
    }
  }
  return { ...content, text: text || undefined, actions: allActions }
}

function toAction(label: string, target: string): Action | undefined {
  if (target.startsWith('reply:')) return { type: 'reply', text: label, payload: target.slice('reply:'.length) }
  if (target.startsWith('postback:')) return { type: 'postback', text: label, payload: target.slice('postback:'.length) }
  if (/^https?:\/\//.test(target)) return { type: 'link', text: label, uri: target }
  return undefined
}
