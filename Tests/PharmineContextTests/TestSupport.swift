import Foundation
import PharmineContext
import PharmineCore

/// Paths of the package and of the shared folder next to it.
enum TestPaths {
    /// The folder holding Package.swift.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url = url.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    static let lexicons = packageRoot + "/Lexicons"
    static let cueSources = packageRoot + "/../shared/sources/context-cues"
    static let seed = packageRoot + "/../shared/seed/amitriptyline-uses.txt"

    static var cueSourcesAvailable: Bool {
        FileManager.default.fileExists(atPath: cueSources + "/medspacy_context_rules_en.json")
    }

    static var seedAvailable: Bool {
        FileManager.default.fileExists(atPath: seed)
    }
}

/// The shipped cue list and stage, loaded once.
enum Shipped {
    static let cues: ContextCueSet? = try? ContextCueSet(contentsOf: TestPaths.lexicons + "/" + ContextCueSet.fileName)
    static let endogenous: EndogenousSubstances? = try? EndogenousSubstances(
        contentsOf: TestPaths.lexicons + "/" + EndogenousSubstances.fileName
    )
}
