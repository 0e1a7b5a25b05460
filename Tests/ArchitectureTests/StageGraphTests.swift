import Foundation
import Testing

/// The one-way flow of the harness, checked from Package.swift and from every source file's
/// imports: a later stage may use an earlier one, never the reverse, and the model libraries
/// never see the harness. The compiler does not enforce this by itself (a module built earlier
/// can be imported without being declared), so this test does.
@Suite("Stage graph: dependencies point only to earlier stages")
struct StageGraphTests {
    /// Harness stages in pipeline order; a target may depend only on stages of a lower rank.
    /// Run, Baseline and Report share no edge: Run writes results, Baseline and Report read them.
    static let stageRank: [String: Int] = [
        "HarnessConfig": 1, "HarnessStore": 2, "HarnessRun": 3, "HarnessBaseline": 3, "HarnessReport": 4, "biomoe": 5,
    ]
    /// Library targets below the harness: they may use each other (the compiler orders them) but
    /// no harness stage.
    static let libraries: Set<String> = ["Tensor", "CKernels", "NN", "Spiking", "Sequence", "MoE", "Learning", "Datasets", "Metrics", "MicroExperts", "Affect", "Continual", "Growth", "Memory", "Symbolic", "Pipeline"]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// target name → declared dependencies (target names and products), read from Package.swift.
    static func declaredDependencies() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]

        var rest = Substring(text)
        let kinds = [".target(name: \"", ".executableTarget(name: \"", ".testTarget(name: \""]

        while let range = kinds.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            rest = rest[range.upperBound...]
            guard let nameEnd = rest.firstIndex(of: "\"") else { break }
            let name = String(rest[..<nameEnd])
            // The target's text runs to the next target declaration (or the end).
            let next = kinds.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
            let body = rest[nameEnd..<next]
            var deps = Set<String>()
            if let open = body.range(of: "dependencies: [") {
                var depth = 1
                var index = open.upperBound
                var inner = ""
                while index < body.endIndex, depth > 0 {
                    let c = body[index]
                    if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
                    if depth > 0 { inner.append(c) }
                    index = body.index(after: index)
                }
                // Quoted names: plain target names and `.product(name: "X", …)`.
                for part in inner.components(separatedBy: "\"").enumerated() where part.offset % 2 == 1 {
                    deps.insert(part.element)
                }
            }
            result[name] = deps
        }
        return result
    }

    @Test("Package.swift gives every harness stage dependencies on earlier stages only")
    func packageEdgesPointBackwards() throws {
        let graph = try Self.declaredDependencies()
        #expect(Set(Self.stageRank.keys).isSubset(of: Set(graph.keys)), "every stage is a target")
        for (target, rank) in Self.stageRank {
            for dependency in graph[target] ?? [] {
                if let other = Self.stageRank[dependency] {
                    #expect(other < rank, "\(target) (stage \(rank)) depends on \(dependency) (stage \(other))")
                }
            }
        }
        for library in Self.libraries {
            let harness = (graph[library] ?? []).filter { Self.stageRank[$0] != nil }
            #expect(harness.isEmpty, "library \(library) depends on \(harness.sorted())")
        }
    }

    @Test("every import of a project module in Sources is a declared dependency of its target")
    func importsAreDeclared() throws {
        let graph = try Self.declaredDependencies()
        let ownModules = Set(graph.keys).union(["CBLAS", "CCSV", "CZlib"])
        let sources = Self.root.appendingPathComponent("Sources")
        let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path)
        var checked = 0
        for target in targets where graph[target] != nil {
            let declared = graph[target] ?? []
            let enumerator = FileManager.default.enumerator(atPath: sources.appendingPathComponent(target).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: sources.appendingPathComponent(target).appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                    let module = String(line.split(separator: " ").last ?? "")
                    guard ownModules.contains(module) else { continue }
                    checked += 1
                    #expect(declared.contains(module), "Sources/\(target)/\(file) imports \(module), which Package.swift does not list for \(target)")
                }
            }
        }
        #expect(checked > 50, "the scan found the project's imports")
    }

    @Test("the Package.swift reader sees the known edges, so the checks above can fail")
    func readerFindsKnownEdges() throws {
        let graph = try Self.declaredDependencies()
        #expect(graph["HarnessReport"]?.contains("HarnessBaseline") == true)
        #expect(graph["HarnessRun"]?.contains("HarnessStore") == true)
        #expect(graph["Tensor"]?.contains("CBLAS") == true)
        #expect(graph["HarnessConfig"]?.contains("Yams") == true)
    }
}
