/**
 * Built-in NLP settings (docs §18): `POST /{page-id}/nlp_configs` (or `/me/nlp_configs`) with a page token of that
 * page holding `pages_messaging` and `pages_manage_metadata`; the parameters come in the query string (as Facebook's
 * docs and sample send them) or the body, and each call changes only those it carries → `{success: true}`. The edge
 * cannot be read, updated or deleted (the reference). What a person's text then carries is emulator/messenger/nlp.ts.
 * Source: https://developers.facebook.com/docs/graph-api/reference/page/nlp_configs/
 */
import type { Page } from '../world/pages.js'
import { graphError } from '../facebook/errors.js'
import {
  NLP_CONFIG_SCOPES, NLP_MODELS, NLP_PARAM_ERRORS, N_BEST_RANGE, type NlpConfig, type NlpModel,
} from '../facebook/nlp.js'
import { requireKind, requireScope } from '../login/access.js'
import type { Params } from './params.js'
import { route, type GraphRequest, type GraphRoute } from './router.js'

type PageRequest = GraphRequest<{ kind: 'page'; id: string; page: Page }>

/** Only the page's own token with both permissions (Built-in NLP, "Requirements"); other tokens get (#200). */
function authorize({ access, node, method }: PageRequest): void {
  requireKind(access, 'page')
  if (access.pageId !== node.id) throw graphError('unsupportedRequest', method.toLowerCase(), node.id)
  for (const scope of NLP_CONFIG_SCOPES) requireScope(access, scope)
}

/** Graph's booleans: `true`/`false`, also `1`/`0` and JSON booleans. */
function boolean(params: Params, name: string): boolean | undefined {
  const v = params.string(name)
  if (v === undefined) return undefined
  if (['true', '1'].includes(v)) return true
  if (['false', '0'].includes(v)) return false
  throw graphError('paramInvalid', NLP_PARAM_ERRORS.notBoolean(name))
}

/** The settings a call changes; anything invalid is refused before one is stored. */
function nlpConfigChange(params: Params): Partial<NlpConfig> {
  const change: Partial<NlpConfig> = {}
  const enabled = boolean(params, 'nlp_enabled')
  if (enabled !== undefined) change.enabled = enabled
  const model = params.string('model')
  if (model !== undefined) {
    if (!(NLP_MODELS as readonly string[]).includes(model)) {
      throw graphError('paramOneOf', 'model', NLP_MODELS.join(', '), model)
    }
    change.model = model as NlpModel
  }
  const customToken = params.string('custom_token')
  if (customToken !== undefined) change.customToken = customToken
  const verbose = boolean(params, 'verbose')
  if (verbose !== undefined) change.verbose = verbose
  const nBest = params.integer('n_best')
  if (nBest !== undefined) {
    if (nBest < N_BEST_RANGE.min || nBest > N_BEST_RANGE.max) {
      throw graphError('paramInvalid', NLP_PARAM_ERRORS.nBestOutOfRange())
    }
    change.nBest = nBest
  }
  const other = params.object('other_language_support')
  if (other !== undefined) {
    if (typeof other !== 'object' || other === null || Array.isArray(other)) {
      throw graphError('paramInvalid', NLP_PARAM_ERRORS.notAnObject('other_language_support'))
    }
    change.otherLanguageSupport = other
  }
  return change
}

export const nlpConfigsRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'nlp_configs',
    description: 'Turns built-in NLP on or off for the page and sets its model',
    handle: (req): { success: true } => {
      authorize(req)
      const { world, node, params, leniency } = req
      const change = nlpConfigChange(params)
      if (change.enabled === undefined) {
        if (leniency.strict) throw graphError('paramRequired', 'nlp_enabled').because('--strict: nlp_enabled is required')
        leniency.warn('nlpEnabledMissing')
      }
      if (change.customToken || change.model === 'CUSTOM') leniency.warn('witAppOffline')
      world.tx(() => world.nlpConfigs.set(node.id, change))
      return { success: true }
    },
  }),
]
