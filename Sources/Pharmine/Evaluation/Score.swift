/// Counts of true positives, false positives and false negatives, with precision, recall and F1.
public struct Score: Sendable, Hashable {
    /// Predicted items that are in the gold set.
    public var truePositives = 0
    /// Predicted items that are not.
    public var falsePositives = 0
    /// Gold items that were not predicted.
    public var falseNegatives = 0

    /// Creates an empty score.
    public init() {}

    /// Creates a score from counts.
    ///
    /// - Parameters:
    ///   - truePositives: Hits.
    ///   - falsePositives: False hits.
    ///   - falseNegatives: Misses.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP), or 0 when nothing was predicted.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
    }

    /// TP / (TP + FN), or 0 when the gold set is empty.
    public var recall: Double {
        let gold = truePositives + falseNegatives
        return gold == 0 ? 0 : Double(truePositives) / Double(gold)
    }

    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Adds another score's counts.
    ///
    /// - Parameter other: The score to add.
    public mutating func add(_ other: Score) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        falseNegatives += other.falseNegatives
    }

    /// Scores a predicted set against a gold set.
    ///
    /// - Parameters:
    ///   - predicted: The predicted items.
    ///   - gold: The gold items.
    /// - Returns: The counts.
    public static func compare<Item: Hashable>(predicted: Set<Item>, gold: Set<Item>) -> Score {
        let hits = predicted.intersection(gold).count
        return Score(truePositives: hits, falsePositives: predicted.count - hits, falseNegatives: gold.count - hits)
    }
}
