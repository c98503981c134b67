/// Routes filed by their patterns' segments, so that finding the routes for a path looks at
/// each of its segments once instead of matching every route in turn.
///
/// A node's children are its literal segments and at most one parameter segment. Matching
/// visits the literal child before the parameter child, so patterns are visited most specific
/// first: of two patterns that match, the one with a literal at the first segment where they
/// differ comes first; values filed under the same pattern shape come in the order filed.
struct RouteTree<Value: Sendable>: Sendable {
    private enum Edge: Hashable, Sendable {
        case literal(String)
        case parameter
    }

    /// The values whose patterns end at this node, in the order filed.
    private var values: [Value] = []
    private var children: [Edge: RouteTree] = [:]

    /// Files `value` under `pattern`.
    mutating func insert(_ value: Value, at pattern: RoutePattern) {
        insert(value, at: pattern.segments[...])
    }

    private mutating func insert(_ value: Value, at segments: ArraySlice<RoutePattern.Segment>) {
        guard let segment = segments.first else {
            values.append(value)
            return
        }
        let edge: Edge =
            switch segment {
            case .literal(let literal): .literal(literal)
            case .parameter: .parameter
            }
        children[edge, default: RouteTree()].insert(value, at: segments.dropFirst())
    }

    /// The first value, most specific pattern first, whose pattern matches `pathSegments`
    /// and that satisfies `predicate`.
    func first(matching pathSegments: [String], where predicate: (Value) -> Bool) -> Value? {
        var found: Value?
        visit(pathSegments, from: 0) { value in
            guard predicate(value) else { return false }
            found = value
            return true
        }
        return found
    }

    /// Every value whose pattern matches `pathSegments`, most specific pattern first.
    func all(matching pathSegments: [String]) -> [Value] {
        var found: [Value] = []
        visit(pathSegments, from: 0) { value in
            found.append(value)
            return false
        }
        return found
    }

    /// Calls `body` with the values of the patterns matching `pathSegments[depth...]` below
    /// this node, most specific first, until it returns true; returns whether it did.
    @discardableResult
    private func visit(_ pathSegments: [String], from depth: Int, _ body: (Value) -> Bool) -> Bool {
        guard depth < pathSegments.count else {
            return values.contains(where: body)
        }
        if let literal = children[.literal(pathSegments[depth])], literal.visit(pathSegments, from: depth + 1, body) {
            return true
        }
        if let parameter = children[.parameter], parameter.visit(pathSegments, from: depth + 1, body) {
            return true
        }
        return false
    }
}
