import LMDB
import Testing

@Suite("LMDB scan")
struct ScanTests {
    /// Runs `body` with a database holding keys a, c, e, g (values A, C, E, G).
    func withLetters(_ body: (Environment, Database) throws -> Void) throws {
        try withEnvironment { env, db in
            try env.write { txn in
                for letter in ["e", "a", "g", "c"] {
                    try txn.put(db, key: bytes(letter), value: bytes(letter.uppercased()))
                }
            }
            try body(env, db)
        }
    }

    @Test(arguments: [
        (nil, ["a", "c", "e", "g"]),
        ("0", ["a", "c", "e", "g"]),  // before the first key
        ("a", ["a", "c", "e", "g"]),
        ("c", ["c", "e", "g"]),  // a key that exists
        ("d", ["e", "g"]),  // between keys
        ("cc", ["e", "g"]),
        ("g", ["g"]),
        ("h", []),  // past the end
    ] as [(String?, [String])])
    func forwardFromAKey(start: String?, expected: [String]) throws {
        try withLetters { env, db throws in
            #expect(try scannedKeys(env, db, from: start.map(bytes)) == expected)
        }
    }

    @Test(arguments: [
        (nil, ["g", "e", "c", "a"]),
        ("e", ["e", "c", "a"]),  // a key that exists
        ("d", ["c", "a"]),  // a key that does not exist
        ("cc", ["c", "a"]),
        ("c", ["c", "a"]),
        ("a", ["a"]),
        ("0", []),  // before the first key
        ("h", ["g", "e", "c", "a"]),  // past the end
        ("zzz", ["g", "e", "c", "a"]),
        ("g", ["g", "e", "c", "a"]),
    ] as [(String?, [String])])
    func reverseFromAKey(start: String?, expected: [String]) throws {
        try withLetters { env, db throws in
            #expect(try scannedKeys(env, db, from: start.map(bytes), reverse: true) == expected)
        }
    }

    @Test func scanLendsKeysAndValues() throws {
        try withLetters { env, db in
            let pairs = try env.read { txn in
                var pairs: [String] = []
                try txn.scan(db, from: bytes("b")) { key, value in
                    pairs.append(text(key) + "=" + text(value))
                    return true
                }
                return pairs
            }
            #expect(pairs == ["c=C", "e=E", "g=G"])
        }
    }

    @Test(arguments: [false, true])
    func bodyStopsTheScanEarly(reverse: Bool) throws {
        try withLetters { env, db throws in
            #expect(try scannedKeys(env, db, reverse: reverse, limit: 2) == (reverse ? ["g", "e"] : ["a", "c"]))
            #expect(try scannedKeys(env, db, reverse: reverse, limit: 1) == (reverse ? ["g"] : ["a"]))
        }
    }

    @Test(arguments: [(nil, false), (nil, true), ("m", false), ("m", true)] as [(String?, Bool)])
    func emptyDatabaseVisitsNothing(start: String?, reverse: Bool) throws {
        try withEnvironment { env, db throws in
            #expect(try scannedKeys(env, db, from: start.map(bytes), reverse: reverse).isEmpty)
        }
    }

    @Test func bodyErrorsPropagate() throws {
        try withLetters { env, db in
            var visited = 0
            #expect(throws: Boom()) {
                try env.read { txn in
                    try txn.scan(db) { _, _ in
                        visited += 1
                        throw Boom()
                    }
                }
            }
            #expect(visited == 1)
        }
    }

    /// Oracle: big-endian numeric keys scan like a sorted array, from any start, either way.
    @Test func numericKeysMatchASortedArray() throws {
        try withEnvironment { env, db in
            let stored = (0..<200).map { UInt64($0) * 5 + 10 }  // 10, 15, ... 1005
            try env.write { txn in
                for key in stored.shuffled() { try txn.put(db, key: bigEndian(key), value: bigEndian(key * 2)) }
            }
            for start in stride(from: UInt64(0), through: 1_020, by: 3) {
                for reverse in [false, true] {
                    let visited: [UInt64] = try env.read { txn in
                        var visited: [UInt64] = []
                        try txn.scan(db, from: bigEndian(start), reverse: reverse) { key, value in
                            let number = key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                            let doubled = value.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                            #expect(doubled == number * 2)
                            visited.append(number)
                            return true
                        }
                        return visited
                    }
                    let expected = reverse ? stored.filter { $0 <= start }.reversed() : stored.filter { $0 >= start }
                    #expect(visited == expected, "start \(start) reverse \(reverse)")
                }
            }
        }
    }
}
