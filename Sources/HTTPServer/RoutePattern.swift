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

    /// The parameter values in `pathSegments` (percent-decoded), which this pattern matches
    /// (``RouteTree`` found it for them).
    func parameters(in pathSegments: [String]) -> [String: String] {
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, pathSegments) {
            if case .parameter(let name) = segment {
                parameters[name] = value
            }
        }
        return parameters
    }
}
