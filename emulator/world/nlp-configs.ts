/**
 * Each page's built-in NLP settings (docs §18), as `POST /{page-id}/nlp_configs` left them. Validation lives in
 * emulator/graph/nlp-configs.ts; this repository stores what passed it. A page without a row has NLP off.
 */
import { json, type Store } from './store.js'
import { NLP_DEFAULTS, type NlpConfig, type NlpModel } from '../facebook/nlp.js'

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
