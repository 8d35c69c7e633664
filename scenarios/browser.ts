/**
 * A browser without JavaScript for Facebook's login dialog (emulator/ui): GETs and form POSTs with a cookie, redirects
 * not followed, so the redirect back to the business's site (with `?code=`) can be read. The dialog's pages mark
 * their forms and links with ids (`login-{accountId}`, `consent-form`, `choose-what-you-allow`, `choose-form`).
 */
export interface Form {
  action: string
  fields: [string, string][]
  checkboxes: { name: string; value: string; checked: boolean }[]
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`))
  return m ? decode(m[1]!) : undefined
}

export class DialogPage {
  constructor(readonly status: number, readonly location: string | null, readonly html: string) {}

  has(id: string): boolean {
    return this.html.includes(`id="${id}"`)
  }

  /** The form with this id, or the form that contains an element with this id. */
  form(id: string): Form {
    const whole = [...this.html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0])
      .find((f) => f.includes(`id="${id}"`))
    if (!whole) throw new Error(`The dialog page (HTTP ${this.status}) has no form #${id}`)
    const inputs = [...whole.matchAll(/<input[^>]*>/g)].map((x) => x[0])
    return {
      action: attr(whole.slice(0, whole.indexOf('>') + 1), 'action')!,
      fields: inputs.filter((i) => attr(i, 'type') === 'hidden').map((i) => [attr(i, 'name')!, attr(i, 'value')!]),
      checkboxes: inputs.filter((i) => attr(i, 'type') === 'checkbox' && attr(i, 'name') && !/\sdisabled/.test(i))
        .map((i) => ({ name: attr(i, 'name')!, value: attr(i, 'value')!, checked: /\schecked/.test(i) })),
    }
  }

  link(id: string): string {
    const m = this.html.match(new RegExp(`<a[^>]*id="${id}"[^>]*>`))
    if (!m) throw new Error(`The dialog page has no link #${id}`)
    return attr(m[0], 'href')!
  }
}

export class Browser {
  private cookie: string | undefined

  constructor(private readonly origin: string, private readonly onRequest?: (method: string, path: string, status: number) => void) {}

  get(path: string): Promise<DialogPage> {
    return this.send('GET', path)
  }

  /** Submits a form with its hidden fields, `extra` fields, and the checkboxes `keep` leaves ticked. */
  submit(form: Form, extra: [string, string][] = [], keep: (box: Form['checkboxes'][number]) => boolean = (b) => b.checked) {
    const body = new URLSearchParams([...form.fields, ...extra])
    for (const box of form.checkboxes) if (keep(box)) body.append(box.name, box.value)
    return this.send('POST', form.action, body)
  }

  /** Follows the dialog's own 303s (after logging in); the 302 back to the business's site is left to the caller. */
  async follow(page: DialogPage): Promise<DialogPage> {
    return page.status === 303 && page.location ? this.get(page.location) : page
  }

  private async send(method: string, path: string, body?: URLSearchParams): Promise<DialogPage> {
    const res = await fetch(new URL(path, this.origin), {
      method, redirect: 'manual', headers: this.cookie ? { cookie: this.cookie } : {}, ...(body ? { body } : {}),
    })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]
    this.onRequest?.(method, new URL(path, this.origin).pathname, res.status)
    return new DialogPage(res.status, res.headers.get('location'), await res.text())
  }
}
