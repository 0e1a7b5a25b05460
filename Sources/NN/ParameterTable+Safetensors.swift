extension ParameterTable {
    /// Every parameter as a safetensors tensor under its table name, which is the PyTorch
    /// `state_dict` name of the same tensor (`layers.0.weight`, `experts.3.fc1.bias`, …), so the
    /// file loads into a PyTorch transcription with `load_state_dict` and nothing renamed.
    public func safetensors(metadata: [String: String] = [:]) -> SafetensorsFile {
        var tensors: [String: SafetensorsTensor] = [:]
        for (i, entry) in entries.enumerated() {
            tensors[entry.name] = SafetensorsTensor(shape: entry.shape, values: Array(values(of: i)))
        }
        return SafetensorsFile(tensors: tensors, metadata: metadata)
    }

    /// Overwrites every parameter from `file`, which must hold each name of the table with the
    /// same shape and nothing else, so a checkpoint of another configuration cannot load half-way:
    /// everything is checked before the first value is written.
    public func load(safetensors file: SafetensorsFile) throws {
        let names = Set(entries.map(\.name))
        let extra = file.tensors.keys.filter { !names.contains($0) }.sorted()
        guard extra.isEmpty else { throw ParameterTableError.unexpectedTensors(extra) }
        let tensors = try entries.map { entry in
            let tensor = try file.tensor(entry.name)
            guard tensor.shape == entry.shape else {
                throw ParameterTableError.shapeMismatch(name: entry.name, expected: entry.shape, got: tensor.shape)
            }
            return tensor
        }
        for (i, tensor) in tensors.enumerated() {
            _ = values(of: i).update(fromContentsOf: tensor.values)
        }
    }
}
