/// Which perf benches have which peer: PyTorch scripts exist for the two sequence blocks and the
/// MoE, and biomoe before issue 11 (baselines/biomoe-before/) is timed on the sequence blocks
/// only. Checked when the config is read, so a variant asking for a peer its bench has is
/// refused before anything runs rather than after the variants before it.
public enum PerfPeerSettings {
    /// The benches each non-biomoe peer can time.
    static let benches: [Peer: [PerfBench]] = [
        .pytorch: [.mambaBlock, .linearAttentionBlock, .moeTrain],
        .biomoeBefore: [.mambaBlock, .linearAttentionBlock],
    ]

    /// The key of `values` (a resolved perf variant) that asks for a peer its bench lacks, with
    /// what is expected; nil when the variant is fine.
    public static func configProblem(model values: [String: ConfigValue]) -> (key: String, expected: String)? {
        guard let peer = values["peer"]?.stringValue.flatMap(Peer.init(rawValue:)), let accepted = benches[peer] else { return nil }
        let bench = values["bench"]?.stringValue ?? PerfBench.sgemm.rawValue
        guard !accepted.map(\.rawValue).contains(bench) else { return nil }
        return ("bench", "\(accepted.map(\.rawValue).joined(separator: ", ")) with peer \(peer.rawValue) (the benches it has), got \(bench); or use peer: biomoe")
    }
}
