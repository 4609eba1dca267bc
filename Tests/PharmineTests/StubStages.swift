import Foundation
import Pharmine
import PharmineCore
import PharmineIngest
import Synchronization

/// A small deterministic random generator (SplitMix64).
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A document source that makes documents instead of reading files.
///
/// Each input is a "file" named `file-N`; it yields `documentsPerFile` events. Event kinds can be
/// overridden per (file, index) to test skipped and failed events.
struct StubSource: DocumentSource {
    var documentsPerFile: Int
    var skipped: Set<String> = []
    var failed: Set<String> = []
    var ignored: [Ingest.IgnoredFile] = []
    /// Counts events emitted, to check the bound on documents in flight.
    let emitted = SharedCounter()

    static let words = [
        "aspirin", "prevents", "migraine", "in", "naïve", "patients", "β-blockers", "treat", "hypertension",
        "the", "drug", "blocks", "receptor", "\"quoted\"", "tab\there", "µg",
    ]

    func files(for inputs: [String]) throws(IngestError) -> (files: [String], ignored: [Ingest.IgnoredFile]) {
        for input in inputs where !input.hasPrefix("file-") {
            throw IngestError(.unreadable, file: input, message: "no such file or directory")
        }
        return (inputs, ignored)
    }

    func read(file: String, emit: (IngestEvent) -> Void) {
        let fileNumber = UInt64(file.dropFirst(5)) ?? 0
        for index in 0..<documentsPerFile {
            let id = "PMID:\(fileNumber * 1000 + UInt64(index))"
            emitted.increment()
            if skipped.contains(id) {
                emit(.skipped(SkippedDocument(file: file, documentID: id, line: index + 1, reason: "deleted")))
                continue
            }
            if failed.contains(id) {
                emit(
                    .failed(
                        IngestError(
                            .malformedXML,
                            file: file,
                            line: index + 1,
                            documentID: id,
                            documentIndex: index,
                            message: "bad markup"
                        )
                    )
                )
                continue
            }
            emit(.document(Self.document(id: id, file: file, index: index)))
        }
    }

    static func document(id: String, file: String, index: Int) -> Document {
        var random = SeededRandom(seed: UInt64(truncatingIfNeeded: id.hashValueStable))
        var passages: [Passage] = []
        var offset = 0
        for (number, label) in ["title", "abstract"].enumerated() {
            let sentences = number == 0 ? 1 : Int.random(in: 1...4, using: &random)
            var text = ""
            for sentence in 0..<sentences {
                let count = Int.random(in: 3...9, using: &random)
                let chosen = (0..<count).map { _ in Self.words[Int.random(in: 0..<Self.words.count, using: &random)] }
                text += (sentence > 0 ? " " : "") + chosen.joined(separator: " ") + "."
            }
            passages.append(Passage(label: label, text: text, offset: offset))
            offset += text.unicodeScalars.count + 1
        }
        var document = Document(
            id: id,
            format: .medline,
            origin: Origin(file: file, index: index, line: index + 1),
            passages: passages
        )
        document.metadata.title = passages[0].text
        return document
    }
}

extension String {
    /// A hash that does not change between processes (FNV-1a).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

final class SharedCounter: Sendable {
    let value = Atomic<Int>(0)
    func increment() { value.add(1, ordering: .relaxed) }
    var current: Int { value.load(ordering: .relaxed) }
}

/// Splits passages into sentences at ". " and the final ".": UTF-8 offsets, document-wide index.
struct SentenceStub: Stage {
    func process(_ document: Document) throws -> Document {
        var document = document
        for (index, passage) in document.passages.enumerated() {
            let bytes = Array(passage.text.utf8)
            var start = 0
            for position in bytes.indices where bytes[position] == UInt8(ascii: ".") {
                document.sentences.append(Sentence(passage: index, start: start, end: position + 1, tokens: 0..<0))
                start = position + 2
            }
        }
        return document
    }
}

/// Adds one mention per occurrence of a known word, and one fake mention per passage (its first word).
struct MentionStub: Stage {
    static let concepts: [String: (EntityType, String, String)] = [
        "aspirin": (.drug, "MESH:D001241", "aspirin"),
        "β-blockers": (.drug, "MESH:D000319", "adrenergic beta-antagonists"),
        "migraine": (.condition, "MESH:D008881", "migraine disorders"),
        "hypertension": (.condition, "MESH:D006973", "hypertension"),
        "receptor": (.receptor, "HGNC:5293", "HTR2A"),
    ]

    func process(_ document: Document) throws -> Document {
        var document = document
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let bytes = Array(document.passages[sentence.passage].text.utf8)
            var start = sentence.start
            var position = sentence.start
            while position <= sentence.end {
                let atBoundary =
                    position == sentence.end || bytes[position] == 0x20 || bytes[position] == UInt8(ascii: ".")
                if atBoundary {
                    if position > start {
                        let word = String(decoding: bytes[start..<position], as: UTF8.self)
                        let isFirstOfPassage = start == 0
                        if let concept = Self.concepts[word] {
                            var mention = Mention(
                                type: concept.0,
                                id: concept.1,
                                name: concept.2,
                                passage: sentence.passage,
                                sentence: sentenceIndex,
                                start: start,
                                end: position
                            )
                            mention.negated = word == "hypertension" && bytes[sentence.start] == UInt8(ascii: "t")
                            document.mentions.append(mention)
                        } else if isFirstOfPassage {
                            document.mentions.append(
                                Mention(
                                    type: .condition,
                                    id: "FAKE:\(word.count)",
                                    name: "first word",
                                    passage: sentence.passage,
                                    sentence: sentenceIndex,
                                    start: start,
                                    end: position
                                )
                            )
                        }
                    }
                    start = position + 1
                }
                position += 1
            }
        }
        return document
    }
}

/// Relates every drug to every other mention of its sentence.
struct TripleStub: Stage {
    func process(_ document: Document) throws -> Document {
        var document = document
        for drug in document.mentions where drug.type == .drug {
            for other in document.mentions where other.sentence == drug.sentence && other != drug {
                let predicate: PharmineCore.Predicate =
                    other.type == .drug ? .interaction : other.type == .condition ? .indication : .mechanism
                var triple = Triple(
                    subject: drug,
                    predicate: predicate,
                    qualifier: predicate == .mechanism
                        ? "antagonist" : predicate == .indication && other.start % 2 == 0 ? "prophylaxis" : nil,
                    object: other,
                    sentence: drug.sentence,
                    negated: other.negated,
                    hedged: other.start % 3 == 0,
                    confidence: Double(other.end % 10) / 9.0,
                    rule: "stub.\(predicate.rawValue)"
                )
                triple.known = other.start % 5 == 0 ? true : nil
                document.triples.append(triple)
            }
        }
        return document
    }
}

/// Sleeps a short, seeded-random time, so documents finish out of order.
struct JitterStage: Stage {
    func process(_ document: Document) throws -> Document {
        var random = SeededRandom(seed: document.id.hashValueStable)
        usleep(UInt32.random(in: 0...1500, using: &random))
        return document
    }
}

/// Throws for the documents it names.
struct FailingStage: Stage {
    struct Boom: Error, CustomStringConvertible {
        var id: String
        var description: String { "boom on \(id)" }
    }

    var ids: Set<String>

    func process(_ document: Document) throws -> Document {
        if ids.contains(document.id) { throw Boom(id: document.id) }
        return document
    }
}

/// Records how far reading runs ahead of processing.
final class GapProbe: Stage, Sendable {
    let source: StubSource
    let entered = Atomic<Int>(0)
    let maximumGap = Atomic<Int>(0)

    init(source: StubSource) { self.source = source }

    func process(_ document: Document) throws -> Document {
        let count = entered.add(1, ordering: .relaxed).newValue
        let gap = source.emitted.current - count
        var current = maximumGap.load(ordering: .relaxed)
        while gap > current {
            let (exchanged, original) = maximumGap.compareExchange(expected: current, desired: gap, ordering: .relaxed)
            if exchanged { break }
            current = original
        }
        return document
    }
}
