import Foundation
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

/// A store with one environment, one suite and one running invocation, plus builders for runs.
struct StoreFixture {
    let store: ResultStore
    let environmentId: Int64
    let suiteId: Int64
    let invocationId: Int64

    static let environment = EnvironmentFingerprint(
        codeCommit: "0123456789abcdef0123456789abcdef01234567", codeDirty: false,
        toolchain: "Swift version 6.3.1 (swift-6.3.1-RELEASE)",
        blasLibrary: "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64",
        blasThreads: 2, cpuModel: "AMD EPYC", os: "Debian GNU/Linux 12 (bookworm), kernel 6.1.0")

    static let suite = SuiteRegistration(
        name: "fmnist-moe", configHash: "abc123", configVersion: 1,
        canonicalConfig: #"{"seeds":[1,2],"task":"fashion-mnist"}"#,
        sourcePath: "experiments/fmnist-moe.yaml")

    init(store: ResultStore? = nil) throws {
        let store = try store ?? ResultStore.inMemory()
        self.store = store
        environmentId = try store.register(environment: Self.environment)
        suiteId = try store.register(suite: Self.suite)
        invocationId = try store.beginInvocation(suiteId: suiteId, environmentId: environmentId)
    }

    func header(variant: String, seed: Int) -> RunHeader {
        RunHeader(
            suiteId: suiteId, invocationId: invocationId, environmentId: environmentId,
            variant: variant, seed: seed, configHash: "abc123",
            resolvedConfig: #"{"experts":4,"topK":2}"#,
            startedAt: Date(timeIntervalSince1970: 1_700_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_700_000_060))
    }

    /// Counts rows of `table` through SQL, bypassing the read API under test.
    func count(_ table: String) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
        }
    }
}
