import Foundation
@testable import HarnessReport
@testable import HarnessRun
import Metrics
import Testing

@Suite("PyTorch peers: every implementation form recorded and reported")
struct PyTorchPeerFormsTests {
    /// What linear_attention.py writes (medians and `_best` figures per form), cut to two forms.
    static let linearAttention: [String: Any] = [
        "parameters": 65536.0,
        "metrics": ["tokens_per_s_forward_cumsum": 14089.0, "tokens_per_s_forward_cumsum_best": 14281.0,
                    "tokens_per_s_train_cumsum": 5556.0, "tokens_per_s_train_cumsum_best": 5581.0,
                    "tokens_per_s_forward_chunked": 239900.0, "tokens_per_s_forward_chunked_best": 244737.0,
                    "tokens_per_s_train_chunked": 82011.0, "tokens_per_s_train_chunked_best": 84338.0],
    ]

    static func metrics(_ outcome: RunOutcome) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: outcome.metrics.map { ($0.name, $0.value) })
    }

    @Test("each form's median is recorded under its own name, and the fastest median (not a _best figure) is the peer's")
    func linearAttentionForms() throws {
        var outcome = RunOutcome()
        try PyTorchPeer.recordBlock(Self.linearAttention, path: "linear_attention.py", into: &outcome)
        let recorded = Self.metrics(outcome)
        #expect(recorded == ["tokens_per_s_forward": 239900, "tokens_per_s_train": 82011, "parameters": 65536,
                             "peer_tokens_per_s_forward_cumsum": 14089, "peer_tokens_per_s_forward_chunked": 239900,
                             "peer_tokens_per_s_train_cumsum": 5556, "peer_tokens_per_s_train_chunked": 82011])
    }

    @Test("mamba_block.py's unsuffixed scan is the ref form, and the faster form wins each pass on its own")
    func mambaForms() throws {
        var outcome = RunOutcome()
        let object: [String: Any] = ["metrics": ["tokens_per_s_forward": 13000.0, "tokens_per_s_train": 4000.0,
                                                 "tokens_per_s_forward_unbind": 12000.0, "tokens_per_s_train_unbind": 4700.0]]
        try PyTorchPeer.recordBlock(object, path: "mamba_block.py", into: &outcome)
        let recorded = Self.metrics(outcome)
        #expect(recorded["tokens_per_s_forward"] == 13000 && recorded["tokens_per_s_train"] == 4700)
        #expect(recorded["peer_tokens_per_s_forward_ref"] == 13000 && recorded["peer_tokens_per_s_train_unbind"] == 4700)
        #expect(recorded.count == 6)
    }

    @Test("a form the catalog does not list is refused with its name and where to add it; no figures means no peer")
    func unknownForm() {
        var outcome = RunOutcome()
        let object: [String: Any] = ["metrics": ["tokens_per_s_forward_flash": 1.0, "tokens_per_s_train_flash": 1.0]]
        #expect {
            try PyTorchPeer.recordBlock(object, path: "p.py", into: &outcome)
        } throws: { "\($0)".contains("'flash'") && "\($0)".contains("MetricCatalog.peerForms") }
        #expect(throws: PerfError.self) { try PyTorchPeer.recordBlock(["metrics": [String: Double]()], path: "p.py", into: &outcome) }
        #expect(throws: PerfError.self) { try PyTorchPeer.recordBlock([:], path: "p.py", into: &outcome) }
    }

    @Test("the report lists every form in catalog order and names the one each figure came from")
    func reportTable() {
        let torch = PerfReportSection.Row(variant: "linear-pytorch-1t", bench: "linear-attention-block", peer: "pytorch", kernels: "fast",
                                          threads: 1, gemmLayer: "",
                                          metrics: ["tokens_per_s_forward": 239900, "tokens_per_s_train": 82011,
                                                    "peer_tokens_per_s_forward_chunked": 239900, "peer_tokens_per_s_train_chunked": 82011,
                                                    "peer_tokens_per_s_forward_cumsum": 14089, "peer_tokens_per_s_train_cumsum": 5556.4])
        let ours = PerfReportSection.Row(variant: "linear-fast-1t", bench: "linear-attention-block", peer: "biomoe", kernels: "fast",
                                         threads: 1, gemmLayer: "", metrics: ["tokens_per_s_train": 160000])
        #expect(PerfReportSection.peerForms([ours, torch]) == """

            The PyTorch peers by implementation form (each the median of its timed calls; the fastest form in each column is the peer's figure above and in the ratios):

            | variant | threads | form | tokens / s (forward) | tokens / s (train) | the peer's figure |
            |---|---:|---|---:|---:|---|
            | linear-pytorch-1t | 1 | cumsum | 14089 | 5556 | — |
            | linear-pytorch-1t | 1 | chunked | 239900 | 82011 | forward, train |

            """)
        let older = PerfReportSection.Row(variant: "linear-pytorch-1t", bench: "linear-attention-block", peer: "pytorch", kernels: "fast",
                                          threads: 1, gemmLayer: "", metrics: ["tokens_per_s_train": 82011])
        #expect(PerfReportSection.peerForms([older]).isEmpty, "runs recorded before the forms were add nothing")
    }
}
