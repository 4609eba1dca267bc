/// What a trie node yields when a match ends there.
struct TrieOutput: BitwiseCopyable, Hashable {
    /// The entry index in the lexicon (or the drug-form index in the forms trie).
    var entry: Int32
    /// The case-sensitive signature index, or -1 when any case matches.
    var signature: Int32
    /// The entity type's raw rank (0 drug, 1 condition, 2 receptor).
    var type: UInt8
    /// Bit 0: the surface form is the entry's preferred name.
    var flags: UInt8

    /// Flag: the surface form was the preferred name.
    static let isName: UInt8 = 1
}

/// A token trie, frozen: children of the root by dense table, of other nodes in sorted runs.
struct TokenTrie {
    /// The child of the root for each vocabulary id, or -1.
    let rootChild: FlatArray<Int32>
    /// Start of each node's children in ``childKey``/``childNode``, plus the end.
    let childStart: FlatArray<Int32>
    /// Child keys, sorted within each node.
    let childKey: FlatArray<Int32>
    /// Child nodes, parallel to ``childKey``.
    let childNode: FlatArray<Int32>
    /// Start of each node's outputs, plus the end.
    let outputStart: FlatArray<Int32>
    /// Outputs, in preference order within each node.
    let outputs: FlatArray<TrieOutput>

    /// The number of nodes, the root included.
    var nodeCount: Int { childStart.count - 1 }

    /// The child of `node` for `key`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ key: Int32) -> Int32 {
        if key < 0 { return -1 }
        if node == 0 { return Int(key) < rootChild.count ? rootChild[Int(key)] : -1 }
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) &+ 1])
        while high &- low > 8 {
            let middle = (low &+ high) &>> 1
            if childKey[middle] <= key { low = middle } else { high = middle }
        }
        while low < high {
            if childKey[low] == key { return childNode[low] }
            low &+= 1
        }
        return -1
    }

    /// Whether `node` ends a term.
    @inline(__always)
    func hasOutputs(_ node: Int32) -> Bool {
        outputStart[Int(node) &+ 1] > outputStart[Int(node)]
    }

    /// The range of `node`'s outputs in ``outputs``.
    @inline(__always)
    func outputRange(_ node: Int32) -> Range<Int> {
        Int(outputStart[Int(node)])..<Int(outputStart[Int(node) &+ 1])
    }

    /// The trie's flat arrays, for freeing.
    func free() {
        rootChild.free()
        childStart.free()
        childKey.free()
        childNode.free()
        outputStart.free()
        outputs.free()
    }

    /// Bytes of memory held.
    var byteCount: Int {
        (rootChild.count + childStart.count + childKey.count + childNode.count + outputStart.count) * 4
            + outputs.count * MemoryLayout<TrieOutput>.stride
    }
}

/// Builds a token trie.
struct TrieBuilder {
    /// Edges: parent << 32 | key → child.
    var edges: [UInt64: Int32] = [:]
    /// The number of nodes; node 0 is the root.
    var nodeCount: Int32 = 1
    /// Outputs with their node.
    var outputs: [(node: Int32, output: TrieOutput)] = []

    /// Inserts a key sequence, returning its final node.
    mutating func insert(_ keys: [Int32]) -> Int32 {
        var node: Int32 = 0
        for key in keys {
            let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        return node
    }

    /// Adds an output to a node.
    mutating func addOutput(_ output: TrieOutput, at node: Int32) {
        outputs.append((node, output))
    }

    /// Freezes the trie.
    ///
    /// - Parameters:
    ///   - vocabularyCount: The number of vocabulary ids (size of the root table).
    ///   - precedes: Output order within a node (the first valid one wins).
    /// - Returns: The frozen trie.
    func freeze(vocabularyCount: Int, precedes: (TrieOutput, TrieOutput) -> Bool) -> TokenTrie {
        let nodes = Int(nodeCount)
        var rootChild = [Int32](repeating: -1, count: vocabularyCount)
        var counts = [Int32](repeating: 0, count: nodes + 1)
        for (edge, _) in edges where edge >> 32 != 0 {
            counts[Int(edge >> 32)] += 1
        }
        var childStart = [Int32](repeating: 0, count: nodes + 1)
        var running: Int32 = 0
        for node in 0..<nodes {
            childStart[node] = running
            running += counts[node]
        }
        childStart[nodes] = running
        var fill = childStart
        var pairs = [(key: Int32, node: Int32)](repeating: (0, 0), count: Int(running))
        for (edge, child) in edges {
            let parent = Int(edge >> 32)
            let key = Int32(bitPattern: UInt32(truncatingIfNeeded: edge))
            if parent == 0 {
                rootChild[Int(key)] = child
            } else {
                pairs[Int(fill[parent])] = (key, child)
                fill[parent] += 1
            }
        }
        for node in 1..<max(nodes, 1) where childStart[node + 1] - childStart[node] > 1 {
            pairs[Int(childStart[node])..<Int(childStart[node + 1])].sort { $0.key < $1.key }
        }
        // Outputs: by node, then preference; one per entry and signature per node (any case subsumes exact case).
        let sorted = outputs.sorted { left, right in
            if left.node != right.node { return left.node < right.node }
            if left.output.entry != right.output.entry { return left.output.entry < right.output.entry }
            return left.output.signature < right.output.signature
        }
        var merged: [(node: Int32, output: TrieOutput)] = []
        merged.reserveCapacity(sorted.count)
        for item in sorted {
            if let last = merged.last, last.node == item.node, last.output.entry == item.output.entry,
                last.output.signature == -1 || last.output.signature == item.output.signature
            {
                merged[merged.count - 1].output.flags |= item.output.flags
                continue
            }
            merged.append(item)
        }
        var outputStart = [Int32](repeating: 0, count: nodes + 1)
        var outputList: [TrieOutput] = []
        outputList.reserveCapacity(merged.count)
        var index = 0
        for node in 0..<nodes {
            outputStart[node] = Int32(outputList.count)
            let begin = index
            while index < merged.count, merged[index].node == Int32(node) { index += 1 }
            if index - begin == 1 {
                outputList.append(merged[begin].output)
            } else if index > begin {
                outputList.append(contentsOf: merged[begin..<index].map(\.output).sorted(by: precedes))
            }
        }
        outputStart[nodes] = Int32(outputList.count)
        return TokenTrie(
            rootChild: FlatArray(rootChild),
            childStart: FlatArray(childStart),
            childKey: FlatArray(pairs.map(\.key)),
            childNode: FlatArray(pairs.map(\.node)),
            outputStart: FlatArray(outputStart),
            outputs: FlatArray(outputList)
        )
    }
}
