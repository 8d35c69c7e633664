/**
 * The Messenger personas the adapter created on a page for business authors (messenger/persona.ts), keyed by the
 * author's name and picture: one `POST /me/personas` per author, not one per message.
 */
import type { Db } from './db.js'

export interface PersonaKey { integrationId: string; name: string; pictureUrl: string }

export function personasRepository(db: Db) {
  const get = db.prepare('SELECT persona_id FROM personas WHERE integration_id = ? AND name = ? AND picture_url = ?')
  const save = db.prepare(`INSERT INTO personas (integration_id, name, picture_url, persona_id) VALUES (?, ?, ?, ?)
    ON CONFLICT (integration_id, name, picture_url) DO UPDATE SET persona_id = excluded.persona_id`)
  const forget = db.prepare('DELETE FROM personas WHERE integration_id = ? AND persona_id = ?')
  return {
    get(k: PersonaKey): string | undefined {
      return (get.get(k.integrationId, k.name, k.pictureUrl) as { persona_id: string } | undefined)?.persona_id
    },
    save(k: PersonaKey, personaId: string): void {
      save.run(k.integrationId, k.name, k.pictureUrl, personaId)
    },
    /** Facebook no longer knows it (deleted on the page): the next message creates it again. */
    forget(integrationId: string, personaId: string): void {
      forget.run(integrationId, personaId)
    },
  }
}
