import Foundation

/// A validated configuration value. Configs are trees of these, so the canonical form and its
/// hash can be computed without knowing what any key means.
public enum ConfigValue: Hashable, Sendable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case list([ConfigValue])
    case map([String: ConfigValue])
    case null

    /// A choice's config spelling, for schema defaults: `.choice(MoEConfig.RouterKind.softmax)`.
    public static func choice<E: RawRepresentable>(_ value: E) -> ConfigValue where E.RawValue == String {
        .string(value.rawValue)
    }

    public var intValue: Int? { if case .int(let v) = self { return v } else { return nil } }
    public var doubleValue: Double? {
        switch self {
        case .double(let v): return v
        case .int(let v): return Double(v)
        default: return nil
        }
    }
    public var stringValue: String? { if case .string(let v) = self { return v } else { return nil } }
    public var boolValue: Bool? { if case .bool(let v) = self { return v } else { return nil } }
    public var listValue: [ConfigValue]? { if case .list(let v) = self { return v } else { return nil } }
    public var mapValue: [String: ConfigValue]? { if case .map(let v) = self { return v } else { return nil } }

    /// Canonical JSON: keys sorted by their UTF-8 bytes, no whitespace, integers as integers,
    /// doubles in Swift's shortest round-trip form. Two configs that mean the same thing print
    /// the same bytes, which is what the SHA-256 config hash is taken over.
    public var canonicalJSON: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .int(let v): out += String(v)
        case .double(let v):
            if v.isNaN || v.isInfinite { out += "null" }  // unreachable: the schema rejects them
            else if v == v.rounded() && abs(v) < 1e15 { out += String(format: "%.1f", v) }
            else { out += "\(v)" }
        case .string(let v): out += Self.quote(v)
        case .bool(let v): out += v ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (i, key) in entries.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if i > 0 { out += "," }
                out += Self.quote(key) + ":"
                entries[key]?.write(into: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A short human form for tables and parameter rows (`[256]`, `0.001`, `adam`).
    public var displayString: String {
        switch self {
        case .string(let v): return v
        case .list(let items): return "[" + items.map(\.displayString).joined(separator: ", ") + "]"
        default: return canonicalJSON
        }
    }
}
