import Foundation
import Yams

/// The API description: the file `openapi.yaml` of this module, served as it is at `GET /openapi.yaml` and as JSON
/// at `GET /openapi.json`.
public enum OpenAPISpec {
    /// The bytes of `openapi.yaml`.
    public static let yaml: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url)
        else { fatalError("openapi.yaml is missing from the TalentAPI resource bundle") }
        return data
    }()

    /// The same document as JSON, with sorted keys so that every start serves the same bytes.
    public static let json: Data = {
        do {
            return try jsonData(fromYAML: yaml)
        } catch {
            fatalError("openapi.yaml cannot be served as JSON: \(error)")
        }
    }()

    struct NotJSON: Error, CustomStringConvertible {
        var description: String
    }

    /// YAML to JSON, refusing what JSON cannot say (keys that are not strings, timestamps, binary).
    static func jsonData(fromYAML data: Data) throws -> Data {
        guard let loaded = try Yams.load(yaml: String(decoding: data, as: UTF8.self)) else {
            throw NotJSON(description: "the document is empty")
        }
        return try JSONSerialization.data(withJSONObject: plain(loaded, at: ""),
                                          options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func plain(_ value: Any, at path: String) throws -> Any {
        switch value {
        case let mapping as [AnyHashable: Any]:
            var object: [String: Any] = [:]
            for (key, member) in mapping {
                guard let name = key.base as? String else {
                    throw NotJSON(description: "\(path): the key \(key) is not a string (quote it)")
                }
                object[name] = try plain(member, at: path + "/" + name)
            }
            return object
        case let sequence as [Any]:
            return try sequence.enumerated().map { try plain($1, at: path + "/\($0)") }
        case is String, is Bool, is Int, is Double, is NSNull:
            return value
        default:
            throw NotJSON(description: "\(path): \(type(of: value)) is not JSON (quote the value)")
        }
    }
}
