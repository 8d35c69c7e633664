/**
 * The pieces of the Messenger view's thread, drawn from the thread view model (control/types.ts `ThreadView`, the
 * same one `GET /_emulator/people/{id}/threads/{pageId}` answers): bubbles, attachments, templates (a generic
 * template is a horizontally scrolling carousel), buttons and quick replies. Every tap is a small form posting the
 * person's action; links open like on the device. URLs the business sent are shown as links only when they are
 * http(s), so a `javascript:` URL can never run here.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import type {
  ThreadAttachment, ThreadBubble, ThreadButton, ThreadCard, ThreadPersona, ThreadTemplate,
} from '../control/types.js'
import type { Platform } from '../world/people.js'
import { CsrfField } from './dashboard/csrf.js'

export const ACTIONS_PATH = '/dashboard/messenger/actions'

/** Which thread a form acts in, and the view to return to. */
export interface ThreadContext { pageId: string; personId: string; platform: Platform; pageName: string }

export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined
}

const time = (iso: string) => iso.slice(11, 16)

/** A form that performs one person action (`type` plus its fields) and comes back to this view. */
export const ActionForm: FC<PropsWithChildren<{ ctx: ThreadContext; type: string; fields?: Record<string, string | number>; class?: string }>> =
  ({ ctx, type, fields = {}, class: cls, children }) => (
    <form method="post" action={ACTIONS_PATH} class={cls}>
      <CsrfField />
      <input type="hidden" name="page" value={ctx.pageId} />
      <input type="hidden" name="person" value={ctx.personId} />
      <input type="hidden" name="platform" value={ctx.platform} />
      <input type="hidden" name="type" value={type} />
      {Object.entries(fields).map(([k, v]) => <input type="hidden" name={k} value={String(v)} />)}
      {children}
    </form>
  )

/** Where a button sits: under a message (its mid and card) or under the ad's welcome message. */
type ButtonTarget = { mid: string; element?: number } | { adWelcome: true }

const Button: FC<{ ctx: ThreadContext; button: ThreadButton; target: ButtonTarget }> = ({ ctx, button, target }) => {
  const label = button.title ?? button.type
  if (button.type === 'postback') {
    const fields: Record<string, string | number> =
      'mid' in target ? { mid: target.mid, element: target.element ?? 0 } : { adWelcome: 'true' }
    return (
      <ActionForm ctx={ctx} type="postback" fields={{ ...fields, index: button.index }}>
        <button type="submit" data-button-type="postback" title={button.fullTitle}>{label}</button>
      </ActionForm>
    )
  }
  const href = button.type === 'phone_number' ? `tel:${button.payload ?? ''}` : safeUrl(button.url)
  if (href) return <a href={href} target="_blank" rel="noopener noreferrer" data-button-type={button.type}>{label}</a>
  return <button type="button" disabled title="Opens on the device" data-button-type={button.type}>{label}</button>
}

export const Buttons: FC<{ ctx: ThreadContext; buttons: ThreadButton[]; target: ButtonTarget }> = ({ ctx, buttons, target }) =>
  buttons.length === 0 ? null : (
    <div class="tbuttons">{buttons.map((b) => <Button ctx={ctx} button={b} target={target} />)}</div>
  )

const Attachment: FC<{ a: ThreadAttachment }> = ({ a }) => {
  const url = safeUrl(a.url)
  if (a.type === 'location' && a.coordinates) {
    return <span data-attachment="location">Location: {a.coordinates.lat}, {a.coordinates.long}</span>
  }
  if (!url) return <span data-attachment={a.type}>[{a.type}]</span>
  if (a.renderedAs === 'link') return <a href={url} target="_blank" rel="noopener noreferrer" data-attachment="link">{url}</a>
  if (a.type === 'image') return <img src={url} alt="Image" data-attachment="image" loading="lazy" />
  if (a.type === 'video') return <video src={url} controls aria-label="Video" data-attachment="video" />
  if (a.type === 'audio') return <audio src={url} controls aria-label="Audio" data-attachment="audio" />
  return <a href={url} target="_blank" rel="noopener noreferrer" data-attachment="file">File: {url.split('/').pop()}</a>
}

const Card: FC<{ ctx: ThreadContext; card: ThreadCard; mid: string; square: boolean }> = ({ ctx, card, mid, square }) => {
  const image = safeUrl(card.imageUrl)
  const link = safeUrl(card.defaultActionUrl)
  return (
    <div class={square ? 'tcard square' : 'tcard'} role="listitem" data-card={card.index}>
      {image && <img src={image} alt="" loading="lazy" />}
      <div class="text">
        <strong>{link ? <a href={link} target="_blank" rel="noopener noreferrer">{card.title}</a> : card.title}</strong>
        {card.subtitle && <span class="muted">{card.subtitle}</span>}
      </div>
      <Buttons ctx={ctx} buttons={card.buttons} target={{ mid, element: card.index }} />
    </div>
  )
}

const Template: FC<{ ctx: ThreadContext; t: ThreadTemplate; mid: string }> = ({ ctx, t, mid }) => {
  switch (t.type) {
    case 'carousel':
      return (
        <div class="carousel" role="list" tabindex={0} aria-label={`Carousel, ${t.cards.length} cards`} data-template="generic">
          {t.cards.map((card) => <Card ctx={ctx} card={card} mid={mid} square={t.imageAspectRatio === 'square'} />)}
        </div>
      )
    case 'buttons':
      return (
        <div class="tcard" data-template="button">
          <div class="text">{t.text}</div>
          <Buttons ctx={ctx} buttons={t.buttons} target={{ mid }} />
        </div>
      )
    case 'media': {
      const url = safeUrl(t.url)
      return (
        <div class="tcard" data-template="media">
          {url && (t.mediaType === 'image' ? <img src={url} alt="Image" /> : <video src={url} controls aria-label="Video" />)}
          <Buttons ctx={ctx} buttons={t.buttons} target={{ mid }} />
        </div>
      )
    }
    case 'receipt':
      return (
        <div class="tcard" data-template="receipt">
          <div class="text">
            <strong>Receipt for {t.recipientName}</strong>
            <span class="muted">Order {t.orderNumber} · {t.paymentMethod}</span>
            <ul>{t.items.map((i) => <li>{i.title}{i.quantity ? ` × ${i.quantity}` : ''}: {i.price} {t.currency}</li>)}</ul>
            <strong>Total: {t.totalCost} {t.currency}</strong>
          </div>
        </div>
      )
  }
}

/** A persona's note above its message and its picture beside it (docs §12). */
export const PersonaNote: FC<{ persona: ThreadPersona }> = ({ persona }) => (
  <span class="persona" data-persona-id={persona.id}>
    {safeUrl(persona.pictureUrl) && <img class="persona-pic" src={safeUrl(persona.pictureUrl)} alt="" width="20" height="20" />}
    <span class="persona-name">{persona.label}</span>
  </span>
)

const STATUS_TEXT = { sent: 'Sent', delivered: 'Delivered', read: 'Seen' } as const

export const Bubble: FC<{ ctx: ThreadContext; b: ThreadBubble; showMark: boolean }> = ({ ctx, b, showMark }) => {
  const mark = b.from === 'page' ? (b.status ? STATUS_TEXT[b.status] : undefined) : b.seen ? `Seen by ${ctx.pageName}` : undefined
  return (
    <li class={`bubble from-${b.from}`} data-kind={b.kind} data-mid={b.mid ?? undefined}
      data-status={b.status} data-seen={b.seen === undefined ? undefined : String(b.seen)}>
      {b.persona && <PersonaNote persona={b.persona} />}
      <span class="sr-only">{b.from === 'page' ? b.persona?.label ?? ctx.pageName : 'You'}:</span>
      {b.text !== undefined && b.kind !== 'template' && (
        <div class={b.kind === 'postback' ? 'body postback' : 'body'}>{b.text}</div>
      )}
      {b.attachments && <div class="body">{b.attachments.map((a) => <Attachment a={a} />)}</div>}
      {b.template && b.mid && <Template ctx={ctx} t={b.template} mid={b.mid} />}
      {b.buttons && <Buttons ctx={ctx} buttons={b.buttons} target={{ adWelcome: true }} />}
      {b.placeholder && <div class="body placeholder">{b.placeholder}</div>}
      <span class="meta">
        {b.kind === 'ad_welcome' ? 'Ad welcome message (not in the history) · ' : ''}
        <time datetime={b.time}>{time(b.time)}</time>
        {showMark && mark && <span class="mark"> · {mark}</span>}
      </span>
    </li>
  )
}
