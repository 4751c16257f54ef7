using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Entities;

/// <summary>
/// Names that read like a Japanese cosmetics catalogue: brand names from French/Japanese-flavoured
/// stems (as domestic brands like to sound), product names from a line name, the category's item
/// word and a shade or texture. Made up, so no real brand is named.
/// </summary>
public static class CosmeticsNames
{
    private static readonly string[] LatinStems =
    [
        "Lumière", "Aube", "Mirai", "Hanae", "Ciel", "Rêve", "Kirei", "Nuance", "Pureté", "Shirotae", "Momoka", "Yuzuha",
        "Tsuyame", "Fleur", "Sora", "Étoile", "Amane", "Kasumi", "Rinka", "Velours", "Neige", "Perle", "Sakurane", "Miyabi",
        "Opale", "Iroha", "Clair", "Douce", "Aoi", "Kotoha", "Lys", "Suzuran", "Mélodie", "Koharu", "Verre", "Hinata",
    ];

    private static readonly string[] LatinSuffixes =
        ["", " Cosmetics", " Beauté", " Skin", " Tokyo", " Lab", " de Paris", " Organics", " Botanical", " Kyoto", " Make Up", " Pro"];

    private static readonly string[] KanaBrands =
    [
        "ルミエール", "ハナエ", "シエル", "キレイノ", "ミライエ", "ツヤメ", "ソラノ", "カスミ", "リンカ", "ミヤビ", "コハル", "ヒナタ",
        "イロハ", "スズラン", "ユズハ", "モモカ", "アマネ", "シロタエ", "ほのか", "さくらね", "はだごこち", "うるおい堂", "花雫", "白椿",
    ];

    private static readonly string[] KanaSuffixes = ["", " コスメティクス", " ビューティ", " スキンケア", " 化粧品", " 研究所", "本舗", " ラボ"];

    private static readonly string[] Lines =
    [
        "モイストリッチ", "ブライトニング", "クリアピュア", "エアリーフィット", "シアーグロウ", "ベルベットマット", "ディープモイスト",
        "ナチュラルヴェール", "プレミアム", "薬用", "UVシールド", "ハイドラ", "エッセンス", "セラミド", "ビタC", "スーパーロングラスト",
        "オーガニック", "プレシャス", "ジェントル", "ラディアント",
    ];

    // Indexed like Vocabulary.Categories.
    private static readonly string[][] Items =
    [
        ["リップティント", "ルージュ", "リップグロス", "リップスティック", "リップバーム"],
        ["リキッドファンデーション", "クッションファンデーション", "パウダーファンデーション"],
        ["化粧水", "ローション", "ミスト化粧水"],
        ["美容液", "セラム", "ブースターセラム"],
        ["アイシャドウパレット", "シングルアイシャドウ", "リキッドアイシャドウ"],
        ["マスカラ", "ロングマスカラ", "カールキープマスカラ"],
        ["日焼け止めジェル", "UVミルク", "トーンアップUV"],
        ["クレンジングオイル", "クレンジングバーム", "ミルククレンジング"],
        ["チーク", "パウダーチーク", "クリームチーク"],
        ["アイライナー", "リキッドアイライナー", "ジェルペンシル"],
        ["化粧下地", "プライマー", "トーンアップベース"],
        ["コンシーラー", "カバーコンシーラー"],
        ["ヘアオイル", "ヘアミルク", "シャンプー"],
        ["オードパルファム", "オードトワレ", "ヘアフレグランス"],
    ];

    private static readonly string[] Shades =
        ["01 ピンクベージュ", "02 コーラル", "03 ローズ", "04 テラコッタ", "05 モーヴ", "10 ライトオークル", "20 ナチュラル", "BR01 ブラウン", "PK02 ピンク"];

    private static readonly string[] Textures = ["しっとり", "さっぱり", "とてもしっとり", "50mL", "30g", "限定セット", "詰め替え"];

    // Makeup categories get a shade, skin and hair care a texture or size.
    private static readonly bool[] HasShade = [true, true, false, false, true, false, false, false, true, true, false, true, false, false];

    public static string Brand(ref Xoshiro256 rng) => rng.Chance(0.35)
        ? KanaBrands[rng.Next(KanaBrands.Length)] + KanaSuffixes[rng.Next(KanaSuffixes.Length)]
        : LatinStems[rng.Next(LatinStems.Length)] + LatinSuffixes[rng.Next(LatinSuffixes.Length)];

    public static string Product(int category, ref Xoshiro256 rng)
    {
        var items = Items[category];
        var name = $"{Lines[rng.Next(Lines.Length)]} {items[rng.Next(items.Length)]}";
        return HasShade[category] ? $"{name} {Shades[rng.Next(Shades.Length)]}" : rng.Chance(0.6) ? $"{name} {Textures[rng.Next(Textures.Length)]}" : name;
    }

    /// <summary>Country for a brand name: kana names are domestic, latin ones mostly too.</summary>
    public static string Country(string brand, ref Xoshiro256 rng) =>
        brand[0] > 0x3000 ? "JP" : rng.NextDouble() switch { < 0.62 => "JP", < 0.80 => "KR", < 0.92 => "FR", _ => "US" };

    public static readonly string[] Shops =
    [
        "コスメストア本店", "ビューティーモール", "ドラッグストア ハナミズキ", "COSME MARKET", "美容雑貨ルミナ", "ハダノワ公式ショップ",
        "プチプラコスメ館", "デパコス・セレクト", "Beauty Box Online", "くすりのミドリ堂", "コスメティクス・パーク", "Kirei Shop",
    ];
}
