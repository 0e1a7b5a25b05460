import Foundation
import NN
import Tensor

/// Per-expert checkpoints, as the seed's registry keeps them: a directory with `gate.safetensors`
/// (projection, gate and read-out, plus the model's sizes and masks as metadata) and one
/// `expert_<e>.safetensors` per active expert holding its four tensors under slot-free names
/// (`fc1.weight`, …), so one expert's file loads into any slot of any model of its shape — the
/// plug-in use the seed describes. Everything is float32 safetensors (PyTorch's `load_file`
/// reads them).
public enum ExpertCheckpoints {
    public static let format = "biomoe.GrowingMixture"
    static let expertTensors = ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    static let coreTensors = ["proj.weight", "proj.bias", "gate.weight", "gate.bias", "head.weight", "head.bias"]

    /// The whole model as one file (every slot), with the same metadata: the run's checkpoint.
    public static func modelFile(_ model: GrowingMixture) -> SafetensorsFile {
        model.parameters.safetensors(metadata: metadata(model))
    }

    static func metadata(_ model: GrowingMixture) -> [String: String] {
        func mask(_ m: [Bool]) -> String { m.map { $0 ? "1" : "0" }.joined(separator: ",") }
        return ["format": format, "format_version": "1", "model": "growth", "input_size": String(model.inputSize),
                "classes": String(model.classes), "model_width": String(model.modelWidth), "expert_hidden": String(model.expertHidden),
                "max_experts": String(model.maxExperts), "top_k": String(model.topK), "temperature": String(model.temperature),
                "active": mask(model.active), "frozen": mask(model.frozen), "pruned": mask(model.pruned)]
            .merging(model.signals == nil ? [:] : ["gate_signals": model.signalSettings.metadata]) { a, _ in a }
    }

    /// The tensors gate.safetensors holds: the plain ones and the gate signals' (`signals.*`).
    static func coreTensorNames(_ model: GrowingMixture) -> [String] {
        coreTensors + model.parameters.entries.map(\.name).filter { $0.hasPrefix("signals.") }
    }

    /// Writes gate.safetensors and expert_<e>.safetensors for every active slot into `directory`
    /// (created if needed); returns the files written.
    @discardableResult
    public static func save(_ model: GrowingMixture, to directory: URL) throws -> [URL] {
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw SafetensorsError.unwritable(path: directory.path, reason: error.localizedDescription)
        }
        var core = SafetensorsFile(metadata: metadata(model))
        let table = model.parameters
        for name in coreTensorNames(model) {
            let entry = try table.entry(named: name)
            core.tensors[name] = SafetensorsTensor(shape: entry.shape, values: Array(table.values[entry.range]))
        }
        var written = [directory.appendingPathComponent("gate.safetensors")]
        try core.write(to: written[0])
        for e in 0..<model.maxExperts where model.active[e] {
            let url = directory.appendingPathComponent("expert_\(e).safetensors")
            try expertFile(model, e).write(to: url)
            written.append(url)
        }
        return written
    }

    /// Expert e's four tensors under slot-free names.
    public static func expertFile(_ model: GrowingMixture, _ e: Int) throws -> SafetensorsFile {
        var file = SafetensorsFile(metadata: ["format": "biomoe.MLPExpert", "input_size": String(model.modelWidth),
                                              "hidden": String(model.expertHidden)])
        for name in expertTensors {
            let entry = try model.parameters.entry(named: "experts.\(e).\(name)")
            file.tensors[name] = SafetensorsTensor(shape: entry.shape, values: Array(model.parameters.values[entry.range]))
        }
        return file
    }

    /// Overwrites slot e of a running model with an expert file (checked whole before writing).
    public static func loadExpert(_ file: SafetensorsFile, into model: GrowingMixture, slot e: Int, source: String) throws {
        var tensors: [(range: Range<Int>, values: [Float])] = []
        for name in expertTensors {
            let entry = try model.parameters.entry(named: "experts.\(e).\(name)")
            let tensor: SafetensorsTensor
            do { tensor = try file.tensor(name) } catch { throw ExpertCheckpointError.invalid(path: source, reason: "\(error)") }
            guard tensor.shape == entry.shape else {
                throw ExpertCheckpointError.invalid(path: source, reason: "\(name) has shape \(tensor.shape); slot \(e) of this model needs \(entry.shape)")
            }
            tensors.append((entry.range, tensor.values))
        }
        for t in tensors { for (i, v) in zip(t.range, t.values) { model.parameters.values[i] = v } }
    }

    /// Rebuilds the model saved in `directory` (a fresh process can call this): sizes and masks
    /// from gate.safetensors, the core tensors, then every active slot's expert file.
    public static func load(from directory: URL, maxBatch: Int) throws -> GrowingMixture {
        let corePath = directory.appendingPathComponent("gate.safetensors")
        let core = try SafetensorsFile(contentsOf: corePath)
        let model = try emptyModel(metadata: core.metadata, source: corePath.path, maxBatch: maxBatch)
        let names = coreTensorNames(model)
        guard Set(core.tensors.keys) == Set(names) else {
            throw ExpertCheckpointError.invalid(path: corePath.path, reason: "holds \(core.tensors.keys.sorted().joined(separator: ", ")); expected exactly \(names.joined(separator: ", "))")
        }
        for name in names {
            let entry = try model.parameters.entry(named: name), tensor = try core.tensor(name)
            guard entry.shape == tensor.shape else {
                throw ExpertCheckpointError.invalid(path: corePath.path, reason: "\(name) has shape \(tensor.shape); the metadata's sizes need \(entry.shape)")
            }
            for (i, v) in zip(entry.range, tensor.values) { model.parameters.values[i] = v }
        }
        for e in 0..<model.maxExperts where model.active[e] {
            let url = directory.appendingPathComponent("expert_\(e).safetensors")
            try loadExpert(try SafetensorsFile(contentsOf: url), into: model, slot: e, source: url.path)
        }
        return model
    }

    /// Rebuilds the model from its one-file form (`modelFile`, a growth run's checkpoint).
    public static func model(from file: SafetensorsFile, maxBatch: Int) throws -> GrowingMixture {
        let model = try emptyModel(metadata: file.metadata, source: "the checkpoint", maxBatch: maxBatch)
        try model.parameters.load(safetensors: file)
        return model
    }

    /// A model of the sizes and masks the metadata states; its parameters are yet to be read.
    static func emptyModel(metadata meta: [String: String], source: String, maxBatch: Int) throws -> GrowingMixture {
        guard meta["format"] == format else {
            throw ExpertCheckpointError.invalid(path: source, reason: "metadata format is \(meta["format"] ?? "missing"); expected \(format)")
        }
        func int(_ key: String) throws -> Int {
            guard let v = meta[key].flatMap(Int.init), v > 0 else {
                throw ExpertCheckpointError.invalid(path: source, reason: "metadata \(key) is \(meta[key] ?? "missing"); expected a positive integer")
            }
            return v
        }
        func mask(_ key: String, _ count: Int) throws -> [Bool] {
            let parts = (meta[key] ?? "").split(separator: ",")
            guard parts.count == count, parts.allSatisfy({ $0 == "0" || $0 == "1" }) else {
                throw ExpertCheckpointError.invalid(path: source, reason: "metadata \(key) is \(meta[key] ?? "missing"); expected \(count) comma-separated 0/1 flags")
            }
            return parts.map { $0 == "1" }
        }
        let slots = try int("max_experts")
        guard let temperature = meta["temperature"].flatMap(Float.init), temperature > 0 else {
            throw ExpertCheckpointError.invalid(path: source, reason: "metadata temperature is \(meta["temperature"] ?? "missing"); expected a number > 0")
        }
        let active = try mask("active", slots)
        guard active.contains(true) else { throw ExpertCheckpointError.invalid(path: source, reason: "metadata active has no active expert") }
        var signals = GateSignalSettings()
        if let text = meta["gate_signals"] {
            guard let parsed = GateSignalSettings(metadata: text) else {
                throw ExpertCheckpointError.invalid(path: source, reason: "metadata gate_signals is \(text); expected the key=value pairs biomoe writes")
            }
            signals = parsed
        }
        var rng = Philox4x32_10(key: (0, 0))  // every value the model uses is overwritten by the caller
        let model = GrowingMixture(inputSize: try int("input_size"), classes: try int("classes"), modelWidth: try int("model_width"),
                                   expertHidden: try int("expert_hidden"), maxExperts: slots, initialExperts: 1, topK: try int("top_k"),
                                   temperature: temperature, maxBatch: maxBatch, signals: signals, rng: &rng)
        model.setMasks(active: active, frozen: try mask("frozen", slots), pruned: try mask("pruned", slots))
        return model
    }
}

public enum ExpertCheckpointError: Error, Equatable, CustomStringConvertible {
    case invalid(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(path, reason): return "\(path): \(reason)"
        }
    }
}
