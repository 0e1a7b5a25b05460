import Foundation
import HarnessConfig

/// The byte layout of `prediction.probabilities`: K Float32 values, little-endian, no header.
///
/// Fixed endianness keeps a results file readable on any machine; raw bit patterns keep NaN and
/// signed zeros exactly (a text encoding would round-trip through decimal).
public enum ProbabilityBlob {
    /// 4·K bytes.
    public static func encode(_ probabilities: [Float]) -> Data {
        var data = Data(capacity: probabilities.count * 4)
        for probability in probabilities {
            let bits = probability.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The K floats of a 4·K-byte blob.
    public static func decode(_ data: Data) throws -> [Float] {
        guard data.count % 4 == 0 else {
            throw ResultStoreError.corruptPredictionBlob(byteCount: data.count)
        }
        let count = data.count / 4
        return data.withUnsafeBytes { raw in
            (0..<count).map { index in
                let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                return Float(bitPattern: UInt32(littleEndian: bits))
            }
        }
    }
}
