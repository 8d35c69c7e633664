/**
 * Graph's `fields=` selection: a node answers its default fields, or exactly the ones asked for; asking for a field
 * the node type does not have is `(#100) Tried accessing nonexisting field (x) on node type (Page)` (docs §2.1).
 *
 * A field may carry modifiers and subfields, as login libraries ask for them (docs §20): `picture.type(large)`,
 * `picture.width(200).height(200)`, `picture{url,width}` (Graph API field expansion:
 * https://developers.facebook.com/docs/graph-api/guides/field-expansion).
 */
import { graphError } from '../facebook/errors.js'
import type { Params } from './params.js'

/** One requested field: `picture.width(200).height(200)` → name picture, modifiers {width: '200', height: '200'}. */
export interface FieldSpec {
  name: string
  modifiers: Record<string, string>
  /** `picture{url,width}`: the subfields asked for, or undefined for all of them. */
  subfields?: FieldSpec[]
}

/** A field's value for this request, or undefined to leave the field out of the answer. */
export type FieldReaders = Record<string, (spec: FieldSpec) => unknown>

/** Splits at the commas outside braces and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '{' || ch === '(') depth++
    else if (ch === '}' || ch === ')') depth = Math.max(0, depth - 1)
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim()).filter(Boolean)
}

/** `name(.modifier(value))*({subfields})?`; anything else is read as the name Graph will not know. */
const FIELD = /^(\w+)((?:\.\w+\([^()]*\))*)(?:\{(.*)\})?$/s

export function parseFields(text: string): FieldSpec[] {
  return splitTopLevel(text).map((item): FieldSpec => {
    const m = item.match(FIELD)
    if (!m) return { name: item.replace(/[.{(].*$/s, ''), modifiers: {} }
    const modifiers = Object.fromEntries([...m[2]!.matchAll(/\.(\w+)\(([^()]*)\)/g)].map((x) => [x[1]!, x[2]!.trim()]))
    return { name: m[1]!, modifiers, ...(m[3] !== undefined ? { subfields: parseFields(m[3]) } : {}) }
  })
}

/** The `fields` parameter: a comma list (`a,b{c,d}`), or a JSON array of names as some clients send it (docs §11). */
function requestedFields(params: Params): FieldSpec[] | undefined {
  const v = params.object('fields')
  if (v === undefined || v === '') return undefined
  if (Array.isArray(v)) return parseFields(v.map(String).join(','))
  if (typeof v === 'string') return parseFields(v)
  throw graphError('paramInvalid', 'Param fields must be an array')
}

export function selectFields(params: Params, readers: FieldReaders, defaults: string[], nodeType: string):
  Record<string, unknown> {
  return selectSpecs(requestedFields(params), readers, defaults, nodeType)
}

/** `selectFields` for fields already parsed: the subfields of an expanded edge (`messages{id,message}`). */
export function selectSpecs(specs: FieldSpec[] | undefined, readers: FieldReaders, defaults: string[],
  nodeType: string): Record<string, unknown> {
  const wanted = specs ?? defaults.map((name) => ({ name, modifiers: {} }))
  const out: Record<string, unknown> = {}
  for (const spec of wanted) {
    const read = readers[spec.name]
    if (!read) throw graphError('nonexistingField', spec.name, nodeType)
    const value = read(spec)
    if (value !== undefined) out[spec.name] = value
  }
  // Graph always answers the id, even when it was not asked for.
  if (!('id' in out) && readers.id) out.id = readers.id({ name: 'id', modifiers: {} })
  return out
}
