import Foundation

/// Checks a JSON value against an OpenAPI 3.0 schema: the subset our document uses
/// (`$ref`, `allOf`, `type`, `nullable`, `properties`, `required`, `additionalProperties: false`,
/// `items`, `enum`, `minimum`/`maximum`). Returns the problems found, each with its JSON path.
struct SchemaValidator {
    let components: [String: Any]

    init(document: [String: Any]) {
        components = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
    }

    func validate(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] as? [String: Any] else { return ["\(path): unknown $ref \(ref)"] }
            return validate(value, against: target, at: path)
        }
        if value is NSNull {
            return schema["nullable"] as? Bool == true ? [] : ["\(path): null where the schema does not allow it"]
        }
        if let all = schema["allOf"] as? [[String: Any]] {
            return all.flatMap { validate(value, against: $0, at: path) }
        }
        var problems: [String] = []
        if let allowed = schema["enum"] as? [Any] {
            let s = "\(value)"
            if !allowed.contains(where: { "\($0)" == s }) { problems.append("\(path): \(s) is not one of \(allowed)") }
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): missing required \(name)")
            }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += validate(item, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): \(key) is not in the schema")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { problems += validate(item, against: items, at: "\(path)[\(i)]") }
            }
        case "string":
            if !(value is String) { problems.append("\(path): expected a string") }
        case "integer":
            guard let n = value as? NSNumber, n.doubleValue == n.doubleValue.rounded() else { return ["\(path): expected an integer"] }
            if let min = schema["minimum"] as? Double, n.doubleValue < min { problems.append("\(path): below \(min)") }
        case "number":
            guard value is NSNumber else { return ["\(path): expected a number"] }
        case "boolean":
            guard let n = value as? NSNumber, ["c", "B"].contains(String(cString: n.objCType)) else { return ["\(path): expected true or false"] }
        default:
            break
        }
        return problems
    }
}
