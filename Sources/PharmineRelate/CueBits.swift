/// Word summaries (``WordBits``) of the cue words some rules need: a rule whose every emission
/// path goes through one of these words returns at once for a sentence that has none.
enum CueBits {
    /// ``IndicationCues/modelStudyWords``: the model-study rule starts at one of them.
    static let modelStudy = WordBits(IndicationCues.modelStudyWords)
    /// The hallmarks of the cell-growth rule (one follows its verb).
    static let cellHallmarks = WordBits(Array(IndicationCues.cellGrowthNouns) + Array(IndicationCues.cellDeathNouns))
    /// The cell nouns of the cell-growth rule (one follows its condition).
    static let cellNouns = WordBits(IndicationCues.cellNouns)
    /// ``Lexical/population``: the population-after rule needs one of these nouns (every population
    /// pattern starts with one).
    static let population = WordBits(Array(Lexical.population))
    /// The population nouns and ``IndicationCues/treatedPopulation``: each branch of the
    /// population-treated rule needs one of them.
    static let populationTreated = WordBits(Array(Lexical.population) + Array(IndicationCues.treatedPopulation))
    /// The words that start each branch of the contraindication rule.
    static let contraindications = WordBits([
        "contraindicated", "contra-indicated", "should", "must", "can", "cannot", "may", "avoid", "avoiding", "do",
        "never",
    ])
}
