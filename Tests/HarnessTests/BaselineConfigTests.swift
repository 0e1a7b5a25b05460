import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("The gate: section of a suite config")
struct BaselineConfigTests {
    static let base = """
    schema: 1
    name: demo
    version: 1
    seeds: [0, 1]
    variants:
      mlp: {}
      small: {hidden: [8]}
    """

    @Test("tolerances parse, inherit the suite defaults, and do not change the config hash")
    func parses() throws {
        let yaml = Self.base + """

        gate:
          relative: 0.05
          metrics:
            test_ece: {absolute: 0.01}
            test_mce: {gated: false}
            latency_p99: {ratio_to: latency_p50, relative: 0.5}
        """
        let spec = try SuiteSpec.parse(yaml: yaml, path: "demo.yaml")
        let plain = try SuiteSpec.parse(yaml: Self.base, path: "demo.yaml")
        #expect(spec.configHash == plain.configHash)
        #expect(plain.gate == GatePolicy())

        let accuracy = spec.gate.rule(for: "test_accuracy")
        #expect(accuracy.gated && accuracy.relative == 0.05 && accuracy.absolute == 0)
        #expect(accuracy.allowedChange(baselineMean: 0.8) == 0.05 * 0.8)
        let ece = spec.gate.rule(for: "test_ece")
        #expect(ece.relative == 0.05 && ece.absolute == 0.01)
        #expect(ece.allowedChange(baselineMean: 0.04) == 0.01)  // the looser bound
        #expect(spec.gate.rule(for: "test_mce").gated == false)
        let latency = spec.gate.rule(for: "latency_p99")
        #expect(latency.gated && latency.ratioTo == "latency_p50" && latency.relative == 0.5)
        #expect(spec.gate.rule(for: "latency_p50").gated == false)
        #expect(spec.gate.rule(for: "latency_p50").whyNotGated == "machine-dependent; gate it as a ratio (ratio_to)")
        let ratios = try SuiteSpec.parse(yaml: Self.base + "\ngate: {ratio_to_variant: {mlp: small, small: [mlp]}}\n", path: "demo.yaml")
        #expect(ratios.gate.variantRatios == ["mlp": ["small"], "small": ["mlp"]])
        #expect(ratios.configHash == plain.configHash)
    }

    @Test("bad gate entries are refused with the key path and what is expected", arguments: [
        ("gate: {relativ: 0.1}", "demo.yaml:8: gate.relativ: unknown key; expected one of absolute, metrics, ratio_to_variant, relative"),
        ("gate: {relative: -1}", "demo.yaml:8: gate.relative: -1.0 is out of range; expected a number in [0.0, 10.0]"),
        ("gate: {metrics: {test_acc: {relative: 0.1}}}", "demo.yaml:8: gate.metrics.test_acc: unknown metric; expected one of test_accuracy"),
        ("gate: {metrics: {latency_p99: {gated: true}}}", "demo.yaml:8: gate.metrics.latency_p99.gated: latency_p99 depends on the machine and is never gated in s; expected ratio_to"),
        ("gate: {metrics: {parameters: {gated: true}}}", "demo.yaml:8: gate.metrics.parameters.gated: parameters is informational"),
        ("gate: {metrics: {latency_p99: {ratio_to: latency_p99}}}", "demo.yaml:8: gate.metrics.latency_p99.ratio_to: 'latency_p99' cannot be the reference"),
        ("gate: {ratio_to_variant: {mlpx: mlp}}", "demo.yaml:8: gate.ratio_to_variant.mlpx: unknown variant; expected one of mlp, small"),
        ("gate: {ratio_to_variant: {mlp: mlp}}", "demo.yaml:8: gate.ratio_to_variant.mlp: 'mlp' cannot be the reference; expected another variant of this suite: mlp, small"),
        ("gate: {ratio_to_variant: {mlp: [small, nope]}}", "demo.yaml:8: gate.ratio_to_variant.mlp: 'nope' cannot be the reference"),
        ("gate: {ratio_to_variant: {mlp: []}}", "demo.yaml:8: gate.ratio_to_variant.mlp: empty; expected a variant name or a list of them"),
    ])
    func refused(_ gate: String, _ message: String) {
        do {
            _ = try SuiteSpec.parse(yaml: Self.base + "\n" + gate + "\n", path: "demo.yaml")
            Issue.record("accepted: \(gate)")
        } catch {
            #expect("\(error)".hasPrefix(message), "got: \(error)")
        }
    }
}
