-- The service's own tables ("RDS for MySQL"). Ids are the strings the events carry.
-- Every table: created_at/updated_at DATETIME(3) and an (updated_at, pk) index for incremental sync.
create table users (
  user_id     varchar(16)  not null primary key,
  nickname    varchar(64)  not null,
  gender      varchar(16)  not null,
  birth_year  smallint     null,
  prefecture  varchar(32)  null,
  skin_type   varchar(16)  null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  key users_updated (updated_at, user_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table brands (
  brand_id    varchar(16)  not null primary key,
  name        varchar(128) not null,
  country     char(2)      not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  key brands_updated (updated_at, brand_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table products (
  product_id  varchar(16)  not null primary key,
  brand_id    varchar(16)  not null,
  name        varchar(255) not null,
  category    varchar(32)  not null,
  price_jpy   int          not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  key products_updated (updated_at, product_id),
  constraint products_brand foreign key (brand_id) references brands (brand_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table shops (
  shop_id     varchar(16)  not null primary key,
  name        varchar(128) not null,
  url         varchar(255) not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  key shops_updated (updated_at, shop_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table product_links (
  product_id  varchar(16)  not null,
  shop_id     varchar(16)  not null,
  url         varchar(255) not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  primary key (product_id, shop_id),
  key product_links_updated (updated_at, product_id, shop_id),
  constraint product_links_product foreign key (product_id) references products (product_id),
  constraint product_links_shop foreign key (shop_id) references shops (shop_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table posts (
  post_id     varchar(16)  not null primary key,
  user_id     varchar(16)  not null,
  product_id  varchar(16)  null,
  rating      tinyint      null,
  body        text         not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  deleted_at  datetime(3)  null,
  key posts_updated (updated_at, post_id),
  constraint posts_user foreign key (user_id) references users (user_id),
  constraint posts_product foreign key (product_id) references products (product_id),
  constraint posts_rating check (rating is null or rating between 1 and 5)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table likes (
  user_id     varchar(16)  not null,
  post_id     varchar(16)  not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  primary key (user_id, post_id),
  key likes_updated (updated_at, user_id, post_id),
  key likes_post (post_id),
  constraint likes_user foreign key (user_id) references users (user_id),
  constraint likes_post foreign key (post_id) references posts (post_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table follows (
  follower_id varchar(16)  not null,
  followee_id varchar(16)  not null,
  created_at  datetime(3)  not null,
  updated_at  datetime(3)  not null,
  primary key (follower_id, followee_id),
  key follows_updated (updated_at, follower_id, followee_id),
  key follows_followee (followee_id),
  constraint follows_follower foreign key (follower_id) references users (user_id),
  constraint follows_followee foreign key (followee_id) references users (user_id),
  constraint follows_not_self check (follower_id <> followee_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
