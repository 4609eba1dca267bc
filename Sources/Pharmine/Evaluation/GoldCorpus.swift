public import PharmineCore
import Foundation

/// The annotated corpora that `pharmine eval` reads.
public enum GoldCorpusKind: String, Sendable, CaseIterable {
    /// PubTator text or BioC XML with document-level relations (BC5CDR, BioRED).
    case pubtator
    /// DDI Extraction 2013 XML (one file per document, sentence-level pairs).
    case ddi
    /// BioCreative VII DrugProt TSV files (abstracts, entities, relations).
    case drugprot
    /// The SemRep gold standard (sentences with predications).
    case semrep
}

/// Whether gold relations name concepts (document level) or annotated mentions (mention level).
public enum RelationLevel: Sendable, Hashable {
    /// Relations between concept ids, anywhere in the document (BioRED, BC5CDR).
    case document
    /// Relations between annotation ids, within a sentence (DDI, DrugProt, SemRep).
    case mention
}

/// A gold relation expressed in Pharmine's terms.
public struct GoldRelation: Sendable, Hashable {
    /// The document.
    public var document: String
    /// The predicate it scores.
    public var predicate: PharmineCore.Predicate
    /// The subject key: a concept id (document level) or an annotation id (mention level).
    public var subject: String
    /// The object key.
    public var object: String
    /// A coarse type for typed scoring (DDI type, DrugProt class), or nil.
    public var kind: String?

    /// Creates a gold relation; for interactions the two keys are put in a canonical order.
    public init(document: String, predicate: PharmineCore.Predicate, subject: String, object: String, kind: String? = nil) {
        self.document = document
        self.predicate = predicate
        if predicate == .interaction, object < subject {
            self.subject = object
            self.object = subject
        } else {
            self.subject = subject
            self.object = object
        }
        self.kind = kind
    }

    /// The relation without its kind, for untyped scoring.
    public var untyped: GoldRelation {
        var copy = self
        copy.kind = nil
        return copy
    }
}

/// A corpus of documents with gold annotations, ready to score.
public struct GoldCorpus: Sendable {
    /// A name for reports (`BC5CDR dev`, `DDI 2013 train`).
    public var name: String
    /// The kind of corpus.
    public var kind: GoldCorpusKind
    /// The documents; gold entities are in `annotations`.
    public var documents: [Document]
    /// The level of the relations.
    public var level: RelationLevel
    /// The gold relations in Pharmine's terms.
    public var relations: [GoldRelation]
    /// Gold pairs that must NOT be indications (BC5CDR's chemical-induced disease pairs), as
    /// (document, chemical id, disease id).
    public var adversePairs: [GoldRelation]
    /// How the corpus's entity types map to Pharmine's.
    public var entityTypes: [String: EntityType]

    /// Creates a corpus.
    public init(
        name: String,
        kind: GoldCorpusKind,
        documents: [Document],
        level: RelationLevel,
        relations: [GoldRelation],
        adversePairs: [GoldRelation] = [],
        entityTypes: [String: EntityType]
    ) {
        self.name = name
        self.kind = kind
        self.documents = documents
        self.level = level
        self.relations = relations
        self.adversePairs = adversePairs
        self.entityTypes = entityTypes
    }

    /// The entity types of BC5CDR, BioRED, DDI 2013 and DrugProt mapped to Pharmine's.
    public static let standardEntityTypes: [String: EntityType] = [
        "Chemical": .drug, "ChemicalEntity": .drug, "Disease": .condition,
        "DiseaseOrPhenotypicFeature": .condition, "GeneOrGeneProduct": .receptor,
        "drug": .drug, "brand": .drug, "group": .drug, "drug_n": .drug,
        "CHEMICAL": .drug, "GENE": .receptor, "GENE-Y": .receptor, "GENE-N": .receptor,
    ]

    /// Builds the gold relations of PubTator/BioC documents: BioRED's chemical–disease
    /// `Negative_Correlation` as indications, chemical–gene `Bind`, `Negative_Correlation` and
    /// `Positive_Correlation` as mechanisms (typed by that relation type), `Drug_Interaction`
    /// as interactions; BC5CDR's `CID` pairs as adverse (must-not) pairs.
    ///
    /// - Parameters:
    ///   - name: The corpus name.
    ///   - documents: Documents read by the PubTator or BioC reader.
    /// - Returns: The corpus.
    public static func fromPubTator(name: String, documents: [Document]) -> GoldCorpus {
        var relations: [GoldRelation] = []
        var adverse: [GoldRelation] = []
        for document in documents {
            var typeOfConcept: [String: EntityType] = [:]
            for annotation in document.annotations {
                guard let type = standardEntityTypes[annotation.type] else { continue }
                for identifier in annotation.identifiers { typeOfConcept[normalizedConcept(identifier)] = type }
            }
            for relation in document.relations {
                let first = normalizedConcept(relation.first)
                let second = normalizedConcept(relation.second)
                guard let firstType = typeOfConcept[first], let secondType = typeOfConcept[second] else { continue }
                let ordered = firstType <= secondType ? (first, second) : (second, first)
                let types = (min(firstType, secondType), max(firstType, secondType))
                switch (relation.type, types.0, types.1) {
                case ("Negative_Correlation", .drug, .condition):
                    relations.append(GoldRelation(document: document.id, predicate: .indication, subject: ordered.0, object: ordered.1))
                case ("Bind", .drug, .receptor), ("Negative_Correlation", .drug, .receptor),
                    ("Positive_Correlation", .drug, .receptor):
                    // BioRED writes inhibition and antagonism of a gene product as Negative_Correlation,
                    // activation and agonism as Positive_Correlation, physical binding as Bind: the
                    // kind keeps the direction for typed scoring.
                    relations.append(
                        GoldRelation(
                            document: document.id, predicate: .mechanism, subject: ordered.0, object: ordered.1,
                            kind: relation.type
                        )
                    )
                case ("Drug_Interaction", .drug, .drug):
                    relations.append(GoldRelation(document: document.id, predicate: .interaction, subject: first, object: second))
                case ("CID", .drug, .condition):
                    adverse.append(GoldRelation(document: document.id, predicate: .indication, subject: ordered.0, object: ordered.1))
                default:
                    continue
                }
            }
        }
        return GoldCorpus(
            name: name,
            kind: .pubtator,
            documents: documents,
            level: .document,
            relations: relations,
            adversePairs: adverse,
            entityTypes: standardEntityTypes
        )
    }

    /// A concept id as the gold files write it, made comparable (`MESH:D003920` and `D003920` agree).
    ///
    /// - Parameter identifier: The identifier.
    /// - Returns: The identifier without a `MESH:` prefix.
    public static func normalizedConcept(_ identifier: String) -> String {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("MESH:") { return String(trimmed.dropFirst(5)) }
        return trimmed
    }
}
