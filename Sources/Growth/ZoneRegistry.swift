import Foundation

/// Seed 001's brain zones: each keeps its own expert registry, growth schedule and checkpoints
/// ("hippocampus grows for memory tasks; thalamus routes across zones"). Raw values are the config
/// spelling (`growth_zone:`).
public enum Zone: String, CaseIterable, Sendable {
    case hippocampus, amygdala, hypothalamus, thalamus, language
}

/// The kinds of expert a zone can hold. The growth model has MLP experts only; the seed's
/// Conv1DExpert and transformer experts are not built, so they are not offered here.
public enum ExpertKind: String, CaseIterable, Sendable {
    case mlp
}

/// What a zone's growth model looks like: its schedule, slots, routing width and expert kind.
/// The seed names the zones and says the hippocampus grows and the thalamus routes; the numbers
/// are biomoe's choice, stated here, scaled to the ten-epoch MNIST protocol of experiments/growth.yaml.
public struct ZonePreset: Equatable, Sendable {
    public var zone: Zone
    public var stages: [GrowthStage]
    /// Slots allocated (room for neurogenesis beyond the schedule).
    public var maxExperts: Int
    public var topK: Int
    public var expertKind: ExpertKind
    /// One line on why the zone is shaped so.
    public var purpose: String
}

public enum ZoneRegistry {
    /// The five presets.
    public static func preset(_ zone: Zone) -> ZonePreset {
        func stages(_ pairs: [(Int, Int)]) -> [GrowthStage] { pairs.map { GrowthStage(epoch: $0.0, experts: $0.1) } }
        switch zone {
        case .hippocampus:
            return ZonePreset(zone: zone, stages: stages([(1, 1), (4, 3), (7, 6)]), maxExperts: 8, topK: 2, expertKind: .mlp,
                              purpose: "memory: grows the most (the seed's 1 → 3 → 6), with two spare slots for neurogenesis")
        case .amygdala:
            return ZonePreset(zone: zone, stages: stages([(1, 1), (5, 2)]), maxExperts: 2, topK: 1, expertKind: .mlp,
                              purpose: "affect: small and fast, one expert per row, grows once")
        case .hypothalamus:
            return ZonePreset(zone: zone, stages: stages([(1, 1)]), maxExperts: 1, topK: 1, expertKind: .mlp,
                              purpose: "control (temperature, momentum): one fixed expert, no growth")
        case .thalamus:
            return ZonePreset(zone: zone, stages: stages([(1, 2)]), maxExperts: 2, topK: 2, expertKind: .mlp,
                              purpose: "routing across zones: a fixed pair of experts mixed for every row")
        case .language:
            return ZonePreset(zone: zone, stages: stages([(1, 2), (4, 4), (7, 8)]), maxExperts: 8, topK: 2, expertKind: .mlp,
                              purpose: "language: the widest, 2 → 4 → 8")
        }
    }

    /// Where a zone's per-expert checkpoints live under `root` (the seed's `expert_ckpt_path`):
    /// root/<zone>/, holding gate.safetensors and expert_<e>.safetensors (`ExpertCheckpoints`).
    public static func directory(root: URL, zone: Zone) -> URL {
        root.appendingPathComponent(zone.rawValue, isDirectory: true)
    }

    /// The file of expert e of a zone under `root`.
    public static func expertPath(root: URL, zone: Zone, expert e: Int) -> URL {
        directory(root: root, zone: zone).appendingPathComponent("expert_\(e).safetensors")
    }

    /// The gate's file (projection, gate, read-out, sizes and masks) of a zone under `root`.
    public static func gatePath(root: URL, zone: Zone) -> URL {
        directory(root: root, zone: zone).appendingPathComponent("gate.safetensors")
    }
}

extension GrowthSettings {
    /// The settings with a zone's schedule, slots and routing width in place of their own.
    public func applying(_ preset: ZonePreset) -> GrowthSettings {
        var s = self
        s.stages = preset.stages
        s.maxExperts = preset.maxExperts
        s.topK = preset.topK
        return s
    }
}
