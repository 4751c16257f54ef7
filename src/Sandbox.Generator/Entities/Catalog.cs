namespace Sandbox.Generator.Entities;

/// <summary>Brands, shops and products. Strings are kept pre-encoded as JSON string bodies for the writer.</summary>
public sealed class Catalog(int brands, int products, int shops)
{
    public string[] BrandNames { get; } = new string[brands];
    /// <summary>ISO country of each brand (JP, KR, FR, US).</summary>
    public string[] BrandCountry { get; } = new string[brands];
    public string[] ShopNames { get; } = new string[shops];
    /// <summary>Shop base URL; a product link is base + "/items/" + product id.</summary>
    public string[] ShopUrls { get; } = new string[shops];
    public string[] ProductNames { get; } = new string[products];
    public int[] ProductBrand { get; } = new int[products];
    public byte[] ProductCategory { get; } = new byte[products];
    public int[] ProductPrice { get; } = new int[products];
    public int[] ProductShop { get; } = new int[products];

    public int BrandCount => BrandNames.Length;
    public int ProductCount => ProductNames.Length;
}

/// <summary>Posts (a user's post about a product) and the reviews that existed before the range.</summary>
public sealed class ContentPool(int posts, int existingReviews)
{
    public int[] PostAuthor { get; } = new int[posts];
    public int[] PostProduct { get; } = new int[posts];
    public int PostCount => PostAuthor.Length;
    public int ExistingReviewCount { get; } = existingReviews;
}
