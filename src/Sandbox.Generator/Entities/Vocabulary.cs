namespace Sandbox.Generator.Entities;

/// <summary>Fixed domain vocabulary: cosmetics categories, search words, devices. Real-looking values, chosen once.</summary>
public static class Vocabulary
{
    public static readonly string[] Categories =
    [
        "lip", "foundation", "lotion", "serum", "eyeshadow", "mascara", "sunscreen", "cleansing",
        "cheek", "eyeliner", "primer", "concealer", "hair_care", "fragrance",
    ];

    public static readonly string[] CategorySearchWords =
    [
        "リップ", "ファンデーション", "化粧水", "美容液", "アイシャドウ", "マスカラ", "日焼け止め", "クレンジング",
        "チーク", "アイライナー", "下地", "コンシーラー", "ヘアオイル", "香水", "プチプラ", "デパコス",
        "ブルベ", "イエベ", "敏感肌", "毛穴", "lip tint", "cushion foundation",
    ];

    public static readonly string[][] DeviceModels =
    [
        ["iPhone14,5", "iPhone14,7", "iPhone15,2", "iPhone15,4", "iPhone16,1", "iPhone16,2", "iPhone17,1", "iPhone17,3", "iPhone12,8"],
        ["SO-51D", "SC-51D", "SH-51D", "Pixel 8", "Pixel 7a", "SM-S911C", "A302SH", "XQ-DQ44", "OPG04"],
        ["Chrome", "Safari", "Edge", "Firefox"],
    ];

    public static readonly string[][] OsVersions =
    [
        ["16.7", "17.5", "17.6", "18.0", "18.1", "18.2"],
        ["12", "13", "14", "15"],
        ["129", "130", "131", "18.1"],
    ];

    public static readonly string[] AgeBands = ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"];
    public static readonly double[] AgeBandWeights = [8, 34, 30, 16, 8, 4];
}
