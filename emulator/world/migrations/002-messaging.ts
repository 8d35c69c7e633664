/**
 * Messaging (docs §3, §4.4, §8): conversations between a page and a person (the 24-hour window's last person
 * activity, the blocked flag, typing, seen/read/delivered watermarks, a click-to-Messenger ad's welcome message),
 * every message both ways with its mid, uploaded attachments, and the App Review features an app was approved for.
 */
export default /* sql */ `
CREATE TABLE conversations (
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  -- Emulator clock, ms, of the person's last message, postback, quick reply, referral, opt-in or Get Started
  -- (docs §8: each restarts the 24-hour window). NULL: the person never acted.
  last_person_at        INTEGER,
  -- The person blocked the page: sends answer 551/1545041 (docs §3.9).
  blocked               INTEGER NOT NULL DEFAULT 0,
  -- typing_on shows until this time (ms, ~20 s, docs §3.7), typing_off or the page's next message.
  page_typing_until     INTEGER,
  person_typing_until   INTEGER,
  -- mark_seen by the page: the person's messages up to this time (ms) show as seen.
  page_seen_watermark   INTEGER,
  -- The person's read and delivered marks on the page's messages (ms watermarks, docs §4.4).
  read_watermark        INTEGER,
  delivered_watermark   INTEGER,
  -- A click-to-Messenger ad's welcome message (JSON) shown to the person but kept out of the history.
  ad_welcome            TEXT,
  -- An m.me referral (JSON) waiting for the person to tap Get Started on a new thread; it rides on that postback.
  pending_referral      TEXT,
  created_at            INTEGER NOT NULL,
  PRIMARY KEY (page_id, person_id)
);

-- Every message of a conversation, in the order it happened (seq). direction: who sent it.
CREATE TABLE messages (
  seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
  mid                   TEXT NOT NULL UNIQUE,
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  direction             TEXT NOT NULL CHECK (direction IN ('page', 'person')),
  -- 'message', or 'postback' (a tapped button shows in the thread as the person's bubble with its title).
  kind                  TEXT NOT NULL CHECK (kind IN ('message', 'postback')),
  -- The app that sent a page message (echoes carry it, docs §4.4).
  app_id                TEXT,
  -- JSON: a page message's Send API 'message' object (attachment ids resolved to URLs); a person's webhook
  -- 'message' or 'postback' body.
  body                  TEXT NOT NULL,
  messaging_type        TEXT,
  tag                   TEXT,
  notification_type     TEXT,
  created_at            INTEGER NOT NULL
);
CREATE INDEX messages_by_conversation ON messages(page_id, person_id, seq);

-- Attachment Upload API and is_reusable sends (docs §3.6): page-scoped ids.
CREATE TABLE attachments (
  id                    TEXT PRIMARY KEY,
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  app_id                TEXT,
  type                  TEXT NOT NULL CHECK (type IN ('image', 'audio', 'video', 'file')),
  url                   TEXT NOT NULL,
  filename              TEXT,
  content_type          TEXT,
  size                  INTEGER,
  data                  BLOB,
  created_at            INTEGER NOT NULL
);

-- Features an app was approved for in App Review (docs §8: the HUMAN_AGENT tag needs its approval).
CREATE TABLE app_features (
  app_id                TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  feature               TEXT NOT NULL,
  approved_at           INTEGER NOT NULL,
  PRIMARY KEY (app_id, feature)
);
`
