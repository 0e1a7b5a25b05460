import Testing
import NN

@Suite("ParameterTable as safetensors")
struct ParameterTableSafetensorsTests {
    func table(_ values: [Float]) -> ParameterTable {
        let table = ParameterTable([(name: "layers.0.weight", shape: [2, 3]), (name: "layers.0.bias", shape: [2])])
        _ = table.values.update(fromContentsOf: values)
        return table
    }

    @Test("a table written as safetensors and read back into a fresh table has the same bits")
    func roundTrip() throws {
        let values: [Float] = [1, -2.5, .leastNonzeroMagnitude, 3e-8, .pi, -0.0, 42, 7]
        let file = table(values).safetensors(metadata: ["format": "test"])
        let bytes = file.serialized()
        let copy = table(Array(repeating: 0, count: 8))
        try copy.load(safetensors: try SafetensorsFile(bytes: bytes))
        #expect(Array(copy.values).map(\.bitPattern) == values.map(\.bitPattern))
        #expect(try SafetensorsFile(bytes: bytes).metadata == ["format": "test"])
        #expect(file.tensors["layers.0.weight"]?.shape == [2, 3])
    }

    @Test("a file with an extra tensor, a wrong shape or a missing tensor is refused and writes nothing")
    func refusesOtherModels() throws {
        let source = table([1, 2, 3, 4, 5, 6, 7, 8]).safetensors()
        let target = table(Array(repeating: 9, count: 8))
        var extra = source
        extra.tensors["lm_head.weight"] = SafetensorsTensor(shape: [1], values: [0])
        #expect(throws: ParameterTableError.unexpectedTensors(["lm_head.weight"])) { try target.load(safetensors: extra) }
        var reshaped = source
        reshaped.tensors["layers.0.bias"] = SafetensorsTensor(shape: [1, 2], values: [5, 6])
        #expect(throws: ParameterTableError.shapeMismatch(name: "layers.0.bias", expected: [2], got: [1, 2])) {
            try target.load(safetensors: reshaped)
        }
        var missing = source
        missing.tensors["layers.0.bias"] = nil
        #expect(throws: SafetensorsError.self) { try target.load(safetensors: missing) }
        #expect(target.values.allSatisfy { $0 == 9 }, "a refused load changed the parameters")
    }
}
