public import PharmineCore
import PharmineContext
import PharmineLexicon
import PharmineRelate
import Foundation
import PharmineText

/// The stages of a run and what the report says about the lexicons they use.
public struct StageSet: Sendable {
    /// The stages, in the order they run on each document.
    public var stages: [any Stage]
    /// Lexicon facts for the run report (directory, files, entry counts…).
    public var lexicon: [Infon]

    /// Creates a set.
    ///
    /// - Parameters:
    ///   - stages: The stages.
    ///   - lexicon: Lexicon facts.
    public init(stages: [any Stage], lexicon: [Infon] = []) {
        self.stages = stages
        self.lexicon = lexicon
    }
}

/// Builds the stages a configuration asks for.
///
/// Requirements and products, in run order:
/// - text (PharmineText): passages → tokens, sentences, abbreviations;
/// - matching (PharmineLexicon, built once from the lexicon directory and user files, shared by
///   every thread): tokens → mentions;
/// - context (PharmineContext): mentions → negation, hedging, anaphora;
/// - relate (PharmineRelate): mentions, context → triples.
///
/// `Stages.none` runs nothing, `.mentions` the first three, `.triples` all four.
public enum StageFactory {
    /// Builds the stages for a configuration.
    ///
    /// The stage modules are not wired in yet, so this returns no stages; the run then writes
    /// documents as read and no mentions or triples.
    ///
    /// - Parameter configuration: The run's configuration (already validated).
    /// - Returns: The stages and lexicon facts.
    /// - Throws: ``PipelineError`` with code `lexicon` when a lexicon cannot be loaded.
    public static func makeStages(for configuration: PipelineConfiguration) throws(PipelineError) -> StageSet {
        var facts: [Infon] = []
        guard configuration.stages != .none else { return StageSet(stages: [], lexicon: facts) }
        let directory = configuration.lexiconDirectory ?? "Lexicons"
        facts.append(Infon("directory", directory))
        if !configuration.userLexicons.isEmpty {
            facts.append(Infon("user_files", configuration.userLexicons.joined(separator: ", ")))
        }
        let matcher: Matcher
        let context: ContextStage
        do {
            // Through the compiled cache (Lexicons/.cache): compiling the full lexicons takes seconds.
            matcher = try Matcher.load(directory: directory, additionalFiles: configuration.userLexicons)
            context = try ContextStage(lexiconDirectory: directory)
        } catch {
            throw PipelineError(.lexicon, message: "cannot load the lexicons in \(directory): \(error)")
        }
        for type in EntityType.allCases {
            facts.append(Infon("\(type.rawValue)_concepts", String(matcher.concepts.lazy.filter { $0.type == type }.count)))
        }
        facts.append(Infon("surface_forms", String(matcher.statistics.surfaceForms)))
        facts.append(Infon("lexicon_cache", matcher.isFromCache ? "used" : "compiled"))
        var stages: [any Stage] = [TextStage(), EntityMatcher(matcher: matcher), context]
        if configuration.stages == .triples {
            do {
                // Known indications are looked up by concept id (the curated list carries the MeSH
                // cross-references of its diseases), never through the lexicon's xrefs: a matcher
                // loaded from the compiled cache has no lexicon, and output must not depend on it.
                stages.append(try RelateStage(lexiconsDirectory: URL(fileURLWithPath: directory), lexicon: nil))
            } catch {
                throw PipelineError(.lexicon, message: "cannot load the relation data in \(directory): \(error)")
            }
        }
        return StageSet(stages: stages, lexicon: facts)
    }
}
