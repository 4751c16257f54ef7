-- The console's own state: accounts, their API keys, saved queries. Schema console only.
create table console.users (
  id serial primary key,
  name text not null unique check (name ~ '^[a-z][a-z0-9_.-]{1,62}$'),
  role text not null check (role in ('admin', 'analyst')),
  password_hash text not null,
  created_at timestamptz not null default now());

-- Only a SHA-256 of each key is kept; the key itself is shown once, when it is made.
create table console.api_keys (
  id serial primary key,
  user_id integer not null references console.users on delete cascade,
  key_hash bytea not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz);

create table console.saved_queries (
  id serial primary key,
  owner_id integer not null references console.users,
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  sql text not null check (length(sql) > 0),
  parameters jsonb not null default '[]',
  is_private boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now());
create index saved_queries_owner on console.saved_queries (owner_id);
