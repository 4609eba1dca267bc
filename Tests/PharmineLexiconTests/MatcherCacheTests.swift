import Foundation
import PharmineCore
import PharmineLexicon
import Testing

@Suite struct MatcherCacheTests {
    let text = "Amitriptyline Hydrochloride for post-herpetic neuralgia, AIDS, histamine and muscarinic receptors."

    @Test func theCacheIsWrittenReadAndRefreshed() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let compiled = try Matcher.load(directory: directory)
        #expect(!compiled.isFromCache)
        #expect(compiled.lexicon != nil)
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: directory + "/.cache")
        #expect(cacheFiles.count == 1)
        #expect(cacheFiles.allSatisfy { $0.hasPrefix("matcher-") && $0.hasSuffix(".bin") })

        let cached = try Matcher.load(directory: directory)
        #expect(cached.isFromCache)
        #expect(cached.lexicon == nil)
        #expect(cached.concepts == compiled.concepts)
        #expect(cached.matches(in: text) == compiled.matches(in: text))
        #expect(cached.matches(in: text).count == 5)
        #expect(cached.statistics.nodes == compiled.statistics.nodes)
        #expect(cached.statistics.surfaceForms == compiled.statistics.surfaceForms)

        // A changed lexicon file makes the cache stale.
        let drugs = directory + "/drugs.tsv"
        try (LexiconFixture.drugs + "TEST:NEW\tdrug\tNewdrugamine\n").write(toFile: drugs, atomically: true, encoding: .utf8)
        let refreshed = try Matcher.load(directory: directory)
        #expect(!refreshed.isFromCache)
        #expect(refreshed.matches(in: "newdrugamine").count == 1)
        #expect(try Matcher.load(directory: directory).isFromCache)

        // Other options use another cache file.
        let receptorsFirst = try Matcher.load(directory: directory, options: MatcherOptions(typePriority: [.receptor]))
        #expect(!receptorsFirst.isFromCache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/.cache").count == 2)
    }

    @Test func aDamagedCacheIsRecompiled() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let compiled = try Matcher.load(directory: directory)
        let cacheDirectory = directory + "/.cache"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheDirectory).first)
        let path = cacheDirectory + "/" + name
        var bytes = try #require(FileManager.default.contents(atPath: path))
        // Truncate, then flip bytes in the tables.
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(try !Matcher.load(directory: directory).isFromCache)
        bytes = try #require(FileManager.default.contents(atPath: path))
        for index in stride(from: bytes.count / 3, to: bytes.count, by: 97) { bytes[index] ^= 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        let reloaded = try Matcher.load(directory: directory)
        #expect(!reloaded.isFromCache)
        #expect(reloaded.matches(in: text) == compiled.matches(in: text))
    }

    @Test func theCacheCanBeBypassed() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Matcher.load(directory: directory, usesCache: false)
        #expect(!FileManager.default.fileExists(atPath: directory + "/.cache"))
    }
}
