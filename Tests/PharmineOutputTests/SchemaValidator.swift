import Foundation

/// A validator for the subset of JSON Schema (draft 2020-12) that the record schemas use:
/// `type`, `required`, `properties`, `additionalProperties: false`, `enum`, `minimum`, `maximum`,
/// `minLength`, `pattern`, `items` and local `$ref`s to `#/$defs/…`. It refuses a schema that uses
/// any other keyword, so a schema change cannot be silently unchecked.
struct SchemaValidator {
    let root: [String: Any]

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let supported: Set<String> = [
        "type", "required", "properties", "additionalProperties", "enum", "minimum", "maximum", "minLength",
        "pattern", "items", "$ref",
    ]

    init(url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationFailure(errors: ["schema is not an object"])
        }
        self.root = root
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        var errors: [String]
        var description: String { errors.joined(separator: "\n") }
    }

    /// Returns the validation errors of a JSON value (empty when valid).
    func errors(of value: Any) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", errors: &errors)
        return errors
    }

    private enum Kind: String {
        case null, boolean, integer, number, string, array, object
    }

    private func kinds(of value: Any) -> Set<Kind> {
        switch value {
        case is NSNull: return [.null]
        case is String: return [.string]
        case is [Any]: return [.array]
        case is [String: Any]: return [.object]
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return [.boolean] }
            let double = number.doubleValue
            return double.rounded() == double ? [.integer, .number] : [.number]
        default: return []
        }
    }

    private func resolve(_ schema: [String: Any], at path: String, errors: inout [String]) -> [String: Any]? {
        guard let ref = schema["$ref"] as? String else { return schema }
        guard ref.hasPrefix("#/") else {
            errors.append("\(path): unsupported $ref \(ref)")
            return nil
        }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else {
                errors.append("\(path): unresolved $ref \(ref)")
                return nil
            }
            node = next
        }
        return node as? [String: Any]
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, errors: inout [String]) {
        for keyword in schema.keys where !Self.supported.contains(keyword) && !Self.annotations.contains(keyword) {
            errors.append("\(path): schema keyword \(keyword) is not supported by this validator")
        }
        guard let schema = resolve(schema, at: path, errors: &errors) else { return }
        let valueKinds = kinds(of: value)
        if let type = schema["type"] {
            let allowed = ((type as? [String]) ?? [type as? String].compactMap { $0 }).compactMap(Kind.init(rawValue:))
            if valueKinds.isDisjoint(with: allowed) {
                errors.append("\(path): expected \(allowed.map(\.rawValue)), found \(value)")
                return
            }
        }
        if let options = schema["enum"] as? [Any] {
            let matches = options.contains { option in
                (option as? String).map { $0 == value as? String } ?? false
            }
            if !matches { errors.append("\(path): \(value) is not one of \(options)") }
        }
        if let number = value as? NSNumber, !valueKinds.contains(.boolean) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
                errors.append("\(path): \(number) < minimum \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
                errors.append("\(path): \(number) > maximum \(maximum)")
            }
        }
        if let string = value as? String {
            if let minLength = schema["minLength"] as? Int, string.unicodeScalars.count < minLength {
                errors.append("\(path): shorter than \(minLength)")
            }
            if let pattern = schema["pattern"] as? String {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(string.startIndex..., in: string)
                if regex?.firstMatch(in: string, range: range) == nil {
                    errors.append("\(path): \(string) does not match \(pattern)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                check(item, against: items, at: "\(path)[\(index)]", errors: &errors)
            }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing required \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, at: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] as? NSNumber, !additional.boolValue {
                    errors.append("\(path): unexpected property \(key)")
                }
            }
        }
    }
}
