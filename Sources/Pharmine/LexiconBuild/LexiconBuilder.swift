import PharmineLexicon
import PharmineCore
import Foundation

/// Where the lexicon build reads and writes.
package struct LexiconBuildOptions: Sendable, Hashable {
    /// The folder of raw vocabularies (`../shared/sources`), one sub-folder per source.
    package var sourcesDirectory: String
    /// Where the lexicons are written (`Lexicons`).
    package var outputDirectory: String
    /// The hand-curated inputs; nil means `<outputDirectory>/curated`.
    package var curatedDirectory: String?
    /// Whether to merge HPO phenotypes into the conditions. Off by default: the HPO licence
    /// forbids altering HPO content, so such a build must not be redistributed.
    package var includeHPO: Bool

    /// Creates options.
    ///
    /// - Parameters:
    ///   - sourcesDirectory: The folder of raw vocabularies.
    ///   - outputDirectory: Where the lexicons are written.
    ///   - curatedDirectory: The hand-curated inputs, or nil for `<outputDirectory>/curated`.
    ///   - includeHPO: Whether to merge HPO phenotypes (local builds only).
    package init(
        sourcesDirectory: String,
        outputDirectory: String,
        curatedDirectory: String? = nil,
        includeHPO: Bool = false
    ) {
        self.sourcesDirectory = sourcesDirectory
        self.outputDirectory = outputDirectory
        self.curatedDirectory = curatedDirectory
        self.includeHPO = includeHPO
    }

    /// The curated folder in use.
    package var resolvedCuratedDirectory: String {
        curatedDirectory ?? (outputDirectory as NSString).appendingPathComponent("curated")
    }
}

/// What a build wrote.
package struct LexiconBuildReport: Sendable {
    /// One written file.
    package struct FileSummary: Sendable, Hashable {
        /// The file name (`drugs.tsv`).
        package var name: String
        /// Rows (concepts, rules or words).
        package var rows: Int
        /// Synonyms, for lexicon files.
        package var synonyms: Int
        /// Size in bytes.
        package var bytes: Int
    }

    /// The files written, in a fixed order.
    package var files: [FileSummary] = []
    /// Counts of what each step did (`drugs.meshDescriptorsLinked = 4123`), in a fixed order.
    package var statistics: [(name: String, value: Int)] = []
    /// Wall-clock time of each step, in milliseconds (not written to any file: it varies).
    package var timings: [(step: String, milliseconds: Int)] = []
}

/// Builds Pharmine's lexicons from the raw vocabularies: `drugs.tsv`, `conditions.tsv`,
/// `receptors.tsv` (format `pharmine-lexicon 1`), `curation.tsv` and `drug-forms.tsv`.
///
/// The build is deterministic: the same sources and curated files give byte-identical output.
///
/// ```swift
/// let report = try LexiconBuilder(options: LexiconBuildOptions(
///     sourcesDirectory: "../shared/sources", outputDirectory: "Lexicons")).run()
/// ```
package struct LexiconBuilder: Sendable {
    /// Where to read and write.
    package var options: LexiconBuildOptions

    /// Creates a builder.
    ///
    /// - Parameter options: Where to read and write.
    package init(options: LexiconBuildOptions) {
        self.options = options
    }

    /// The built lexicons, before writing.
    struct Result {
        var lexicons: [EntityType: [LexiconEntry]] = [:]
        var curation: CurationRules
        var drugForms: DrugForms
        var headers: [EntityType: String] = [:]
        var statistics: [(name: String, value: Int)] = []
        var timings: [(step: String, milliseconds: Int)] = []
    }

    /// Reads every source, builds the lexicons and writes them.
    ///
    /// - Returns: What was written.
    /// - Throws: ``LexiconBuildError`` when a source is missing or malformed, or a file cannot be written.
    package func run() throws(LexiconBuildError) -> LexiconBuildReport {
        let result = try build()
        return try write(result)
    }

    /// Reads every source and builds the lexicons in memory.
    func build() throws(LexiconBuildError) -> Result {
        let clock = ContinuousClock()
        var last = clock.now
        var timings: [(step: String, milliseconds: Int)] = []
        func lap(_ step: String) {
            let now = clock.now
            let elapsed = last.duration(to: now).components
            timings.append((step, Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)))
            last = now
        }
        let sources = options.sourcesDirectory
        func path(_ relative: String) -> String { (sources as NSString).appendingPathComponent(relative) }
        let curated = try CuratedData(folder: options.resolvedCuratedDirectory)
        let mesh = try MeSHSource(folder: path("mesh"))
        let drugBank = try DrugBankSource(path: path("drugbank-open-vocabulary/drugbank_vocabulary.csv.gz"))
        let drugNER = try DrugNERSource(folder: path("drug-ner-dictionary"))
        let chebi = try ChEBISource(path: path("chebi/chebi_names.tsv.gz"))
        lap("read drug sources")
        let drugForms = DrugForms(
            pairs: Self.saltPairs(mesh: mesh, drugNER: drugNER, chebi: chebi),
            curated: curated.forms
        )

        var statistics: [(name: String, value: Int)] = []
        var drugs = DrugLexiconBuilder(
            drugBank: drugBank,
            mesh: mesh,
            drugNER: drugNER,
            chebi: chebi,
            saltWords: drugForms.saltWords,
            curated: curated
        )
        lap("drug forms")
        drugs.build()
        lap("drug build")
        let drugResult = ConceptFinalizer(idPriority: ["DRUGBANK", "MESH", "CHEBI"], type: .drug).finalize(drugs.drafts)
        lap("drug finalize")
        statistics += Self.fields(of: drugs.statistics, prefix: "drugs")
        statistics += [
            ("drugs.sharedFormsRemoved", drugResult.statistics.sharedFormsRemoved),
            ("drugs.sharedFormsKept", drugResult.statistics.sharedFormsKept),
        ]

        let diseaseOntology = try DiseaseOntologySource(folder: path("disease-ontology"))
        let mondo = try MONDOSource(path: path("mondo/mondo.json.gz"))
        let hpo = options.includeHPO ? try HPOSource(path: path("hpo/hp.obo.gz")) : nil
        lap("read condition sources")
        var conditions = ConditionLexiconBuilder(
            mesh: mesh,
            diseaseOntology: diseaseOntology,
            mondo: mondo,
            hpo: hpo,
            curated: curated
        )
        conditions.build()
        let conditionResult = ConceptFinalizer(idPriority: ["MESH", "DOID", "MONDO", "HP"], type: .condition)
            .finalize(conditions.drafts)
        lap("condition build")
        statistics += Self.fields(of: conditions.statistics, prefix: "conditions")
        statistics += [
            ("conditions.doObsoleteLeftOut", diseaseOntology.obsoleteCount),
            ("conditions.mondoSusceptibilityLeftOut", mondo.susceptibilityCount),
            ("conditions.mondoCharacteristicsLeftOut", mondo.characteristicCount),
            ("conditions.sharedFormsRemoved", conditionResult.statistics.sharedFormsRemoved),
            ("conditions.sharedFormsKept", conditionResult.statistics.sharedFormsKept),
        ]

        let hgnc = try HGNCSource(path: path("hgnc/hgnc_entries.tsv.gz"))
        let gtopdb = try GtoPdbSource(path: path("gtopdb/targets_and_families.csv"))
        let famplex = try FamPlexSource(folder: path("famplex"))
        lap("read receptor sources")
        var receptors = ReceptorLexiconBuilder(
            hgnc: hgnc,
            gtopdb: gtopdb,
            famplex: famplex,
            mesh: mesh,
            curated: curated
        )
        receptors.geneProducts = drugs.geneProductsLeftOut
        receptors.build()
        let receptorResult = ConceptFinalizer(
            idPriority: ["HGNC", "FPLX", "MESH", "GTOPDB", "GTOPDB.FAMILY"],
            type: .receptor
        ).finalize(receptors.drafts)
        lap("receptor build")
        statistics += Self.fields(of: receptors.statistics, prefix: "receptors")
        statistics += [
            ("receptors.sharedFormsRemoved", receptorResult.statistics.sharedFormsRemoved),
            ("receptors.sharedFormsKept", receptorResult.statistics.sharedFormsKept),
        ]

        let lexicons: [EntityType: [LexiconEntry]] = [
            .drug: drugResult.entries, .condition: conditionResult.entries, .receptor: receptorResult.entries,
        ]
        let curation = CurationRules(
            lexicons: lexicons,
            curated: curated,
            actionClassIDs: drugs.actionClassIDs,
            weakForms: [
                .drug: drugResult.statistics.weakForms, .condition: conditionResult.statistics.weakForms,
                .receptor: receptorResult.statistics.weakForms,
            ],
            classPhraseSingulars: drugs.classHeadSingulars
        )
        let info = LexiconSourceInfo.all(gtopdbVersion: gtopdb.version, hpoVersion: hpo?.version ?? "")
        var headers: [EntityType: String] = [:]
        for (type, entries) in lexicons {
            headers[type] = Self.header(type: type, entries: entries, info: info)
        }
        lap("curation")
        return Result(
            lexicons: lexicons,
            curation: curation,
            drugForms: drugForms,
            headers: headers,
            statistics: statistics,
            timings: timings
        )
    }

    /// The text of a lexicon file.
    static func tsv(header: String, entries: [LexiconEntry]) -> String {
        var text = header
        text += "id\ttype\tname\tsynonyms\txrefs\tflags\tsources\n"
        for entry in entries {
            text += entry.tsvLine
            text += "\n"
        }
        return text
    }

    private static func header(
        type: EntityType,
        entries: [LexiconEntry],
        info: [String: LexiconSourceInfo]
    ) -> String {
        let used = Set(entries.flatMap(\.sources)).sorted(by: LexiconText.byteLess)
        var text = "# pharmine-lexicon 1\n"
        text += "# type: \(type.rawValue)\n"
        text +=
            "# Built by `pharmine lexicon build` from the sources below; format, counts and licences: README.md beside this file.\n"
        text += "# columns: id, type, name, synonyms (|), xrefs (|), flags (,), sources (|)\n"
        for name in used {
            guard let source = info[name] else { continue }
            text +=
                "# source: \(source.name) = \(source.title); version \(source.version); \(source.url); licence: \(source.licence)\n"
        }
        text += "# licence of this file: \(LexiconSourceInfo.licence(of: type))\n"
        return text
    }

    private func write(_ result: Result) throws(LexiconBuildError) -> LexiconBuildReport {
        let output = options.outputDirectory
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw LexiconBuildError(.writeFailed, file: output, message: "cannot create folder: \(error)")
        }
        var report = LexiconBuildReport()
        for type in EntityType.allCases {
            let entries = result.lexicons[type] ?? []
            let text = Self.tsv(header: result.headers[type] ?? "", entries: entries)
            try Self.writeAtomically(text, to: (output as NSString).appendingPathComponent(type.fileName))
            report.files.append(
                .init(
                    name: type.fileName,
                    rows: entries.count,
                    synonyms: entries.reduce(0) { $0 + $1.synonyms.count },
                    bytes: text.utf8.count
                )
            )
        }
        let curation = result.curation.tsv
        try Self.writeAtomically(curation, to: (output as NSString).appendingPathComponent("curation.tsv"))
        report.files.append(
            .init(name: "curation.tsv", rows: result.curation.rules.count, synonyms: 0, bytes: curation.utf8.count)
        )
        let forms = result.drugForms.tsv
        try Self.writeAtomically(forms, to: (output as NSString).appendingPathComponent("drug-forms.tsv"))
        report.files.append(
            .init(name: "drug-forms.tsv", rows: result.drugForms.forms.count, synonyms: 0, bytes: forms.utf8.count)
        )
        report.statistics = result.statistics
        report.timings = result.timings
        try updateReadme(report)
        return report
    }

    /// Rewrites the block between `<!-- counts:begin -->` and `<!-- counts:end -->` of the
    /// output folder's README.md, when the file and the markers exist.
    private func updateReadme(_ report: LexiconBuildReport) throws(LexiconBuildError) {
        let path = (options.outputDirectory as NSString).appendingPathComponent("README.md")
        guard let readme = try? String(contentsOfFile: path, encoding: .utf8),
            let begin = readme.range(of: "<!-- counts:begin -->"),
            let end = readme.range(of: "<!-- counts:end -->"), begin.upperBound <= end.lowerBound
        else { return }
        var table = "\n| file | rows | synonyms | bytes |\n| --- | ---: | ---: | ---: |\n"
        for file in report.files {
            table +=
                "| `\(file.name)` | \(file.rows) | \(file.rows > 0 && file.synonyms > 0 ? String(file.synonyms) : "-") | \(file.bytes) |\n"
        }
        table += "\nBuild steps:\n\n| step | count |\n| --- | ---: |\n"
        for (name, value) in report.statistics { table += "| \(name) | \(value) |\n" }
        let updated = String(readme[..<begin.upperBound]) + table + String(readme[end.lowerBound...])
        if updated != readme { try Self.writeAtomically(updated, to: path) }
    }

    /// Writes a file under a temporary name and renames it into place.
    static func writeAtomically(_ text: String, to path: String) throws(LexiconBuildError) {
        let temporary = path + ".partial"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LexiconBuildError(.writeFailed, file: path, message: "\(error)")
        }
        // rename(2) replaces the old file in one step.
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw LexiconBuildError(.writeFailed, file: path, message: "cannot rename into place: \(reason)")
        }
    }

    /// Name pairs (parent, parent + trailing words) from which salt words are derived.
    static func saltPairs(
        mesh: MeSHSource,
        drugNER: DrugNERSource,
        chebi: ChEBISource
    ) -> [(source: String, parent: String, full: String)] {
        var pairs: [(source: String, parent: String, full: String)] = []
        for row in drugNER.canonicals {
            for variant in drugNER.variants[row.key] ?? [] {
                pairs.append(("drug-ner-dictionary", row.name, variant))
            }
        }
        let chebiNames = Set(chebi.entities.map { LexiconText.key($0.name) })
        for entity in chebi.entities {
            let words = LexiconText.key(entity.name).split(separator: " ")
            guard words.count >= 2 else { continue }
            for tail in 1...min(3, words.count - 1) {
                let parent = words.dropLast(tail).joined(separator: " ")
                if chebiNames.contains(parent) {
                    pairs.append(("chebi", parent, entity.name))
                    break
                }
            }
        }
        for record in mesh.supplementary {
            for mapped in record.mappedTo {
                guard let descriptor = mesh.descriptors[mapped] else { continue }
                pairs.append(("mesh", descriptor.label, record.label))
            }
        }
        return pairs
    }

    /// The stored properties of a statistics value, as (prefix.name, value) pairs in declaration order.
    private static func fields(of value: Any, prefix: String) -> [(name: String, value: Int)] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label, let number = child.value as? Int else { return nil }
            return ("\(prefix).\(label)", number)
        }
    }
}
