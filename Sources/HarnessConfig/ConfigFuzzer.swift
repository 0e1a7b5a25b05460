import Dispatch
import Foundation
import Yams

/// Broken variants of a valid suite config, and the check that each one is either accepted or
/// refused with a one-line `ConfigError` that names a key path or a line — never a crash, an
/// untyped error or a hang. The fuzz tests run it on every committed config.
///
/// Why mutations of real configs rather than random text: random text is refused by the YAML
/// parser on its first line; a config with one key deleted, one value of the wrong type or out
/// of range reaches every check of the validator, which is where a crash would hide.
public enum ConfigFuzzer {
    /// What a case does to the config.
    public enum Mutation: String, CaseIterable, Sendable {
        case deleteKey = "delete-key"
        case wrongType = "wrong-type"
        case outOfRange = "out-of-range"
        case unicode
        case duplicateKey = "duplicate-key"
        case truncate
        case hugeFile = "huge-file"
        case aliasBomb = "alias-bomb"
    }

    public struct Case: Sendable {
        public let mutation: Mutation
        public let yaml: String
    }

    /// How the parser took a set of cases.
    public struct Tally: Sendable {
        public var accepted = 0
        public var refused = 0
        /// One line per case whose error was untyped, multi-line or located nowhere, or that took too long.
        public var defects: [String] = []
        public var slowestSeconds = 0.0
        public var cases: Int { accepted + refused }

        public init() {}
    }

    /// `count` mutated copies of `yaml` (cycling through the mutations), reproducible from `seed`.
    public static func cases(from yaml: String, count: Int, seed: UInt64) throws -> [Case] {
        guard let root = try Yams.compose(yaml: yaml) else { return [] }
        var rng = SplitMix64(seed: seed)
        let paths = nodePaths(root)
        let mutations = Mutation.allCases
        return try (0..<count).map { index in
            let mutation = mutations[index % mutations.count]
            return Case(mutation: mutation, yaml: try mutate(yaml, root: root, paths: paths, mutation: mutation, rng: &rng))
        }
    }

    /// Parses every case as `path` and tallies the outcomes; a case slower than `timeLimit`
    /// seconds is a defect (it is measured, not interrupted).
    public static func check(_ cases: [Case], path: String, timeLimit: Double = 5) -> Tally {
        var tally = Tally()
        for (index, testCase) in cases.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                _ = try SuiteSpec.parse(yaml: testCase.yaml, path: path)
                tally.accepted += 1
            } catch let error as ConfigError {
                tally.refused += 1
                let text = error.description
                if text.contains(where: \.isNewline) {
                    tally.defects.append("case \(index) (\(testCase.mutation.rawValue)): multi-line error: \(ConfigError.oneLine(text))")
                } else if error.line == nil && error.keyPath.isEmpty && !text.contains("empty file") {
                    tally.defects.append("case \(index) (\(testCase.mutation.rawValue)): error names no key path or line: \(text)")
                }
            } catch {
                tally.refused += 1
                tally.defects.append("case \(index) (\(testCase.mutation.rawValue)): untyped error \(type(of: error)): \(ConfigError.oneLine("\(error)"))")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            tally.slowestSeconds = max(tally.slowestSeconds, seconds)
            if seconds > timeLimit {
                tally.defects.append("case \(index) (\(testCase.mutation.rawValue)): took \(String(format: "%.1f", seconds)) s")
            }
        }
        return tally
    }

    // MARK: - Mutations

    /// A node's position: the child index at each level (mapping pairs and list items).
    typealias NodePath = [Int]

    static func nodePaths(_ node: Node, prefix: NodePath = []) -> [NodePath] {
        var paths = [prefix]
        switch node {
        case .mapping(let mapping):
            for (index, pair) in mapping.enumerated() { paths += nodePaths(pair.value, prefix: prefix + [index]) }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() { paths += nodePaths(item, prefix: prefix + [index]) }
        case .scalar, .alias:
            break
        }
        return paths
    }

    /// `node` with the node at `path` replaced by `transform`'s result (nil deletes it from its
    /// mapping or list).
    static func rewrite(_ node: Node, at path: NodePath, _ transform: (Node) -> Node?) -> Node? {
        guard let first = path.first else { return transform(node) }
        let rest = Array(path.dropFirst())
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            for (index, pair) in mapping.enumerated() {
                if index == first {
                    if let value = rewrite(pair.value, at: rest, transform) { pairs.append((pair.key, value)) }
                } else {
                    pairs.append((pair.key, pair.value))
                }
            }
            return .mapping(Node.Mapping(pairs))
        case .sequence(let sequence):
            var items: [Node] = []
            for (index, item) in sequence.enumerated() {
                if index == first {
                    if let value = rewrite(item, at: rest, transform) { items.append(value) }
                } else {
                    items.append(item)
                }
            }
            return .sequence(Node.Sequence(items))
        case .scalar, .alias:
            return node
        }
    }

    static let wrongValues: [Node] = ["banana", Node("3.5", Tag(.float)), Node("-7", Tag(.int)), Node("true", Tag(.bool)),
                                      Node("~", Tag(.null)), .sequence(Node.Sequence([Node("1", Tag(.int)), "x"])),
                                      .mapping(Node.Mapping([("a", Node("1", Tag(.int)))]))]
    static let extremeNumbers = ["-1", "0", "1e30", "-1e30", ".nan", ".inf", "-.inf", "9223372036854775808", "0.0000001", "2147483648"]
    static let unicodeStrings = ["名前", "🙂🙃", "\u{202E}gnirts", "e\u{301}", "Ωmega-√", "a\u{200B}b", String(repeating: "ü", count: 300)]

    static func mutate<G: RandomNumberGenerator>(_ yaml: String, root: Node, paths: [NodePath], mutation: Mutation, rng: inout G) throws -> String {
        let nonRoot = paths.filter { !$0.isEmpty }
        switch mutation {
        case .deleteKey:
            guard let path = nonRoot.randomElement(using: &rng), let mutated = rewrite(root, at: path, { _ in nil }) else { return yaml }
            return try Yams.serialize(node: mutated)
        case .wrongType:
            guard let path = nonRoot.randomElement(using: &rng) else { return yaml }
            let value = wrongValues.randomElement(using: &rng)!
            return try rewrite(root, at: path, { _ in value }).map { try Yams.serialize(node: $0) } ?? yaml
        case .outOfRange:
            let scalars = nonRoot.filter { path in
                var found = false
                _ = rewrite(root, at: path) { node in
                    if case .scalar(let s) = node, Double(s.string) != nil { found = true }
                    return node
                }
                return found
            }
            guard let path = (scalars.isEmpty ? nonRoot : scalars).randomElement(using: &rng) else { return yaml }
            let number = extremeNumbers.randomElement(using: &rng)!
            return try rewrite(root, at: path, { _ in Node(number, Tag(.implicit), .plain) }).map { try Yams.serialize(node: $0) } ?? yaml
        case .unicode:
            guard let path = nonRoot.randomElement(using: &rng) else { return yaml }
            let text = unicodeStrings.randomElement(using: &rng)!
            return try rewrite(root, at: path, { _ in Node(text) }).map { try Yams.serialize(node: $0) } ?? yaml
        case .duplicateKey:
            var lines = yaml.components(separatedBy: "\n")
            let keyLines = lines.indices.filter { index in
                let line = lines[index]
                let trimmed = line.drop { $0 == " " }
                return !trimmed.hasPrefix("#") && !trimmed.hasPrefix("-") && trimmed.contains(":") && (trimmed.first?.isLetter ?? false)
            }
            guard let index = keyLines.randomElement(using: &rng) else { return yaml }
            lines.insert(lines[index], at: index + 1)
            return lines.joined(separator: "\n")
        case .truncate:
            guard yaml.count > 1 else { return "" }
            return String(yaml.prefix(Int.random(in: 0..<yaml.count, using: &rng)))
        case .hugeFile:
            if Bool.random(using: &rng) {
                // 20 000 variants: valid, large; must parse in bounded time.
                return yaml + "\n" + (0..<20_000).map { "  huge-\($0): {}" }.joined(separator: "\n") + "\n"
            }
            // A 16 MB description.
            return yaml.replacingOccurrences(of: "\nname:", with: "\ndescription_extra: \(String(repeating: "x", count: 16 << 20))\nname:")
        case .aliasBomb:
            // "Billion laughs": nine levels of ten aliases each, 10⁹ leaves if expanded.
            var bomb = "bomb0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
            for level in 1...9 {
                bomb += "bomb\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            // The composer sees every alias before the validator sees the unknown key: a parser
            // that expanded aliases would blow up here.
            let use = ["x-bomb: *l9", "x-bomb: [*l9, *l9, *l9]"].randomElement(using: &rng)!
            return "x-anchors:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n" + use + "\n" + yaml
        }
    }
}

/// A small seeded generator (SplitMix64) for the harness's own checks — fuzz cases, kill points —
/// which must be the same on every run.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
