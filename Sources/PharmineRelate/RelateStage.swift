public import Foundation
import PharmineContext
public import PharmineCore
public import PharmineLexicon

/// The relation stage: the three extractors, then the known-indication marker.
///
/// Requires `sentences`, `tokens` and `mentions` with their context flags (after the context
/// stage). Produces `triples` in document order: indications, mechanisms and interactions,
/// with `known` set on indications when a marker is given.
public struct RelateStage: Stage {
    /// The indication extractor.
    public var indication: IndicationExtractor
    /// The mechanism extractor.
    public var mechanism: MechanismExtractor
    /// The interaction extractor.
    public var interaction: InteractionExtractor
    /// The known-indication marker, or nil to leave `known` unset.
    public var marker: KnownIndicationMarker?

    /// Creates the stage from its parts.
    ///
    /// - Parameters:
    ///   - indication: The indication extractor.
    ///   - mechanism: The mechanism extractor.
    ///   - interaction: The interaction extractor.
    ///   - marker: The known-indication marker, or nil.
    public init(
        indication: IndicationExtractor = IndicationExtractor(),
        mechanism: MechanismExtractor,
        interaction: InteractionExtractor = InteractionExtractor(),
        marker: KnownIndicationMarker? = nil
    ) {
        self.indication = indication
        self.mechanism = mechanism
        self.interaction = interaction
        self.marker = marker
    }

    /// Creates the stage from a lexicons directory: `reuptake-targets.tsv`,
    /// `known-indications.tsv` and `endogenous.tsv`.
    ///
    /// - Parameters:
    ///   - lexiconsDirectory: The folder (`Lexicons`).
    ///   - lexicon: The lexicon the mentions were matched with, for cross-references of drugs and
    ///     conditions in the known-indication lookup; nil to match by concept id only.
    /// - Throws: ``RelateError`` when a file cannot be read or parsed.
    public init(lexiconsDirectory: URL, lexicon: Lexicon? = nil) throws(RelateError) {
        let known = try KnownIndications(contentsOf: lexiconsDirectory.appending(path: KnownIndications.fileName))
        let endogenousURL = lexiconsDirectory.appending(path: EndogenousSubstances.fileName)
        let endogenous: EndogenousSubstances
        do {
            endogenous = try EndogenousSubstances(contentsOf: endogenousURL.path)
        } catch {
            throw RelateError(.unreadableFile, path: endogenousURL.path, detail: "\(error)")
        }
        let marker =
            lexicon.map { KnownIndicationMarker(known: known, lexicon: $0) } ?? KnownIndicationMarker(known: known)
        self.init(
            indication: IndicationExtractor(endogenous: endogenous),
            mechanism: try MechanismExtractor(lexiconsDirectory: lexiconsDirectory, endogenous: endogenous),
            interaction: InteractionExtractor(endogenous: endogenous),
            marker: marker
        )
    }

    /// Extracts the document's triples.
    ///
    /// When the three extractors exclude the same endogenous substances (always, when built from
    /// a lexicons directory), each sentence is read once and handed to all three; otherwise they
    /// run one after the other. The triples are the same either way.
    ///
    /// - Parameter document: The document after the context stage.
    /// - Returns: The document with triples.
    public func process(_ document: Document) -> Document {
        var document = document
        let endogenous = indication.endogenous
        if endogenous.ids == mechanism.endogenous.ids, endogenous.names == mechanism.endogenous.names,
            endogenous.ids == interaction.endogenous.ids, endogenous.names == interaction.endogenous.names
        {
            var indications = TripleCollector()
            var mechanisms = TripleCollector()
            var interactions = TripleCollector()
            // The mechanism test may scan the sentence's bytes ("uptake"): it is made once, when
            // the sentence is offered, and its answer kept for the body, which follows at once.
            var mechanismAccepts = false
            SentenceWalker.forEachSentence(
                of: document,
                minimumMentions: 1,
                endogenous: endogenous,
                where: { facts in
                    mechanismAccepts = mechanism.accepts(facts)
                    return mechanismAccepts || indication.accepts(facts) || interaction.accepts(facts)
                }
            ) { analysis, facts in
                if indication.accepts(facts) { indication.collect(analysis, into: &indications) }
                if mechanismAccepts { mechanism.collect(analysis, into: &mechanisms) }
                if interaction.accepts(facts) { interaction.collect(analysis, into: &interactions) }
            }
            document.triples.append(contentsOf: indication.finish(indications.triples, in: document))
            document.triples.append(contentsOf: mechanisms.triples)
            document.triples.append(contentsOf: interactions.triples)
            document.triples.sortInDocumentOrder()
        } else {
            document = indication.process(document)
            document = mechanism.process(document)
            document = interaction.process(document)
        }
        if let marker { document = marker.process(document) }
        return document
    }
}
