-- Load log in the spirit of Redshift's stl_load_commits: one row per COPY of a staged manifest.
create table load_commits (
  id             bigserial   primary key,
  delivery       text        not null,
  manifest_key   text        not null,
  rows_staged    bigint      not null,
  rows_inserted  bigint      not null,
  started_at     timestamptz not null,
  committed_at   timestamptz not null default now(),
  unique (delivery, manifest_key)
);

-- Delivery metrics like Firehose's CloudWatch ones, one row per delivery stream per minute.
create table delivery_metrics (
  delivery        text        not null,
  minute          timestamptz not null,
  records_in      bigint      not null default 0,
  records_out     bigint      not null default 0,
  bytes_out       bigint      not null default 0,
  records_failed  bigint      not null default 0,
  data_freshness_seconds double precision,
  primary key (delivery, minute)
);
