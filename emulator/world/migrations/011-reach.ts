/**
 * Other ways of reaching a person (docs §15–§17): a page's posts and the comments people leave on them, each with the
 * private reply it got (one per comment or visitor post); the checkbox plugin's `user_ref` opt-ins with the page's one
 * message; recurring notifications' tokens, each with its topic, frequency, expiry, status and last message.
 */
export default /* sql */ `
CREATE TABLE page_posts (
  id                    TEXT PRIMARY KEY,
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  -- A visitor post's author; NULL: the page published it.
  person_id             TEXT REFERENCES people(id) ON DELETE CASCADE,
  message               TEXT NOT NULL,
  -- A visitor post's private reply (recipient.post_id), once sent.
  private_reply_mid     TEXT,
  created_at            INTEGER NOT NULL
);
CREATE INDEX page_posts_by_page ON page_posts(page_id, created_at);

CREATE TABLE post_comments (
  id                    TEXT PRIMARY KEY,
  post_id               TEXT NOT NULL REFERENCES page_posts(id) ON DELETE CASCADE,
  person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  message               TEXT NOT NULL,
  -- The comment's private reply (recipient.comment_id), once sent.
  private_reply_mid     TEXT,
  created_at            INTEGER NOT NULL
);
CREATE INDEX post_comments_by_post ON post_comments(post_id);

CREATE TABLE user_refs (
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  user_ref              TEXT NOT NULL,
  person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  ref                   TEXT,
  created_at            INTEGER NOT NULL,
  -- The page's one message to this user_ref, once sent; the person's answer links it to their PSID.
  sent_mid              TEXT,
  answered              INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (page_id, user_ref)
);
CREATE INDEX user_refs_by_person ON user_refs(page_id, person_id);

CREATE TABLE notification_tokens (
  token                 TEXT PRIMARY KEY,
  page_id               TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  title                 TEXT NOT NULL,
  payload               TEXT NOT NULL,
  frequency             TEXT NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
  timezone              TEXT NOT NULL,
  stopped               INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  expires_at            INTEGER NOT NULL,
  last_sent_at          INTEGER
);
CREATE INDEX notification_tokens_by_person ON notification_tokens(page_id, person_id);
`
