using Sandbox.Generator.Entities;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Output;

/// <summary>Every string the writer may emit, escaped and UTF-8 encoded once per run.</summary>
public sealed class EncodedPools(SimulationModel model)
{
    public byte[][] EventNames { get; } = JsonText.Encode(EventKinds.Names);
    public byte[][] AppVersions { get; } = JsonText.Encode(model.Releases.Versions);
    public byte[][][] DeviceModels { get; } = Vocabulary.DeviceModels.Select(JsonText.Encode).ToArray();
    public byte[][][] OsVersions { get; } = Vocabulary.OsVersions.Select(JsonText.Encode).ToArray();
    public byte[][] Platforms { get; } = JsonText.Encode(PropertyValues.Platform);
    public byte[][] Locales { get; } = JsonText.Encode(PropertyValues.Locale);
    public byte[][] BrandNames { get; } = JsonText.Encode(model.Pools.Catalog.BrandNames);
    public byte[][] ShopNames { get; } = JsonText.Encode(model.Pools.Catalog.ShopNames);
    public byte[][] ShopUrls { get; } = JsonText.Encode(model.Pools.Catalog.ShopUrls.Select(u => u + "/items/"));
    public byte[][] Categories { get; } = JsonText.Encode(Vocabulary.Categories);
    public byte[][] Queries { get; } = JsonText.Encode(model.Pools.SearchQueries);
    public byte[][] InstallSource { get; } = JsonText.Encode(PropertyValues.InstallSource);
    public byte[][] OpenSource { get; } = JsonText.Encode(PropertyValues.OpenSource);
    public byte[][] AccountMethod { get; } = JsonText.Encode(PropertyValues.AccountMethod);
    public byte[][] ScreenName { get; } = JsonText.Encode(PropertyValues.ScreenName);
    public byte[][] SearchType { get; } = JsonText.Encode(PropertyValues.SearchType);
    public byte[][] PostSource { get; } = JsonText.Encode(PropertyValues.PostSource);
    public byte[][] FollowSource { get; } = JsonText.Encode(PropertyValues.FollowSource);
    public byte[][] ProductSource { get; } = JsonText.Encode(PropertyValues.ProductSource);
    public byte[][] ClickSource { get; } = JsonText.Encode(PropertyValues.ClickSource);
    public byte[][] ContentType { get; } = JsonText.Encode(PropertyValues.ContentType);
    public byte[][] ShareChannel { get; } = JsonText.Encode(PropertyValues.ShareChannel);
    public byte[][] PushType { get; } = JsonText.Encode(PropertyValues.PushType);
}
