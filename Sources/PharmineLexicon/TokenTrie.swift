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

/// Builds a token trie: the root's children in a dense table, other edges in an open-addressing
/// hash table keyed by (parent, key).
struct TrieBuilder {
    /// The child of the root per key, or -1.
    var rootChild: [Int32] = []
    /// Edge keys: parent << 32 | key (parent >= 1, so never 0); 0 marks an empty slot.
    var edgeKeys: [UInt64] = Array(repeating: 0, count: 1 << 10)
    /// Edge children, parallel to ``edgeKeys``.
    var edgeChildren: [Int32] = Array(repeating: 0, count: 1 << 10)
    /// Edges outside the root.
    var edgeCount = 0
    /// The number of nodes; node 0 is the root.
    var nodeCount: Int32 = 1
    /// Outputs with their node.
    var outputs: [(node: Int32, output: TrieOutput)] = []

    /// The slot of an edge key.
    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: KeyHash.mix(key)) & mask
    }

    /// The child of `node` for `key`, created when absent.
    mutating func child(of node: Int32, key: Int32) -> Int32 {
        if node == 0 {
            if Int(key) >= rootChild.count {
                rootChild.append(contentsOf: repeatElement(-1, count: Int(key) + 1 - rootChild.count))
            }
            if rootChild[Int(key)] < 0 {
                rootChild[Int(key)] = nodeCount
                nodeCount += 1
            }
            return rootChild[Int(key)]
        }
        if edgeCount * 2 >= edgeKeys.count { growEdges() }
        let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
        let mask = edgeKeys.count - 1
        var index = Self.slot(edge, mask)
        while true {
            let existing = edgeKeys[index]
            if existing == edge { return edgeChildren[index] }
            if existing == 0 { break }
            index = (index + 1) & mask
        }
        edgeKeys[index] = edge
        edgeChildren[index] = nodeCount
        nodeCount += 1
        edgeCount += 1
        return edgeChildren[index]
    }

    /// Doubles the edge table.
    private mutating func growEdges() {
        let oldKeys = edgeKeys
        let oldChildren = edgeChildren
        let capacity = edgeKeys.count * 2
        edgeKeys = Array(repeating: 0, count: capacity)
        edgeChildren = Array(repeating: 0, count: capacity)
        let mask = capacity - 1
        for (position, edge) in oldKeys.enumerated() where edge != 0 {
            var index = Self.slot(edge, mask)
            while edgeKeys[index] != 0 { index = (index + 1) & mask }
            edgeKeys[index] = edge
            edgeChildren[index] = oldChildren[position]
        }
    }

    /// Inserts a key sequence, returning its final node.
    mutating func insert(_ keys: UnsafeBufferPointer<Int32>) -> Int32 {
        var node: Int32 = 0
        for key in keys { node = child(of: node, key: key) }
        return node
    }

    /// Inserts a key sequence, returning its final node.
    mutating func insert(_ keys: [Int32]) -> Int32 {
        keys.withUnsafeBufferPointer { insert($0) }
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
        var root = rootChild
        if root.count < vocabularyCount { root.append(contentsOf: repeatElement(-1, count: vocabularyCount - root.count)) }
        var childStart = [Int32](repeating: 0, count: nodes + 1)
        for edge in edgeKeys where edge != 0 { childStart[Int(edge >> 32) + 1] += 1 }
        for node in 0..<nodes { childStart[node + 1] += childStart[node] }
        var fill = childStart
        var childKey = [Int32](repeating: 0, count: edgeCount)
        var childNode = [Int32](repeating: 0, count: edgeCount)
        for (position, edge) in edgeKeys.enumerated() where edge != 0 {
            let parent = Int(edge >> 32)
            let slot = Int(fill[parent])
            childKey[slot] = Int32(bitPattern: UInt32(truncatingIfNeeded: edge))
            childNode[slot] = edgeChildren[position]
            fill[parent] += 1
        }
        for node in 1..<max(nodes, 1) where childStart[node + 1] - childStart[node] > 1 {
            let range = Int(childStart[node])..<Int(childStart[node + 1])
            let pairs = zip(childKey[range], childNode[range]).sorted { $0.0 < $1.0 }
            for (offset, pair) in pairs.enumerated() {
                childKey[range.lowerBound + offset] = pair.0
                childNode[range.lowerBound + offset] = pair.1
            }
        }
        // Outputs: by node, then preference; one per entry and signature per node (any case
        // subsumes exact case).
        let sorted = outputs.sorted { left, right in
            if left.node != right.node { return left.node < right.node }
            if left.output.entry != right.output.entry { return left.output.entry < right.output.entry }
            return left.output.signature < right.output.signature
        }
        var outputStart = [Int32](repeating: 0, count: nodes + 1)
        var outputList: [TrieOutput] = []
        outputList.reserveCapacity(sorted.count)
        var index = 0
        var group: [TrieOutput] = []
        for node in 0..<nodes {
            outputStart[node] = Int32(outputList.count)
            guard index < sorted.count, sorted[index].node == Int32(node) else { continue }
            group.removeAll(keepingCapacity: true)
            while index < sorted.count, sorted[index].node == Int32(node) {
                let output = sorted[index].output
                if let last = group.last, last.entry == output.entry,
                    last.signature == -1 || last.signature == output.signature
                {
                    group[group.count - 1].flags |= output.flags
                } else {
                    group.append(output)
                }
                index += 1
            }
            if group.count > 1 { group.sort(by: precedes) }
            outputList.append(contentsOf: group)
        }
        outputStart[nodes] = Int32(outputList.count)
        return TokenTrie(
            rootChild: FlatArray(root),
            childStart: FlatArray(childStart),
            childKey: FlatArray(childKey),
            childNode: FlatArray(childNode),
            outputStart: FlatArray(outputStart),
            outputs: FlatArray(outputList)
        )
    }
}
