public import PharmineCore
public import PharmineLexicon

/// Sets `Triple.known` on indication triples from ``KnownIndications``.
///
/// Requires `triples` (and, for cross-references, the lexicon the mentions came from).
/// Produces: `known` = true when PharmacotherapyDB lists the drug–condition pair as an
/// indication, false otherwise, for every `indication` triple; `nil` for mechanism and
/// interaction triples. It never adds, drops or reorders a triple.
///
/// The subject's and object's ids are looked up with their cross-references: the lexicon gives
/// a drug's DrugBank or MeSH xrefs and a condition's DOID and MeSH xrefs, so a condition matched
/// as `MESH:D008881` finds PharmacotherapyDB's `DOID:6364` (migraine).
public struct KnownIndicationMarker: Stage {
    /// The curated indications.
    public var known: KnownIndications
    /// Cross-references by concept id (only those that some curated row uses are kept).
    public var xrefs: [String: [String]]

    /// Creates the marker.
    ///
    /// - Parameters:
    ///   - known: The curated indications.
    ///   - xrefs: Cross-references by concept id (a concept's own id is always used).
    public init(known: KnownIndications, xrefs: [String: [String]] = [:]) {
        self.known = known
        self.xrefs = xrefs
    }

    /// Creates the marker with the cross-references of a lexicon's drug and condition entries.
    ///
    /// - Parameters:
    ///   - known: The curated indications.
    ///   - lexicon: The lexicon the mentions were matched with.
    public init(known: KnownIndications, lexicon: Lexicon) {
        let keys = known.keys
        var xrefs: [String: [String]] = [:]
        for entry in lexicon.entries where entry.type == .drug || entry.type == .condition {
            let relevant = entry.xrefs.filter { keys.contains(KnownIndications.normalize($0)) }
            if !relevant.isEmpty { xrefs[entry.id] = relevant }
        }
        self.init(known: known, xrefs: xrefs)
    }

    /// Marks the document's triples.
    ///
    /// - Parameter document: The document with triples.
    /// - Returns: The same triples with `known` set on indications.
    public func process(_ document: Document) -> Document {
        var document = document
        for index in document.triples.indices {
            let triple = document.triples[index]
            guard triple.predicate == .indication else {
                document.triples[index].known = nil
                continue
            }
            document.triples[index].known = known.isKnown(
                drug: [triple.subject.id] + (xrefs[triple.subject.id] ?? []),
                condition: [triple.object.id] + (xrefs[triple.object.id] ?? [])
            )
        }
        return document
    }
}
