import Foundation
import HarnessStore

/// The corrupt-inputs check: bad files given to the command line — a text file as `--db`, a
/// database written by a newer biomoe, a truncated gzip data file, a truncated IDX file,
/// malformed baselines (NaN values, a missing field, not JSON), a truncated safetensors
/// checkpoint given to `biomoe checkpoint` — must each end with the
/// documented exit code (1), one line on stderr naming the offending file, and no file changed.
struct CorruptInputsCheck {
    struct Case {
        let name: String
        let arguments: [String]
        /// The file the message must name.
        let offending: String
        /// Files whose bytes must not change (the offending one at least).
        let untouched: [String]
    }

    static let tinySuite = """
    schema: 1
    name: corrupt-inputs
    version: 1
    seeds: [0]
    task: {validation_size: 100, train_limit: 300, test_limit: 100, epochs: 1, batch_size: 50, latency_samples: 3}
    base: {model: mlp, hidden: [8]}
    variants:
      mlp: {}
    """

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-corrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = try makeCases(in: directory)
        var clear = 0, changed = 0, crashed = 0
        for (index, testCase) in cases.enumerated() {
            let before = testCase.untouched.map { FileManager.default.contents(atPath: $0) }
            let result = try BiomoeChild.run(testCase.arguments)
            let lines = result.standardError.split(separator: "\n").filter { !$0.contains("OPENBLAS_CORETYPE") }
            let named = lines.count == 1 && lines[0].contains(URL(fileURLWithPath: testCase.offending).lastPathComponent)
            if result.signalled { crashed += 1 }
            if result.status == 1 && !result.signalled && named { clear += 1 } else {
                outcome.events.append(RunEvent(kind: "unclear-error", step: index, payload: jsonString(
                    "\(testCase.name): exit \(result.status)\(result.signalled ? " (signal)" : ""), stderr: \(result.standardError.prefix(300))")))
            }
            let after = testCase.untouched.map { FileManager.default.contents(atPath: $0) }
            for (file, (was, now)) in zip(testCase.untouched, zip(before, after)) where was != now {
                changed += 1
                outcome.events.append(RunEvent(kind: "file-changed", step: index, payload: jsonString("\(testCase.name): \(file)")))
            }
            progress(Double(index + 1) / Double(cases.count), testCase.name)
        }
        outcome.metric("corrupt_cases", Double(cases.count))
        outcome.metric("corrupt_clear_errors", Double(clear))
        outcome.metric("corrupt_files_changed", Double(changed))
        outcome.metric("corrupt_crashes", Double(crashed))
    }

    func makeCases(in directory: URL) throws -> [Case] {
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let suite = path("corrupt-inputs.yaml")
        try Self.tinySuite.write(toFile: suite, atomically: true, encoding: .utf8)
        var cases: [Case] = []

        let text = path("notes.sqlite")
        try "these are not results\n".write(toFile: text, atomically: true, encoding: .utf8)
        cases.append(Case(name: "a text file as --db (run)", arguments: ["run", suite, "--db", text, "--plain"], offending: text, untouched: [text]))
        cases.append(Case(name: "a text file as --db (report)", arguments: ["report", "corrupt-inputs", "--db", text, "--out", path("r")], offending: text, untouched: [text]))

        let newer = path("newer.sqlite")
        _ = try ResultStore(path: newer)
        try ResultStore.markWrittenByNewerBuild(path: newer, migration: "v999-from-the-future")
        cases.append(Case(name: "a database from a newer schema", arguments: ["run", suite, "--db", newer, "--plain"], offending: newer, untouched: [newer]))

        // A copy of Fashion-MNIST with one file truncated, through task.path; one copy per case
        // so that each run meets only its own bad file.
        let source = "/usr/share/datasets/fashion-mnist"
        for (label, file, keep) in [("truncated gzip", "train-images-idx3-ubyte.gz", 5_000), ("truncated IDX header", "t10k-labels-idx1-ubyte.gz", 0)] {
            let data = directory.appendingPathComponent("fashion-\(keep)")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source) {
                try FileManager.default.copyItem(atPath: source + "/" + name, toPath: data.appendingPathComponent(name).path)
            }
            let target = data.appendingPathComponent(file).path
            var cut = try Data(contentsOf: URL(fileURLWithPath: target)).prefix(keep)
            if keep == 0 { cut = Self.gzip(of: Data([0, 0, 8, 1, 0, 0])) }  // a valid gzip of a 6-byte, truncated IDX header
            try cut.write(to: URL(fileURLWithPath: target))
            let config = path("corrupt-\(keep).yaml")
            try Self.tinySuite.replacingOccurrences(of: "task: {", with: "task: {path: \"\(data.path)\", ").write(toFile: config, atomically: true, encoding: .utf8)
            let db = path("data-\(keep).sqlite")
            cases.append(Case(name: "a \(label) data file", arguments: ["run", config, "--db", db, "--plain"], offending: target, untouched: [target]))
        }

        // A checkpoint (`save_checkpoints`) cut short after its run recorded it: the export must
        // refuse it and leave the file it would write as it was.
        let saved = path("saved.sqlite")
        let savingSuite = path("saving.yaml")
        try Self.tinySuite.replacingOccurrences(of: "seeds: [0]", with: "seeds: [0]\nsave_checkpoints: true")
            .write(toFile: savingSuite, atomically: true, encoding: .utf8)
        let saving = try BiomoeChild.run(["run", savingSuite, "--db", saved, "--plain"])
        guard saving.status == 0 else {
            throw ReliabilityError.childFailed(what: "the checkpoint case's suite", status: saving.status, stderr: saving.standardError)
        }
        let checkpoints = CheckpointDirectory(databasePath: saved).url.appendingPathComponent("corrupt-inputs")
        let stored = try FileManager.default.contentsOfDirectory(atPath: checkpoints.path).map { checkpoints.appendingPathComponent($0) }
        guard stored.count == 1, let checkpoint = stored.first else {
            throw ReliabilityError.childFailed(what: "the checkpoint case's suite (stored \(stored.count) checkpoints, expected 1)",
                                               status: saving.status, stderr: saving.standardError)
        }
        let whole = try Data(contentsOf: checkpoint)
        try whole.prefix(whole.count - 100).write(to: checkpoint)
        let exported = path("exported.safetensors")
        try "an earlier export\n".write(toFile: exported, atomically: true, encoding: .utf8)
        cases.append(Case(name: "a truncated safetensors checkpoint", arguments: ["checkpoint", "1", "--db", saved, "-o", exported],
                          offending: checkpoint.path, untouched: [checkpoint.path, exported]))

        let smoke = "results/smoke.sqlite"
        for (label, json) in [("NaN values", #"{"format": 1, "suite": "smoke", "version": 1, "configHash": "x", "canonicalConfig": "{}", "environments": [], "variants": {"mlp-64": {"test_accuracy": {"name": "test_accuracy", "values": {"0": NaN}, "unit": "fraction"}}}}"#),
                              ("a missing field", #"{"format": 1, "suite": "smoke", "version": 1, "environments": [], "variants": {}}"#),
                              ("not JSON", "baseline: yes\n")] {
            let file = path("baseline-\(label.replacingOccurrences(of: " ", with: "-")).json")
            try json.write(toFile: file, atomically: true, encoding: .utf8)
            cases.append(Case(name: "a baseline with \(label)", arguments: ["gate", "smoke", "--db", smoke, "--baseline", file], offending: file, untouched: [file, smoke]))
        }
        return cases
    }

    /// A gzip member holding `data` uncompressed (a stored deflate block), so the IDX reader
    /// sees a well-formed gzip whose content is truncated.
    static func gzip(of data: Data) -> Data {
        var out = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
        let length = UInt16(data.count)
        out += Data([1, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)])
        out += data
        var crc = Self.crc32(data)
        out += Data(bytes: &crc, count: 4)
        var size = UInt32(data.count)
        out += Data(bytes: &size, count: 4)
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
