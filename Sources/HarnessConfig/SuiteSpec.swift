import Growth
import Crypto
import Tensor
import Foundation

/// One variant of a suite: its overrides as written and the base they resolve against.
public struct VariantSpec: Hashable, Sendable {
    public let name: String
    public let overrides: [String: ConfigValue]
    /// `base` with `overrides` applied: every model/training key present.
    public let resolved: [String: ConfigValue]
}

/// A parsed, validated, canonicalised suite config. Built only by `SuiteSpec.load` / `parse`,
/// so holding one means the config was valid.
public struct SuiteSpec: Sendable {
    public let sourcePath: String
    public let name: String
    public let version: Int
    public let description: String
    public let seeds: [Int]
    public let suiteSeed: Int
    public let task: [String: ConfigValue]
    public let base: [String: ConfigValue]
    /// In file order: runs execute and reports list variants in the order the author wrote.
    public let variants: [VariantSpec]
    /// Defaults filled, keys sorted; `description` left out so rewording it changes no hash.
    public let canonical: ConfigValue
    /// SHA-256 of `canonical.canonicalJSON`, lowercase hex.
    public let configHash: String
    /// Tolerances for `compare` / `gate` (the `gate:` section). Not in `canonical` or the hash:
    /// loosening a tolerance changes no result.
    public var gate = GatePolicy()
    /// `blas_core`: the OpenBLAS kernel the runs must use, nil for `any`. Not in `canonical`: a
    /// kernel changes summation order, not the experiment, and each run's environment records
    /// the kernel it ran on.
    public var blasCore: BLASCore?
    /// `save_checkpoints`: write each run's final parameters beside the results file. Not in
    /// `canonical`: storing a model changes none of its numbers.
    public var saveCheckpoints = false
    /// `run_order`: the order `expand()` lists the runs in. Not in `canonical`: no result depends on it.
    public var runOrder = RunOrder.byVariant
    /// The models whose runs have trained parameters to store (`save_checkpoints`).
    public static let checkpointModels: Set<String> = ["mlp", "moe", "sequence", "growth"]
    /// The config spelling of "no pinned kernel".
    public static let anyBLASCore = "any"

    public static func load(path: String) throws -> SuiteSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigError(file: path, line: nil, keyPath: "",
                              message: exists ? "cannot read the file (permissions?)" : "no such config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, keyPath: "", message: "not UTF-8 text; expected a YAML file")
        }
        return try parse(yaml: text, path: path)
    }

    public static func parse(yaml: String, path: String) throws -> SuiteSpec {
        let reader = ConfigReader(file: path)
        let root = try reader.document(yaml)
        let top = try reader.mapping(root, keyPath: "", allowed: ExperimentSchema.topLevel.map(\.key) + ExperimentSchema.sections)
        let topValues = try reader.section(top, specs: ExperimentSchema.topLevel, keyPath: "", node: root)
        let taskEntries = try reader.mapping(top["task"], keyPath: "task", allowed: ExperimentSchema.task.map(\.key), missingIsEmpty: true)
        let taskValues = try reader.section(taskEntries, specs: ExperimentSchema.task, keyPath: "task", node: top["task"]?.node ?? root)
        // A key of one data set is an error with another (its default stays out of the hash:
        // `hashedOnlyWhenChanged`).
        for (key, dataset) in ExperimentSchema.datasetTaskKeys where taskValues["dataset"]?.stringValue != dataset.rawValue {
            if let entry = taskEntries[key] {
                throw ConfigError(file: path, line: entry.line, keyPath: "task.\(key)",
                                  message: "applies only to task.dataset \(dataset.rawValue); this suite's dataset is \(taskValues["dataset"]?.stringValue ?? "?")")
            }
        }
        let baseEntries = try reader.mapping(top["base"], keyPath: "base", allowed: ExperimentSchema.base.map(\.key), missingIsEmpty: true)
        let baseValues = try reader.section(baseEntries, specs: ExperimentSchema.base, keyPath: "base", node: top["base"]?.node ?? root)

        guard let variantsEntry = top["variants"] else {
            throw ConfigError(file: path, line: nil, keyPath: "variants",
                              message: "missing; expected a mapping of variant names to overrides of base (e.g. `mlp: {}`)")
        }
        let variantNodes = try reader.orderedMapping(variantsEntry.node, keyPath: "variants")
        guard !variantNodes.isEmpty else {
            throw ConfigError(file: path, line: variantsEntry.node.mark?.line, keyPath: "variants",
                              message: "empty; expected at least one variant")
        }
        var variants: [VariantSpec] = []
        for (name, node) in variantNodes {
            let keyPath = "variants.\(name)"
            try reader.checkName(name, keyPath: keyPath, line: node.mark?.line)
            let entries = try reader.mapping(ConfigReader.Entry(node: node, line: node.mark?.line), keyPath: keyPath,
                                             allowed: ExperimentSchema.base.map(\.key), missingIsEmpty: true, nullIsEmpty: true)
            var overrides: [String: ConfigValue] = [:]
            for spec in ExperimentSchema.base {
                if let entry = entries[spec.key] {
                    overrides[spec.key] = try reader.value(entry.node, spec: spec, keyPath: "\(keyPath).\(spec.key)")
                }
            }
            let merged = baseValues.merging(overrides) { _, new in new }
            let model = merged["model"]?.stringValue ?? ""
            for spec in ExperimentSchema.base where !spec.applies(toModel: model) {
                if let entry = entries[spec.key] {
                    throw ConfigError(file: path, line: entry.line, keyPath: "\(keyPath).\(spec.key)",
                                      message: "applies only to model \(spec.models?.joined(separator: ", ") ?? ""); this variant uses model \(model)")
                }
            }
            let resolved = merged.filter { key, _ in ExperimentSchema.baseByKey[key]?.applies(toModel: model) ?? true }
            variants.append(VariantSpec(name: name, overrides: overrides, resolved: resolved))
        }

        // A base key no variant's model uses is a mistake, not a default.
        let models = Set(variants.compactMap { $0.overrides["model"]?.stringValue ?? baseValues["model"]?.stringValue })
        for spec in ExperimentSchema.base {
            if let entry = baseEntries[spec.key], !models.contains(where: { spec.applies(toModel: $0) }) {
                throw ConfigError(file: path, line: entry.line, keyPath: "base.\(spec.key)",
                                  message: "applies only to model \(spec.models?.joined(separator: ", ") ?? ""), which no variant uses")
            }
        }

        guard let name = topValues["name"]?.stringValue, let version = topValues["version"]?.intValue,
              let seeds = topValues["seeds"]?.listValue?.compactMap(\.intValue),
              let suiteSeed = topValues["suite_seed"]?.intValue else {
            throw ConfigError(file: path, line: nil, keyPath: "", message: "internal: validated keys missing")
        }
        if Set(seeds).count != seeds.count {
            throw ConfigError(file: path, line: top["seeds"]?.line, keyPath: "seeds", message: "repeats a seed; expected distinct seeds")
        }

        for variant in variants where variant.resolved["model"]?.stringValue == ModelKind.growth.rawValue {
            if let problem = GrowthSettings.configProblem(model: variant.resolved, task: taskValues) {
                throw ConfigError(file: path, line: nil, keyPath: "variants.\(variant.name).\(problem.key)", message: "expected \(problem.expected)")
            }
        }

        for variant in variants where variant.resolved["model"]?.stringValue == ModelKind.sequence.rawValue {
            if let problem = SequencePeerSettings.configProblem(model: variant.resolved) {
                throw ConfigError(file: path, line: nil, keyPath: "variants.\(variant.name).\(problem.key)", message: "expected \(problem.expected)")
            }
        }

        for variant in variants where variant.resolved["model"]?.stringValue == ModelKind.perf.rawValue {
            if let problem = PerfPeerSettings.configProblem(model: variant.resolved) {
                throw ConfigError(file: path, line: nil, keyPath: "variants.\(variant.name).\(problem.key)", message: "expected \(problem.expected)")
            }
        }

        var canonicalMap = topValues
        canonicalMap["description"] = nil
        canonicalMap["blas_core"] = nil
        canonicalMap["save_checkpoints"] = nil
        canonicalMap["run_order"] = nil
        canonicalMap["task"] = .map(FieldSpec.hashed(taskValues, specs: ExperimentSchema.task))
        canonicalMap["base"] = .map(FieldSpec.hashed(baseValues.filter { key, _ in
            ExperimentSchema.baseByKey[key]?.applies(toModel: baseValues["model"]?.stringValue ?? "") ?? true
        }, specs: ExperimentSchema.base))
        canonicalMap["variants"] = .map(Dictionary(uniqueKeysWithValues: variants.map {
            ($0.name, .map(FieldSpec.hashed($0.resolved, specs: ExperimentSchema.base)))
        }))
        let canonical = ConfigValue.map(canonicalMap)

        var spec = SuiteSpec(
            sourcePath: path, name: name, version: version,
            description: topValues["description"]?.stringValue ?? "",
            seeds: seeds, suiteSeed: suiteSeed, task: taskValues, base: baseValues, variants: variants,
            canonical: canonical, configHash: sha256Hex(canonical.canonicalJSON))
        spec.gate = try GatePolicy.read(top["gate"], reader: reader, root: root)
        spec.blasCore = topValues["blas_core"]?.stringValue.flatMap(BLASCore.named)
        spec.saveCheckpoints = topValues["save_checkpoints"]?.boolValue ?? false
        spec.runOrder = topValues["run_order"]?.stringValue.flatMap(RunOrder.init(rawValue:)) ?? .byVariant
        if spec.saveCheckpoints, let variant = variants.first(where: { !checkpointModels.contains($0.resolved["model"]?.stringValue ?? "") }) {
            throw ConfigError(file: path, line: top["save_checkpoints"]?.line, keyPath: "save_checkpoints",
                              message: "variant \(variant.name) uses model \(variant.resolved["model"]?.stringValue ?? "?"), which has no trained parameters to store; checkpoints are written for models \(checkpointModels.sorted().joined(separator: ", "))")
        }
        return spec
    }

    /// Every (variant, seed) pair, variants and seeds in file order: by variant (each variant's
    /// seeds together) or, with `run_order: by-seed`, by seed (one pass over the variants per seed).
    public func expand() -> [RunSpec] {
        switch runOrder {
        case .byVariant:
            return variants.flatMap { variant in seeds.map { seed in RunSpec(suite: self, variant: variant, seed: seed) } }
        case .bySeed:
            return seeds.flatMap { seed in variants.map { variant in RunSpec(suite: self, variant: variant, seed: seed) } }
        }
    }
}

func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
}

/// SHA-256 of raw bytes (a checkpoint file), lowercase hex.
public func sha256Hex(bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

extension ExperimentSchema {
    /// `base` by key (the first spec of a key, as a linear search finds it). Resolving each
    /// variant searched the whole schema once per key, which dominated parsing a config with
    /// tens of thousands of variants.
    static let baseByKey: [String: FieldSpec] = Dictionary(base.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
