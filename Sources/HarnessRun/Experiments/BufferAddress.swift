import HarnessConfig
import HarnessStore
extension UnsafeBufferPointer {
    /// The first element's address. The harness only takes it of non-empty data (splits with
    /// no images are rejected when loaded), so an empty buffer here is a programming error.
    var address: UnsafePointer<Element> {
        guard let base = baseAddress else { preconditionFailure("address of an empty buffer") }
        return base
    }
}

extension UnsafeMutableBufferPointer {
    /// See `UnsafeBufferPointer.address`.
    var address: UnsafeMutablePointer<Element> {
        guard let base = baseAddress else { preconditionFailure("address of an empty buffer") }
        return base
    }
}
