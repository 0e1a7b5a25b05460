import Foundation
import Testing
@testable import MicroExperts

@Suite("Stored experts")
struct ExpertStoreTests {
    @Test("experts round-trip through JSON in the .git-ml/experts layout, and another version is refused")
    func roundTrip() throws {
        let repository = try TestRepository.emptyDirectory("store")
        defer { try? FileManager.default.removeItem(at: repository) }
        let store = ExpertStore(repository: repository)
        var file = FileExpert()
        file.train([commit(0, "parser", touching: ["p.swift"]), commit(1, "help", touching: ["h.swift"])])
        try store.saveDomain(file)
        #expect(FileManager.default.fileExists(atPath: repository.appendingPathComponent(".git-ml/experts/domain/file_expert.json").path))
        #expect(try store.loadDomain(FileExpert.self, kind: .file) == file)
        try store.archiveDomain(.file, stamp: "20251217_120000")
        #expect(FileManager.default.fileExists(atPath: store.url(.history, "file_expert_20251217_120000.json").path))

        var episode = EpisodeExpert(id: "abc123")
        episode.train([commit(0, "parser", touching: ["p.swift"])])
        try store.saveEpisode(episode)
        #expect(try store.loadEpisode(id: "abc123") == episode)

        var weights = ExpertWeights()
        weights.record(expertID: "file", firstRelevantRank: 1)
        try store.save(weights, kind: "learned_weights", to: .routing, name: "learned_weights.json")
        #expect(try store.load(ExpertWeights.self, kind: "learned_weights", from: .routing, name: "learned_weights.json") == weights)

        let path = store.url(.domain, "file_expert.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ExpertStoreError.wrongVersion(path: path, found: 2, expected: 1)) {
            try store.loadDomain(FileExpert.self, kind: .file)
        }
        #expect(throws: ExpertStoreError.wrongKind(path: store.url(.episodes, "episode_abc123.json").path, found: "episode", expected: "file")) {
            try store.load(FileExpert.self, kind: "file", from: .episodes, name: "episode_abc123.json")
        }
    }
}
