import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Suite configs: parsing, validation errors, canonical hash")
struct SuiteSpecTests {
    static let valid = """
    schema: 1
    name: demo
    version: 2
    seeds: [0, 1]
    task:
      epochs: 3
    base:
      hidden: [64]
    variants:
      softmax-regression:
        hidden: []
      mlp: {}
    """

    @Test("a valid config fills defaults, keeps variant order and expands variants × seeds")
    func validConfig() throws {
        let spec = try SuiteSpec.parse(yaml: Self.valid, path: "demo.yaml")
        #expect(spec.name == "demo")
        #expect(spec.version == 2)
        #expect(spec.variants.map(\.name) == ["softmax-regression", "mlp"])
        #expect(spec.task["batch_size"] == .int(128))
        #expect(spec.task["epochs"] == .int(3))
        #expect(spec.variants[0].resolved["hidden"] == .list([]))
        #expect(spec.variants[1].resolved["hidden"] == .list([.int(64)]))
        let runs = spec.expand()
        #expect(runs.map { "\($0.variant)/\($0.seed)" } == ["softmax-regression/0", "softmax-regression/1", "mlp/0", "mlp/1"])
        #expect(spec.configHash.count == 64)
    }

    @Test("run_order by-seed runs every variant once per seed, one pass after another, and changes no hash; by-variant is the default")
    func runOrder() throws {
        let plain = try SuiteSpec.parse(yaml: Self.valid, path: "demo.yaml")
        let bySeed = try SuiteSpec.parse(yaml: "run_order: by-seed\n" + Self.valid, path: "demo.yaml")
        let byVariant = try SuiteSpec.parse(yaml: "run_order: by-variant\n" + Self.valid, path: "demo.yaml")
        #expect(bySeed.expand().map { "\($0.variant)/\($0.seed)" } == ["softmax-regression/0", "mlp/0", "softmax-regression/1", "mlp/1"])
        #expect(byVariant.expand().map { "\($0.variant)/\($0.seed)" } == plain.expand().map { "\($0.variant)/\($0.seed)" })
        #expect(plain.runOrder == .byVariant)
        #expect(bySeed.configHash == plain.configHash && byVariant.configHash == plain.configHash)
        #expect(bySeed.expand().map(\.runConfigHash).sorted() == plain.expand().map(\.runConfigHash).sorted())
        #expect(throws: ConfigError.self) { try SuiteSpec.parse(yaml: "run_order: shuffled\n" + Self.valid, path: "demo.yaml") }
    }

    @Test("the hash ignores key order, comments, description and spelled-out defaults, but not values")
    func hashIsCanonical() throws {
        let reordered = """
        # same experiment, written differently
        name: demo
        description: reworded
        schema: 1
        variants:
          softmax-regression: {hidden: []}
          mlp:
        base: {hidden: [64], optimizer: adam}
        seeds: [0, 1]
        version: 2
        task: {batch_size: 128, epochs: 3}
        """
        let a = try SuiteSpec.parse(yaml: Self.valid, path: "a.yaml")
        let b = try SuiteSpec.parse(yaml: reordered, path: "b.yaml")
        #expect(a.configHash == b.configHash)
        let changed = try SuiteSpec.parse(yaml: Self.valid.replacingOccurrences(of: "epochs: 3", with: "epochs: 4"), path: "c.yaml")
        #expect(changed.configHash != a.configHash)
        #expect(a.expand()[0].runConfigHash == b.expand()[0].runConfigHash)
        #expect(changed.expand()[0].runConfigHash != a.expand()[0].runConfigHash)
    }

    @Test("canonical JSON sorts keys and prints integers and doubles distinctly")
    func canonicalJSON() {
        let value = ConfigValue.map(["b": .double(1), "a": .list([.int(1), .string("x\"y")]), "c": .double(0.001)])
        #expect(value.canonicalJSON == #"{"a":[1,"x\"y"],"b":1.0,"c":0.001}"#)
    }

    @Test("an unknown key names the file, line, key path and the valid keys")
    func unknownKey() {
        let yaml = Self.valid.replacingOccurrences(of: "hidden: [64]", with: "hiden: [64]")
        #expect {
            try SuiteSpec.parse(yaml: yaml, path: "x.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("x.yaml:8: base.hiden: unknown key; expected one of ") && text.contains("hidden")
                && !text.contains("\n")
        }
    }

    @Test("a wrong type says what was expected and what was found")
    func wrongType() {
        let yaml = Self.valid.replacingOccurrences(of: "epochs: 3", with: "epochs: three")
        #expect(throws: ConfigError(file: "x.yaml", line: 6, keyPath: "task.epochs",
                                    message: "expected an integer in 1...1000, got string 'three'")) {
            try SuiteSpec.parse(yaml: yaml, path: "x.yaml")
        }
    }

    @Test("an out-of-range value names the range")
    func outOfRange() {
        let yaml = Self.valid.replacingOccurrences(of: "epochs: 3", with: "epochs: 0")
        #expect(throws: ConfigError(file: "x.yaml", line: 6, keyPath: "task.epochs",
                                    message: "0 is out of range; expected an integer in 1...1000")) {
            try SuiteSpec.parse(yaml: yaml, path: "x.yaml")
        }
    }

    @Test("a bad list element is reported with its index")
    func badListElement() {
        let yaml = Self.valid.replacingOccurrences(of: "hidden: [64]", with: "hidden: [64, -1]")
        #expect {
            try SuiteSpec.parse(yaml: yaml, path: "x.yaml")
        } throws: { error in
            "\(error)".contains("base.hidden[1]: expected an integer in 1...65536, got integer -1")
        }
    }

    @Test("a variant may only override base keys")
    func variantUnknownKey() {
        let yaml = Self.valid.replacingOccurrences(of: "mlp: {}", with: "mlp: {epochs: 5}")
        #expect {
            try SuiteSpec.parse(yaml: yaml, path: "x.yaml")
        } throws: { error in
            "\(error)".contains("variants.mlp.epochs: unknown key")
        }
    }

    @Test("missing required keys, a wrong schema and repeated seeds are errors")
    func requiredKeys() {
        #expect(throws: ConfigError.self) {
            try SuiteSpec.parse(yaml: Self.valid.replacingOccurrences(of: "version: 2\n", with: ""), path: "x.yaml")
        }
        #expect {
            try SuiteSpec.parse(yaml: Self.valid.replacingOccurrences(of: "schema: 1", with: "schema: 2"), path: "x.yaml")
        } throws: { "\($0)".contains("schema: 2 is out of range") }
        #expect {
            try SuiteSpec.parse(yaml: Self.valid.replacingOccurrences(of: "[0, 1]", with: "[1, 1]"), path: "x.yaml")
        } throws: { "\($0)".contains("seeds: repeats a seed") }
    }

    @Test("a missing file and malformed YAML fail with one line naming the file")
    func missingFileAndBadYAML() {
        #expect(throws: ConfigError(file: "/nonexistent/x.yaml", line: nil, keyPath: "", message: "no such config file")) {
            try SuiteSpec.load(path: "/nonexistent/x.yaml")
        }
        #expect {
            try SuiteSpec.parse(yaml: "name: [unclosed", path: "y.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("y.yaml:") && text.contains(": invalid YAML: ") && !text.contains("\n") && text.count < 200
        }
        #expect {
            try SuiteSpec.parse(yaml: Self.valid + "\nseeds: [3]\n", path: "z.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("duplicate key(s) seeds") && !text.contains("\n") && text.count < 200
        }
    }
}

@Suite("Model-specific config keys")
struct ModelSpecificKeyTests {
    static let mixed = """
    schema: 1
    name: mixed
    version: 1
    seeds: [0]
    base: {model: moe, experts: 4}
    variants:
      dense-mlp: {model: mlp, hidden: [32]}
      softmax-moe: {router: softmax}
      spiking-moe: {router: spiking, time_steps: 4}
    """

    @Test("each variant resolves only the keys of its own model")
    func resolvesPerModel() throws {
        let spec = try SuiteSpec.parse(yaml: Self.mixed, path: "m.yaml")
        let mlp = spec.variants[0].resolved
        #expect(mlp["hidden"] == .list([.int(32)]))
        #expect(mlp["router"] == nil && mlp["experts"] == nil)
        let spiking = spec.variants[2].resolved
        #expect(spiking["experts"] == .int(4) && spiking["time_steps"] == .int(4) && spiking["hidden"] == nil)
    }

    @Test("a variant setting a key of another model is an error naming the model")
    func variantKeyOfOtherModel() {
        let yaml = Self.mixed.replacingOccurrences(of: "{model: mlp, hidden: [32]}", with: "{model: mlp, router: spiking}")
        #expect {
            try SuiteSpec.parse(yaml: yaml, path: "m.yaml")
        } throws: { "\($0)".contains("variants.dense-mlp.router: applies only to model moe; this variant uses model mlp") }
    }

    @Test("a base key that no variant's model uses is an error")
    func unusedBaseKey() {
        let yaml = Self.mixed.replacingOccurrences(of: "{model: moe, experts: 4}", with: "{model: moe, hidden: [8]}")
            .replacingOccurrences(of: "dense-mlp: {model: mlp, hidden: [32]}", with: "other: {}")
        #expect {
            try SuiteSpec.parse(yaml: yaml, path: "m.yaml")
        } throws: { "\($0)".contains("base.hidden: applies only to model mlp, continual, which no variant uses") }
    }
}

@Suite("Config key reference")
struct ConfigReferenceTests {
    @Test("docs/CONFIG.md is exactly what `biomoe schema` prints, so the docs match the validator")
    func docsMatchSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/CONFIG.md"), encoding: .utf8)
        #expect(docs == ConfigReference.markdown(), "regenerate with: biomoe schema > docs/CONFIG.md")
    }

    @Test("no key is declared twice in the task or base tables, so no model reads another model's default")
    func keysAreUnique() {
        for (table, specs) in [("task", ExperimentSchema.task), ("base", ExperimentSchema.base)] {
            var seen: Set<String> = []
            for spec in specs {
                #expect(!seen.contains(spec.key), "\(table).\(spec.key) is declared twice; widen the first declaration's models instead")
                seen.insert(spec.key)
            }
        }
    }
}

@Suite("Run shards")
struct RunShardTests {
    @Test("shards K of N partition the runs: every position is in exactly one shard")
    func shardsPartitionTheRuns() throws {
        let shards = try (1...3).map { try RunShard(parsing: "\($0)/3") }
        for position in 0..<20 {
            #expect(shards.filter { $0.contains(position: position) }.count == 1)
        }
        #expect(shards[0].contains(position: 0) && shards[0].contains(position: 3) && !shards[0].contains(position: 1))
        #expect(RunShard.whole.contains(position: 7))
    }

    @Test("a shard outside 1…N or not of the form K/N is rejected with the expected form", arguments: ["0/2", "3/2", "1/0", "2", "a/b", "1/2/3", ""])
    func malformedShardIsRejected(text: String) {
        #expect(throws: RunShardError.self) { try RunShard(parsing: text) }
        #expect("\(RunShardError(text: text))".contains("expected K/N"))
    }
}

@Suite("Committed experiment configs")
struct CommittedConfigTests {
    @Test("every config under experiments/ loads and passes validation")
    func everyCommittedConfigLoads() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../experiments").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 9)
        for file in files {
            #expect(throws: Never.self, "\(file)") { _ = try SuiteSpec.load(path: directory.appendingPathComponent(file).path) }
        }
    }
}
