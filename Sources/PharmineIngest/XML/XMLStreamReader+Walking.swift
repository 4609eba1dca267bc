/// What an element means to ``XMLStreamReader/collectText(into:role:)``.
enum TextRole {
    /// Markup inside a run of text (italic, sub, links): adds no separator.
    case inline
    /// Inline, but a space is put before it when it would otherwise touch a letter or digit (a
    /// citation number in a superscript after a word).
    case inlineSpaced
    /// A block (paragraph, list item, table row): a separator before and after it.
    case block(TextCollector.Separator)
    /// Not text (a table, a formula, a figure): its whole subtree is left out. The separator
    /// stands in for it: a space for a left-out block ("fixed.[formula]Then" gives "fixed. Then"),
    /// none for inline matter.
    case skip(TextCollector.Separator)
    /// Text that belongs elsewhere (a footnote): flattened on its own and written as a line of
    /// its own after the block of the walk's root that holds it.
    case detached
}

extension XMLStreamReader {
    /// Calls `body` for each child element of the current element, in order.
    ///
    /// Call it on a start tag. `body` gets the child's local name with the reader on the child's
    /// start tag; it may consume the child (``skipSubtree()``, ``readFlattenedText(collapsingWhiteSpace:inline:)``,
    /// ``collectText(into:role:)``, a nested ``forEachChildElement(_:)``) or leave it, in which case
    /// its descendants are passed over. Returns on the current element's end tag (at once for an
    /// empty element).
    ///
    /// - Parameter body: Called once per child element.
    /// - Throws: ``IngestError`` from the reader or from `body`.
    func forEachChildElement(_ body: (String) throws(IngestError) -> Void) throws(IngestError) {
        guard kind == .element, !isEmptyElement else { return }
        let parentDepth = depth
        while try read() {
            switch kind {
            case .element where depth == parentDepth + 1:
                try body(localName)
            case .endElement where depth <= parentDepth:
                return
            default:
                continue
            }
        }
    }

    /// Flattens the current element's subtree into a collector, element by element as `role` says.
    ///
    /// Call it on a start tag; it returns on the matching end tag (at once for an empty element).
    /// `role` gets the reader (on the element's start tag, for its attributes), the element's local
    /// name and the local names of its open ancestors below the walk's root (outermost first).
    ///
    /// - Parameters:
    ///   - collector: Where the text goes.
    ///   - role: What each element is.
    /// - Throws: ``IngestError`` from the reader.
    func collectText(
        into collector: inout TextCollector,
        role: (_ reader: XMLStreamReader, _ name: String, _ ancestors: [String]) -> TextRole
    ) throws(IngestError) {
        guard kind == .element, !isEmptyElement else { return }
        let rootDepth = depth
        // Open elements below the root, with the separator each asked for.
        var open: [(name: String, separator: TextCollector.Separator)] = []
        var ancestors: [String] = []
        var detached: [String] = []
        while try read() {
            switch kind {
            case .text, .cdata, .whitespace, .significantWhitespace:
                if let text = value { collector.append(text) }
            case .element:
                let name = localName
                let elementRole = role(self, name, ancestors)
                var separator = TextCollector.Separator.none
                switch elementRole {
                case .skip(let standIn):
                    try skipSubtree()
                    collector.separate(standIn)
                    if depth == rootDepth + 1 { flush(&detached, into: &collector) }
                    continue
                case .detached:
                    var inner = TextCollector()
                    try collectText(into: &inner, role: role)
                    if !inner.isEmpty { detached.append(inner.text) }
                    if depth == rootDepth + 1 { flush(&detached, into: &collector) }
                    continue
                case .inline:
                    break
                case .inlineSpaced:
                    if !collector.hasPendingSeparator, let last = collector.lastByte, Self.isWordByte(last) {
                        collector.separate(.space)
                    }
                case .block(let blockSeparator):
                    separator = blockSeparator
                    collector.separate(separator)
                }
                if isEmptyElement {
                    collector.separate(separator)
                    if depth == rootDepth + 1 { flush(&detached, into: &collector) }
                } else {
                    open.append((name, separator))
                    ancestors.append(name)
                }
            case .endElement:
                if depth <= rootDepth {
                    flush(&detached, into: &collector)
                    return
                }
                if let closed = open.popLast() {
                    ancestors.removeLast()
                    collector.separate(closed.separator)
                }
                if depth == rootDepth + 1 { flush(&detached, into: &collector) }
            default:
                continue
            }
        }
    }

    /// Flattens the current element with `role` and returns the text.
    ///
    /// - Parameter role: What each element is.
    /// - Returns: The flattened text.
    /// - Throws: ``IngestError`` from the reader.
    func collectText(role: (_ reader: XMLStreamReader, _ name: String, _ ancestors: [String]) -> TextRole)
        throws(IngestError) -> String
    {
        var collector = TextCollector()
        try collectText(into: &collector, role: role)
        return collector.text
    }

    private func flush(_ detached: inout [String], into collector: inout TextCollector) {
        guard !detached.isEmpty else { return }
        for text in detached {
            collector.separate(.line)
            collector.append(text)
            collector.separate(.line)
        }
        detached.removeAll()
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte >= 0x80
    }
}
