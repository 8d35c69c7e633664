/** The world document's `pages[].nlp` (docs §18): a page's built-in NLP settings, read into the world and written back. */
import * as z from 'zod'
import type { World } from './world.js'
import { N_BEST_RANGE, NLP_MODELS, type NlpConfig } from '../facebook/nlp.js'

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
