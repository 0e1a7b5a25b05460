import Foundation
import Testing
@testable import Metrics

@Suite("Metric catalog")
struct MetricCatalogTests {
    @Test("a family entry resolves each member by its index and nothing else")
    func familyLookup() throws {
        let info = try #require(MetricCatalog.info("utilization_e3"))
        #expect(info.name == "utilization_e{i}")
        #expect(info.unit == "fraction")
        #expect(info.index(of: "utilization_e3") == 3)
        #expect(info.label(for: "utilization_e3") == "utilization of expert 3")
        #expect(MetricCatalog.info("utilization_e12")?.name == "utilization_e{i}")
        #expect(MetricCatalog.info("accuracy_len_1024")?.name == "accuracy_len_{N}")
        #expect(MetricCatalog.info("accuracy_len_1024")?.label(for: "accuracy_len_1024") == "accuracy at length 1024")
        for name in ["utilization_e", "utilization_ex", "utilization_e3x", "utilization_e-1", "utilization_e{i}", "xutilization_e3"] {
            #expect(MetricCatalog.info(name) == nil, "\(name) is not a member")
        }
    }

    @Test("a single metric resolves only by its exact name, and its label needs no index")
    func singleLookup() throws {
        let info = try #require(MetricCatalog.info("test_ece"))
        #expect(info.familyPrefix == nil && info.label(for: "test_ece") == "ECE (15 bins)")
        #expect(MetricCatalog.info("test_ece2") == nil && MetricCatalog.info("nonsense") == nil)
    }

    @Test("no name is listed twice and no single name is also a member of a family")
    func namesAreUnambiguous() {
        let names = MetricCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        for info in MetricCatalog.all {
            let matching = MetricCatalog.all.filter { $0.matches(info.familyPrefix.map { $0 + "7" } ?? info.name) }
            #expect(matching.count == 1, "\(info.name) is matched by \(matching.map(\.name))")
        }
    }

    @Test("the sixteen metrics catalogued before keep their place, direction and machine dependence, so gating does not change")
    func originalEntriesUnchanged() {
        let original: [(String, String, MetricDirection, Bool)] = [
            ("test_accuracy", "fraction", .higherIsBetter, false), ("val_accuracy", "fraction", .higherIsBetter, false),
            ("test_ece", "fraction", .lowerIsBetter, false), ("test_mce", "fraction", .lowerIsBetter, false),
            ("test_brier", "score", .lowerIsBetter, false), ("test_nll", "nats", .lowerIsBetter, false),
            ("final_train_loss", "nats", .lowerIsBetter, false), ("parameters", "count", .informational, false),
            ("macs_per_sample", "MAC", .informational, false), ("train_seconds", "s", .lowerIsBetter, true),
            ("train_throughput", "samples/s", .higherIsBetter, true), ("latency_p50", "s", .lowerIsBetter, true),
            ("latency_p95", "s", .lowerIsBetter, true), ("latency_p99", "s", .lowerIsBetter, true),
            ("latency_max", "s", .lowerIsBetter, true), ("peak_rss", "bytes", .lowerIsBetter, true),
        ]
        for (position, (name, unit, direction, machineDependent)) in original.enumerated() {
            let info = MetricCatalog.all[position]
            #expect(info.name == name && info.unit == unit && info.direction == direction && info.machineDependent == machineDependent)
        }
    }

    /// The rule reports used before formats lived in the catalog; stored results must print as before.
    static func formatFromUnit(_ unit: String) -> MetricFormat {
        switch unit {
        case "fraction": return MetricFormat(scale: 100, decimals: 2, unit: "%")
        case "s": return MetricFormat(scale: 1e6, decimals: 1, unit: "µs")
        case "bytes": return MetricFormat(scale: 1.0 / 1_048_576, decimals: 1, unit: "MiB")
        case "samples/s": return MetricFormat(scale: 1, decimals: 0, unit: "samples/s")
        case "count", "MAC": return MetricFormat(scale: 1, decimals: 0, unit: unit)
        default: return MetricFormat(scale: 1, decimals: 4, unit: unit)
        }
    }

    @Test("every entry's format is the one its unit used to give, so reports print the same characters")
    func formatsAsBefore() {
        for info in MetricCatalog.all {
            #expect(info.format == Self.formatFromUnit(info.unit), "\(info.name)")
            #expect(MetricFormat.forMetric(info.familyPrefix.map { $0 + "0" } ?? info.name, unit: info.unit) == info.format)
        }
        #expect(MetricFormat.forMetric("custom_score", unit: "fraction") == MetricFormat(scale: 1, decimals: 4, unit: "fraction"))
    }

    @Test("every entry has a label and a one-line definition")
    func definitionsAreOneLine() {
        for info in MetricCatalog.all {
            #expect(!info.label.isEmpty && !info.definition.isEmpty, "\(info.name)")
            #expect(!info.definition.contains("\n"), "\(info.name)")
        }
    }

    @Test("docs/METRICS.md is exactly what `biomoe schema --metrics` prints, so the docs match the catalog")
    func docsMatchCatalog() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/METRICS.md"), encoding: .utf8)
        #expect(docs == MetricReference.markdown(), "regenerate with: biomoe schema --metrics > docs/METRICS.md")
    }
}
