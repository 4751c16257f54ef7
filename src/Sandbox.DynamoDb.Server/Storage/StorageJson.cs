using System.Text.Json.Serialization;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>table.json: the schema, enums by name.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(TableSchema))]
internal sealed partial class StorageJson : JsonSerializerContext;
