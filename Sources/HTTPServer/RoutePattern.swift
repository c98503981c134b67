/// A parsed route path such as `/api/v1/users/:id`: literal segments and `:name` parameters.
struct RoutePattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    let description: String

    init(_ pattern: String) {
        description = pattern
        segments = pattern.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? .parameter(String(segment.dropFirst())) : .literal(String(segment))
        }
    }

    /// The parameter values if `pathSegments` (percent-decoded) match this pattern.
    func match(_ pathSegments: [String]) -> [String: String]? {
        guard pathSegments.count == segments.count else {
            return nil
        }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal) where literal != value:
                return nil
            case .literal:
                continue
            case .parameter(let name):
                parameters[name] = value
            }
        }
        return parameters
    }

    /// Whether this pattern is more specific than `other` where both match: the first segment
    /// where they differ is a literal here and a parameter there.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter):
                return true
            case (.parameter, .literal):
                return false
            default:
                continue
            }
        }
        return false
    }
}
