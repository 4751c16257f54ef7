using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>
/// One parsed .feature file: its Gherkin document and pickles (the Cucumber compilation of
/// Background + Scenario + Examples row into flat cases), and the cases built from them.
/// </summary>
public sealed class FeatureDocument
{
    private FeatureDocument(string fullPath, string relativePath, string source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        Source = source;
        Document = document;
        Pickles = pickles;
        var feature = document.Feature ?? throw new FeatureParseException($"{relativePath}: the file has no Feature.", new InvalidDataException());
        // Reqnroll matches the feature of a running test runner by reference: one instance per file.
        FeatureInfo = new FeatureInfo(CultureInfo.GetCultureInfo(feature.Language), Path.GetDirectoryName(relativePath) ?? "",
            feature.Name, feature.Description, feature.Tags.Select(t => t.Name.TrimStart('@')).ToArray());
        Cases = new CaseBuilder(this).Build();
    }

    public string FullPath { get; }

    /// <summary>Path relative to the features folder, with '/' separators; used in names and reports.</summary>
    public string RelativePath { get; }

    public string Title => Document.Feature.Name;
    public FeatureInfo FeatureInfo { get; }
    public IReadOnlyList<ScenarioCase> Cases { get; }

    internal string Source { get; }
    internal GherkinDocument Document { get; }
    internal IReadOnlyList<Pickle> Pickles { get; }

    public static FeatureDocument Load(string fullPath, string relativePath)
    {
        var source = File.ReadAllText(fullPath);
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(source));
        }
        catch (CompositeParserException e)
        {
            var first = e.Errors.First();
            throw new FeatureParseException($"{relativePath}:{first.Location?.Line}: {first.Message}", e);
        }
        catch (ParserException e)
        {
            throw new FeatureParseException($"{relativePath}:{e.Location?.Line}: {e.Message}", e);
        }

        var ids = new IncrementingIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        return new FeatureDocument(fullPath, relativePath, source, document, pickles);
    }
}
