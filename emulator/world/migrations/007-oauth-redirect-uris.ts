/** Facebook Login › Settings › Valid OAuth Redirect URIs, per app (docs §1.1). */
export default /* sql */ `
-- A JSON array of absolute URLs. The login dialog sends people back only to one of them, matched exactly; an app with
-- none accepts any http(s) redirect_uri (the emulator's default, so a test needs no setup for it).
ALTER TABLE apps ADD COLUMN oauth_redirect_uris TEXT NOT NULL DEFAULT '[]';
`
