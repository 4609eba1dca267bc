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

/// A token trie, frozen. A **state** names a node, whether it is a child of the root and whether
/// it ends a term: `node << 2 | depthOne << 1 | terminal`; the root is state 0. The root's
/// transitions are a dense table by vocabulary id; all others are in an open-addressing hash table
/// keyed by (parent node, key), so a transition costs one probe however many children a node has.
/// Transitions out of the root's children — the ones text probes most, mostly in vain — are first
/// tested against a small Bloom filter that stays in cache.
struct TokenTrie {
    /// Per vocabulary id: the low 32 bits are the state reached from the root by it (-1 for
    /// none); the high 32 bits are a one-hash filter of the keys that can follow it
    /// (``followBit(_:)``), so that most text tokens need no probe beyond this word.
    let rootInfo: FlatArray<UInt64>
    /// Edge keys, `parent node << 32 | key`, 0 for an empty slot (the root's edges are not here).
    let edgeKeys: FlatArray<UInt64>
    /// The state each edge leads to, parallel to ``edgeKeys``.
    let edgeChildren: FlatArray<Int32>
    /// Start of each node's outputs, plus the end.
    let outputStart: FlatArray<Int32>
    /// Outputs, in preference order within each node.
    let outputs: FlatArray<TrieOutput>
    /// Bloom filter (one hash) of the edges out of the root's children; a power of two of words.
    let depthOneFilter: FlatArray<UInt64>

    /// The bit of a key in a follow filter (high half of ``rootInfo``).
    @inline(__always)
    static func followBit(_ key: Int32) -> UInt64 {
        1 &<< ((UInt64(UInt32(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) &>> 59 &+ 32)
    }

    /// The state reached from the root by `key`, or -1.
    @inline(__always)
    func rootState(_ key: Int32) -> Int32 {
        Int32(truncatingIfNeeded: rootInfo[Int(key)])
    }

    /// Whether `next` may follow `key` from the root (false means it certainly cannot).
    @inline(__always)
    func mayFollow(_ key: Int32, _ next: Int32) -> Bool {
        next >= 0 && rootInfo[Int(key)] & Self.followBit(next) != 0
    }

    /// The filter bit of an edge.
    @inline(__always)
    static func filterBit(_ edge: UInt64, words: Int) -> Int {
        Int(truncatingIfNeeded: KeyHash.mix(edge) &>> 32) & (words &* 64 &- 1)
    }

    /// The number of nodes, the root included.
    var nodeCount: Int { outputStart.count - 1 }

    /// The state reached from `state` by `key`, or -1.
    @inline(__always)
    func child(_ state: Int32, _ key: Int32) -> Int32 {
        if key < 0 { return -1 }
        let node = state &>> 2
        if node == 0 { return Int(key) < rootInfo.count ? Int32(truncatingIfNeeded: rootInfo[Int(key)]) : -1 }
        let edge = UInt64(UInt32(bitPattern: node)) &<< 32 | UInt64(UInt32(bitPattern: key))
        if state & 2 != 0 {
            let bit = Self.filterBit(edge, words: depthOneFilter.count)
            if depthOneFilter[bit &>> 6] & (1 &<< UInt64(bit & 63)) == 0 { return -1 }
        }
        let mask = edgeKeys.count &- 1
        var index = TrieBuilder.slot(edge, mask)
        while true {
            let existing = edgeKeys[index]
            if existing == edge { return edgeChildren[index] }
            if existing == 0 { return -1 }
            index = (index &+ 1) & mask
        }
    }

    /// Whether `state` ends a term.
    @inline(__always)
    func hasOutputs(_ state: Int32) -> Bool {
        state & 1 != 0
    }

    /// The range of `state`'s outputs in ``outputs``.
    @inline(__always)
    func outputRange(_ state: Int32) -> Range<Int> {
        let node = Int(state &>> 2)
        return Int(outputStart[node])..<Int(outputStart[node &+ 1])
    }

    /// The trie's flat arrays, for freeing.
    func free() {
        rootInfo.free()
        edgeKeys.free()
        edgeChildren.free()
        outputStart.free()
        outputs.free()
        depthOneFilter.free()
    }

    /// Bytes of memory held.
    var byteCount: Int {
        (edgeChildren.count + outputStart.count) * 4 + (rootInfo.count + edgeKeys.count + depthOneFilter.count) * 8
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
        var kind = [Int32](repeating: 0, count: nodes)
        for item in outputs { kind[Int(item.node)] |= 1 }
        for child in rootChild where child >= 0 { kind[Int(child)] |= 2 }
        func state(_ node: Int32) -> Int32 { node << 2 | kind[Int(node)] }
        var filterWords = 64
        while filterWords * 64 < edgeCount * 2 && filterWords < 1 << 16 { filterWords *= 2 }
        var filter = [UInt64](repeating: 0, count: filterWords)
        for edge in edgeKeys where edge != 0 && kind[Int(edge >> 32)] & 2 != 0 {
            let bit = TokenTrie.filterBit(edge, words: filterWords)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var root = rootChild.map { $0 < 0 ? UInt64(UInt32.max) : UInt64(UInt32(bitPattern: state($0))) }
        if root.count < vocabularyCount {
            root.append(contentsOf: repeatElement(UInt64(UInt32.max), count: vocabularyCount - root.count))
        }
        var keyOfDepthOne = [Int32](repeating: -1, count: nodes)
        for (key, child) in rootChild.enumerated() where child >= 0 { keyOfDepthOne[Int(child)] = Int32(key) }
        for edge in edgeKeys where edge != 0 {
            let first = keyOfDepthOne[Int(edge >> 32)]
            if first >= 0 { root[Int(first)] |= TokenTrie.followBit(Int32(truncatingIfNeeded: edge)) }
        }
        var capacity = 16
        while capacity < edgeCount * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var children = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (position, edge) in edgeKeys.enumerated() where edge != 0 {
            var index = Self.slot(edge, mask)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = edge
            children[index] = state(edgeChildren[position])
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
            rootInfo: FlatArray(root),
            edgeKeys: FlatArray(keys),
            edgeChildren: FlatArray(children),
            outputStart: FlatArray(outputStart),
            outputs: FlatArray(outputList),
            depthOneFilter: FlatArray(filter)
        )
    }
}
