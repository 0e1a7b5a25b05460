import Foundation
@testable import Growth
import Testing

@Suite("Zone registry")
struct ZoneRegistryTests {
    @Test("every zone's preset is a valid growth schedule for the ten-epoch protocol, and the hippocampus grows the seed's 1 → 3 → 6")
    func presetsAreValid() {
        for zone in Zone.allCases {
            var settings = GrowthSettings().applying(ZoneRegistry.preset(zone))
            settings.epochs = 10
            #expect(settings.problem() == nil, "\(zone): \(settings.problem().map { "\($0.key): \($0.expected)" } ?? "")")
            #expect(ZoneRegistry.preset(zone).zone == zone)
        }
        #expect(ZoneRegistry.preset(.hippocampus).stages.map(\.experts) == [1, 3, 6])
        #expect(ZoneRegistry.preset(.hypothalamus).stages.map(\.experts) == [1])
        // applying a preset replaces the schedule, slots and k, and nothing else
        var mine = GrowthSettings()
        mine.learningRate = 0.01
        let zoned = mine.applying(ZoneRegistry.preset(.thalamus))
        #expect(zoned.stages == [GrowthStage(epoch: 1, experts: 2)] && zoned.slots == 2 && zoned.learningRate == 0.01)
    }

    @Test("a zone's checkpoints live in root/<zone>/: the gate and one file per expert")
    func paths() {
        let root = URL(fileURLWithPath: "/models")
        #expect(ZoneRegistry.expertPath(root: root, zone: .amygdala, expert: 3).path == "/models/amygdala/expert_3.safetensors")
        #expect(ZoneRegistry.gatePath(root: root, zone: .language).path == "/models/language/gate.safetensors")
    }
}
