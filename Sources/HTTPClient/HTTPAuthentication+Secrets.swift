import PluginKit

extension HTTPAuthentication {
    /// The secret values, for removal from error messages.
    var secrets: [String] {
        switch self {
        case .basic(_, let password): [password]
        case .awsSigV4(_, let secretAccessKey, _, _): [secretAccessKey]
        }
    }
}
