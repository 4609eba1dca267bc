public import PharmineCore
import Dispatch
import Foundation
import Synchronization

/// Runs the pipeline's stages over a gold corpus in memory and scores the result.
public struct EvaluationRun: Sendable {
    /// The stages to run on each document.
    public var stages: [any Stage]
    /// Worker threads.
    public var threads: Int

    /// Creates a run.
    ///
    /// - Parameters:
    ///   - stages: The stages (from ``StageFactory``).
    ///   - threads: Worker threads.
    public init(stages: [any Stage], threads: Int) {
        self.stages = stages
        self.threads = max(1, threads)
    }

    /// Processes every document of a corpus, in parallel, keeping the corpus order.
    ///
    /// A document that a stage rejects is scored as it was read (no mentions, no triples) and
    /// its error returned.
    ///
    /// - Parameter corpus: The gold corpus.
    /// - Returns: The processed documents and the errors, in corpus order.
    public func process(_ corpus: GoldCorpus) -> (documents: [Document], errors: [String]) {
        let documents = corpus.documents
        let results = Mutex<[Int: Result<Document, any Error>]>([:])
        let chunk = max(1, documents.count / (threads * 8))
        let chunks = (documents.count + chunk - 1) / chunk
        let stages = self.stages
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            var local: [(Int, Result<Document, any Error>)] = []
            for index in (chunkIndex * chunk)..<min(documents.count, (chunkIndex + 1) * chunk) {
                local.append((index, Result { try stages.reduce(documents[index]) { try $1.process($0) } }))
            }
            results.withLock { stored in
                for (index, result) in local { stored[index] = result }
            }
        }
        return results.withLock { stored in
            var processed: [Document] = []
            var errors: [String] = []
            for index in documents.indices {
                switch stored[index] {
                case .success(let document):
                    processed.append(document)
                case .failure(let error):
                    processed.append(documents[index])
                    errors.append("\(documents[index].id): \(error)")
                case nil:
                    processed.append(documents[index])
                }
            }
            return (processed, errors)
        }
    }

    /// Processes and scores a corpus.
    ///
    /// - Parameter corpus: The gold corpus.
    /// - Returns: The report and the documents that failed.
    public func evaluate(_ corpus: GoldCorpus) -> (report: Evaluator.Report, errors: [String]) {
        let (documents, errors) = process(corpus)
        return (Evaluator().score(corpus, processed: documents), errors)
    }
}

extension Evaluator.Report {
    /// The report as aligned text tables: entities, relations, then the commonest errors.
    ///
    /// - Parameter examples: How many error examples to list per type (0 for none).
    /// - Returns: The text.
    public func formatted(examples: Int) -> String {
        func percent(_ value: Double) -> String { String(format: "%5.1f", value * 100) }
        func row(_ score: Score) -> String {
            "\(percent(score.precision)) \(percent(score.recall)) \(percent(score.f1))"
        }
        var lines: [String] = ["## \(corpus) (\(documents) documents)"]
        if !strict.isEmpty {
            lines.append("entity       strict P     R    F1 | overlap P     R    F1 |  gold  predicted")
            for type in EntityType.allCases {
                guard let strictScore = strict[type], let overlapScore = overlap[type] else { continue }
                let gold = strictScore.truePositives + strictScore.falseNegatives
                let predicted = strictScore.truePositives + strictScore.falsePositives
                lines.append(
                    "\(type.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  \(row(strictScore)) |        \(row(overlapScore)) | \(String(format: "%5d %10d", gold, predicted))"
                )
            }
        }
        if !relations.isEmpty {
            lines.append("relation          P     R    F1 |  gold  pred    TP | typed P     R    F1")
            for predicate in PharmineCore.Predicate.allCases {
                guard let score = relations[predicate] else { continue }
                let gold = score.truePositives + score.falseNegatives
                let predicted = score.truePositives + score.falsePositives
                let typed = typedRelations[predicate].map { "      \(row($0))" } ?? ""
                lines.append(
                    "\(predicate.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  \(row(score)) | \(String(format: "%5d %5d %5d", gold, predicted, score.truePositives)) |\(typed)"
                )
            }
        }
        for predicate in PharmineCore.Predicate.allCases {
            guard let count = unjudgedAnaphorTriples[predicate], count > 0 else { continue }
            lines.append("\(predicate.rawValue) triples not scored (anaphor not named in its sentence): \(count)")
        }
        if adversePairs > 0 {
            lines.append("indications on gold adverse (chemical-induced disease) pairs: \(indicationsOnAdversePairs) of \(adversePairs)")
        }
        guard examples > 0 else { return lines.joined(separator: "\n") }
        if !adverseExamples.isEmpty {
            lines.append("indications on gold adverse pairs (\(adverseExamples.count)):")
            lines.append(contentsOf: adverseExamples.prefix(examples).map { "  \($0)" })
        }
        for type in EntityType.allCases {
            if let missed = missedEntities[type], !missed.isEmpty {
                lines.append("missed \(type.rawValue): " + missed.prefix(examples).map { "\($0.0) (\($0.1))" }.joined(separator: ", "))
            }
            if let wrong = falseEntities[type], !wrong.isEmpty {
                lines.append("false \(type.rawValue): " + wrong.prefix(examples).map { "\($0.0) (\($0.1))" }.joined(separator: ", "))
            }
        }
        for predicate in PharmineCore.Predicate.allCases {
            if let wrong = falseTriples[predicate], !wrong.isEmpty {
                lines.append("false \(predicate.rawValue) (\(wrong.count)):")
                lines.append(contentsOf: wrong.prefix(examples).map { "  \($0)" })
            }
            if let missed = missedRelations[predicate], !missed.isEmpty {
                lines.append("missed \(predicate.rawValue) (\(missed.count)):")
                lines.append(contentsOf: missed.prefix(examples).map { "  \($0)" })
            }
        }
        return lines.joined(separator: "\n")
    }
}
