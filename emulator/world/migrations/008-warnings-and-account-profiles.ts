/**
 * Warnings on the request journal (what Facebook tolerated silently: facebook/warnings.ts) and the User node data of
 * accounts (email, birthday, gender…: graph/user-node.ts).
 */
export default /* sql */ `
-- A JSON array of {code, message, docs}, or NULL when the call had none (most calls).
ALTER TABLE request_journal ADD COLUMN warnings TEXT;

-- A JSON object of the account's User node fields that its name does not give: email, middleName, birthday, gender.
-- Every key is optional; what is absent is derived from the name or left out, as Facebook does.
ALTER TABLE accounts ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
`
