import HarnessConfig
import HarnessStore
/// One of N disjoint slices of a suite's runs, so N processes can share a machine's cores and
/// one database: shard K of N takes the runs at positions K−1, K−1+N, … of the suite's fixed
/// (variant, seed) order. The order is the config's, so the slices do not depend on what is
/// already complete and two shards never pick the same run.
public struct RunShard: Equatable, Sendable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public static let whole = RunShard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "K/N" with 1 ≤ K ≤ N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw RunShardError(text: text)
        }
        self.init(uncheckedIndex: k, count: n)
    }

    public var isWhole: Bool { count == 1 }

    /// Whether the run at `position` (0-based, in `SuiteSpec.expand()` order) belongs here.
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}

public struct RunShardError: Error, CustomStringConvertible {
    public let text: String
    public var description: String { "--shard '\(text)': expected K/N with 1 ≤ K ≤ N, e.g. 1/2" }
}
