import Yams

/// Turns YAML nodes into validated `ConfigValue`s, throwing `ConfigError`s that carry the file,
/// the line and the dotted key path of the offending value.
struct ConfigReader {
    let file: String

    struct Entry {
        let node: Node
        let line: Int?
    }

    func document(_ yaml: String) throws -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw ConfigError(file: file, line: nil, keyPath: "", message: "invalid YAML: \(error)")
        }
        guard let node else {
            throw ConfigError(file: file, line: nil, keyPath: "", message: "empty file; expected a suite config mapping (schema, name, version, seeds, task, base, variants)")
        }
        return node
    }

    /// A mapping's entries in file order, rejecting duplicate and non-string keys.
    func orderedMapping(_ node: Node, keyPath: String) throws -> [(String, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, keyPath, "expected a mapping, got \(describe(node))")
        }
        var seen = Set<String>()
        var out: [(String, Node)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(keyNode, keyPath, "expected string keys, got \(describe(keyNode))")
            }
            let key = scalar.string
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            if !seen.insert(key).inserted {
                throw error(keyNode, path, "duplicate key")
            }
            out.append((key, valueNode))
        }
        return out
    }

    /// A mapping as a dictionary, rejecting keys outside `allowed` with the list of valid ones.
    func mapping(_ entry: Entry?, keyPath: String, allowed: [String],
                 missingIsEmpty: Bool = false, nullIsEmpty: Bool = false) throws -> [String: Entry] {
        guard let entry else {
            if missingIsEmpty { return [:] }
            throw ConfigError(file: file, line: nil, keyPath: keyPath, message: "missing; expected a mapping")
        }
        if nullIsEmpty, case .scalar(let s) = entry.node, Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .null || s.string.isEmpty { return [:] }
        var out: [String: Entry] = [:]
        for (key, node) in try orderedMapping(entry.node, keyPath: keyPath) {
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            guard allowed.contains(key) else {
                let line = node.mark?.line
                throw ConfigError(file: file, line: line, keyPath: path,
                                  message: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            out[key] = Entry(node: node, line: node.mark?.line)
        }
        return out
    }

    func mapping(_ node: Node, keyPath: String, allowed: [String]) throws -> [String: Entry] {
        try mapping(Entry(node: node, line: node.mark?.line), keyPath: keyPath, allowed: allowed)
    }

    /// Validates the present keys of one section and fills defaults for absent ones.
    func section(_ entries: [String: Entry], specs: [FieldSpec], keyPath: String, node: Node) throws -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        for spec in specs {
            let path = keyPath.isEmpty ? spec.key : "\(keyPath).\(spec.key)"
            if let entry = entries[spec.key] {
                out[spec.key] = try value(entry.node, spec: spec, keyPath: path)
            } else if let fallback = spec.defaultValue {
                out[spec.key] = fallback
            } else {
                throw ConfigError(file: file, line: node.mark?.line, keyPath: path, message: "missing; expected \(spec.expectation) (\(spec.help))")
            }
        }
        return out
    }

    func value(_ node: Node, spec: FieldSpec, keyPath: String) throws -> ConfigValue {
        let wrong = { error(node, keyPath, "expected \(spec.expectation), got \(describe(node))") }
        switch spec.kind {
        case .int(let range):
            guard let v = intScalar(node) else { throw wrong() }
            guard range.contains(v) else { throw error(node, keyPath, "\(v) is out of range; expected \(spec.expectation)") }
            return .int(v)
        case .double(let range, let open):
            guard let v = doubleScalar(node), v.isFinite else { throw wrong() }
            guard range.contains(v), !(open && v == range.lowerBound) else {
                throw error(node, keyPath, "\(v) is out of range; expected \(spec.expectation)")
            }
            return .double(v)
        case .choice(let options):
            guard let s = stringScalar(node) else { throw wrong() }
            guard options.contains(s) else { throw error(node, keyPath, "'\(s)' is not allowed; expected \(spec.expectation)") }
            return .string(s)
        case .name:
            guard let s = stringScalar(node) else { throw wrong() }
            try checkName(s, keyPath: keyPath, line: node.mark?.line)
            return .string(s)
        case .string:
            guard let s = stringScalar(node) else { throw wrong() }
            return .string(s)
        case .bool:
            guard case .scalar(let s) = node, Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .bool, let b = node.bool else { throw wrong() }
            return .bool(b)
        case .intList(let element, let count):
            guard case .sequence(let sequence) = node else { throw wrong() }
            var items: [ConfigValue] = []
            for (i, item) in sequence.enumerated() {
                guard let v = intScalar(item), element.contains(v) else {
                    throw error(item, "\(keyPath)[\(i)]", "expected an integer in \(element.lowerBound)...\(element.upperBound), got \(describe(item))")
                }
                items.append(.int(v))
            }
            guard count.contains(items.count) else {
                throw error(node, keyPath, "has \(items.count) items; expected \(spec.expectation)")
            }
            return .list(items)
        case .doubleList(let element, let count):
            guard case .sequence(let sequence) = node else { throw wrong() }
            var items: [ConfigValue] = []
            for (i, item) in sequence.enumerated() {
                guard let v = doubleScalar(item), v.isFinite, element.contains(v) else {
                    throw error(item, "\(keyPath)[\(i)]", "expected a number in [\(element.lowerBound), \(element.upperBound)], got \(describe(item))")
                }
                items.append(.double(v))
            }
            guard count.contains(items.count) else {
                throw error(node, keyPath, "has \(items.count) items; expected \(spec.expectation)")
            }
            return .list(items)
        }
    }

    func checkName(_ s: String, keyPath: String, line: Int?) throws {
        let ok = !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        if !ok {
            throw ConfigError(file: file, line: line, keyPath: keyPath,
                              message: "'\(s)' is not a valid name; expected 1–64 lowercase letters, digits, '-' or '_'")
        }
    }

    private func intScalar(_ node: Node) -> Int? {
        guard case .scalar(let s) = node, Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .int else { return nil }
        return node.int
    }

    private func doubleScalar(_ node: Node) -> Double? {
        guard case .scalar(let s) = node, Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .int || Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .float else { return nil }
        return node.float
    }

    private func stringScalar(_ node: Node) -> String? {
        guard case .scalar(let s) = node, Tag.Name(rawValue: Node.scalar(s).tag.rawValue) == .str else { return nil }
        return s.string
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            switch Tag.Name(rawValue: Node.scalar(s).tag.rawValue) {
            case .int: return "integer \(s.string)"
            case .float: return "number \(s.string)"
            case .bool: return "boolean \(s.string)"
            case .null: return "null"
            default: return "string '\(s.string)'"
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func error(_ node: Node, _ keyPath: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, keyPath: keyPath, message: message)
    }

    /// Yams' own descriptions quote the whole document; keep the problem and its line only.
    static func describe(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, keyPath: "", message: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(file: file, line: context.mark.line, keyPath: "",
                               message: "invalid YAML: duplicate key(s) \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return ConfigError(file: file, line: nil, keyPath: "", message: "invalid YAML: \(ConfigError.oneLine("\(error)"))")
        }
    }
}

import Foundation
