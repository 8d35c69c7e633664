/**
 * The URL a button or a menu item opens: a web page, so `http:` or `https:` only ("url: URL that is opened in a
 * mobile browser when the button is tapped", https://developers.facebook.com/docs/messenger-platform/reference/buttons/url,
 * docs §3.5). A `javascript:` or `data:` URL would run in the person's browser. One check for the Send API
 * (send-request.ts) and the Messenger Profile (profile-rules.ts), so both refuse such a URL alike:
 * `(#100) Param … must be a valid URL` (graph-validation.ts maps the schema's failure onto it).
 */
import * as z from 'zod'
import { lazy } from '../../lib/lazy.js'

const schemas = lazy(() => ({ web: z.url({ protocol: /^https?$/ }), https: z.url({ protocol: /^https$/ }) }))

/** The schema of a web URL; `httpsOnly` for the fields Facebook wants secure (whitelisted domains, home_url). */
export const webUrl = (httpsOnly = false): z.ZodURL => schemas()[httpsOnly ? 'https' : 'web']

export const isWebUrl = (value: string, httpsOnly = false): boolean => webUrl(httpsOnly).safeParse(value).success
