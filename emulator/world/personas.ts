/** Personas of a page (docs §12): a name and a picture a page's messages can be sent as. */
import type { Ids } from './ids.js'
import type { Store } from './store.js'

export interface Persona {
  id: string
  pageId: string
  name: string
  profilePictureUrl: string
  createdAt: number
  deletedAt: number | null
}

interface PersonaDbRow {
  id: string; page_id: string; name: string; profile_picture_url: string; created_at: number; deleted_at: number | null
}

const toPersona = (r: PersonaDbRow): Persona => ({
  id: r.id, pageId: r.page_id, name: r.name, profilePictureUrl: r.profile_picture_url, createdAt: r.created_at,
  deletedAt: r.deleted_at,
})

export class Personas {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(pageId: string, name: string, profilePictureUrl: string): Persona {
    const persona: Persona = {
      id: this.ids.persona(), pageId, name, profilePictureUrl, createdAt: this.now(), deletedAt: null,
    }
    this.store.stmt(`INSERT INTO personas (id, page_id, name, profile_picture_url, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(persona.id, pageId, name, profilePictureUrl, persona.createdAt)
    return persona
  }

  /** The persona, deleted or not: a deleted persona's messages still show it. */
  get(id: string): Persona | undefined {
    const r = this.store.stmt('SELECT * FROM personas WHERE id = ?').get(id) as PersonaDbRow | undefined
    return r && toPersona(r)
  }

  /** The page's live personas in the order they were made (the order `/{page-id}/personas` pages through). */
  ofPage(pageId: string): Persona[] {
    return (this.store.stmt('SELECT * FROM personas WHERE page_id = ? AND deleted_at IS NULL ORDER BY rowid')
      .all(pageId) as PersonaDbRow[]).map(toPersona)
  }

  delete(id: string): void {
    this.store.stmt('UPDATE personas SET deleted_at = ? WHERE id = ?').run(this.now(), id)
  }
}
