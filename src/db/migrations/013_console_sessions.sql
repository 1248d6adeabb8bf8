-- kezek schema, version 13: the staff console's sign-in sessions.

-- A session begins when a person signs in to /console with an API key. The browser holds a
-- random token in an HttpOnly cookie; only its sha256 is stored here, so this table cannot
-- be used to sign in. Every console request reads its row joined to the key: a revoked key
-- ends its sessions at once, on every server process sharing the database. `csrf` is the
-- session's synchronizer token, sent back in every form and compared on every POST.
create table console_sessions (
  token_hash  text primary key,
  key_name    text not null references api_keys (name),
  csrf        text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index console_sessions_by_expiry on console_sessions (expires_at);
