public import Foundation

/// The neurotransmitter → reuptake transporter map of `Lexicons/reuptake-targets.tsv`.
///
/// "X inhibits the reuptake of serotonin" is a mechanism on the serotonin transporter
/// (SLC6A4), not on serotonin: ``MechanismExtractor`` looks the neurotransmitter up here and
/// reports the transporter's id and name with the neurotransmitter's own text and offsets.
///
/// The file is tab-separated with `#` comments and a header row with the columns `term`
/// (lowercase, words separated by one space), `target_id` (a CURIE), `target_symbol`,
/// `target_name` and `reason`.
public struct ReuptakeTargets: Sendable, Hashable {
    /// A transporter.
    public struct Target: Sendable, Hashable {
        /// Its id, a CURIE (`HGNC:11050`).
        public var id: String
        /// Its symbol (`SLC6A4`).
        public var symbol: String
        /// Its name (`solute carrier family 6 member 4`).
        public var name: String

        /// Creates a target.
        ///
        /// - Parameters:
        ///   - id: The CURIE.
        ///   - symbol: The symbol.
        ///   - name: The name.
        public init(id: String, symbol: String, name: String) {
            self.id = id
            self.symbol = symbol
            self.name = name
        }
    }

    /// The file name under the lexicons directory.
    public static let fileName = "reuptake-targets.tsv"

    /// The targets by lowercase term.
    public private(set) var targets: [String: Target]

    /// The longest term, in words.
    private(set) var longestTerm: Int

    /// Creates the map from terms.
    ///
    /// - Parameter targets: Targets by term (lowercased on the way in).
    public init(targets: [String: Target]) {
        var lowered: [String: Target] = [:]
        for (term, target) in targets { lowered[term.lowercased()] = target }
        self.targets = lowered
        self.longestTerm = lowered.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// Parses the TSV text of the file.
    ///
    /// - Parameters:
    ///   - tsv: The file's text.
    ///   - path: Its path, for errors.
    /// - Throws: ``RelateError`` for a missing column or a row with an empty term or id.
    public init(tsv: String, path: String = fileName) throws(RelateError) {
        let table = try TSVTable(tsv, path: path, required: ["term", "target_id", "target_symbol", "target_name"])
        let term = table.column("term")
        let id = table.column("target_id")
        let symbol = table.column("target_symbol")
        let name = table.column("target_name")
        var targets: [String: Target] = [:]
        for row in table.rows {
            let width = max(term, id, symbol, name)
            guard row.fields.count > width, !row.fields[term].isEmpty, !row.fields[id].isEmpty else {
                throw RelateError(
                    .malformedRow,
                    path: path,
                    line: row.line,
                    detail: "needs term, target_id, target_symbol, target_name"
                )
            }
            targets[row.fields[term]] = Target(id: row.fields[id], symbol: row.fields[symbol], name: row.fields[name])
        }
        self.init(targets: targets)
    }

    /// Reads the file.
    ///
    /// - Parameter url: The file (usually `Lexicons/reuptake-targets.tsv`).
    /// - Throws: ``RelateError`` when it cannot be read or parsed.
    public init(contentsOf url: URL) throws(RelateError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RelateError(.unreadableFile, path: url.path, detail: "\(error)")
        }
        try self.init(tsv: text, path: url.path)
    }

    /// The transporter of a term, if any.
    ///
    /// - Parameter term: A lowercase neurotransmitter name ("serotonin", "5-ht").
    /// - Returns: Its transporter, or nil.
    public func target(forTerm term: String) -> Target? {
        targets[term]
    }
}
