/**
 * Graph's `fields=` selection: a node answers its default fields, or exactly the ones asked for; asking for a field
 * the node type does not have is `(#100) Tried accessing nonexisting field (x) on node type (Page)` (docs §2.1).
 */
import { graphError } from '../facebook/errors.js'
import type { Params } from './params.js'

export type FieldReaders = Record<string, () => unknown>

export function selectFields(params: Params, readers: FieldReaders, defaults: string[], nodeType: string):
  Record<string, unknown> {
  const wanted = params.list('fields') ?? defaults
  const out: Record<string, unknown> = {}
  for (const f of wanted) {
    const name = f.replace(/[.{].*$/, '')
    const read = readers[name]
    if (!read) throw graphError('nonexistingField', name, nodeType)
    const value = read()
    if (value !== undefined) out[name] = value
  }
  // Graph always answers the id, even when it was not asked for.
  if (!('id' in out) && readers.id) out.id = readers.id()
  return out
}
