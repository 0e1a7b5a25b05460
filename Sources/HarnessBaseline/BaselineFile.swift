import Foundation
import Metrics
import HarnessConfig
import HarnessStore

/// The reference results of a suite, kept next to the code as `baselines/<suite>.json`.
///
/// Written by `biomoe baseline update` from a results database; read by `compare`, `gate` and
/// reports. Everything a later comparison needs is in the file, per variant and metric, with the
/// spread and not only the mean, so nothing is re-run and no database is needed to judge a
/// change. An in-memory snapshot of current results has the same shape, so one comparison
/// works for "file against database" and "earlier invocation against database" alike.
///
/// Format (``currentFormat`` = 1), keys sorted so a diff in a pull request reads well:
///
/// ```json
/// {
///   "canonicalConfig" : "{…}",            // the suite's canonical JSON (its SHA-256 is configHash)
///   "configHash" : "3f9a…",
///   "environments" : [ { "blasLibrary" : …, "codeCommit" : …, … } ],
///   "format" : 1,
///   "suite" : "smoke",
///   "variants" : {
///     "mlp-64" : {
///       "test_accuracy" : {
///         "direction" : "higher",           // "higher", "lower" or "none" (informational)
///         "max" : 0.8125, "mean" : 0.81, "min" : 0.8075, "n" : 2,
///         "std" : 0.0035355339059327,      // sample std (n − 1); "NaN" when n < 2
///         "unit" : "fraction",
///         "values" : { "0" : 0.8075, "1" : 0.8125 }   // per seed, keyed by the seed
///       }
///     }
///   },
///   "version" : 1
/// }
/// ```
///
/// Doubles are written in their shortest round-trip form (full precision). JSON has no NaN, so
/// NaN is the string `"NaN"` (and ±∞ `"Infinity"` / `"-Infinity"`): a diverged seed stays
/// visible in the baseline instead of being dropped.
public struct BaselineFile: Codable, Sendable {
    /// The format this build writes and reads. A file of another format is refused with a
    /// message saying to regenerate it; upgrades, if ever needed, go one version at a time.
    public static let currentFormat = 1

    public var format: Int
    public var suite: String
    /// The suite config's `version:`; a different version is never comparable.
    public var version: Int
    public var configHash: String
    public var canonicalConfig: String
    /// The machines and commits the values were measured on, oldest first.
    public var environments: [EnvironmentFingerprint]
    /// Variant → metric name → summary.
    public var variants: [String: [String: BaselineMetric]]

    public init(suite: String, version: Int, configHash: String, canonicalConfig: String,
                environments: [EnvironmentFingerprint], variants: [String: [String: BaselineMetric]]) {
        self.format = Self.currentFormat
        self.suite = suite
        self.version = version
        self.configHash = configHash
        self.canonicalConfig = canonicalConfig
        self.environments = environments
        self.variants = variants
    }

    /// The file's bytes: sorted keys, pretty-printed, NaN as `"NaN"`, a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes ``encoded()`` to `path`, creating its directory.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoded().write(to: url, options: .atomic)
        } catch {
            throw BaselineError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Reads and checks a baseline file.
    ///
    /// - Throws: ``BaselineError/missing(path:)`` when there is no file,
    ///   ``BaselineError/unsupportedFormat(path:found:)`` for another format, and
    ///   ``BaselineError/malformed(path:reason:)`` (one line naming the bad key) otherwise.
    public static func load(path: String) throws -> BaselineFile {
        guard FileManager.default.fileExists(atPath: path) else { throw BaselineError.missing(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError.malformed(path: path, reason: "cannot read the file (permissions?)")
        }
        return try decode(data, path: path)
    }

    /// Decodes file bytes; `path` is only used in error messages.
    public static func decode(_ data: Data, path: String) throws -> BaselineFile {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // The format first: a newer file may be valid in a shape this build cannot read.
        let probe: FormatProbe
        do {
            probe = try decoder.decode(FormatProbe.self, from: data)
        } catch {
            throw BaselineError.malformed(path: path, reason: describe(error))
        }
        guard probe.format == currentFormat else {
            throw BaselineError.unsupportedFormat(path: path, found: probe.format)
        }
        let file: BaselineFile
        do {
            file = try decoder.decode(BaselineFile.self, from: data)
        } catch {
            throw BaselineError.malformed(path: path, reason: describe(error))
        }
        for (variant, metrics) in file.variants {
            for (name, metric) in metrics where metric.values.count != metric.n {
                throw BaselineError.malformed(
                    path: path, reason: "variants.\(variant).\(name): n is \(metric.n) but \(metric.values.count) per-seed values are listed")
            }
            for (name, metric) in metrics {
                for key in metric.values.keys where Int(key) == nil {
                    throw BaselineError.malformed(
                        path: path, reason: "variants.\(variant).\(name).values: key '\(key)' is not a seed; expected integer seeds")
                }
            }
        }
        return file
    }

    private struct FormatProbe: Decodable {
        let format: Int
    }

    /// One line for a decoding error: what was expected, and where.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "top level" : text
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing key '\(key.stringValue)' at \(parent)"
        case DecodingError.typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON (\(ConfigError.oneLine(context.underlyingError.map { "\($0)" } ?? context.debugDescription)))"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return ConfigError.oneLine("\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number (or \"NaN\")"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "a list" }
            return name
        }
    }
}

/// One metric of one variant in a baseline: the spread over seeds and every seed's value.
public struct BaselineMetric: Codable, Sendable {
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); NaN when n < 2.
    public var std: Double
    public var min: Double
    public var max: Double
    /// Seed (as a decimal string, JSON keys being strings) → value.
    public var values: [String: Double]
    public var unit: String
    public var direction: MetricDirection

    /// Summarises per-seed values; the direction comes from ``MetricCatalog`` (informational
    /// when the metric is not in the catalog).
    public init(name: String, values bySeed: [Int: Double], unit: String) {
        let ordered = bySeed.keys.sorted().compactMap { bySeed[$0] }
        n = ordered.count
        mean = Statistics.mean(ordered)
        std = Statistics.standardDeviation(ordered)
        // min/max propagate NaN, like mean: a diverged seed must not vanish from the summary.
        min = ordered.contains { $0.isNaN } ? .nan : (ordered.min() ?? .nan)
        max = ordered.contains { $0.isNaN } ? .nan : (ordered.max() ?? .nan)
        values = Dictionary(uniqueKeysWithValues: bySeed.map { (String($0.key), $0.value) })
        self.unit = unit
        direction = MetricCatalog.info(name)?.direction ?? .informational
    }

    /// The per-seed values keyed by integer seed (keys that are not integers are dropped; the
    /// loader refuses such files).
    public var valuesBySeed: [Int: Double] {
        var out: [Int: Double] = [:]
        for (key, value) in values { if let seed = Int(key) { out[seed] = value } }
        return out
    }
}
