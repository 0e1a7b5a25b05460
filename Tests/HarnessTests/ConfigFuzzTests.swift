import Foundation
import Testing
@testable import HarnessConfig

/// The committed configs, mutated (deleted keys, wrong types, out-of-range numbers, unicode,
/// duplicate keys, truncation, huge files, alias bombs): every case is accepted or refused with
/// a one-line error naming a key path or a line, within a time bound — no crash, no hang.
@Suite("Config fuzzing")
struct ConfigFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var configs: [URL] {
        let directory = root.appendingPathComponent("experiments")
        return ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test("at least 1 000 mutations of the committed configs: no crash, no hang, every refusal one line with its key path or line")
    func committedConfigsSurviveMutation() throws {
        let configs = Self.configs
        try #require(configs.count >= 5)
        let perConfig = max(96, 1_040 / configs.count)
        var total = ConfigFuzzer.Tally()
        var byMutation: [ConfigFuzzer.Mutation: Int] = [:]
        for (index, url) in configs.enumerated() {
            let yaml = try String(contentsOf: url, encoding: .utf8)
            let cases = try ConfigFuzzer.cases(from: yaml, count: perConfig, seed: UInt64(index + 1))
            for c in cases { byMutation[c.mutation, default: 0] += 1 }
            // A hang bound, not a speed target: here the cases share two cores with the other
            // tests, and a 20 000-variant online-router config took 5.6 s in CI (≈ 2 s alone),
            // so the bound is 15 s; the reliability suite, run alone, keeps the 5 s default.
            let tally = ConfigFuzzer.check(cases, path: "fuzz/" + url.lastPathComponent, timeLimit: 15)
            total.accepted += tally.accepted
            total.refused += tally.refused
            total.defects += tally.defects
            total.slowestSeconds = max(total.slowestSeconds, tally.slowestSeconds)
        }
        #expect(total.cases >= 1_000)
        #expect(ConfigFuzzer.Mutation.allCases.allSatisfy { (byMutation[$0] ?? 0) >= 50 })
        // Most mutations break the config; some (a deleted optional key) must still be accepted.
        #expect(total.refused > total.cases / 2 && total.accepted > 0)
        #expect(total.defects.isEmpty, "\(total.defects.count) defect(s): \(total.defects.prefix(5).joined(separator: " | "))")
    }

    @Test("the fuzzer's cases are the same for the same seed, and a broken case is what its name says")
    func casesAreReproducible() throws {
        let yaml = try String(contentsOf: Self.root.appendingPathComponent("experiments/smoke.yaml"), encoding: .utf8)
        let a = try ConfigFuzzer.cases(from: yaml, count: 40, seed: 7), b = try ConfigFuzzer.cases(from: yaml, count: 40, seed: 7)
        #expect(a.map(\.yaml) == b.map(\.yaml))
        let bomb = try #require(a.first { $0.mutation == .aliasBomb })
        #expect(bomb.yaml.contains("&l9") && bomb.yaml.contains("*l9"))
        let huge = try #require(a.first { $0.mutation == .hugeFile })
        #expect(huge.yaml.utf8.count > 200_000)
        #expect(a.filter { $0.mutation == .duplicateKey }.allSatisfy { $0.yaml != yaml })
    }
}
