using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.AppData;

/// <summary>Profile and review vocabulary of the app database (Japanese, as the service's users write).</summary>
public static class AppVocabulary
{
    public static readonly string[] SkinTypes = ["普通肌", "乾燥肌", "脂性肌", "混合肌", "敏感肌", "インナードライ"];

    public static readonly string[] NicknameDecorations = ["🌸", "@コスメ垢", "_美容垢", "♡", "（敏感肌）", "@ブルベ夏"];

    public static readonly string[] Prefectures =
        ["東京都", "神奈川県", "大阪府", "愛知県", "埼玉県", "千葉県", "兵庫県", "福岡県", "北海道", "京都府", "宮城県", "広島県", "静岡県", "沖縄県"];

    private static readonly string[][] ReviewOpeners =
    [
        ["正直合いませんでした。", "リピはないかな…", "期待しすぎたかも。"],
        ["うーん、普通です。", "悪くはないけど決め手に欠ける。", "好みが分かれそう。"],
        ["値段相応かなと思います。", "使いやすいです。", "可もなく不可もなく。"],
        ["とても気に入っています！", "リピ確定です。", "友達にもおすすめしました。"],
        ["神コスメ認定です✨", "もう手放せません！", "何本目かわからないくらいリピしてます。"],
    ];

    private static readonly Dictionary<string, string[]> CategoryRemarks = new()
    {
        ["lip"] = ["発色が良くて乾燥しにくい。", "マスクにつきにくいのが嬉しい。", "ブルベでも浮かない色でした。"],
        ["foundation"] = ["カバー力があるのに厚塗り感がない。", "夕方まで崩れにくかったです。", "毛穴が目立ちにくくなりました。"],
        ["lotion"] = ["しっとりするのにベタつかない。", "敏感肌でもしみませんでした。", "大容量でバシャバシャ使えます。"],
        ["serum"] = ["朝のメイクのノリが変わりました。", "香りが控えめで使いやすい。", "続けてみたらハリが出た気がします。"],
        ["sunscreen"] = ["白浮きしないのが最高。", "石けんで落ちるのが楽。", "下地としても使えます。"],
        ["cleansing"] = ["ウォータープルーフもするっと落ちる。", "洗い上がりがつっぱらない。", "W洗顔不要なのが楽です。"],
    };

    private static readonly string[] GeneralRemarks = ["パッケージが可愛い。", "コスパが良いと思います。", "香りが好きです。", "持ち運びしやすいサイズ。", "テクスチャーが軽い。"];

    private static readonly string[] Chatter =
    [
        "今日の購入品です🛍️", "最近のスキンケアルーティンまとめました", "春の新作チェックしてきました！", "メイク練習中です…", "肌荒れ中のケア、何がいいですか？",
    ];

    /// <summary>A review body for a rated post about a product, a short chatter post otherwise.</summary>
    public static string PostBody(int? rating, string? category, ref Xoshiro256 rng)
    {
        if (rating is not { } stars) return Chatter[rng.Next(Chatter.Length)];
        var openers = ReviewOpeners[stars - 1];
        var remarks = category is not null && CategoryRemarks.TryGetValue(category, out var specific) && rng.Chance(0.7) ? specific : GeneralRemarks;
        return $"{openers[rng.Next(openers.Length)]}{remarks[rng.Next(remarks.Length)]}{(rng.Chance(0.4) ? GeneralRemarks[rng.Next(GeneralRemarks.Length)] : "")}";
    }
}
