/// The cue phrases as a trie of word ids, for finding every phrase that starts at a token in one
/// walk.
///
/// Each phrase has a rank: its place in the order in which phrases are tried at a position (by
/// first word, longest first). A walk reports the phrases it completes; sorted by rank, they come
/// in exactly the order of trying the phrases one by one.
struct CueTrie: Sendable {
    /// The node reached by each first word id, or -1.
    private let rootChild: [Int32]
    /// Per node: where its edges start in ``edgeWords``/``edgeChildren`` (one more entry than
    /// nodes). Edges are sorted by word id.
    private let edgeStart: [Int32]
    private let edgeWords: [Int32]
    private let edgeChildren: [Int32]
    /// Per node: where the ranks of the phrases ending there start in ``endRanks`` (one more
    /// entry than nodes).
    private let endStart: [Int32]
    private let endRanks: [Int32]
    /// The phrase index of each rank.
    let phraseOfRank: [Int32]
    /// The most phrases that can match at one position (the most ends on one path).
    let maximumMatches: Int

    /// Builds the trie.
    ///
    /// - Parameters:
    ///   - phrases: The phrases' word ids, in rank order.
    ///   - phraseOfRank: The phrase index of each rank.
    ///   - wordCount: The number of word ids.
    init(phrases: [[Int32]], phraseOfRank: [Int32], wordCount: Int) {
        var children: [[Int32: Int32]] = []
        var ends: [[Int32]] = []
        var rootChild = [Int32](repeating: -1, count: wordCount)
        for (rank, words) in phrases.enumerated() {
            guard let firstWord = words.first else { continue }
            var node = rootChild[Int(firstWord)]
            if node < 0 {
                node = Int32(children.count)
                children.append([:])
                ends.append([])
                rootChild[Int(firstWord)] = node
            }
            for word in words.dropFirst() {
                if let child = children[Int(node)][word] {
                    node = child
                } else {
                    let child = Int32(children.count)
                    children.append([:])
                    ends.append([])
                    children[Int(node)][word] = child
                    node = child
                }
            }
            ends[Int(node)].append(Int32(rank))
        }
        var edgeStart: [Int32] = [0]
        var edgeWords: [Int32] = []
        var edgeChildren: [Int32] = []
        var endStart: [Int32] = [0]
        var endRanks: [Int32] = []
        for node in children.indices {
            for (word, child) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeWords.append(word)
                edgeChildren.append(child)
            }
            edgeStart.append(Int32(edgeWords.count))
            endRanks.append(contentsOf: ends[node])
            endStart.append(Int32(endRanks.count))
        }
        self.rootChild = rootChild
        self.edgeStart = edgeStart
        self.edgeWords = edgeWords
        self.edgeChildren = edgeChildren
        self.endStart = endStart
        self.endRanks = endRanks
        self.phraseOfRank = phraseOfRank
        // Ends along the deepest-reaching path: every node's count plus its parent's.
        var endsToNode = [Int](repeating: 0, count: children.count)
        var maximum = 0
        var stack: [(node: Int32, above: Int)] = rootChild.filter { $0 >= 0 }.map { ($0, 0) }
        while let (node, above) = stack.popLast() {
            let total = above + ends[Int(node)].count
            endsToNode[Int(node)] = total
            maximum = max(maximum, total)
            for child in children[Int(node)].values { stack.append((child, total)) }
        }
        self.maximumMatches = max(maximum, 1)
    }

    /// Calls `body` with the trie's tables borrowed for many walks.
    @inline(__always)
    func withWalker<Result>(_ body: (Walker) -> Result) -> Result {
        rootChild.withUnsafeBufferPointer { rootChild in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                edgeWords.withUnsafeBufferPointer { edgeWords in
                    edgeChildren.withUnsafeBufferPointer { edgeChildren in
                        endStart.withUnsafeBufferPointer { endStart in
                            endRanks.withUnsafeBufferPointer { endRanks in
                                body(
                                    Walker(
                                        rootChild: rootChild,
                                        edgeStart: edgeStart,
                                        edgeWords: edgeWords,
                                        edgeChildren: edgeChildren,
                                        endStart: endStart,
                                        endRanks: endRanks
                                    )
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    /// The trie's tables, borrowed.
    struct Walker {
        let rootChild: UnsafeBufferPointer<Int32>
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeWords: UnsafeBufferPointer<Int32>
        let edgeChildren: UnsafeBufferPointer<Int32>
        let endStart: UnsafeBufferPointer<Int32>
        let endRanks: UnsafeBufferPointer<Int32>

        /// Whether some phrase starts with the word id.
        @inline(__always)
        func startsPhrase(_ word: Int32) -> Bool {
            word >= 0 && rootChild[Int(word)] >= 0
        }

        /// Writes every phrase that matches `words` from its start, as its rank and its length in
        /// words, into `found` (which has room for ``CueTrie/maximumMatches``), sorted by rank.
        ///
        /// - Parameters:
        ///   - words: Word ids of the tokens from a position to the end of the sentence (-1: no
        ///     cue word, ``ContextCueSet/unknownID``: not looked up yet); the first starts a
        ///     phrase.
        ///   - found: Receives the matching phrases.
        ///   - resolve: The word id of the token at an offset into `words`, for unknown ones.
        /// - Returns: How many were found.
        @inline(__always)
        func walk(
            _ words: UnsafeMutableBufferPointer<Int32>,
            into found: UnsafeMutableBufferPointer<(rank: Int32, length: Int)>,
            resolve: (Int) -> Int32
        ) -> Int {
            var count = 0
            var node = Int(rootChild[Int(words[0])])
            var depth = 1
            while node >= 0 {
                for end in Int(endStart[node])..<Int(endStart[node + 1]) {
                    // Insert by rank (ranks are distinct; lists are tiny).
                    let item = (rank: endRanks[end], length: depth)
                    var slot = count
                    while slot > 0, found[slot - 1].rank > item.rank {
                        found[slot] = found[slot - 1]
                        slot -= 1
                    }
                    found[slot] = item
                    count += 1
                }
                guard depth < words.count, edgeStart[node] != edgeStart[node + 1] else { break }
                var word = words[depth]
                if word == ContextCueSet.unknownID {
                    word = resolve(depth)
                    words[depth] = word
                }
                var next = -1
                if word >= 0 {
                    for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edgeWords[edge] == word {
                        next = Int(edgeChildren[edge])
                        break
                    }
                }
                node = next
                depth += 1
            }
            return count
        }
    }
}
