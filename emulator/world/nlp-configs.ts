/**
 * Each page's built-in NLP settings (docs §18), as `POST /{page-id}/nlp_configs` left them. Validation lives in
 * emulator/graph/nlp-configs.ts; this repository stores what passed it. A page without a row has NLP off.
 */
import * as z from 'zod'
import type { World } from './world.js'
import { json, type Store } from './store.js'
import { N_BEST_RANGE, NLP_DEFAULTS, NLP_MODELS, type NlpConfig, type NlpModel } from '../facebook/nlp.js'

interface Row {
  enabled: number
  model: string
  custom_token: string | null
  verbose: number
  n_best: number
  other_language_support: string | null
}

export const DEFAULT_NLP_CONFIG: NlpConfig = {
  enabled: NLP_DEFAULTS.enabled, model: NLP_DEFAULTS.model, customToken: null, verbose: NLP_DEFAULTS.verbose,
  nBest: NLP_DEFAULTS.nBest, otherLanguageSupport: null,
}

export class NlpConfigs {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  /** The page's settings, or undefined when it never set any. */
  get(pageId: string): NlpConfig | undefined {
    const r = this.store.stmt(`SELECT enabled, model, custom_token, verbose, n_best, other_language_support
      FROM nlp_configs WHERE page_id = ?`).get(pageId) as Row | undefined
    return r && {
      enabled: r.enabled === 1, model: r.model as NlpModel, customToken: r.custom_token, verbose: r.verbose === 1,
      nBest: r.n_best, otherLanguageSupport: json.parse<Record<string, unknown> | null>(r.other_language_support, null),
    }
  }

  /** Changes the settings given and keeps the others (each POST names only what it changes). */
  set(pageId: string, change: Partial<NlpConfig>): NlpConfig {
    const next = { ...DEFAULT_NLP_CONFIG, ...this.get(pageId), ...change }
    this.store.stmt(`INSERT INTO nlp_configs (page_id, enabled, model, custom_token, verbose, n_best,
        other_language_support, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (page_id) DO UPDATE SET enabled = excluded.enabled, model = excluded.model,
        custom_token = excluded.custom_token, verbose = excluded.verbose, n_best = excluded.n_best,
        other_language_support = excluded.other_language_support, updated_at = excluded.updated_at`)
      .run(pageId, next.enabled ? 1 : 0, next.model, next.customToken, next.verbose ? 1 : 0, next.nBest,
        next.otherLanguageSupport === null ? null : json.stringify(next.otherLanguageSupport), this.now())
    return next
  }
}

/** `pages[].nlp` in the world document: the page's built-in NLP settings, as `nlp_configs` would set them. */
export const NlpDocSchema = z.object({
  enabled: z.boolean(),
  model: z.enum(NLP_MODELS).optional(),
  customToken: z.string().min(1).max(500).nullable().optional(),
  verbose: z.boolean().optional(),
  nBest: z.number().int().min(N_BEST_RANGE.min).max(N_BEST_RANGE.max).optional(),
  otherLanguageSupport: z.record(z.string(), z.unknown()).nullable().optional(),
}).strict()

export type NlpDoc = z.infer<typeof NlpDocSchema>

/** World document import: stores the page's settings; answers them for the document. */
export function importNlp(world: World, pageId: string, doc: NlpDoc | undefined): { nlp?: NlpConfig } {
  if (doc) {
    const { customToken, otherLanguageSupport, ...rest } = doc
    world.nlpConfigs.set(pageId, {
      ...rest, ...(customToken !== undefined ? { customToken } : {}),
      ...(otherLanguageSupport !== undefined ? { otherLanguageSupport } : {}),
    })
  }
  return nlpDoc(world, pageId)
}

/** World document export: the settings of a page that has any, nothing otherwise (plain worlds export as before). */
export function nlpDoc(world: World, pageId: string): { nlp?: NlpConfig } {
  const nlp = world.nlpConfigs.get(pageId)
  return nlp ? { nlp } : {}
}
