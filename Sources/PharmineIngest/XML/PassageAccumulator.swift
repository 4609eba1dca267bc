import PharmineCore

/// Collects a document's passages in order and gives each its document-level offset.
///
/// Offsets are Unicode scalar offsets: each passage starts one separator after the end of the
/// previous one (the first at 0), as if the passages were joined with one character between them.
/// Empty passages are dropped.
struct PassageAccumulator {
    /// The passages so far.
    private(set) var passages: [Passage] = []
    private var offset = 0

    /// Appends a passage unless its text is empty.
    ///
    /// - Parameters:
    ///   - label: The passage label.
    ///   - text: The flattened text.
    ///   - infons: Other key–value data.
    mutating func add(label: String, text: String, infons: [Infon] = []) {
        guard !text.isEmpty else { return }
        passages.append(Passage(label: label, text: text, offset: offset, infons: infons))
        offset += text.unicodeScalars.count + 1
    }
}
