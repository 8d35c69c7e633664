/**
 * The handover protocol (docs §9, §13): each page's app roles (Messenger settings › App Roles: one primary receiver,
 * any number of secondary receivers) and who owns each thread; personas (docs §12) and the persona a page message or
 * typing indicator was sent as.
 */
export default /* sql */ `
CREATE TABLE page_app_roles (
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  app_id                TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  role                  TEXT NOT NULL CHECK (role IN ('primary_receiver', 'secondary_receiver')),
  PRIMARY KEY (page_id, app_id)
);
CREATE UNIQUE INDEX page_app_roles_one_primary ON page_app_roles(page_id) WHERE role = 'primary_receiver';

-- The app that controls the thread; NULL: the page's primary receiver (where every thread starts). The Page Inbox
-- (app 263902037430900) is no row of apps, so this column has no foreign key.
ALTER TABLE conversations ADD COLUMN thread_owner_app_id TEXT;
-- The persona a typing_on was sent as: the person sees its picture beside the dots.
ALTER TABLE conversations ADD COLUMN page_typing_persona_id TEXT;

CREATE TABLE personas (
  id                    TEXT PRIMARY KEY,
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  name                  TEXT NOT NULL,
  profile_picture_url   TEXT NOT NULL,
  created_at            INTEGER NOT NULL,
  -- A deleted persona keeps its row: messages sent as it still show it, sends with it are refused.
  deleted_at            INTEGER
);
CREATE INDEX personas_by_page ON personas(page_id, created_at);

-- The persona a page message was sent as (NULL: as the page).
ALTER TABLE messages ADD COLUMN persona_id TEXT;
`
