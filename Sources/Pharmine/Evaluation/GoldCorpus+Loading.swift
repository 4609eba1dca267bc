import PharmineCore
import PharmineIngest
import Foundation

extension GoldCorpus {
    /// Loads a gold corpus from a file or folder, telling its kind from what is there.
    ///
    /// - A PubTator or BioC file (`.PubTator`, `.PubTator.txt`, BioC `.xml[.gz]`): BC5CDR, BioRED.
    /// - A folder of DDI 2013 XML files (or a folder above `DrugBank/` and `MedLine/`).
    /// - A DrugProt folder holding `*_abstracs.tsv`, `*_entities.tsv`, `*_relations.tsv` (development set).
    /// - The SemRep gold-standard file (`gs_500_reconciled*.txt`).
    ///
    /// - Parameters:
    ///   - path: The file or folder.
    ///   - kind: The kind, or nil to detect it.
    /// - Returns: The corpus.
    /// - Throws: ``EvaluationError`` when the kind cannot be told or a file cannot be read.
    public static func load(path: String, kind: GoldCorpusKind? = nil) throws -> GoldCorpus {
        let name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvaluationError(file: path, message: "no such file or folder")
        }
        let detected = try kind ?? detectKind(path: path, isDirectory: isDirectory.boolValue)
        switch detected {
        case .pubtator:
            var documents: [Document] = []
            var failures: [String] = []
            Ingest().read(file: path) { event in
                switch event {
                case .document(let document): documents.append(document)
                case .failed(let error): failures.append(error.description)
                case .skipped: break
                }
            }
            if let first = failures.first {
                throw EvaluationError(file: path, message: "\(failures.count) documents could not be read; first: \(first)")
            }
            return fromPubTator(name: name, documents: documents)
        case .ddi:
            return try ddi(name: name, directory: path)
        case .drugprot:
            let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            func find(_ suffix: String) throws -> String {
                guard let file = files.first(where: { $0.contains("development") && $0.hasSuffix(suffix) })
                    ?? files.first(where: { $0.hasSuffix(suffix) && !$0.contains("training") })
                else { throw EvaluationError(file: path, message: "no *\(suffix) file with text") }
                return (path as NSString).appendingPathComponent(file)
            }
            return try drugProt(
                name: name,
                abstracts: try find("_abstracs.tsv"),
                entities: try find("_entities.tsv"),
                relations: try find("_relations.tsv")
            )
        case .semrep:
            if isDirectory.boolValue {
                let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                guard let file = files.first(where: { $0.hasPrefix("gs_500") }) else {
                    throw EvaluationError(file: path, message: "no gs_500_reconciled file")
                }
                return try semRep(name: name, file: (path as NSString).appendingPathComponent(file))
            }
            return try semRep(name: name, file: path)
        }
    }

    private static func detectKind(path: String, isDirectory: Bool) throws -> GoldCorpusKind {
        let name = (path as NSString).lastPathComponent.lowercased()
        if !isDirectory {
            if name.hasPrefix("gs_500") { return .semrep }
            return .pubtator
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.contains(where: { $0.hasSuffix("_abstracs.tsv") }) { return .drugprot }
        if entries.contains(where: { $0.hasPrefix("gs_500") }) { return .semrep }
        if entries.contains("DrugBank") || entries.contains("MedLine") || entries.contains("Train") {
            return .ddi
        }
        if let xml = entries.sorted().first(where: { $0.hasSuffix(".xml") }),
            let handle = FileHandle(forReadingAtPath: (path as NSString).appendingPathComponent(xml)),
            let head = try? handle.read(upToCount: 512),
            String(decoding: head, as: UTF8.self).contains("<document id=\"DDI-")
        {
            return .ddi
        }
        throw EvaluationError(file: path, message: "cannot tell which corpus this is; name it with --corpus")
    }

    /// The development sets of `../shared/corpora` that the standard evaluation runs, relative to
    /// that folder, with the names used in reports.
    public static let standardDevelopmentSets: [(name: String, path: String, kind: GoldCorpusKind)] = [
        ("BC5CDR dev", "bc5cdr/CDR_DevelopmentSet.PubTator.txt", .pubtator),
        ("BioRED dev", "biored/Dev.PubTator", .pubtator),
        ("BioRED train", "biored/Train.PubTator", .pubtator),
        ("DDI 2013 train", "ddi2013/Train", .ddi),
        ("DrugProt dev (even)", "drugprot", .drugprot),
        ("SemRep GS (even)", "semrep_gs", .semrep),
    ]
}
