import Foundation
import PharmineContext
import PharmineCore
import PharmineRelate
import PharmineText
import Testing

/// Where the lock test reads from.
enum LockInputs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = root.deletingLastPathComponent().deletingLastPathComponent()
    static let corpora = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    static let lexicons = packageRoot.appendingPathComponent("Lexicons")

    /// The files read and how many documents of each.
    static let samples: [(path: String, documents: Int)] = [
        ("biored/Train.PubTator", 400),
        ("bc5cdr/CDR_DevelopmentSet.PubTator.txt", 500),
    ]

    static var available: Bool {
        samples.allSatisfy { FileManager.default.fileExists(atPath: corpora.appendingPathComponent($0.path).path) }
            && FileManager.default.fileExists(atPath: lexicons.appendingPathComponent("context-cues.tsv").path)
    }
}

/// Locks the triples of the context and relation stages on real abstracts, read in place from
/// `../shared/corpora` (PubTator files), so that work on their speed cannot change what they find.
///
/// The mentions are the files' gold annotations (chemicals as drugs, diseases as conditions, genes
/// as targets), so no lexicon is matched and the test stays fast; the text, context and relate
/// stages are the shipped ones with the shipped lists. The golden file `Golden/relate-lock.tsv`
/// holds no corpus text: one line per triple with the document id, sentence, predicate,
/// qualifier, argument ids and offsets, flags, confidence and rule. When the rules change on
/// purpose, rerun with `RECORD_GOLDEN=1` and check the diff.
@Suite("RelateStage output lock", .enabled(if: LockInputs.available, "../shared/corpora or the shipped lists are not there"))
struct RelateStageLockTests {
    static let golden = LockInputs.root.appendingPathComponent("Golden/relate-lock.tsv")

    /// A PubTator document: title and abstract passages, and its gold annotations as mentions
    /// (character offsets over "title abstract", turned into UTF-8 offsets per passage).
    static func documents(in path: String, limit: Int) throws -> [Document] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var documents: [Document] = []
        var title = ""
        var abstract = ""
        var annotations: [(start: Int, end: Int, type: String, id: String)] = []
        var pmid = ""
        func flush() {
            guard !pmid.isEmpty else { return }
            var document = Document(id: "PMID:\(pmid)", format: .pubtator, origin: Origin(file: path, index: documents.count))
            document.passages = [Passage(label: "title", text: title), Passage(label: "abstract", text: abstract)]
            document = TextStage().process(document)
            let titleLength = title.unicodeScalars.count
            let maps = document.passages.map { ScalarOffsetMap($0.text) }
            var mentions: [Mention] = []
            for annotation in annotations {
                let type: EntityType
                if annotation.type.contains("Chemical") {
                    type = .drug
                } else if annotation.type.contains("Disease") {
                    type = .condition
                } else if annotation.type.contains("Gene") {
                    type = .receptor
                } else {
                    continue
                }
                let passage = annotation.start > titleLength ? 1 : 0
                let offset = passage == 1 ? titleLength + 1 : 0
                let start = maps[passage].byteOffset(ofScalar: annotation.start - offset)
                let end = maps[passage].byteOffset(ofScalar: annotation.end - offset)
                guard start < end,
                    let sentence = document.sentences.firstIndex(where: {
                        $0.passage == passage && $0.start <= start && start < $0.end
                    })
                else { continue }
                let bytes = Array(document.passages[passage].text.utf8)[start..<end]
                mentions.append(
                    Mention(
                        type: type,
                        id: annotation.id,
                        name: String(decoding: bytes, as: UTF8.self).lowercased(),
                        passage: passage,
                        sentence: sentence,
                        start: start,
                        end: end
                    )
                )
            }
            mentions.sort {
                ($0.passage, $0.start, $0.end, $0.type.rawValue, $0.id) < (
                    $1.passage, $1.start, $1.end, $1.type.rawValue, $1.id
                )
            }
            document.mentions = mentions
            documents.append(document)
            pmid = ""
            title = ""
            abstract = ""
            annotations = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                flush()
                if documents.count >= limit { break }
                continue
            }
            let bar = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            if bar.count == 3, bar[1] == "t" || bar[1] == "a" {
                pmid = String(bar[0])
                if bar[1] == "t" { title = String(bar[2]) } else { abstract = String(bar[2]) }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 6, let start = Int(fields[1]), let end = Int(fields[2]) else { continue }
            annotations.append((start, end, String(fields[4]), String(fields[5])))
        }
        if documents.count < limit { flush() }
        return documents
    }

    /// One line per triple, without any text of the corpus.
    static func lockLine(_ document: Document, _ triple: Triple) -> String {
        [
            document.id, "s\(triple.sentence)", triple.predicate.rawValue, triple.qualifier ?? "-",
            "\(triple.subject.id)@\(triple.subject.passage):\(triple.subject.start)-\(triple.subject.end)",
            "\(triple.object.id)@\(triple.object.passage):\(triple.object.start)-\(triple.object.end)",
            triple.negated ? "negated" : "-", triple.hedged ? "hedged" : "-", String(triple.confidence), triple.rule,
            triple.known.map { $0 ? "known" : "unknown" } ?? "-",
        ].joined(separator: "\t")
    }

    @Test("the triples of real abstracts are exactly as recorded")
    func locked() throws {
        let context = try ContextStage(lexiconDirectory: LockInputs.lexicons.path)
        let relate = try RelateStage(lexiconsDirectory: LockInputs.lexicons)
        var lines: [String] = []
        var counts: [PharmineCore.Predicate: Int] = [:]
        for sample in LockInputs.samples {
            let path = LockInputs.corpora.appendingPathComponent(sample.path).path
            for document in try Self.documents(in: path, limit: sample.documents) {
                let result = relate.process(context.process(document))
                for triple in result.triples {
                    lines.append(Self.lockLine(result, triple))
                    counts[triple.predicate, default: 0] += 1
                }
            }
        }
        let actual = lines.joined(separator: "\n") + "\n"
        // A lock recorded from a broken run would hold little worth locking.
        #expect(counts[.indication, default: 0] > 100)
        #expect(counts[.interaction, default: 0] > 20)
        #expect(counts[.mechanism, default: 0] > 5)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: Self.golden, options: .atomic)
            Issue.record("Recorded \(Self.golden.lastPathComponent); unset RECORD_GOLDEN and run again.")
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        if actual != expected {
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(want, got)).firstIndex { $0.0 != $0.1 } ?? min(want.count, got.count)
            Issue.record(
                """
                the relate stage's triples changed at line \(first + 1) (\(got.count) lines, \(want.count) recorded):
                  expected: \(first < want.count ? String(want[first]) : "<end>")
                  actual:   \(first < got.count ? String(got[first]) : "<end>")
                Run with RECORD_GOLDEN=1 to accept the change.
                """
            )
        }
    }
}
