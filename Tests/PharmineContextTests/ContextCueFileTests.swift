import Foundation
import PharmineContext
import PharmineCore
import Testing

@Suite("ContextCueFile")
struct ContextCueFileTests {
    /// The shipped file must be what the builder makes from the sources; RECORD_CUES=1 rewrites
    /// it (and fails, so the change is noticed).
    @Test(
        "Lexicons/context-cues.tsv matches the builder's output",
        .enabled(if: TestPaths.cueSourcesAvailable, "../shared/sources/context-cues is absent")
    )
    func shippedFileMatchesSources() throws {
        let built = ContextCueBuilder.tsv(try ContextCueBuilder.build(sourceDirectory: TestPaths.cueSources))
        let path = TestPaths.lexicons + "/" + ContextCueSet.fileName
        if ProcessInfo.processInfo.environment["RECORD_CUES"] == "1" {
            try built.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(path); unset RECORD_CUES and run again")
            return
        }
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        #expect(shipped == built)
    }

    @Test("the shipped cue list loads and covers every category")
    func shippedListLoads() throws {
        let cues = try ContextCueSet(contentsOf: TestPaths.lexicons + "/" + ContextCueSet.fileName)
        for category in ContextCategory.allCases {
            #expect(cues.cues.contains { $0.category == category }, "no \(category) cue")
        }
        let phrases = Set(cues.cues.map { "\($0.phrase)|\($0.category.rawValue)" })
        for required in [
            "failed to|negated", "was not effective|negated", "no significant|negated", "lack of efficacy|negated",
            "ineffective in|negated", "did not reduce|negated", "no evidence of|negated", "has shown promise|hedged",
            "may|hedged", "preliminary|hedged", "investigational|hedged", "if|hypothetical", "history of|historical",
            "not only|pseudo", "gram negative|pseudo", "no increase|pseudo", "but|terminate", "however|terminate",
            "which|terminate",
        ] {
            #expect(phrases.contains(required), "missing \(required)")
        }
        for dropped in ["prophylaxis|negated", "versus|negated", "indication|hedged", "chronic|historical"] {
            #expect(!phrases.contains(dropped), "should be dropped: \(dropped)")
        }
    }

    @Test("a malformed row is reported with its line")
    func malformedRow() {
        let tsv =
            "# comment\ncue\tcategory\tdirection\tscope\tsource\nno\tnegated\tforward\t8\tx\nnot\tnegative\tforward\t8\tx\n"
        #expect {
            _ = try ContextCueSet(tsv: tsv, file: "cues.tsv")
        } throws: { error in
            guard let error = error as? ContextError else { return false }
            return error.code == .malformedLine && error.line == 4 && error.file == "cues.tsv"
        }
    }
}
