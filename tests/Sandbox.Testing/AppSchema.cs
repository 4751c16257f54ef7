namespace Sandbox.Testing;

/// <summary>
/// The app database's tables as src/Sandbox.AppDatabase names them (MySQL DDL), for tests and benches that
/// fill an app database of their own. Every table has created_at/updated_at DATETIME(3) and an
/// index on (updated_at, primary key) for incremental sync.
/// </summary>
public static class AppSchema
{
    public static readonly IReadOnlyList<string> Tables = ["users", "brands", "products", "shops", "product_links", "posts", "likes", "follows"];

    public const string CreateTables =
        """
        create table users (
          user_id varchar(32) primary key, nickname varchar(64) not null, gender varchar(16), birth_year smallint,
          prefecture varchar(16), skin_type varchar(16),
          created_at datetime(3) not null, updated_at datetime(3) not null, key users_updated (updated_at, user_id));
        create table brands (
          brand_id varchar(32) primary key, name varchar(128) not null, country varchar(32),
          created_at datetime(3) not null, updated_at datetime(3) not null, key brands_updated (updated_at, brand_id));
        create table products (
          product_id varchar(32) primary key, brand_id varchar(32) not null, name varchar(200) not null, category varchar(64),
          price_jpy int, created_at datetime(3) not null, updated_at datetime(3) not null,
          key products_updated (updated_at, product_id), foreign key (brand_id) references brands (brand_id));
        create table shops (
          shop_id varchar(32) primary key, name varchar(128) not null, url varchar(255),
          created_at datetime(3) not null, updated_at datetime(3) not null, key shops_updated (updated_at, shop_id));
        create table product_links (
          product_id varchar(32) not null, shop_id varchar(32) not null, url varchar(255) not null,
          created_at datetime(3) not null, updated_at datetime(3) not null, primary key (product_id, shop_id),
          key product_links_updated (updated_at, product_id, shop_id),
          foreign key (product_id) references products (product_id), foreign key (shop_id) references shops (shop_id));
        create table posts (
          post_id varchar(32) primary key, user_id varchar(32) not null, product_id varchar(32), rating tinyint, body text not null,
          created_at datetime(3) not null, updated_at datetime(3) not null, deleted_at datetime(3),
          key posts_updated (updated_at, post_id),
          foreign key (user_id) references users (user_id), foreign key (product_id) references products (product_id));
        create table likes (
          user_id varchar(32) not null, post_id varchar(32) not null, created_at datetime(3) not null, updated_at datetime(3) not null,
          primary key (user_id, post_id), key likes_updated (updated_at, user_id, post_id),
          foreign key (user_id) references users (user_id), foreign key (post_id) references posts (post_id));
        create table follows (
          follower_id varchar(32) not null, followee_id varchar(32) not null, created_at datetime(3) not null, updated_at datetime(3) not null,
          primary key (follower_id, followee_id), key follows_updated (updated_at, follower_id, followee_id),
          foreign key (follower_id) references users (user_id), foreign key (followee_id) references users (user_id));
        """;

    /// <summary>Only the users table's DDL (benches that need one big table).</summary>
    public static string CreateUsers => CreateTables[..(CreateTables.IndexOf(");", StringComparison.Ordinal) + 2)];

    /// <summary><paramref name="users"/> users (see <see cref="Fill"/>).</summary>
    public static string FillUsers(int users) =>
        $"""
         insert into users select concat('u', lpad(seq, 9, '0')), concat('ユーザー', seq), elt(1 + seq % 3, 'female', 'male', 'other'),
           1960 + seq % 45, elt(1 + seq % 4, '東京都', '大阪府', '北海道', '福岡県'), elt(1 + seq % 3, 'dry', 'oily', 'combination'),
           timestamp'2026-11-01 00:00:00' + interval seq second, timestamp'2026-11-01 00:00:00' + interval seq second
           from seq_1_to_{users};
         """;

    /// <summary>
    /// Fills every table with <paramref name="users"/> users and proportional rows, from MariaDB's
    /// sequence engine (seq_1_to_N) so a million rows take seconds; deterministic for a size.
    /// </summary>
    public static string Fill(int users)
    {
        var brands = Math.Max(users / 100, 5);
        var products = Math.Max(users / 10, 20);
        var posts = users;
        return $"""
            {FillUsers(users)}
            insert into brands select concat('b', lpad(seq, 6, '0')), concat('ブランド', seq), elt(1 + seq % 3, 'JP', 'KR', 'FR'),
              timestamp'2026-10-01 00:00:00' + interval seq second, timestamp'2026-10-01 00:00:00' + interval seq second
              from seq_1_to_{brands};
            insert into products select concat('pr', lpad(seq, 7, '0')), concat('b', lpad(1 + seq % {brands}, 6, '0')),
              concat('化粧水 ', seq), elt(1 + seq % 3, 'skincare', 'makeup', 'haircare'), 500 + seq % 5000,
              timestamp'2026-10-15 00:00:00' + interval seq second, timestamp'2026-10-15 00:00:00' + interval seq second
              from seq_1_to_{products};
            insert into shops select concat('s', lpad(seq, 4, '0')), concat('ショップ', seq), concat('https://shop', seq, '.example'),
              timestamp'2026-10-01 00:00:00', timestamp'2026-10-01 00:00:00' from seq_1_to_20;
            insert into product_links select p.product_id, concat('s', lpad(1 + seq % 20, 4, '0')), concat('https://shop.example/', p.product_id),
              p.created_at, p.updated_at from products p join seq_1_to_2 on true;
            insert into posts select concat('po', lpad(seq, 9, '0')), concat('u', lpad(1 + seq % {users}, 9, '0')),
              if(seq % 7 = 0, null, concat('pr', lpad(1 + seq % {products}, 7, '0'))), if(seq % 7 = 0, null, 1 + seq % 5),
              concat('とても良い。保湿力が高い。', seq), timestamp'2026-11-02 00:00:00' + interval seq second,
              timestamp'2026-11-02 00:00:00' + interval seq second, null from seq_1_to_{posts};
            insert into likes select concat('u', lpad(1 + (seq * 7) % {users}, 9, '0')), concat('po', lpad(seq, 9, '0')),
              timestamp'2026-11-03 00:00:00' + interval seq second, timestamp'2026-11-03 00:00:00' + interval seq second
              from seq_1_to_{posts};
            insert into follows select concat('u', lpad(seq, 9, '0')), concat('u', lpad(1 + seq % {users}, 9, '0')),
              timestamp'2026-11-04 00:00:00' + interval seq second, timestamp'2026-11-04 00:00:00' + interval seq second
              from seq_1_to_{users} where seq % {users} + 1 <> seq;
            """;
    }
}
