import Foundation
import Growth
@testable import HarnessConfig
import Testing

/// A growth suite whose variant adds `extra` to the base.
private func suite(_ extra: String) -> String {
    """
    schema: 1
    name: zones
    version: 1
    seeds: [0]
    task: {dataset: mnist, epochs: 10}
    base: {model: growth}
    variants: {v: {\(extra)}}
    """
}

@Suite("Growth config: zones and gate signals")
struct GrowthConfigTests {
    @Test("growth_zone puts the zone's preset in place of the schedule keys, and refuses a schedule set beside it, naming the key")
    func zoneReplacesSchedule() throws {
        let spec = try SuiteSpec.parse(yaml: suite("growth_zone: language"), path: "zones.yaml")
        let settings = GrowthSettings(model: spec.variants[0].resolved, task: [:])
        #expect(settings.stages.map(\.experts) == [2, 4, 8] && settings.slots == 8)
        #expect(ZoneSetting.allCases.compactMap(\.zone) == Zone.allCases, "the config spelling lists every zone of the registry")
        #expect(throws: ConfigError.self) { try SuiteSpec.parse(yaml: suite("growth_zone: language, growth_experts: [1, 2], growth_epochs: [1, 2]"), path: "zones.yaml") }
        do {
            _ = try SuiteSpec.parse(yaml: suite("growth_zone: amygdala, top_k: 1"), path: "zones.yaml")
            Issue.record("top_k beside a zone was accepted")
        } catch let error as ConfigError {
            #expect("\(error)".contains("variants.v.top_k") && "\(error)".contains("growth_zone amygdala sets the schedule"), "\(error)")
        }
    }

    @Test("a gate signal that does not fit the model is refused naming its key; unset, the signals leave the run's hash alone")
    func signalProblems() throws {
        do {
            _ = try SuiteSpec.parse(yaml: suite("gate_bias: [1, 2]"), path: "zones.yaml")
            Issue.record("a gate_bias of the wrong length was accepted")
        } catch let error as ConfigError {
            #expect("\(error)".contains("variants.v.gate_bias") && "\(error)".contains("one bias per expert slot (6)"), "\(error)")
        }
        let plain = try SuiteSpec.parse(yaml: suite(""), path: "zones.yaml")
        let zeroed = try SuiteSpec.parse(yaml: suite("gate_phasor: 0, gate_bias: [], growth_zone: none"), path: "zones.yaml")
        let on = try SuiteSpec.parse(yaml: suite("gate_phasor: 0.5"), path: "zones.yaml")
        func hash(_ spec: SuiteSpec) -> String { RunSpec(suite: spec, variant: spec.variants[0], seed: 0).runConfigHash }
        #expect(hash(plain) == hash(zeroed))
        #expect(hash(plain) != hash(on))
    }
}
