import Foundation
import NN

extension SequenceModel {
    /// Version of the checkpoint layout (names and shapes from `SequenceModelConfig.parameterShapes`).
    public static let checkpointFormatVersion = "1"

    /// The parameters as a safetensors file under their PyTorch names, with metadata giving the
    /// format version and the config, so the file loads into the PyTorch transcription
    /// (Tests/SequenceTests/Fixtures/generate_golden.py) with `load_file` + `load_state_dict`.
    public func checkpoint() -> SafetensorsFile {
        parameters.safetensors(metadata: ["format": "biomoe.SequenceModel",
                                          "format_version": Self.checkpointFormatVersion,
                                          "config": config.summary])
    }

    /// Writes `checkpoint()` to `url`.
    public func save(to url: URL) throws {
        try checkpoint().write(to: url)
    }

    /// Overwrites every parameter from `file`, which must hold each name of the table with the
    /// same shape (extra tensors, e.g. a PyTorch `lm_head.weight` beside a tied model's embedding,
    /// are refused too, so a mismatch of configs cannot pass silently).
    public func load(checkpoint file: SafetensorsFile) throws {
        if let version = file.metadata["format_version"], version != Self.checkpointFormatVersion {
            throw SequenceCheckpointError.unsupportedVersion(found: version, supported: Self.checkpointFormatVersion)
        }
        let names = Set(parameters.entries.map(\.name))
        let extra = file.tensors.keys.filter { !names.contains($0) }.sorted()
        guard extra.isEmpty else { throw SequenceCheckpointError.unexpectedTensors(extra) }
        for (i, entry) in parameters.entries.enumerated() {
            let tensor = try file.tensor(entry.name)
            guard tensor.shape == entry.shape else {
                throw SequenceModelError.shapeMismatch(name: entry.name, expected: entry.shape, got: tensor.shape)
            }
            _ = parameters.values(of: i).update(fromContentsOf: tensor.values)
        }
    }

    /// Reads a safetensors checkpoint from `url` into the parameters.
    public func load(contentsOf url: URL) throws {
        try load(checkpoint: SafetensorsFile(contentsOf: url))
    }
}

/// Errors from loading a `SequenceModel` checkpoint.
public enum SequenceCheckpointError: Error, Equatable, CustomStringConvertible {
    case unsupportedVersion(found: String, supported: String)
    case unexpectedTensors([String])

    public var description: String {
        switch self {
        case let .unsupportedVersion(found, supported):
            return "checkpoint format_version \(found) is not the supported \(supported); re-save it with a biomoe that writes version \(supported)."
        case let .unexpectedTensors(names):
            return "the checkpoint holds tensors this model does not have: \(names.joined(separator: ", ")); build the model with the config the checkpoint was saved from (layers, mixer, mlp, tied head)."
        }
    }
}
